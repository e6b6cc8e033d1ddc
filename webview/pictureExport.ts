/**
 * The graph as a file: the drawn SVG with every computed style written inline (so it looks the
 * same outside VS Code's theme variables), framed on the whole graph at 100% with the editor's
 * background; and the same picture rasterised to PNG at twice the size, for sharp text.
 */
const STYLED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "visibility",
  "display",
];

const MARGIN = 16;

export function graphSvgText(svg: SVGSVGElement): string {
  const viewport = svg.querySelector<SVGGElement>(".gl-viewport");
  if (!viewport) throw new Error("no graph is drawn");
  const box = viewport.getBBox();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const width = Math.ceil(box.width + 2 * MARGIN);
  const height = Math.ceil(box.height + 2 * MARGIN);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("viewBox", `${box.x - MARGIN} ${box.y - MARGIN} ${width} ${height}`);
  clone.removeAttribute("hidden");
  clone.removeAttribute("style");
  clone.querySelector(".gl-viewport")?.removeAttribute("transform");
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  for (const [k, v] of Object.entries({ x: box.x - MARGIN, y: box.y - MARGIN, width, height })) {
    background.setAttribute(k, String(v));
  }
  background.setAttribute("fill", getComputedStyle(document.body).backgroundColor || "#ffffff");
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export async function graphPngDataUrl(svg: SVGSVGElement, scale = 2): Promise<string> {
  const text = graphSvgText(svg);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the SVG could not be rasterised"));
  });
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await loaded;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(image.width * scale);
  canvas.height = Math.ceil(image.height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL("image/png");
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", style);
  target.removeAttribute("class");
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}
