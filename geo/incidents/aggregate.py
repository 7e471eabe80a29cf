"""Counts that never claim more precision than the data has (DESIGN.md §4).

- A row counts for a municipality, arrondissement or province only when it is known to the
  municipality (``geo_precision`` point or municipality). Every row counts for its region.
- A row dated to the year counts in yearly views; in monthly views it is reported apart.
- ``unit="events"`` counts distinct ``event_id`` in each cell (the report's totals);
  ``unit="sites"`` counts rows (the report's places: the March 2016 attack counts in Zaventem
  and in Brussels).

Whatever could not be counted is returned beside the result (``not_counted``), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import vocab
from geo.admin import boundaries
from geo.admin.boundaries import LEVELS, Level
from geo.i18n import N_

Unit = Literal["sites", "events"]
Period = Literal["year", "month"]


@dataclass(frozen=True)
class Counted:
    """A count table and what could not be counted at the asked precision.

    ``table`` has one row per cell; ``not_counted`` lists the rows left out with a ``reason``;
    ``unit`` says whether cells count sites or distinct events."""

    table: pd.DataFrame
    not_counted: pd.DataFrame
    unit: Unit
    notes: tuple[str, ...] = field(default=())

    @property
    def total(self) -> int:
        return int(self.table["count"].sum()) if len(self.table) else 0


def _size(frame: pd.DataFrame, keys: list[str], unit: Unit) -> pd.Series:
    if not keys:
        raise ValueError("at least one key is needed")
    grouped = frame.groupby(keys, dropna=False, observed=True)
    return grouped["event_id"].nunique() if unit == "events" else grouped.size()


def level_codes(incidents: pd.DataFrame, level: Level) -> pd.Series:
    """Code of each row's unit at ``level`` (empty string when the row is not known that far)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if level == "region":
        return incidents["region_nis"].astype(str)
    known = incidents["geo_precision"].isin(vocab.MUNICIPALITY_KNOWN) & (incidents["municipality_nis"] != "")
    if level == "municipality":
        return incidents["municipality_nis"].where(known, "")
    munis = boundaries.municipalities()
    key = boundaries.LEVEL_KEY[level]
    codes = incidents["municipality_nis"].map(munis.set_index("nis")[key]).where(known, "").fillna("")
    # A row known only to its region still counts at a level where the region is one unit
    # (the Brussels-Capital Region is one arrondissement and stands alone at province level).
    per_region = munis.groupby("reg_nis")[key].unique()
    whole = {reg: units[0] for reg, units in per_region.items() if len(units) == 1}
    return codes.where(known, incidents["region_nis"].map(whole).fillna(""))


def in_belgium(incidents: pd.DataFrame) -> pd.Series:
    """Rows placed in Belgium (their region is known). An imported row outside Belgium, or with no
    place found, has none: it never counts as a Belgian event or site (headline figures, counts
    per period, per unit, per city or per network); each count lists it in ``not_counted``."""
    return incidents["region_nis"].fillna("").astype(str) != ""


NOT_IN_BELGIUM = N_("not located in Belgium")

NOT_COUNTED_COLUMNS = ("site_id", "event_id", "place", "region_nis", "geo_precision", "date",
                       "date_precision", "provenance")


def _not_counted(incidents: pd.DataFrame, *parts: tuple[pd.Series, str]) -> pd.DataFrame:
    """The rows of each ``(mask, reason)`` of ``parts`` with their reason, part after part (the
    masks do not overlap); a few columns only, taken in one go: cheap on large tables."""
    cols = [c for c in NOT_COUNTED_COLUMNS if c in incidents]
    part = np.full(len(incidents), len(parts))
    for i, (mask, _reason) in reversed(list(enumerate(parts))):
        part[np.asarray(mask, dtype=bool)] = i
    taken = np.flatnonzero(part < len(parts))
    taken = taken[np.argsort(part[taken], kind="stable")]
    out = incidents.iloc[taken, [incidents.columns.get_loc(c) for c in cols]].reset_index(drop=True)
    out["reason"] = np.array([reason for _mask, reason in parts], dtype=object)[part[taken]]
    return out


