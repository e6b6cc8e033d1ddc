import * as vscode from "vscode";
import type { DocumentResult } from "./runController";
import { readSettings } from "./settings";

/** How often inline values may be redrawn while the user types. */
const THROTTLE_MS = 150;

/**
 * Values and gradients after the lines that bound them, like Quokka's inline values, in the
 * theme's inlay-hint colours. The text itself is decided in src/explain/inlineValues.ts (in the
 * worker); this only draws it, at most once per THROTTLE_MS per editor.
 */
export class InlineDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor("editorInlayHint.foreground"),
      backgroundColor: new vscode.ThemeColor("editorInlayHint.background"),
      margin: "0 0 0 2em",
      fontStyle: "italic",
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly pending = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  /** Whether inline values show for this result, by the setting (and the program's size in `auto`). */
  static enabledFor(result: DocumentResult | undefined): boolean {
    const mode = readSettings().inlineValues;
    return mode === "on" || (mode === "auto" && (result?.inlineByDefault ?? false));
  }

  update(editor: vscode.TextEditor, result: DocumentResult | undefined): void {
    if (this.pending.has(editor)) return;
    this.pending.set(
      editor,
      setTimeout(() => {
        this.pending.delete(editor);
        this.draw(editor, result);
      }, THROTTLE_MS),
    );
  }

  private draw(editor: vscode.TextEditor, result: DocumentResult | undefined): void {
    if (!result || !InlineDecorations.enabledFor(result)) {
      editor.setDecorations(this.type, []);
      return;
    }
    const document = editor.document;
    const options: vscode.DecorationOptions[] = [];
    for (const item of result.inline) {
      if (item.line >= document.lineCount) continue;
      const end = document.lineAt(item.line).range.end;
      options.push({
        range: new vscode.Range(end, end),
        renderOptions: { after: { contentText: item.text } },
      });
    }
    editor.setDecorations(this.type, options);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.type.dispose();
  }
}
