import * as vscode from "vscode";
import { findOccurrence, hoverContent, SHOW_IN_GRAPH } from "../explain/hoverContent";
import { handCheckLines } from "../explain/handCheckHover";
import type { RunController } from "./runController";
import { readSettings } from "./settings";

/** Hovers on a name that stood for a value: its value, gradient and the chain rule behind it. */
export class GradientHoverProvider implements vscode.HoverProvider {
  constructor(private readonly runs: RunController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.runs.result(document.uri);
    if (!result) return undefined;
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_][A-Za-z0-9_]*/);
    if (!range) return undefined;
    const word = document.getText(range);
    // Offsets are only meaningful for the text the trace was made from.
    const offset = result.version === document.version ? document.offsetAt(position) : -1;
    const occurrence = findOccurrence(result.trace, offset, word);
    const precision = readSettings().precision;
    // a gradient the program computed by hand on this line: yours beside the chain rule's
    const checked = handCheckLines(result.trace, document.getText(), offset, precision, vscode.env.language);
    if (!occurrence && checked.length === 0) return undefined;
    const content = occurrence
      ? hoverContent(result.trace, occurrence, precision, vscode.env.language).markdown
      : `**${word}**`;
    const markdown = new vscode.MarkdownString([content, ...checked].join("\n"));
    markdown.isTrusted = { enabledCommands: [SHOW_IN_GRAPH] }; // only the "Show in graph" link
    if (result.stale)
      markdown.appendMarkdown(
        "\n\n_" + vscode.l10n.t("From the last run that worked; the text has changed since.") + "_",
      );
    return new vscode.Hover(markdown, range);
  }
}
