"""Choropleth models from counts: the palette and legend of a set of classes, each unit's class,
flags and tooltip, and whole models built from the incident rows of one or more frames (a single
map, the years of the published page, the panels of a grid, the periods of an animation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.i18n import _, ngettext, number
from geo.incidents import aggregate
from geo.incidents.aggregate import Counted
from geo.maps.classify import NO_DATA_COLOR, ZERO_COLOR, Classes
from geo.maps.model import marks
from geo.maps.model.model import Frame, LegendEntry, Scale

RATE = "per_100k"


def no_data_label() -> str:
    return _("no population figure")


def choropleth_scale(classes: Classes, *, note: str = "", people: bool = False) -> Scale:
    """Palette index 0 is "no incident", 1… the classes, the last "no data" (listed when used)."""
    colors = (ZERO_COLOR, *classes.colors, NO_DATA_COLOR)
    zero = _("0 (none recorded)") if people else classes.zero_label
    labels = (zero, *classes.labels, no_data_label())
    entries = tuple(LegendEntry("swatch", c, lab) for c, lab in zip(colors, labels))
    return Scale(colors, entries, tuple(range(len(colors))), frozenset({len(colors) - 1}), note)


def class_indices(classes: Classes, values) -> np.ndarray:
    """The palette index of each value (see :func:`choropleth_scale`)."""
    no_data = len(classes.colors) + 1

    def one(v: float) -> int:
        i = classes.index_of(v)
        return no_data if i is None else i + 1

    return np.fromiter((one(float(v)) for v in values), dtype=np.int64, count=len(values))


def count_text(n: int, unit: str, metric: str = "count") -> str:
    """"3 incident sites", "1 event", "2 people killed"."""
    if metric == "killed":
        return ngettext("{n} person killed", "{n} people killed", n).format(n=number(n))
    if metric == "injured":
        return ngettext("{n} person injured", "{n} people injured", n).format(n=number(n))
    if unit == "events":
        return ngettext("{n} event", "{n} events", n).format(n=number(n))
    return ngettext("{n} incident site", "{n} incident sites", n).format(n=number(n))


def tip(count: int, rate: float, recon: int, *, metric: str, unit: str, classes: Classes) -> str:
    """A unit's tooltip after its name: the count, the rate (as the legend writes it where the map
    shows rates), the reconstructed part. The marks' words are added where the marks are."""
    lines = [count_text(count, unit, metric)]
    if rate == rate and count > 0:  # NaN: no population figure
        shown = classes.format(rate) if metric == RATE else number(rate, 2)
        lines.append(_("Per 100,000 residents: {rate}").format(rate=shown))
    elif metric == RATE and rate != rate:
        lines.append(no_data_label())
    if recon:
        lines.append(_("of which reconstructed records: {n}").format(n=number(recon)))
    return "\n".join(lines)


def values_of(counted: Counted, metric: str) -> np.ndarray:
    """The value that picks a unit's class: its rate or its count."""
    return counted.table[RATE if metric == RATE else "count"].to_numpy(float)


def frame_of(key: str, counted: Counted, reconstructed, classes: Classes, *, metric: str, unit: str,
             **words) -> Frame:
    """One frame from a count table (units in the model's order) and each unit's reconstructed
    part; ``words``: title, label, scale, notes, provenance, total (see :func:`frame_from`)."""
    table = counted.table
    counts = table["count"].to_numpy(np.int64)
    incidents = table["incidents"].to_numpy(np.int64) if "incidents" in table else counts
    return frame_from(key, counts, reconstructed, table[RATE].to_numpy(float), classes, metric=metric, unit=unit,
                      incidents=incidents, **words)


def frame_from(key: str, counts, reconstructed, rates, classes: Classes, *, metric: str, unit: str,
               incidents=None, title: str = "", label: str = "", scale: str = "main", notes: Sequence[str] = (),
               provenance: str = "", total: str = "") -> Frame:
    """One frame from per-unit arrays: counts, reconstructed counts, rates per 100,000 (NaN: no
    population figure) and, for rates of summed people, the incidents behind each count."""
    counts = np.asarray(counts, dtype=np.int64)
    recon = np.asarray(reconstructed, dtype=np.int64)
    rates = np.asarray(rates, dtype=float)
    values = rates if metric == RATE else counts.astype(float)
    flags = marks.flags_of(counts, recon, rate=(metric == RATE), incidents=incidents)
    said: dict[tuple[int, float, int], str] = {}  # most units share a few (count, rate, reconstructed)

    def tip_of(c: int, r: float, rc: int) -> str:
        if (c, r, rc) not in said:  # a NaN rate never matches: such a unit is worded anew
            said[c, r, rc] = tip(c, r, rc, metric=metric, unit=unit, classes=classes)
        return said[c, r, rc]

    tips = tuple(tip_of(int(c), float(r), int(rc)) for c, r, rc in zip(counts, rates, recon))
    return Frame(key=key, label=label or key, title=title, classes=class_indices(classes, values), flags=flags,
                 tips=tips, scale=scale, values=values, counts=counts, reconstructed=recon, notes=tuple(notes),
                 provenance=provenance, total=total)


def rates_of(counts, population) -> np.ndarray:
    """Counts per 100,000 residents (NaN where no population figure)."""
    population = np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(population > 0, np.asarray(counts, dtype=float) / population * 1e5, np.nan)


def reconstructed_counts(rows: pd.DataFrame, *, level: str, unit: str, units) -> np.ndarray:
    """Each unit's count of reconstructed records (units in ``units``' order)."""
    recon = rows[rows["provenance"] == "reconstructed"]
    if not len(recon):
        return np.zeros(len(units), dtype=np.int64)
    return aggregate.unit_counts(recon, units["code"].to_numpy(), level=level, unit=unit)


def total_text(rows: pd.DataFrame, unit: str) -> str:
    """"23 incident sites" (or events) in a frame's rows."""
    n = len(rows) if unit == "sites" else int(rows["event_id"].nunique())
    return count_text(n, unit)


@dataclass(frozen=True)
class Part:
    """The rows of one frame: its key, label, the years its default title names, its scale."""

    key: str
    rows: pd.DataFrame
    label: str = ""
    years: tuple[int, int] | None = None
    scale: str = "main"
    #: the provenance line says how many reconstructed records the filters left out (the whole map)
    whole: bool = True
