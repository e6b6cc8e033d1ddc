import * as T from "../../../engine/tensor/index";
import { parsePython } from "../../../lang/python/parsePython";
import type { Program } from "../../../lang/ir";
import { bigInt, PyBuiltin, type PyModule, type PyValue } from "../../interpreter/objects";
import { typeError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import { NdArray, NpScalar } from "../numpy/ndarray";
import { GeneratorObject } from "../torchRandom";
import { TensorObject, type TorchState } from "../torchState";
import { TORCH_DATA_SOURCE } from "./dataSource";

/**
 * The `torch.utils` package and its `torch.utils.data` module: the Python classes of
 * dataSource.ts, given the few things only TypeScript can do for them.
 */

let program: Program | null = null;

function dataProgram(): Program {
  if (!program) {
    const parsed = parsePython(TORCH_DATA_SOURCE, { isLibrary: true });
    if (!parsed.program) throw new Error("torch.utils.data source does not parse");
    program = parsed.program;
  }
  return program;
}

/**
 * `_draw_seed(generator)`: what `torch.empty((), dtype=torch.int64).random_(generator=g).item()`
 * gives — one 64-bit draw reduced into int64's non-negative range — from g or the default generator.
 */
const drawSeed = new PyBuiltin("_draw_seed", ([g]) => {
  let generator = T.defaultGenerator;
  if (g instanceof GeneratorObject) generator = g.generator;
  else if (g !== null && g !== undefined)
    throw typeError(`random_(): argument 'generator' must be torch.Generator, not ${typeName(g)}`);
  return bigInt(generator.random64() % (1n << 63n));
});

/** `_kind(x)`: which of default_collate's array kinds x is ('' for none of them). */
const kind = new PyBuiltin("_kind", ([x]) => {
  if (x instanceof TensorObject) return "tensor";
  if (x instanceof NdArray) return "ndarray";
  if (x instanceof NpScalar) return "npscalar";
  return "";
});

export function fillUtils(m: PyModule, data: PyModule): void {
  m.attrs.set("data", data);
}

export function fillUtilsData(s: TorchState, m: PyModule, torch: PyModule): void {
  const globals: Map<string, PyValue> = s.interp.runLibraryModule(dataProgram(), "torch.utils.data");
  // looked up when the classes run, in the globals they were defined in
  globals.set("torch", torch);
  globals.set("_draw_seed", drawSeed);
  globals.set("_kind", kind);
  for (const [k, v] of globals) if (!k.startsWith("_") && k !== "math" && k !== "torch") m.attrs.set(k, v);
}
