"""Steady rates: empirical Bayes smoothed incidents per 100,000 residents (esda.smoothing), beside
the raw rates.

A small municipality with one incident has a high raw rate that says little; empirical Bayes pulls
each unit's rate towards the national rate (``Empirical_Bayes``) or towards its neighbourhood's
(``Spatial_Empirical_Bayes``, queen contiguity, the unit included), the more so the fewer residents
it has. Counts are precision-aware (:func:`geo.incidents.aggregate.count_by_unit`): a row known
only to its region counts for none of its units and is listed in ``not_counted``.

esda's spatial smoother divides 0 by 0 where a unit and all its neighbours have no incident (the
neighbourhood's rate and its variance are both 0); there the smoothed rate is that neighbourhood
rate, 0, and this module writes 0. Any other missing value is left missing and counted in
``missing``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes

from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.i18n import _
from geo.incidents import aggregate
from geo.stats import weights

PER = 100_000
COLUMNS = ("code", "name_nl", "name_fr", "population", "count", "per_100k", "eb_per_100k",
           "spatial_eb_per_100k", "small")


@dataclass(frozen=True)
class Rates:
    """``table`` (:data:`COLUMNS`): raw and smoothed rates per unit; ``national_per_100k`` the rate
    all units are pulled towards; ``shrinks``: every smoothed rate lies between the raw rate and
    the national one (as empirical Bayes should; false when the rates vary less than chance would
    make them, where esda's estimate of their spread is negative); ``missing``: units left without
    a spatial rate; ``not_counted``: rows not known to the level."""

    table: pd.DataFrame
    level: str
    unit: str
    events: int
    national_per_100k: float
    shrinks: bool
    missing: int
    not_counted: pd.DataFrame


def explanation(spatial: bool = False) -> str:
    """The one line that says what a smoothed rate is, in the current language."""
    if spatial:
        return _("Smoothed rate: each unit's incidents per 100,000 residents pulled towards its "
                 "neighbourhood's rate, the more so the fewer residents it has (spatial empirical Bayes).")
    return _("Smoothed rate: each unit's incidents per 100,000 residents pulled towards the national "
             "rate, the more so the fewer residents it has (empirical Bayes).")


def smoothed_rates(
    incidents: pd.DataFrame,
    *,
    level: Level = "municipality",
    unit: aggregate.Unit = "events",
    units_frame: gpd.GeoDataFrame | None = None,
    contiguity: weights.Contiguity | None = None,
) -> Rates:
    """Raw, empirical Bayes and spatial empirical Bayes rates per 100,000 per unit of ``level``."""
    units = boundaries.units(level) if units_frame is None else units_frame
    contiguity = contiguity or (weights.queen(level) if units_frame is None else weights.from_frame(units, level=level))
    counted = aggregate.count_by_unit(incidents, level=level, unit=unit, units_frame=units)
    table = counted.table.set_index("code").loc[list(contiguity.codes)].reset_index()
    events = table["count"].to_numpy(float)
    people = table["population"].to_numpy(float)
    if (people <= 0).any():
        raise ValueError("every unit needs a population above 0 for a rate")
    national = events.sum() / people.sum() * PER
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore")
        eb = Empirical_Bayes(events, people).r.ravel() * PER
        spatial = Spatial_Empirical_Bayes(events, people, contiguity.w()).r.ravel() * PER
    position = {code: i for i, code in enumerate(contiguity.codes)}
    quiet = np.array([events[i] == 0 and all(events[position[n]] == 0 for n in nb)
                      for i, nb in enumerate(contiguity.neighbours)])
    spatial = np.where(np.isnan(spatial) & quiet, 0.0, spatial)
    raw = table["per_100k"].to_numpy(float)
    shrinks = bool(np.all(((eb - national) * (raw - national) >= -1e-12)
                          & (np.abs(eb - national) <= np.abs(raw - national) + 1e-12)))
    table["eb_per_100k"], table["spatial_eb_per_100k"] = eb, spatial
    return Rates(table[list(COLUMNS)], level, unit, counted.total, float(national), shrinks,
                 int(np.isnan(spatial).sum()), counted.not_counted)
