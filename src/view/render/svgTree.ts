/**
 * A light, DOM-free description of SVG: the renderer builds these trees, the webview mounts
 * them as elements and the CLI and Export Graph serialise them as text — one drawing for all.
 */
export interface SvgNode {
  tag: string;
  /** Attribute values as written; numbers are written as they are. */
  attrs: Record<string, string | number>;
  children: SvgNode[];
  /** Text content (for `text`, `tspan`, `title`, `style`); children are ignored when set. */
  text?: string;
}

export function svg(
  tag: string,
  attrs: Record<string, string | number> = {},
  children: SvgNode[] | string = [],
): SvgNode {
  return typeof children === "string"
    ? { tag, attrs, children: [], text: children }
    : { tag, attrs, children };
}

/**
 * `base + offset` as written into a coordinate: to a thousandth of a pixel, so an element
 * placed at a node's box position (whose y is often a long fraction) reads `539.078`, not
 * `539.0777083333334`. Rounding is monotonic, so what lies inside a box still does.
 */
export function at(base: number, offset = 0): number {
  return Math.round((base + offset) * 1000) / 1000;
}

/** The tree as XML text, with attribute values and text escaped. */
export function svgMarkup(node: SvgNode): string {
  const parts: string[] = [];
  write(node, parts);
  return parts.join("");
}

function write(node: SvgNode, out: string[]): void {
  out.push("<", node.tag);
  for (const [name, value] of Object.entries(node.attrs))
    out.push(" ", name, '="', escapeXml(String(value)), '"');
  if (node.text !== undefined) {
    out.push(">", escapeXml(node.text), "</", node.tag, ">");
  } else if (node.children.length === 0) {
    out.push("/>");
  } else {
    out.push(">");
    for (const child of node.children) write(child, out);
    out.push("</", node.tag, ">");
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes markup, and drops the control characters XML 1.0 cannot hold at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
