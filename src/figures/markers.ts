import type { Marker } from "./figureSpec";
import { num } from "./svgNumbers";

/**
 * matplotlib's marker shapes as SVG path data centred on 0,0 for a marker `size` points across
 * (`markersize`, or √s for a scatter), SVG's y pointing down. Line markers (`+`, `x`, `|`,
 * `_`) are stroked only; the others are filled and edged.
 */

type Pt = [number, number];

function polygon(points: Pt[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(x)} ${num(y)}`).join("") + "Z";
}

/** A regular polygon (or a star, given an inner radius) with a vertex straight up. */
function regular(n: number, r: number, inner: number | null = null): string {
  const points: Pt[] = [];
  const count = inner === null ? n : 2 * n;
  for (let k = 0; k < count; k++) {
    const radius = inner !== null && k % 2 === 1 ? inner * r : r;
    const angle = (2 * Math.PI * k) / count;
    points.push([radius * Math.sin(angle), -radius * Math.cos(angle)]);
  }
  return polygon(points);
}

function circle(r: number): string {
  const a = num(r);
  return `M${-a} 0A${a} ${a} 0 1 0 ${a} 0A${a} ${a} 0 1 0 ${-a} 0Z`;
}

export function isLineMarker(marker: Marker): boolean {
  return marker === "+" || marker === "x" || marker === "|" || marker === "_";
}

export function markerPath(marker: Marker, size: number): string {
  const h = size / 2;
  switch (marker) {
    case "o":
      return circle(h);
    case ".":
      return circle(h / 2);
    case ",":
      return polygon([
        [-0.5, -0.5],
        [0.5, -0.5],
        [0.5, 0.5],
        [-0.5, 0.5],
      ]);
    case "s":
      return polygon([
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ]);
    case "D": {
      const d = h * Math.SQRT2;
      return polygon([
        [0, -d],
        [d, 0],
        [0, d],
        [-d, 0],
      ]);
    }
    case "d": {
      const d = h * Math.SQRT2;
      return polygon([
        [0, -d],
        [0.6 * d, 0],
        [0, d],
        [-0.6 * d, 0],
      ]);
    }
    case "^":
      return polygon([
        [0, -h],
        [h, h],
        [-h, h],
      ]);
    case "v":
      return polygon([
        [0, h],
        [-h, -h],
        [h, -h],
      ]);
    case "<":
      return polygon([
        [-h, 0],
        [h, -h],
        [h, h],
      ]);
    case ">":
      return polygon([
        [h, 0],
        [-h, h],
        [-h, -h],
      ]);
    case "p":
      return regular(5, h);
    case "8":
      return regular(8, h);
    case "h":
      return regular(6, h);
    case "H": {
      const points: Pt[] = [];
      for (let k = 0; k < 6; k++) {
        const angle = (2 * Math.PI * k) / 6;
        points.push([h * Math.cos(angle), h * Math.sin(angle)]);
      }
      return polygon(points);
    }
    case "*":
      return regular(5, h, 0.381966);
    case "X": {
      const w = h * 0.35;
      return polygon([
        [-h, -h + w],
        [-h + w, -h],
        [0, -w],
        [h - w, -h],
        [h, -h + w],
        [w, 0],
        [h, h - w],
        [h - w, h],
        [0, w],
        [-h + w, h],
        [-h, h - w],
        [-w, 0],
      ]);
    }
    case "+":
      return `M${num(-h)} 0L${num(h)} 0M0 ${num(-h)}L0 ${num(h)}`;
    case "x":
      return `M${num(-h)} ${num(-h)}L${num(h)} ${num(h)}M${num(-h)} ${num(h)}L${num(h)} ${num(-h)}`;
    case "|":
      return `M0 ${num(-h)}L0 ${num(h)}`;
    case "_":
      return `M${num(-h)} 0L${num(h)} 0`;
  }
}
