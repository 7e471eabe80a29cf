"""The report's Map 1 as a static image (the web map's :func:`geo.maps.web.incidents_layer`):
municipality outlines, one circle per place and kind in the web map's colours and sizes, a count
box on each region for the sites known only to it (never drawn as points), and on the national
view an enlarged inset of Brussels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch, Rectangle

from geo import vocab
from geo.i18n import _, ngettext, number
from geo.maps import web
from geo.maps.model import MapSpec, marks
from geo.maps.model.captions import caption_lines, default_subtitle, shown_years, symbols_title
from geo.maps.png.canvas import (
    OUTLINE_COLOR,
    Canvas,
    CircleItem,
    build_figure,
    fit_limits,
    map_box,
    ring,
    scale_bar,
    wrap,
)
from geo.maps.png.geometry import ViewGeometry, regions, to_draw, view_geometry
from geo.maps.png.labels import Box, anchor_point, choose_spot, label_candidates, leader
from geo.maps.png.layout import LAYOUTS, Layout, Size, check_size, symbol_edge, symbol_scale
from geo.maps.png.output import STILL_FORMATS, Rendered, StillFormat, check_format, write_still
from geo.maps.views import VIEW_SPECS, ViewName, view_extent

SIZE_KEY_COLOR = "#8c8c8c"
#: Hollow symbols (reconstructed records only), as the web map draws them: a ring in the kind's
#: colour (2.2 CSS px) around a translucent white fill.
HOLLOW_EDGE, HOLLOW_FILL, HOLLOW_KEY_COLOR = 2.2, 0.75, "#555555"
BOX_EDGE = "#444444"
#: The national symbol map's enlarged inset: where most places crowd together.
INSET_VIEW: ViewName = "brussels"


def region_box_text(region_name: str, count: int, reconstructed: int = 0) -> str:
    """The text of a region's count box (the web map's, over two lines): the sites known only to
    that region, which are never drawn as points, and how many of them are reconstructed."""
    text = region_name + "\n" + ngettext("{n} site with no municipality detail",
                                         "{n} sites with no municipality detail", count).format(n=number(count))
    if reconstructed:
        text += "\n" + _("{n} of them reconstructed").format(n=number(reconstructed))
    return text


def inset_note(boxed: int) -> str:
    """Under the Brussels inset's heading: the sites it cannot show."""
    return ngettext("Not drawn: {n} site known only to the region (box on the main map)",
                    "Not drawn: {n} sites known only to the region (box on the main map)", boxed).format(n=number(boxed))


def symbol_notes(n_sites: int, symbols: Sequence[web.Symbol], regional: pd.DataFrame, *,
                 outside: int = 0) -> list[str]:
    """The side panel's notes of the symbol map: what the boxes are, grouping, and every site that
    is on no symbol and in no box, so that the numbers add up to ``n_sites``."""
    notes = []
    boxed = int(regional["count"].sum()) if len(regional) else 0
    if boxed:
        notes.append(ngettext("{n} site known only to its region is counted in a box on the region, never drawn "
                              "as points",
                              "{n} sites known only to their region are counted in a box on the region, never "
                              "drawn as points", boxed).format(n=number(boxed)))
    if any(s.grouped for s in symbols):
        notes.append(_("Too many places to draw one by one: symbols are grouped by municipality, at a point "
                       "inside it"))
    missing = n_sites - sum(s.count for s in symbols) - boxed - outside
    if missing > 0:
        notes.append(ngettext("{n} site with no known place in Belgium is not shown",
                              "{n} sites with no known place in Belgium are not shown", missing).format(n=number(missing)))
    if outside:
        notes.append(ngettext("{n} site lies elsewhere in Belgium, outside this view",
                              "{n} sites lie elsewhere in Belgium, outside this view", outside).format(n=number(outside)))
    return notes


