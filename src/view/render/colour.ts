/**
 * Mixing two theme colours, as CSS `color-mix(in srgb, a p%, b)` does. With concrete colours
 * (a file's palette, or colours read from VS Code's variables) the mix is computed here, so the
 * SVG needs no CSS a viewer or rasteriser might lack; anything else (a `var(…)`) is left to CSS.
 */
export function mixColour(a: string, b: string, percentOfA: number): string {
  const p = Math.min(100, Math.max(0, percentOfA));
  const x = parseColour(a);
  const y = parseColour(b);
  if (!x || !y) return `color-mix(in srgb, ${a} ${p}%, ${b})`;
  const t = p / 100;
  // Premultiplied by alpha, as color-mix interpolates.
  const alpha = x[3] * t + y[3] * (1 - t);
  const channel = (i: number) => (alpha === 0 ? 0 : (x[i] * x[3] * t + y[i] * y[3] * (1 - t)) / alpha);
  return formatColour([channel(0), channel(1), channel(2), alpha]);
}

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` or `rgba(…)` as [r, g, b, a] (0–255, alpha 0–1). */
export function parseColour(text: string): [number, number, number, number] | null {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(s);
  if (hex) {
    let h = hex[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join("");
    if (h.length !== 6 && h.length !== 8) return null;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s);
  if (!fn) return null;
  const parts = fn[1].split(/[\s,/]+/).filter((p) => p !== "");
  if (parts.length !== 3 && parts.length !== 4) return null;
  const values = parts.map((p, i) => {
    const v = parseFloat(p);
    if (p.endsWith("%")) return i < 3 ? (v * 255) / 100 : v / 100;
    return v;
  });
  if (values.some((v) => !Number.isFinite(v))) return null;
  return [values[0], values[1], values[2], values[3] ?? 1];
}

function formatColour([r, g, b, a]: number[]): string {
  const byte = (v: number) => Math.round(Math.min(255, Math.max(0, v)));
  if (a >= 1) return `#${[r, g, b].map((v) => byte(v).toString(16).padStart(2, "0")).join("")}`;
  return `rgba(${byte(r)},${byte(g)},${byte(b)},${Math.round(a * 1000) / 1000})`;
}
