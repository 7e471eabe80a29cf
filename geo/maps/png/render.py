"""Static maps for print and sharing: PNG choropleths, the symbol map of Map 1 and GIF
animations, with no browser.

The maps show exactly what the web maps show: the units of a view (:func:`geo.maps.views.view_units`,
full-resolution geometry), counts from :func:`geo.incidents.aggregate.count_by_unit`, and classes and
colours from :func:`geo.maps.classify.classify`; the symbol map draws the symbols of
:func:`geo.maps.web.incident_symbols` in the web map's colours and sizes, and the sites known only to
a region as a count box on it, never as points. Every image carries its honesty lines (DESIGN.md §4):
the filters, how many reconstructed records it includes, what could not be placed on its level,
and the credits.

Drawing CRS: EPSG:31370 (Belgian Lambert 72, metres). Distances on the map are therefore true to
within the projection's tiny scale error across Belgium, and the scale bar is exact; grid north
is within about one degree of true north everywhere in Belgium.

Matplotlib is used through its object-oriented API with the Agg canvas: no pyplot, no global
backend switch, no figure left open.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from pyproj import Transformer

from geo import vocab
from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps import web
from geo.maps.classify import (
    NO_DATA_COLOR,
    ZERO_COLOR,
    Classes,
    classify,  # the same classes as the web maps
)
from geo.maps.views import VIEW_SPECS, ViewName, view_extent, view_units

DRAW_CRS = "EPSG:31370"
Metric = Literal["count", "per_100k"]
Size = Literal["screen", "print"]

CREDITS = (
    "Data: CTC, Beyond the Caliphate: Belgium (2018), reconstructed where marked; "
    "boundaries: Statbel via bmesuere/belgium-topojson (CC0)"
)
LEVEL_PLURAL = {
    "municipality": "municipalities",
    "arrondissement": "arrondissements",
    "province": "provinces",
    "region": "regions",
}
HATCH = "///"
EDGE_COLOR = "#7a7a7a"
OUTLINE_COLOR = "#333333"

_local = threading.local()


def _to_draw() -> Transformer:
    """EPSG:4326 → EPSG:31370, one per thread (pyproj transformers are not thread-safe)."""
    if not hasattr(_local, "transformer"):
        _local.transformer = Transformer.from_crs("EPSG:4326", DRAW_CRS, always_xy=True)
    return _local.transformer


@dataclass(frozen=True)
class Layout:
    """Figure width and type sizes of one output size (fonts and lines in points). The height
    follows the view's shape."""

    width_in: float
    dpi: int
    title: float
    text: float
    caption: float
    label: float
    stamp: float
    edge: float
    outline: float


LAYOUTS: dict[str, Layout] = {
    # 1600 px wide at 100 dpi
    "screen": Layout(16, 100, 20, 13, 11, 10, 44, 0.25, 0.9),
    # 2250 px wide at 300 dpi: a 7.5 in (19 cm) wide figure for print
    "print": Layout(7.5, 300, 11, 7, 6, 6, 20, 0.12, 0.45),
    # 1000 px wide at 100 dpi: the animation's frames
    "gif": Layout(10, 100, 14, 9.5, 8, 7.5, 36, 0.2, 0.7),
}
#: Share of the figure's width the map takes; the side panel has the rest.
_MAP_W = 0.66


# --------------------------------------------------------------------------------------------
# Text: pure functions, tested on their own


def metric_label(metric: Metric, level: Level, unit: str = "sites", *, cumulative: bool = False) -> str:
    what = "Incident sites" if unit == "sites" else "Incidents (events)"
    if metric == "per_100k":
        text = f"{what} per 100,000 residents, by {level}"
    else:
        text = f"{what} per {level}"
    return text + (", cumulative" if cumulative else "")


def not_counted_lines(not_counted: pd.DataFrame, level: Level, unit: str = "sites") -> list[str]:
    """One sentence per region for the rows that could not be placed on ``level``, e.g.
    "42 sites known only to the Brussels-Capital Region are not shown on municipalities"."""
    if not_counted is None or len(not_counted) == 0:
        return []
    counts = []
    for region, rows in not_counted.assign(region_nis=not_counted["region_nis"].fillna("")).groupby(
            "region_nis", sort=True):
        n = int(rows["event_id"].nunique()) if unit == "events" else len(rows)
        counts.append((n, str(region)))
    lines = []
    for n, region in sorted(counts, key=lambda c: (-c[0], c[1])):  # largest first
        noun = ("event" if n == 1 else "events") if unit == "events" else ("site" if n == 1 else "sites")
        verb = "is" if n == 1 else "are"
        if region in ("", "nan", "None"):
            lines.append(f"{n} {noun} not located in Belgium {verb} not shown")
            continue
        where = vocab.REGION_IN_SENTENCE.get(region, f"region {region}")
        lines.append(f"{n} {noun} known only to {where} {verb} not shown on {LEVEL_PLURAL[level]}")
    return lines


def reconstructed_line(incidents: pd.DataFrame, total_reconstructed: int | None = None) -> str:
    """"Includes N reconstructed records (of M)": N rows of ``incidents`` with provenance
    reconstructed, M rows in all; with ``total_reconstructed`` (in the whole table), says how
    many the filters left out."""
    n = int((incidents["provenance"] == "reconstructed").sum()) if len(incidents) else 0
    m = len(incidents)
    line = f"Includes {n:,} reconstructed record{'s' if n != 1 else ''} (of {m:,})"
    if total_reconstructed is not None and total_reconstructed > n:
        k = total_reconstructed - n
        line += f"; the filters leave out {k:,} other reconstructed record{'s' if k != 1 else ''}"
    return line


def filters_line(incidents: pd.DataFrame, filters: Filters | None,
                 all_years: tuple[int, int] | None = None) -> str:
    """The filters in words. Without ``all_years`` the years are those the rows span."""
    filters = filters or Filters()
    if all_years is None and len(incidents):
        all_years = (int(incidents["year"].min()), int(incidents["year"].max()))
    return "Filters: " + filters.describe(all_years=all_years)


