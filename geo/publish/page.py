"""What the published page shows, computed once in Python: the units (a light web copy of the
view's geometry, with names as readers know them), each period's class per unit and tooltip
text, the legend (one set of classes for every year, another for all years together), the notes
and provenance line of each period, the title and the credits.

The browser only looks these up: it computes nothing, so the page and the exports can never
disagree about a count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from shapely.geometry import mapping

from geo import i18n, vocab
from geo.admin.boundaries import Level
from geo.admin.names import names_of_units
from geo.i18n import _, ngettext, number
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps.classify import DEFAULT_PALETTE, NO_DATA_COLOR, ZERO_COLOR, Classes, classify
from geo.maps.png.captions import (
    Metric,
    credits,
    default_subtitle,
    default_title,
    filters_line,
    frame_notes,
    metric_label,
    reconstructed_line,
    shown_years,
    years_text,
)
from geo.maps.views import ViewName, view_extent, view_units

#: The period that holds every year of the page.
ALL = "all"


@dataclass(frozen=True)
class PageData:
    """Everything the page needs, as plain values (turned into JSON for ``data.js``)."""

    title: str
    subtitle: str
    legend_title: str
    source: str
    note: str
    filters: str
    periods: list[str]
    period_labels: dict[str, str]
    classes: dict[str, dict]
    values: dict[str, list[int | None]]
    #: per unit: 1 = mostly reconstructed records (hatched), 2 = a rate from fewer than
    #: vocab.SMALL_COUNT incidents (dashed outline)
    flags: dict[str, list[int]]
    tooltips: dict[str, list[str]]
    notes: dict[str, list[str]]
    provenance: dict[str, str]
    units: dict
    bounds: list[list[float]]
    counts: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "title": self.title, "subtitle": self.subtitle, "legendTitle": self.legend_title,
            "source": self.source, "note": self.note, "filters": self.filters, "periods": self.periods,
            "periodLabels": self.period_labels, "classes": self.classes, "values": self.values, "flags": self.flags,
            "tooltips": self.tooltips, "notes": self.notes, "provenance": self.provenance,
            "units": self.units, "bounds": self.bounds, "counts": self.counts,
            "words": {"mostly": _("Hatched: more than half of the count is reconstructed records"),
                      "small": _("Dashed outline: fewer than {n} incidents, the rate is not reliable").format(
                          n=vocab.SMALL_COUNT)},
        }


def _classes_json(classes: Classes, *, same_for: str) -> dict:
    return {"colors": list(classes.colors), "labels": list(classes.labels),
            "zero": [ZERO_COLOR, classes.zero_label], "noData": [NO_DATA_COLOR, _("no population figure")],
            "same": same_for}


def _value_text(count: int, rate: float, small: bool, metric: Metric, unit: str, classes: Classes) -> str:
    what = (ngettext("{n} event", "{n} events", count) if unit == "events"
            else ngettext("{n} incident site", "{n} incident sites", count)).format(n=number(count))
    if metric != "per_100k":
        return what
    if rate != rate:  # NaN: no population figure
        return what + " · " + _("no population figure")
    text = what + " · " + _("{rate} per 100,000 residents").format(rate=classes.format(rate))
    if small:
        text += " " + _("(fewer than {n} incidents: rate unreliable)").format(n=vocab.SMALL_COUNT)
    return text


def _units_geojson(units, names: pd.Series) -> dict:
    """The units (a web copy: simplified, coordinates already rounded) as GeoJSON."""
    features = [{"type": "Feature", "properties": {"code": str(code), "name": str(name)}, "geometry": mapping(geom)}
                for code, geom, name in zip(units["code"], units.geometry, names)]
    return {"type": "FeatureCollection", "features": features}


def page_data(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    metric: Metric = "count",
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    all_years: tuple[int, int] | None = None,
    total_reconstructed: int | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    note: str | None = None,
    source: str | None = None,
    scheme: str = "FisherJenks",
    k: int = 5,
    palette: str = DEFAULT_PALETTE,
    breaks: tuple[float, ...] | None = None,
    language: str | None = None,
) -> PageData:
    """The page's data for ``incidents`` (already filtered; ``filters`` only describes them):
    the periods "all" and every year of the filters' years (empty ones included). Words are in the
    current language; unit names in ``language`` (default: the current one), named the current way
    (:func:`geo.i18n.names_mode`)."""
    if metric not in ("count", "per_100k"):
        raise ValueError(f"metric must be 'count' or 'per_100k', not {metric!r}")
    units = view_units(view, level=level, web=True)
    years = shown_years(incidents, filters, all_years)
    if not years:
        raise ValueError(_("No incident to publish"))
    periods = [ALL] + [str(y) for y in range(years[0], years[1] + 1)]
    rows_of = {ALL: incidents}
    rows_of.update({p: incidents[incidents["year"] == int(p)] for p in periods[1:]})
    counted = {p: aggregate.count_by_unit(rows, level=level, unit=unit, units_frame=units)
               for p, rows in rows_of.items()}
    column = "per_100k" if metric == "per_100k" else "count"
    integer = metric == "count"
    yearly = np.concatenate([counted[p].table[column].to_numpy(float) for p in periods[1:]])
    every = classify(yearly.tolist(), k=k, scheme=scheme, integer=integer, palette=palette, breaks=breaks)
    whole = classify(counted[ALL].table[column].astype(float).tolist(), k=k, scheme=scheme, integer=integer,
                     palette=palette, breaks=breaks)
    classes_of = {p: (whole if p == ALL else every) for p in periods}

    values, flags, tooltips, notes, provenance, counts = {}, {}, {}, {}, {}, {}
    recon_total = total_reconstructed
    for p in periods:
        table, cls = counted[p].table, classes_of[p]
        recon = rows_of[p][rows_of[p]["provenance"] == "reconstructed"]
        recon_counts = (aggregate.count_by_unit(recon, level=level, unit=unit, units_frame=units).table["count"]
                        if len(recon) else pd.Series(0, index=table.index))
        vals, marks, tips = [], [], []
        for count, rate, small, rc in zip(table["count"], table["per_100k"], table["small"], recon_counts):
            v = float(rate) if metric == "per_100k" else float(count)
            vals.append(cls.index_of(None if math.isnan(v) else v))
            marks.append(int(count > 0 and rc * 2 > count) + 2 * int(metric == "per_100k" and bool(small)))
            tips.append(_value_text(int(count), float(rate), bool(small), metric, unit, cls))
        values[p], flags[p], tooltips[p] = vals, marks, tips
        notes[p] = frame_notes(rows_of[p], view, level, unit, units, counted[p])
        line = reconstructed_line(rows_of[p], recon_total if p == ALL else None)
        provenance[p] = line if p == ALL else _("{year}: {line}").format(year=p, line=line)
        n = len(rows_of[p]) if unit == "sites" else int(rows_of[p]["event_id"].nunique())
        counts[p] = (ngettext("{n} event", "{n} events", n) if unit == "events"
                     else ngettext("{n} incident site", "{n} incident sites", n)).format(n=number(n))
    label = metric_label(metric, level, unit)
    minx, miny, maxx, maxy = view_extent(view)
    return PageData(
        title=title.strip() if title and title.strip() else default_title(view, level, metric, unit, years=years),
        subtitle=default_subtitle(filters) if subtitle is None else subtitle.strip(),
        legend_title=label,
        source=source.strip() if source and source.strip() else credits(),
        note=(note or "").strip(),
        filters=filters_line(incidents, filters, all_years),
        periods=periods,
        period_labels={ALL: _("All years ({years})").format(years=years_text(years)),
                       **{p: p for p in periods[1:]}},
        classes={ALL: _classes_json(whole, same_for=""),
                 "year": _classes_json(every, same_for=_("Same classes for every year"))},
        values=values, flags=flags, tooltips=tooltips, notes=notes, provenance=provenance, counts=counts,
        units=_units_geojson(units, names_of_units(units, language=language or i18n.language(),
                                                   mode=i18n.names_mode())),
        bounds=[[miny, minx], [maxy, maxx]],
    )