def _symbol_legend(incidents: pd.DataFrame, symbols: Sequence[web.Symbol], lay: Layout) -> list[CircleItem]:
    """(colour, label, diameter in points) of the legend's circles: the kinds (as the web map's
    legend: the report's three, and "other" when there are such rows), then the size key."""
    kinds = ["attack", "plot", "arrest_action"]
    if len(incidents) and (web.symbol_category(incidents) == "other").any():
        kinds.append("other")
    scale = symbol_scale(lay)
    items = [(vocab.SYMBOLS[k][1], _(vocab.SYMBOLS[k][0]), 2 * scale * web.symbol_radius_px(1, k)) for k in kinds]
    if any(s.reconstructed for s in symbols):
        items.append((ring(HOLLOW_KEY_COLOR), marks.words(marks.HOLLOW),
                      2 * scale * web.symbol_radius_px(1, "arrest_action")))
    if symbols:
        largest = max(s.count for s in symbols)
        items.append(("none", _("Size: sites at one place (attacks drawn a quarter larger)"), 0.0))
        for n in web.symbols.size_key(largest):
            label = (ngettext("{n} site (the most at one place)", "{n} sites (the most at one place)", n)
                     if n == largest > 1 else ngettext("{n} site", "{n} sites", n)).format(n=number(n))
            items.append((SIZE_KEY_COLOR, label, 2 * scale * web.symbol_radius_px(n, "arrest_action")))
    return items


def _symbol_xy(symbols: Sequence[web.Symbol]) -> np.ndarray:
    if not symbols:
        return np.zeros((0, 2))
    x, y = to_draw().transform([s.lon for s in symbols], [s.lat for s in symbols])
    return np.column_stack([x, y])


def _draw_symbols(ax, symbols: Sequence[web.Symbol], lay: Layout) -> list[Box]:
    """Circles of the kinds' colours, kinds in :data:`geo.vocab.SYMBOL_ORDER` and larger under
    smaller; returns their boxes in display pixels."""
    if not symbols:
        return []
    # filled symbols (documented records) first, hollow ones (reconstructed records only) on top, so
    # that a place with both shows both
    order = sorted(symbols, key=lambda s: (s.reconstructed, vocab.SYMBOL_ORDER.index(s.category), -s.count))
    xy = _symbol_xy(order)
    radius = np.array([symbol_scale(lay) * web.symbol_radius_px(s.count, s.category) for s in order])
    hollow = np.array([s.reconstructed for s in order])
    colours = [vocab.SYMBOLS[s.category][1] for s in order]
    ax.scatter(xy[:, 0], xy[:, 1], s=(2 * radius) ** 2, marker="o",
               linewidths=[HOLLOW_EDGE * symbol_edge(lay) if h else symbol_edge(lay) for h in hollow],
               c=[to_rgba("white", HOLLOW_FILL) if h else to_rgba(c, vocab.SYMBOL_OPACITY) for c, h in zip(colours, hollow)],
               edgecolors=[c if h else "white" for c, h in zip(colours, hollow)], zorder=5)
    centres = ax.transData.transform(xy)
    r_px = (radius + symbol_edge(lay)) * lay.dpi / 72
    return [(cx - r, cy - r, cx + r, cy + r) for (cx, cy), r in zip(centres, r_px)]


def _draw_region_boxes(ax, canvas: FigureCanvasAgg, regional: pd.DataFrame, lay: Layout,
                       limits: tuple[float, float, float, float], placed: list[Box]) -> list[str]:
    """A labelled count box for each region's sites known to it only: wholly inside the region
    where a spot clear of the symbols and of other boxes exists, else beside it with a leader line
    to the region's representative point. Returns the boxes' texts."""
    renderer = canvas.get_renderer()
    trans = ax.transData
    (ox, _oy), (ux, _uy) = trans.transform([(0, 0), (1, 0)])
    px_per_m = ux - ox
    frame = ax.get_window_extent(renderer)
    shapes = regions()
    view_box = shapely.box(*limits)
    pad = 0.35 * lay.label  # the box's padding, points
    gap = 0.3 * lay.label * lay.dpi / 72  # clear space around a box, pixels
    todo = []
    for r in regional.itertuples(index=False):
        if r.region_nis not in shapes.index:
            continue
        geom = shapely.intersection(shapes.geometry[r.region_nis], view_box)
        if geom.is_empty or geom.area == 0:
            continue
        todo.append((geom.area, r, geom))
    texts = []
    for _area, r, geom in sorted(todo, key=lambda t: t[0]):  # smallest region first: hardest to fit
        anchor = None
        if pd.notna(r.lat) and pd.notna(r.lon):
            anchor = shapely.Point(to_draw().transform(r.lon, r.lat))
        if anchor is None or not geom.contains(anchor):
            anchor = anchor_point(geom)
        content = region_box_text(_(r.region_name), int(r.count), int(getattr(r, "reconstructed", 0)))
        text = ax.text(0, 0, content, fontsize=lay.label, ha="center", va="center", zorder=9,
                       color="#111111", linespacing=1.2,
                       bbox=dict(boxstyle=f"round,pad={pad / lay.label:.2f}", facecolor="white",
                                 edgecolor=BOX_EDGE, linewidth=lay.outline * 0.8))
        bb = text.get_window_extent(renderer)
        w_px = bb.width + 2 * (pad * lay.dpi / 72 + gap)
        h_px = bb.height + 2 * (pad * lay.dpi / 72 + gap)
        candidates = label_candidates(geom, anchor, w_px / px_per_m, h_px / px_per_m, min_share=0.95)
        # where nowhere is free: on the region's point, over what is there
        x, y, is_inside, box = choose_spot(candidates, anchor, trans, w_px, h_px, frame, placed)
        text.set_position((x, y))
        placed.append(box)
        if not is_inside:
            leader(ax, anchor, x, y, lay, zorder=4.8)  # under the symbols: data stays on top
        texts.append(content)
    return texts


