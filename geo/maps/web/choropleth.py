"""What a choropleth update sends to the browser: the map model's JSON (:mod:`geo.maps.model`:
each frame's class, flags and tooltip per unit, the legend and its words), never the geometry.

The geometry of a view and level is a static file (:mod:`geo.maps.web.assets`) whose features
are in the same order as the units frame; the browser's map core
(``geo/maps/web/core/atlas-core.js``) only looks the model's values up. Here: the frames of the
app's maps from count arrays, and the short text summary beside a map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from geo.i18n import _, clauses, ngettext, number
from geo.incidents.aggregate import Counted
from geo.maps.classify import Classes
from geo.maps.model import MapModel, encode
from geo.maps.model import choropleth as chor


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


def model(codes: Sequence[str], names: Sequence[str], frames: Sequence, classes: Classes, *, view: str, level: str,
          title: str, metric: str = "count", unit: str = "sites", note: str = "") -> MapModel:
    """The model of the app's frames (:func:`geo.maps.model.choropleth.frame_from`), one scale."""
    people = metric in ("killed", "injured")
    return MapModel("choropleth", view, level, tuple(codes), tuple(names),
                    {"main": chor.choropleth_scale(classes, note=note, people=people)}, tuple(frames), title,
                    title=title, blank_tip=chor.count_text(0, unit, metric))


def counted_model(counted: Counted, rows: pd.DataFrame, classes: Classes, *, units, names: Sequence[str],
                  view: str, level: str, title: str, metric: str = "count", note: str = "") -> MapModel:
    """A page's map of ``counted`` (from ``rows``, on ``units`` in the geometry's order)."""
    recon = chor.reconstructed_counts(rows, level=level, unit="sites", units=units)
    frame = chor.frame_of("now", counted, recon, classes, metric=metric, unit=counted.unit)
    return model(units["code"], names, [frame], classes, view=view, level=level, title=title, metric=metric,
                 unit=counted.unit, note=note)


def payload(m: MapModel, *, periods: Sequence[str] | None = None, index: int = 0,
            player_texts: Mapping[str, str] | None = None, interval_ms: int = 800) -> dict:
    """The data of a choropleth update (geometry, assets and the selection are added by the
    caller): the model's JSON with one legend over every frame. With ``periods``, a player."""
    data = {"kind": "choropleth", "model": encode.to_json(m, legend="all"), "index": int(index)}
    if periods is not None:
        data["player"] = {"interval_ms": int(interval_ms), "texts": dict(player_texts or {})}
    return data
