/**
 * Where the edge labels in one gap between two layers go, so that no two of them overlap.
 *
 * Every label sits on its edge's last stretch, which crosses the gap as an S-curve (level at
 * both ends, its control points halfway across: what edgePath draws). The gap is cut into
 * lanes, side by side along the stretch, each as wide as the widest label plus padding; a label
 * in a lane sits where its curve passes the lane's middle. Labels in different lanes cannot
 * touch; in one lane, they must be apart across. A gap takes as few lanes as let every label
 * find a free one (taking the labels in order across and each the first free lane); a wider gap
 * is what makes room. Where even MAX_LANES lanes do not, the rest go where they overlap least.
 */

/** One label to place: where its curve starts and ends across, and its size across. */
export interface LaneLabel {
  from: number;
  to: number;
  /** Size across (its height in a left-to-right layout), parallel edges' fans included. */
  size: number;
}

export interface GapLanes {
  /** How many lanes the gap has (1 when it has no labels). */
  lanes: number;
  /** Per label: its lane, 0 nearest the source. */
  lane: Int32Array;
  /** Per label: where its centre is across. */
  across: Float64Array;
  /** The gap's length along, lanes and padding. */
  length: number;
  /** Per lane: its centre's distance from the start of the gap. */
  laneCentre: number[];
}

export const MAX_LANES = 4;
/** Least room across between two labels in one lane. */
const CLEARANCE = 4;

/**
 * Lanes for the labels of one gap: `along` is the widest label's size along the stretch,
 * `padding` the room before, between and after lanes, `least` the gap's smallest length.
 */
export function gapLanes(
  labels: readonly LaneLabel[],
  along: number,
  padding: number,
  least: number,
): GapLanes {
  const order = labels.map((_, i) => i);
  const mid = (l: LaneLabel) => (l.from + l.to) / 2;
  order.sort((a, b) => mid(labels[a]) - mid(labels[b]) || a - b);
  for (let lanes = 1; ; lanes++) {
    const attempt = tryLanes(labels, order, lanes, along, padding, least, lanes === MAX_LANES);
    if (attempt) return attempt; // the last attempt always places everything
  }
}

function tryLanes(
  labels: readonly LaneLabel[],
  order: readonly number[],
  lanes: number,
  along: number,
  padding: number,
  least: number,
  last: boolean,
): GapLanes | null {
  const needed = lanes * along + (lanes + 1) * padding;
  const length = Math.max(least, needed);
  const laneCentre: number[] = [];
  const share: number[] = [];
  for (let j = 0; j < lanes; j++) {
    const centre = (length - needed) / 2 + padding + j * (along + padding) + along / 2;
    laneCentre.push(centre);
    share.push(sCurveShare(length === 0 ? 0.5 : centre / length));
  }
  const lane = new Int32Array(labels.length);
  const across = new Float64Array(labels.length);
  // Per lane, the spans across taken so far (clearance included), as low/high pairs.
  const low = Array.from({ length: lanes }, () => new Float64Array(labels.length));
  const high = Array.from({ length: lanes }, () => new Float64Array(labels.length));
  const taken = new Int32Array(lanes);
  /** How much a label of `size` at `y` overlaps those already in lane j. */
  const overlap = (j: number, y: number, size: number) => {
    const a = y - size / 2 - CLEARANCE / 2;
    const b = y + size / 2 + CLEARANCE / 2;
    let sum = 0;
    for (let k = 0; k < taken[j]; k++) sum += Math.max(0, Math.min(b, high[j][k]) - Math.max(a, low[j][k]));
    return sum;
  };
  for (const i of order) {
    const { from, to, size } = labels[i];
    let chosen = -1;
    for (let j = 0; j < lanes && chosen < 0; j++)
      if (overlap(j, from + (to - from) * share[j], size) === 0) chosen = j;
    if (chosen < 0) {
      if (!last) return null; // one lane more may make room
      let least = Infinity;
      for (let j = 0; j < lanes; j++) {
        const o = overlap(j, from + (to - from) * share[j], size);
        if (o < least) [least, chosen] = [o, j];
      }
    }
    const y = from + (to - from) * share[chosen];
    lane[i] = chosen;
    across[i] = y;
    low[chosen][taken[chosen]] = y - size / 2 - CLEARANCE / 2;
    high[chosen][taken[chosen]++] = y + size / 2 + CLEARANCE / 2;
  }
  return { lanes, lane, across, length, laneCentre };
}

/**
 * How far across an S-curve has come (0 at its start, 1 at its end) where it has gone `f` of
 * the way along. The curve is the cubic with control points halfway along at the start's and
 * the end's height: along x(t) = 1.5t − 1.5t² + t³, across y(t) = 3t² − 2t³ (t from Newton's
 * method; x is increasing, x′ ≥ 0.75).
 */
export function sCurveShare(f: number): number {
  if (f <= 0) return 0;
  if (f >= 1) return 1;
  let t = f;
  for (let k = 0; k < 8; k++) {
    const x = t * (1.5 - 1.5 * t + t * t) - f;
    t -= x / (1.5 - 3 * t + 3 * t * t);
  }
  return t * t * (3 - 2 * t);
}
