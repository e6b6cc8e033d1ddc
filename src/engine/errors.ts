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
