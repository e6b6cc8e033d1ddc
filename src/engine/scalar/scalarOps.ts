import { glibcExp } from "../math/glibcExp";
import { glibcTanh } from "../math/glibcHyperbolic";
import { pythonDivide, pythonExp, pythonLog, pythonPow } from "./pythonFloat";

/**
 * The scalar operations, each with its forward computation and its local-gradient rule side by
 * side. micrograd builds the rest from its primitives (`a - b` is `a + (b * -1)`, `a / b` is
 * `a * b**-1`), and so does our micrograd; `-`, `/` and `neg` are here for the program's own
 * autograd classes, whose `__sub__` or `__truediv__` may make one value of its own.
 *
 * `x`, `y` are the operands' data, `k` the operation's constant (the exponent of `**`), `out`
 * the result's data. The local derivative reads the operands' data as they are when the
 * backward pass runs, as micrograd's closures do.
 *
 * This table is the definition. Tape's `apply` and `backward` inline `forward`,
 * `resultIsInt`, `local` and `localIsInt` in a switch for speed; inlinedRules.test.ts holds them
 * to this table bit for bit, so a rule changed here must be changed there too.
 */
export interface ScalarOp {
  readonly symbol: string;
  readonly arity: 0 | 1 | 2;
  forward(x: number, y: number, k: number): number;
  /** ∂out/∂operand. */
  local(operand: number, x: number, y: number, k: number, out: number): number;
  /** Whether Python would hold the result as an int, given which operands are ints. */
  resultIsInt(xInt: boolean, yInt: boolean, kInt: boolean, x: number, k: number): boolean;
  /** Whether Python would compute the local derivative as an int. */
  localIsInt(operand: number, xInt: boolean, yInt: boolean, kInt: boolean, k: number): boolean;
  /** The rule in words, for hovers and edge tooltips. */
  rule(operand: number, k: number): string;
}

const none = () => NaN;
const never = () => false;

/**
 * The codes up to `Opaque` have no operands on the tape: every pass over the rows skips them
 * with one test (`code <= OpCode.Opaque`), so a tensor row costs the scalar passes nothing.
 * The binary operations come next (`code <= OpCode.Div`), then the unary ones.
 */
export const enum OpCode {
  /** A tensor value, recorded for its place in creation order; its autograd is grad_fn's. */
  Tensor = 0,
  Leaf = 1,
  Const = 2,
  /**
   * The result of an operation GradLens has no rule for (a program's own autograd class with an
   * op of its own): its operands are listed beside the tape (`Tape.operandsOf`), and no
   * gradient is computed through it.
   */
  Opaque = 3,
  Add = 4,
  Mul = 5,
  Sub = 6,
  Div = 7,
  Pow = 8,
  Relu = 9,
  Tanh = 10,
  Exp = 11,
  Log = 12,
  Sigmoid = 13,
  Neg = 14,
}

/** Indexed by OpCode. */
export const SCALAR_OPS: readonly ScalarOp[] = [
  {
    symbol: "",
    arity: 0,
    forward: none,
    local: none,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "",
  },
  {
    symbol: "",
    arity: 0,
    forward: none,
    local: none,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "",
  },
  {
    symbol: "",
    arity: 0,
    forward: none,
    local: none,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "",
  },
  {
    symbol: "",
    arity: 0,
    forward: none,
    local: none,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "",
  },
  {
    symbol: "+",
    arity: 2,
    forward: (x, y) => x + y,
    local: () => 1,
    resultIsInt: (xInt, yInt) => xInt && yInt,
    localIsInt: () => true,
    rule: (i) => (i === 0 ? "∂(a+b)/∂a = 1" : "∂(a+b)/∂b = 1"),
  },
  {
    symbol: "*",
    arity: 2,
    forward: (x, y) => x * y,
    local: (i, x, y) => (i === 0 ? y : x),
    resultIsInt: (xInt, yInt) => xInt && yInt,
    localIsInt: (i, xInt, yInt) => (i === 0 ? yInt : xInt),
    rule: (i) => (i === 0 ? "∂(a·b)/∂a = b" : "∂(a·b)/∂b = a"),
  },
  {
    symbol: "-",
    arity: 2,
    forward: (x, y) => x - y,
    local: (i) => (i === 0 ? 1 : -1),
    resultIsInt: (xInt, yInt) => xInt && yInt,
    localIsInt: () => true,
    rule: (i) => (i === 0 ? "∂(a−b)/∂a = 1" : "∂(a−b)/∂b = −1"),
  },
  {
    symbol: "/",
    arity: 2,
    forward: (x, y) => pythonDivide(x, y),
    // the rule's own IEEE numbers: at b = 0 the forward pass has already raised
    local: (i, x, y) => (i === 0 ? 1 / y : -x / (y * y)),
    resultIsInt: never,
    localIsInt: never,
    rule: (i) => (i === 0 ? "∂(a/b)/∂a = 1/b" : "∂(a/b)/∂b = −a/b²"),
  },
  {
    symbol: "**",
    arity: 1,
    forward: (x, _y, k) => pythonPow(x, k),
    // micrograd: other * self.data**(other-1)
    local: (_i, x, _y, k) => k * pythonPow(x, k - 1),
    resultIsInt: (xInt, _yInt, kInt, _x, k) => xInt && kInt && k >= 0,
    localIsInt: (_i, xInt, _yInt, kInt, k) => xInt && kInt && k - 1 >= 0,
    rule: (_i, k) => `∂(a**${k})/∂a = ${k}·a**${k - 1}`,
  },
  {
    symbol: "relu",
    arity: 1,
    // micrograd: 0 if self.data < 0 else self.data (so NaN and -0.0 pass through)
    forward: (x) => (x < 0 ? 0 : x),
    local: (_i, _x, _y, _k, out) => (out > 0 ? 1 : 0),
    resultIsInt: (xInt, _yInt, _kInt, x) => xInt || x < 0,
    localIsInt: () => true,
    rule: () => "∂relu(a)/∂a = 1 if relu(a) > 0 else 0",
  },
  {
    symbol: "tanh",
    arity: 1,
    forward: (x) => glibcTanh(x), // math.tanh: glibc's, not V8's
    local: (_i, _x, _y, _k, out) => 1 - out * out,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "∂tanh(a)/∂a = 1 − tanh(a)²",
  },
  {
    symbol: "exp",
    arity: 1,
    forward: (x) => pythonExp(x),
    local: (_i, _x, _y, _k, out) => out,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "∂exp(a)/∂a = exp(a)",
  },
  {
    symbol: "log",
    arity: 1,
    forward: (x) => pythonLog(x),
    local: (_i, x) => 1 / x,
    resultIsInt: never,
    localIsInt: never,
    rule: () => "∂log(a)/∂a = 1/a",
  },
  {
    symbol: "sigmoid",
    arity: 1,
    forward: (x) => 1 / (1 + glibcExp(-x)),
    local: (_i, _x, _y, _k, out) => out * (1 - out),
    resultIsInt: never,
    localIsInt: never,
    rule: () => "∂σ(a)/∂a = σ(a)·(1 − σ(a))",
  },
  {
    symbol: "neg",
    arity: 1,
    forward: (x) => -x,
    local: () => -1,
    resultIsInt: (xInt) => xInt,
    localIsInt: () => true,
    rule: () => "∂(−a)/∂a = −1",
  },
];
