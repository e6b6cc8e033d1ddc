import { describe, expect, it } from "vitest";
import recorded from "./fixtures/mplot3dProjection.json";
import { boxAspect, normAngle, normTextAngle, project, projectionMatrix } from "./projection3d";

// Recorded with matplotlib 3.6.3 (/usr/bin/python3): for each view and set of limits,
// `ax.get_proj()` and `proj3d.proj_transform` of three points (see the fixture).
interface Case {
  view: [number, number, number];
  lims: [[number, number], [number, number], [number, number]];
  M: number[][];
  points: [number, number, number][];
  projected: [number, number, number][];
}

describe("mplot3d's projection", () => {
  for (const c of recorded as Case[]) {
    const [elev, azim, roll] = c.view;
    it(`elev=${elev} azim=${azim} roll=${roll}: the matrix get_proj() gives`, () => {
      const m = projectionMatrix({ elev, azim, roll }, ...c.lims);
      m.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(c.M[i][j], 12)));
    });
    it(`elev=${elev} azim=${azim} roll=${roll}: projected points`, () => {
      const m = projectionMatrix({ elev, azim, roll }, ...c.lims);
      c.points.forEach((p, k) => {
        const got = project(m, ...p);
        got.forEach((v, i) => expect(v).toBeCloseTo(c.projected[k][i], 12));
      });
    });
  }

  it("keeps the box at 4:4:3 with a diagonal of 1.829…", () => {
    const [a, b, c] = boxAspect();
    expect(a / c).toBeCloseTo(4 / 3, 14);
    expect(a).toBe(b);
    expect(Math.hypot(a, b, c)).toBeCloseTo(1.8294640721620434, 14);
  });

  it("normalises angles as mplot3d does", () => {
    expect(normAngle(400)).toBe(40);
    expect(normAngle(-180)).toBe(180);
    expect(normAngle(190)).toBe(-170);
    expect(normTextAngle(135)).toBe(-45);
    expect(normTextAngle(90)).toBe(90);
    expect(normTextAngle(-100)).toBe(80);
  });
});