def _draw_inset(drawn: Canvas, geo: ViewGeometry, symbols: Sequence[web.Symbol],
                regional: pd.DataFrame, lay: Layout) -> object | None:
    """An enlarged map of :data:`INSET_VIEW` with its symbols, in the side panel's free space (none
    when too little is left), and a frame on the main map where it is. Its heading says how many
    sites known only to the Brussels-Capital Region it cannot show."""
    if drawn.panel_free is None:
        return None
    fig, W = drawn.fig, lay.width_in
    H = fig.get_size_inches()[1]
    x0, y0, x1, y1 = drawn.panel_free
    heading = "\n".join(wrap(_("Enlarged: {view}").format(view=_(VIEW_SPECS[INSET_VIEW].title)), lay.text,
                             (x1 - x0) * W))
    boxed = regional.loc[regional["region_nis"] == vocab.BRUSSELS_REGION, "count"].sum()
    sub = "\n".join(wrap(inset_note(int(boxed)), lay.caption, (x1 - x0) * W)) if boxed else ""
    heading_h = ((heading.count("\n") + 1.8) * 1.2 * lay.text
                 + (sub.count("\n") + 1.3) * 1.3 * lay.caption * bool(sub)) / 72 / H
    box_w, box_h = (x1 - x0) * W, (y1 - y0 - heading_h) * H
    if box_w < 0.2 * W or box_h < 0.15 * W:
        return None
    bounds = view_extent(INSET_VIEW)
    bx, by, bx2, by2 = to_draw().transform_bounds(*bounds, densify_pts=21)
    aspect = (bx2 - bx) / (by2 - by)
    w, h = (box_w, box_w / aspect) if box_w / aspect <= box_h else (box_h * aspect, box_h)
    ax = fig.add_axes((x0, y0 + (box_h - h) / H, w / W, h / H))
    limits = fit_limits((bx, by, bx2, by2), w, h)
    ax.set_xlim(limits[0], limits[2])
    ax.set_ylim(limits[1], limits[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(OUTLINE_COLOR)
        spine.set_linewidth(lay.outline * 0.8)
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.paths], facecolors=vocab.LAND_COLOR,
                                      edgecolors=vocab.LAND_EDGE, linewidths=lay.edge * 1.5, zorder=2))
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.outline], facecolors="none",
                                      edgecolors=OUTLINE_COLOR, linewidths=lay.outline, zorder=4))
    _draw_symbols(ax, symbols, lay)
    scale_bar(ax, limits, lay, share=0.4)
    y = y0 + (box_h - h) / H + h / H + 0.6 * lay.text / 72 / H
    if sub:
        note = fig.text(x0, y, sub, fontsize=lay.caption, color="#222222", ha="left", va="bottom",
                        linespacing=1.3)
        y = note.get_window_extent(drawn.canvas.get_renderer()).transformed(fig.transFigure.inverted()).y1
        y += 0.3 * lay.text / 72 / H
    fig.text(x0, y, heading, fontsize=lay.text, fontweight="bold", ha="left", va="bottom", linespacing=1.2)
    drawn.ax.add_patch(Rectangle((limits[0], limits[1]), limits[2] - limits[0], limits[3] - limits[1],
                                 facecolor="none", edgecolor=OUTLINE_COLOR, linewidth=lay.outline * 0.8,
                                 zorder=4.5))
    return ax


