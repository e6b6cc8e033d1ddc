/**
 * A move of some elements of one leaf — a micrograd `Value` (element 0) or a tensor that
 * requires grad — in a re-run of a program, for a gradient check. The leaf is named by its
 * tape row (the same on every run of a deterministic program) and moved at the moment the
 * graph under test read it: when its data has been written `version` times (`p.data -= lr *
 * p.grad` for a Value; for a tensor, in-place writes to its memory: nn.Linear's `uniform_`, a
 * `copy_`, each optimizer step, `p.data -= …`). Moving it where it is made would not do: nn.Linear fills its
 * weights after making them, and in a training loop the last `backward()` differentiates the
 * parameters as the last step left them.
 */
export interface LeafMove {
  /** How many writes of the leaf's data come before the move (0: where it is made). */
  version: number;
  /** Row-major element index → the amount added to that element (then rounded to its dtype). */
  add: ReadonlyMap<number, number>;
}