def _counts_of(incidents: pd.DataFrame, codes: pd.Series, known: pd.Series, unit: Unit) -> pd.Series:
    """Unit code -> count of the rows ``known`` to a unit (``codes``: :func:`level_codes`)."""
    if not known.any():
        return pd.Series(dtype="int64")
    return _size(pd.DataFrame({"_code": codes[known], "event_id": incidents.loc[known, "event_id"]}), ["_code"], unit)


def unit_counts(incidents: pd.DataFrame, codes, *, level: Level = "municipality", unit: Unit = "sites") -> np.ndarray:
    """The count of each unit of ``codes`` (in that order), as :func:`count_by_unit` counts it,
    without its table or the list of rows not counted: for a second count over the same units
    (the reconstructed part of each unit), whose left-out rows the first count already lists."""
    found = level_codes(incidents, level)
    counts = _counts_of(incidents, found, found != "", unit)
    return pd.Series(codes).map(counts).fillna(0).to_numpy(np.int64)


def count_by_unit(
    incidents: pd.DataFrame,
    *,
    level: Level = "municipality",
    unit: Unit = "sites",
    units_frame: gpd.GeoDataFrame | None = None,
    small_count: int = vocab.SMALL_COUNT,
) -> Counted:
    """Incidents per unit of ``level``, every unit listed (zeros included).

    Table columns: ``code``, ``name_nl``, ``name_fr``, ``population`` (1 Jan 2020),
    ``count``, ``per_100k`` (count per 100,000 residents), ``small`` (count below
    ``small_count``: the rate is not reliable). Rows not known to ``level`` go to ``not_counted``.
    """
    units_frame = boundaries.units(level) if units_frame is None else units_frame
    codes = level_codes(incidents, level)
    known = codes != ""
    counts = _counts_of(incidents, codes, known, unit)
    table = pd.DataFrame(units_frame[["code", "name_nl", "name_fr", "population"]])
    table["count"] = table["code"].map(counts).fillna(0).astype("int64")
    table["per_100k"] = np.where(table["population"] > 0, table["count"] / table["population"] * 1e5, np.nan)
    table["small"] = (table["count"] > 0) & (table["count"] < small_count)
    located = incidents["region_nis"].fillna("") != ""
    missing = _not_counted(incidents, (~known & located, f"known only to the region, not to the {level}"),
                           (~known & ~located, NOT_IN_BELGIUM))
    return Counted(table.reset_index(drop=True), missing, unit)


def sum_by_unit(
    incidents: pd.DataFrame,
    column: str,
    *,
    level: Level = "municipality",
    units_frame: gpd.GeoDataFrame | None = None,
    small_count: int = vocab.SMALL_COUNT,
) -> Counted:
    """People (``column``: ``killed`` or ``injured``, counts with ``<NA>`` for not known) per unit
    of ``level``, every unit listed, as :func:`count_by_unit` lays it out: ``count`` is the sum of
    the known counts, ``per_100k`` that sum per 100,000 residents, ``incidents`` how many rows
    with a known count it sums, ``small`` fewer than ``small_count`` of them (the rate is not
    reliable). An event recorded at several sites of one unit counts once there. Rows not known
    to ``level``, and rows whose count is not known, go to ``not_counted`` (never as 0)."""
    units_frame = boundaries.units(level) if units_frame is None else units_frame
    codes = level_codes(incidents, level)
    values = pd.to_numeric(incidents[column], errors="coerce") if column in incidents else (
        pd.Series(np.nan, index=incidents.index))
    known = (codes != "") & values.notna()
    rows = pd.DataFrame({"_code": codes[known], "event_id": incidents.loc[known, "event_id"],
                         "value": values[known]}).drop_duplicates(["_code", "event_id"])
    grouped = rows.groupby("_code")["value"]
    table = pd.DataFrame(units_frame[["code", "name_nl", "name_fr", "population"]])
    table["count"] = table["code"].map(grouped.sum()).fillna(0).astype("int64")
    table["incidents"] = table["code"].map(grouped.size()).fillna(0).astype("int64")
    table["per_100k"] = np.where(table["population"] > 0, table["count"] / table["population"] * 1e5, np.nan)
    table["small"] = (table["incidents"] > 0) & (table["incidents"] < small_count)
    located = incidents["region_nis"].fillna("") != ""
    placed = codes != ""
    missing = _not_counted(incidents, (~placed & located, f"known only to the region, not to the {level}"),
                           (~placed & ~located, NOT_IN_BELGIUM), (placed & values.isna(), f"{column}: not known"))
    return Counted(table.reset_index(drop=True), missing, "sites")


