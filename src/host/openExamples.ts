import * as vscode from "vscode";

/**
 * GradLens: Open Examples — a quick pick of the bundled examples, each opened as an untitled
 * copy so the user can edit it freely without touching the installed extension. `name` skips
 * the picker (for tests and links).
 */
export async function openExamples(
  extensionUri: vscode.Uri,
  name?: string,
): Promise<vscode.TextDocument | undefined> {
  const folder = vscode.Uri.joinPath(extensionUri, "examples");
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith(".py"));
  const items = await Promise.all(
    files.map(async ([name]) => {
      const text = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)),
      );
      const firstComment = /^#\s*(.*)$/m.exec(text)?.[1] ?? "";
      return { label: name, detail: firstComment, text };
    }),
  );
  const picked =
    name !== undefined
      ? items.find((item) => item.label === name)
      : await vscode.window.showQuickPick(items, {
          title: vscode.l10n.t("GradLens examples"),
          placeHolder: vscode.l10n.t("Open an example program"),
          matchOnDetail: true,
        });
  if (!picked) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: "python", content: picked.text });
  await vscode.window.showTextDocument(document);
  return document;
}
