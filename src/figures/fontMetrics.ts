/**
 * Text widths for laying out figures without a DOM: the advance widths of the printable ASCII
 * characters (space to `~`) in thousandths of an em, measured from the fonts the figures name —
 * DejaVu Sans (matplotlib's default) and Liberation Serif (metric-compatible with Times, the
 * default font of Graphviz). Other characters take an average width; wide scripts a full em.
 */

const DEJAVU_SANS =
  "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636," +
  "337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635," +
  "611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974," +
  "634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838";

const TIMES =
  "250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500," +
  "278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556," +
  "611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778," +
  "500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541";

export type FontName = "sans" | "times";

/** A font's advance widths and the vertical extents text layout needs, in ems. */
export interface FontMetrics {
  widths: number[];
  /** Width of a character outside the table (most Latin, Greek and symbols come close to it). */
  fallback: number;
  /** Top of an `l` and bottom of a `p` above/below the baseline: matplotlib's line box. */
  ascent: number;
  descent: number;
}

const FONTS: Record<FontName, FontMetrics> = {
  sans: {
    widths: DEJAVU_SANS.split(",").map((w) => Number(w) / 1000),
    fallback: 0.64,
    ascent: 0.76,
    descent: 0.208,
  },
  times: {
    widths: TIMES.split(",").map((w) => Number(w) / 1000),
    fallback: 0.5,
    ascent: 0.694,
    descent: 0.213,
  },
};

export function fontMetrics(font: FontName): FontMetrics {
  return FONTS[font];
}

/** The width of `text` set in `font` at `size` (same unit as size). */
export function textWidth(text: string, size: number, font: FontName = "sans"): number {
  const m = FONTS[font];
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code < 127) em += m.widths[code - 32];
    else if (code === 0x2212)
      em += m.widths["+".charCodeAt(0) - 32]; // minus sign: as wide as plus
    else if (isWide(code)) em += 1;
    else em += m.fallback;
  }
  return em * size;
}

/** CJK, Hangul, full-width forms and emoji: set a full em wide. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f300
  );
}
