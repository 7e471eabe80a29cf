"""The foreign-fighter layer's columns, words and rules (``data/foreign_fighters.csv``).

One row per published figure: a count of people for one unit (municipality, arrondissement,
province or region, 2019 REFNIS codes), from one source, at one date. Rows of one ``series`` come
from one source and method at one date and count one thing (``counts``); a series has at most one
row per unit. The rules, each checked on every row (every problem is collected):

- the text columns are filled where required, codes have their form, words come from the lists below;
- ``unit_nis`` exists in the 2019 boundaries at the row's ``geo_precision``;
- a row is never more precise than its source (``geo_precision`` at most ``source_geo_precision``);
  a ``part`` row (the source's area lies inside the unit and covers only part of it) is strictly
  coarser than its source;
- ``figure_date`` is written as its ``date_precision`` says (1 January / the first of the month);
- ``source_url`` is a web address; ``other_urls`` holds web addresses separated by spaces;
- no person is named anywhere, addresses included (:mod:`geo.layers.names`);
- within a series: one ``counts``, and one row per unit.
"""

from __future__ import annotations

from types import MappingProxyType
from urllib.parse import urlsplit

import pandas as pd
import pandera.pandas as pa

from geo import checks, vocab
from geo.errors import Problem
from geo.i18n import N_
from geo.layers.names import person_names_in

COLUMNS: tuple[str, ...] = (
    "row_id", "series", "counts", "count", "qualifier", "unit_nis", "geo_precision", "source_geo_precision",
    "coverage", "place", "figure_date", "date_precision", "source_url", "other_urls", "outlet", "note",
)

#: What a figure counts (see the data card). Labels are marked for translation where shown.
COUNTS = MappingProxyType({
    "departed_or_tried": N_("left for Syria or Iraq, or tried to (including people who returned or died there)"),
    "departed": N_("left for Syria or Iraq (including people who returned or died there)"),
    "in_zone": N_("presumed in Syria or Iraq at the date (including people presumed dead)"),
    "returned": N_("returned from Syria or Iraq"),
    "in_belgium": N_("on Belgian soil: returned, tried to leave, or candidates to leave"),
    "deregistered": N_("struck off the population register after leaving for Syria"),
})
QUALIFIERS = MappingProxyType({"exact": N_("as published"), "at_least": N_("at least"), "about": N_("about")})
#: ``whole``: the figure is for the whole unit; ``part``: the source's area lies inside the unit and
#: covers only part of it (a judicial arrondissement inside a province): kept, never mapped.
COVERAGES: tuple[str, ...] = ("whole", "part")
#: The precisions of the layer, coarsest first (the rank is the position); the names are the
#: boundary levels (``geo.admin.boundaries.LEVELS``).
PRECISIONS: tuple[str, ...] = ("region", "province", "arrondissement", "municipality")
PRECISION_RANK = MappingProxyType({p: i for i, p in enumerate(PRECISIONS)})
#: Column of the municipality table that holds each precision's unit code.
CODE_COLUMN = MappingProxyType({"municipality": "nis", "arrondissement": "arr_nis", "province": "prov_nis",
                                "region": "reg_nis"})
#: The columns whose text is checked for names of persons.
TEXT_COLUMNS: tuple[str, ...] = ("place", "note", "outlet", "source_url", "other_urls", "series")


def _check(fn, message: str) -> pa.Check:
    return pa.Check(fn, element_wise=True, error=message)


def _one_of(values) -> pa.Check:
    values = tuple(values)
    shown = ", ".join(repr(v) for v in values)
    return _check(lambda v: v in values, f"must be one of {shown}")


