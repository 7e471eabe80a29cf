"""The static choropleth: one view's units coloured by their counts or rates, with the web maps'
classes and colours (:func:`geo.maps.classify.classify`: a scheme or your own breaks, a
ColorBrewer palette), unreliable rates with a dashed outline, diagonal lines on units whose count is mostly
reconstructed records, unit labels in city views, the title, subtitle, note and source line a
person may write, and the honesty lines (DESIGN.md §4). PNG, SVG or PDF."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from geo.admin.boundaries import Level
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps.classify import DEFAULT_PALETTE, Classes, classify  # the same classes as the web maps
from geo.maps.png.canvas import BoxItem, build_figure, class_legend
from geo.maps.png.captions import (
    Metric,
    caption_lines,
    default_subtitle,
    default_title,
    frame_notes,
    metric_label,
    shown_years,
)
from geo.maps.png.geometry import view_geometry
from geo.maps.png.layout import LAYOUTS, Size, check_size
from geo.maps.png.output import STILL_FORMATS, Rendered, StillFormat, check_format, write_still
from geo.maps.views import ViewName


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


def mostly_reconstructed(incidents: pd.DataFrame, counted: aggregate.Counted, *, level: Level,
                         unit: aggregate.Unit, units_frame) -> pd.Series:
    """Per unit of ``counted.table`` (same order): more than half of its count is reconstructed
    records."""
    recon = incidents[incidents["provenance"] == "reconstructed"]
    if not len(recon):
        return pd.Series(False, index=counted.table.index)
    part = aggregate.count_by_unit(recon, level=level, unit=unit, units_frame=units_frame).table
    share = counted.table["code"].map(part.set_index("code")["count"]).fillna(0)
    return (counted.table["count"] > 0) & (share * 2 > counted.table["count"])


def _value_column(metric: Metric) -> str:
    if metric not in ("count", "per_100k"):
        raise ValueError(f"metric must be 'count' or 'per_100k', not {metric!r}")
    return metric


def _format_value(value: float, classes: Classes) -> str:
    """A unit's value for its label, as the legend writes it: empty for zero or unknown."""
    if value is None or math.isnan(value) or value <= 0:
        return ""
    return classes.format(value)


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
    format: StillFormat = "png",
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
    subtitle: str | None = None,
    note: str | None = None,
    source: str | None = None,
    palette: str = DEFAULT_PALETTE,
    breaks: tuple[float, ...] | None = None,
) -> RenderedMap:
    """A choropleth of exactly one view of ``incidents`` (already filtered; ``filters`` only
    describes them), written in ``format``, with what was drawn. Screen is 1600 px wide (100 dpi),
    print 2250 px wide at 300 dpi (7.5 in). Drawn in EPSG:31370 (Belgian Lambert 72), so the scale
    bar is exact. ``title``/``subtitle`` default to the view, metric and years / the other
    filters; ``note`` is added under the map; ``source`` replaces the credits line."""
    check_size(size)
    check_format(format, STILL_FORMATS)
    column = _value_column(metric)
    geo = view_geometry(view, level)
    lay = LAYOUTS[size]
    counted = aggregate.count_by_unit(incidents, level=level, unit=unit, units_frame=geo.units)
    table = counted.table
    values = table[column].astype(float)
    classes = classify(values.tolist(), k=k, scheme=scheme, integer=(metric == "count"), palette=palette,
                       breaks=breaks)
    facecolors = [classes.color_of(None if math.isnan(v) else v) for v in values]
    hatched = (table["small"].to_numpy(bool) if metric == "per_100k" else None)
    marked = mostly_reconstructed(incidents, counted, level=level, unit=unit, units_frame=geo.units)
    notes = frame_notes(incidents, view, level, unit, geo.units, counted)
    captions = caption_lines(incidents, filters=filters, all_years=all_years,
                             total_reconstructed=total_reconstructed, note=note, source=source)
    legend = class_legend(classes, hatch_note=bool(hatched is not None and hatched.any()),
                          has_nan=bool(values.isna().any()), marked_note=bool(marked.any()))
    years = shown_years(incidents, filters, all_years)
    title = title if title and title.strip() else default_title(view, level, metric, unit, years=years)
    subtitle = default_subtitle(filters) if subtitle is None else subtitle.strip()
    drawn = build_figure(
        geo, lay=lay, facecolors=facecolors, hatched=hatched, marked=marked.to_numpy(bool),
        title=title, subtitle=subtitle,
        legend_title=metric_label(metric, level, unit), legend_items=legend,
        notes=notes, captions=captions, label_units=(view != "belgium"),
        label_values=[_format_value(v, classes) for v in values],
    )
    return RenderedMap(**write_still(drawn, format, title=title), table=table, classes=classes,
                       not_counted=counted.not_counted, captions=tuple(captions), notes=tuple(notes),
                       legend=tuple(legend), title=title, subtitle=subtitle,
                       marked=tuple(table.loc[marked.to_numpy(bool), "code"]))
