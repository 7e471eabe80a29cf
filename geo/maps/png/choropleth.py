"""The static choropleth: it draws the map model (:mod:`geo.maps.model`: the web maps' classes,
colours, marks and words) of one view: fills, the marks (a dashed outline, diagonal lines), unit
labels in city views, the title, subtitle, legend, notes and captions. PNG, SVG or PDF."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from geo.maps.classify import Classes
from geo.maps.model import MapModel, MapSpec, build, marks
from geo.maps.model.model import Frame
from geo.maps.png.canvas import BoxItem, Canvas, build_figure, legend_boxes, unit_marks
from geo.maps.png.geometry import view_geometry
from geo.maps.png.layout import LAYOUTS, Size, check_size
from geo.maps.png.legend_grid import grid_cells
from geo.maps.png.output import STILL_FORMATS, Rendered, StillFormat, check_format, write_still


@dataclass(frozen=True)
class RenderedMap(Rendered):
    """A rendered choropleth: the file and what was drawn."""

    table: pd.DataFrame
    classes: Classes
    not_counted: pd.DataFrame
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    legend: tuple[BoxItem, ...]
    title: str = ""
    subtitle: str = ""
    #: unit codes marked as mostly reconstructed
    marked: tuple[str, ...] = ()
    #: the model drawn
    model: MapModel | None = None


def _format_value(value: float, classes: Classes) -> str:
    """A unit's value for its label, as the legend writes it: empty for zero or unknown."""
    if value is None or math.isnan(value) or value <= 0:
        return ""
    return classes.format(value)


def draw_frame(geo, model: MapModel, frame: Frame, *, lay, **options) -> Canvas:
    """One frame of a model on the figure (fills, marks, legend, title, notes, captions):
    ``options`` go to :func:`geo.maps.png.canvas.build_figure`. A model with a legend grid (a
    bivariate map) draws its cells as a 3 × 3 grid, the other entries as boxes."""
    small, marked = unit_marks(frame.flags)
    rate = bool(small.any())
    if "grid" in model.extra and "legend_items" not in options:
        legend = grid_cells(model.extra["grid"], model.scale_of(frame).colors)
        in_grid = {c[2] for c in legend[2]}
        options |= {"legend_grid": legend, "legend_items": legend_boxes(
            [e for e in model.legend([frame]) if not (e.mark == "swatch" and e.colour in in_grid)])}
    return build_figure(
        geo, lay=lay, facecolors=model.colors(frame), hatched=small if rate else None,
        marked=marked, title=options.pop("title", frame.title), subtitle=model.subtitle,
        legend_title=options.pop("legend_title", model.legend_title),
        legend_items=options.pop("legend_items", legend_boxes(model.legend([frame]))),
        notes=frame.notes, captions=model.captions, **options)


def render_map(incidents: pd.DataFrame, spec: MapSpec, *, size: Size = "screen",
               format: StillFormat = "png") -> RenderedMap:
    """A choropleth of exactly one view of ``incidents`` (already filtered; ``spec.filters`` only
    describes them), written in ``format``, with what was drawn. Screen is 1600 px wide (100 dpi),
    print 2250 px wide at 300 dpi (7.5 in). Drawn in EPSG:31370 (Belgian Lambert 72), so the scale
    bar is exact. The words, classes and marks are the model's (:func:`geo.maps.model.build.single`)."""
    check_size(size)
    check_format(format, STILL_FORMATS)
    geo = view_geometry(spec.view, spec.level)
    model = build.single(incidents, spec, units=geo.units)
    frame = model.frames[0]
    classes = model.extra["classes"][frame.scale]
    counted = model.extra["counted"][0]
    legend = legend_boxes(model.legend([frame]))
    drawn = draw_frame(geo, model, frame, lay=LAYOUTS[size], legend_items=legend,
                       label_units=(spec.view != "belgium"),
                       label_values=[_format_value(float(v), classes) for v in frame.values])
    return RenderedMap(**write_still(drawn, format, title=frame.title), table=counted.table, classes=classes,
                       not_counted=counted.not_counted, captions=model.captions, notes=frame.notes,
                       legend=tuple(legend), title=frame.title, subtitle=model.subtitle,
                       marked=model.flagged(frame, marks.HATCH), model=model)


def render_model(model: MapModel, *, size: Size = "screen", format: StillFormat = "png", frame: int = 0) -> Rendered:
    """Any map model (hot spots, smoothed rates, two measures: :mod:`geo.stats.maps`) as a still
    file, on its view's geometry: the renderer draws the model, it computes nothing."""
    check_size(size)
    check_format(format, STILL_FORMATS)
    geo = view_geometry(model.view, model.level)
    if tuple(geo.units["code"]) != tuple(model.codes):
        raise ValueError("the model's units are not the geometry's")
    f = model.frames[frame]
    drawn = draw_frame(geo, model, f, lay=LAYOUTS[size], label_units=(model.view != "belgium"))
    return Rendered(**write_still(drawn, format, title=f.title))
