/**
 * Colours as matplotlib names them: single letters (`'r'`), CSS names (`'tomato'`), the Tableau
 * palette (`'tab:blue'`), the property cycle (`'C0'`…), grey levels (`'0.5'`), hex (`'#1f77b4'`,
 * `'#abc'`, with alpha) and `'none'`. A colour is RGBA with channels in 0…1.
 */

export type Rgba = readonly [number, number, number, number];

/** matplotlib's default property cycle: the Tableau 10 colours, in order. */
export const TAB10 = [
  "1f77b4",
  "ff7f0e",
  "2ca02c",
  "d62728",
  "9467bd",
  "8c564b",
  "e377c2",
  "7f7f7f",
  "bcbd22",
  "17becf",
];

const TABLEAU_NAMES = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"];

/** The one-letter colours (matplotlib's, not CSS's: `'g'` is a dark green). */
const BASE: Record<string, Rgba> = {
  b: [0, 0, 1, 1],
  g: [0, 0.5, 0, 1],
  r: [1, 0, 0, 1],
  c: [0, 0.75, 0.75, 1],
  m: [0.75, 0, 0.75, 1],
  y: [0.75, 0.75, 0, 1],
  k: [0, 0, 0, 1],
  w: [1, 1, 1, 1],
};

// The CSS4 colour names matplotlib accepts, with their standard values.
const CSS4 =
  "aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc " +
  "bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a " +
  "burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 " +
  "cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b " +
  "darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 " +
  "darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc " +
  "darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f " +
  "darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff " +
  "dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 " +
  "forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 " +
  "goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 " +
  "hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa " +
  "lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 " +
  "lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 " +
  "lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa " +
  "lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 " +
  "lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa " +
  "mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 " +
  "mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 " +
  "midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead " +
  "navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 " +
  "orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 " +
  "papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 " +
  "purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 " +
  "saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee " +
  "sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 " +
  "snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 " +
  "tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 " +
  "yellow:ffff00 yellowgreen:9acd32 ";

let namedColours: Map<string, string> | null = null;

function cssName(name: string): string | undefined {
  if (namedColours === null) {
    namedColours = new Map();
    for (const pair of CSS4.trim().split(/\s+/)) {
      const [key, hex] = pair.split(":");
      namedColours.set(key, hex);
    }
  }
  return namedColours.get(name);
}

export function hexColour(hex: string, alpha = 1): Rgba {
  const n = parseInt(hex.slice(0, 6), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}

/** The n-th colour of the default property cycle (`'C<n>'`). */
export function cycleColour(n: number): Rgba {
  return hexColour(TAB10[((n % 10) + 10) % 10]);
}

/** A colour given as a string, or null when matplotlib would not accept it. */
export function parseColour(spec: string): Rgba | null {
  const s = spec.trim();
  const lower = s.toLowerCase();
  if (lower === "none") return [0, 0, 0, 0];
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(s)) {
    const alpha = s.length === 9 ? parseInt(s.slice(7), 16) / 255 : 1;
    return hexColour(s.slice(1, 7), alpha);
  }
  if (/^#[0-9a-f]{3,4}$/i.test(s)) {
    const digits = [...s.slice(1)].map((d) => parseInt(d + d, 16) / 255);
    return [digits[0], digits[1], digits[2], digits.length === 4 ? digits[3] : 1];
  }
  if (Object.hasOwn(BASE, s)) return BASE[s];
  const cycle = /^C(\d+)$/.exec(s);
  if (cycle) return cycleColour(Number(cycle[1]));
  if (lower.startsWith("tab:")) {
    const i = TABLEAU_NAMES.indexOf(lower.slice(4) === "grey" ? "gray" : lower.slice(4));
    return i < 0 ? null : hexColour(TAB10[i]);
  }
  if (/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(s)) {
    const level = Number(s);
    return level >= 0 && level <= 1 ? [level, level, level, 1] : null;
  }
  const hex = cssName(lower);
  return hex === undefined ? null : hexColour(hex);
}

/** A colour given as 3 or 4 numbers in 0…1, or null when they are not. */
export function colourFromNumbers(values: readonly number[]): Rgba | null {
  if (values.length !== 3 && values.length !== 4) return null;
  if (values.some((v) => !(v >= 0 && v <= 1))) return null;
  return [values[0], values[1], values[2], values.length === 4 ? values[3] : 1];
}

/** The colour with its alpha replaced (`alpha=` on an artist overrides the colour's own). */
export function withAlpha(c: Rgba, alpha: number | null): Rgba {
  return alpha === null ? c : [c[0], c[1], c[2], alpha];
}

/** `#rrggbb` for SVG (the alpha goes into an opacity attribute). */
export function cssColour(c: Rgba): string {
  const byte = (v: number) =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${byte(c[0])}${byte(c[1])}${byte(c[2])}`;
}

export const BLACK: Rgba = [0, 0, 0, 1];
export const WHITE: Rgba = [1, 1, 1, 1];
