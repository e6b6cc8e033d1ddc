import { FRAME_LABEL_BAND } from "../folding/callFrames";
import type { ViewFrame } from "../viewGraph";
import { at, svg, type SvgNode } from "./svgTree";

/**
 * An open call box: a rounded frame round its members with the layer's name in its top band,
 * as a Graphviz cluster. Double-clicking the frame's label folds the call back (the panel reads
 * `data-fold`); the `<title>` says so.
 */
export function frameSvg(frame: ViewFrame): SvgNode {
  const { x, y, width, height } = frame.box;
  return svg(
    "g",
    { class: "gl-frame", "data-testid": "frame", "data-fold": frame.key, "data-name": frame.label },
    [
      svg(
        "title",
        {},
        `${frame.label}\nits ${frame.members.length} boxes, opened\nDouble-click to fold it back.`,
      ),
      svg("rect", { class: "gl-frame-box", x: at(x), y: at(y), width, height, rx: 6 }),
      svg("text", { class: "gl-frame-label", x: at(x, 8), y: at(y, FRAME_LABEL_BAND - 5) }, frame.label),
    ],
  );
}

/** Every frame, outermost first (so an inner frame is drawn over the one around it). */
export function framesSvg(frames: readonly ViewFrame[] | undefined): SvgNode {
  return svg("g", { class: "gl-frames" }, (frames ?? []).map(frameSvg));
}
