// Double-double arithmetic: an unevaluated sum hi + lo of two doubles carries ~106 bits, enough
// to round elementary functions correctly. JS has no fused multiply-add, so exact products use
// Veltkamp splitting (valid while values stay far from overflow, as they do here).

export type DD = readonly [hi: number, lo: number];

/** a + b exactly, for any a, b. */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b exactly, when |a| >= |b| (or a is zero). */
export function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

/** a * b exactly. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

export function ddAdd(x: DD, y: DD): DD {
  const [s, e0] = twoSum(x[0], y[0]);
  const [t, f] = twoSum(x[1], y[1]);
  const [s1, e1] = fastTwoSum(s, e0 + t);
  return fastTwoSum(s1, e1 + f);
}

export function ddNeg(x: DD): DD {
  return [-x[0], -x[1]];
}

export function ddMul(x: DD, y: DD): DD {
  const [p, e] = twoProd(x[0], y[0]);
  return fastTwoSum(p, e + (x[0] * y[1] + x[1] * y[0]));
}

export function ddMulNumber(x: DD, b: number): DD {
  const [p, e] = twoProd(x[0], b);
  return fastTwoSum(p, e + x[1] * b);
}

/** x / y by long division: three quotient digits, each correcting the remainder of the last. */
export function ddDiv(x: DD, y: DD): DD {
  const q1 = x[0] / y[0];
  let r = ddAdd(x, ddNeg(ddMulNumber(y, q1)));
  const q2 = r[0] / y[0];
  r = ddAdd(r, ddNeg(ddMulNumber(y, q2)));
  const q3 = r[0] / y[0];
  return ddAdd(fastTwoSum(q1, q2), [q3, 0]);
}
