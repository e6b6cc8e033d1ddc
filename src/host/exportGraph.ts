import * as vscode from "vscode";
import { toDot } from "../export/dot";
import { toMermaid } from "../export/mermaid";
import type { DocumentResult } from "./runController";

export type ExportFormat = "svg" | "png" | "dot" | "mermaid" | "json";

/** Draws the graph as SVG or PNG; the webview does it, so the file looks like the panel. */
export type GraphPicture = (format: "svg" | "png") => Promise<Uint8Array | null>;

const FORMATS: { format: ExportFormat; label: string; extension: string }[] = [
  { format: "svg", label: "SVG", extension: "svg" },
  { format: "png", label: "PNG", extension: "png" },
  { format: "dot", label: "Graphviz DOT", extension: "dot" },
  { format: "mermaid", label: "Mermaid", extension: "mmd" },
  { format: "json", label: "JSON (view model)", extension: "json" },
];

/** GradLens: Export Graph… — pick a format and a file; the graph of the shown document is written there. */
export async function exportGraph(
  result: DocumentResult,
  picture: GraphPicture,
  format?: ExportFormat,
  target?: vscode.Uri,
) {
  const choice = format
    ? FORMATS.find((f) => f.format === format)
    : await vscode.window.showQuickPick(
        FORMATS.map((f) => ({ ...f, label: f.label, description: `.${f.extension}` })),
        { title: vscode.l10n.t("Export the computation graph as…") },
      );
  if (!choice) return;
  const base = result.uri.path.split("/").pop()?.replace(/\.py$/, "") || "graph";
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(result.uri, "..", `${base}.graph.${choice.extension}`),
      filters: { [choice.label]: [choice.extension] },
    }));
  if (!uri) return;
  const bytes = await render(choice.format, result, picture);
  if (!bytes) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("Open the graph panel to export it as {0}.", choice.label),
    );
    return;
  }
  await vscode.workspace.fs.writeFile(uri, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t("Exported the graph to {0}.", uri.fsPath));
}

async function render(
  format: ExportFormat,
  result: DocumentResult,
  picture: GraphPicture,
): Promise<Uint8Array | null> {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case "dot":
      return text(toDot(result.trace));
    case "mermaid":
      return text(toMermaid(result.trace));
    case "json":
      return text(JSON.stringify(result.view, null, 1) + "\n");
    case "svg":
    case "png":
      return picture(format);
  }
}
