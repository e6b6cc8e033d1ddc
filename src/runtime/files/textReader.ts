import { chargeString } from "../../engine/memory";
import type { TextDecoderState } from "./textDecoding";

/** TextIOWrapper's chunk: the bytes decoded at a time by read(n), readline() and iteration. */
const CHUNK = 8192;

/** `newline=` of `open()` for reading: null (universal, translated), "" (universal, kept), or one ending. */
export type NewlineMode = null | "" | "\n" | "\r" | "\r\n";

/**
 * The reading side of a text file: bytes decoded chunk by chunk, as CPython's TextIOWrapper
 * does — so `read(5)` of a file with a bad byte far down succeeds, a whole `read()` names the
 * byte's position in the file, and `readline()` its position in its chunk, as CPython's do.
 */
export class TextReader {
  private pos = 0;
  private buffer = "";
  private at = 0;
  private eof = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly decoder: TextDecoderState,
    private readonly newline: NewlineMode,
  ) {}

  /** Back to the first byte (`f.seek(0)`). */
  rewind(): void {
    this.pos = 0;
    this.buffer = "";
    this.at = 0;
    this.eof = false;
    this.decoder.restart();
  }

  /** Everything left. */
  readAll(): string {
    const rest = this.bytes.subarray(this.pos);
    this.pos = this.bytes.length;
    chargeString(rest.length);
    const text = this.take(this.buffer.length) + (this.eof ? "" : this.decode(rest, true));
    this.eof = true;
    return text;
  }

  /** At most `n` characters. */
  read(n: number): string {
    while (this.buffer.length - this.at < n && this.more());
    return this.take(Math.min(n, this.buffer.length - this.at));
  }

  /** The next line with its ending (at most `limit` characters when limit ≥ 0); "" at the end. */
  readline(limit = -1): string {
    for (;;) {
      const end = this.lineEnd();
      const available = this.buffer.length - this.at;
      if (limit >= 0 && available >= limit)
        return this.take(end >= 0 ? Math.min(limit, end - this.at) : limit);
      if (end >= 0) return this.take(end - this.at);
      if (!this.more()) return this.take(available);
    }
  }

  /** The end (index after the ending) of the first complete line in the buffer, or -1. */
  private lineEnd(): number {
    const b = this.buffer;
    switch (this.newline) {
      case null:
      case "\n": {
        const i = b.indexOf("\n", this.at);
        return i < 0 ? -1 : i + 1;
      }
      case "\r": {
        const i = b.indexOf("\r", this.at);
        return i < 0 ? -1 : i + 1;
      }
      case "\r\n": {
        const i = b.indexOf("\r\n", this.at);
        return i < 0 ? -1 : i + 2;
      }
      case "": {
        for (let i = this.at; i < b.length; i++) {
          const c = b.charCodeAt(i);
          if (c === 10) return i + 1;
          if (c === 13) {
            if (i + 1 < b.length) return b.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
            // a \r last in the buffer: a \n may come with the next chunk
            return this.eof ? i + 1 : -1;
          }
        }
        return -1;
      }
    }
  }

  /** Decodes the next chunk into the buffer; false when the file is all read. */
  private more(): boolean {
    if (this.eof) return false;
    const end = Math.min(this.pos + CHUNK, this.bytes.length);
    const final = end === this.bytes.length;
    const text = this.decode(this.bytes.subarray(this.pos, end), final);
    this.pos = end;
    if (final) this.eof = true;
    chargeString(this.buffer.length - this.at + text.length);
    this.buffer = this.buffer.slice(this.at) + text;
    this.at = 0;
    return true;
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    return this.decoder.decode(chunk, final);
  }

  /** `f.newlines`: the endings met so far (universal newlines only). */
  get seen(): ReadonlySet<string> {
    return this.decoder.endings;
  }

  private take(n: number): string {
    const s = this.buffer.slice(this.at, this.at + n);
    this.at += n;
    if (this.at === this.buffer.length) {
      this.buffer = "";
      this.at = 0;
    }
    return s;
  }
}
