import { PyError, UnsupportedError } from "../interpreter/pyErrors";

/**
 * Bytes to text as CPython's codecs do it, for `open()` in text mode: utf-8 (and utf-8-sig),
 * latin-1 and ascii, with the `strict`, `replace`, `ignore`, `backslashreplace` and
 * `surrogateescape` error handlers. A UTF-8 error covers the same "maximal subpart" of bytes as
 * CPython's, so its UnicodeDecodeError names the same bytes and positions. Decoding is
 * incremental (a sequence split between two chunks waits for the next), as TextIOWrapper's is.
 */

export type Codec = "utf-8" | "utf-8-sig" | "latin-1" | "ascii";

/** CPython's names for the three codecs (it lowercases and turns spaces and `-` into `_` first). */
const CODEC_ALIASES: Record<string, Codec> = {
  utf_8: "utf-8",
  utf8: "utf-8",
  u8: "utf-8",
  utf: "utf-8",
  cp65001: "utf-8",
  utf_8_sig: "utf-8-sig",
  latin_1: "latin-1",
  latin1: "latin-1",
  latin: "latin-1",
  l1: "latin-1",
  iso_8859_1: "latin-1",
  iso8859_1: "latin-1",
  "8859": "latin-1",
  cp819: "latin-1",
  iso_ir_100: "latin-1",
  ascii: "ascii",
  us_ascii: "ascii",
  "646": "ascii",
  us: "ascii",
  ansi_x3_4_1968: "ascii",
  iso646_us: "ascii",
};

/**
 * Encodings CPython has that GradLens does not decode (an unsupported diagnostic, not a
 * LookupError): GradLens reads utf-8, latin-1 and ascii.
 */
const OTHER_KNOWN =
  /^(utf_?(16|32)(_?(le|be))?|utf_?7|cp\d+|windows_?\d+|iso_?8859_\d+|latin_?\d+|koi8_\w+|mac_\w+|big5\w*|gb\w+|shift_?jis\w*|euc_\w+|iso2022_\w+|hz|johab|ptcp154|tis_?620|idna|punycode|raw_unicode_escape|unicode_escape|charmap|mbcs|oem|palmos)$/;

/** The codec an `encoding=` names; LookupError for a name CPython does not know either. */
export function codecNamed(name: string): Codec {
  const key = name.toLowerCase().replace(/[\s-]/g, "_");
  const codec = CODEC_ALIASES[key];
  if (codec) return codec;
  if (OTHER_KNOWN.test(key))
    throw new UnsupportedError(`Reading with the encoding '${name}' is not supported by GradLens`);
  throw new PyError("LookupError", `unknown encoding: ${name}`);
}

