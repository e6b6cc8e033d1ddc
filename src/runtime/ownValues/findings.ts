import type { OpCode } from "../../engine/scalar/scalarOps";
import type { SourceSpan } from "../../lang/ir";

/**
 * What checking a program's own backward() against the chain rule found, each at the place
 * that caused it. Values are tape rows; the messages (ownValueMessages.ts) name them as the
 * graph does once the trace is built.
 */
export type Finding =
  | LocalFinding
  | MissingFinding
  | StrayFinding
  | {
      /** backward() left the root's grad at something other than 1. */
      kind: "seed";
      span: SourceSpan | null;
      root: number;
      yours: number;
    }
  | {
      /** A value's closure ran before all of its gradient had arrived. */
      kind: "order";
      span: SourceSpan | null;
      node: number;
      upstream: number;
      final: number;
      root: number;
    }
  | {
      /** A value's closure ran more than once in one backward(). */
      kind: "repeated";
      span: SourceSpan | null;
      node: number;
      times: number;
    }
  | {
      /** backward() never ran a value's closure, though gradient reached it. */
      kind: "skipped";
      span: SourceSpan | null;
      node: number;
      expected: number;
      root: number;
    }
  | {
      /** A grad held something before backward() (not zeroed), and backward() added to it. */
      kind: "stale";
      span: SourceSpan | null;
      node: number;
      before: number;
      expected: number;
      root: number;
    }
  | {
      /** A grad disagrees and none of the above explains it. */
      kind: "differs";
      span: SourceSpan | null;
      node: number;
      yours: number;
      expected: number;
      root: number;
    };

/** Where a closure came from, for the message: `__mul__`'s `_backward`. */
export interface ClosureSource {
  /** The method that defined it (`__mul__`), or the closure's own name when it is no method's. */
  method: string;
  /** The closure's own name (`_backward`, `<lambda>`). */
  name: string;
}

/** A closure sent an operand a different contribution than upstream × the op's local derivative. */
export interface LocalFinding {
  kind: "local";
  /** The write that went wrong. */
  span: SourceSpan | null;
  closure: ClosureSource;
  node: number;
  child: number;
  /** The operand's name in the closure (`self`, `other`) and the other operand's, when known. */
  operandName: string | null;
  otherName: string | null;
  operand: number;
  code: OpCode;
  k: number;
  /** What the closure added to the child's grad, and what the chain rule adds. */
  given: number;
  expected: number;
  upstream: number;
  /** The op's local derivative ∂node/∂child. */
  local: number;
  /** With `=` instead of `+=`: the grad it threw away. */
  discarded: number | null;
}

/** A closure added nothing to an operand's grad, where the chain rule adds something. */
export interface MissingFinding {
  kind: "missing";
  span: SourceSpan | null;
  closure: ClosureSource;
  node: number;
  child: number;
  operandName: string | null;
  expected: number;
  upstream: number;
  local: number;
  /** The op method that made the value never set its closure: what ran is another's (`__init__`'s). */
  unset: { maker: string } | null;
}

/** A closure wrote to the grad of a value its value was not made from. */
export interface StrayFinding {
  kind: "stray";
  span: SourceSpan | null;
  closure: ClosureSource;
  node: number;
  child: number;
  given: number;
}
