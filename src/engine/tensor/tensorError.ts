/** The Python exception a tensor failure maps to; the interpreter raises it at the running span. */
export type TensorErrorType =
  "RuntimeError" | "IndexError" | "ValueError" | "TypeError" | "ZeroDivisionError";

/** A failure the way PyTorch reports it: the exception type and PyTorch's message text. */
export class TensorError extends Error {
  constructor(
    readonly pythonType: TensorErrorType,
    message: string,
  ) {
    super(message);
    this.name = pythonType;
  }
}

export const runtimeError = (message: string) => new TensorError("RuntimeError", message);
export const indexError = (message: string) => new TensorError("IndexError", message);
export const valueError = (message: string) => new TensorError("ValueError", message);
export const typeError = (message: string) => new TensorError("TypeError", message);
