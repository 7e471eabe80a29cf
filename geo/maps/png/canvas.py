"""The static maps' figure: title, map (fills, hatching, outlines, scale bar, north arrow, unit
labels; the marks of unreliable rates and mostly reconstructed counts), side panel (legend, notes, period stamp) and captions, laid out on a matplotlib Figure
with the Agg canvas (object-oriented API: no pyplot, no global backend switch)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle

from geo import vocab
from geo.maps.classify import luminance
from geo.maps.model.marks import DASH_COLOR, DASHED, HATCH
from geo.maps.model.model import LegendEntry
from geo.maps.png.geometry import ViewGeometry
from geo.maps.png.labels import halo, place_labels
from geo.maps.png.layout import MAP_W, Layout, symbol_edge
from geo.maps.png.legend_grid import draw_grid

#: Units whose count is mostly reconstructed records: diagonal lines, as on the web maps and the
#: published page (one mark for one meaning in every view).
RECON_HATCH = "///"
#: Rates from fewer than vocab.SMALL_COUNT incidents: a dark dashed outline over the class colour, as on
#: the web maps (the fill stays the class's, so the legend still decodes it; ``SMALL`` stands for that
#: mark in a legend item).
SMALL = "dashed"
SMALL_EDGE = DASH_COLOR
#: The lines' ink: dark on light fills, white on dark ones (below this luminance).
RECON_INK, RECON_INK_ON_DARK, DARK_FILL = (0.1, 0.1, 0.1, 0.6), (1, 1, 1, 0.85), 0.12
EDGE_COLOR = "#7a7a7a"
OUTLINE_COLOR = "#333333"

#: A legend entry drawn as a filled box: (colour, label, hatch or None).
BoxItem = tuple[str, str, str | None]
#: A legend entry drawn as a circle: (colour, label, diameter in points); a colour made by
#: :func:`ring` draws a hollow circle.
CircleItem = tuple[str, str, float]
RING = "ring:"


def ring(color: str) -> str:
    """The colour of a hollow legend circle (a ring in ``color``)."""
    return RING + color


def nice_length(max_m: float) -> float:
    """Largest 1-2-5 × 10^k metres not above ``max_m``."""
    exp = 10 ** math.floor(math.log10(max_m))
    for step in (5, 2, 1):
        if step * exp <= max_m:
            return step * exp
    return exp


def scale_bar(ax, limits, lay: Layout, share: float = 0.2) -> None:
    """A two-segment bar of a round length up to ``share`` of the map width (EPSG:31370 metres)."""
    minx, miny, maxx, maxy = limits
    width = maxx - minx
    length = nice_length(width * share)
    x0 = minx + width * 0.03
    y0 = miny + (maxy - miny) * 0.035
    h = (maxy - miny) * 0.009
    half = length / 2
    for i, color in enumerate(("#222222", "white")):
        ax.add_patch(Rectangle((x0 + i * half, y0), half, h, facecolor=color, edgecolor="#222222",
                               linewidth=lay.outline * 0.8, zorder=6))
    style = dict(fontsize=lay.caption, ha="center", va="bottom", zorder=6, path_effects=halo(lay.caption))
    ax.text(x0, y0 + h * 1.5, "0", **style)
    ax.text(x0 + length, y0 + h * 1.5, f"{length / 1000:g} km", **style)


def _north_arrow(ax, limits, lay: Layout) -> None:
    minx, miny, maxx, maxy = limits
    x = maxx - (maxx - minx) * 0.03
    y1 = maxy - (maxy - miny) * 0.03
    y0 = maxy - (maxy - miny) * 0.11
    ax.annotate("N", xy=(x, y1), xytext=(x, y0), ha="center", va="top", fontsize=lay.text,
                fontweight="bold", zorder=6,
                arrowprops=dict(arrowstyle="-|>", color="#222222", linewidth=lay.outline * 1.5,
                                mutation_scale=lay.text * 1.4))


def wrap(text: str, fontsize: float, width_in: float) -> list[str]:
    """Wrap ``text`` to a width in inches (DejaVu Sans averages under 0.56 em per character)."""
    chars = max(20, int(width_in * 72 / (0.56 * fontsize)))
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [""]


def legend_boxes(entries: Sequence[LegendEntry]) -> list[BoxItem]:
    """The model's legend entries as the figure's boxes: swatches in their colour, the marks as
    white boxes carrying the mark (diagonal lines, a dashed outline)."""
    look = {"hatch": RECON_HATCH, "dashed": SMALL}
    return [(e.colour, e.label, look.get(e.mark)) for e in entries if e.mark in ("swatch", *look)]


def unit_marks(flags) -> tuple[np.ndarray, np.ndarray]:
    """Per unit from the model's flags: (a dashed outline, diagonal lines)."""
    flags = np.asarray(flags, dtype=np.int64)
    return (flags & DASHED) != 0, (flags & HATCH) != 0