def caption_lines(
    incidents: pd.DataFrame,
    *,
    filters: Filters | None = None,
    all_years: tuple[int, int] | None = None,
    total_reconstructed: int | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The lines under every exported map: filters, reconstructed records, any extra notes, credits."""
    return [filters_line(incidents, filters, all_years), reconstructed_line(incidents, total_reconstructed),
            *extra, CREDITS]


def default_title(view: ViewName, level: Level, metric: Metric, unit: str = "sites") -> str:
    return f"{metric_label(metric, level, unit)} — {VIEW_SPECS[view].title}"


def local_name(name_nl: str, name_fr: str, reg_nis: str) -> str:
    """The name a municipality is known by locally: Dutch in Flanders, French elsewhere."""
    return name_nl if reg_nis == "02000" else name_fr


# --------------------------------------------------------------------------------------------
# Geometry


def _ring_path(coords: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xy = np.asarray(coords)[:, :2]
    codes = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
    codes[0] = MplPath.MOVETO
    codes[-1] = MplPath.CLOSEPOLY
    return xy, codes


def geometry_path(geom) -> MplPath:
    """One compound path for a (Multi)Polygon, holes included (rings oriented so that any fill
    rule leaves the holes empty)."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
    verts, codes = [], []
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            v, c = _ring_path(ring.coords)
            verts.append(v)
            codes.append(c)
    if not verts:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.concatenate(verts), np.concatenate(codes))


@dataclass(frozen=True)
class _ViewGeometry:
    units: gpd.GeoDataFrame  # in DRAW_CRS
    paths: tuple[MplPath, ...]
    outline: tuple[MplPath, ...]  # region borders (national view) or the view's outline
    bounds: tuple[float, float, float, float]  # extent in DRAW_CRS


@lru_cache(maxsize=16)
def _view_geometry_cached(path: str, view: ViewName, level: Level) -> _ViewGeometry:
    frame = view_units(view, level=level).to_crs(DRAW_CRS)
    paths = tuple(geometry_path(g) for g in frame.geometry.values)
    if view == "belgium":
        regions = boundaries.units("region").to_crs(DRAW_CRS)
        outline = tuple(geometry_path(g) for g in regions.geometry.values)
    else:
        outline = (geometry_path(shapely.make_valid(shapely.union_all(frame.geometry.values))),)
    minx, miny, maxx, maxy = view_extent(view)
    bx, by, bx2, by2 = _to_draw().transform_bounds(minx, miny, maxx, maxy, densify_pts=21)
    return _ViewGeometry(frame, paths, outline, (bx, by, bx2, by2))


def _view_geometry(view: ViewName, level: Level) -> _ViewGeometry:
    spec = VIEW_SPECS[view] if view in VIEW_SPECS else None
    if spec is None:
        raise ValueError(f"view must be one of {tuple(VIEW_SPECS)}, not {view!r}")
    if level not in spec.levels:
        raise ValueError(f"the {view} view shows levels {spec.levels}, not {level!r}")
    return _view_geometry_cached(str(boundaries.boundary_file()), view, level)


# --------------------------------------------------------------------------------------------
# Figure building


def _nice_length(max_m: float) -> float:
    """Largest 1-2-5 × 10^k metres not above ``max_m``."""
    exp = 10 ** math.floor(math.log10(max_m))
    for step in (5, 2, 1):
        if step * exp <= max_m:
            return step * exp
    return exp


def _halo(fontsize: float) -> list:
    return [patheffects.withStroke(linewidth=max(1.0, 0.34 * fontsize), foreground="white")]


def _scale_bar(ax, limits, lay: Layout, share: float = 0.2) -> None:
    """A two-segment bar of a round length up to ``share`` of the map width (EPSG:31370 metres)."""
    minx, miny, maxx, maxy = limits
    width = maxx - minx
    length = _nice_length(width * share)
    x0 = minx + width * 0.03
    y0 = miny + (maxy - miny) * 0.035
    h = (maxy - miny) * 0.009
    half = length / 2
    for i, color in enumerate(("#222222", "white")):
        ax.add_patch(Rectangle((x0 + i * half, y0), half, h, facecolor=color, edgecolor="#222222",
                               linewidth=lay.outline * 0.8, zorder=6))
    style = dict(fontsize=lay.caption, ha="center", va="bottom", zorder=6, path_effects=_halo(lay.caption))
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


def _wrap(text: str, fontsize: float, width_in: float) -> list[str]:
    """Wrap ``text`` to a width in inches (DejaVu Sans averages under 0.56 em per character)."""
    chars = max(20, int(width_in * 72 / (0.56 * fontsize)))
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [""]


def _label_text(name: str) -> str:
    """Split long compound names (Woluwe-Saint-Lambert) over two lines."""
    if len(name) <= 14 or "-" not in name:
        return name
    parts = name.split("-")
    best = min(range(1, len(parts)), key=lambda i: abs(len("-".join(parts[:i])) - len("-".join(parts[i:]))))
    return "-".join(parts[:best]) + "-\n" + "-".join(parts[best:])


def _anchor_point(geom) -> shapely.Point:
    """The pole of inaccessibility of the largest part: the point deepest inside."""
    part = max(geom.geoms, key=lambda g: g.area) if geom.geom_type == "MultiPolygon" else geom
    return shapely.ops.polylabel(part, tolerance=max(1.0, math.sqrt(part.area) / 200))


def _overlaps(box, placed) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed)


def _label_candidates(geom, anchor, w_m: float, h_m: float, *,
                      min_share: float = 0.0) -> list[tuple[float, float, bool]]:
    """Spots (x, y, inside) for a label box of ``w_m`` × ``h_m`` map units: inside ``geom`` first
    (the anchor, then a grid; the spots holding most of the box, then the nearest to the anchor;
    only those holding at least ``min_share`` of it), then rings around the anchor (drawn with a
    leader line)."""
    minx, miny, maxx, maxy = geom.bounds
    gx, gy = np.meshgrid(np.linspace(minx, maxx, 13)[1:-1], np.linspace(miny, maxy, 13)[1:-1])
    pts = np.column_stack([np.r_[anchor.x, gx.ravel()], np.r_[anchor.y, gy.ravel()]])
    inside = shapely.contains_xy(geom, pts[:, 0], pts[:, 1])
    inside[0] = True
    pts = pts[inside]
    boxes = shapely.box(pts[:, 0] - w_m / 2, pts[:, 1] - h_m / 2, pts[:, 0] + w_m / 2, pts[:, 1] + h_m / 2)
    share = np.round(shapely.area(shapely.intersection(boxes, geom)) / (w_m * h_m), 1)
    dist = np.hypot(pts[:, 0] - anchor.x, pts[:, 1] - anchor.y)
    order = np.lexsort((dist, -share))
    candidates = [(pts[i, 0], pts[i, 1], True) for i in order if share[i] >= min_share]
    for ring in range(1, 7):
        r = ring * 0.9 * max(h_m, 0.5 * w_m) + math.sqrt(geom.area / math.pi) * 0.3
        for angle in np.linspace(0, 2 * np.pi, 16, endpoint=False):
            candidates.append((anchor.x + r * math.cos(angle), anchor.y + r * math.sin(angle), False))
    return candidates