def count_by_period(
    incidents: pd.DataFrame,
    *,
    period: Period = "year",
    by: str | None = None,
    unit: Unit = "events",
    cumulative: bool = False,
) -> Counted:
    """Incidents per year or per month (``YYYY-MM``), optionally split by a column (e.g. ``kind``).

    Every period between the first and the last is listed (zeros included). In monthly views,
    rows dated only to the year are left out and listed in ``not_counted``; so are rows not
    located in Belgium, in every view. With ``cumulative``, counts add up over time (events are
    counted once, at their first period)."""
    if period not in ("year", "month"):
        raise ValueError(f"period must be 'year' or 'month', not {period!r}")
    belgian = in_belgium(incidents)
    if period == "year":
        keys = incidents["year"].astype(str)
        dated = pd.Series(True, index=incidents.index)
    else:
        keys = incidents["month"]
        dated = keys != ""
    usable = belgian & dated
    needed = ["event_id"] + ([by] if by else [])
    frame = incidents.loc[usable, needed].assign(period=keys[usable])
    missing = _not_counted(incidents, (~belgian, NOT_IN_BELGIUM),
                           (belgian & ~dated, N_("dated only to the year: not placed in a month")))
    group = ["period"] + ([by] if by else [])
    if len(frame):
        if cumulative and unit == "events":
            frame = frame.sort_values("period").drop_duplicates("event_id")
        sizes = _size(frame, group, unit).rename("count").reset_index()
        lo, hi = frame["period"].min(), frame["period"].max()
        if period == "year":
            periods = [str(y) for y in range(int(lo), int(hi) + 1)]
        else:
            periods = list(pd.period_range(lo, hi, freq="M").strftime("%Y-%m"))
    else:
        sizes = pd.DataFrame(columns=group + ["count"])
        periods = []
    if by:
        cats = sorted(incidents.loc[belgian, by].dropna().unique().tolist())
        grid = pd.MultiIndex.from_product([periods, cats], names=["period", by]).to_frame(index=False)
    else:
        grid = pd.DataFrame({"period": periods})
    table = grid.merge(sizes, on=group, how="left")
    table["count"] = table["count"].fillna(0).astype("int64")
    if cumulative:
        table["count"] = table.groupby(by)["count"].cumsum() if by else table["count"].cumsum()
    return Counted(table, missing, unit)


def count_by(incidents: pd.DataFrame, column: str, *, unit: Unit = "events") -> pd.DataFrame:
    """Counts per value of one column (``kind``, ``link``, ``plot``, ``city``…), largest first.
    Empty values are kept as their own row (labelled ``""``)."""
    if len(incidents) == 0:
        return pd.DataFrame({column: pd.Series(dtype=object), "count": pd.Series(dtype="int64")})
    sizes = _size(incidents.assign(**{column: incidents[column].fillna("")}), [column], unit)
    return sizes.rename("count").reset_index().sort_values(["count", column], ascending=[False, True],
                                                           ignore_index=True)


