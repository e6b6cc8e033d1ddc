import { afterEach, describe, expect, it, vi } from "vitest";
import { runProgram } from "../runProgram";
import { JsInterpreter } from "./interpreter";

const js = (source: string) => runProgram(source, { language: "javascript" });

describe("which host errors a JavaScript program can catch", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("catches the library's errors as JavaScript errors", () => {
    const trace = js(
      'import { Value } from "gradlens";\ntry { new Value("x"); } catch (e) { console.log(e.name, e instanceof TypeError); }',
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("TypeError true\n");
  });

  it("never lets a program catch the interpreter's own bug: it ends the run as an internal error", () => {
    vi.spyOn(JsInterpreter.prototype, "iterate").mockImplementation(() => {
      throw new TypeError("a bug in the interpreter");
    });
    const trace = js(
      'try { for (const x of [1]) console.log(x); } catch (e) { console.log("caught", e.message); } finally { console.log("finally"); }',
    );
    expect(trace.ok).toBe(false);
    expect(trace.stdout).toBe("");
    expect(trace.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["internal", "GradLens internal error: a bug in the interpreter"],
    ]);
  });

  it("reports `super` where no method has one as a located SyntaxError, not an interpreter name", () => {
    const trace = js("console.log(super.x);");
    expect(trace.diagnostics.map((d) => d.message)).toEqual(["SyntaxError: 'super' keyword unexpected here"]);
  });
});
