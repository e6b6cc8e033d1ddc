import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("IPython.display and ipywidgets", () => {
  it("accepts display calls and rich-output objects; outside a notebook display() prints them, as IPython does without a kernel", () => {
    const trace = runProgram(`from IPython.display import display, HTML, Image, Markdown, clear_output
import IPython
h = HTML('<b>bold</b>')
display(h, Markdown('# title'))
clear_output(wait=True)
print(h.data, IPython.get_ipython(), IPython.display.HTML is HTML)
`);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(
      "<IPython.core.display.HTML object>\n<IPython.core.display.Markdown object>\n<b>bold</b> None True\n",
    );
  });

  it("makes widgets that keep their values and accept any call", () => {
    const trace = runProgram(`import ipywidgets as widgets
from ipywidgets import interact, IntSlider
s = widgets.IntSlider(value=3, min=0, max=10, description='n')
s.observe(lambda change: None, names='value')
box = widgets.HBox([s, widgets.Button(description='go')])
def show(n=1):
    print('called', n)
f = interact(show, n=(0, 5))
@interact(n=IntSlider(2))
def other(n):
    return n
print(s.value, s.description, f is show, other(7))
`);
    expect(trace.diagnostics).toEqual([]);
    // interact calls show once with the slider's start, the function's default (as Jupyter does)
    expect(trace.stdout).toBe("called 1\n3 n True 7\n");
  });
});
