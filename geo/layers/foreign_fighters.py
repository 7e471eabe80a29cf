"""The foreign-fighter layer: published counts of people who left, or tried to leave, for Syria and
Iraq, by municipality, province or region (``data/foreign_fighters.csv``; read its card,
``data/foreign_fighters.md``, before comparing figures).

- :func:`load`: the validated table (every problem raised at once, :class:`LayerDataError`).
- :func:`series_summary`: one line per series (what it counts, its date, rows, precisions).
- :func:`by_unit`: one series placed on the units of a level, with counts and rates per 100,000
  residents where the series has a figure for that very unit, and the rows it could not place.

The maps use :data:`DEFAULT_SERIES` unless told otherwise: the Interior minister's figures of
28 January 2016 (one source, one date, one method, the most units: the three regions, the province
of Antwerp and five municipalities: Antwerp, the City of Brussels, Molenbeek, Schaerbeek, Vilvoorde).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo import i18n
from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.i18n import _, month_year
from geo.layers import aggregate
from geo.layers.aggregate import Placed
from geo.layers.load import FOREIGN_FIGHTERS_CSV, LayerDataError, load_layer
from geo.layers.schema import COUNTS, PRECISION_RANK

__all__ = ["DEFAULT_SERIES", "FOREIGN_FIGHTERS_CSV", "LayerDataError", "Placed", "by_unit", "load",
           "series_label", "series_summary"]

#: The series the maps use by default (see the module docstring and the data card).
DEFAULT_SERIES = "official-2016-01"


def load(path: Path | str | None = None) -> pd.DataFrame:
    """The validated layer (default ``data/foreign_fighters.csv``)."""
    return load_layer(path)


def series_summary(layer: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per series, in the file's order: ``series``, ``counts``, ``rows``, ``first_date``,
    ``last_date``, ``finest`` (the finest precision it has), ``outlets``."""
    layer = load() if layer is None else layer
    grouped = layer.groupby("series", sort=False)
    return pd.DataFrame({
        "counts": grouped["counts"].first(),
        "rows": grouped.size(),
        "first_date": grouped["figure_date"].min(),
        "last_date": grouped["figure_date"].max(),
        "finest": grouped["geo_precision"].agg(lambda s: max(s, key=PRECISION_RANK.__getitem__)),
        "outlets": grouped["outlet"].agg(lambda s: "; ".join(dict.fromkeys(s))),
    }).reset_index()


def series_label(series: str, layer: pd.DataFrame | None = None) -> str:
    """A series in people's words, in the reader's language: what it counts, when and who
    published it ("returned from Syria or Iraq · October 2017 · La Dernière Heure"). The shipped
    layer's labels are made once per language (a page's series choice words every option on
    each run)."""
    if layer is None:
        path = FOREIGN_FIGHTERS_CSV
        return _labels(str(path), path.stat().st_mtime, i18n.language()).get(series, series)
    return _label(series, layer)


@lru_cache(maxsize=8)
def _labels(path: str, mtime: float, language: str) -> dict[str, str]:
    layer = load_layer(path)
    with i18n.using(language):
        return {s: _label(s, layer) for s in dict.fromkeys(layer["series"])}


def _label(series: str, layer: pd.DataFrame) -> str:
    rows = layer[layer["series"] == series]
    if rows.empty:
        return series
    latest = rows.loc[rows["figure_date"].idxmax()]
    # no more precise than the series' coarsest date
    when = (str(latest["figure_date"].year) if (rows["date_precision"] == "year").any()
            else month_year(latest["figure_date"]))
    outlets = "; ".join(dict.fromkeys(rows["outlet"]))
    counted = COUNTS[latest["counts"]]  # marked with N_ where it is written
    return _("{counts} · {date} · {outlets}").format(counts=_(counted), date=when, outlets=outlets)


@lru_cache(maxsize=32)
def _placed(csv_path: str, mtime: float, boundary_path: str, series: str, level: Level) -> Placed:
    munis = boundaries.for_file(boundary_path).municipalities()
    return aggregate.by_unit(load_layer(csv_path), series, level=level, munis=munis)


def by_unit(level: Level = "municipality", *, series: str = DEFAULT_SERIES, layer: pd.DataFrame | None = None,
            munis: pd.DataFrame | None = None) -> Placed:
    """One series of the layer on the units of ``level`` (municipality, arrondissement, province,
    region): ``result.table`` lists every unit (``code``, ``name``, ``count``, ``per_100k``,
    ``status``, ``precision``, ``source_url``, …), ``result.not_placed`` the rows not known at this
    level, with their reason. A figure is never spread over smaller units nor summed into larger ones.

    With neither ``layer`` nor ``munis``, the committed file on the current boundaries, computed
    once per file version, series and level (each call gets its own copy of the tables)."""
    if layer is None and munis is None:
        path = FOREIGN_FIGHTERS_CSV
        mtime = path.stat().st_mtime if path.exists() else -1.0
        placed = _placed(str(path), mtime, str(boundaries.current().path), series, level)
        return replace(placed, table=placed.table.copy(), not_placed=placed.not_placed.copy())
    layer = load() if layer is None else layer
    munis = boundaries.municipalities() if munis is None else munis
    return aggregate.by_unit(layer, series, level=level, munis=munis)
