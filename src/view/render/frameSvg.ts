import { FRAME_LABEL_BAND } from "../folding/callFrames";
import type { ViewFrame } from "../viewGraph";
import { at, svg, type SvgNode } from "./svgTree";

/**
 * An open call box: a rounded frame round its members, as a Graphviz cluster, under the edges
 * and nodes; its name goes in a layer over the nodes (`frameLabelsSvg`), so a box the layout put
 * across the frame's corner cannot hide which layer it is. Double-clicking the name folds the
 * call back (the panel reads `data-fold`); the `<title>` says so.
 */
export function framesSvg(frames: readonly ViewFrame[] | undefined): SvgNode {
  return svg(
    "g",
    { class: "gl-frames" },
    (frames ?? []).map((frame) => {
      const { x, y, width, height } = frame.box;
      return svg("rect", { class: "gl-frame-box", x: at(x), y: at(y), width, height, rx: 6 });
    }),
  );
}

/** The frames' names, outermost first, each a `.gl-frame` the panel folds back on a double-click. */
export function frameLabelsSvg(frames: readonly ViewFrame[] | undefined): SvgNode {
  return svg(
    "g",
    { class: "gl-frame-labels" },
    (frames ?? []).map((frame) =>
      svg(
        "g",
        { class: "gl-frame", "data-testid": "frame", "data-fold": frame.key, "data-name": frame.label },
        [
          svg("title", {}, `${frame.label}, opened\nDouble-click to fold it back.`),
          svg(
            "text",
            { class: "gl-frame-label", x: at(frame.box.x, 8), y: at(frame.box.y, FRAME_LABEL_BAND - 5) },
            frame.label,
          ),
        ],
      ),
    ),
  );
}
