import type { NodeKind, Span, Trace, TraceCall, TraceEdge, TraceNode } from "../../trace/trace";

/**
 * Builds scalar traces by hand for tests and screenshots, with micrograd's operators and a
 * real backward pass, so fixtures carry consistent numbers while the interpreter is elsewhere.
 * Each method returns the new node's id.
 */
export class TraceBuilder {
  private readonly nodes: TraceNode[] = [];
  private readonly edges: TraceEdge[] = [];
  /** Per node: its operands' ids with ∂out/∂operand. */
  private readonly locals: { from: number; local: number }[][] = [];
  private readonly calls: TraceCall[] = [];
  /** The source span and the call new nodes are made in, as the runtime records them. */
  private span: Span | null = null;
  private call: number | null = null;

  /** Runs `make` with new nodes marked as made by the source text at `span`. */
  at<T>(span: Span | null, make: () => T): T {
    const outer = this.span;
    this.span = span;
    try {
      return make();
    } finally {
      this.span = outer;
    }
  }

  /**
   * Runs `make` as a call of `name` (`Neuron.__call__`) on an instance of `instanceClass`, from
   * the call expression at `span`; nodes made meanwhile belong to the call.
   */
  within<T>(
    name: string,
    instanceClass: string | null,
    instance: number | null,
    span: Span | null,
    make: () => T,
  ): T {
    const outer = this.call;
    this.call = this.calls.length;
    this.calls.push({ id: this.calls.length, parent: outer, name, instanceClass, instance, span });
    try {
      return make();
    } finally {
      this.call = outer;
    }
  }

  leaf(data: number, name?: string, expr?: string): number {
    return this.push("leaf", "", data, [], expr ?? null, name);
  }

  constant(data: number, expr?: string): number {
    return this.push("const", "", data, [], expr ?? String(data));
  }

  add(a: number, b: number, expr?: string): number {
    return this.binary("+", a, b, this.data(a) + this.data(b), 1, 1, "∂(a+b)/∂a = 1", "∂(a+b)/∂b = 1", expr);
  }

  mul(a: number, b: number, expr?: string): number {
    const x = this.data(a);
    const y = this.data(b);
    return this.binary("*", a, b, x * y, y, x, "∂(a·b)/∂a = b", "∂(a·b)/∂b = a", expr);
  }

  pow(a: number, k: number, expr?: string): number {
    const x = this.data(a);
    return this.unary(`**${k}`, a, x ** k, k * x ** (k - 1), `∂(a**${k})/∂a = ${k}·a**${k - 1}`, expr);
  }

  relu(a: number, expr?: string): number {
    const out = this.data(a) < 0 ? 0 : this.data(a);
    return this.unary("relu", a, out, out > 0 ? 1 : 0, "∂relu(a)/∂a = 1 if relu(a) > 0 else 0", expr);
  }

  tanh(a: number, expr?: string): number {
    const out = Math.tanh(this.data(a));
    return this.unary("tanh", a, out, 1 - out * out, "∂tanh(a)/∂a = 1 − tanh(a)²", expr);
  }

  log(a: number, expr?: string): number {
    const x = this.data(a);
    return this.unary("log", a, Math.log(x), 1 / x, "∂log(a)/∂a = 1/a", expr);
  }

  /** micrograd's `a - b`: `a + (b * -1)`. */
  sub(a: number, b: number, expr?: string): number {
    return this.add(a, this.mul(b, this.constant(-1, expr), expr), expr);
  }

  /** micrograd's `a / b`: `a * b**-1`. */
  div(a: number, b: number, expr?: string): number {
    return this.mul(a, this.pow(b, -1, expr), expr);
  }

  /** Binds a name to a node, as an assignment would. */
  name(id: number, name: string): number {
    this.nodes[id].names.push(name);
    return id;
  }

  data(id: number): number {
    return this.nodes[id].data[0];
  }

  /** The trace after `root.backward()` (or with no backward when root is null). */
  build(root: number | null): Trace {
    const grad = new Float64Array(this.nodes.length);
    const reaches = new Uint8Array(this.nodes.length);
    if (root !== null) {
      grad[root] = 1;
      reaches[root] = 1;
      // Ids follow creation, so walking them downwards visits results before operands.
      for (let id = root; id >= 0; id--) {
        if (!reaches[id]) continue;
        for (const { from, local } of this.locals[id]) {
          grad[from] += grad[id] * local;
          reaches[from] = 1;
        }
      }
    }
    const nodes = this.nodes.map((n) => ({
      ...n,
      names: [...n.names],
      grad: [grad[n.id]],
      rootGrad: reaches[n.id] ? [grad[n.id]] : null,
    }));
    const edges = this.edges.map((e) => ({
      ...e,
      contribution: reaches[e.to] ? [grad[e.to] * e.local![0]] : null,
    }));
    const calls = this.calls.map((c) => ({ ...c }));
    return {
      ok: true,
      stdout: "",
      diagnostics: [],
      nodes,
      edges,
      root,
      occurrences: [],
      variables: {},
      calls,
    };
  }

  private binary(
    op: string,
    a: number,
    b: number,
    out: number,
    da: number,
    db: number,
    ruleA: string,
    ruleB: string,
    expr?: string,
  ): number {
    const id = this.push("op", op, out, [], expr ?? null);
    this.connect(a, id, 0, da, ruleA);
    this.connect(b, id, 1, db, ruleB);
    return id;
  }

  private unary(op: string, a: number, out: number, da: number, rule: string, expr?: string): number {
    const id = this.push("op", op, out, [], expr ?? null);
    this.connect(a, id, 0, da, rule);
    return id;
  }

  private connect(from: number, to: number, operand: number, local: number, rule: string): void {
    const id = this.edges.length;
    this.edges.push({ id, from, to, operand, local: [local], rule, contribution: null });
    this.nodes[to].inputEdges.push(id);
    this.locals[to].push({ from, local });
  }

  private push(
    kind: NodeKind,
    op: string,
    data: number,
    _inputs: number[],
    expr: string | null,
    name?: string,
  ): number {
    const id = this.nodes.length;
    this.nodes.push({
      id,
      kind,
      op,
      names: name === undefined ? [] : [name],
      expr,
      span: this.span,
      shape: [],
      data: [data],
      grad: null,
      rootGrad: null,
      inputEdges: [],
      call: this.call,
    });
    this.locals.push([]);
    return id;
  }
}
