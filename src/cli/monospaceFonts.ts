import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The font files a PNG's text is set in. resvg in WebAssembly cannot see the system's fonts,
 * so the CLI looks for a monospace family the graph's stylesheet names, in the places
 * Linux, macOS and Windows keep fonts, and hands resvg the files.
 */

/** File-name patterns of the families the stylesheet lists, in its order of preference. */
const FAMILIES: [RegExp, string][] = [
  [/^(SF-?Mono|SFNSMono)/i, "SF Mono"],
  [/^Menlo/i, "Menlo"],
  [/^consola/i, "Consolas"],
  [/^DejaVuSansMono/i, "DejaVu Sans Mono"],
  [/^LiberationMono/i, "Liberation Mono"],
];

const FONT_FILE = /\.(ttf|otf|ttc)$/i;
/** Font folders nest (e.g. /usr/share/fonts/truetype/dejavu); deeper than this is not a font folder. */
const MAX_DEPTH = 4;

export function fontDirectories(platform: string, home: string, windir: string | undefined): string[] {
  if (platform === "win32") return [join(windir ?? "C:\\Windows", "Fonts")];
  if (platform === "darwin") return ["/System/Library/Fonts", "/Library/Fonts", join(home, "Library/Fonts")];
  return [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    join(home, ".fonts"),
    join(home, ".local/share/fonts"),
  ];
}

/** The preferred family found, with all its files (regular, bold, …); null when there is none. */
export function findMonospaceFont(
  directories: readonly string[],
  list: (dir: string) => { name: string; directory: boolean }[] = listDirectory,
): { family: string; files: string[] } | null {
  const found = new Map<string, string[]>();
  const walk = (dir: string, depth: number) => {
    for (const entry of list(dir)) {
      const path = join(dir, entry.name);
      if (entry.directory) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
        continue;
      }
      if (!FONT_FILE.test(entry.name)) continue;
      const family = FAMILIES.find(([pattern]) => pattern.test(entry.name))?.[1];
      if (family) found.set(family, [...(found.get(family) ?? []), path]);
    }
  };
  for (const dir of directories) walk(dir, 1);
  for (const [, family] of FAMILIES) {
    const files = found.get(family);
    if (files) return { family, files: files.sort() };
  }
  return null;
}

function listDirectory(dir: string): { name: string; directory: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({
      name: e.name,
      directory: e.isDirectory(),
    }));
  } catch {
    return []; // a folder that is not there, or not readable, simply has no fonts
  }
}
