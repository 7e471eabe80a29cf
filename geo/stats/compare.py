"""Two measures per unit for the bivariate map and the scatter (:mod:`geo.stats.bivariate`):
incidents against a second layer (the foreign-fighter figures), or incidents of two periods.

Precision holds on both sides: incidents count for a unit only when known to it
(:func:`geo.incidents.aggregate.count_by_unit`); a layer's figure is the unit's own or missing,
never spread from a larger unit (:func:`geo.layers.foreign_fighters.by_unit`). A unit missing
either measure gets no cell.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import i18n
from geo.admin.boundaries import Level
from geo.admin.names import names_of_units
from geo.i18n import _
from geo.incidents import aggregate
from geo.maps.views import view_units
from geo.stats import bivariate


def _frame(level: Level, x: pd.Series, y: pd.Series) -> pd.DataFrame:
    units = view_units("belgium", level=level)
    names = names_of_units(units, language=i18n.language(), mode=i18n.names_mode())
    codes = units["code"]
    return pd.DataFrame({"code": codes.to_numpy(), "name": names.to_numpy(),
                         "x": codes.map(x).astype(float).to_numpy(), "y": codes.map(y).astype(float).to_numpy()})


def incidents_against_layer(incidents: pd.DataFrame, placed, *, level: Level = "municipality",
                            unit: aggregate.Unit = "events") -> bivariate.Bivariate:
    """Incidents per 100,000 residents (x) against a placed layer's figures per 100,000 (y:
    ``placed.table['per_100k']``, missing where the layer has no figure for the unit itself)."""
    counted = aggregate.count_by_unit(incidents, level=level, unit=unit).table.set_index("code")["per_100k"]
    layer = pd.to_numeric(placed.table.set_index("code")["per_100k"], errors="coerce").astype(float)
    return bivariate.classify(_frame(level, counted, layer), x_label=_("Incidents"), y_label=_("Foreign fighters"),
                              title=_("Incidents against foreign fighters, per 100,000 residents"),
                              unit=_("per 100,000 residents"))


def two_periods(incidents: pd.DataFrame, first: tuple[int, int], second: tuple[int, int], *,
                level: Level = "municipality", unit: aggregate.Unit = "events") -> bivariate.Bivariate:
    """Incidents per 100,000 residents in the years ``first`` (x) against ``second`` (y)."""
    def rate(years: tuple[int, int]) -> pd.Series:
        rows = incidents[incidents["year"].between(*years)]
        return aggregate.count_by_unit(rows, level=level, unit=unit).table.set_index("code")["per_100k"]

    def span(years: tuple[int, int]) -> str:
        return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"

    return bivariate.classify(
        _frame(level, rate(first), rate(second)), x_label=span(first), y_label=span(second),
        title=_("Incidents per 100,000 residents: {first} against {second}").format(first=span(first), second=span(second)),
        unit=_("incidents per 100,000 residents"))


def placed_rows(placed) -> int:
    """How many units have a figure of their own in a placed layer."""
    return int(np.count_nonzero(placed.table["status"] == "known"))
