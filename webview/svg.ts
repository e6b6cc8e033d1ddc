import type { SvgNode } from "../src/view/render/svgTree";

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

/** Turns a renderer's tree (src/view/render) into elements, appends them to `parent` and returns the root. */
export function mountSvg(parent: Element | null, node: SvgNode): SVGElement {
  const element = document.createElementNS(SVG_NS, node.tag) as SVGElement;
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  else for (const child of node.children) mountSvg(element, child);
  parent?.appendChild(element);
  return element;
}
