"""Statistical maps as map models (DESIGN.md §8: new map modes are new models, never new
renderers): hot spots (:func:`hotspot_model`), steady rates (:func:`rates_model`) and two measures
on one map (:func:`bivariate_model`). Every renderer of :class:`geo.maps.model.MapModel` draws
them as it draws a choropleth: per unit a palette index, flags and a tooltip; a legend; title,
notes and captions. Each map says its method, weights, permutations, correction and number of
events in its notes (:mod:`geo.stats.describe`).

Palette index 0 is the state most units are in (not significant; no value on a bivariate map),
so a unit that is not listed is drawn right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import i18n
from geo.admin.names import names_of_units
from geo.i18n import _, number
from geo.maps.model import Frame, LegendEntry, MapModel, MapSpec, Scale, marks
from geo.maps.model import choropleth as chor
from geo.maps.model.captions import caption_lines, credits, filters_line, reconstructed_line
from geo.maps.views import view_units
from geo.stats import bivariate, clusters, describe
from geo.stats.hotspots import Hotspots
from geo.stats.rates import Rates, explanation

NO_VALUE_COLOUR = "#ffffff"


def _units(spec: MapSpec, level: str, units: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    return view_units(spec.view, level=level) if units is None else units


def _once(word: Callable[..., str]) -> Callable[..., str]:
    """``word`` remembering what it said, for one model (its language is set): a map repeats a few
    values many times (most units have no incident)."""
    said: dict[tuple, str] = {}

    def again(*args) -> str:
        if args not in said:  # a NaN never matches itself: worded anew each time (never shown as a number)
            said[args] = word(*args)
        return said[args]

    return again


def _aligned(table: pd.DataFrame, codes, column: str, fill=np.nan) -> np.ndarray:
    return table.set_index("code")[column].reindex(list(codes)).fillna(fill).to_numpy()


def _model(kind: str, spec: MapSpec, level: str, units, incidents, scale: Scale, frame: Frame, *,
           legend_title: str, blank_tip: str, extra: dict) -> MapModel:
    names = names_of_units(units, language=i18n.language(), mode=i18n.names_mode())
    return MapModel(
        kind=kind, view=spec.view, level=level, codes=tuple(units["code"]), names=tuple(str(n) for n in names),
        scales={"main": scale}, frames=(frame,), legend_title=legend_title, title=frame.title,
        subtitle=(spec.subtitle or "").strip(), note=(spec.note or "").strip(),
        source=spec.source.strip() if spec.source and spec.source.strip() else credits(),
        filters=filters_line(incidents, spec.filters, spec.all_years),
        captions=tuple(caption_lines(incidents, filters=spec.filters, all_years=spec.all_years,
                                     total_reconstructed=spec.total_reconstructed, note=spec.note,
                                     source=spec.source)),
        blank_tip=blank_tip, extra=extra)


# -- hot spots -------------------------------------------------------------------------------

def hotspot_title(result: Hotspots) -> str:
    method = describe.method_name(result)
    if result.level == "municipality":
        return _("Hot spots of incidents by municipality ({method})").format(method=method)
    return _("Hot spots of incidents by arrondissement ({method})").format(method=method)


def hotspot_scale(result: Hotspots) -> tuple[Scale, dict[str, int]]:
    """The palette (index 0: not significant) and legend (the statistic's classes, then not
    significant; "no neighbour" only where used). Without a test (power guard): one grey
    "not tested" swatch."""
    if not result.tested:
        colours = (clusters.COLOURS["not_significant"], clusters.COLOURS["no_neighbours"])
        entries = (LegendEntry("swatch", colours[0], _("Not tested: too few events")),
                   LegendEntry("swatch", colours[1], clusters.label("no_neighbours")))
        return Scale(colours, entries, (0, 1), frozenset({1})), {"not_significant": 0, "no_neighbours": 1}
    order = ("not_significant",) + tuple(c for c in clusters.classes_of(result.statistic) if c != "not_significant")
    index = {c: i for i, c in enumerate(order)}
    legend = [c for c in clusters.classes_of(result.statistic)]
    entries = tuple(LegendEntry("swatch", clusters.COLOURS[c], clusters.label(c)) for c in legend)
    return (Scale(tuple(clusters.COLOURS[c] for c in order), entries, tuple(index[c] for c in legend),
                  frozenset({index["no_neighbours"]})), index)


def _hotspot_tip(row, result: Hotspots, count: str, num: Callable[[float, int], str] = number) -> str:
    """The count, the rate tested, z, p and q, and the class; for a unit without incidents that is
    not significant, only its count, as the map's blank tooltip says (its colour says the rest; its
    z, p and q are in the CSV of ``python -m geo hotspots``): a map's update lists only the units
    that differ from a blank one, so a hot-spot update is about as small as a metric change's, not
    one row for each of 581 units."""
    if row.count == 0 and row.cluster == "not_significant":
        return count
    lines = [count]
    if result.metric == "per_100k" and row.count > 0:
        lines.append(_("Per 100,000 residents: {rate}").format(rate=num(row.value, 2)))
    if result.tested and row.p_value == row.p_value:
        lines.append(_("z: {z}; p-value: {p}; q-value (FDR): {q}").format(
            z=num(row.z, 2), p=num(row.p_value, 3), q=num(row.q_fdr, 3)))
    if result.tested:
        lines.append(clusters.label(row.cluster))
    return "\n".join(lines)


def hotspot_model(result: Hotspots, incidents: pd.DataFrame, spec: MapSpec | None = None, *,
                  units: gpd.GeoDataFrame | None = None) -> MapModel:
    """The map of a hot-spot result (``incidents``: the rows it was computed from; ``spec``: the
    view, words and filters; its metric and classes are not used)."""
    spec = spec or MapSpec(level=result.level)
    with i18n.using(spec.language or i18n.language(), names=spec.names):
        units = _units(spec, result.level, units)
        codes = list(units["code"])
        table = result.table.set_index("code").reindex(codes).reset_index()
        scale, index = hotspot_scale(result)
        classes = np.array([index.get(c, 0) for c in table["cluster"].fillna("not_significant")], dtype=np.int64)
        counts = table["count"].fillna(0).to_numpy(np.int64)
        recon = chor.reconstructed_counts(incidents, level=result.level, unit=result.unit, units=units)
        flags = marks.flags_of(counts, recon, rate=(result.metric == "per_100k"))
        count_text, num = _once(chor.count_text), _once(number)
        tips = tuple(_hotspot_tip(row, result, count_text(int(row.count), result.unit), num)
                     for row in table.fillna({"count": 0}).itertuples())
        title = spec.title.strip() if spec.title and spec.title.strip() else hotspot_title(result)
        frame = Frame(key="hotspots", label=title, title=title, classes=classes, flags=flags, tips=tips,
                      values=table["z"].to_numpy(float), counts=counts, reconstructed=recon,
                      notes=tuple(describe.lines(result)), provenance=reconstructed_line(incidents, spec.total_reconstructed),
                      total=chor.count_text(result.events, result.unit))
        return _model("categorical", spec, result.level, units, incidents, scale, frame,
                      legend_title=describe.method_name(result), blank_tip=chor.count_text(0, result.unit),
                      extra={"hotspots": result, "class_of": dict(index)})


# -- steady rates ----------------------------------------------------------------------------

def rates_model(rates: Rates, incidents: pd.DataFrame, spec: MapSpec | None = None, *,
                units: gpd.GeoDataFrame | None = None, spatial: bool = False) -> MapModel:
    """The empirical Bayes rates of ``rates`` as a choropleth (``spatial``: the spatial
    smoother's), classed as ``spec`` asks; the raw rate is in every tooltip and units whose rate
    rests on fewer than ``vocab.SMALL_COUNT`` incidents keep their dashed outline."""
    spec = (spec or MapSpec(level=rates.level)).with_(metric="per_100k")
    column = "spatial_eb_per_100k" if spatial else "eb_per_100k"
    with i18n.using(spec.language or i18n.language(), names=spec.names):
        units = _units(spec, rates.level, units)
        codes = list(units["code"])
        smoothed = _aligned(rates.table, codes, column)
        raw = _aligned(rates.table, codes, "per_100k")
        counts = _aligned(rates.table, codes, "count", 0).astype(np.int64)
        recon = chor.reconstructed_counts(incidents, level=rates.level, unit=rates.unit, units=units)
        classes = spec.classify(smoothed[~np.isnan(smoothed)].tolist())
        title = spec.title.strip() if spec.title and spec.title.strip() else (
            _("Smoothed incidents per 100,000 residents by municipality") if rates.level == "municipality"
            else _("Smoothed incidents per 100,000 residents by arrondissement"))
        tips = []
        count_text, num = _once(chor.count_text), _once(number)
        for c, s, r, rc in zip(counts, smoothed, raw, recon):
            lines = [count_text(int(c), rates.unit),
                     _("Smoothed rate: {rate} per 100,000").format(rate=num(s, 2)) if s == s else chor.no_data_label(),
                     _("Raw rate: {rate} per 100,000").format(rate=num(r, 2)) if r == r else chor.no_data_label()]
            if rc:
                lines.append(_("of which reconstructed records: {n}").format(n=number(int(rc))))
            tips.append("\n".join(lines))
        notes = (explanation(spatial),
                 _("National rate: {rate} per 100,000 residents.").format(rate=number(rates.national_per_100k, 2)),
                 _("A unit without incidents is not shown as 0: the fewer residents it has, the closer its "
                   "smoothed rate stays to the national one, since its zero says little."),
                 *describe.not_counted_lines(len(rates.not_counted)))
        frame = Frame(key="rates", label=title, title=title, classes=chor.class_indices(classes, smoothed),
                      flags=marks.flags_of(counts, recon, rate=True), tips=tuple(tips), values=smoothed,
                      counts=counts, reconstructed=recon, notes=notes,
                      provenance=reconstructed_line(incidents, spec.total_reconstructed),
                      total=chor.count_text(rates.events, rates.unit))
        scale = chor.choropleth_scale(classes)
        scale = replace(scale, optional=scale.optional | {0})  # smoothed rates are never 0 but in a quiet area
        return _model("choropleth", spec, rates.level, units, incidents, scale, frame,
                      legend_title=_("Smoothed incidents per 100,000 residents"),
                      blank_tip=chor.count_text(0, rates.unit), extra={"classes": {"main": classes}, "rates": rates})


# -- two measures ----------------------------------------------------------------------------

def bivariate_scale(result: bivariate.Bivariate) -> Scale:
    """Index 0: no value (listed when used); 1–9: the cells in :data:`bivariate.CELLS` order."""
    colours = (NO_VALUE_COLOUR, *(bivariate.PALETTE[c] for c in bivariate.CELLS))
    entries = (*(LegendEntry("swatch", e["colour"], e["words"]) for e in result.legend()),
               LegendEntry("swatch", NO_VALUE_COLOUR, _("No value for one of the two measures")))
    return Scale(colours, entries, (*range(1, 10), 0), frozenset({0}))


def legend_grid(result: bivariate.Bivariate) -> dict:
    """The legend as a 3 × 3 grid (what the renderers draw in place of nine swatches): the axes'
    words (``x``: across, ``y``: up) and per cell ``[x class, y class, palette index, words]``
    (palette index as in :func:`bivariate_scale`)."""
    return {"x": result.x_label, "y": result.y_label,
            "cells": [[x, y, i + 1, bivariate.cell_words(x, y, result.x_label, result.y_label)]
                      for i, (x, y) in enumerate(bivariate.CELLS)]}


def axis_note(label: str, axis: bivariate.Axis) -> str:
    if axis.rule == "zero_then_halves":
        return _("{label}: low is 0; above 0, split at the median into medium and high.").format(label=label)
    return _("{label}: thirds of the units (terciles), ties in the lower class.").format(label=label)


def bivariate_model(result: bivariate.Bivariate, incidents: pd.DataFrame, spec: MapSpec | None = None, *,
                    units: gpd.GeoDataFrame | None = None, level: str = "municipality",
                    notes: tuple[str, ...] = ()) -> MapModel:
    """Two measures on one map: each unit in one of nine cells (:mod:`geo.stats.bivariate`)."""
    spec = spec or MapSpec(level=level)
    with i18n.using(spec.language or i18n.language(), names=spec.names):
        units = _units(spec, level, units)
        codes = list(units["code"])
        index = _aligned(result.table, codes, "index", -1).astype(np.int64) + 1  # -1 (no class) → 0
        xs, ys = _aligned(result.table, codes, "x"), _aligned(result.table, codes, "y")
        cells = _aligned(result.table, codes, "cell", "")
        tips = []
        num = _once(number)
        for x, y, cell in zip(xs, ys, cells):
            lines = [_("{label}: {value}").format(label=result.axis_title(result.x_label),
                                                  value=num(x, 2) if x == x else "–"),
                     _("{label}: {value}").format(label=result.axis_title(result.y_label),
                                                  value=num(y, 2) if y == y else "–")]
            if cell:
                cx, cy = (int(v) for v in cell.split("-"))
                lines.append(bivariate.cell_words(cx, cy, result.x_label, result.y_label))
            tips.append("\n".join(lines))
        title = spec.title.strip() if spec.title and spec.title.strip() else result.heading()
        frame = Frame(key="bivariate", label=title, title=title, classes=index,
                      flags=np.zeros(len(codes), dtype=np.int64), tips=tuple(tips), values=xs,
                      notes=(axis_note(result.x_label, result.x_axis), axis_note(result.y_label, result.y_axis),
                             *notes),
                      provenance=reconstructed_line(incidents, spec.total_reconstructed))
        return _model("categorical", spec, level, units, incidents, bivariate_scale(result), frame,
                      legend_title=result.heading(),
                      blank_tip="", extra={"bivariate": result, "grid": legend_grid(result),
                                           "scatter": result.scatter()})


def measure_model(result: bivariate.Bivariate, incidents: pd.DataFrame, spec: MapSpec | None = None, *,
                  axis: str = "x", units: gpd.GeoDataFrame | None = None, level: str = "municipality") -> MapModel:
    """One of a bivariate result's two measures (``axis`` "x" or "y") as a choropleth, for the two
    maps side by side; a unit without a figure is "no figure", not 0."""
    spec = (spec or MapSpec(level=level)).with_(metric="per_100k")
    label = result.x_label if axis == "x" else result.y_label
    with i18n.using(spec.language or i18n.language(), names=spec.names):
        units = _units(spec, level, units)
        values = _aligned(result.table, list(units["code"]), axis)
        classes = spec.classify(values[~np.isnan(values)].tolist())
        heading = result.axis_title(label)
        tips = tuple(_("{label}: {value}").format(label=heading, value=number(v, 2)) if v == v else _("No figure")
                     for v in values)
        frame = Frame(key=axis, label=heading, title=heading, classes=chor.class_indices(classes, values),
                      flags=np.zeros(len(values), dtype=np.int64), tips=tips, values=values,
                      provenance=reconstructed_line(incidents, spec.total_reconstructed))
        scale = chor.choropleth_scale(classes)
        scale = replace(scale, entries=(LegendEntry("swatch", scale.colors[0], number(0)), *scale.entries[1:-1],
                                        LegendEntry("swatch", scale.colors[-1], _("No figure"))),
                        optional=scale.optional | {0})  # 0 of either measure, listed where a unit has it
        return _model("choropleth", spec, level, units, incidents, scale, frame, legend_title=heading,
                      blank_tip="", extra={"classes": {"main": classes}})
