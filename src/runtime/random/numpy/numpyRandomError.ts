// Errors of numpy's random module: the Python exception type and numpy's message, so the
// interpreter can raise the matching exception without parsing text.

export type NumpyRandomErrorType = "ValueError" | "TypeError" | "OverflowError" | "IndexError";

export class NumpyRandomError extends Error {
  constructor(
    readonly pyType: NumpyRandomErrorType,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}