@dataclass
class Canvas:
    """A laid-out figure and the artists a renderer changes or adds to afterwards."""

    fig: Figure
    ax: object
    canvas: FigureCanvasAgg
    fills: PatchCollection
    layout: Layout
    stamp: object | None = None
    hatch: PatchCollection | None = None
    #: the side panel's notes (one text; animations change it per frame)
    notes: object | None = None
    #: the mostly-reconstructed lines, dark and white ink (animations change which units carry them)
    marks: tuple[PatchCollection, PatchCollection] | None = None
    #: the side panel's free space under the legend and notes (figure fraction x0, y0, x1, y1)
    panel_free: tuple[float, float, float, float] | None = None
    #: the side panel's width, inches (notes are wrapped to it)
    panel_w_in: float = 0.0
    #: the title (animations change it per frame) and the width it is wrapped to, inches
    title: object | None = None
    title_w_in: float = 0.0


def draw_marks(ax, paths: Sequence, facecolors: Sequence[str], *, small: Sequence[bool] | None,
               marked: Sequence[bool] | None, edge: float, gids: bool = True):
    """The two provenance and reliability marks over drawn fills: a dashed outline on ``small``
    units (unreliable rates), diagonal lines on ``marked`` ones (mostly reconstructed records), in
    dark ink on light fills and white on dark ones. Returns (the outlines or None, the lines' two
    collections or None)."""
    outlines = None
    if small is not None and any(small):
        outlines = ax.add_collection(PatchCollection(
            [PathPatch(p) for p, h in zip(paths, small) if h], facecolors="none", edgecolors=SMALL_EDGE,
            linewidths=edge, linestyles=(0, (3, 2)), zorder=3))
    marks = None
    if marked is not None:
        marks = tuple(
            ax.add_collection(PatchCollection([PathPatch(p) for p in part], facecolors="none", edgecolors=ink,
                                              linewidths=0, hatch=RECON_HATCH, zorder=3,
                                              gid=gid if gids else None))
            for part, ink, gid in zip(mark_paths(paths, marked, facecolors), (RECON_INK, RECON_INK_ON_DARK),
                                      ("reconstructed", "reconstructed-on-dark")))
    return outlines, marks


def draw_title(fig: Figure, title_lines: Sequence[str], sub_lines: Sequence[str], *, lay: Layout,
               margin: float):
    """The title (bold) and the subtitle, wrapped already, at the figure's top left ``margin``
    inches in (as text: SVG and PDF keep it; ids "title" and "subtitle")."""
    W, H = fig.get_size_inches()
    title = fig.text(margin / W, 1 - margin / H, "\n".join(title_lines), fontsize=lay.title, fontweight="bold",
                     va="top", ha="left", linespacing=1.25, parse_math=False, gid="title")
    if sub_lines:
        top_in = margin + (len(title_lines) * 1.25 + 0.45) * lay.title / 72
        fig.text(margin / W, 1 - top_in / H, "\n".join(sub_lines), fontsize=lay.text, va="top", ha="left",
                 color="#333333", linespacing=1.35, parse_math=False, gid="subtitle")
    return title


def legend_handle(colour: str, label: str, mark: str | None, *, edge: float) -> Patch:
    """A legend box: a class colour, or a mark (SMALL: a dark dashed outline; a hatch pattern)."""
    if mark == SMALL:
        return Patch(facecolor=colour, edgecolor=SMALL_EDGE, linewidth=edge * 1.5, linestyle=(0, (3, 2)),
                     label=label)
    return Patch(facecolor=colour, edgecolor=EDGE_COLOR, linewidth=edge, hatch=mark, label=label)