def _free_spot(candidates, trans, w_px: float, h_px: float, frame, placed):
    """The first candidate whose box (pixels) lies within ``frame`` and clear of ``placed``:
    (x, y, inside, box), or None."""
    for x, y, is_inside in candidates:
        cx, cy = trans.transform((x, y))
        box = (cx - w_px / 2, cy - h_px / 2, cx + w_px / 2, cy + h_px / 2)
        within = frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1] and box[3] <= frame.y1
        if within and not _overlaps(box, placed):
            return x, y, is_inside, box
    return None


def _leader(ax, anchor, x: float, y: float, lay: Layout, zorder: float = 6) -> None:
    """A line from a unit's anchor to its label, with a dot on the anchor."""
    ax.plot([anchor.x, x], [anchor.y, y], color="#222222", linewidth=lay.outline * 0.8,
            zorder=zorder, solid_capstyle="round")
    ax.plot([anchor.x], [anchor.y], marker="o", markersize=lay.label * 0.25, color="#222222",
            zorder=zorder)


def _place_labels(ax, canvas: FigureCanvasAgg, geo: _ViewGeometry, lay: Layout,
                  values: Sequence[str] | None = None) -> None:
    """Label every unit with its local name (and its value, when given and not empty), greedily,
    smallest unit first: inside the unit where a spot free of other labels exists (the one
    holding most of the label), else beside it with a leader line."""
    renderer = canvas.get_renderer()
    trans = ax.transData
    (ox, oy), (ux, _) = trans.transform([(0, 0), (1, 0)])
    px_per_m = ux - ox
    frame = ax.get_window_extent(renderer)
    placed: list[tuple[float, float, float, float]] = []
    units = geo.units.assign(label_area=geo.units.geometry.area,
                             label_value=list(values) if values is not None else "").sort_values("label_area")
    pad = 0.12 * lay.label * lay.dpi / 72
    for row in units.itertuples(index=False):
        geom = row.geometry
        name = _label_text(local_name(row.name_nl, row.name_fr, row.reg_nis))
        text = ax.text(0, 0, name + (f"\n{row.label_value}" if row.label_value else ""),
                       fontsize=lay.label, ha="center", va="center", zorder=7, color="#111111",
                       linespacing=0.95, path_effects=_halo(lay.label))
        bb = text.get_window_extent(renderer)
        w_px, h_px = bb.width + 2 * pad, bb.height + 2 * pad
        anchor = _anchor_point(geom)
        candidates = _label_candidates(geom, anchor, w_px / px_per_m, h_px / px_per_m)
        chosen = _free_spot(candidates, trans, w_px, h_px, frame, placed)
        if chosen is None:  # nowhere free: keep the deepest point, overlapping
            cx, cy = trans.transform((anchor.x, anchor.y))
            chosen = (anchor.x, anchor.y, True, (cx - w_px / 2, cy - h_px / 2, cx + w_px / 2, cy + h_px / 2))
        x, y, is_inside, box = chosen
        text.set_position((x, y))
        placed.append(box)
        if not is_inside:
            _leader(ax, anchor, x, y, lay)


@dataclass
class _Canvas:
    fig: Figure
    ax: object
    canvas: FigureCanvasAgg
    fills: PatchCollection
    layout: Layout
    stamp: object | None = None
    hatch: PatchCollection | None = None
    #: the side panel's free space under the legend and notes (figure fraction x0, y0, x1, y1)
    panel_free: tuple[float, float, float, float] | None = None

    def frames(self, states: Sequence[tuple[Sequence[str], str]]):
        """RGB arrays of the figure for each (fill colours, stamp) state, fast: the static parts
        (title, legend, notes, captions) and the overlay (outlines, labels, scale bar) are drawn
        once; each frame redraws only the fills and the stamp, then lays the overlay on top."""
        ax, fig, canvas = self.ax, self.fig, self.canvas
        changing = [a for a in (self.fills, self.hatch, self.stamp) if a is not None]
        overlay = [a for a in (*ax.collections, *ax.texts, *ax.lines, *ax.patches) if a not in changing]
        static = [fig.patch, ax.patch, *fig.texts, *fig.legends]
        for a in changing + overlay:
            a.set_visible(False)
        canvas.draw()
        background = canvas.copy_from_bbox(fig.bbox)
        # the overlay alone, on a transparent figure
        for a in static:
            a.set_visible(False)
        for a in overlay:
            a.set_visible(True)
        canvas.draw()
        over = np.asarray(canvas.buffer_rgba())
        mask = over[..., 3] > 0  # the overlay is sparse: blend only where it is
        alpha = over[mask][:, 3:4].astype(np.float32) / 255.0
        ink = over[mask][:, :3].astype(np.float32) * alpha
        for a in static + changing:
            a.set_visible(True)
        for a in overlay:
            a.set_visible(False)
        try:
            for colors, stamp in states:
                canvas.restore_region(background)
                self.fills.set_facecolor([to_rgba(c) for c in colors])
                ax.draw_artist(self.fills)
                if self.stamp is not None:
                    self.stamp.set_text(stamp)
                    fig.draw_artist(self.stamp)
                out = np.array(np.asarray(canvas.buffer_rgba())[..., :3])
                blend = ink + out[mask].astype(np.float32) * (1.0 - alpha)
                out[mask] = np.clip(blend + 0.5, 0, 255).astype(np.uint8)
                yield out
        finally:
            for a in overlay:
                a.set_visible(True)


def _fit_limits(bounds: tuple[float, float, float, float], w: float, h: float) -> tuple[float, float, float, float]:
    """``bounds`` widened on one side to the shape ``w`` × ``h`` (equal scale in x and y)."""
    bx, by, bx2, by2 = bounds
    cx, cy = (bx + bx2) / 2, (by + by2) / 2
    half_w, half_h = (bx2 - bx) / 2, (by2 - by) / 2
    if half_w / half_h < w / h:
        half_w = half_h * w / h
    else:
        half_h = half_w * h / w
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _map_box(geo: _ViewGeometry, lay: Layout) -> tuple[float, float, tuple[float, float, float, float]]:
    """The map's width and height (inches) and its limits (EPSG:31370): the view's extent,
    widened on one side to the map's shape."""
    W = lay.width_in
    map_w = _MAP_W * W
    bx, by, bx2, by2 = geo.bounds
    aspect = (bx2 - bx) / (by2 - by)
    map_h = min(max(map_w / aspect, 0.5 * W), 0.72 * W)
    return map_w, map_h, _fit_limits(geo.bounds, map_w, map_h)


