const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes (numbers are written as they are) and appends it to `parent`. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  parent: Element | null,
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.appendChild(element);
  return element;
}

/** A `<title>` child: the native tooltip, which also works with the keyboard and screen readers. */
export function svgTitle(parent: Element, text: string): void {
  svgElement(parent, "title").textContent = text;
}
