import { ENGINE } from "../../library/tensor";
import type { Tensor as EngineTensor } from "../../engine/tensor/index";
import type { JsInterpreter } from "./interpreter";
import type { Scope } from "./scope";
import { isHost, JsClass, JsNative, JsObject, type JsValue } from "./values";

/**
 * The class a program's `class Net extends nn.Module` extends in the interpreter. The
 * library's Module finds parameters in the object's own properties, which for a program's
 * object live in the interpreter: this class does the same walk over them — in property order,
 * each tensor that requires grad and is a leaf, each module's own parameters, arrays item by
 * item, nothing twice — so `parameters()` gives what Node would give. It prints as Module does
 * (`Net()`).
 */
export function makeModuleBase(it: JsInterpreter, scope: Scope): JsClass {
  const cls = new JsClass(
    "Module",
    { name: "Module", nameSpan: null, base: null, ctor: null, members: [] },
    null,
    scope,
  );
  moduleBases.add(cls);
  const hostModule = it.lib.nn.Module as unknown as abstract new () => object;
  const parameters = (self: JsValue): JsValue[] => {
    const out: JsValue[] = [];
    const seen = new Set<unknown>();
    const walk = (x: JsValue) => {
      if (seen.has(x)) return;
      seen.add(x);
      const t = isHost(x) ? (x as { [ENGINE]?: EngineTensor })[ENGINE] : undefined;
      if (t !== undefined) {
        if (t.requiresGrad && t.gradFn === null) out.push(x);
      } else if (isHost(x) && x instanceof hostModule) {
        const own = it.hostOp(() => (x as { parameters(): JsValue[] }).parameters()) as JsValue[];
        for (const p of own) walk(p);
      } else if (x instanceof JsObject && x.cls !== null && x.cls.isSubclassOf(cls)) {
        for (const v of x.props.values()) walk(v);
      } else if (Array.isArray(x)) x.forEach(walk);
    };
    if (self instanceof JsObject) for (const v of self.props.values()) walk(v);
    return out;
  };
  cls.methods.set("parameters", new JsNative("parameters", (self) => parameters(self)));
  cls.methods.set(
    "zeroGrad",
    new JsNative("zeroGrad", (self) => {
      for (const p of parameters(self)) (p as { [ENGINE]: EngineTensor })[ENGINE].grad = null;
      return undefined;
    }),
  );
  return cls;
}

const moduleBases = new WeakSet<JsClass>();

/** Whether a class descends from the stand-in for `nn.Module`. */
export function isModuleBase(cls: JsClass): boolean {
  for (let c: JsClass | null = cls; c; c = c.base) if (moduleBases.has(c)) return true;
  return false;
}

/** Whether a value is an instance of a program's subclass of `nn.Module`. */
export function isProgramModule(v: JsValue, moduleBase: JsClass | null): boolean {
  return moduleBase !== null && v instanceof JsObject && v.cls !== null && v.cls.isSubclassOf(moduleBase);
}