def mark_paths(paths: Sequence, marked: Sequence[bool], facecolors: Sequence[str]) -> tuple[list, list]:
    """The paths of the marked units, split by the ink their lines need: (on light, on dark) fills."""
    light, dark = [], []
    for p, m, c in zip(paths, marked, facecolors):
        if m:
            (dark if luminance(to_hex(c)) < DARK_FILL else light).append(p)
    return light, dark


def fit_limits(bounds: tuple[float, float, float, float], w: float, h: float) -> tuple[float, float, float, float]:
    """``bounds`` widened on one side to the shape ``w`` × ``h`` (equal scale in x and y)."""
    bx, by, bx2, by2 = bounds
    cx, cy = (bx + bx2) / 2, (by + by2) / 2
    half_w, half_h = (bx2 - bx) / 2, (by2 - by) / 2
    if half_w / half_h < w / h:
        half_w = half_h * w / h
    else:
        half_h = half_w * h / w
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def map_box(geo: ViewGeometry, lay: Layout) -> tuple[float, float, tuple[float, float, float, float]]:
    """The map's width and height (inches) and its limits (EPSG:31370): the view's extent,
    widened on one side to the map's shape."""
    W = lay.width_in
    map_w = MAP_W * W
    bx, by, bx2, by2 = geo.bounds
    aspect = (bx2 - bx) / (by2 - by)
    map_h = min(max(map_w / aspect, 0.5 * W), 0.72 * W)
    return map_w, map_h, fit_limits(geo.bounds, map_w, map_h)


