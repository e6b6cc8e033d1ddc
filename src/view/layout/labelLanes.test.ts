import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gapLanes, MAX_LANES, sCurveShare } from "./labelLanes";

describe("sCurveShare", () => {
  it("runs from 0 to 1, is halfway at the middle, and never goes back", () => {
    expect(sCurveShare(0)).toBe(0);
    expect(sCurveShare(1)).toBe(1);
    expect(sCurveShare(0.5)).toBeCloseTo(0.5, 12);
    let last = 0;
    for (let f = 0.01; f < 1; f += 0.01) {
      const s = sCurveShare(f);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });

  it("is the curve edgePath draws: the cubic's point at the same distance along", () => {
    // control points at half the length: x(t) = 1.5t − 1.5t² + t³, y(t) = 3t² − 2t³
    for (const t of [0.1, 0.3, 0.5, 0.8]) {
      const x = 1.5 * t - 1.5 * t * t + t * t * t;
      expect(sCurveShare(x)).toBeCloseTo(3 * t * t - 2 * t * t * t, 9);
    }
  });
});

describe("gapLanes", () => {
  it("keeps one lane, the gap as short as before, when labels are apart", () => {
    const lanes = gapLanes(
      [
        { from: 0, to: 0, size: 17 },
        { from: 100, to: 100, size: 17 },
      ],
      60,
      14,
      26,
    );
    expect(lanes.lanes).toBe(1);
    expect(lanes.length).toBe(60 + 28);
    expect([...lanes.across]).toEqual([0, 100]);
  });

  it("opens a second lane for two labels that would meet, and each sits on its own curve", () => {
    // two edges converging on one target from 40 above and 40 below: at the middle they meet
    const labels = [
      { from: -40, to: 0, size: 70 },
      { from: 40, to: 0, size: 70 },
    ];
    const lanes = gapLanes(labels, 17, 8, 26);
    expect(lanes.lanes).toBe(2);
    expect(lanes.lane[0]).not.toBe(lanes.lane[1]);
    labels.forEach((l, i) => {
      const f = lanes.laneCentre[lanes.lane[i]] / lanes.length;
      expect(lanes.across[i]).toBeCloseTo(l.from + (l.to - l.from) * sCurveShare(f), 9);
    });
  });

  it("never puts two labels of one lane within reach of each other while lanes are left", () => {
    const label = fc.record({
      from: fc.integer({ min: -300, max: 300 }),
      to: fc.integer({ min: -300, max: 300 }),
      size: fc.constantFrom(17, 40, 77),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 12 }), (labels) => {
        const lanes = gapLanes(labels, 17, 8, 26);
        expect(lanes.lanes).toBeLessThanOrEqual(MAX_LANES);
        if (lanes.lanes === MAX_LANES) return; // the last resort may overlap
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            if (lanes.lane[i] !== lanes.lane[j]) continue;
            const apart = Math.abs(lanes.across[i] - lanes.across[j]);
            expect(apart).toBeGreaterThanOrEqual((labels[i].size + labels[j].size) / 2);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
