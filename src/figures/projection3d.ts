/**
 * The projection of a 3-D axes as mplot3d computes it: data scaled into a box of aspect
 * 4 : 4 : 3 (zoomed so its diagonal is 1.83), seen from an eye 10 units from the box's centre
 * at elevation `elev` and azimuth `azim`, through a perspective of focal length 1. The result
 * lands in the 2-D axes' own coordinates, whose view is −0.095…0.09 on both axes.
 */

export type Matrix4 = number[][];
export type Vec3 = [number, number, number];

/** The camera distance (mplot3d's `_dist`). */
export const EYE_DISTANCE = 10;

/** The 2-D view limits the projected points are drawn in (mplot3d's `set_top_view`). */
export const VIEW_2D: [number, number] = [-0.95 / EYE_DISTANCE, 0.9 / EYE_DISTANCE];

/** The box's default aspect, scaled to the length mplot3d gives it. */
export function boxAspect(): Vec3 {
  const a: Vec3 = [4, 4, 3];
  const k = 1.8294640721620434 / Math.hypot(...a);
  return [a[0] * k, a[1] * k, a[2] * k];
}

/** An angle in degrees brought into (−180, 180]. */
export function normAngle(a: number): number {
  const b = (((a + 360) % 360) + 360) % 360;
  return b > 180 ? b - 360 : b;
}

/** An angle in degrees brought into (−90, 90] (text stays readable). */
export function normTextAngle(a: number): number {
  const b = (((a + 180) % 180) + 180) % 180;
  return b > 90 ? b - 180 : b;
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function unit(a: Vec3): Vec3 {
  const n = Math.hypot(...a);
  return [a[0] / n, a[1] / n, a[2] / n];
}

function matmul(a: Matrix4, b: Matrix4): Matrix4 {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/** Rodrigues' rotation about the unit vector `n` by `angle` radians. */
function rotationAbout(n: Vec3, angle: number): number[][] {
  const [x, y, z] = n;
  const s = Math.sin(angle);
  const c = Math.cos(angle);
  const t = 2 * Math.sin(angle / 2) ** 2;
  return [
    [t * x * x + c, t * x * y - z * s, t * x * z + y * s],
    [t * y * x + z * s, t * y * y + c, t * y * z - x * s],
    [t * z * x - y * s, t * z * y + x * s, t * z * z + c],
  ];
}

export interface ViewAngles {
  elev: number;
  azim: number;
  roll: number;
}

/** The 4×4 matrix from data coordinates to projected ones (mplot3d's `get_proj()`). */
export function projectionMatrix(
  view: ViewAngles,
  xlim: [number, number],
  ylim: [number, number],
  zlim: [number, number],
): Matrix4 {
  const box = boxAspect();
  const lims = [xlim, ylim, zlim];
  // data → the box [0, aspect]
  const world: Matrix4 = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 1],
  ];
  lims.forEach(([lo, hi], i) => {
    const d = (hi - lo) / box[i];
    world[i][i] = 1 / d;
    world[i][3] = -lo / d;
  });
  const centre: Vec3 = [box[0] / 2, box[1] / 2, box[2] / 2];
  const elev = (normAngle(view.elev) * Math.PI) / 180;
  const azim = (normAngle(view.azim) * Math.PI) / 180;
  const roll = (normAngle(view.roll) * Math.PI) / 180;
  const dir: Vec3 = [Math.cos(elev) * Math.cos(azim), Math.cos(elev) * Math.sin(azim), Math.sin(elev)];
  const eye: Vec3 = [
    centre[0] + EYE_DISTANCE * dir[0],
    centre[1] + EYE_DISTANCE * dir[1],
    centre[2] + EYE_DISTANCE * dir[2],
  ];
  // upside down past the poles
  const up: Vec3 = [0, 0, Math.abs(elev) > Math.PI / 2 ? -1 : 1];
  const n = unit([eye[0] - centre[0], eye[1] - centre[1], eye[2] - centre[2]]);
  let u = unit(cross(up, n));
  let v = cross(n, u);
  if (roll !== 0) {
    const r = rotationAbout(n, -roll);
    const turn = (w: Vec3): Vec3 =>
      [0, 1, 2].map((i) => r[i][0] * w[0] + r[i][1] * w[1] + r[i][2] * w[2]) as Vec3;
    u = turn(u);
    v = turn(v);
  }
  const look: Matrix4 = [
    [u[0], u[1], u[2], -(u[0] * eye[0] + u[1] * eye[1] + u[2] * eye[2])],
    [v[0], v[1], v[2], -(v[0] * eye[0] + v[1] * eye[1] + v[2] * eye[2])],
    [n[0], n[1], n[2], -(n[0] * eye[0] + n[1] * eye[1] + n[2] * eye[2])],
    [0, 0, 0, 1],
  ];
  // perspective with focal length 1 between the planes −10 and 10
  const front = -EYE_DISTANCE;
  const back = EYE_DISTANCE;
  const perspective: Matrix4 = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, (front + back) / (front - back), (-2 * front * back) / (front - back)],
    [0, 0, -1, 0],
  ];
  return matmul(perspective, matmul(look, world));
}

/** A data point through the projection: x and y in the 2-D view, and its depth (larger is farther). */
export function project(m: Matrix4, x: number, y: number, z: number): Vec3 {
  const out = [0, 1, 2, 3].map((i) => m[i][0] * x + m[i][1] * y + m[i][2] * z + m[i][3]);
  return [out[0] / out[3], out[1] / out[3], out[2] / out[3]];
}
