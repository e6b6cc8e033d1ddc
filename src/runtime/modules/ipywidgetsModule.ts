import type { Interpreter } from "../interpreter/interpreter";
import {
  int,
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { dictSet } from "../interpreter/collections";
import { PyError, typeError } from "../interpreter/pyErrors";
import { repr } from "../interpreter/stringify";
import { defineFunction } from "./native";

/**
 * `ipywidgets`. Widgets are objects that keep the keywords they were made with (`.value`,
 * `.description`) and answer any other attribute with an inert callable. `interact` and
 * `interactive` do what Jupyter does before anyone moves a slider: they call the function once
 * with each control's starting value (a slider's middle, a dropdown's first option, the
 * function's own default), so its prints and plots appear; `interact_manual` waits for a
 * button nobody presses here, and only hands the function back.
 */
const WIDGETS = [
  "Widget",
  "DOMWidget",
  "IntSlider",
  "FloatSlider",
  "FloatLogSlider",
  "IntRangeSlider",
  "FloatRangeSlider",
  "IntText",
  "FloatText",
  "BoundedIntText",
  "BoundedFloatText",
  "Text",
  "Textarea",
  "Label",
  "HTML",
  "HTMLMath",
  "Button",
  "Checkbox",
  "ToggleButton",
  "ToggleButtons",
  "Dropdown",
  "RadioButtons",
  "Select",
  "SelectMultiple",
  "SelectionSlider",
  "Play",
  "Progress",
  "IntProgress",
  "FloatProgress",
  "Output",
  "Image",
  "HBox",
  "VBox",
  "Box",
  "GridBox",
  "Tab",
  "Accordion",
  "Layout",
  "ColorPicker",
  "DatePicker",
  "jslink",
  "link",
];

const NUMBER_WIDGET = /^(Int|Float|BoundedInt|BoundedFloat)/;
const CHOICE_WIDGET = /^(Dropdown|Select|SelectionSlider|RadioButtons|ToggleButtons)$/;
const TEXT_WIDGET = /^(Text|Textarea|Password|Label|HTML|HTMLMath|Combobox)$/;

/** The first option's value: an option is a value, a (label, value) pair, or a dict's entry. */
function firstOption(interp: Interpreter, options: PyValue): PyValue {
  if (options instanceof PyDict) {
    for (const { value } of options.entries.values()) return value;
    return null;
  }
  for (const option of interp.iterate(options)) {
    if (option instanceof PyTuple && option.items.length === 2) return option.items[1];
    return option;
  }
  return null;
}

/** The value a widget made without `value=` starts with. */
function startValue(interp: Interpreter, name: string, kwargs: Kwargs): PyValue | undefined {
  if (NUMBER_WIDGET.test(name)) {
    if (name.includes("Range")) return undefined;
    const min = kwargs?.get("min");
    // a slider's value is kept within its bounds
    if (name.startsWith("Int")) return min instanceof PyInt && min.v > 0 ? min : int(0);
    return typeof min === "number" && min > 0 ? min : min instanceof PyInt && min.v > 0 ? min.v : 0.0;
  }
  if (name === "Checkbox" || name === "ToggleButton") return false;
  if (TEXT_WIDGET.test(name)) return "";
  const options = kwargs?.get("options");
  if (CHOICE_WIDGET.test(name) && options !== undefined) return firstOption(interp, options);
  return undefined;
}

type Real = { x: number; isInt: boolean };

function real(v: PyValue): Real | null {
  if (v instanceof PyInt) return { x: v.big !== null ? Number(v.big) : v.v, isInt: true };
  if (typeof v === "boolean") return { x: v ? 1 : 0, isInt: true };
  if (typeof v === "number") return { x: v, isInt: false };
  return null;
}

const valueError = (message: string) => new PyError("ValueError", message);

/**
 * A slider's starting value from `(min, max)` or `(min, max, step)`: the middle, moved down
 * onto a step, an int when every number is one (ipywidgets' rule; Python's `//` and `int()`).
 */
function sliderStart(interp: Interpreter, tuple: PyTuple): PyValue | undefined {
  const nums = tuple.items.map(real);
  if (nums.length < 2 || nums.length > 3 || nums.some((n) => n === null)) return undefined;
  const [lo, hi, step] = nums as Real[];
  const diff = hi.x - lo.x;
  let value = lo.isInt && hi.isInt ? lo.x + Math.floor(diff / 2) : lo.x + diff / 2;
  if (step) {
    if (step.x <= 0) throw valueError(`step must be >= 0, not ${repr(interp, tuple.items[2])}`);
    value = lo.x + Math.trunc((value - lo.x) / step.x) * step.x;
  }
  if (!(lo.x <= value && value <= hi.x))
    throw valueError(`value must be between min and max (min=${lo.x}, value=${value}, max=${hi.x})`);
  return nums.every((n) => n!.isInt) ? int(value) : value;
}

/** What the control an abbreviation makes starts at; `fallback` is the parameter's default. */
function controlValue(interp: Interpreter, abbrev: PyValue, fallback: PyValue | undefined): PyValue {
  if (abbrev instanceof PyInstance && abbrev.attrs.has("value")) return abbrev.attrs.get("value")!;
  if (abbrev instanceof PyTuple) {
    const start = sliderStart(interp, abbrev);
    if (start === undefined) throw valueError(`${repr(interp, abbrev)} cannot be transformed to a widget`);
    if (fallback === undefined) return start;
    // a float slider keeps floats; a default outside the bounds is ignored, as ipywidgets does
    const d = real(fallback);
    const [lo, hi] = abbrev.items.map(real) as Real[];
    if (d === null || d.x < lo.x || d.x > hi.x) return start;
    return start instanceof PyInt ? fallback : d.x;
  }
  if (typeof abbrev === "string" || typeof abbrev === "boolean") return abbrev;
  if (abbrev instanceof PyInt || typeof abbrev === "number") return abbrev;
  if (abbrev instanceof PyList || abbrev instanceof PyDict) return fallback ?? firstOption(interp, abbrev);
  throw valueError(`${repr(interp, abbrev)} cannot be transformed to a widget`);
}

/** The keyword arguments `interact(f, **abbreviations)` calls `f` with first. */
function startArguments(interp: Interpreter, f: PyValue, abbreviations: Kwargs): Map<string, PyValue> {
  const given = new Map(abbreviations ?? []);
  const out = new Map<string, PyValue>();
  const fn = f instanceof PyBoundMethod ? f.func : f;
  if (fn instanceof PyFunction) {
    const params = fn.params.slice(f instanceof PyBoundMethod ? 1 : 0);
    const offset = fn.params.length - params.length;
    params.forEach((p, i) => {
      if (p.kind === "star") return;
      if (p.kind === "doubleStar") {
        for (const [k, v] of given) out.set(k, controlValue(interp, v, undefined));
        given.clear();
        return;
      }
      const fallback = fn.defaults[i + offset];
      const abbrev = given.get(p.name) ?? fallback;
      given.delete(p.name);
      if (abbrev === undefined)
        throw valueError(`cannot find widget or abbreviation for argument: '${p.name}'`);
      out.set(p.name, controlValue(interp, abbrev, fallback));
    });
    for (const k of given.keys()) throw typeError(`${fn.name}() got an unexpected keyword argument '${k}'`);
    return out;
  }
  for (const [k, v] of given) out.set(k, controlValue(interp, v, undefined));
  return out;
}

export function makeIpywidgetsModule(interp: Interpreter): PyModule {
  const m = new PyModule("ipywidgets");
  const inert = new PyBuiltin("inert", () => null);
  const widget: PyClass = new PyClass("Widget", null, "ipywidgets", (args, kwargs) => {
    const w = new PyInstance(widget);
    if (args.length > 0) w.attrs.set("children", args[0]);
    kwargs?.forEach((v, k) => w.attrs.set(k, v));
    return w;
  });
  widget.dict.set("__getattr__", new PyBuiltin("__getattr__", () => inert));
  for (const name of WIDGETS) {
    const cls: PyClass = new PyClass(name, widget, "ipywidgets", (args, kwargs) => {
      const w = new PyInstance(cls);
      if (args.length > 0)
        w.attrs.set(name === "HBox" || name === "VBox" || name === "Box" ? "children" : "value", args[0]);
      kwargs?.forEach((v, k) => w.attrs.set(k, v));
      const start = w.attrs.has("value") ? undefined : startValue(interp, name, kwargs);
      if (start !== undefined) w.attrs.set("value", start);
      return w;
    });
    cls.dict.set("__getattr__", new PyBuiltin("__getattr__", () => inert));
    cls.dict.set("__repr__", new PyBuiltin("__repr__", () => `${name}()`));
    m.attrs.set(name, cls);
  }

  /** `fixed(x)`: a value passed through as it is, never made into a control. */
  const fixed: PyClass = new PyClass("fixed", null, "ipywidgets", ([value]) => {
    const f = new PyInstance(fixed);
    f.attrs.set("value", value ?? null);
    return f;
  });
  m.attrs.set("fixed", fixed);

  const run = (f: PyValue, abbreviations: Kwargs) =>
    interp.call(f, [], startArguments(interp, f, abbreviations));
  /** interact(f, …) calls f and returns it; @interact(…) does so for the function it decorates. */
  const interactLike = (name: string, call: boolean) =>
    defineFunction(m, name, ([f], kwargs) => {
      const apply = (g: PyValue) => {
        if (call) run(g, kwargs);
        return g;
      };
      return f === undefined ? new PyBuiltin(name, ([g]) => apply(g ?? null)) : apply(f);
    });
  interactLike("interact", true);
  interactLike("interact_manual", false);

  /** interactive(f, …): a box of controls that has called f once; `.result` is what f gave. */
  const interactive: PyClass = new PyClass("interactive", null, "ipywidgets", ([f], kwargs) => {
    const box = new PyInstance(interactive);
    const start = startArguments(interp, f ?? null, kwargs);
    const given = new PyDict();
    for (const [k, v] of start) dictSet(given, k, v);
    box.attrs.set("f", f ?? null);
    box.attrs.set("kwargs", given);
    box.attrs.set("result", interp.call(f ?? null, [], start));
    return box;
  });
  interactive.dict.set("__getattr__", new PyBuiltin("__getattr__", () => inert));
  m.attrs.set("interactive", interactive);

  /** interactive_output(f, {name: control}): f called once with the controls' values. */
  defineFunction(m, "interactive_output", ([f, controls]) => {
    const start = new Map<string, PyValue>();
    if (controls instanceof PyDict)
      for (const { key, value } of controls.entries.values())
        start.set(String(key), controlValue(interp, value, undefined));
    interp.call(f ?? null, [], start);
    return new PyInstance(m.attrs.get("Output") as PyClass);
  });
  m.attrs.set("widgets", m);
  return m;
}
