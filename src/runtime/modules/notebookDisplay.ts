import { PyBuiltin, PyClass, PyInstance, PyModule } from "../interpreter/objects";
import { defineFunction } from "./native";

/**
 * Jupyter's display helpers, which notebook code calls between the lines GradLens cares about:
 * `IPython.display` (`display`, `HTML`, `Image`, `Markdown`, `clear_output`, …) and
 * `ipywidgets` (ipywidgetsModule.ts). They work but show nothing (GradLens has no notebook
 * frontend to show rich output in), so the program around them runs on.
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
