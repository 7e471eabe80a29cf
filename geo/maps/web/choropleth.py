"""What a choropleth update sends to the browser: the values of each unit, never its geometry.

The geometry of a view and level is a static file (:mod:`geo.maps.web.assets`) whose features
are in the same order as the units frame; an update lists, per frame, only the units whose values
differ from the previous frame (the first frame: from "no incident"), each as
``[unit index, class index, count, flags, reconstructed count]``. Class 0 is "no incident"; the
palette's last colour is "no data". Flags: 1 = a rate from fewer than 3 incidents (not
reliable), 2 = most of the unit's count is reconstructed records. Counts per value come with
their text (plural forms are the catalog's, not the browser's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import vocab
from geo.i18n import _, clauses, ngettext, number
from geo.incidents.aggregate import Counted
from geo.maps.classify import NO_DATA_COLOR, ZERO_COLOR, Classes

SMALL, MOSTLY_RECONSTRUCTED = 1, 2
Row = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class FrameValues:
    """One state of a choropleth: counts per unit code (every unit of the view in ``order``), the
    reconstructed part of each count, and the value that picks the class (count or rate)."""

    counts: np.ndarray
    reconstructed: np.ndarray
    values: np.ndarray


def palette(classes: Classes) -> list[str]:
    """Class colours: "no incident" first, then the classes, then "no data"."""
    return [ZERO_COLOR, *classes.colors, NO_DATA_COLOR]


def class_indices(classes: Classes, values: np.ndarray) -> np.ndarray:
    """The palette index of each value (see :func:`palette`): :meth:`Classes.index_of` + 1, and
    the last index for no data."""
    no_data = len(classes.colors) + 1

    def one(v: float) -> int:
        i = classes.index_of(v)
        return no_data if i is None else i + 1

    return np.fromiter((one(float(v)) for v in values), dtype=np.int64, count=len(values))


def frame_values(counts: np.ndarray, reconstructed: np.ndarray, population: np.ndarray, metric: str) -> FrameValues:
    counts = np.asarray(counts, dtype=np.int64)
    if metric == "per_100k":
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(population > 0, counts / population * 1e5, np.nan)
    else:
        values = counts.astype(float)
    return FrameValues(counts, np.asarray(reconstructed, dtype=np.int64), values)


def rows_of(frame: FrameValues, classes: Classes, metric: str) -> list[Row]:
    """The full state of a frame: every unit that is not "no incident" with no flag."""
    k = class_indices(classes, frame.values)
    flags = np.zeros(len(k), dtype=np.int64)
    if metric == "per_100k":
        flags |= np.where((frame.counts > 0) & (frame.counts < vocab.SMALL_COUNT), SMALL, 0)
    flags |= np.where(frame.reconstructed * 2 > frame.counts, MOSTLY_RECONSTRUCTED, 0)
    keep = np.flatnonzero((k != 0) | (frame.counts != 0) | (flags != 0))
    return [(int(i), int(k[i]), int(frame.counts[i]), int(flags[i]), int(frame.reconstructed[i])) for i in keep]


def deltas(frames: Sequence[list[Row]]) -> list[list[Row]]:
    """Each frame as the rows that differ from the frame before (a unit that went back to "no
    incident" is listed with zeros)."""
    out, before = [], {}
    for rows in frames:
        now = {r[0]: r for r in rows}
        changed = [r for i, r in now.items() if before.get(i) != r]
        changed += [(i, 0, 0, 0, 0) for i in before if i not in now]
        out.append(sorted(changed))
        before = now
    return out


def count_texts(counts: Sequence[int], unit: str, metric: str = "count") -> dict[str, str]:
    """The tooltip's count line for each count shown (0 included): incident sites or events, or
    people killed or injured for those metrics."""
    out = {}
    for n in sorted({0, *(int(c) for c in counts)}):
        if metric == "killed":
            out[str(n)] = ngettext("{n} person killed", "{n} people killed", n).format(n=number(n))
        elif metric == "injured":
            out[str(n)] = ngettext("{n} person injured", "{n} people injured", n).format(n=number(n))
        elif unit == "events":
            out[str(n)] = ngettext("{n} event", "{n} events", n).format(n=number(n))
        else:
            out[str(n)] = ngettext("{n} incident site", "{n} incident sites", n).format(n=number(n))
    return out


def tooltip_texts(counts: Sequence[int], unit: str, metric: str = "count") -> dict:
    return {
        "counts": count_texts(counts, unit, metric),
        "count": _("{n} incident sites"),
        "rate": _("Per 100,000 residents: {rate}"),
        "small": _("(fewer than 3 incidents: not reliable)"),
        "recon": _("of which reconstructed records: {n}"),
    }


def legend(classes: Classes, frames: Sequence[list[Row]], *, title: str, metric: str,
           notes: Sequence[str] = ()) -> dict:
    """The legend the map draws under itself: class swatches, and the hatch and dash keys when a
    frame uses them."""
    items = [["swatch", colour, label] for colour, label in classes.legend()]
    if metric in vocab.PEOPLE_COUNTS and items:  # a unit with incidents may count 0 people
        items[0][2] = _("0 (none recorded)")
    flags = 0
    for rows in frames:
        for r in rows:
            flags |= r[3]
    out_notes = list(notes)
    if flags & MOSTLY_RECONSTRUCTED:
        items.append(["hatch", "", _("Hatched: most of the count is reconstructed records")])
    if metric == "per_100k" and flags & SMALL:
        items.append(["dashed", "", _("Dashed outline: fewer than {n} incidents, the rate is not reliable").format(n=vocab.SMALL_COUNT)])
    return {"title": title, "items": items, "notes": out_notes}


def counts_by_code(counted: Counted, order: Sequence[str]) -> np.ndarray:
    series = counted.table.set_index("code")["count"]
    return series.reindex(list(order)).fillna(0).to_numpy(dtype=np.int64)


def wide_frames(wide: pd.DataFrame, order: Sequence[str], periods: Sequence[str], *, cumulative: bool) -> np.ndarray:
    """A (periods × units) array of counts from ``count_by_unit_and_period``'s table (units by
    rows, periods by columns; cumulative tables carry a count into periods with no column)."""
    if wide is None or wide.empty:
        return np.zeros((len(periods), len(order)), dtype=np.int64)
    table = wide.reindex(index=list(order), columns=list(periods))
    table = table.ffill(axis=1) if cumulative else table
    return table.fillna(0).to_numpy(dtype=np.int64).T


def summary(codes: Sequence[str], counts: Sequence[int], names: Mapping[str, str], *, missing: int = 0,
            top: int = 3) -> str:
    """A short text beside the map: the largest counts and what the map does not show."""
    ranked = sorted(((int(n), c) for c, n in zip(codes, counts) if n > 0), key=lambda t: (-t[0], t[1]))
    if not ranked:
        text = _("No incident on this map.")
    else:
        parts = [_("{name}: {n}").format(name=names.get(c, c), n=number(n)) for n, c in ranked[:top]]
        text = _("Largest counts: {list}.").format(list=clauses(parts))
        text += " " + ngettext("{n} unit on this map has at least one.", "{n} units on this map have at least one.",
                               len(ranked)).format(n=number(len(ranked)))
    if missing:
        text += " " + ngettext("Not shown: {n} site known only to a larger area or not located.",
                               "Not shown: {n} sites known only to a larger area or not located.",
                               missing).format(n=number(missing))
    return text


def payload(*, frames: Sequence[FrameValues], classes: Classes, metric: str, unit: str, title: str,
            notes: Sequence[str] = (), periods: Sequence[str] | None = None, index: int = 0,
            player_texts: Mapping[str, str] | None = None, interval_ms: int = 800) -> dict:
    """The data of a choropleth update (geometry, assets and the selection are added by the
    caller). With ``periods``, one frame per period and a player over them."""
    full = [rows_of(f, classes, metric) for f in frames]
    counts = {r[2] for rows in full for r in rows}
    data = {
        "kind": "choropleth",
        "palette": palette(classes),
        "frames": deltas(full),
        "index": int(index),
        "texts": tooltip_texts(sorted(counts), unit, metric),
        "legend": legend(classes, full, title=title, metric=metric, notes=notes),
    }
    if periods is not None:
        data["player"] = {"periods": list(periods), "interval_ms": int(interval_ms), "texts": dict(player_texts or {})}
    return data
