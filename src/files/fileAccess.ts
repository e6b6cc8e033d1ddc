import type { FileAnswer, FileRequest } from "./fileRequest";

/**
 * The files around a run as the interpreter reaches them: one synchronous question, one answer
 * (the interpreter never waits on a promise). In the worker the question crosses to the run's
 * owner (fileBridge.ts); the CLI's in-process runs and the tests answer directly.
 */
export interface FileAccess {
  ask(request: FileRequest): FileAnswer;
}

/** No files at all: what a run gets when nobody answers for its files. */
export const NO_FILE_ACCESS: FileAccess = {
  ask: () => ({ ok: false, error: "denied", detail: "no files are available to this run" }),
};

/** What the cache keeps at most of read files' bytes; past it, the oldest reads are forgotten. */
const CACHED_BYTES = 256 * 1024 * 1024;

/**
 * Asks each question once per run request (a program that reads `names.txt` twice, a gradient
 * check that re-runs the program a hundred times: one read). Failures are kept too, except a
 * timeout, which may be asked again.
 */
export class CachedFileAccess implements FileAccess {
  private readonly answers = new Map<string, FileAnswer>();
  private bytes = 0;

  constructor(private readonly inner: FileAccess) {}

  ask(request: FileRequest): FileAnswer {
    const key = `${request.op}${request.op === "read" && request.module ? "+module" : ""}\0${request.path}`;
    const known = this.answers.get(key);
    if (known) return known;
    const answer = this.inner.ask(request);
    if (!answer.ok && answer.error === "timeout") return answer;
    if (answer.ok && answer.op === "read") {
      this.bytes += answer.bytes.length;
      for (const [k, a] of this.answers) {
        if (this.bytes <= CACHED_BYTES) break;
        if (a.ok && a.op === "read") {
          this.bytes -= a.bytes.length;
          this.answers.delete(k);
        }
      }
    }
    this.answers.set(key, answer);
    return answer;
  }
}
