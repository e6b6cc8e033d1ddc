import { pythonPow } from "./pythonFloat";
import { OpCode } from "./scalarOps";
import type { Tape } from "../tape";

/** A plain Python number operand: its value and whether Python holds it as an int. */
export interface PyNumber {
  value: number;
  isInt: boolean;
}

/** An operand of a micrograd operator: a value on the tape (its row) or a plain number. */
export type Operand = number | PyNumber;

/**
 * micrograd's `Value` operators, composed from the tape's primitives exactly as micrograd
 * composes them, so the graph has the same nodes and the numbers the same rounding:
 * a plain number operand becomes a constant `Value`, `-a` is `a * -1`, `a - b` is `a + (-b)`,
 * `a / b` is `a * b**-1`, and the reflected forms keep micrograd's operand order.
 */
export class MicrogradOps {
  constructor(private readonly tape: Tape) {}

  /** `Value(x)` made by an operator from a plain number. */
  private wrap(x: Operand): number {
    return typeof x === "number" ? x : this.tape.leaf(x.value, x.isInt, true);
  }

  add(self: number, other: Operand): number {
    return this.tape.apply(OpCode.Add, self, this.wrap(other));
  }

  /** `other + self` where other is a plain number: micrograd's `__radd__` is `self + other`. */
  radd(self: number, other: PyNumber): number {
    return this.add(self, other);
  }

  mul(self: number, other: Operand): number {
    return this.tape.apply(OpCode.Mul, self, this.wrap(other));
  }

  rmul(self: number, other: PyNumber): number {
    return this.mul(self, other);
  }

  neg(self: number): number {
    return this.mul(self, { value: -1, isInt: true });
  }

  sub(self: number, other: Operand): number {
    return this.add(self, typeof other === "number" ? this.neg(other) : negate(other));
  }

  /** `other - self`: micrograd's `__rsub__` is `other + (-self)`, i.e. `(-self).__radd__(other)`. */
  rsub(self: number, other: PyNumber): number {
    return this.radd(this.neg(self), other);
  }

  pow(self: number, exponent: PyNumber): number {
    return this.tape.apply(OpCode.Pow, self, -1, exponent.value, exponent.isInt);
  }

  div(self: number, other: Operand): number {
    return this.mul(self, typeof other === "number" ? this.pow(other, MINUS_ONE) : reciprocal(other));
  }

  /** `other / self`: micrograd's `__rtruediv__` is `other * self**-1`, i.e. `(self**-1).__rmul__(other)`. */
  rdiv(self: number, other: PyNumber): number {
    return this.rmul(this.pow(self, MINUS_ONE), other);
  }

  relu(self: number): number {
    return this.tape.apply(OpCode.Relu, self);
  }

  tanh(self: number): number {
    return this.tape.apply(OpCode.Tanh, self);
  }

  exp(self: number): number {
    return this.tape.apply(OpCode.Exp, self);
  }

  log(self: number): number {
    return this.tape.apply(OpCode.Log, self);
  }

  sigmoid(self: number): number {
    return this.tape.apply(OpCode.Sigmoid, self);
  }
}

const MINUS_ONE: PyNumber = { value: -1, isInt: true };

function negate(x: PyNumber): PyNumber {
  return { value: -x.value, isInt: x.isInt };
}

/** Python's `x ** -1` on a plain number (always a float). */
function reciprocal(x: PyNumber): PyNumber {
  return { value: pythonPow(x.value, -1), isInt: false };
}
