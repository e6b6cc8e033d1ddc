import * as vscode from "vscode";

/**
 * GradLens: Open Examples — a quick pick of the bundled examples, each opened as an untitled
 * copy so the user can edit it freely without touching the installed extension. `name` skips
 * the picker (for tests and links).
 */
/** Example files by extension, and the editor language each opens in. */
const EXAMPLE_LANGUAGES: [string, string][] = [
  [".py", "python"],
  [".mjs", "javascript"],
  [".ts", "typescript"],
];

export async function openExamples(
  extensionUri: vscode.Uri,
  name?: string,
): Promise<vscode.TextDocument | undefined> {
  const folder = vscode.Uri.joinPath(extensionUri, "examples");
  // Python at the top, then the JavaScript and TypeScript ones (js/…, ts/…)
  const files: string[] = [];
  for (const sub of ["", "js", "ts"]) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, sub)).then(
      (found) => found,
      () => [] as [string, vscode.FileType][],
    );
    for (const [name, type] of entries) {
      const path = sub ? `${sub}/${name}` : name;
      if (type === vscode.FileType.File && EXAMPLE_LANGUAGES.some(([ext]) => name.endsWith(ext)))
        files.push(path);
    }
  }
  const items = await Promise.all(
    files.map(async (path) => {
      const text = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, path)),
      );
      const firstComment = /^(?:#|\/\/)\s*(.*)$/m.exec(text)?.[1] ?? "";
      const language = EXAMPLE_LANGUAGES.find(([ext]) => path.endsWith(ext))![1];
      return { label: path, detail: firstComment, text, language };
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
  const document = await vscode.workspace.openTextDocument({
    language: picked.language,
    content: picked.text,
  });
  await vscode.window.showTextDocument(document);
  return document;
}
