import { messages, type Messages } from "../src/l10n/messages";
import type { StepActionMessage, StepMessage } from "../src/view/protocol";

/**
 * The step-through controls and explanation, docked at the bottom of the graph: the current
 * node's headline, one line per input (upstream × local = contribution, running sum), and
 * previous / play / next / stop buttons that report back to the host, which drives the steps.
 * The node itself pulses in the graph.
 */
export class StepPanel {
  private readonly panel: HTMLElement;
  private readonly counter: HTMLElement;
  private readonly title: HTMLElement;
  private readonly lines: HTMLElement;
  private readonly play: HTMLButtonElement;
  private playing = false;
  private pulsing: Element | null = null;
  // The host writes VS Code's display language into the page's `lang`.
  private readonly t: Messages = messages(document.documentElement.lang || "en");

  constructor(
    parent: HTMLElement,
    private readonly send: (action: StepActionMessage["action"]) => void,
  ) {
    this.panel = element(parent, "section", { id: "step-panel", hidden: "", "aria-live": "polite" });
    const bar = element(this.panel, "div", { class: "gl-step-bar" });
    this.counter = element(bar, "span", { class: "gl-step-counter" });
    this.title = element(bar, "span", { class: "gl-step-title" });
    const controls = element(bar, "span", { class: "gl-step-controls" });
    // Plain glyphs and words: media-control symbols are missing from many fonts.
    const t = this.t;
    button(controls, t("step.previous"), t("step.previousTitle"), () => this.send("previous"));
    this.play = button(controls, t("step.play"), t("step.playTitle"), () =>
      this.send(this.playing ? "pause" : "play"),
    );
    button(controls, t("step.next"), t("step.nextTitle"), () => this.send("next"));
    button(controls, t("step.stop"), t("step.stopTitle"), () => this.send("stop"));
    this.lines = element(this.panel, "ol", { class: "gl-step-lines" });
  }

  show(step: StepMessage): void {
    this.pulsing?.classList.remove("gl-pulse");
    this.pulsing = null;
    if (step.node === null) {
      this.panel.hidden = true;
      return;
    }
    this.panel.hidden = false;
    this.playing = step.playing;
    this.play.textContent = this.t(step.playing ? "step.pause" : "step.play");
    this.play.title = this.t(step.playing ? "step.pauseTitle" : "step.playTitle");
    this.play.setAttribute("aria-label", this.play.title);
    this.counter.textContent = this.t("step.counter", step.index + 1, step.total);
    this.title.textContent = step.title;
    this.lines.replaceChildren(
      ...step.lines.map((text) => {
        const li = document.createElement("li");
        li.textContent = text;
        return li;
      }),
    );
    this.pulsing = document.querySelector(`g[data-testid="node"][data-node="${step.node}"]`);
    this.pulsing?.classList.add("gl-pulse");
  }

  /** The graph was redrawn: the pulsing node is a new element now. */
  refresh(node: number | null): void {
    if (node === null || this.panel.hidden) return;
    this.pulsing = document.querySelector(`g[data-testid="node"][data-node="${node}"]`);
    this.pulsing?.classList.add("gl-pulse");
  }
}

export const STEP_PANEL_CSS = `
#step-panel { position: absolute; left: 8px; right: 8px; bottom: 36px; max-height: 40%; overflow: auto;
  background: var(--vscode-editorWidget-background); color: var(--vscode-editorWidget-foreground);
  border: 1px solid var(--vscode-editorWidget-border, var(--vscode-focusBorder)); border-radius: 6px;
  box-shadow: 0 2px 8px var(--vscode-widget-shadow); padding: 6px 10px; font-size: 12px; z-index: 5; }
#step-panel[hidden] { display: none; }
.gl-step-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.gl-step-counter { opacity: 0.75; white-space: nowrap; }
.gl-step-title { order: 3; flex-basis: 100%; font-weight: 600; }
.gl-step-controls { margin-left: auto; white-space: nowrap; }
.gl-step-controls button { font: inherit; min-width: 26px; margin-left: 2px; cursor: pointer;
  color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: none; border-radius: 3px; padding: 2px 6px; }
.gl-step-controls button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.gl-step-lines { margin: 6px 0 0; padding-left: 18px; font-family: var(--vscode-editor-font-family); }
.gl-step-lines li { margin: 2px 0; }
@keyframes gl-pulse { 0% { stroke-width: 2px; } 50% { stroke-width: 6px; } 100% { stroke-width: 2px; } }
.gl-node.gl-pulse .gl-box { stroke: var(--vscode-charts-orange, #d08a1f); animation: gl-pulse 1s ease-in-out infinite; }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  parent: Element,
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  parent.appendChild(e);
  return e;
}

function button(parent: Element, text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = element(parent, "button", { type: "button", title, "aria-label": title });
  b.textContent = text;
  b.onclick = onClick;
  return b;
}
