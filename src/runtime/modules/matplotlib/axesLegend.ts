import { BLACK } from "../../../figures/colours";
import type { ArtistSpec, LegendHandle, LegendLocation } from "../../../figures/figureSpec";
import { toArray } from "../../interpreter/collections";
import { PyDict, PyList, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { labelsFrom } from "./axesAxis";
import { legendLabel, type AxesMethod } from "./axesPlotting";
import { fontSizeArg, intArgument, Keywords, numberArg, textArg } from "./keywordArgs";
import { ArtistObject, type AxesState } from "./plotState";

/**
 * `legend()`: the labelled artists (or the labels, or handles and labels, given), each shown
 * by a handle drawn like it — a line, a marker, a patch — at matplotlib's location codes.
 */

const LOCATIONS: LegendLocation[] = [
  "best",
  "upper right",
  "upper left",
  "lower left",
  "lower right",
  "right",
  "center left",
  "center right",
  "lower center",
  "upper center",
  "center",
];

/** A legend's `fontsize`, or the size in its `prop` dict (`prop={'size': 10}`). */
function fontOf(v: PyValue | undefined): PyValue | undefined {
  if (!(v instanceof PyDict)) return v;
  for (const e of v.entries.values()) if (e.key === "size") return e.value;
  return undefined;
}

function handleOf(artist: ArtistSpec): LegendHandle | null {
  switch (artist.kind) {
    case "line":
    case "line3d":
      return {
        kind: "line",
        color: artist.color,
        width: artist.width,
        style: artist.style,
        marker: artist.marker,
        markerFace: artist.markerFace,
        markerEdge: artist.markerEdge,
        markerSize: artist.markerSize,
      };
    case "scatter":
    case "scatter3d":
      return {
        kind: "marker",
        marker: artist.marker,
        color: artist.colors[0],
        size: Math.sqrt(artist.sizes[0] ?? 36),
      };
    case "bars":
      return { kind: "patch", color: artist.colors[0], edgecolor: artist.edgecolor };
    case "fill":
      return { kind: "patch", color: artist.color, edgecolor: artist.edgecolor };
    case "poly3d":
      // a surface shows a patch of its first face; a wireframe, its line
      if (artist.faces !== null)
        return { kind: "patch", color: artist.faces[0], edgecolor: artist.edges?.[0] ?? null };
      return artist.edges === null
        ? null
        : {
            kind: "line",
            color: artist.edges[0],
            width: artist.linewidth,
            style: "-",
            marker: null,
            markerFace: artist.edges[0],
            markerEdge: artist.edges[0],
            markerSize: 0,
          };
    case "contour":
      return artist.colors.length > 0 ? { kind: "patch", color: artist.colors[0], edgecolor: null } : null;
    default:
      return null;
  }
}

/** The artists a legend may show, in the order matplotlib lists them. */
function legendArtists(ax: AxesState): ArtistSpec[] {
  return ax.spec.artists.filter((a) => handleOf(a) !== null);
}

export const legend: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Legend");
  let handlesArg = kw.take("handles");
  let labelsArg = kw.take("labels");
  if (args.length === 1) labelsArg = args[0];
  else if (args.length === 2) [handlesArg, labelsArg] = args;
  else if (args.length > 2)
    throw typeError(`legend() takes from 0 to 2 positional arguments but ${args.length} were given`);
  const locArg = kw.take("loc");
  const fontsize =
    fontSizeArg(rt, fontOf(kw.take("fontsize", "prop")), ax.figure.spec.fontSize) ?? ax.figure.spec.fontSize;
  const title = textArg(rt, kw.take("title")) ?? "";
  const frameon = kw.take("frameon");
  // a fully transparent frame (face and edge) is no frame
  const clearFrame = numberArg(rt, kw.take("framealpha"), "framealpha") === 0;
  const ncol = intArgument(kw.take("ncol", "ncols"), "ncol") ?? 1;
  for (const ignored of [
    "shadow",
    "fancybox",
    "borderpad",
    "labelspacing",
    "handlelength",
    "handletextpad",
    "borderaxespad",
    "columnspacing",
    "markerscale",
    "numpoints",
    "scatterpoints",
    "edgecolor",
    "facecolor",
    "title_fontsize",
    "bbox_to_anchor",
    "mode",
    "draggable",
    "alignment",
    "labelcolor",
  ])
    if (ignored === "bbox_to_anchor" && kw.has(ignored))
      throw new UnsupportedError("legend(bbox_to_anchor=...) is not supported by GradLens");
    else kw.take(ignored);
  kw.done();
  let loc: LegendLocation = "best";
  if (typeof locArg === "string") {
    if (!LOCATIONS.includes(locArg as LegendLocation))
      throw valueError(
        `'${locArg}' is not a valid value for loc; supported values are ${LOCATIONS.map((l) => `'${l}'`).join(", ")}`,
      );
    loc = locArg as LegendLocation;
  } else if (locArg !== undefined && locArg !== null) {
    const code = intArgument(locArg, "loc")!;
    if (code < 0 || code > 10) throw valueError(`${code} is not a valid value for loc`);
    loc = LOCATIONS[code];
  }
  let pairs: { artist: ArtistSpec; label: string }[] = [];
  if (handlesArg !== undefined && handlesArg !== null) {
    const handles = toArray(rt, handlesArg).map((h) => {
      const obj = h instanceof PyList && h.items.length > 0 ? h.items[0] : h;
      if (!(obj instanceof ArtistObject))
        throw typeError(`Legend does not support handles for ${rt.repr(h)} instances`);
      return obj;
    });
    const labels =
      labelsArg === undefined || labelsArg === null
        ? handles.map((h) => legendLabel(h.artist.label))
        : labelsFrom(ps, labelsArg);
    pairs = handles.flatMap((h, i) =>
      labels[i] === null || labels[i] === undefined ? [] : [{ artist: h.artist, label: labels[i]! }],
    );
  } else if (labelsArg !== undefined && labelsArg !== null) {
    const labels = typeof labelsArg === "string" ? [...labelsArg] : labelsFrom(ps, labelsArg);
    const artists = legendArtists(ax);
    pairs = artists.slice(0, labels.length).map((artist, i) => ({ artist, label: labels[i] }));
    // the labels given become the artists' own, as matplotlib sets them
    pairs.forEach((p) => (p.artist.label = p.label));
  } else {
    pairs = legendArtists(ax).flatMap((artist) => {
      const label = legendLabel(artist.label);
      return label === null ? [] : [{ artist, label }];
    });
    if (pairs.length === 0)
      ps.outputs.note(
        "warning",
        "No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.",
        ps.at,
        "matplotlib",
      );
  }
  ax.spec.legend = {
    entries: pairs.map((p) => ({ label: p.label, handle: handleOf(p.artist)! })),
    loc,
    fontSize: fontsize,
    title,
    frame: !clearFrame && (frameon === undefined || frameon === null ? true : frameon === true),
    ncol,
  };
  ps.touch(ax.figure);
  return new ArtistObject(
    ps.classes.legend,
    {
      kind: "text",
      x: 0,
      y: 0,
      text: "",
      coords: "axes",
      ha: "left",
      va: "baseline",
      color: BLACK,
      fontSize: fontsize,
      rotation: 0,
      weight: "normal",
      zorder: 5,
      label: null,
    },
    ax,
  );
};