@dataclass(frozen=True)
class RenderedSymbols(Rendered):
    """A rendered symbol map (Map 1): the file and what was drawn."""

    symbols: tuple[web.Symbol, ...]
    regional: pd.DataFrame
    boxes: tuple[str, ...]
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    legend: tuple[CircleItem, ...]


def render_symbols(incidents: pd.DataFrame, spec: MapSpec | None = None, *, size: Size = "screen",
                   format: StillFormat = "png") -> RenderedSymbols:
    """The report's Map 1 for ``incidents`` (already filtered; ``spec.filters`` only describes them)
    as ``spec`` asks (its view, filters, years and words; default: Belgium), written in ``format``,
    with what was drawn: municipality outlines, one circle per place and
    kind from :func:`geo.maps.web.incident_symbols` (the web map's colours and sizes), and a count
    box on each region for the sites known only to it. Screen is 1600 px wide (100 dpi), print
    2250 px wide at 300 dpi (7.5 in). Drawn in EPSG:31370 (Belgian Lambert 72)."""
    check_size(size)
    check_format(format, STILL_FORMATS)
    spec = spec or MapSpec()
    view, filters, all_years, title = spec.view, spec.filters, spec.all_years, spec.title
    geo = view_geometry(view, "municipality")
    lay = LAYOUTS[size]
    symbols, regional = web.incident_symbols(incidents, by_provenance=True)
    recon = incidents[(incidents["geo_precision"] == "region") & (incidents["provenance"] == "reconstructed")]
    regional = regional.assign(reconstructed=regional["region_nis"].map(recon.groupby("region_nis").size())
                               .fillna(0).astype(int))
    _w, _h, limits = map_box(geo, lay)
    minx, miny, maxx, maxy = limits
    xy = _symbol_xy(symbols)
    seen = ((xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
            if len(xy) else np.zeros(0, bool))
    outside = sum(s.count for s, ok in zip(symbols, seen) if not ok)
    shown = [s for s, ok in zip(symbols, seen) if ok]
    if view != "belgium" and len(regional):  # regions outside the view get no box
        inside = regional["region_nis"].isin(set(geo.units["reg_nis"]))
        outside += int(regional.loc[~inside, "count"].sum())
        regional = regional[inside]
    notes = symbol_notes(len(incidents), shown, regional, outside=outside)
    captions = caption_lines(incidents, filters=filters, all_years=all_years,
                             total_reconstructed=spec.total_reconstructed, note=spec.note, source=spec.source)
    legend = _symbol_legend(incidents, symbols, lay)
    if not (title and title.strip()):
        title = symbols_title(view, shown_years(incidents, filters, all_years))
    drawn = build_figure(
        geo, lay=lay, facecolors=[vocab.LAND_COLOR] * len(geo.paths), hatched=None, edgecolor=vocab.LAND_EDGE,
        title=title,
        subtitle=default_subtitle(filters) if spec.subtitle is None else spec.subtitle.strip(),
        legend_title=_("Incident sites, by kind"), legend_items=[], symbol_items=legend,
        notes=notes, captions=captions, label_units=False,
    )
    renderer = drawn.canvas.get_renderer()
    # keep the boxes off the scale bar, the north arrow and the symbols
    placed = [tuple(a.get_window_extent(renderer).extents) for a in (*drawn.ax.texts, *drawn.ax.patches)]
    placed += _draw_symbols(drawn.ax, shown, lay)
    if view == "belgium" and shown:
        _draw_inset(drawn, geo, shown, regional, lay)
    boxes = _draw_region_boxes(drawn.ax, drawn.canvas, regional, lay, limits, placed)
    return RenderedSymbols(**write_still(drawn, format, title=title), symbols=tuple(shown),
                           regional=regional.reset_index(drop=True), boxes=tuple(boxes),
                           captions=tuple(captions), notes=tuple(notes), legend=tuple(legend))