def _build_figure(
    geo: _ViewGeometry,
    *,
    lay: Layout,
    facecolors: Sequence[str],
    hatched: Sequence[bool] | None,
    title: str,
    legend_title: str,
    legend_items: Sequence[tuple[str, str, str | None]],
    notes: Sequence[str],
    captions: Sequence[str],
    label_units: bool,
    label_values: Sequence[str] | None = None,
    stamp: str | None = None,
    symbol_items: Sequence[tuple[str, str, float]] = (),
    edgecolor: str = EDGE_COLOR,
) -> _Canvas:
    """Lay out title, map, side panel (legend, notes, period stamp) and captions. The figure is
    ``lay.width_in`` wide; its height follows the view's shape. ``legend_items`` are drawn as
    filled boxes (colour, label, hatch), then ``symbol_items`` as circles (colour, label,
    diameter in points)."""
    W = lay.width_in
    margin = 0.015 * W
    map_w, map_h, limits = _map_box(geo, lay)
    cap_w = W - 2 * margin
    cap_lines = [ln for c in captions for ln in _wrap(c, lay.caption, cap_w)]
    line_in = lambda fs: fs * 1.35 / 72  # noqa: E731
    caption_h = len(cap_lines) * line_in(lay.caption) + margin
    title_h = lay.title * 2.4 / 72 + margin
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
    ax.add_collection(fills)
    hatch = None
    if hatched is not None and any(hatched):
        marked = [PathPatch(p) for p, h in zip(geo.paths, hatched) if h]
        hatch = ax.add_collection(PatchCollection(marked, facecolors="none", edgecolors=(0, 0, 0, 0.45),
                                                  linewidths=0, hatch=HATCH, zorder=3))
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.outline], facecolors="none",
                                      edgecolors=OUTLINE_COLOR, linewidths=lay.outline, zorder=4))
    _scale_bar(ax, limits, lay)
    _north_arrow(ax, limits, lay)
    if label_units:
        _place_labels(ax, canvas, geo, lay, label_values)

    fig.text(margin / W, 1 - margin / H, title, fontsize=lay.title, fontweight="bold", va="top", ha="left")

    # Side panel: legend, then notes, then (animations) the period stamp.
    panel_x = (2 * margin + map_w) / W + 0.01
    panel_w_in = (1 - panel_x) * W - margin
    # handles wide and tall enough for the largest circle (row heights are all the same)
    biggest = max((d for _, _, d in symbol_items), default=0.0)
    handle_w = max(2.2, (biggest + 0.2 * lay.text) / lay.text)
    handle_h = max(1.3, (biggest + 0.1 * lay.text) / lay.text)
    label_w_in = panel_w_in - (handle_w + 1.0) * lay.text / 72  # the handle and its gap
    handles = [Patch(facecolor=c, edgecolor=EDGE_COLOR, linewidth=lay.edge * 2, hatch=h,
                     label="\n".join(_wrap(lab, lay.text, label_w_in)))
               for c, lab, h in legend_items]
    handles += [Line2D([], [], linestyle="none", marker="o", markersize=d,
                       markerfacecolor=to_rgba(c, SYMBOL_ALPHA), markeredgecolor="white",
                       markeredgewidth=_symbol_edge(lay), label="\n".join(_wrap(lab, lay.text, label_w_in)))
                for c, lab, d in symbol_items]
    top = map_bottom + map_h / H
    leg = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(panel_x, top),
                     frameon=False, fontsize=lay.text,
                     title="\n".join(_wrap(legend_title, lay.text, panel_w_in)),
                     title_fontsize=lay.text, alignment="left", handlelength=handle_w,
                     handleheight=handle_h, labelspacing=0.45, borderaxespad=0, borderpad=0)
    leg.get_title().set_fontweight("bold")
    canvas.draw()  # the legend's height is known only once drawn
    box = leg.get_window_extent().transformed(fig.transFigure.inverted())
    y = box.y0 - 1.2 * line_in(lay.text) / H
    renderer = canvas.get_renderer()
    for n in notes:
        note = fig.text(panel_x, y, "\n".join(_wrap(n, lay.caption, panel_w_in)), fontsize=lay.caption,
                        va="top", ha="left", color="#222222", linespacing=1.3)
        y = note.get_window_extent(renderer).transformed(fig.transFigure.inverted()).y0
        y -= 0.5 * line_in(lay.caption) / H
    if notes:
        y -= 0.5 * line_in(lay.text) / H
    stamp_artist = None
    if stamp is not None:
        stamp_artist = fig.text(panel_x, y, stamp, fontsize=lay.stamp, fontweight="bold",
                                ha="left", va="top", color="#222222")

    fig.text(margin / W, margin / H, "\n".join(cap_lines), fontsize=lay.caption, va="bottom",
             ha="left", color="#333333", linespacing=1.35)
    free = (panel_x, map_bottom, 1 - margin / W, y) if stamp is None else None
    return _Canvas(fig, ax, canvas, fills, lay, stamp_artist, hatch, free)


def _png_bytes(c: _Canvas) -> bytes:
    buf = io.BytesIO()
    c.fig.savefig(buf, format="png", dpi=c.layout.dpi, facecolor="white",
                  metadata={"Software": None})
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Public API


def _pixel_mapper(ax, height: int) -> Callable[[float, float], tuple[float, float]]:
    """lon/lat (EPSG:4326) → (column, row) of the image's pixels, from top-left, as drawn now."""
    trans = ax.transData.frozen()

    def to_pixel(lon: float, lat: float) -> tuple[float, float]:
        x, y = _to_draw().transform(lon, lat)
        px, py = trans.transform((x, y))
        return float(px), float(height - py)

    return to_pixel


class _PixelOf:
    _to_pixel: Callable[[float, float], tuple[float, float]]

    def pixel_of(self, lon: float, lat: float) -> tuple[int, int]:
        """(column, row) of the image's pixel at ``lon``/``lat`` (EPSG:4326), 0-based from top-left."""
        x, y = self._to_pixel(lon, lat)
        return int(round(x)), int(round(y))


@dataclass(frozen=True)
class RenderedMap(_PixelOf):
    """A rendered map: the PNG and what was drawn, plus the map's lon/lat → pixel mapping."""

    png: bytes
    width: int
    height: int
    table: pd.DataFrame
    classes: Classes
    not_counted: pd.DataFrame
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    legend: tuple[tuple[str, str, str | None], ...]
    _to_pixel: Callable[[float, float], tuple[float, float]]


def _value_column(metric: Metric) -> str:
    if metric not in ("count", "per_100k"):
        raise ValueError(f"metric must be 'count' or 'per_100k', not {metric!r}")
    return metric


def _format_value(value: float, metric: Metric) -> str:
    """A unit's value for its label: empty for zero or unknown."""
    if value is None or math.isnan(value) or value <= 0:
        return ""
    return f"{int(round(value)):,}" if metric == "count" else f"{value:,.1f}"


