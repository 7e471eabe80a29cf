"""Label placement on the static maps: unit names (and values) placed greedily where they fit,
inside the unit when a free spot exists, else beside it with a leader line. The same search
places Map 1's region boxes."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
import shapely.ops
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg

from geo import i18n
from geo.admin import names
from geo.maps.png.geometry import ViewGeometry
from geo.maps.png.layout import Layout

#: A box in display pixels: (x0, y0, x1, y1).
Box = tuple[float, float, float, float]


def halo(fontsize: float) -> list:
    """A white outline that keeps text legible over fills and edges."""
    return [patheffects.withStroke(linewidth=max(1.0, 0.34 * fontsize), foreground="white")]


def unit_labels(units) -> list[str]:
    """The names of ``units`` as the run names places (:func:`geo.i18n.names_mode`): by default in
    their own language (Liège, Antwerpen, Ixelles / Elsene, Eupen), else in the reader's language
    where they have a name in it (:mod:`geo.admin.names`)."""
    return list(names.names_of_units(units, language=i18n.language(), mode=i18n.names_mode()))


def label_text(name: str) -> str:
    """Split long compound names (Woluwe-Saint-Lambert) over two lines; a name in two languages
    (Ixelles / Elsene) over as many lines as it has names."""
    if " / " in name:
        return " /\n".join(label_text(part) for part in name.split(" / "))
    if len(name) <= 14 or "-" not in name:
        return name
    parts = name.split("-")
    best = min(range(1, len(parts)), key=lambda i: abs(len("-".join(parts[:i])) - len("-".join(parts[i:]))))
    return "-".join(parts[:best]) + "-\n" + "-".join(parts[best:])


def anchor_point(geom) -> shapely.Point:
    """The pole of inaccessibility of the largest part: the point deepest inside."""
    part = max(geom.geoms, key=lambda g: g.area) if geom.geom_type == "MultiPolygon" else geom
    return shapely.ops.polylabel(part, tolerance=max(1.0, math.sqrt(part.area) / 200))


def _overlaps(box: Box, placed: Sequence[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed)


def label_candidates(geom, anchor, w_m: float, h_m: float, *,
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


def choose_spot(candidates, anchor, trans, w_px: float, h_px: float, frame,
                placed: Sequence[Box]) -> tuple[float, float, bool, Box]:
    """The first candidate whose box (pixels) lies within ``frame`` and clear of ``placed``, as
    (x, y, inside, box); when none is free, the anchor itself (over what is there)."""
    for x, y, is_inside in candidates:
        cx, cy = trans.transform((x, y))
        box = (cx - w_px / 2, cy - h_px / 2, cx + w_px / 2, cy + h_px / 2)
        within = frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1] and box[3] <= frame.y1
        if within and not _overlaps(box, placed):
            return x, y, is_inside, box
    cx, cy = trans.transform((anchor.x, anchor.y))
    return anchor.x, anchor.y, True, (cx - w_px / 2, cy - h_px / 2, cx + w_px / 2, cy + h_px / 2)


def leader(ax, anchor, x: float, y: float, lay: Layout, zorder: float = 6) -> None:
    """A line from a unit's anchor to its label, with a dot on the anchor."""
    ax.plot([anchor.x, x], [anchor.y, y], color="#222222", linewidth=lay.outline * 0.8,
            zorder=zorder, solid_capstyle="round")
    ax.plot([anchor.x], [anchor.y], marker="o", markersize=lay.label * 0.25, color="#222222",
            zorder=zorder)


def place_labels(ax, canvas: FigureCanvasAgg, geo: ViewGeometry, lay: Layout,
                 values: Sequence[str] | None = None) -> None:
    """Label every unit with its name (:func:`unit_labels`; and its value, when given and not empty), greedily,
    smallest unit first: inside the unit where a spot free of other labels exists (the one
    holding most of the label), else beside it with a leader line."""
    renderer = canvas.get_renderer()
    trans = ax.transData
    (ox, oy), (ux, _uy) = trans.transform([(0, 0), (1, 0)])
    px_per_m = ux - ox
    frame = ax.get_window_extent(renderer)
    placed: list[Box] = []
    units = geo.units.assign(label_area=geo.units.geometry.area, label_name=unit_labels(geo.units),
                             label_value=list(values) if values is not None else "").sort_values("label_area")
    pad = 0.12 * lay.label * lay.dpi / 72
    for row in units.itertuples(index=False):
        geom = row.geometry
        name = label_text(row.label_name)
        text = ax.text(0, 0, name + (f"\n{row.label_value}" if row.label_value else ""),
                       fontsize=lay.label, ha="center", va="center", zorder=7, color="#111111",
                       linespacing=0.95, path_effects=halo(lay.label))
        bb = text.get_window_extent(renderer)
        w_px, h_px = bb.width + 2 * pad, bb.height + 2 * pad
        anchor = anchor_point(geom)
        candidates = label_candidates(geom, anchor, w_px / px_per_m, h_px / px_per_m)
        # where nowhere is free: on the deepest point, overlapping
        x, y, is_inside, box = choose_spot(candidates, anchor, trans, w_px, h_px, frame, placed)
        text.set_position((x, y))
        placed.append(box)
        if not is_inside:
            leader(ax, anchor, x, y, lay)
