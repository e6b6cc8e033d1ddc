/**
 * The serialisable result of one run: what the program printed, what went wrong, and the
 * computation graph with the gradient on every node and edge. It crosses the worker boundary
 * (structured clone) and feeds the host, the view layer and the CLI; nothing here holds a
 * reference to the engine or the interpreter.
 */

/** A source range as UTF-16 offsets into the program text (what `document.positionAt` takes). */
export interface Span {
  from: number;
  to: number;
  /**
   * Set when the range is in another file than the program's own text: a module of the
   * program's that it imported (an absolute POSIX path, as RunOptions.workspace gives paths).
   */
  file?: string;
}

/**
 * - `leaf`: a value the program made directly (`Value(2.0)`, `torch.tensor(..., requires_grad=True)`).
 * - `const`: a number an operator wrapped on the fly (the `2` in `a * 2`).
 * - `op`: the result of an operation on other values.
 */
export type NodeKind = "leaf" | "const" | "op";

export interface TraceNode {
  id: number;
  kind: NodeKind;
  /** The operation that made it: `+`, `*`, `**2`, `relu`, `tanh`, `exp`, `log`, …; "" for leaves. */
  op: string;
  /** The variable names the program bound this value to, in binding order. */
  names: string[];
  /** Source text of the expression that created it (shortened), or null when unknown. */
  expr: string | null;
  span: Span | null;
  /** Tensor shape; `[]` for a scalar (`Value` or 0-d tensor). */
  shape: number[];
  /** Row-major values; one element for a scalar. */
  data: number[];
  /** What the program's `.grad` reads at the end of the run (null: PyTorch's `None`). */
  grad: number[] | null;
  /** ∂root/∂x for the root of the last `backward()`; null when x does not reach that root. */
  rootGrad: number[] | null;
  /** Ids of the edges from this node's inputs, in operand order. */
  inputEdges: number[];
  /**
   * The tape row that made it (a Value's, or a tensor value's: its id), when it differs from
   * `id` (a long run's trace keeps only some rows, and tensor rows outside autograd get no
   * node); re-running the program with `leafValues` or `output` names rows.
   */
  row?: number;
  /** Made by the tensor engine (a torch tensor, even 0-d), not a micrograd `Value`. */
  tensor?: true;
  /**
   * Made from values that require grad, yet outside the graph: under `torch.no_grad()`, or cut
   * off by `.detach()` / `.data` (or made from such a value). No gradient flows back through it.
   */
  cut?: "no_grad" | "detach";
  /**
   * A parameter: a Value leaf that reaches the root, or a tensor leaf that requires grad. Its
   * dtype (a Value's is float64), and the version of it the root's graph read — writes of its
   * data before: `p.data -= …` for a Value; `uniform_`, `copy_`, optimizer steps, `p.data -= …`
   * for a tensor —
   * null when the root does not reach it. A gradient check moves it at that version
   * (RunOptions.leafMoves).
   */
  parameter?: { dtype: string; version: number | null };
  /** The innermost function call that made it (an index into `Trace.calls`); null at the top level. */
  call?: number | null;
  /** The display name the program gave it itself (an own autograd class's `label`, as in the micrograd lecture). */
  label?: string;
  /** Made by the program's own autograd class (not micrograd's `Value`): see OwnValueInfo. */
  own?: OwnValueInfo;
}

/**
 * A value of the program's own autograd class. Its `grad` is the class's own `.grad`, which the
 * program's own backward() computed; after that backward() GradLens compares it with ∂root/∂x.
 */
export interface OwnValueInfo {
  /** The class's name (`Value`, `Scalar`). */
  class: string;
  /**
   * The check by the last backward() of the program that reached it: the `.grad` it left (what
   * the learner's code computed) and whether it agrees with ∂root/∂x (1e-6 relative); absent
   * when no backward() of the program reached it with a known ∂root/∂x.
   */
  check?: { yours: number; agrees: boolean };
}

/**
 * One call of a Python function or method during the run, so the view can fold the values
 * it made into a box (`MLP.__call__` → `Layer.__call__` → `Neuron.__call__`).
 */
export interface TraceCall {
  id: number;
  /** The call it was made from; null for a call made at the top level. */
  parent: number | null;
  /** The function's qualified name: `f`, `Neuron.__call__`, `<lambda>`. */
  name: string;
  /** For a method, the class of the instance it ran on (`Neuron`); null for a plain function. */
  instanceClass: string | null;
  /** A number per instance within the run: calls on one module instance share it. */
  instance: number | null;
  /**
   * Where the program keeps that instance at the end of the run, as the graph names it
   * (`network[0]`, `model.layers[1]`); absent when no top-level name reaches it.
   */
  place?: string;
  /** The user's call expression that led to it (for calls inside micrograd.nn: the user's `model(x)`). */
  span: Span | null;
}