def _legend_items(classes: Classes, *, hatch_note: bool, has_nan: bool) -> list[tuple[str, str, str | None]]:
    items: list[tuple[str, str, str | None]] = [(c, lab, None) for c, lab in classes.legend()]
    if has_nan:
        items.append((NO_DATA_COLOR, "no population figure", None))
    if hatch_note:
        items.append(("white", f"fewer than {vocab.SMALL_COUNT} incidents: rate unreliable", HATCH))
    return items


def _outside_view_line(incidents: pd.DataFrame, view: ViewName, geo: _ViewGeometry, level: Level,
                       counted: pd.DataFrame) -> str | None:
    if view == "belgium" or len(incidents) == 0:
        return None
    codes = aggregate.level_codes(incidents, level)
    outside = int(((codes != "") & ~codes.isin(set(geo.units["code"]))).sum())
    if not outside:
        return None
    return f"{outside} {'site lies' if outside == 1 else 'sites lie'} elsewhere in Belgium, outside this view"


def _frame_notes(incidents: pd.DataFrame, view: ViewName, level: Level, unit: str,
                 geo: _ViewGeometry, counted: aggregate.Counted) -> list[str]:
    missing = counted.not_counted
    if view != "belgium" and len(missing):
        missing = missing[missing["region_nis"].isin(set(geo.units["reg_nis"]))]
    notes = not_counted_lines(missing, level, unit)
    outside = _outside_view_line(incidents, view, geo, level, counted.table)
    if outside:
        notes.append(outside)
    return notes


