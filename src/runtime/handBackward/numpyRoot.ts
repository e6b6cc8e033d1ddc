import type { Tensor } from "../../engine/tensor/index";
import type { Interpreter } from "../interpreter/interpreter";
import { numpyStateOf } from "../modules/numpy/numpyModule";
import { torchStateOf } from "../modules/torchState";
import type { RunOptions } from "../runApi";
import { handBackwardOf } from "./handBackward";

/**
 * The value a numpy program's trace differentiates, numpy having no `backward()`: the value a
 * name the caller chose (Choose Output to Differentiate) last stood for; else, when no Value or
 * torch `backward()` chose a root, the loss — the last scalar bound to `loss`/`cost`/`error`,
 * returned by a function so named, or paired with its derivative (`mse` with `mse_prime`) —
 * else the last scalar the program computed. Null when there is none (or a row was chosen).
 */
export function numpyRoot(
  interp: Interpreter,
  options: RunOptions,
  occurrences: readonly { name: string }[],
): Tensor | null {
  const s = numpyStateOf(interp);
  if (s === null || options.output !== undefined) return null;
  if (options.outputName !== undefined) {
    let chosen: Tensor | null = null;
    for (const [occurrence, t] of s.occurrences)
      if (
        occurrences[occurrence]?.name === options.outputName &&
        t.numel === 1 &&
        (chosen === null || t.id > chosen.id)
      )
        chosen = t;
    if (chosen !== null) return chosen;
  }
  if (interp.lastRoot !== null || torchStateOf(interp)?.activeBackward() != null) return null;
  if (options.outputName !== undefined) return null;
  const loss = handBackwardOf(interp)?.lastLoss ?? null;
  if (loss !== null) return loss;
  const held = s.heldValues();
  for (let i = held.length - 1; i >= 0; i--)
    if (held[i].numel === 1 && held[i].gradFn !== null) return held[i];
  return null;
}
