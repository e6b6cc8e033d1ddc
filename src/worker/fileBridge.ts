/**
 * The synchronous file bridge. The interpreter is synchronous, so a program's `open('names.txt')`
 * must have its bytes before the next statement runs; the worker thread cannot wait on a promise.
 * It posts the question to its parent thread and sleeps in `Atomics.wait` on a word of shared
 * memory; the parent passes the question on to the run's owner (the host or the CLI, over IPC),
 * and when the answer comes back posts it on a MessagePort of the worker's and bumps the word.
 * The worker wakes and takes the answer off the port synchronously (`receiveMessageOnPort`): the
 * whole file in one message, however large (up to MAX_FILE_BYTES). Each question carries a
 * sequence number, so an answer that comes too late for one question is never taken for the next.
 *
 *   worker thread                 runner main thread               owner (host / CLI)
 *   ask(q) → post fileRequest ──→ send fileRequest (IPC) ───────→ read the file
 *   Atomics.wait(word)                                             │
 *   receiveMessageOnPort ←─────── port.postMessage + notify ←───── fileAnswer (IPC)
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { FileAccess } from "../files/fileAccess";
import { FILE_WAIT_MS, isFileAnswer, type FileAnswer, type FileRequest } from "../files/fileRequest";
import type { FileAnswerMessage, FileRequestMessage } from "./protocol";

/** What a worker is given at start (as `workerData.files`): the word it sleeps on and its answer port. */
export interface WorkerFileChannel {
  signal: SharedArrayBuffer;
  port: MessagePort;
}

/** An answer on its way to the worker's port. */
interface PortAnswer {
  seq: number;
  answer: FileAnswer;
}

/** The parent's end of a worker's file channel: it delivers answers and wakes the worker. */
export class FileChannelEnd {
  private readonly word: Int32Array;

  private constructor(
    private readonly port: MessagePort,
    readonly worker: WorkerFileChannel,
  ) {
    this.word = new Int32Array(worker.signal);
  }

  /** A new channel: this end for the parent, `worker` to hand to the worker (transfer its port). */
  static create(): FileChannelEnd {
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    return new FileChannelEnd(port1, { signal: new SharedArrayBuffer(4), port: port2 });
  }

  /**
   * Passes an answer to the worker and wakes it. With `move`, a file's bytes move to the worker
   * instead of being copied, and the array given here is left empty: for answers that arrived
   * over IPC (fresh arrays nobody else holds), not for an owner's own arrays.
   */
  deliver(message: FileAnswerMessage, move = false): void {
    const answer = message.answer;
    if (answer.ok && answer.op === "read" && answer.bytes instanceof Uint8Array) {
      const whole =
        answer.bytes.byteOffset === 0 && answer.bytes.byteLength === answer.bytes.buffer.byteLength;
      const bytes = move && whole ? answer.bytes : answer.bytes.slice();
      const transfer = bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
      this.port.postMessage(
        { seq: message.seq, answer: { ...answer, bytes } } satisfies PortAnswer,
        transfer,
      );
    } else this.port.postMessage({ seq: message.seq, answer } satisfies PortAnswer);
    this.wake();
  }

  /** Wakes the worker without an answer (before it is terminated: a sleeping thread ends sooner awake). */
  wake(): void {
    Atomics.add(this.word, 0, 1);
    Atomics.notify(this.word, 0);
  }

  close(): void {
    this.port.close();
  }
}

/**
 * The worker's side: asks through its parent and blocks until the answer comes, at most
 * `waitMs`; then the answer is a `timeout` failure (the program gets a located OSError).
 */
export class BlockingFileAccess implements FileAccess {
  private seq = 0;
  private readonly word: Int32Array;

  constructor(
    private readonly channel: WorkerFileChannel,
    /** Posts a question to the parent thread. */
    private readonly post: (message: FileRequestMessage) => void,
    /** The run request the questions belong to. */
    private readonly requestId: number,
    private readonly waitMs = FILE_WAIT_MS,
  ) {
    this.word = new Int32Array(channel.signal);
  }

  ask(request: FileRequest): FileAnswer {
    const seq = ++this.seq;
    this.post({ type: "fileRequest", id: this.requestId, seq, request });
    const deadline = performance.now() + this.waitMs;
    for (;;) {
      // read the word before looking at the port: an answer posted in between changes it, so
      // the wait below returns at once instead of sleeping through it
      const seen = Atomics.load(this.word, 0);
      for (let m = receiveMessageOnPort(this.channel.port); m; m = receiveMessageOnPort(this.channel.port)) {
        const { seq: answered, answer } = m.message as PortAnswer;
        if (answered !== seq) continue; // an answer that came too late for an earlier question
        return isFileAnswer(answer) ? answer : { ok: false, error: "failed", detail: "a malformed answer" };
      }
      const left = deadline - performance.now();
      if (left <= 0) return { ok: false, error: "timeout" };
      Atomics.wait(this.word, 0, seen, left);
    }
  }
}