def render_map(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    metric: Metric = "count",
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    title: str | None = None,
    size: Size = "screen",
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> RenderedMap:
    """Render a choropleth of ``incidents`` (already filtered; ``filters`` only describes them)
    and return the PNG with what was drawn. Drawn in EPSG:31370 (Belgian Lambert 72)."""
    if size not in ("screen", "print"):
        raise ValueError(f"size must be 'screen' or 'print', not {size!r}")
    column = _value_column(metric)
    geo = _view_geometry(view, level)
    lay = LAYOUTS[size]
    counted = aggregate.count_by_unit(incidents, level=level, unit=unit, units_frame=geo.units)
    table = counted.table
    values = table[column].astype(float)
    classes = classify(values.tolist(), k=k, scheme=scheme, integer=(metric == "count"))
    facecolors = [classes.color_of(None if math.isnan(v) else v) for v in values]
    hatched = (table["small"].to_numpy(bool) if metric == "per_100k" else None)
    notes = _frame_notes(incidents, view, level, unit, geo, counted)
    captions = caption_lines(incidents, filters=filters, all_years=all_years,
                             total_reconstructed=total_reconstructed)
    legend = _legend_items(classes, hatch_note=bool(hatched is not None and hatched.any()),
                           has_nan=bool(values.isna().any()))
    drawn = _build_figure(
        geo, lay=lay, facecolors=facecolors, hatched=hatched,
        title=title or default_title(view, level, metric, unit),
        legend_title=metric_label(metric, level, unit), legend_items=legend,
        notes=notes, captions=captions, label_units=(view != "belgium"),
        label_values=[_format_value(v, metric) for v in values],
    )
    png = _png_bytes(drawn)
    width, height = (int(round(v)) for v in drawn.fig.get_size_inches() * lay.dpi)
    return RenderedMap(png, width, height, table, classes, counted.not_counted, tuple(captions),
                       tuple(notes), tuple(legend), _pixel_mapper(drawn.ax, height))


def render_map_png(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    metric: Metric = "count",
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    title: str | None = None,
    size: Size = "screen",
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> bytes:
    """A PNG choropleth of exactly one view (see :func:`render_map`): screen is 1600 px wide
    (100 dpi), print 2250 px wide at 300 dpi (7.5 in). Drawn in EPSG:31370 (Belgian Lambert 72),
    so the scale bar is exact."""
    return render_map(incidents, view=view, level=level, metric=metric, unit=unit, filters=filters,
                      title=title, size=size, scheme=scheme, k=k,
                      total_reconstructed=total_reconstructed, all_years=all_years).png


# --------------------------------------------------------------------------------------------
# Map 1: incident symbols (the web map's geo.maps.web.incidents_layer, as a static image)

MAP1_TITLE = "Map 1 · Attacks, plots and arrest actions"
#: Drawing order of the symbol kinds, as on the web map: attacks on top.
SYMBOL_ALPHA = 0.9  # the web map's fill opacity
LAND_COLOR = "#f7f7f5"  # the web map's municipality fill and outline
LAND_EDGE = "#9a9a9a"
SIZE_KEY_COLOR = "#8c8c8c"
BOX_EDGE = "#444444"


symbol_category = web.symbol_category
symbol_radius_px = web.symbol_radius_px


def _symbol_scale(lay: Layout) -> float:
    """Points per CSS pixel: 0.75 on the screen layout; other layouts scale with their type."""
    return 0.75 * lay.text / LAYOUTS["screen"].text


def _symbol_edge(lay: Layout) -> float:
    """The symbols' white ring (1 CSS pixel on the web map), in points."""
    return _symbol_scale(lay)


def size_key(max_count: int) -> list[int]:
    """Reference counts for the size key: 1, a round 1-2-5 count between (nearest the geometric
    middle), and the largest count at one place."""
    if max_count <= 1:
        return [1]
    steps = [m * 10 ** e for e in range(7) for m in (1, 2, 5)]
    between = [v for v in steps if 1 < v < max_count]
    mid = min(between, key=lambda v: abs(math.log(v) - math.log(max_count) / 2)) if between else None
    return [1, *([mid] if mid else []), max_count]


def region_box_text(region_name: str, count: int) -> str:
    """The text of a region's count box (the web map's, over two lines): the sites known only to
    that region, which are never drawn as points."""
    return f"{region_name}\n{count:,} site{'s' if count != 1 else ''} with no municipality detail"


def inset_note(boxed: int) -> str:
    """Under the Brussels inset's heading: the sites it cannot show."""
    return (f"Not drawn: {boxed:,} {'site' if boxed == 1 else 'sites'} known only to the region "
            "(box on the main map)")


def symbol_notes(n_sites: int, symbols: Sequence[web.Symbol], regional: pd.DataFrame, *,
                 outside: int = 0) -> list[str]:
    """The side panel's notes of the symbol map: what the boxes are, grouping, and every site that
    is on no symbol and in no box, so that the numbers add up to ``n_sites``."""
    notes = []
    boxed = int(regional["count"].sum()) if len(regional) else 0
    if boxed:
        one = boxed == 1
        notes.append(f"{boxed:,} {'site' if one else 'sites'} known only to {'its' if one else 'their'} "
                     f"region {'is' if one else 'are'} counted in a box on the region, never drawn as points")
    if any(s.label.endswith("(grouped by municipality)") for s in symbols):
        notes.append("Too many places to draw one by one: symbols are grouped by municipality, at a point "
                     "inside it")
    missing = n_sites - sum(s.count for s in symbols) - boxed
    if missing > 0:
        notes.append(f"{missing:,} {'site' if missing == 1 else 'sites'} with no known place in Belgium "
                     f"{'is' if missing == 1 else 'are'} not shown")
    if outside:
        notes.append(f"{outside:,} {'site lies' if outside == 1 else 'sites lie'} elsewhere in Belgium, "
                     "outside this view")
    return notes


def _symbol_legend(incidents: pd.DataFrame, symbols: Sequence[web.Symbol],
                   lay: Layout) -> list[tuple[str, str, float]]:
    """(colour, label, diameter in points) of the legend's circles: the kinds (as the web map's
    legend: the report's three, and "other" when there are such rows), then the size key."""
    kinds = ["attack", "plot", "arrest_action"]
    if len(incidents) and (symbol_category(incidents) == "other").any():
        kinds.append("other")
    scale = _symbol_scale(lay)
    items = [(vocab.SYMBOLS[k][1], vocab.SYMBOLS[k][0], 2 * scale * symbol_radius_px(1, k)) for k in kinds]
    if symbols:
        largest = max(s.count for s in symbols)
        items.append(("none", "Size: sites at one place (attacks drawn a quarter larger)", 0.0))
        for n in size_key(largest):
            label = f"{n:,} site{'s' if n != 1 else ''}" + (" (the most at one place)" if n == largest > 1 else "")
            items.append((SIZE_KEY_COLOR, label, 2 * scale * symbol_radius_px(n, "arrest_action")))
    return items


@lru_cache(maxsize=4)
def _regions_cached(path: str) -> gpd.GeoDataFrame:
    return boundaries.units("region").to_crs(DRAW_CRS).set_index("code")


def _symbol_xy(symbols: Sequence[web.Symbol]) -> np.ndarray:
    if not symbols:
        return np.zeros((0, 2))
    x, y = _to_draw().transform([s.lon for s in symbols], [s.lat for s in symbols])
    return np.column_stack([x, y])


def _draw_symbols(ax, symbols: Sequence[web.Symbol], lay: Layout) -> list[tuple[float, float, float, float]]:
    """Circles of the kinds' colours, kinds in :data:`SYMBOL_ORDER` and larger under smaller;
    returns their boxes in display pixels."""
    if not symbols:
        return []
    order = sorted(symbols, key=lambda s: (vocab.SYMBOL_ORDER.index(s.category), -s.count))
    xy = _symbol_xy(order)
    radius = np.array([_symbol_scale(lay) * symbol_radius_px(s.count, s.category) for s in order])
    ax.scatter(xy[:, 0], xy[:, 1], s=(2 * radius) ** 2, marker="o", linewidths=_symbol_edge(lay),
               c=[to_rgba(vocab.SYMBOLS[s.category][1], SYMBOL_ALPHA) for s in order],
               edgecolors="white", zorder=5)
    centres = ax.transData.transform(xy)
    r_px = (radius + _symbol_edge(lay)) * lay.dpi / 72
    return [(cx - r, cy - r, cx + r, cy + r) for (cx, cy), r in zip(centres, r_px)]


def _draw_region_boxes(ax, canvas: FigureCanvasAgg, regional: pd.DataFrame, lay: Layout,
                       limits: tuple[float, float, float, float],
                       placed: list[tuple[float, float, float, float]]) -> list[str]:
    """A labelled count box for each region's sites known to it only: wholly inside the region
    where a spot clear of the symbols and of other boxes exists, else beside it with a leader line
    to the region's representative point. Returns the boxes' texts."""
    renderer = canvas.get_renderer()
    trans = ax.transData
    (ox, _), (ux, _) = trans.transform([(0, 0), (1, 0)])
    px_per_m = ux - ox
    frame = ax.get_window_extent(renderer)
    regions = _regions_cached(str(boundaries.boundary_file()))
    view_box = shapely.box(*limits)
    pad = 0.35 * lay.label  # the box's padding, points
    gap = 0.3 * lay.label * lay.dpi / 72  # clear space around a box, pixels
    todo = []
    for r in regional.itertuples(index=False):
        if r.region_nis not in regions.index:
            continue
        geom = shapely.intersection(regions.geometry[r.region_nis], view_box)
        if geom.is_empty or geom.area == 0:
            continue
        todo.append((geom.area, r, geom))
    texts = []
    for _, r, geom in sorted(todo, key=lambda t: t[0]):  # smallest region first: hardest to fit
        anchor = None
        if pd.notna(r.lat) and pd.notna(r.lon):
            anchor = shapely.Point(_to_draw().transform(r.lon, r.lat))
        if anchor is None or not geom.contains(anchor):
            anchor = _anchor_point(geom)
        content = region_box_text(r.region_name, int(r.count))
        text = ax.text(0, 0, content, fontsize=lay.label, ha="center", va="center", zorder=9,
                       color="#111111", linespacing=1.2,
                       bbox=dict(boxstyle=f"round,pad={pad / lay.label:.2f}", facecolor="white",
                                 edgecolor=BOX_EDGE, linewidth=lay.outline * 0.8))
        bb = text.get_window_extent(renderer)
        w_px = bb.width + 2 * (pad * lay.dpi / 72 + gap)
        h_px = bb.height + 2 * (pad * lay.dpi / 72 + gap)
        candidates = _label_candidates(geom, anchor, w_px / px_per_m, h_px / px_per_m, min_share=0.95)
        chosen = _free_spot(candidates, trans, w_px, h_px, frame, placed)
        if chosen is None:  # nowhere free: on the region's point, over what is there
            cx, cy = trans.transform((anchor.x, anchor.y))
            chosen = (anchor.x, anchor.y, True, (cx - w_px / 2, cy - h_px / 2, cx + w_px / 2, cy + h_px / 2))
        x, y, is_inside, box = chosen
        text.set_position((x, y))
        placed.append(box)
        if not is_inside:
            _leader(ax, anchor, x, y, lay, zorder=4.8)  # under the symbols: data stays on top
        texts.append(content)
    return texts


#: The national symbol map's enlarged inset: where most places crowd together.
INSET_VIEW: ViewName = "brussels"


def _draw_inset(drawn: _Canvas, geo: _ViewGeometry, symbols: Sequence[web.Symbol],
                regional: pd.DataFrame, lay: Layout) -> object | None:
    """An enlarged map of :data:`INSET_VIEW` with its symbols, in the side panel's free space (none
    when too little is left), and a frame on the main map where it is. Its heading says how many
    sites known only to the Brussels-Capital Region it cannot show."""
    if drawn.panel_free is None:
        return None
    fig, W = drawn.fig, lay.width_in
    H = fig.get_size_inches()[1]
    x0, y0, x1, y1 = drawn.panel_free
    heading = "\n".join(_wrap(f"Enlarged: {VIEW_SPECS[INSET_VIEW].title}", lay.text, (x1 - x0) * W))
    boxed = regional.loc[regional["region_nis"] == vocab.BRUSSELS_REGION, "count"].sum()
    sub = "\n".join(_wrap(inset_note(int(boxed)), lay.caption, (x1 - x0) * W)) if boxed else ""
    heading_h = ((heading.count("\n") + 1.8) * 1.2 * lay.text
                 + (sub.count("\n") + 1.3) * 1.3 * lay.caption * bool(sub)) / 72 / H
    box_w, box_h = (x1 - x0) * W, (y1 - y0 - heading_h) * H
    if box_w < 0.2 * W or box_h < 0.15 * W:
        return None
    bounds = view_extent(INSET_VIEW)
    bx, by, bx2, by2 = _to_draw().transform_bounds(*bounds, densify_pts=21)
    aspect = (bx2 - bx) / (by2 - by)
    w, h = (box_w, box_w / aspect) if box_w / aspect <= box_h else (box_h * aspect, box_h)
    ax = fig.add_axes((x0, y0 + (box_h - h) / H, w / W, h / H))
    limits = _fit_limits((bx, by, bx2, by2), w, h)
    ax.set_xlim(limits[0], limits[2])
    ax.set_ylim(limits[1], limits[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(OUTLINE_COLOR)
        spine.set_linewidth(lay.outline * 0.8)
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.paths], facecolors=LAND_COLOR,
                                      edgecolors=LAND_EDGE, linewidths=lay.edge * 1.5, zorder=2))
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.outline], facecolors="none",
                                      edgecolors=OUTLINE_COLOR, linewidths=lay.outline, zorder=4))
    _draw_symbols(ax, symbols, lay)
    _scale_bar(ax, limits, lay, share=0.4)
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
class RenderedSymbols(_PixelOf):
    """A rendered symbol map (Map 1): the PNG and what was drawn, plus lon/lat → pixel."""

    png: bytes
    width: int
    height: int
    symbols: tuple[web.Symbol, ...]
    regional: pd.DataFrame
    boxes: tuple[str, ...]
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    legend: tuple[tuple[str, str, float], ...]
    _to_pixel: Callable[[float, float], tuple[float, float]]