/** Input `from` → output `to` of one operation `to = f(…, from, …)`. */
export interface TraceEdge {
  id: number;
  from: number;
  to: number;
  /** Operand position of `from` in the operation (0 for `a` in `a * b`). */
  operand: number;
  /**
   * ∂to/∂from for scalars (one element). For tensor operations the Jacobian is never
   * materialised: null, and `rule` says how the vector–Jacobian product is formed.
   */
  local: number[] | null;
  /** The local rule in words, e.g. `∂(a·b)/∂a = b`. */
  rule: string;
  /** What flows back along this edge: ∂root/∂to · ∂to/∂from; null when `to` does not reach the root. */
  contribution: number[] | null;
  /**
   * The program's own backward (an own autograd class's `_backward` closure) sent another
   * contribution along this edge than the chain rule: what it sent, what the rule sends given
   * the upstream gradient the closure saw, and the line that did it.
   */
  mismatch?: { given: number; expected: number; span: Span | null };
}

export type Severity = "error" | "warning" | "info";

export interface TraceDiagnostic {
  severity: Severity;
  message: string;
  span: Span | null;
  /** A short machine-readable kind: `syntax`, `unsupported`, `runtime`, `budget`, `nan`, … */
  code: string;
}

/** One place in the source where a name stood for a value (a load or a store). */
export interface Occurrence {
  name: string;
  span: Span;
  node: number;
  /**
   * Set where a statement binds the name (`x = …`, `const x = …`, `for x in …`): that
   * statement's span (a loop's header), as the front end parsed it. Absent where the name is read.
   */
  statement?: Span;
}

/** A top-level variable in the CLI's JSON contract (see README, "The CLI's JSON contract"). */
export type PyJson =
  | number
  | string
  | boolean
  | null
  | PyJson[]
  | { type: "Value"; class?: string; data: JsonNumber; grad: JsonNumber; root_grad: JsonNumber | null }
  | {
      type: "Tensor";
      shape: number[];
      /** Nested as the tensor is; when `truncated`, only the first elements, flattened. */
      data: JsonNested;
      grad: JsonNested | null;
      root_grad: JsonNested | null;
      /** Present (true) when the tensor was too large to give whole (see tensorReport.ts). */
      truncated?: true;
    }
  | { type: "Object"; class: string; parameters?: PyJson[] }
  /** A list, tuple or set too long to give whole: its length and its first items. */
  | { type: "list" | "tuple" | "set"; length: number; truncated: true; items: PyJson[] }
  /** A str too long to give whole: its length and its beginning. */
  | { type: "str"; length: number; truncated: true; text: string };

/** A finite number, or "NaN" / "Infinity" / "-Infinity". */
export type JsonNumber = number | string;
export type JsonNested = JsonNumber | JsonNested[];

export interface Trace {
  /** False when the run stopped on an error (the graph up to the error is still here). */
  ok: boolean;
  stdout: string;
  diagnostics: TraceDiagnostic[];
  nodes: TraceNode[];
  edges: TraceEdge[];
  /** The node `backward()` was last called on, or null when the program never called it. */
  root: number | null;
  occurrences: Occurrence[];
  variables: Record<string, PyJson>;
  /** How many values a long run made that the trace leaves out (earlier training steps). */
  omitted?: number;
  /** Every function call the run made, in the order they started (see TraceNode.call). */
  calls?: TraceCall[];
  /**
   * The workspace files the run read or looked at — data files, its own modules, the folders it
   * searched or listed (absolute POSIX paths): a change to one of them, or inside one of the
   * folders, should run the program again.
   */
  inputs?: string[];
  /** The figures the run showed, in order (matplotlib's, Graphviz graphs); absent when none. */
  figures?: TraceFigure[];
  /** For a notebook run (`RunOptions.cellStarts`): what each cell showed, as Jupyter would show it. */
  cells?: TraceCellOutput[];
  /** Gradients the program computed itself (a numpy backward pass by hand), checked; absent when none. */
  handChecks?: HandCheck[];
}

/**
 * A gradient the program computed by hand (`weights_gradient` in `self.weights -= lr *
 * weights_gradient`, what a layer's `backward` returns, a loss's `*_prime`), side by side with
 * what the chain rule gives on the same graph at the step it was claimed.
 */
export interface HandCheck {
  /** The line that computed it, and where it was claimed (the update, the call) when elsewhere. */
  span: Span | null;
  madeAt: Span | null;
  /** What it is: `∂loss/∂weights` of `Dense` (`network[0]`). */
  title: string;
  shape: number[];
  yours: number[];
  expected: number[];
  agrees: boolean;
  /** Where the two differ most (its index), when they differ. */
  worst: number[] | null;
  /** Which step it was checked at: `the first of 800 calls`. */
  when: string;
}

/**
 * The outputs of one notebook cell, in the order they appeared: text it printed, figures it
 * showed (indexes into `Trace.figures`), and the value of its last expression as Jupyter's
 * `Out[n]` shows it (`repr`). An error it stopped on is among the trace's diagnostics.
 */
export interface TraceCellOutput {
  cell: number;
  items: (
    { kind: "stream"; text: string } | { kind: "figure"; figure: number } | { kind: "result"; text: string }
  )[];
}

/**
 * A figure the program showed: `plt.show()` (or the end of a notebook cell, or of the run, for
 * figures never shown), or a Graphviz graph displayed. The SVG is GradLens's own drawing; the
 * text in it that came from the program is escaped.
 */
export interface TraceFigure {
  svg: string;
  /** Where it was shown: the `plt.show()` call, the last call that drew on it, the displayed expression. */
  span: Span | null;
  kind: "matplotlib" | "graphviz";
  /** Its title (the first axes' title, a `suptitle`), when it has one. */
  title?: string;
}
