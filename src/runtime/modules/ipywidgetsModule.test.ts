import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const errors = (trace: ReturnType<typeof runProgram>) =>
  trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

/**
 * What Jupyter shows before anyone moves a control: the function has been called once with each
 * control's starting value (ipywidgets 8's rules for abbreviations).
 */
describe("ipywidgets.interact", () => {
  it("calls the function once with each abbreviation's starting value", () => {
    const trace = runProgram(`import ipywidgets as widgets
from ipywidgets import interact, interact_manual, interactive, fixed, IntSlider
def g(x0):
    print('g', repr(x0), type(x0).__name__)
interact(g, x0=(-30, 30, 0.5))
interact(g, x0=(0.0, 1.0))
interact(g, x0=(1, 10, 3))
interact(g, x0=['a', 'b'])
interact(g, x0=[('one', 1), ('two', 2)])
interact(g, x0={'one': 1, 'two': 2})
interact(g, x0=fixed((1, 2)))
interact(g, x0=widgets.FloatSlider(min=2, max=5))
interact(g, x0=True)
interact(g, x0=2.5)
interact(g, x0='text')
def h(a, b=7, c=(0, 10)):
    print('h', a, b, c)
interact(h, a=(0, 4), c=(5, 9))
@interact(n=IntSlider(2))
def other(n):
    print('other', n)
    return n
@interact
def plain(k=3):
    print('plain', k)
interact_manual(g, x0=(0, 1))
w = interactive(g, x0=(0, 4))
print(w.result, w.kwargs, other is not None, plain(5))
`);
    expect(errors(trace)).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "g 0.0 float",
        "g 0.5 float",
        "g 4 int",
        "g 'a' str",
        "g 1 int",
        "g 1 int",
        "g (1, 2) tuple",
        "g 2.0 float",
        "g True bool",
        "g 2.5 float",
        "g 'text' str",
        "h 2 7 7",
        "other 2",
        "plain 3",
        "g 2 int",
        "plain 5",
        "None {'x0': 2} True None",
        "",
      ].join("\n"),
    );
  });

  it("draws the function's plot, as the batch-norm lecture's slider does", () => {
    const trace = runProgram(`import matplotlib.pyplot as plt
from ipywidgets import interact
def show(x0):
    plt.figure(figsize=(4, 3))
    plt.plot([x0, 1], [0, 1])
    plt.title('x0 %.2f' % x0)
interact(show, x0=(-30, 30, 0.5));
`);
    expect(errors(trace)).toEqual([]);
    expect(trace.figures?.length).toBe(1);
  });

  it("gives ipywidgets' errors for what cannot be a control", () => {
    expect(errors(runProgram(`from ipywidgets import interact\ndef f(x): pass\ninteract(f)\n`))).toEqual([
      "ValueError: cannot find widget or abbreviation for argument: 'x'",
    ]);
    expect(
      errors(runProgram(`from ipywidgets import interact\ndef f(x): pass\ninteract(f, x=(1, 2, 0))\n`)),
    ).toEqual(["ValueError: step must be >= 0, not 0"]);
    expect(
      errors(runProgram(`from ipywidgets import interact\ndef f(x): pass\ninteract(f, x=1, y=2)\n`)),
    ).toEqual(["TypeError: f() got an unexpected keyword argument 'y'"]);
  });
});
