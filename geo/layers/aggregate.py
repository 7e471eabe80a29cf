"""Place a sourced layer's figures on map units at the precision they have (DESIGN.md §4).

A figure belongs to a unit of the asked level only when it is for the same area: a municipality's
figure at municipality level, a province's at province level, and a region's wherever the region is
one unit (the Brussels-Capital Region is one arrondissement and stands alone at province level).
Nothing is spread or summed:

- a figure for a larger unit is **not known at this level**: the units inside it get the status
  ``only_coarser`` (with the code of the unit the figure is for), and the row is listed in
  ``not_placed``;
- a figure for a smaller unit is never summed into the larger one (a series names a few
  municipalities, not all): listed in ``not_placed``;
- a ``part`` row (its source's area covers only part of its unit) is never a value: listed too.

Only one series is placed at a time (figures of different dates and methods are never mixed).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from geo import vocab
from geo.admin.boundaries import LEVELS, Level
from geo.i18n import N_, ngettext, number
from geo.layers.schema import CODE_COLUMN, PRECISION_RANK

#: A unit's status in a placed table.
STATUSES = MappingProxyType({
    "known": N_("figure for this unit"),
    "only_coarser": N_("not known at this level: the figure is for a larger unit"),
    "none": N_("no figure in this series"),
})
#: Why a row was not placed at a level (``reason_code`` → words, translated where shown).
REASONS = MappingProxyType({
    "coarser": N_("the figure is for a larger unit: not known at this level"),
    "finer": N_("the figure is for a smaller unit: figures are never summed into a larger one"),
    "part": N_("the source's area covers only part of the unit: never a value for the whole unit"),
    "duplicate": N_("another figure of this series is for the same unit"),
})

TABLE_COLUMNS = ("code", "level", "name", "name_nl", "name_fr", "population", "count", "per_100k", "status",
                 "figure_unit", "precision", "qualifier", "counts", "series", "figure_date", "date_precision",
                 "row_id", "place", "source_url", "outlet")
NOT_PLACED_COLUMNS = ("row_id", "series", "place", "unit_nis", "geo_precision", "coverage", "count",
                      "reason_code", "reason")


@dataclass(frozen=True)
class Placed:
    """A layer's figures on the units of one level, and the rows that could not be placed there.

    ``table``: one row per unit of ``level`` (all units listed); ``count`` is ``<NA>`` unless the
    series has a figure for that very unit (``status`` ``known``), ``per_100k`` is that figure per
    100,000 residents (1 January 2020); ``status`` ``only_coarser`` means a figure exists only for
    the larger unit ``figure_unit``. ``not_placed`` lists the series' rows not used at this level,
    with ``reason_code`` (see :data:`REASONS`) and ``reason``."""

    table: pd.DataFrame
    not_placed: pd.DataFrame
    level: Level
    series: str
    counts: str
    @property
    def notes(self) -> tuple[str, ...]:
        """What a map of this placing says, in the language of the caller (made when asked: a
        placing is cached and shared by readers of every language)."""
        n, total = len(self.known), len(self.table)
        return (ngettext("{n} of the {total} units of this level has a figure of its own in this series.",
                         "{n} of the {total} units of this level have a figure of their own in this series.",
                         n).format(n=number(n), total=number(total)),)

    @property
    def known(self) -> pd.DataFrame:
        """The units with a figure of their own."""
        return self.table[self.table["status"] == "known"]


def units_table(munis: pd.DataFrame, level: Level) -> pd.DataFrame:
    """The units of ``level`` from a municipality table, without geometry: ``code``, ``name_nl``,
    ``name_fr``, ``name`` (local: Dutch in Flanders, else French), ``reg_nis``, ``population``."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    key = CODE_COLUMN[level]
    grouped = munis.groupby(key, sort=True)
    table = pd.DataFrame({"code": grouped[key].first().astype(str), "reg_nis": grouped["reg_nis"].first().astype(str),
                          "population": grouped["population"].sum()}).reset_index(drop=True)
    if level == "municipality":
        names = munis.set_index("nis")[["name_nl", "name_fr"]]
    elif level == "region":
        names = pd.DataFrame.from_dict({c: {"name_nl": nl, "name_fr": fr} for c, (nl, fr) in vocab.REGION_NAMES.items()},
                                       orient="index")
    else:
        prefix = "arr_name" if level == "arrondissement" else "prov_name"
        names = grouped[[f"{prefix}_nl", f"{prefix}_fr"]].first()
        names.columns = ["name_nl", "name_fr"]
    table["name_nl"] = table["code"].map(names["name_nl"]).fillna("")
    table["name_fr"] = table["code"].map(names["name_fr"]).fillna("")
    table["name"] = np.where(table["reg_nis"] == vocab.FLANDERS, table["name_nl"], table["name_fr"])
    return table


