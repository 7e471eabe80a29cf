"""Small multiples: one image holding a map per year (or per city) of one view, with the same
classes in every panel and one legend, the title, notes and honesty lines of the single map.

Each panel says what it is ("2016 · 23 sites") and how many of its sites could not be placed on
its level; diagonal lines mark units whose count is mostly reconstructed records, as on the single map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch

from geo.admin.boundaries import Level
from geo.i18n import _, ngettext, number
from geo.incidents import aggregate
from geo.maps.classify import Classes
from geo.maps.model import MapSpec, build
from geo.maps.model.captions import shown_years
from geo.maps.model.choropleth import Part
from geo.maps.png.canvas import (
    EDGE_COLOR,
    OUTLINE_COLOR,
    Canvas,
    draw_marks,
    draw_title,
    fit_limits,
    legend_boxes,
    legend_handle,
    scale_bar,
    unit_marks,
    wrap,
)
from geo.maps.png.geometry import ViewGeometry, view_geometry
from geo.maps.png.layout import LAYOUTS, Layout, Size, check_size
from geo.maps.png.output import STILL_FORMATS, Rendered, StillFormat, check_format, write_still

GRID_BY: tuple[str, ...] = ("year", "city")
#: Most panels in one image; with more cities, those with the most sites are drawn.
MAX_PANELS = 12


@dataclass(frozen=True)
class Panel:
    """One panel: its name, rows and counts."""

    name: str
    rows: pd.DataFrame
    counted: aggregate.Counted


@dataclass(frozen=True)
class RenderedGrid(Rendered):
    """A rendered grid of small multiples: the file and what each panel shows."""

    panels: tuple[str, ...]
    tables: tuple[pd.DataFrame, ...]
    classes: Classes
    captions: tuple[str, ...]
    title: str = ""
    left_out: tuple[str, ...] = ()
    model: object = None


def grid_panels(incidents: pd.DataFrame, *, by: str, level: Level, unit: aggregate.Unit, units,
                years: tuple[int, int] | None, cities: tuple[str, ...] = ()) -> tuple[list[Panel], list[str]]:
    """The panels (every year of ``years``, empty ones included; or each city, the cities with most
    sites first when more than :data:`MAX_PANELS`) and the cities left out."""
    if by not in GRID_BY:
        raise ValueError(f"grid must be one of {GRID_BY}, not {by!r}")
    if by == "year":
        if not years:
            return [], []
        names = [str(y) for y in range(years[0], years[1] + 1)]
        if len(names) > MAX_PANELS:
            raise ValueError(_("A grid holds at most {n} panels: choose fewer years").format(n=MAX_PANELS))
        keys = incidents["year"].astype(str)
        left: list[str] = []
    else:
        sizes = incidents.loc[incidents["city"].fillna("") != "", "city"].value_counts()
        wanted = [c for c in cities if c in sizes.index] if cities else list(sizes.index)
        ranked = sorted(wanted, key=lambda c: (-int(sizes[c]), c))
        names, left = sorted(ranked[:MAX_PANELS]), ranked[MAX_PANELS:]
        keys = incidents["city"].fillna("")
    panels = []
    for name in names:
        rows = incidents[keys == name]
        panels.append(Panel(name, rows, aggregate.count_by_unit(rows, level=level, unit=unit, units_frame=units)))
    return panels, left


def _panel_caption(panel: Panel, unit: str, regions: set[str]) -> str:
    """"2016 · 26 sites on the map" and, below, how many of the panel's rows in the view's
    ``regions`` are known only to their region (never drawn on a unit)."""
    n = int(panel.counted.table["count"].sum())
    head = (ngettext("{name} · {n} event on the map", "{name} · {n} events on the map", n) if unit == "events"
            else ngettext("{name} · {n} site on the map", "{name} · {n} sites on the map", n)).format(
        name=panel.name, n=number(n))
    missing = panel.counted.not_counted
    missing = missing[missing["region_nis"].isin(regions)] if len(missing) else missing
    if len(missing):
        head += "\n" + _("+{n} known only to a region").format(n=number(len(missing)))
    return head


def _grid_shape(n: int) -> tuple[int, int]:
    cols = 1 if n == 1 else 2 if n <= 4 else 3 if n <= 9 else 4
    return cols, math.ceil(n / cols)


def _draw_panel(fig: Figure, rect, geo: ViewGeometry, lay: Layout, colors, hatched, marked, *,
                caption: str, gid: str, scale: bool):
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    w_in, h_in = rect[2] * fig.get_size_inches()[0], rect[3] * fig.get_size_inches()[1]
    limits = fit_limits(geo.bounds, w_in, h_in)
    ax.set_xlim(limits[0], limits[2])
    ax.set_ylim(limits[1], limits[3])
    ax.set_aspect("equal", adjustable="box")
    fills = PatchCollection([PathPatch(p) for p in geo.paths], facecolors=list(colors), edgecolors=EDGE_COLOR,
                            linewidths=lay.edge * 0.6, zorder=2)
    fills.set_gid(gid)
    ax.add_collection(fills)
    draw_marks(ax, geo.paths, colors, small=hatched, marked=marked, edge=lay.edge * 3, gids=False)
    ax.add_collection(PatchCollection([PathPatch(p) for p in geo.outline], facecolors="none",
                                      edgecolors=OUTLINE_COLOR, linewidths=lay.outline * 0.7, zorder=4))
    head, _sep, sub = caption.partition("\n")
    ax.text(0, 1, head + ("\n" if sub else ""), transform=ax.transAxes, fontsize=lay.caption, fontweight="bold",
            va="bottom", ha="left", linespacing=1.2, parse_math=False)
    if sub:
        ax.text(0, 1, sub, transform=ax.transAxes, fontsize=lay.caption, va="bottom", ha="left",
                color="#333333", parse_math=False)
    if scale:
        scale_bar(ax, limits, lay, share=0.3)
    return ax, fills


def render_grid(incidents: pd.DataFrame, spec: MapSpec, *, by: str = "year", size: Size = "screen",
                format: StillFormat = "png") -> RenderedGrid:
    """Small multiples of ``incidents`` (already filtered; ``spec.filters`` only describes them):
    a panel per year of the filters' years (``by="year"``) or per city (``by="city"``), the same
    classes in every panel (one scale of the model, fitted over all panels' values) and one
    legend; written in ``format`` at the single map's width."""
    check_size(size)
    check_format(format, STILL_FORMATS)
    geo = view_geometry(spec.view, spec.level)
    lay = LAYOUTS[size]
    years = shown_years(incidents, spec.filters, spec.all_years)
    panels, left = grid_panels(incidents, by=by, level=spec.level, unit=spec.unit, units=geo.units, years=years,
                               cities=spec.filters.cities if spec.filters else ())
    if not panels:
        raise ValueError(_("No incident to draw in a grid"))
    extra = []
    if left:
        extra.append(ngettext("{n} more city with fewer sites is not drawn: {names}",
                              "{n} more cities with fewer sites are not drawn: {names}", len(left)).format(
            n=len(left), names=", ".join(left)))
    parts = [Part(p.name, p.rows, label=p.name, whole=False) for p in panels]
    model = build.build(incidents, spec, parts, units=geo.units, extra_captions=extra)
    classes = model.extra["classes"]["main"]
    captions, label, title, subtitle = model.captions, model.legend_title, model.title, model.subtitle

    W = lay.width_in
    margin = 0.015 * W
    panel_area_w = 0.72 * W
    cols, rows = _grid_shape(len(panels))
    bx, by_, bx2, by2 = geo.bounds
    gap_w, cap_h = 0.25 * W / 16, 2.6 * lay.caption * 1.2 / 72
    cell_w = (panel_area_w - (cols - 1) * gap_w) / cols
    cell_h = cell_w * (by2 - by_) / (bx2 - bx) + cap_h
    cap_lines = [ln for c in captions for ln in wrap(c, lay.caption, W - 2 * margin)]
    caption_h = len(cap_lines) * lay.caption * 1.35 / 72 + margin
    title_lines = wrap(title, lay.title * 1.08, W - 2 * margin)
    sub_lines = wrap(subtitle, lay.text, W - 2 * margin) if subtitle else []
    title_h = ((len(title_lines) * 1.25 + 1.15) * lay.title + len(sub_lines) * 1.35 * lay.text) / 72 + margin
    H = title_h + rows * cell_h + (rows - 1) * gap_w + caption_h + margin
    fig = Figure(figsize=(W, H), dpi=lay.dpi, facecolor="white")
    canvas = FigureCanvasAgg(fig)

    axes = []
    first_fills = None
    for i, (panel, frame) in enumerate(zip(panels, model.frames)):
        r, c = divmod(i, cols)
        x0 = margin + c * (cell_w + gap_w)
        top = H - title_h - r * (cell_h + gap_w)
        rect = (x0 / W, (top - cell_h) / H, cell_w / W, (cell_h - cap_h) / H)
        small, marked = unit_marks(frame.flags)
        ax, fills = _draw_panel(fig, rect, geo, lay, model.colors(frame), small if small.any() else None, marked,
                                caption=_panel_caption(panel, spec.unit, set(geo.units["reg_nis"])),
                                gid=f"panel-{i + 1}", scale=(i == len(panels) - 1))
        axes.append(ax)
        first_fills = first_fills or fills

    draw_title(fig, title_lines, sub_lines, lay=lay, margin=margin)
    items = legend_boxes(model.legend())  # one legend for every panel
    panel_x = (margin + panel_area_w + 0.03 * W) / W
    panel_w_in = (1 - panel_x) * W - margin
    label_w_in = panel_w_in - 3.2 * lay.text / 72
    handles = [legend_handle(col, "\n".join(wrap(lab, lay.text, label_w_in)), h, edge=lay.edge * 2)
               for col, lab, h in items]
    leg = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(panel_x, 1 - title_h / H),
                     frameon=False, fontsize=lay.text, title="\n".join(wrap(label, lay.text, panel_w_in)),
                     title_fontsize=lay.text, alignment="left", handlelength=2.2, handleheight=1.3,
                     labelspacing=0.45, borderaxespad=0, borderpad=0)
    leg.get_title().set_fontweight("bold")
    if len(panels) > 1:
        canvas.draw()
        box = leg.get_window_extent().transformed(fig.transFigure.inverted())
        fig.text(panel_x, box.y0 - 1.2 * lay.text * 1.35 / 72 / H,
                 "\n".join(wrap(_("Same classes in every panel."), lay.caption, panel_w_in)),
                 fontsize=lay.caption, va="top", ha="left", color="#222222")
    fig.text(margin / W, margin / H, "\n".join(cap_lines), fontsize=lay.caption, va="bottom",
             ha="left", color="#333333", linespacing=1.35, parse_math=False, gid="captions")
    drawn = Canvas(fig, axes[0], canvas, first_fills, lay)
    return RenderedGrid(**write_still(drawn, format, title=title), panels=tuple(p.name for p in panels),
                        tables=tuple(p.counted.table for p in panels), classes=classes, captions=tuple(captions),
                        model=model,
                        title=title, left_out=tuple(left))
