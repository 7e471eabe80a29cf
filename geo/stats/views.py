"""The Compare page's analyses, one call each: the page's choices in, a map model (and, for two
measures, the bivariate result for the scatter) out. What the page caches."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.i18n import N_, _, ngettext
from geo.layers import foreign_fighters
from geo.maps.model import MapModel, MapSpec
from geo.stats import bivariate, cache, compare, maps, presets, rates
from geo.stats.hotspots import hotspots

MODES = {"hotspots": N_("Hot spots"), "rates": N_("Steady rates"),
         "bivariate": N_("Incidents and foreign fighters"), "periods": N_("Two periods")}
LEVELS = {"municipality": N_("Municipality"), "arrondissement": N_("Arrondissement"), "province": N_("Province")}
#: The levels each analysis offers (local statistics and smoothing need many units).
LEVELS_OF = {"hotspots": ("municipality", "arrondissement"), "rates": ("municipality", "arrondissement"),
             "bivariate": ("municipality", "arrondissement", "province"),
             "periods": ("municipality", "arrondissement", "province")}
STATISTICS = {"gi": N_("Getis-Ord Gi*"), "moran": N_("local Moran's I")}
MEASURES = {"count": N_("Incidents (events)"), "per_100k": N_("Per 100,000 residents")}
SMOOTHERS = {"national": N_("Towards the national rate"), "spatial": N_("Towards the neighbourhood's rate")}


@dataclass(frozen=True)
class Analysis:
    """One analysis of the Compare page: ``mode`` (:data:`MODES`), ``level``, and its options:
    ``statistic`` and ``metric`` (hot spots), ``smoother`` (rates), ``split`` (two periods: the
    first year of the second period), ``series`` (the foreign-fighter series; default the
    layer's)."""

    mode: str = "hotspots"
    level: str = "municipality"
    statistic: str = "gi"
    metric: str = "count"
    smoother: str = "national"
    split: int | None = None
    series: str = foreign_fighters.DEFAULT_SERIES


#: The report's Antwerp/Charleroi contrast in one view (:mod:`geo.stats.presets`).
CONTRAST = Analysis(**presets.CONTRAST)


def contrast_notes(analysis: Analysis, pair: bivariate.Bivariate | None) -> tuple[str, ...]:
    """What the :data:`CONTRAST` view says besides its map: why province level and returnees, and
    where Antwerp province and Hainaut fall, as measured (nothing for another analysis)."""
    if analysis != CONTRAST or pair is None:
        return ()
    table = pair.table.set_index("code")
    if not all(c in table.index and table.at[c, "cell"] for c in presets.CONTRAST_UNITS):
        return (_why(), _("Antwerp province or Hainaut has no cell in this view: the contrast cannot be shown."))
    (ax, ay), (hx, hy) = ((int(table.at[c, "x_class"]), int(table.at[c, "y_class"])) for c in presets.CONTRAST_UNITS)
    (a_name, h_name) = (str(table.at[c, "name"]) for c in presets.CONTRAST_UNITS)
    known = int(table["y"].notna().sum())
    placed = _("{antwerp} is in the cell “{antwerp_cell}”; {hainaut} in “{hainaut_cell}”.").format(
        antwerp=a_name, antwerp_cell=bivariate.cell_words(ax, ay, pair.x_label, pair.y_label),
        hainaut=h_name, hainaut_cell=bivariate.cell_words(hx, hy, pair.x_label, pair.y_label))
    if (ax, ay) == (hy, hx) and ax != ay:
        corners = {(ax, ay), (hx, hy)} == {(1, 3), (3, 1)}
        verdict = (_("They sit in opposite corners of the legend.") if corners else
                   _("They sit in mirror cells across the legend's diagonal, not in its opposite corners: "
                     "one is higher in incidents and lower in foreign fighters than the other, not high in one "
                     "and low in the other."))
    else:
        verdict = _("They do not sit in mirror cells of the legend: this view does not show the report's contrast.")
    if known > 3:
        return (_why(), placed, verdict)
    return (_why(), placed, verdict, ngettext(
        "Only {n} province has a figure in this series: the foreign-fighter classes are its rank.",
        "Only {n} provinces have a figure in this series: the foreign-fighter classes are their ranks.",
        known).format(n=known))


def _why() -> str:
    return _("Why provinces and returnees: no published foreign-fighter figure exists for the municipality "
             "of Charleroi. The only series with a figure for its province, Hainaut, counts the people back "
             "from Syria and Iraq found in each province in October 2017: where they live now, not "
             "necessarily where they left from, and fewer than those who left.")


def build(rows: pd.DataFrame, spec: MapSpec, analysis: Analysis, *,
          units: gpd.GeoDataFrame | None = None) -> tuple[MapModel, bivariate.Bivariate | None]:
    """The map model of ``analysis`` on ``rows`` (already filtered; ``spec`` says the view,
    filters and words), and the bivariate result where there is one."""
    a, level = analysis, analysis.level
    if level not in LEVELS_OF.get(a.mode, ()):
        raise ValueError(f"the {a.mode} analysis is made at {', '.join(LEVELS_OF.get(a.mode, ()))}, not {level!r}")
    if a.mode == "hotspots":
        result = hotspots(rows, level=level, statistic=a.statistic, metric=a.metric, results=cache.shared())
        return maps.hotspot_model(result, rows, spec, units=units), None
    if a.mode == "rates":
        smoothed = rates.smoothed_rates(rows, level=level)
        return maps.rates_model(smoothed, rows, spec, units=units, spatial=a.smoother == "spatial"), None
    if a.mode == "periods":
        first, last = spec.all_years or (int(rows["year"].min()), int(rows["year"].max()))
        split = a.split if a.split is not None and first < a.split <= last else first + (last - first + 1) // 2
        pair = compare.two_periods(rows, (first, split - 1), (split, last), level=level)
        return maps.bivariate_model(pair, rows, spec, units=units, level=level), pair
    if a.mode == "bivariate":
        placed = foreign_fighters.by_unit(level, series=a.series)
        pair = compare.incidents_against_layer(rows, placed, level=level)
        notes = (*placed.notes, *contrast_notes(a, pair))  # the preset's words go into its files too
        return maps.bivariate_model(pair, rows, spec, units=units, level=level, notes=notes), pair
    raise AssertionError(a.mode)  # LEVELS_OF has every mode