def memberships(munis: pd.DataFrame) -> dict[str, dict[str, frozenset[str]]]:
    """For each precision, the municipalities of each unit: ``{precision: {code: frozenset(nis)}}``."""
    nis = munis["nis"].astype(str).tolist()
    out: dict[str, dict[str, frozenset[str]]] = {}
    for precision, column in CODE_COLUMN.items():
        groups: dict[str, set[str]] = {}
        for code, member in zip(munis[column].astype(str).tolist(), nis):
            groups.setdefault(code, set()).add(member)
        out[precision] = {code: frozenset(members) for code, members in groups.items()}
    return out


def place_rows(rows: pd.DataFrame, munis: pd.DataFrame, level: Level) -> pd.DataFrame:
    """For each row: ``target`` (the code of the unit of ``level`` covering the same area, or ``""``),
    ``reason_code`` (``""`` when placed; else coarser, finer or part) and ``inside`` (the codes of
    ``level`` that lie inside a coarser row's unit)."""
    groups = memberships(munis)
    level_of = dict(zip(munis["nis"].astype(str), munis[CODE_COLUMN[level]].astype(str)))
    targets, reasons, inside = [], [], []
    for r in rows.itertuples(index=False):
        members = groups[r.geo_precision].get(r.unit_nis, frozenset())
        codes = frozenset(level_of[m] for m in members)
        same = len(codes) == 1 and groups[level][next(iter(codes))] == members
        if r.coverage == "part":
            targets.append(""), reasons.append("part"), inside.append(frozenset())
        elif same:
            targets.append(next(iter(codes))), reasons.append(""), inside.append(frozenset())
        elif PRECISION_RANK[r.geo_precision] < PRECISION_RANK[level]:
            targets.append(""), reasons.append("coarser"), inside.append(codes)
        else:
            targets.append(""), reasons.append("finer"), inside.append(frozenset())
    return rows.assign(target=targets, reason_code=reasons, inside=inside)


def by_unit(layer: pd.DataFrame, series: str, *, level: Level, munis: pd.DataFrame) -> Placed:
    """Place the rows of one ``series`` of a validated layer on the units of ``level`` (see the
    module's rules). ``munis``: the municipality table the codes refer to."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    rows = layer[layer["series"] == series]
    if rows.empty:
        known = sorted(layer["series"].unique())
        raise ValueError(f"no series {series!r} in the layer; its series are {known}")
    counts = str(rows["counts"].iloc[0])
    placed = place_rows(rows, munis, level)
    # Two rows of one series on one unit (a region and an arrondissement of the same area): the one
    # at the level's own precision wins, else the finer; the other is reported.
    hits = placed[placed["reason_code"] == ""].assign(_rank=lambda f: f["geo_precision"].map(PRECISION_RANK))
    hits = hits.assign(_exact=hits["geo_precision"] == level).sort_values(["_exact", "_rank"], ascending=False)
    duplicate = hits["target"].duplicated()
    placed.loc[hits.index[duplicate.to_numpy()], "reason_code"] = "duplicate"
    winners = hits[~duplicate.to_numpy()].set_index("target")

    table = units_table(munis, level)
    table.insert(1, "level", level)
    fields = {"count": "count", "geo_precision": "precision", "qualifier": "qualifier",
              "figure_date": "figure_date", "date_precision": "date_precision", "row_id": "row_id",
              "place": "place", "source_url": "source_url", "outlet": "outlet"}
    found = winners[list(fields)].rename(columns=fields)
    table = table.merge(found, how="left", left_on="code", right_index=True)
    known = table["row_id"].notna()
    table["count"] = pd.array(table["count"], dtype="Int64")
    pop = table["population"].astype("float64")
    table["per_100k"] = np.where(known & (pop > 0), table["count"].astype("float64") / pop * 1e5, np.nan)
    coarser = placed[placed["reason_code"] == "coarser"].sort_values(
        "geo_precision", key=lambda s: s.map(PRECISION_RANK), ascending=False)
    cover: dict[str, str] = {}
    for r in coarser.itertuples(index=False):
        for code in r.inside:
            cover.setdefault(code, r.unit_nis)
    only_coarser = ~known & table["code"].isin(cover)
    table["status"] = np.where(known, "known", np.where(only_coarser, "only_coarser", "none"))
    table["figure_unit"] = np.where(known, table["code"], table["code"].map(lambda c: cover.get(c, "")))
    for column in ("precision", "qualifier", "date_precision", "row_id", "place", "source_url", "outlet"):
        table[column] = table[column].fillna("").astype(str)
    table["series"] = series
    table["counts"] = counts
    not_placed = placed[placed["reason_code"] != ""].assign(
        reason=lambda f: f["reason_code"].map(REASONS))[list(NOT_PLACED_COLUMNS)].reset_index(drop=True)
    return Placed(table[list(TABLE_COLUMNS)].reset_index(drop=True), not_placed, level, series, counts)
