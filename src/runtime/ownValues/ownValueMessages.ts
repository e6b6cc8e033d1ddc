import { SCALAR_OPS } from "../../engine/scalar/scalarOps";
import { nodeLabel } from "../../trace/naming";
import { nodeOfRow } from "../../trace/rowsToTrace";
import type { Trace, TraceDiagnostic } from "../../trace/trace";
import type { Finding, LocalFinding, MissingFinding } from "./findings";

/** The code of every diagnostic about the program's own backward(). */
export const OWN_BACKWARD_CODE = "own-backward";

/**
 * The findings of checking the program's own backward() as warnings, each at the line that
 * caused it, naming values as the graph and the hovers name them.
 */
export function ownValueDiagnostics(trace: Trace, findings: Iterable<Finding>): TraceDiagnostic[] {
  // `x * w` reads as one thing inside `∂(x * w)/∂x` and `(x * w).grad`
  const name = (row: number) => {
    const node = nodeOfRow(trace, row);
    const label = node ? nodeLabel(trace, node.id) : `value #${row}`;
    return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(label) ? label : `(${label})`;
  };
  const out: TraceDiagnostic[] = [];
  for (const finding of findings) {
    out.push({
      severity: "warning",
      message: message(finding, name),
      span: finding.span,
      code: OWN_BACKWARD_CODE,
    });
  }
  return out.sort((a, b) => (a.span?.from ?? -1) - (b.span?.from ?? -1));
}

function message(f: Finding, name: (row: number) => string): string {
  switch (f.kind) {
    case "local":
      return localMessage(f, name);
    case "missing":
      return missingMessage(f, name);
    case "stray":
      return `${closureText(f.closure)} adds ${num(f.given)} to ${name(f.child)}.grad, but ${name(f.node)} was not made from ${name(f.child)}`;
    case "seed": {
      const r = name(f.root);
      return `backward() leaves ${r}.grad = ${num(f.yours)}, but ∂${r}/∂${r} = 1: set \`self.grad = 1.0\` before running the \`_backward\`s`;
    }
    case "order": {
      const n = name(f.node);
      return `backward() runs ${n}'s \`_backward\` while ${n}.grad is ${num(f.upstream)}, before all of ∂${name(f.root)}/∂${n} = ${num(f.final)} has reached it: run the \`_backward\`s in reverse topological order, each value after every value it feeds`;
    }
    case "repeated": {
      const n = name(f.node);
      return `backward() runs ${n}'s \`_backward\` ${f.times} times, so its inputs get its contribution ${f.times} times: visit each value once (keep a \`visited\` set)`;
    }
    case "skipped": {
      const n = name(f.node);
      return `backward() never runs ${n}'s \`_backward\`, so the values ${n} was made from get nothing of ∂${name(f.root)}/∂${n} = ${num(f.expected)}: the topological order must list every value the root depends on`;
    }
    case "stale": {
      const x = name(f.node);
      return `${x}.grad held ${num(f.before)} before this backward(), which added ∂${name(f.root)}/∂${x} = ${num(f.expected)} to it: set every grad to 0 (\`p.grad = 0.0\`) before calling backward()`;
    }
    case "differs": {
      const x = name(f.node);
      return `after backward(), ${x}.grad = ${num(f.yours)}, but the chain rule gives ∂${name(f.root)}/∂${x} = ${num(f.expected)}`;
    }
  }
}

function localMessage(f: LocalFinding, name: (row: number) => string): string {
  const n = name(f.node);
  const c = name(f.child);
  const closure = closureText(f.closure);
  const d = `∂${n}/∂${c}`;
  if (f.discarded !== null) {
    return `${closure} sets ${c}.grad with \`=\`, throwing away the ${num(f.discarded)} it held from ${c}'s other uses: the chain rule adds up the contributions of every use (\`+=\`, not \`=\`)`;
  }
  const upstreamKnown = f.upstream !== 0 && Number.isFinite(f.upstream);
  if (upstreamKnown && !agreesLoosely(f.upstream, 1) && agreesLoosely(f.given, f.local)) {
    return `${closure} adds ${d} = ${num(f.local)} to ${c}.grad without multiplying by ${n}.grad = ${num(f.upstream)}: the chain rule adds ${n}.grad × ${d} = ${num(f.expected)}`;
  }
  if (upstreamKnown) {
    return `${closure} gives ${d} = ${num(f.given / f.upstream)}; the chain rule gives ${d} = ${num(f.local)} (${ruleText(f)})`;
  }
  return `${closure} adds ${num(f.given)} to ${c}.grad; the chain rule adds ${n}.grad × ${d} = ${num(f.upstream)} × ${num(f.local)} = ${num(f.expected)}`;
}

function missingMessage(f: MissingFinding, name: (row: number) => string): string {
  const n = name(f.node);
  const c = name(f.child);
  const adds = `the chain rule adds ${n}.grad × ∂${n}/∂${c} = ${num(f.upstream)} × ${num(f.local)} = ${num(f.expected)}`;
  if (f.unset !== null) {
    return `\`${f.unset.maker}\` never sets its result's \`_backward\`: backward() runs ${closureText(f.closure)} for ${n}, which adds nothing to ${c}.grad; ${adds}`;
  }
  return `${closureText(f.closure)} adds nothing to ${c}.grad; ${adds}`;
}

function closureText(c: { method: string; name: string }): string {
  return c.method === c.name ? `\`${c.name}\`` : `\`${c.method}\`'s \`${c.name}\``;
}

/** The op's rule in the closure's own names: `∂(self·other)/∂self = other`. */
function ruleText(f: LocalFinding): string {
  const rule = SCALAR_OPS[f.code].rule(f.operand, f.k);
  const [a, b] = f.operand === 0 ? [f.operandName, f.otherName] : [f.otherName, f.operandName];
  if (a === null || (b === null && SCALAR_OPS[f.code].arity === 2)) return rule;
  return rule.replace(/\b[ab]\b/g, (v) => (v === "a" ? a : b!));
}

function agreesLoosely(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y), 1e-300);
}

/** A number as a learner reads it: up to 6 significant digits, a float written as Python writes one. */
function num(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const r = Number(x.toPrecision(6));
  if (r === 0) return "0.0";
  return Number.isInteger(r) && Math.abs(r) < 1e16 ? r.toFixed(1) : String(r);
}
