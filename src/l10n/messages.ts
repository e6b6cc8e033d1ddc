import { en, type Catalog, type MessageKey } from "./en";
import { zhCn } from "./zhCn";

export type { MessageKey } from "./en";

/** Fills a message's `{0}`, `{1}`… with `args`, in the chosen language. */
export type Messages = (key: MessageKey, ...args: (string | number)[]) => string;

export type CatalogName = "en" | "zh-cn";

/** The catalogues by language; a locale not listed here reads English. */
export const CATALOGS: Readonly<Record<CatalogName, Catalog>> = { en, "zh-cn": zhCn };

/**
 * The text for a VS Code display language (`vscode.env.language`: "en", "zh-cn", …). This code
 * runs outside the extension host too (the worker, the webview), where `vscode.l10n` does not
 * exist, so the host passes the locale along and the text is made here.
 */
export function messages(locale = "en"): Messages {
  const catalog = CATALOGS[catalogFor(locale)];
  // One pass over the template, so an argument that itself contains `{1}` is never re-filled.
  return (key, ...args) =>
    catalog[key].replace(/\{(\d+)\}/g, (hole, i: string) =>
      Number(i) < args.length ? String(args[Number(i)]) : hole,
    );
}

/** Which catalogue serves a locale: Simplified Chinese for zh-cn/zh-hans/zh-sg (and bare zh). */
export function catalogFor(locale: string): CatalogName {
  const tag = locale.toLowerCase().replace(/_/g, "-");
  if (tag === "zh" || tag === "zh-cn" || tag === "zh-sg" || tag.startsWith("zh-hans")) return "zh-cn";
  return "en";
}

/** "a", "a and b", "a, b and c" — in the chosen language. */
export function listText(t: Messages, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1).reduce((a, b) => t("list.comma", a, b));
  return t("list.and", head, items[items.length - 1]);
}
