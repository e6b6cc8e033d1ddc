import { OpCode } from "../../engine/scalar/scalarOps";

/** A tape operation a program's own op label stands for: its code and constant (the exponent of `**`). */
export interface KnownOp {
  code: OpCode;
  k: number;
  kIsInt: boolean;
}

/**
 * The op labels learners' autograd classes give their values (the micrograd lecture's `'+'`,
 * `'*'`, `f'**{other}'`, `'tanh'`, `'exp'`, `'ReLU'`; others spell `'add'`, `'mul'`, `'pow'`),
 * by how many operands the value was made from. Case does not matter.
 */
const UNARY: Readonly<Record<string, OpCode>> = {
  tanh: OpCode.Tanh,
  exp: OpCode.Exp,
  relu: OpCode.Relu,
  log: OpCode.Log,
  ln: OpCode.Log,
  sigmoid: OpCode.Sigmoid,
  "-": OpCode.Neg,
  neg: OpCode.Neg,
  negate: OpCode.Neg,
};

const BINARY: Readonly<Record<string, OpCode>> = {
  "+": OpCode.Add,
  add: OpCode.Add,
  "*": OpCode.Mul,
  mul: OpCode.Mul,
  "-": OpCode.Sub,
  sub: OpCode.Sub,
  "/": OpCode.Div,
  div: OpCode.Div,
  truediv: OpCode.Div,
};

/** `**2`, `** -1`, `^0.5`, `pow 3`, `pow(2)`: a power with its exponent written in the label. */
const POWER = /^(?:\*\*|\^|pow)\s*\(?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*\)?$/i;

const cache = new Map<string, KnownOp | null>();

/**
 * The tape operation that an op label names for a value made from `operands` values, or null
 * when GradLens has no rule for it (the value is then drawn as an opaque operation). A binary
 * label with one operand is a value used twice (`a + a`): micrograd keeps the operands in a
 * set, which holds `a` once.
 */
export function knownOp(label: string, operands: number): KnownOp | null {
  const key = `${operands}:${label}`;
  let op = cache.get(key);
  if (op === undefined) {
    op = lookup(label.trim().toLowerCase(), operands);
    cache.set(key, op);
  }
  return op;
}

function lookup(label: string, operands: number): KnownOp | null {
  if (operands === 2 || operands === 1) {
    const binary = BINARY[label];
    const unary = UNARY[label];
    // `-` with one operand is negation; `+`, `*` with one are `a + a`, `a * a`
    if (operands === 1 && unary !== undefined) return { code: unary, k: 0, kIsInt: false };
    if (binary !== undefined) return { code: binary, k: 0, kIsInt: false };
  }
  const power = POWER.exec(label);
  if (power && operands === 1) {
    const k = Number(power[1]);
    return { code: OpCode.Pow, k, kIsInt: /^[-+]?\d+$/.test(power[1]) };
  }
  return null;
}

/** Whether a known op takes two operands (so one listed operand stands for the same value twice). */
export function isBinary(code: OpCode): boolean {
  return code >= OpCode.Add && code <= OpCode.Div;
}
