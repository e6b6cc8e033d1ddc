/**
 * The colours and font a graph is drawn with. The panel passes CSS variables (so it follows
 * VS Code's theme as it changes); an exported picture passes the concrete colours they had;
 * the CLI, which has no VS Code, uses one of the built-in palettes below.
 */
export interface GraphTheme {
  background: string;
  foreground: string;
  /** Secondary text: the `data`/`grad` words, zero gradients, constants. */
  muted: string;
  nodeBackground: string;
  nodeBorder: string;
  opBackground: string;
  /** Leaves (parameters and inputs). */
  leaf: string;
  /** The root of backward(). */
  root: string;
  /** Gradient flowing back: edges and gradient numbers. */
  flow: string;
  /** Edges that carry no gradient. */
  edge: string;
  /** NaN and ±∞. */
  error: string;
  /** Heatmap cells below and above zero. */
  negative: string;
  positive: string;
  /** A font-family list ending in a generic family. */
  monoFont: string;
}

const MONO = `"SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace`;

/** VS Code's Light Modern colours. */
export const LIGHT_THEME: GraphTheme = {
  background: "#ffffff",
  foreground: "#3b3b3b",
  muted: "#717171",
  nodeBackground: "#ffffff",
  nodeBorder: "#c8c8c8",
  opBackground: "#f3f3f3",
  leaf: "#1a85ff",
  root: "#d18616",
  flow: "#d18616",
  edge: "#c8c8c8",
  error: "#e51400",
  negative: "#1a85ff",
  positive: "#e51400",
  monoFont: MONO,
};

/** VS Code's Dark Modern colours. */
export const DARK_THEME: GraphTheme = {
  background: "#1e1e1e",
  foreground: "#d4d4d4",
  muted: "#9d9d9d",
  nodeBackground: "#252526",
  nodeBorder: "#454545",
  opBackground: "#252526",
  leaf: "#3794ff",
  root: "#d18616",
  flow: "#d18616",
  edge: "#454545",
  error: "#f14c4c",
  negative: "#3794ff",
  positive: "#f14c4c",
  monoFont: MONO,
};

/** The CSS variable each theme colour is read from in the panel. */
export const THEME_VARIABLES: Record<keyof GraphTheme, string> = {
  background: "--gl-bg",
  foreground: "--gl-fg",
  muted: "--gl-muted",
  nodeBackground: "--gl-node-bg",
  nodeBorder: "--gl-node-border",
  opBackground: "--gl-op-bg",
  leaf: "--gl-leaf",
  root: "--gl-root",
  flow: "--gl-flow",
  edge: "--gl-edge",
  error: "--gl-error",
  negative: "--gl-negative",
  positive: "--gl-positive",
  monoFont: "--gl-mono",
};

/** The theme as those CSS variables: the panel's live drawing, which follows theme changes by itself. */
export const CSS_VARIABLE_THEME = Object.fromEntries(
  Object.entries(THEME_VARIABLES).map(([key, variable]) => [key, `var(${variable})`]),
) as unknown as GraphTheme;
