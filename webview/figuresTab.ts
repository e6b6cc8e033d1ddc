import { messages, type Messages } from "../src/l10n/messages";
import type { FigureItem } from "../src/view/protocol";

/**
 * The panel's Figures tab: a small tab bar "Graph | Figures (n)" above the graph, shown only
 * when the program drew figures, and a scrolling list of them. Each figure is the run's SVG
 * shown as an image (`data:` URL, allowed by the CSP's img-src): an image never runs script
 * and cannot reach the page, whatever text the program put in its labels.
 */

export const FIGURES_TAB_CSS = `
.gl-tabs { display: flex; gap: 2px; padding: 2px 8px 0; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.gl-tabs[hidden] { display: none; }
.gl-tab { background: none; border: none; border-bottom: 2px solid transparent; color: var(--vscode-foreground);
  opacity: .75; padding: 4px 10px; cursor: pointer; font: inherit; }
.gl-tab[aria-selected="true"] { opacity: 1; border-bottom-color: var(--vscode-focusBorder, #0078d4); }
.gl-tab:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.gl-figures { flex: 1; overflow: auto; padding: 12px; display: flex; flex-direction: column; gap: 16px; align-items: flex-start; }
.gl-figures[hidden] { display: none; }
.gl-figure { margin: 0; max-width: 100%; }
.gl-figure img { display: block; max-width: 100%; height: auto; background: #fff; border-radius: 2px; }
.gl-figure figcaption { margin-top: 4px; font-size: 12px; opacity: .8; }
`;

export class FiguresTab {
  private readonly bar: HTMLElement;
  private readonly graphTab: HTMLButtonElement;
  private readonly figuresTab: HTMLButtonElement;
  private readonly pane: HTMLElement;
  private showingFigures = false;
  private count = 0;
  // The host writes VS Code's display language into the page's `lang`.
  private readonly t: Messages = messages(document.documentElement.lang || "en");

  constructor(
    app: HTMLElement,
    private readonly stage: HTMLElement,
  ) {
    this.bar = document.createElement("div");
    this.bar.className = "gl-tabs";
    this.bar.setAttribute("role", "tablist");
    this.bar.setAttribute("aria-label", this.t("view.tabs.label"));
    this.bar.hidden = true;
    this.graphTab = this.tab(this.t("view.tab.graph"), () => this.select(false));
    this.figuresTab = this.tab(this.t("view.tab.figures", 0), () => this.select(true));
    this.pane = document.createElement("div");
    this.pane.className = "gl-figures";
    this.pane.setAttribute("role", "tabpanel");
    this.pane.hidden = true;
    app.insertBefore(this.bar, stage);
    stage.after(this.pane);
    this.select(false);
  }

  private tab(label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "gl-tab";
    b.setAttribute("role", "tab");
    b.textContent = label;
    b.onclick = onClick;
    this.bar.appendChild(b);
    return b;
  }

  private select(figures: boolean): void {
    this.showingFigures = figures && this.count > 0;
    this.graphTab.setAttribute("aria-selected", String(!this.showingFigures));
    this.figuresTab.setAttribute("aria-selected", String(this.showingFigures));
    this.stage.hidden = this.showingFigures;
    this.pane.hidden = !this.showingFigures;
  }

  show(figures: readonly FigureItem[]): void {
    this.count = figures.length;
    this.bar.hidden = figures.length === 0;
    this.figuresTab.textContent = this.t("view.tab.figures", figures.length);
    this.pane.replaceChildren(
      ...figures.map((f, i) => {
        const figure = document.createElement("figure");
        figure.className = "gl-figure";
        const img = document.createElement("img");
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(f.svg)}`;
        const name = this.t("view.figure.caption", i + 1);
        img.alt = f.title === "" ? name : `${name}: ${f.title}`;
        const caption = document.createElement("figcaption");
        caption.textContent = [name, f.title, f.line === null ? "" : this.t("view.figure.line", f.line)]
          .filter((s) => s !== "")
          .join(" · ");
        figure.append(img, caption);
        return figure;
      }),
    );
    // with no figures left the graph is shown again; otherwise the chosen tab stays
    this.select(this.showingFigures);
  }
}
