// Errors carry the Python exception type and CPython's message, so the interpreter's wrapper
// can raise the matching Python exception without parsing text.

export type PyRandomErrorType =
  "ValueError" | "TypeError" | "IndexError" | "ZeroDivisionError" | "UnicodeEncodeError";

export class PyRandomError extends Error {
  constructor(
    readonly pyType: PyRandomErrorType,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}
