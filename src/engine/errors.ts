import { TensorError, type TensorErrorType } from "./tensor/tensorError";

/**
 * An arithmetic failure the way Python reports it. The engine knows nothing of the interpreter,
 * so it names the Python exception type and the interpreter raises it at the span it is running.
 */
export type ArithmeticErrorType = "ZeroDivisionError" | "OverflowError" | "ValueError";

export class EngineArithmeticError extends Error {
  constructor(
    readonly pythonType: ArithmeticErrorType,
    message: string,
  ) {
    super(message);
    this.name = pythonType;
  }
}

/**
 * A result Python has but GradLens does not model (a complex number from `(-8.0) ** 0.5`). The
 * interpreter reports it as an unsupported construct, which no `except` clause catches, rather
 * than raise an exception CPython would not.
 */
export class EngineUnsupportedError extends Error {}

export { TensorError, type TensorErrorType };

/** Any failure the engine reports the way Python would: scalar arithmetic or tensor operations. */
export function isEngineError(e: unknown): e is EngineArithmeticError | TensorError {
  return e instanceof EngineArithmeticError || e instanceof TensorError;
}
