import { describe, expect, it } from "vitest";
import { frameLook, graphCss } from "../src/view/render/graphStyles";
import { LIGHT_THEME } from "../src/view/render/graphTheme";
import type { ViewFrame } from "../src/view/viewGraph";
import { frameLabelAt, paintFrameLabels, paintFrames } from "./canvasFrames";

const outer: ViewFrame = {
  key: "c1",
  label: "Dense (network[0])",
  depth: 1,
  members: ["v1", "v2"],
  box: { x: 10, y: 20, width: 300, height: 200 },
};
const inner: ViewFrame = {
  ...outer,
  key: "c2",
  label: "Tanh (network[1])",
  depth: 2,
  box: { x: 40, y: 60, width: 100, height: 80 },
};
const far: ViewFrame = {
  ...outer,
  key: "c3",
  label: "far",
  box: { x: 5000, y: 5000, width: 50, height: 50 },
};
const view = { left: 0, top: 0, right: 1000, bottom: 1000 };

/** A context that records what is drawn with which style. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 0,
    font: "",
    textAlign: "",
    textBaseline: "",
    lineJoin: "",
    save: () => {},
    restore: () => {},
    beginPath: () => {},
    setLineDash: (d: number[]) => calls.push(`dash ${d.join(" ")}`),
    roundRect: (x: number, y: number, w: number, h: number) => calls.push(`rect ${x} ${y} ${w} ${h}`),
    fill: () => calls.push(`fill ${ctx.fillStyle}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle}`),
    fillText: (t: string, x: number, y: number) =>
      calls.push(`text ${t} ${x} ${y} ${ctx.fillStyle} ${ctx.font}`),
    strokeText: (t: string) => calls.push(`halo ${t} ${ctx.strokeStyle}`),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe("frames on the canvas", () => {
  const look = frameLook(LIGHT_THEME);

  it("draws each frame in view as the SVG does: faint fill, dashed outline, outermost first", () => {
    const { ctx, calls } = recorder();
    paintFrames(ctx, [outer, inner, far], LIGHT_THEME, view, 0.5, true);
    expect(calls).toEqual([
      "dash 5 3",
      "rect 10 20 300 200",
      `fill ${look.fill}`,
      `stroke ${look.stroke}`,
      "rect 40 60 100 80",
      `fill ${look.fill}`,
      `stroke ${look.stroke}`,
    ]);
    // the same colours the stylesheet gives `.gl-frame-box` and `.gl-frame-label`
    const css = graphCss(LIGHT_THEME);
    expect(css).toContain(`.gl-frame-box { fill: ${look.fill}; stroke: ${look.stroke};`);
    expect(css).toMatch(
      new RegExp(`\\.gl-frame-label \\{[^}]*fill: ${look.label.replace(/[()]/g, "\\$&")};`),
    );
  });

  it("writes each name in the frame's top band, haloed in the background's colour", () => {
    const { ctx, calls } = recorder();
    paintFrameLabels(ctx, [outer, far], LIGHT_THEME, view, "monospace");
    expect(calls).toEqual([
      `halo Dense (network[0]) ${LIGHT_THEME.background}`,
      `text Dense (network[0]) 18 33 ${look.label} 600 11.5px monospace`,
    ]);
  });

  it("finds the innermost frame whose name is under a point (a double-click folds it back)", () => {
    expect(frameLabelAt([outer, inner], { x: 50, y: 65 })?.key).toBe("c2");
    expect(frameLabelAt([outer, inner], { x: 200, y: 25 })?.key).toBe("c1");
    expect(frameLabelAt([outer, inner], { x: 200, y: 100 })).toBeNull();
    expect(frameLabelAt(undefined, { x: 0, y: 0 })).toBeNull();
  });
});
