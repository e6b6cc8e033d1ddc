/**
 * What an op node shows for the trace's operation name: the arithmetic operators as a reader
 * writes them on paper (`×`, `−`, `÷`), powers as `**k` (Python's spelling, which the reader
 * typed), everything else (`relu`, `tanh`, `matmul`) as is.
 */
const SYMBOLS: Record<string, string> = {
  "*": "×",
  "-": "−",
  "/": "÷",
  neg: "−",
};

export function opSymbol(op: string): string {
  return SYMBOLS[op] ?? (op === "" ? "?" : op);
}
