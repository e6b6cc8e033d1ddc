import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";
import { checkXml } from "../../../figures/testing/xmlCheck";

/** Runs a program, expecting no errors, and returns the SVG of each figure it showed. */
function figures(source: string): string[] {
  const trace = runProgram(source);
  expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (trace.figures ?? []).map((f) => f.svg);
}

/** The message and source text of a program's error. */
function failure(source: string): { message: string; at: string } {
  const trace = runProgram(source);
  const error = trace.diagnostics.find((d) => d.severity === "error")!;
  return { message: error.message, at: source.slice(error.span!.from, error.span!.to) };
}

/** The fills of a figure's paths, less the panes' three greys. */
function faceFills(svg: string): string[] {
  const panes = new Set(["#f2f2f2", "#e6e6e6", "#ececec"]);
  return [...svg.matchAll(/<path [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]).filter((c) => !panes.has(c));
}

const HEAD = "import numpy as np\nimport matplotlib.pyplot as plt\n";
const GRID = "x = np.linspace(-1, 1, 6)\nX, Y = np.meshgrid(x, x)\nZ = X**2 - Y**2 + 0.5 * X\n";

describe("3-D axes in GradLens's matplotlib", () => {
  it("makes a 3-D axes from add_subplot, subplot, axes, subplots(subplot_kw=…) and add_axes", () => {
    const svgs = figures(
      HEAD +
        [
          "from mpl_toolkits.mplot3d import Axes3D",
          "from mpl_toolkits.mplot3d.axes3d import Axes3D as A2",
          "made = []",
          "fig = plt.figure()",
          "made.append(fig.add_subplot(111, projection='3d'))",
          "plt.figure()",
          "made.append(plt.subplot(1, 1, 1, projection='3d'))",
          "plt.figure()",
          "made.append(plt.axes(projection='3d'))",
          "fig, axs = plt.subplots(1, 2, subplot_kw={'projection': '3d'})",
          "made.extend(axs)",
          "fig = plt.figure()",
          "made.append(fig.add_axes([0.1, 0.1, 0.8, 0.8], projection='3d'))",
          "for ax in made:",
          "    assert isinstance(ax, Axes3D) and isinstance(ax, A2), ax",
          "    ax.plot([0, 1], [0, 1], [0, 1])",
          "print(repr(made[0]))",
          "plt.show()",
        ].join("\n"),
    );
    expect(svgs).toHaveLength(5);
    for (const svg of svgs) {
      expect(checkXml(svg).errors).toEqual([]);
      expect(svg).toContain('class="axes axes3d"');
    }
    expect(svgs[3].match(/axes3d/g)).toHaveLength(2);
  });

  it("shades a plain surface's faces as matplotlib lights them", () => {
    const [svg] = figures(
      HEAD +
        GRID +
        "ax = plt.figure().add_subplot(projection='3d')\nax.plot_surface(X, Y, Z, rstride=1, cstride=1)\n",
    );
    const fills = faceFills(svg);
    expect(fills).toHaveLength(25);
    // matplotlib 3.6.3: the faces' colours (to_hex), C0 lit from azimuth 225°, altitude 19.47°
    expect([...new Set(fills)].sort()).toEqual([
      ...["#0d314b", "#0e3652", "#0f3956", "#114162", "#114264", "#124568", "#155079", "#15517a"],
      ...["#15517b", "#16537d", "#175784", "#175a88", "#185d8c", "#196294", "#1a6295", "#1b669b"],
      ...["#1b689d", "#1c6ca3", "#1c6ca4", "#1e72ac", "#1e72ad", "#1e74af", "#1e75b1", "#1f77b3"],
    ]);
  });

  it("colours a surface through a colormap by each face's mean height, strided", () => {
    const [svg] = figures(
      HEAD +
        GRID +
        "ax = plt.figure().add_subplot(projection='3d')\nsurf = ax.plot_surface(X, Y, Z + 3, cmap='tab10', rstride=2, cstride=2)\nplt.colorbar(surf)\n",
    );
    const fills = faceFills(svg);
    // matplotlib 3.6.3 (a listed colormap, so exact): nine faces (rows and columns 0, 2, 4, 5)
    // in eight of its colours, then the colorbar's steps
    expect([...new Set(fills.slice(0, 9))].sort()).toEqual([
      "#17becf",
      "#1f77b4",
      "#2ca02c",
      "#7f7f7f",
      "#9467bd",
      "#d62728",
      "#e377c2",
      "#ff7f0e",
    ]);
  });

  it("draws scatter points far to near, fading with depth", () => {
    const [svg] = figures(
      HEAD +
        "ax = plt.figure().add_subplot(projection='3d')\nax.scatter([0, 1, 2, 3], [0, 2, 1, 3], [3, 1, 0, 2], c='C1')\n",
    );
    const alphas = [...svg.matchAll(/<use [^>]*?(?:fill-opacity="([\d.]+)"[^>]*)?\/>/g)].map((m) =>
      m[1] === undefined ? 1 : Number(m[1]),
    );
    // matplotlib 3.6.3's sorted face alphas
    // (written with two decimals)
    [0.3, 0.480568, 0.600401, 1.0].forEach((a, i) => expect(alphas[i]).toBeCloseTo(a, 2));
  });

  it("draws a wireframe's row and column lines, and labels, limits and the view the program set", () => {
    const [svg] = figures(
      HEAD +
        GRID +
        [
          "ax = plt.figure().add_subplot(projection='3d')",
          "ax.plot_wireframe(X, Y, Z, rstride=2, cstride=5)",
          "ax.set_xlabel('x'); ax.set_ylabel('y'); ax.set_zlabel('height')",
          "ax.set_zlim(-2, 2)",
          "ax.view_init(elev=15, azim=40)",
          "assert ax.get_zlim() == (-2.0, 2.0) and ax.get_zlabel() == 'height'",
          "ax.set_title('wires')",
        ].join("\n"),
    );
    // rows 0, 2, 4, 5 and columns 0, 5, each one open polyline in the first colour of the cycle
    expect(svg.match(/<path [^>]*stroke="#1f77b4"/g)).toHaveLength(6);
    for (const t of [">wires<", ">height<", ">−2.0<", ">2.0<"]) expect(svg).toContain(t);
  });

  it("draws pyplot's plot and scatter on a current 3-D axes in 3-D, and sets z through ax.set", () => {
    const [svg] = figures(
      HEAD +
        [
          "ax = plt.axes(projection='3d')",
          "plt.plot([0, 1, 2], [0, 1, 0], 'g-')",
          "plt.scatter([0, 1], [1, 0], s=30)",
          "assert isinstance(ax, plt.Axes)",
          "ax.azim = 30",
          "assert (ax.elev, ax.azim, ax.dist) == (30, 30, 10)",
          "ax.set(zlabel='depth', zlim=(-1, 1), title='pyplot')",
          "assert ax.get_zlim() == (-1.0, 1.0), ax.get_zlim()",
          "ax.cla()",
          "assert ax.get_zlabel() == ''",
          "ax.plot([0, 1], [0, 1], [5, 6], color='g')",
          "print(ax.get_zlim())",
        ].join("\n"),
    );
    expect(svg).toContain('stroke="#008000"');
    expect(svg).toContain('class="axes axes3d"');
  });

  it("draws a gradient-descent path over a wireframe, with a legend, as the optimizer notebooks do", () => {
    const [svg] = figures(
      HEAD +
        GRID +
        [
          "ax = plt.figure().add_subplot(projection='3d')",
          "ax.plot_wireframe(X, Y, Z, cmap=plt.get_cmap('rainbow'), alpha=0.2, zorder=-10)",
          "ax.plot([1, 0.5, 0], [1, 0.4, 0], zs=[1.5, 0.4, 0], zdir='z', c='r', lw=3, zorder=1)",
          "ax.scatter(1, 1, zs=1.5, s=100, c='r', zorder=10, edgecolors='black')",
          "ax.legend(['path'], loc='lower right', prop={'size': 10}, framealpha=0.0)",
        ].join("\n"),
    );
    expect(svg).toContain(">path<");
    // the path in red, 3 points wide, and the start marker edged in black
    expect(svg).toMatch(/stroke="#ff0000" stroke-width="3"/);
    expect(svg).toMatch(/<use [^>]*fill="#ff0000"[^>]*stroke="#000000"/);
  });

  it("restyles the panes through ax.xaxis.pane, as notebooks do", () => {
    const [svg] = figures(
      HEAD +
        [
          "ax = plt.figure().add_subplot(projection='3d')",
          "ax.xaxis.pane.fill = False",
          "ax.w_yaxis.set_pane_color('g', 0.2)",
          "ax.zaxis.pane.set_edgecolor('r')",
          "assert ax.xaxis.pane.fill is False and ax.yaxis.pane.fill is True",
          "ax.plot([0, 1], [0, 1], [0, 1])",
        ].join("\n"),
    );
    const panes = [...svg.matchAll(/<path d="[^"]*" (fill="[^"]*"[^>]*stroke="[^"]*"[^>]*)\/>/g)]
      .slice(0, 3)
      .map((m) => m[1]);
    // x: unfilled, its grey edge at half alpha; y: green at 0.2; z: its grey fill, a red edge at half alpha
    expect(panes[0]).toMatch(/^fill="none" stroke="#f2f2f2" stroke-width="1" stroke-opacity="0.5"/);
    expect(panes[1]).toMatch(
      /^fill="#008000" fill-opacity="0.2" stroke="#008000" stroke-width="1" stroke-opacity="0.2"/,
    );
    expect(panes[2]).toMatch(
      /^fill="#ececec" fill-opacity="0.5" stroke="#ff0000" stroke-width="1" stroke-opacity="0.5"/,
    );
  });

  it("writes texts at points in space and fixed z ticks with their labels", () => {
    const [svg] = figures(
      HEAD +
        [
          "ax = plt.figure().add_subplot(projection='3d')",
          "x = np.linspace(0, 1, 30)",
          "ax.plot(x, x**2, x**3)",
          "ax.text(1, 1, 1, 'end', color='red')",
          "ax.set_zticks([0, 0.5, 1])",
          "ax.set_zticklabels(['low', 'mid', 'high'])",
          "assert list(ax.get_zticks()) == [0, 0.5, 1]",
        ].join("\n"),
    );
    for (const t of [">end<", ">low<", ">mid<", ">high<"]) expect(svg).toContain(t);
    expect(svg).toMatch(/fill="#ff0000"[^>]*><text[^>]*>end</);
  });

  it("lifts contour lines to their levels (or an offset), scaling to all of the data", () => {
    const [svg] = figures(
      HEAD +
        GRID +
        [
          "ax = plt.figure().add_subplot(projection='3d')",
          "cs = ax.contour3D(X, Y, Z, [0.0, 0.5], colors=['r', 'b'])",
          "ax.contour(X, Y, Z, [0.0], offset=-2, colors='g')",
          // matplotlib 3.6.3: X and Y with 5% margins, Z's range as it is
          "assert ax.get_xlim() == (-1.1, 1.1), ax.get_xlim()",
          "assert np.allclose(ax.get_zlim(), (-1.06, 1.46), rtol=0, atol=1e-12), ax.get_zlim()",
        ].join("\n"),
    );
    for (const colour of ["#ff0000", "#0000ff", "#008000"]) expect(svg).toContain(`stroke="${colour}"`);
  });

  it("says what it does not draw, where the program asks", () => {
    expect(failure(HEAD + "ax = plt.figure().add_subplot(projection='polar')\n")).toEqual({
      message: "projection='polar' is not supported by GradLens",
      at: "plt.figure().add_subplot(projection='polar')",
    });
    expect(failure(HEAD + "plt.subplot(projection='4d')\n").message).toBe(
      "ValueError: Unknown projection '4d'",
    );
    expect(failure(HEAD + "ax = plt.axes(projection='3d')\nax.bar([1], [2])\n")).toEqual({
      message: "bar() on a 3-D axes is not supported by GradLens",
      at: "ax.bar([1], [2])",
    });
    expect(
      failure(
        HEAD + "ax = plt.axes(projection='3d')\nax.plot_surface(np.arange(3), np.arange(3), np.arange(3))\n",
      ).message,
    ).toBe("ValueError: Argument Z must be 2-dimensional.");
  });
});
