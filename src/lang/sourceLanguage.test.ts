import { describe, expect, it } from "vitest";
import { backwardCalls } from "../explain/backwardCalls";
import { isGradLensProgram, languageOfEditor, languageOfFile } from "./sourceLanguage";

describe("which programs GradLens runs, in which language", () => {
  it("knows the language by file name and by editor language id", () => {
    expect(["a.py", "b.mjs", "c.js", "d.cjs", "e.ts", "f.mts", "g"].map(languageOfFile)).toEqual([
      "python",
      "javascript",
      "javascript",
      "javascript",
      "typescript",
      "typescript",
      "python",
    ]);
    expect(
      ["python", "javascript", "typescript", "markdown", "typescriptreact"].map(languageOfEditor),
    ).toEqual(["python", "javascript", "typescript", null, null]);
  });

  it("runs every Python file, and JS/TS only when it imports gradlens", () => {
    expect(isGradLensProgram("python", "print(1)\n")).toBe(true);
    expect(isGradLensProgram("javascript", 'import { Value } from "gradlens";\n')).toBe(true);
    expect(isGradLensProgram("typescript", "import {\n  Value,\n  tensor,\n} from 'gradlens';\n")).toBe(true);
    expect(isGradLensProgram("javascript", 'const g = require("gradlens");\n')).toBe(false);
    expect(isGradLensProgram("javascript", 'import React from "react";\nconsole.log(1);\n')).toBe(false);
    expect(isGradLensProgram("javascript", '// import { Value } from "gradlens";\n')).toBe(false);
    expect(isGradLensProgram("typescript", 'import x from "gradlens-extra";\n')).toBe(false);
  });

  it("finds .backward() calls outside each language's line comments", () => {
    const js = 'import { Value } from "gradlens";\n// loss.backward() is below\nloss.backward();\n';
    expect(backwardCalls(js, "javascript")).toEqual([{ line: 2, column: 4 }]);
    const py = "# loss.backward() below\nloss.backward()\n";
    expect(backwardCalls(py, "python")).toEqual([{ line: 1, column: 4 }]);
  });
});
