import { PyBuiltin, PyClass, PyFunction, PyInstance, PyModule } from "../interpreter/objects";
import { defineFunction } from "./native";

/**
 * Jupyter's display helpers, which notebook code calls between the lines GradLens cares about:
 * `IPython.display` (`display`, `HTML`, `Image`, `Markdown`, `clear_output`, …) and
 * `ipywidgets`. They work but show nothing (GradLens has no notebook frontend to show rich
 * output in), so the program around them runs on.
 */

/** The display object classes of IPython.display: they keep what they were given. */
const DISPLAY_CLASSES = [
  "HTML",
  "Image",
  "Markdown",
  "Math",
  "Latex",
  "SVG",
  "JSON",
  "Javascript",
  "Audio",
  "Video",
  "IFrame",
  "Pretty",
  "Code",
  "FileLink",
];

export function makeIPythonModule(display: PyModule): PyModule {
  const m = new PyModule("IPython");
  m.attrs.set("display", display);
  // outside an IPython kernel, get_ipython() is None, which is what this run is
  defineFunction(m, "get_ipython", () => null);
  return m;
}

export function makeIPythonDisplayModule(): PyModule {
  const m = new PyModule("IPython.display");
  defineFunction(m, "display", () => null);
  defineFunction(m, "clear_output", () => null);
  defineFunction(m, "update_display", () => null);
  for (const name of DISPLAY_CLASSES) {
    const cls: PyClass = new PyClass(name, null, "IPython.core.display", (args, kwargs) => {
      const obj = new PyInstance(cls);
      obj.attrs.set(
        "data",
        args[0] ?? kwargs?.get("data") ?? kwargs?.get("url") ?? kwargs?.get("filename") ?? null,
      );
      kwargs?.forEach((v, k) => obj.attrs.set(k, v));
      return obj;
    });
    cls.dict.set("__repr__", new PyBuiltin("__repr__", () => `<IPython.core.display.${name} object>`));
    m.attrs.set(name, cls);
  }
  return m;
}

/** Widget names programs import from ipywidgets. */
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

/**
 * `ipywidgets`: widgets are objects that keep the keywords they were made with (`.value`,
 * `.description`) and answer any other attribute with an inert callable; `interact` and
 * `@interact` hand the function back without drawing anything.
 */
export function makeIpywidgetsModule(): PyModule {
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
      return w;
    });
    cls.dict.set("__getattr__", new PyBuiltin("__getattr__", () => inert));
    cls.dict.set("__repr__", new PyBuiltin("__repr__", () => `${name}()`));
    m.attrs.set(name, cls);
  }
  /** interact(f, …) or @interact(…): the function back, never called (nothing to draw it in). */
  const interact = (name: string) =>
    defineFunction(m, name, ([f]) => {
      if (f instanceof PyFunction || f instanceof PyBuiltin) return f;
      return new PyBuiltin(name, ([g]) => g ?? null);
    });
  interact("interact");
  interact("interact_manual");
  interact("interactive");
  defineFunction(m, "fixed", ([x]) => x ?? null);
  m.attrs.set("widgets", m);
  return m;
}
