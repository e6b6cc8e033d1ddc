import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";
import { checkXml } from "../../../figures/testing/xmlCheck";

/** Runs a program, expecting no errors, and returns its trace. */
function run(source: string) {
  const trace = runProgram(source);
  const errors = trace.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  return trace;
}

/** The texts of an SVG's `<text>` elements (with their tspans joined). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
}

function count(svg: string, tag: string): number {
  return checkXml(svg).counts.get(tag) ?? 0;
}

describe("matplotlib.pyplot in GradLens", () => {
  it("shows a loss curve on plt.show(), as a well-formed SVG with matplotlib's ticks", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "losses = [1.0 / (1 + i) for i in range(50)]",
        "plt.plot(losses)",
        "plt.title('loss')",
        "plt.xlabel('step')",
        "plt.show()",
      ].join("\n"),
    );
    expect(trace.figures).toHaveLength(1);
    const fig = trace.figures![0];
    expect(fig.kind).toBe("matplotlib");
    expect(fig.title).toBe("loss");
    expect(checkXml(fig.svg).errors).toEqual([]);
    expect(fig.svg).toMatch(/^<svg [^>]*width="460.8pt" height="345.6pt"/);
    const labels = texts(fig.svg);
    // x: 0…49 with a 5% margin; y: 0.02…1.0 — AutoLocator's ticks and ScalarFormatter's labels
    expect(labels).toEqual(
      expect.arrayContaining(["0", "10", "20", "30", "40", "50", "0.2", "0.4", "0.6", "0.8", "1.0"]),
    );
    expect(labels).toContain("loss");
    expect(labels).toContain("step");
    // one line, drawn in the first colour of the cycle
    expect(fig.svg).toContain('stroke="#1f77b4"');
    // the figure is shown where plt.show() was called
    const source = "plt.show()";
    expect(fig.span!.to - fig.span!.from).toBe(source.length);
  });

  it("shows a figure never shown at the end of the run, where it was last drawn on", () => {
    const src = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [3, 1, 2], 'ro--')\n";
    const trace = run(src);
    expect(trace.figures).toHaveLength(1);
    const { span, svg } = trace.figures![0];
    expect(src.slice(span!.from, span!.to)).toBe("plt.plot([1, 2, 3], [3, 1, 2], 'ro--')");
    // 'r' is matplotlib's pure red; 'o' puts a marker at each of the 3 points; '--' dashes the line
    expect(svg).toContain('stroke="#ff0000"');
    expect(count(svg, "use")).toBe(3);
    expect(svg).toContain("stroke-dasharray");
  });

  it("colours a scatter through a colormap, and draws one marker per point", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "plt.scatter([0, 1, 2, 3], [0, 1, 0, 1], c=[-1, -1, 1, 1], s=20, cmap=plt.cm.Spectral)",
      ].join("\n"),
    );
    const svg = trace.figures![0].svg;
    expect(count(svg, "use")).toBe(4);
    // Spectral's two ends (recorded from matplotlib: 9e0142 and 5e4fa2)
    expect(svg).toContain('fill="#9e0142"');
    expect(svg).toContain('fill="#5e4fa2"');
  });

  it("draws a histogram with numpy's bins and returns (n, bins, patches)", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "n, bins, patches = plt.hist([1, 2, 2, 3, 3, 3, 4], bins=3)",
        "print(n, bins)",
        "print(patches)",
      ].join("\n"),
    );
    // numpy: edges linspace(1, 4, 4); counts [1, 2, 4] (the last bin closed on the right), as numpy arrays
    expect(trace.stdout).toBe("[1. 2. 4.] [1. 2. 3. 4.]\n<BarContainer object of 3 artists>\n");
    expect(count(trace.figures![0].svg, "rect")).toBeGreaterThanOrEqual(3 + 2);
  });

  it("draws a small imshow as crisp cells, with text on top", () => {
    const trace = run(
      [
        "import torch",
        "import matplotlib.pyplot as plt",
        "N = torch.tensor([[0, 1], [2, 3]])",
        "plt.figure(figsize=(4, 4))",
        "plt.imshow(N, cmap='Blues')",
        "for i in range(2):",
        "    for j in range(2):",
        "        plt.text(j, i, N[i, j].item(), ha='center', va='top', color='gray')",
        "plt.axis('off')",
      ].join("\n"),
    );
    const svg = trace.figures![0].svg;
    // Blues from white (f7fbff) to dark blue (08306b); four cells, four numbers, no ticks
    expect(svg).toContain('fill="#f7fbff"');
    expect(svg).toContain('fill="#08306b"');
    expect(texts(svg)).toEqual(["0", "1", "2", "3"]);
    expect(svg).toContain('fill="#808080"');
  });

  it("fills a decision boundary with contourf, levels as matplotlib chooses them", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "xs = [i * 0.5 for i in range(5)]",
        "xx = [[x for x in xs] for y in xs]",
        "yy = [[y for x in xs] for y in xs]",
        "Z = [[x + y > 2 for x in xs] for y in xs]",
        "cs = plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.8)",
        "print(cs.levels)",
      ].join("\n"),
    );
    // recorded from matplotlib: levels for 0…1 data
    expect(trace.stdout).toBe("[0.   0.15 0.3  0.45 0.6  0.75 0.9  1.05]\n");
    const svg = trace.figures![0].svg;
    expect(svg).toContain('opacity="0.8"');
    expect(checkXml(svg).errors).toEqual([]);
  });

  it("lays out subplots from plt.subplots, indexed as an array", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "fig, axs = plt.subplots(2, 2, figsize=(8, 6))",
        "axs[0, 0].plot([1, 2])",
        "axs[1][1].set_title('last')",
        "print(axs.shape, len(axs), fig)",
        "print(axs[0, 1])",
      ].join("\n"),
    );
    expect(trace.stdout).toBe("(2, 2) 2 Figure(800x600)\nAxesSubplot(0.547727,0.53;0.352273x0.35)\n");
    expect(count(trace.figures![0].svg, "clipPath")).toBe(4);
  });

  it("reads and sets limits, and returns them as matplotlib does", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "plt.plot([0, 10], [0, 1])",
        "print(plt.xlim())",
        "print(plt.ylim(bottom=0))",
      ].join("\n"),
    );
    expect(trace.stdout).toBe("(-0.5, 10.5)\n(0.0, 1.05)\n");
  });

  it("shows a labelled legend, and warns as matplotlib does when nothing is labelled", () => {
    const labelled = run("import matplotlib.pyplot as plt\nplt.plot([1, 2], label='train')\nplt.legend()\n");
    expect(texts(labelled.figures![0].svg)).toContain("train");
    const bare = runProgram("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.legend()\n");
    expect(bare.diagnostics.map((d) => [d.severity, d.message.split(".")[0]])).toEqual([
      ["warning", "No artists with labels found to put in legend"],
    ]);
  });

  it("writes no file on savefig: a located note, and the figure is shown", () => {
    const src = "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('loss.png')\nplt.close()\n";
    const trace = runProgram(src);
    expect(trace.diagnostics).toHaveLength(1);
    const note = trace.diagnostics[0];
    expect(note.severity).toBe("info");
    expect(note.message).toContain("savefig('loss.png') wrote no file");
    expect(src.slice(note.span!.from, note.span!.to)).toBe("plt.savefig('loss.png')");
    expect(trace.figures).toHaveLength(1);
  });

  it("raises matplotlib's errors at the call", () => {
    const fmt = runProgram("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4], 'q')\n");
    expect(fmt.diagnostics[0].message).toBe(
      "ValueError: 'q' is not a valid format string (unrecognized character 'q')",
    );
    const shapes = runProgram("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4, 5])\n");
    expect(shapes.diagnostics[0].message).toBe(
      "ValueError: x and y must have same first dimension, but have shapes (2,) and (3,)",
    );
    const colour = runProgram("import matplotlib.pyplot as plt\nplt.plot([1, 2], color='xyz')\n");
    expect(colour.diagnostics[0].message).toBe("ValueError: 'xyz' is not a valid value for color");
    const values = runProgram(
      "from micrograd.engine import Value\nimport matplotlib.pyplot as plt\nplt.plot([Value(1.0)])\n",
    );
    expect(values.diagnostics[0].message).toContain(
      "TypeError: float() argument must be a string or a real number, not 'Value'",
    );
  });

  it("says plainly what it does not draw", () => {
    const trace = runProgram("import matplotlib.pyplot as plt\nplt.pie([1, 2])\n");
    expect(trace.diagnostics[0].code).toBe("unsupported");
    expect(trace.diagnostics[0].message).toContain("matplotlib.pyplot.pie");
  });

  it("is caught by except ImportError no longer: the import succeeds", () => {
    const trace = run(
      "try:\n    import matplotlib.pyplot as plt\n    ok = True\nexcept ImportError:\n    ok = False\nprint(ok)\n",
    );
    expect(trace.stdout).toBe("True\n");
  });

  it("labels a log axis with powers of ten, as matplotlib does", () => {
    const trace = run("import matplotlib.pyplot as plt\nplt.plot([1, 10, 100, 1000])\nplt.yscale('log')\n");
    const labels = texts(trace.figures![0].svg);
    // 10⁰ … 10³: the exponents are raised (tspans), the minus a real one for 10⁻¹ when shown
    expect(labels).toEqual(expect.arrayContaining(["100", "101", "102", "103"]));
  });

  it("reads any iterable of numbers through Python's iteration (as numpy arrays will be)", () => {
    const trace = run(
      [
        "import matplotlib.pyplot as plt",
        "class Arr:",
        "    def __init__(self, items):",
        "        self.items = items",
        "    def __iter__(self):",
        "        return iter(self.items)",
        "plt.plot(Arr([0.0, 1.0, 4.0]), Arr([1, 2, 3]))",
        "plt.imshow(Arr([Arr([0, 1]), Arr([2, 3])]))",
      ].join("\n"),
    );
    expect(trace.figures).toHaveLength(1);
    // viridis from its dark end to its light end across the four cells
    expect(trace.figures![0].svg).toContain('fill="#440154"');
    expect(trace.figures![0].svg).toContain('fill="#fde725"');
  });

  it("plots torch tensors", () => {
    const trace = run(
      [
        "import torch",
        "import matplotlib.pyplot as plt",
        "x = torch.linspace(-3, 3, 7)",
        "plt.plot(x, torch.tanh(x))",
        "plt.hist(torch.tanh(torch.randn(100)), bins=20)",
      ].join("\n"),
    );
    expect(trace.figures).toHaveLength(1);
    expect(count(trace.figures![0].svg, "path")).toBeGreaterThan(0);
  });

  it("draws a colorbar beside the image, laid out as matplotlib lays it out", () => {
    const trace = run(
      [
        "import numpy as np",
        "import matplotlib.pyplot as plt",
        "Z = np.arange(12.0).reshape(3, 4)",
        "im = plt.imshow(Z, cmap='RdBu')",
        "cb = plt.colorbar(label='value')",
        "assert plt.gca() is not cb.ax  # the parent stays the current axes",
        "plt.show()",
      ].join("\n"),
    );
    const { svg } = trace.figures![0];
    const boxes = [
      ...svg.matchAll(
        /<clipPath id="[^"]+"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
      ),
    ].map((m) => m.slice(1).map(Number));
    // matplotlib 3.6: the image shrunk to its aspect at the right of its slot, the bar 20 times as tall as wide
    expect(boxes).toEqual([
      [57.6, 67.39, 285.7, 214.27],
      [361.15, 41.47, 13.31, 266.11],
    ]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["0", "2", "4", "6", "8", "10", "value"]));
  });

  it("gives a filled contour set's colorbar its bands and every other level as a tick", () => {
    const trace = run(
      [
        "import numpy as np",
        "import matplotlib.pyplot as plt",
        "x = np.linspace(-3, 3, 30)",
        "X, Y = np.meshgrid(x, x)",
        "fig, ax = plt.subplots()",
        "cs = ax.contourf(X, Y, X * Y, levels=20)",
        "fig.colorbar(cs, ax=ax)",
        "plt.show()",
      ].join("\n"),
    );
    const { svg } = trace.figures![0];
    const bar = svg.slice(svg.lastIndexOf('class="axes"'));
    // matplotlib's levels −9…9 and its FixedLocator's ticks on them
    expect(texts(bar)).toEqual(["−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"]);
    expect(count(bar, "rect")).toBeGreaterThanOrEqual(18);
  });

  it("says where a colorbar has nothing to show", () => {
    const trace = runProgram("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.colorbar()\n");
    const error = trace.diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toMatch(/^RuntimeError: No mappable was found to use for colorbar creation/);
  });

  it("imports Axes3D, as many programs do; Axes3D(fig), which matplotlib 3.6 leaves off the figure, is a located message", () => {
    const src =
      "from mpl_toolkits.mplot3d import Axes3D\nimport matplotlib.pyplot as plt\nprint(Axes3D.__name__)\nAxes3D(plt.figure())\n";
    const trace = runProgram(src);
    expect(trace.stdout).toBe("Axes3D\n");
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toMatch(/^Axes3D\(fig\) makes axes matplotlib 3.6 does not add to the figure/);
    expect(src.slice(error.span!.from, error.span!.to)).toBe("Axes3D(plt.figure())");
  });
});
