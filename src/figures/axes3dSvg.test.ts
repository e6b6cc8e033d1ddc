import { describe, expect, it } from "vitest";
import recorded from "./fixtures/mplot3dAxes.json";
import { axes3dLayout, axes3dSvg, frame3d } from "./axes3dSvg";
import type { AxesSpec, AxisSpec, Scatter3DArtist } from "./figureSpec";
import { Extent } from "./textSvg";
import { svgMarkup } from "../view/render/svgTree";
import { checkXml } from "./testing/xmlCheck";

// Recorded with matplotlib 3.6.3 (/usr/bin/python3): a default 6.4 × 4.8 in figure with one
// 3-D subplot, a scatter of x = 0…1 (5 points), y = 3x² − 1, z = 20 sin x, seen from two
// views; for each axis its pane, edge line, label, ticks and grid in the 2-D view coordinates.
interface Case {
  view: [number, number];
  labels: [string, string, string];
  lims: [number, number][];
  axes: {
    pane: number[][];
    line: [number[], number[]];
    label: [number, number];
    rotation: number;
    ticks: { loc: number; text: string; at: [number, number]; line: [number[], number[]] }[];
    grid: number[][][];
  }[];
}

function axis(label: string): AxisSpec {
  return {
    label,
    limits: null,
    ticks: null,
    tickLabels: null,
    scale: "linear",
    inverted: false,
    labelStyle: null,
    tickRotation: 0,
  };
}

function scatterAxes(c: Case): AxesSpec {
  const x = [0, 0.25, 0.5, 0.75, 1];
  const points: Scatter3DArtist = {
    kind: "scatter3d",
    x,
    y: x.map((v) => v * v * 3 - 1),
    z: x.map((v) => Math.sin(v) * 20),
    sizes: [20],
    colors: [[0.12, 0.47, 0.71, 1]],
    edgecolors: null,
    linewidth: 1,
    marker: "o",
    depthshade: true,
    zorder: 1,
    label: null,
  };
  return {
    position: [0.125, 0.11, 0.775, 0.77],
    title: { left: "", center: "", right: "" },
    x: axis(c.labels[0]),
    y: axis(c.labels[1]),
    grid: { x: true, y: true },
    axisOn: true,
    aspect: "auto",
    adjustable: "box",
    titleStyle: null,
    gridStyle: null,
    facecolor: [1, 1, 1, 1],
    margins: { x: 0.05, y: 0.05 },
    legend: null,
    artists: [points],
    view3d: { elev: c.view[0], azim: c.view[1], roll: 0, z: axis(c.labels[2]), zMargin: 0.05 },
  };
}

const close = (got: readonly number[], want: readonly number[]) =>
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 10));

describe("a 3-D axes laid out as mplot3d lays it out", () => {
  for (const c of recorded as Case[]) {
    const axes = scatterAxes(c);
    const f = frame3d(axes, 460.8, 345.6);
    const layout = axes3dLayout(axes, f, 10);
    it(`elev=${c.view[0]} azim=${c.view[1]}: autoscaled limits with mplot3d's margins`, () => {
      close(f.lims.x, c.lims[0]);
      close(f.lims.y, c.lims[1]);
      close(f.lims.z, c.lims[2]);
    });
    ["x", "y", "z"].forEach((name, i) => {
      const want = c.axes[i];
      const got = layout[i];
      it(`elev=${c.view[0]} azim=${c.view[1]}: the ${name} axis' pane, edge and label`, () => {
        got.pane.forEach((p, k) => close(p, want.pane[k]));
        close([got.line[0][0], got.line[1][0]], want.line[0]);
        close([got.line[0][1], got.line[1][1]], want.line[1]);
        close(got.label.at, want.label);
        expect((((got.label.rotation - want.rotation) % 360) + 360) % 360).toBeCloseTo(0, 9);
      });
      it(`elev=${c.view[0]} azim=${c.view[1]}: the ${name} axis' ticks, their labels and the grid`, () => {
        expect(got.ticks.map((t) => t.text)).toEqual(want.ticks.map((t) => t.text));
        got.ticks.forEach((t, k) => {
          close([t.loc], [want.ticks[k].loc]);
          close(t.at, want.ticks[k].at);
          close([t.line[0][0], t.line[1][0]], want.ticks[k].line[0]);
          close([t.line[0][1], t.line[1][1]], want.ticks[k].line[1]);
        });
        expect(got.grid).toHaveLength(want.grid.length);
        got.grid.forEach((l, k) => l.forEach((p, j) => close(p, want.grid[k][j])));
      });
    });
  }

  it("draws a square box centred in its slot, as a well-formed SVG with its texts", () => {
    const c = (recorded as Case[])[0];
    const axes = scatterAxes(c);
    const f = frame3d(axes, 460.8, 345.6);
    // matplotlib's active position: 0.22375, 0.11, 0.5775 × 0.77 of the figure
    expect(f.left).toBeCloseTo(0.22375 * 460.8, 9);
    expect(f.size).toBeCloseTo(0.77 * 345.6, 9);
    const node = axes3dSvg(
      axes,
      { width: 460.8, height: 345.6, fontSize: 10 },
      {
        defs: [],
        id: (k) => `t-${k}`,
        extent: new Extent(),
      },
    );
    const markup = svgMarkup(node);
    expect(checkXml(`<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`).errors).toEqual([]);
    expect(markup).toContain(">x<");
    expect(markup).toContain(">z<");
    // five markers, the farthest first and faintest
    const opacities = [...markup.matchAll(/<use [^>]*fill-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(opacities.length).toBeGreaterThanOrEqual(4);
    expect(opacities[0]).toBeCloseTo(0.3, 9);
  });
});
