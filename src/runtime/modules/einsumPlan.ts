import * as T from "../../engine/tensor/index";
import type { Tensor } from "../../engine/tensor/index";
import { valueError } from "../interpreter/pyErrors";

/**
 * Einstein summation over engine tensors, as `np.einsum` reads its subscripts: explicit (`->`)
 * and implicit output, `...` for broadcast dimensions, a label repeated within an operand for a
 * diagonal or trace. Built from the engine's recorded operations (an identity mask and a sum for
 * a diagonal, permutes, a broadcast product, a sum over the contracted labels), so the result
 * sits on the tape with the derivative of each step and a hand-written backward that uses
 * einsum is checked like one that uses `@`.
 */

/** Labels standing for the broadcast dimensions: past any letter, so they never clash. */
const ELLIPSIS_BASE = 0x1000;

interface Parsed {
  inputs: number[][];
  output: number[];
}

function isLetter(c: string): boolean {
  return /^[A-Za-z]$/.test(c);
}

/** One operand's (or the output's) labels; `...` becomes the `ellipsisDims` broadcast labels. */
function labelsOf(term: string, ellipsisDims: (found: boolean) => number): number[] {
  const labels: number[] = [];
  let sawEllipsis = false;
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (c === " ") continue;
    if (c === ".") {
      if (sawEllipsis || term.slice(i, i + 3) !== "...")
        throw valueError(
          "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...')",
        );
      sawEllipsis = true;
      i += 2;
      const n = ellipsisDims(true);
      for (let k = 0; k < n; k++) labels.push(ELLIPSIS_BASE + k);
      continue;
    }
    if (!isLetter(c))
      throw valueError(
        `invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`,
      );
    labels.push(c.charCodeAt(0));
  }
  return labels;
}

function parse(subscripts: string, shapes: readonly (readonly number[])[]): Parsed {
  const arrow = subscripts.indexOf("->");
  const left = arrow < 0 ? subscripts : subscripts.slice(0, arrow);
  const terms = left.split(",");
  // numpy's two messages, as numpy words them (each names the other case)
  if (terms.length > shapes.length)
    throw valueError(
      "more operands provided to einstein sum function than specified in the subscripts string",
    );
  if (terms.length < shapes.length)
    throw valueError(
      "fewer operands provided to einstein sum function than specified in the subscripts string",
    );
  // the broadcast dimensions of each operand: its dimensions past its letters
  let broadcastDims = 0;
  const inputs = terms.map((term, op) => {
    const ndim = shapes[op].length;
    const letters = [...term].filter(isLetter).length;
    const labels = labelsOf(term, () => Math.max(ndim - letters, 0));
    if (labels.length !== ndim)
      throw valueError(
        labels.length > ndim
          ? `einstein sum subscripts string contains too many subscripts for operand ${op}`
          : `operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.`,
      );
    const e = term.includes("...") ? ndim - letters : 0;
    broadcastDims = Math.max(broadcastDims, e);
    return labels;
  });
  // an operand's broadcast dimensions line up from the right (numpy's broadcasting)
  for (const [op, labels] of inputs.entries()) {
    const e = labels.filter((l) => l >= ELLIPSIS_BASE).length;
    inputs[op] = labels.map((l) => (l >= ELLIPSIS_BASE ? l + broadcastDims - e : l));
  }
  const ellipsis = Array.from({ length: broadcastDims }, (_, k) => ELLIPSIS_BASE + k);
  if (arrow < 0) {
    // implicit: the broadcast dimensions, then the labels seen once, in order of their codes
    const counts = new Map<number, number>();
    for (const labels of inputs)
      for (const l of labels) if (l < ELLIPSIS_BASE) counts.set(l, (counts.get(l) ?? 0) + 1);
    const once = [...counts].filter(([, n]) => n === 1).map(([l]) => l);
    return { inputs, output: [...ellipsis, ...once.sort((a, b) => a - b)] };
  }
  const right = subscripts.slice(arrow + 2);
  if (right.includes("->"))
    throw valueError("einstein sum subscript string does not contain proper '->' output specified");
  const output = labelsOf(right, () => broadcastDims);
  const seen = new Set<number>();
  const inputLabels = new Set(inputs.flat());
  for (const l of output) {
    const c = String.fromCharCode(l);
    if (seen.has(l))
      throw valueError(`einstein sum subscripts string includes output subscript '${c}' multiple times`);
    seen.add(l);
    if (l < ELLIPSIS_BASE && !inputLabels.has(l))
      throw valueError(
        `einstein sum subscripts string included output subscript '${c}' which never appeared in an input`,
      );
  }
  // broadcast dimensions the output leaves out are summed, as numpy does
  return { inputs, output };
}

