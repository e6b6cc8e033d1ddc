import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { sumToShape } from "../../../engine/tensor/ops/broadcast";
import { expandTo } from "./broadcastValues";

/**
 * The graph of an elementwise float function the engine has no operation for (arctan, sinh,
 * arctan2, …): the values computed with `f`, recorded with a gradient rule given as the local
 * derivative of one element, so a program's gradient still flows through it.
 */

/** `f(a)` elementwise; the gradient is g · d(x, f(x)). */
export function unaryGraph(
  op: string,
  a: Tensor,
  f: (x: number) => number,
  d: (x: number, y: number) => number,
  rule: string,
): Tensor {
  const x = a.values();
  const values = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) values[i] = f(x[i]);
  const out = T.Tensor.fromValues(values, a.shape, a.dtype);
  return T.recordCustom(
    out,
    op,
    [a],
    (g) => {
      const gv = g.values();
      const xv = a.values();
      const yv = out.values();
      const grad = new Float64Array(gv.length);
      for (let i = 0; i < gv.length; i++) grad[i] = gv[i] * d(xv[i], yv[i]);
      return [T.Tensor.fromValues(grad, a.shape, g.dtype)];
    },
    [rule],
    [a],
  );
}

/** `f(a, b)` elementwise with broadcasting; the gradients are g · ∂f/∂a and g · ∂f/∂b. */
export function binaryGraph(
  op: string,
  a: Tensor,
  b: Tensor,
  f: (x: number, y: number) => number,
  da: (x: number, y: number, z: number) => number,
  db: (x: number, y: number, z: number) => number,
  rules: readonly string[],
): Tensor {
  const shape = T.broadcastShapes(a.shape, b.shape);
  const xv = expandTo(a, shape);
  const yv = expandTo(b, shape);
  const values = new Float64Array(xv.length);
  for (let i = 0; i < xv.length; i++) values[i] = f(xv[i], yv[i]);
  const out = T.Tensor.fromValues(values, shape, a.dtype);
  return T.recordCustom(
    out,
    op,
    [a, b],
    (g) => {
      const gv = g.values();
      const x = expandTo(a, shape);
      const y = expandTo(b, shape);
      const z = out.values();
      const ga = new Float64Array(gv.length);
      const gb = new Float64Array(gv.length);
      for (let i = 0; i < gv.length; i++) {
        ga[i] = gv[i] * da(x[i], y[i], z[i]);
        gb[i] = gv[i] * db(x[i], y[i], z[i]);
      }
      return [
        sumToShape(T.Tensor.fromValues(ga, shape, g.dtype), a.shape),
        sumToShape(T.Tensor.fromValues(gb, shape, g.dtype), b.shape),
      ];
    },
    rules,
    [a, b],
  );
}
