import { MicrogradOps } from "../engine/scalar/microgradOps";
import { Tape } from "../engine/tape";
import type { RootGradients, Tensor as EngineTensor } from "../engine/tensor/index";

/**
 * Where the library's objects live and whom they tell: the tape the `Value`s are rows
 * of, and hooks the GradLens interpreter uses to trace a run (natively they do nothing).
 */
export interface GradlensContext {
  readonly tape: Tape;
  readonly ops: MicrogradOps;
  /** `value.backward()` from this row. */
  backward(row: number): void;
  /** A tensor handed to the program for the first time. */
  tensorMade(t: EngineTensor): void;
  /** `tensor.backward()` ran; the gradients of every value on the way, when traced. */
  tensorBackward(root: EngineTensor, grads: RootGradients | null): void;
  /** Ask the engine for the per-edge gradients of a tensor backward (the interpreter's trace needs them). */
  readonly traceTensors: boolean;
}

export function nativeContext(): GradlensContext {
  const tape = new Tape();
  tape.ieeeArithmetic = true; // JavaScript's numbers: 1 / 0 is Infinity, not an error
  return {
    tape,
    ops: new MicrogradOps(tape),
    backward: (row) => tape.backward(row),
    tensorMade: () => {},
    tensorBackward: () => {},
    traceTensors: false,
  };
}