function shapeText(shape: readonly (number | string)[], single: string): string {
  return `(${shape.join(",")}${shape.length === 1 ? single : ""})`;
}

/** numpy's message: each operand's shape, and its dimensions laid along the labels in `order`. */
function mismatch(
  shapes: readonly (readonly number[])[],
  labels: readonly number[][],
  order: readonly number[],
): Error {
  const parts = shapes.map((shape, op) => {
    const remapped: (number | string)[] = order.map((l) => {
      const d = labels[op].indexOf(l);
      return d < 0 ? "newaxis" : shape[d];
    });
    while (remapped[0] === "newaxis") remapped.shift();
    return `${shapeText(shape, ",")}->${shapeText(remapped, "")} `;
  });
  return valueError(
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join("")}`,
  );
}

/** An identity mask over two axes of `t` (ones where the indices agree), in `t`'s dtype. */
function diagonalMask(t: Tensor, a: number, b: number): Tensor {
  const n = t.shape[a];
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) values[i * n + i] = 1;
  const shape = t.shape.map((_, d) => (d === a || d === b ? n : 1));
  return T.Tensor.fromValues(values, shape, t.dtype);
}

/** `einsum(subscripts, *tensors)` on the engine's tensors (all in the one dtype the result has). */
export function einsumTensors(subscripts: string, tensors: readonly Tensor[]): Tensor {
  const shapes = tensors.map((t) => t.shape);
  const { inputs, output } = parse(subscripts, shapes);
  const sizes = new Map<number, number>();
  const operands: { t: Tensor; labels: number[] }[] = [];
  for (const [op, t0] of tensors.entries()) {
    let t = t0;
    const labels = [...inputs[op]];
    // a repeated label: keep its diagonal (mask the rest, sum one of the two axes away)
    for (let i = 0; i < labels.length; i++)
      for (let j = labels.length - 1; j > i; j--) {
        if (labels[j] !== labels[i]) continue;
        if (t.shape[i] !== t.shape[j])
          throw valueError(
            `dimensions in operand ${op} for collapsing index '${String.fromCharCode(labels[i])}' don't match (${t.shape[i]} != ${t.shape[j]})`,
          );
        t = T.sum(T.mul(t, diagonalMask(t, i, j)), [j]);
        labels.splice(j, 1);
      }
    operands.push({ t, labels });
  }
  // every label in one order: the output's first, then the summed ones
  const seen = [...new Set(operands.flatMap((o) => o.labels))];
  const summed = seen.filter((l) => !output.includes(l));
  const order = [...output, ...summed];
  for (const { t, labels } of operands)
    for (const [d, l] of labels.entries()) {
      const n = t.shape[d];
      const known = sizes.get(l);
      if (known === undefined || known === 1) sizes.set(l, n);
      else if (n !== 1 && n !== known)
        throw mismatch(
          shapes,
          operands.map((o) => o.labels),
          order,
        );
    }
  let product: Tensor | null = null;
  for (const { t, labels } of operands) {
    const present = order.filter((l) => labels.includes(l));
    const permuted = T.permute(
      t,
      present.map((l) => labels.indexOf(l)),
    );
    const aligned = T.reshape(
      permuted,
      order.map((l) => (labels.includes(l) ? t.shape[labels.indexOf(l)] : 1)),
    );
    product = product === null ? aligned : T.mul(product, aligned);
  }
  const full = T.expand(
    product!,
    order.map((l) => sizes.get(l)!),
  );
  if (summed.length === 0) return T.contiguous(full);
  return T.sum(
    full,
    summed.map((_, k) => output.length + k),
  );
}