def is_web_address(text: str) -> bool:
    """``http(s)://host/...`` with a host that has a dot."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and "." in parts.netloc and " " not in text


def _date_ok(text: str) -> bool:
    return not pd.isna(pd.to_datetime(text, format="%Y-%m-%d", errors="coerce"))


def schema() -> pa.DataFrameSchema:
    text = dict(dtype=str, nullable=False, coerce=False)
    filled = _check(bool, "is empty")
    return pa.DataFrameSchema(
        {
            "row_id": pa.Column(**text, checks=filled, unique=True, report_duplicates="exclude_first"),
            "series": pa.Column(**text, checks=filled),
            "counts": pa.Column(**text, checks=_one_of(COUNTS)),
            "count": pa.Column(**text, checks=_check(str.isdigit, "must be a whole number, 0 or more")),
            "qualifier": pa.Column(**text, checks=_one_of(QUALIFIERS)),
            "unit_nis": pa.Column(**text, checks=_check(lambda v: len(v) == 5 and v.isdigit(),
                                                        "must be a 5-digit REFNIS code")),
            "geo_precision": pa.Column(**text, checks=_one_of(PRECISIONS)),
            "source_geo_precision": pa.Column(**text, checks=_one_of(PRECISIONS)),
            "coverage": pa.Column(**text, checks=_one_of(COVERAGES)),
            "place": pa.Column(**text, checks=filled),
            "figure_date": pa.Column(**text, checks=_check(_date_ok, "must be a date written YYYY-MM-DD")),
            "date_precision": pa.Column(**text, checks=_one_of(vocab.DATE_PRECISIONS)),
            "source_url": pa.Column(**text, checks=_check(is_web_address,
                                                          "must be the web address of the source (http or https)")),
            "other_urls": pa.Column(**text, checks=_check(
                lambda v: all(is_web_address(u) for u in v.split()), "must be web addresses separated by spaces")),
            "outlet": pa.Column(**text, checks=filled),
            "note": pa.Column(**text, checks=filled),
        },
        strict=True,
        ordered=False,
    )


def schema_problems(frame: pd.DataFrame, name: str) -> list[Problem]:
    """Every cell that breaks a column rule (row numbers as a spreadsheet shows them)."""
    return checks.schema_problems(schema(), frame, name)


def known_codes(munis: pd.DataFrame) -> dict[str, frozenset[str]]:
    """The unit codes of each precision in a municipality table (``nis``, ``arr_nis``, ``prov_nis``,
    ``reg_nis``)."""
    return {p: frozenset(munis[column].astype(str)) for p, column in CODE_COLUMN.items()}


def row_problems(frame: pd.DataFrame, name: str, codes: dict[str, frozenset[str]]) -> list[Problem]:
    """The rules that involve several fields of a row, or several rows of a series."""
    problems: list[Problem] = []
    for index, r in zip(frame.index, frame.itertuples(index=False)):
        row = int(index) + 2

        def bad(field: str, reason: str, row: int = row) -> None:
            problems.append(Problem(name, row, field, reason))

        if r.unit_nis not in codes[r.geo_precision]:
            bad("unit_nis", f"{r.unit_nis} is not a 2019 {r.geo_precision} code")
        rank, source_rank = PRECISION_RANK[r.geo_precision], PRECISION_RANK[r.source_geo_precision]
        if rank > source_rank:
            bad("geo_precision", f"{r.geo_precision} is more precise than the source ({r.source_geo_precision})")
        if r.coverage == "part" and rank >= source_rank:
            bad("coverage", "a 'part' row stands for a source area smaller than its unit: its "
                            "source_geo_precision must be finer than its geo_precision")
        if r.date_precision == "month" and not r.figure_date.endswith("-01"):
            bad("figure_date", "a date known to the month is written as the first day of that month")
        if r.date_precision == "year" and r.figure_date[4:] != "-01-01":
            bad("figure_date", "a date known to the year is written as 1 January of that year")
        for column in TEXT_COLUMNS:
            names = person_names_in(getattr(r, column))
            if names:
                bad(column, f"names a person ({', '.join(names)}): the layer names places, outlets and roles only")
    for series, rows in frame.groupby("series", sort=False):
        first = int(rows.index[0]) + 2
        if rows["counts"].nunique() > 1:
            problems.append(Problem(name, first, "counts", f"series {series!r} counts different things: "
                                    f"{sorted(rows['counts'].unique())}; one series counts one thing"))
        repeated = rows["unit_nis"][rows["unit_nis"].duplicated()]
        for index, code in repeated.items():
            problems.append(Problem(name, int(index) + 2, "unit_nis",
                                    f"series {series!r} already has a figure for unit {code}"))
    return problems
