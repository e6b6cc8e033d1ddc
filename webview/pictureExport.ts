import { graphSvgDocument } from "../src/view/render/graphSvg";
import { DARK_THEME, THEME_VARIABLES, type GraphTheme } from "../src/view/render/graphTheme";
import type { ViewGraph } from "../src/view/viewGraph";

/**
 * The graph as a file, drawn by the same renderer as the panel (and the CLI) with the colours
 * VS Code's theme gives the panel right now, so it looks the same outside VS Code; and that
 * picture rasterised to PNG at twice the size, for sharp text.
 */
export function graphSvgText(graph: ViewGraph | null): string {
  if (!graph) throw new Error("no graph is drawn");
  return graphSvgDocument(graph, pageTheme());
}

export async function graphPngDataUrl(graph: ViewGraph | null, scale = 2): Promise<string> {
  const text = graphSvgText(graph);
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

/**
 * The theme's colours as the page resolves its CSS variables (a custom property's computed
 * value has its `var(--vscode-…)` already substituted), so the file needs no VS Code.
 */
function pageTheme(): GraphTheme {
  const style = getComputedStyle(document.body);
  const theme = { ...DARK_THEME };
  for (const key of Object.keys(THEME_VARIABLES) as (keyof GraphTheme)[]) {
    const value = style.getPropertyValue(THEME_VARIABLES[key]).trim();
    if (value !== "") theme[key] = value;
  }
  // VS Code's editor font may name no generic family; a viewer without it must still use monospace.
  if (!/\bmonospace\s*$/.test(theme.monoFont)) theme.monoFont += ", monospace";
  return theme;
}