def build_figure(
    geo: ViewGeometry,
    *,
    lay: Layout,
    facecolors: Sequence[str],
    hatched: Sequence[bool] | None,
    title: str,
    legend_title: str,
    legend_items: Sequence[BoxItem],
    notes: Sequence[str],
    captions: Sequence[str],
    label_units: bool,
    label_values: Sequence[str] | None = None,
    stamp: str | None = None,
    symbol_items: Sequence[CircleItem] = (),
    edgecolor: str = EDGE_COLOR,
    subtitle: str | None = None,
    marked: Sequence[bool] | None = None,
    notes_change: bool = False,
    legend_grid: tuple | None = None,
) -> Canvas:
    """Lay out title, map, side panel (legend, notes, period stamp) and captions. The figure is
    ``lay.width_in`` wide; its height follows the view's shape. ``legend_items`` are drawn as
    filled boxes (colour, label, hatch), then ``symbol_items`` as circles (colour, label,
    diameter in points). ``hatched`` units (unreliable rates) have a dashed outline,
    ``marked`` units (mostly reconstructed records) carry diagonal lines. Text is
    drawn as written (no mathtext: a "$" in a title stays a "$"). With ``notes_change``
    the notes' text is drawn even when empty (animations set it per frame). ``legend_grid`` (a
    bivariate map: :func:`geo.maps.png.legend_grid.grid_cells`) is drawn as a 3 × 3 grid under
    the legend."""
    W = lay.width_in
    margin = 0.015 * W
    map_w, map_h, limits = map_box(geo, lay)
    cap_w = W - 2 * margin
    cap_lines = [ln for c in captions for ln in wrap(c, lay.caption, cap_w)]
    line_in = lambda fs: fs * 1.35 / 72  # noqa: E731
    caption_h = len(cap_lines) * line_in(lay.caption) + margin
    title_lines = wrap(title, lay.title * 1.08, cap_w)  # bold is wider
    sub_lines = wrap(subtitle, lay.text, cap_w) if subtitle else []
    title_h = ((len(title_lines) * 1.25 + 1.15) * lay.title + len(sub_lines) * 1.35 * lay.text) / 72 + margin
    H = title_h + map_h + 0.25 * line_in(lay.text) + caption_h + margin
    fig = Figure(figsize=(W, H), dpi=lay.dpi, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    map_bottom = (caption_h + margin) / H
    ax = fig.add_axes((margin / W, map_bottom, map_w / W, map_h / H))
    ax.set_axis_off()
    ax.set_xlim(limits[0], limits[2])
    ax.set_ylim(limits[1], limits[3])
    ax.set_aspect("equal", adjustable="box")

    fills = PatchCollection([PathPatch(p) for p in geo.paths], facecolors=list(facecolors),
                            edgecolors=edgecolor, linewidths=lay.edge, zorder=2)
    fills.set_gid("units")  # SVG: <g id="units"> holds one <path> per unit, in the order of geo.units
    ax.add_collection(fills)
    hatch, marks = draw_marks(ax, geo.paths, facecolors, small=hatched, marked=marked, edge=lay.edge * 3)
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.outline], facecolors="none",
                                      edgecolors=OUTLINE_COLOR, linewidths=lay.outline, zorder=4))
    scale_bar(ax, limits, lay)
    _north_arrow(ax, limits, lay)
    if label_units:
        place_labels(ax, canvas, geo, lay, label_values)

    title_artist = draw_title(fig, title_lines, sub_lines, lay=lay, margin=margin)

    # Side panel: legend, then (animations) the period stamp, then the notes.
    panel_x = (2 * margin + map_w) / W + 0.01
    panel_w_in = (1 - panel_x) * W - margin
    # handles wide and tall enough for the largest circle (row heights are all the same)
    biggest = max((d for _c, _l, d in symbol_items), default=0.0)
    handle_w = max(2.2, (biggest + 0.2 * lay.text) / lay.text)
    handle_h = max(1.3, (biggest + 0.1 * lay.text) / lay.text)
    label_w_in = panel_w_in - (handle_w + 1.0) * lay.text / 72  # the handle and its gap
    handles = [legend_handle(c, "\n".join(wrap(lab, lay.text, label_w_in)), h, edge=lay.edge * 2)
               for c, lab, h in legend_items]
    handles += [Line2D([], [], linestyle="none", marker="o", markersize=d,
                       markerfacecolor=to_rgba(c, vocab.SYMBOL_OPACITY) if not c.startswith(RING) else "white",
                       markeredgecolor="white" if not c.startswith(RING) else c[len(RING):],
                       markeredgewidth=symbol_edge(lay) * (2.2 if c.startswith(RING) else 1),
                       label="\n".join(wrap(lab, lay.text, label_w_in)))
                for c, lab, d in symbol_items]
    top = map_bottom + map_h / H
    leg = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(panel_x, top),
                     frameon=False, fontsize=lay.text,
                     title="\n".join(wrap(legend_title, lay.text, panel_w_in)),
                     title_fontsize=lay.text, alignment="left", handlelength=handle_w,
                     handleheight=handle_h, labelspacing=0.45, borderaxespad=0, borderpad=0)
    leg.get_title().set_fontweight("bold")
    canvas.draw()  # the legend's height is known only once drawn
    box = leg.get_window_extent().transformed(fig.transFigure.inverted())
    y = box.y0 - 1.2 * line_in(lay.text) / H
    if legend_grid is not None:
        y = draw_grid(fig, legend_grid, x=panel_x, top=y + 0.6 * line_in(lay.text) / H, lay=lay, edge=lay.edge * 2)
    stamp_artist = None
    if stamp is not None:
        stamp_artist = fig.text(panel_x, y, stamp, fontsize=lay.stamp, fontweight="bold",
                                ha="left", va="top", color="#222222")
        y -= (lay.stamp * 1.3 + 0.8 * lay.text) / 72 / H
    notes_artist = None
    if notes or notes_change:
        notes_artist = fig.text(panel_x, y, notes_text(notes, lay, panel_w_in), fontsize=lay.caption,
                                va="top", ha="left", color="#222222", linespacing=1.3, parse_math=False)
        bottom = notes_artist.get_window_extent(canvas.get_renderer()).transformed(fig.transFigure.inverted()).y0
        y = bottom - 0.5 * line_in(lay.text) / H
    fig.text(margin / W, margin / H, "\n".join(cap_lines), fontsize=lay.caption, va="bottom",
             ha="left", color="#333333", linespacing=1.35, parse_math=False, gid="captions")
    free = (panel_x, map_bottom, 1 - margin / W, y) if stamp is None else None
    return Canvas(fig, ax, canvas, fills, lay, stamp=stamp_artist, hatch=hatch, notes=notes_artist, marks=marks,
                  panel_free=free, panel_w_in=panel_w_in, title=title_artist, title_w_in=cap_w)


def notes_text(notes: Sequence[str], lay: Layout, width_in: float) -> str:
    """The side panel's notes as one text: each wrapped to the panel, an empty line between."""
    return "\n\n".join("\n".join(wrap(n, lay.caption, width_in)) for n in notes)
