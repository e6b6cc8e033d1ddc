import { describe, expect, it } from "vitest";
import { PyError } from "../interpreter/pyErrors";
import { codecNamed, TextDecoderState } from "./textDecoding";

const b = (...xs: (string | number)[]) =>
  Uint8Array.from(xs.flatMap((x) => (typeof x === "string" ? [...new TextEncoder().encode(x)] : [x])));

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PyError) return e.pythonMessage;
    throw e;
  }
  return "no error";
}

// Recorded from CPython 3.11's codecs (codecs.getincrementaldecoder('utf-8')() and bytes.decode).
describe("decoding as CPython's codecs do", () => {
  it("waits for a sequence cut between two chunks, and counts error positions from the held-back bytes", () => {
    const d = new TextDecoderState("utf-8", "strict", "none");
    expect(d.decode(b("ab", 0xf0, 0x9f), false)).toBe("ab");
    expect(d.decode(b(0x98, 0x80, "!"), true)).toBe("😀!");
    const e = new TextDecoderState("utf-8", "strict", "none");
    expect(e.decode(b("ab", 0xe2), false)).toBe("ab");
    expect(message(() => e.decode(b(0x82, "z"), true))).toBe(
      "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
    );
  });

  it("replaces, drops, escapes or smuggles undecodable bytes as each error handler says", () => {
    const bad = b("a", 0xff, 0xe2, 0x82, "z");
    const decode = (errors: string) => new TextDecoderState("utf-8", errors, "none").decode(bad, true);
    expect(decode("replace")).toBe("a\ufffd\ufffdz");
    expect(decode("ignore")).toBe("az");
    expect(decode("backslashreplace")).toBe("a\\xff\\xe2\\x82z");
    expect(decode("surrogateescape")).toBe("a\udcff\udce2\udc82z");
    expect(message(() => decode("bogus"))).toBe("LookupError: unknown error handler name 'bogus'");
  });

  it("holds back a \\r at a chunk's end, so a \\r\\n cut in two is one line end", () => {
    const d = new TextDecoderState("utf-8", "strict", "translate");
    expect(d.decode(b("a\r"), false)).toBe("a");
    expect(d.decode(b("\nb\r"), false)).toBe("\nb");
    expect(d.decode(b(""), true)).toBe("\n");
    expect([...d.endings].sort()).toEqual(["\r", "\r\n"]);
  });

  it("knows CPython's names for its codecs, and says which others it lacks", () => {
    expect(codecNamed("UTF8")).toBe("utf-8");
    expect(codecNamed("ISO-8859-1")).toBe("latin-1");
    expect(codecNamed("US-ASCII")).toBe("ascii");
    expect(codecNamed("utf_8_sig")).toBe("utf-8-sig");
    expect(message(() => codecNamed("foo"))).toBe("LookupError: unknown encoding: foo");
    expect(() => codecNamed("cp1252")).toThrow(/'cp1252' is not supported by GradLens/);
  });
});
