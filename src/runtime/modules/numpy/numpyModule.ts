import {
  PyBuiltin,
  PyClass,
  PyInstance,
  PyModule,
  PySlice,
  PyTuple,
  type PyValue,
} from "../../interpreter/objects";
import type { Interpreter } from "../../interpreter/interpreter";
import { UnsupportedError } from "../../interpreter/pyErrors";
import { guard, nativeMethod } from "../torchArgs";
import { asArray } from "./convert";
import { columns, concatenate, reshape } from "./shapes";
import type { ModuleFactory } from "../../moduleLoader";
import { arrayFromValues } from "./creation";
import { makeLinalgModule } from "./linalgModule";
import type { NdArray } from "./ndarray";
import { makeNdarrayClass } from "./ndarrayClass";
import type { NpDtype } from "./npDtype";
import { numpyErrorClass } from "./npErrors";
import { fillFunctions, setErrorModes } from "./numpyFunctions";
import { fillTextFiles } from "./textFiles";
import { NumpyState } from "./numpyState";
import { addPythonFunctions, numpyTestingModule } from "./numpyPython";
import { makeNumpyRandomModule } from "./random/randomModule";
import { watchHandBackward } from "../../handBackward/handBackward";
import { makeDtypeClass, makeScalarClasses } from "./scalarTypes";

/**
 * The `numpy` module for one run: the state (classes, values for the trace, warnings, print
 * options) is made on first import; `numpy.linalg` and `numpy.random` come with it.
 */

const states = new WeakMap<Interpreter, NumpyState>();

/** The run's numpy state, or null when the program never imported numpy. */
export function numpyStateOf(interp: Interpreter): NumpyState | null {
  return states.get(interp) ?? null;
}

let randomFactory: ((s: NumpyState) => PyModule) | null = null;

/** Replaces where `numpy.random` comes from (null: numpy's streams, random/randomModule.ts). */
export function setRandomModuleFactory(factory: ((s: NumpyState) => PyModule) | null): void {
  randomFactory = factory;
}

/**
 * An ndarray of `shape` from row-major float64 values (rounded to `dtype`): for modules that
 * compute numbers elsewhere and hand them to the program as numpy arrays.
 */
export function arrayFromFloat64Array(
  s: NumpyState,
  values: Float64Array,
  shape: readonly number[],
  dtype: NpDtype = "float64",
): NdArray {
  return arrayFromValues(s, values, shape, dtype);
}

/** `with np.errstate(divide='ignore'):`: error modes for the block, the old ones back after. */
function makeErrstateClass(s: NumpyState): PyClass {
  const cls: PyClass = new PyClass("errstate", null, "numpy", (_args, kwargs) => {
    const inst = new PyInstance(cls);
    saved.set(inst, { kwargs, old: null });
    return inst;
  });
  const saved = new WeakMap<
    PyInstance,
    { kwargs: Map<string, PyValue> | null; old: Record<string, string> | null }
  >();
  // read as attributes by `with`, so bound to the instance like methods
  cls.dict.set(
    "__enter__",
    nativeMethod("__enter__", (self) => {
      const st = saved.get(self as PyInstance)!;
      st.old = { ...s.errorModes };
      setErrorModes(s, st.kwargs);
      return self;
    }),
  );
  cls.dict.set(
    "__exit__",
    nativeMethod("__exit__", (self) => {
      const st = saved.get(self as PyInstance)!;
      if (st.old !== null) Object.assign(s.errorModes, st.old);
      return false;
    }),
  );
  return cls;
}

/** `np.c_[a, b]` and `np.r_[a, b]`: objects whose indexing joins arrays (as columns, or end to end). */
function makeIndexJoiners(s: NumpyState, m: PyModule): void {
  for (const [name, join] of [
    ["c_", (arrays: NdArray[]) => columns(s, arrays)],
    [
      "r_",
      (arrays: NdArray[]) =>
        concatenate(
          s,
          arrays.map((a) => (a.ndim === 0 ? reshape(s, a, [1]) : a)),
          0,
        ),
    ],
  ] as const) {
    const cls = new PyClass(`${name === "c_" ? "CClass" : "RClass"}`, null, "numpy.lib.index_tricks");
    cls.dict.set(
      "__getitem__",
      new PyBuiltin("__getitem__", ([, index]) =>
        guard(() => {
          const items = index instanceof PyTuple ? index.items : [index];
          if (items.some((x) => x instanceof PySlice))
            throw new UnsupportedError(
              `np.${name}[...] with slices is not supported by GradLens; use np.arange`,
            );
          return join(items.map((x) => asArray(s, x)));
        }),
      ),
    );
    m.attrs.set(name, new PyInstance(cls));
  }
}

function fillNumpy(s: NumpyState, m: PyModule): void {
  addPythonFunctions(s, m);
  const ndarray = makeNdarrayClass(s);
  m.attrs.set("ndarray", ndarray);
  for (const [name, cls] of makeScalarClasses(s)) m.attrs.set(name, cls);
  m.attrs.set("dtype", makeDtypeClass(s));
  const aliases: [string, string][] = [
    ["double", "float64"],
    ["single", "float32"],
    ["int_", "int64"],
    ["intp", "int64"],
    ["intc", "int32"],
    ["ubyte", "uint8"],
    ["bool", "bool_"],
  ];
  for (const [alias, name] of aliases) m.attrs.set(alias, m.attrs.get(name)!);
  m.attrs.set("pi", Math.PI);
  m.attrs.set("e", Math.E);
  m.attrs.set("inf", Infinity);
  m.attrs.set("nan", NaN);
  m.attrs.set("euler_gamma", 0.5772156649015329);
  m.attrs.set("newaxis", null);
  m.attrs.set("__version__", "1.24.2"); // the numpy whose numbers, reprs and promotion GradLens reproduces
  m.attrs.set("errstate", makeErrstateClass(s));
  m.attrs.set("AxisError", numpyErrorClass(s, "AxisError"));
  fillFunctions(s, m);
  fillTextFiles(s, m);
  makeIndexJoiners(s, m);
  m.attrs.set("linalg", makeLinalgModule(s));
  m.attrs.set("random", (randomFactory ?? makeNumpyRandomModule)(s));
}

/** The run's numpy state, made (and the module filled) on first import — or first use through torch. */
export function numpyState(interp: Interpreter): NumpyState {
  const existing = numpyStateOf(interp);
  if (existing !== null) return existing;
  const s = new NumpyState(interp);
  states.set(interp, s);
  s.module = new PyModule("numpy");
  fillNumpy(s, s.module);
  // names bound to arrays label their values in the graph; a hook set before keeps being told
  const previous = interp.nameHook;
  interp.nameHook = (value, occurrence, name) => {
    previous?.(value, occurrence, name);
    s.noteName(value, occurrence, name);
  };
  // the gradients the program computes itself, recognised and checked (src/runtime/handBackward)
  watchHandBackward(s, interp);
  return s;
}

export const NUMPY_MODULES: [string, ModuleFactory][] = [
  ["numpy", (interp) => numpyState(interp).module],
  ["numpy.linalg", (interp) => numpyState(interp).module.attrs.get("linalg") as PyModule],
  ["numpy.random", (interp) => numpyState(interp).module.attrs.get("random") as PyModule],
  ["numpy.testing", (interp) => numpyTestingModule(numpyState(interp))],
];