def count_by_city(incidents: pd.DataFrame, *, unit: Unit = "sites", min_count: int = 1) -> Counted:
    """Sites per city in the report's grouping (Brussels = the Brussels-Capital Region; elsewhere
    the municipality). Rows known only to Flanders or Wallonia belong to no city and are listed in
    ``not_counted``. ``min_count=2`` gives the report's Figure 2 (cities with more than one)."""
    has_city = incidents["city"].fillna("") != ""
    table = count_by(incidents.loc[has_city, ["city", "event_id"]], "city", unit=unit)
    table = table[table["count"] >= min_count].reset_index(drop=True)
    missing = _not_counted(incidents, (~has_city, N_("known only to the region, or not located: no city")))
    return Counted(table, missing, unit)


def count_networks(incidents: pd.DataFrame) -> pd.DataFrame:
    """Table 1: arrest actions (distinct events) per named network, largest first. An action tied to
    two networks counts for both."""
    actions = incidents[(incidents["kind"] == "arrest_action") & in_belgium(incidents)].drop_duplicates("event_id")
    exploded = actions[["event_id", "network_list"]].explode("network_list").dropna()
    if exploded.empty:
        return pd.DataFrame({"network": pd.Series(dtype=object), "arrest_actions": pd.Series(dtype="int64")})
    table = exploded.groupby("network_list")["event_id"].nunique().rename("arrest_actions")
    table.index.name = "network"
    return table.reset_index().sort_values(["arrest_actions", "network"], ascending=[False, True],
                                           ignore_index=True)


def headline(incidents: pd.DataFrame) -> dict[str, int]:
    """The figures a page leads with, for the rows in Belgium: events, sites, attacks, arrest
    actions, people arrested, plots, reconstructed rows; and ``not_in_belgium``, the rows left out
    (:func:`in_belgium`). People are summed over arrest actions, once per event."""
    belgian = in_belgium(incidents)
    outside = int((~belgian).sum())
    incidents = incidents[belgian]
    events = incidents[["event_id", "kind", "n_arrested", "plot"]].drop_duplicates("event_id")
    actions = events[events["kind"] == "arrest_action"]
    return {
        "not_in_belgium": outside,
        "events": int(len(events)),
        "sites": int(len(incidents)),
        "attacks": int((events["kind"] == "attack").sum()),
        "arrest_actions": int(len(actions)),
        "arrested": int(actions["n_arrested"].sum()),
        "plots": int(actions["plot"].sum()),
        "reconstructed_sites": int((incidents["provenance"] == "reconstructed").sum()),
    }


def period_keys(incidents: pd.DataFrame, period: Period) -> pd.Series:
    """Each row's period (``YYYY`` or ``YYYY-MM``); empty for rows not known to that period."""
    if period == "year":
        return incidents["year"].astype(str)
    if period == "month":
        return incidents["month"].fillna("")
    raise ValueError(f"period must be 'year' or 'month', not {period!r}")


def rows_in_period(incidents: pd.DataFrame, *, period: Period, value: str, cumulative: bool = False) -> pd.DataFrame:
    """Rows in one period (``cumulative``: in it or before it). Rows not known to the period
    (dated to the year, in a monthly view) are never included."""
    keys = period_keys(incidents, period)
    known = keys != ""
    keep = known & ((keys <= value) if cumulative else (keys == value))
    return incidents[keep]


def count_by_unit_and_period(
    incidents: pd.DataFrame, *, level: Level = "municipality", period: Period = "year", unit: Unit = "sites",
    cumulative: bool = False,
) -> pd.DataFrame:
    """Counts per unit (rows) and period (columns), for rows known to both; periods in order.
    Used to fix one set of classes for a whole time series, and by the benchmarks at scale."""
    codes = level_codes(incidents, level)
    keys = period_keys(incidents, period)
    usable = (codes != "") & (keys != "")
    frame = pd.DataFrame({"_code": codes[usable], "_period": keys[usable], "event_id": incidents.loc[usable, "event_id"]})
    if frame.empty:
        return pd.DataFrame()
    if unit == "events":
        wide = frame.groupby(["_code", "_period"])["event_id"].nunique().unstack(fill_value=0)
    else:
        wide = frame.groupby(["_code", "_period"]).size().unstack(fill_value=0)
    wide = wide.sort_index(axis=1)
    return wide.cumsum(axis=1) if cumulative else wide