def render_symbols(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    filters: Filters | None = None,
    title: str | None = None,
    size: Size = "screen",
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> RenderedSymbols:
    """Render the report's Map 1 for ``incidents`` (already filtered; ``filters`` only describes
    them) and return the PNG with what was drawn: municipality outlines, one circle per place and
    kind from :func:`geo.maps.web.incident_symbols` (the web map's colours and sizes), and a count box
    on each region for the sites known only to it."""
    if size not in ("screen", "print"):
        raise ValueError(f"size must be 'screen' or 'print', not {size!r}")
    geo = _view_geometry(view, "municipality")
    lay = LAYOUTS[size]
    symbols, regional = web.incident_symbols(incidents)
    _, _, limits = _map_box(geo, lay)
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
                             total_reconstructed=total_reconstructed)
    legend = _symbol_legend(incidents, symbols, lay)
    drawn = _build_figure(
        geo, lay=lay, facecolors=[LAND_COLOR] * len(geo.paths), hatched=None, edgecolor=LAND_EDGE,
        title=title or f"{MAP1_TITLE} — {VIEW_SPECS[view].title}",
        legend_title="Incident sites, by kind", legend_items=[], symbol_items=legend,
        notes=notes, captions=captions, label_units=False,
    )
    renderer = drawn.canvas.get_renderer()
    # keep the boxes off the scale bar, the north arrow and the symbols
    placed = [tuple(a.get_window_extent(renderer).extents) for a in (*drawn.ax.texts, *drawn.ax.patches)]
    placed += _draw_symbols(drawn.ax, shown, lay)
    if view == "belgium" and shown:
        _draw_inset(drawn, geo, shown, regional, lay)
    boxes = _draw_region_boxes(drawn.ax, drawn.canvas, regional, lay, limits, placed)
    png = _png_bytes(drawn)
    width, height = (int(round(v)) for v in drawn.fig.get_size_inches() * lay.dpi)
    return RenderedSymbols(png, width, height, tuple(shown), regional.reset_index(drop=True), tuple(boxes),
                           tuple(captions), tuple(notes), tuple(legend), _pixel_mapper(drawn.ax, height))