const HANDLERS = new Set(["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]);
const OTHER_HANDLERS = new Set(["surrogatepass", "xmlcharrefreplace", "namereplace"]);

/** Checks an `errors=` value once it is needed (CPython looks the handler up at the first bad byte). */
function handlerNamed(errors: string): string {
  if (HANDLERS.has(errors)) return errors;
  if (OTHER_HANDLERS.has(errors))
    throw new UnsupportedError(`The error handler '${errors}' is not supported by GradLens when reading`);
  throw new PyError("LookupError", `unknown error handler name '${errors}'`);
}

/** The python codec name a UnicodeDecodeError message gives. */
const MESSAGE_NAME: Record<Codec, string> = {
  "utf-8": "utf-8",
  "utf-8-sig": "utf-8",
  "latin-1": "latin-1",
  ascii: "ascii",
};

const hex2 = (b: number) => `0x${b.toString(16).padStart(2, "0")}`;

function decodeError(codec: Codec, input: Uint8Array, start: number, end: number, reason: string): PyError {
  const name = MESSAGE_NAME[codec];
  const message =
    end - start === 1
      ? `'${name}' codec can't decode byte ${hex2(input[start])} in position ${start}: ${reason}`
      : `'${name}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  return new PyError("UnicodeDecodeError", message);
}

/** The text `errors` puts in place of the undecodable bytes input[start, end). */
function replacement(errors: string, input: Uint8Array, start: number, end: number): string {
  switch (handlerNamed(errors)) {
    case "replace":
      return "\ufffd";
    case "ignore":
      return "";
    case "backslashreplace": {
      let s = "";
      for (let i = start; i < end; i++) s += `\\x${input[i].toString(16).padStart(2, "0")}`;
      return s;
    }
    case "surrogateescape": {
      let s = "";
      for (let i = start; i < end; i++) s += String.fromCharCode(0xdc00 + input[i]);
      return s;
    }
    default:
      throw new Error(`unreachable error handler ${errors}`);
  }
}

/** How many bytes a UTF-8 sequence starting with `lead` has (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `b` may follow `lead` as the sequence's second byte (no overlongs, surrogates or > U+10FFFF). */
function validSecond(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

/** What one decode call gives: the text, and the bytes held back for the next call. */
interface Decoded {
  text: string;
  rest: Uint8Array;
}

/** Where ASCII runs are turned into text many characters at a time. */
const RUN = 8192;

function decodeUtf8(input: Uint8Array, final: boolean, errors: string): Decoded {
  const parts: string[] = [];
  let run = ""; // the current piece; flushed every RUN characters so it stays flat
  let i = 0;
  const n = input.length;
  while (i < n) {
    const lead = input[i];
    if (lead < 0x80) {
      let j = i + 1;
      while (j < n && input[j] < 0x80 && j - i < RUN) j++;
      run += String.fromCharCode.apply(null, input.subarray(i, j) as unknown as number[]);
      i = j;
    } else {
      const length = sequenceLength(lead);
      if (length === 0) {
        run += bad(input, i, i + 1, "invalid start byte", errors);
        i++;
        continue;
      }
      let k = 1;
      while (k < length && i + k < n) {
        const b = input[i + k];
        if (k === 1 ? !validSecond(lead, b) : b < 0x80 || b > 0xbf) break;
        k++;
      }
      if (k < length) {
        if (i + k >= n) {
          // the sequence is cut off by the end of the input: wait for more, or it is an error
          if (!final) return { text: parts.join("") + run, rest: input.slice(i) };
          run += bad(input, i, n, "unexpected end of data", errors);
          i = n;
        } else {
          run += bad(input, i, i + k, "invalid continuation byte", errors);
          i += k;
        }
        continue;
      }
      let cp = lead & (0xff >> (length + 1));
      for (let m = 1; m < length; m++) cp = (cp << 6) | (input[i + m] & 0x3f);
      run += String.fromCodePoint(cp);
      i += length;
    }
    if (run.length >= RUN) {
      parts.push(run);
      run = "";
    }
  }
  parts.push(run);
  return { text: parts.join(""), rest: new Uint8Array(0) };

  function bad(input: Uint8Array, start: number, end: number, reason: string, errors: string): string {
    if (errors === "strict") throw decodeError("utf-8", input, start, end, reason);
    return replacement(errors, input, start, end);
  }
}

function decodeSingleByte(codec: "latin-1" | "ascii", input: Uint8Array, errors: string): string {
  const parts: string[] = [];
  for (let i = 0; i < input.length;) {
    let j = i;
    while (j < input.length && j - i < RUN && (codec === "latin-1" || input[j] < 0x80)) j++;
    if (j > i) parts.push(String.fromCharCode.apply(null, input.subarray(i, j) as unknown as number[]));
    if (j < input.length && j - i < RUN) {
      if (errors === "strict") throw decodeError(codec, input, j, j + 1, "ordinal not in range(128)");
      parts.push(replacement(errors, input, j, j + 1));
      j++;
    }
    i = j;
  }
  return parts.join("");
}

/**
 * An incremental decoder with universal newlines, as TextIOWrapper's: `decode(chunk, final)`
 * gives the text of the bytes so far, holding back a sequence cut by the chunk's end and, with
 * universal newlines, a trailing `\r` that a `\n` may follow. Error positions count from the
 * start of what this call decodes — the held-back bytes, then the chunk — as CPython's do.
 */
export class TextDecoderState {
  private pending: Uint8Array = new Uint8Array(0);
  private pendingCR = false;
  private first = true;
  /** The line endings met so far (universal newlines): what `f.newlines` reports. */
  readonly endings = new Set<string>();

  constructor(
    private readonly codec: Codec,
    private readonly errors: string,
    /**
     * `translate`: `\r\n` and `\r` become `\n` (newline=None, text mode's default); `universal`:
     * endings kept but noted (newline=""); `none`: neither (newline="\n", "\r" or "\r\n").
     */
    private readonly newlines: "translate" | "universal" | "none",
  ) {}

  /** Back to the file's start (`f.seek(0)`): nothing pending, a BOM to drop again. */
  restart(): void {
    this.pending = new Uint8Array(0);
    this.pendingCR = false;
    this.first = true;
  }

  decode(chunk: Uint8Array, final: boolean): string {
    let input = chunk;
    if (this.pending.length > 0) {
      input = new Uint8Array(this.pending.length + chunk.length);
      input.set(this.pending);
      input.set(chunk, this.pending.length);
    }
    let text: string;
    if (this.codec === "latin-1" || this.codec === "ascii") {
      text = decodeSingleByte(this.codec, input, this.errors);
      this.pending = new Uint8Array(0);
    } else {
      const decoded = decodeUtf8(input, final, this.errors);
      text = decoded.text;
      this.pending = decoded.rest;
      if (this.codec === "utf-8-sig" && this.first) {
        // the BOM, when the file starts with one, is dropped; cut off by the chunk, it waits
        if (text === "" && !final) return "";
        if (text.startsWith("\ufeff")) text = text.slice(1);
        this.first = false;
      }
    }
    if (this.newlines === "none") return text;
    if (this.pendingCR && (text.length > 0 || final)) {
      text = "\r" + text;
      this.pendingCR = false;
    }
    if (!final && text.endsWith("\r")) {
      text = text.slice(0, -1);
      this.pendingCR = true;
    }
    if (!text.includes("\r")) {
      if (this.endings.size < 3 && text.includes("\n")) this.endings.add("\n");
      return text;
    }
    if (this.endings.size < 3) {
      if (text.includes("\r\n")) this.endings.add("\r\n");
      if (/\r(?!\n)/.test(text)) this.endings.add("\r");
      if (/(^|[^\r])\n/.test(text)) this.endings.add("\n");
    }
    return this.newlines === "translate" ? text.replace(/\r\n?/g, "\n") : text;
  }
}
