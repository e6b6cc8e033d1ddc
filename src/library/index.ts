/**
 * GradLens as a library: `import { Value, tensor, nn, optim } from "gradlens"` under Node runs
 * the same engine, with the same classes, as GradLens's interpreter runs for a program, so a
 * file prints the same numbers both ways.
 */
import { makeGradlens } from "./api";
import { nativeContext } from "./context";

const gradlens = makeGradlens(nativeContext());

export const { Value, Tensor, tensor, zeros, ones, randn, rand, manualSeed, nn, optim } = gradlens;
import type { TensorInstance } from "./tensor";
import type { ValueInstance } from "./value";
export type { TensorOptions, TensorInstance } from "./tensor";
export type { ValueInstance } from "./value";
export default gradlens;
/** `Value` and `Tensor` as types too (`const a: Value = new Value(1)`). */
export type Value = ValueInstance;
export type Tensor = TensorInstance;