def render_symbols_png(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    filters: Filters | None = None,
    title: str | None = None,
    size: Size = "screen",
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> bytes:
    """The report's Map 1 as a PNG (see :func:`render_symbols`): screen is 1600 px wide (100 dpi),
    print 2250 px wide at 300 dpi (7.5 in). Drawn in EPSG:31370 (Belgian Lambert 72)."""
    return render_symbols(incidents, view=view, filters=filters, title=title, size=size,
                          total_reconstructed=total_reconstructed, all_years=all_years).png


def animation_periods(incidents: pd.DataFrame, period: aggregate.Period) -> list[str]:
    """Every period from the first to the last of ``incidents`` (empty ones included); months only
    from rows whose month is known."""
    if period == "year":
        if not len(incidents):
            return []
        lo, hi = int(incidents["year"].min()), int(incidents["year"].max())
        return [str(y) for y in range(lo, hi + 1)]
    if period == "month":
        months = incidents.loc[incidents["month"] != "", "month"]
        if not len(months):
            return []
        return list(pd.period_range(months.min(), months.max(), freq="M").strftime("%Y-%m"))
    raise ValueError(f"period must be 'year' or 'month', not {period!r}")


def animation_frames(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    period: aggregate.Period = "year",
    cumulative: bool = False,
    unit: aggregate.Unit = "sites",
) -> tuple[list[str], list[aggregate.Counted], pd.DataFrame]:
    """Counts per unit for each period (see :func:`animation_periods`), and the rows left out
    (dated only to the year, in monthly animations)."""
    geo = _view_geometry(view, level)
    periods = animation_periods(incidents, period)
    if period == "month":
        usable = incidents["month"] != ""
        keys = incidents["month"]
    else:
        usable = pd.Series(True, index=incidents.index)
        keys = incidents["year"].astype(str)
    left_out = incidents[~usable]
    rows = incidents[usable]
    rkeys = keys[usable]
    frames = []
    seen: dict[tuple, aggregate.Counted] = {}  # periods with the same rows share their counts
    for p in periods:
        subset = rows[rkeys <= p] if cumulative else rows[rkeys == p]
        key = tuple(subset.index)
        if key not in seen:
            seen[key] = aggregate.count_by_unit(subset, level=level, unit=unit, units_frame=geo.units)
        frames.append(seen[key])
    return periods, frames, left_out


def _gif_palette(first: np.ndarray, colors: Sequence[str]) -> np.ndarray:
    """A palette (n × 3) for every frame: the first frame's colours (median cut), with the entry
    nearest to each of ``colors`` set to exactly that colour, so that flat fills (white, the class
    colours) keep their true value."""
    from PIL import Image

    quantized = Image.fromarray(first).quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
    pal = np.array(quantized.getpalette(), dtype=np.int32).reshape(-1, 3)
    for c in colors:
        rgb = np.array([round(v * 255) for v in to_rgba(c)[:3]])
        pal[int(np.argmin(((pal - rgb) ** 2).sum(axis=1)))] = rgb
    return pal


class _PaletteMapper:
    """Maps RGB frames to a fixed palette (nearest entry; exact when present), remembering every
    colour seen in a 2^24 lookup table so that later frames cost one gather."""

    UNKNOWN = 255

    def __init__(self, pal: np.ndarray):
        if len(pal) >= self.UNKNOWN:
            raise ValueError("palette too large")
        self.pal = pal.astype(np.int32)
        self.lut = np.full(1 << 24, self.UNKNOWN, dtype=np.uint8)

    def __call__(self, rgb: np.ndarray):
        from PIL import Image

        flat = rgb.reshape(-1, 3).astype(np.int32)
        keys = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
        index = self.lut[keys]
        new = np.unique(keys[index == self.UNKNOWN])
        if len(new):
            colors = np.stack([new >> 16, (new >> 8) & 255, new & 255], axis=1)
            for start in range(0, len(colors), 4096):
                chunk = colors[start:start + 4096]
                dist = ((chunk[:, None, :] - self.pal[None, :, :]) ** 2).sum(axis=2)
                self.lut[new[start:start + 4096]] = dist.argmin(axis=1)
            index = self.lut[keys]
        image = Image.fromarray(index.reshape(rgb.shape[:2]), mode="P")
        image.putpalette(self.pal.astype(np.uint8).ravel().tolist())
        return image


@dataclass(frozen=True)
class RenderedAnimation(_PixelOf):
    """A rendered GIF and what each frame shows, plus the frames' lon/lat → pixel mapping."""

    gif: bytes
    width: int
    height: int
    periods: tuple[str, ...]
    frames: tuple[aggregate.Counted, ...]
    left_out: pd.DataFrame
    classes: Classes
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    _to_pixel: Callable[[float, float], tuple[float, float]]


def render_animation(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    period: aggregate.Period = "year",
    cumulative: bool = False,
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    size: Size = "screen",
    frame_seconds: float = 1.0,
    title: str | None = None,
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> RenderedAnimation:
    """Render the animation of :func:`render_animation_gif` and return it with what was drawn."""
    if size not in ("screen", "print"):
        raise ValueError(f"size must be 'screen' or 'print', not {size!r}")
    if frame_seconds <= 0:
        raise ValueError("frame_seconds must be positive")
    geo = _view_geometry(view, level)
    lay = LAYOUTS["gif" if size == "screen" else "screen"]
    periods, frames, left_out = animation_frames(incidents, view=view, level=level, period=period,
                                                 cumulative=cumulative, unit=unit)
    if not periods:
        raise ValueError("no incidents to animate" + (" with a known month" if period == "month" else ""))
    all_values = np.concatenate([f.table["count"].to_numpy(float) for f in frames])
    classes = classify(all_values.tolist(), k=k, scheme=scheme, integer=True)

    extra = []
    if period == "month" and len(left_out):
        n = len(left_out)
        extra.append(f"{n} {'site' if n == 1 else 'sites'} dated only to the year "
                     f"{'is' if n == 1 else 'are'} left out of the monthly frames")
    usable = incidents[incidents["month"] != ""] if period == "month" else incidents
    whole = aggregate.count_by_unit(usable, level=level, unit=unit, units_frame=geo.units)
    notes = _frame_notes(usable, view, level, unit, geo, whole)
    captions = caption_lines(incidents, filters=filters, all_years=all_years,
                             total_reconstructed=total_reconstructed, extra=extra)
    label = metric_label("count", level, unit, cumulative=cumulative)
    first = [classes.color_of(v) for v in frames[0].table["count"]]
    drawn = _build_figure(
        geo, lay=lay, facecolors=first, hatched=None,
        title=title or f"{label} — {VIEW_SPECS[view].title}",
        legend_title=label + (" (same classes in every frame)" if len(frames) > 1 else ""),
        legend_items=_legend_items(classes, hatch_note=False, has_nan=False),
        notes=notes, captions=captions, label_units=(view != "belgium"), stamp=periods[0],
    )
    states = [([classes.color_of(v) for v in counted.table["count"]], p)
              for p, counted in zip(periods, frames)]
    rgb = list(drawn.frames(states))
    # One palette for every frame (the first frame's legend holds every class colour), so that
    # unchanged pixels keep their index and the GIF stores only what changes.
    palette = _gif_palette(rgb[0], ["#ffffff", ZERO_COLOR, *classes.colors])
    to_palette = _PaletteMapper(palette)
    images = [to_palette(a) for a in rgb]
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:],
                   duration=int(round(frame_seconds * 1000)), loop=0, optimize=False, disposal=1)
    height, width = rgb[0].shape[:2]
    return RenderedAnimation(buf.getvalue(), width, height, tuple(periods), tuple(frames), left_out,
                             classes, tuple(captions), tuple(notes), _pixel_mapper(drawn.ax, height))


def render_animation_gif(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    period: aggregate.Period = "year",
    cumulative: bool = False,
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    size: Size = "screen",
    frame_seconds: float = 1.0,
    title: str | None = None,
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> bytes:
    """An animated GIF, one frame per period from the first to the last (empty ones included;
    monthly frames use the rows whose month is known and the caption says how many year-only rows
    are left out), the period stamped on each frame, and the same classes on every frame
    (classified over all frames' counts). ``screen`` frames are 1000 px wide, ``print`` 1600 px.
    Loops forever. Drawn in EPSG:31370 (Belgian Lambert 72)."""
    return render_animation(
        incidents, view=view, level=level, period=period, cumulative=cumulative, unit=unit,
        filters=filters, size=size, frame_seconds=frame_seconds, title=title, scheme=scheme, k=k,
        total_reconstructed=total_reconstructed, all_years=all_years).gif
