"""The incident table: load, validate (pandera), and derive what every view needs.

One row per incident *site* (DESIGN.md §3). ``load_incidents`` validates every row, collects
every problem with its row number and field, and raises :class:`geo.IncidentDataError` once.
Derived columns (never stored): ``year``, ``month`` (``YYYY-MM``, empty for rows known only to
the year), ``city`` (the report's grouping: the Brussels-Capital Region is "Brussels"; elsewhere
the municipality), ``region_name``, and ``lat``/``lon`` filled with a representative point of the
municipality or region for rows not known to the point.

A documented row records what its sources give (``source_date_precision``, ``source_geo_precision``)
and is never more precise than that; reconstructed rows leave both empty (DESIGN.md §4).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from geo import vocab
from geo.admin import boundaries, gazetteer
from geo.checks import schema_problems
from geo.config import DATA_DIR
from geo.errors import IncidentDataError, Problem

INCIDENTS_CSV = DATA_DIR / "incidents.csv"

COLUMNS: tuple[str, ...] = (
    "site_id", "event_id", "date", "date_precision", "source_date_precision", "kind", "plot",
    "link", "connection", "networks", "n_arrested", "traveled", "weapon", "target", "place",
    "municipality_nis", "region_nis", "lat", "lon", "geo_precision", "source_geo_precision",
    "provenance", "source", "description",
)
#: What the report's table adds to the incident layout: where a row's link comes from, and the page
#: that gives a point row's position. Optional: other incident tables (imports, stores) lack them.
SOURCE_COLUMNS: tuple[str, ...] = ("link_source", "point_source")
#: The columns of ``data/incidents.csv``, in the file's order.
REPORT_COLUMNS: tuple[str, ...] = (
    *COLUMNS[:COLUMNS.index("connection")], "link_source",
    *COLUMNS[COLUMNS.index("connection"):COLUMNS.index("geo_precision")], "point_source",
    *COLUMNS[COLUMNS.index("geo_precision"):],
)
#: Where a documented row's link (linked or inspired) comes from: the cited press pages, a cited
#: judgment, or the report alone (its Table 1 or its text); reconstructed rows: the report.
LINK_SOURCES = ("report", "press", "court")
#: Attributes of the event, identical on every site of one event.
EVENT_FIELDS: tuple[str, ...] = (
    "date", "date_precision", "source_date_precision", "kind", "plot", "link", "connection",
    "networks", "n_arrested", "traveled", "weapon", "provenance",
)
#: What the report's table may hold where it is narrower than any dataset (see geo.vocab).
REPORT_GEO_PRECISIONS = ("point", "municipality", "region")
REPORT_PROVENANCES = ("documented", "reconstructed")
#: What a documented row's sources give (``source_date_precision``, ``source_geo_precision``);
#: empty on reconstructed rows, which have no source but the report.
SOURCE_DATE_PRECISIONS = ("", *vocab.DATE_PRECISIONS)
SOURCE_GEO_PRECISIONS = ("", *REPORT_GEO_PRECISIONS)


def _check(fn, message: str) -> pa.Check:
    return pa.Check(fn, element_wise=True, error=message)


def _one_of(values: tuple[str, ...]) -> pa.Check:
    shown = ", ".join(repr(v) for v in values)
    return _check(lambda v: v in values, f"must be one of {shown}")


def _is_float(v: str) -> bool:
    try:
        return np.isfinite(float(v))
    except ValueError:
        return False


def _schema() -> pa.DataFrameSchema:
    text = dict(dtype=str, nullable=False, coerce=False)
    return pa.DataFrameSchema(
        {
            "site_id": pa.Column(**text, checks=_check(bool, "is empty"), unique=True,
                                 report_duplicates="exclude_first"),
            "event_id": pa.Column(**text, checks=_check(bool, "is empty")),
            "date": pa.Column(**text, checks=_check(
                lambda v: not pd.isna(pd.to_datetime(v, format="%Y-%m-%d", errors="coerce")),
                "must be a date written YYYY-MM-DD")),
            "date_precision": pa.Column(**text, checks=_one_of(vocab.DATE_PRECISIONS)),
            "source_date_precision": pa.Column(**text, checks=_one_of(SOURCE_DATE_PRECISIONS)),
            "kind": pa.Column(**text, checks=_one_of(vocab.REPORT_KINDS)),
            "plot": pa.Column(**text, checks=_one_of(("true", "false"))),
            "link": pa.Column(**text, checks=_one_of(vocab.LINKS)),
            "connection": pa.Column(**text, checks=_one_of(vocab.CONNECTIONS)),
            "networks": pa.Column(**text),
            "n_arrested": pa.Column(**text, checks=_check(str.isdigit, "must be a whole number, 0 or more")),
            "traveled": pa.Column(**text, checks=_one_of(("true", "false", "unknown"))),
            "weapon": pa.Column(**text),
            "target": pa.Column(**text),
            "place": pa.Column(**text, checks=_check(bool, "is empty")),
            "municipality_nis": pa.Column(**text, checks=_check(
                lambda v: v == "" or (len(v) == 5 and v.isdigit()), "must be a 5-digit REFNIS code or empty")),
            "region_nis": pa.Column(**text, checks=_one_of(vocab.REGIONS)),
            "lat": pa.Column(**text, checks=_check(
                lambda v: v == "" or (_is_float(v) and -90 <= float(v) <= 90), "must be a latitude in degrees or empty")),
            "lon": pa.Column(**text, checks=_check(
                lambda v: v == "" or (_is_float(v) and -180 <= float(v) <= 180), "must be a longitude in degrees or empty")),
            "geo_precision": pa.Column(**text, checks=_one_of(REPORT_GEO_PRECISIONS)),
            "source_geo_precision": pa.Column(**text, checks=_one_of(SOURCE_GEO_PRECISIONS)),
            "provenance": pa.Column(**text, checks=_one_of(REPORT_PROVENANCES)),
            "source": pa.Column(**text, checks=_check(bool, "is empty: every row cites a source")),
            "description": pa.Column(**text),
            "link_source": pa.Column(**text, required=False, checks=_one_of(("", *LINK_SOURCES))),
            "point_source": pa.Column(**text, required=False, checks=_check(
                lambda v: v == "" or (v.startswith(("http://", "https://")) and " " not in v),
                "must be a web address (http or https) or empty")),
        },
        strict=True,
        ordered=False,
    )


def _schema_problems(frame: pd.DataFrame, name: str) -> list[Problem]:
    return schema_problems(_schema(), frame, name)


def _row_problems(frame: pd.DataFrame, name: str, known_nis: dict[str, str]) -> list[Problem]:
    """Rules that involve several fields of a row, or several rows of an event."""
    problems: list[Problem] = []
    for index, r in zip(frame.index, frame.itertuples(index=False)):
        row = int(index) + 2  # the file's row: the header is row 1

        def bad(field: str, reason: str, row: int = row) -> None:
            problems.append(Problem(name, row, field, reason))

        date = r.date
        if r.date_precision == "month" and not date.endswith("-01"):
            bad("date", "a date known to the month is written as the first day of that month")
        if r.date_precision == "year" and date[4:] != "-01-01":
            bad("date", "a date known to the year is written as 1 January of that year")
        has_point = r.lat != "" and r.lon != ""
        if (r.lat == "") != (r.lon == ""):
            bad("lat", "lat and lon go together: give both or neither")
        if r.geo_precision == "point" and not has_point:
            bad("lat", "point precision needs lat and lon")
        if r.geo_precision in ("point", "municipality") and r.municipality_nis == "":
            bad("municipality_nis", f"{r.geo_precision} precision needs a municipality")
        if r.geo_precision == "region" and r.municipality_nis != "":
            bad("municipality_nis", "region precision must leave the municipality empty")
        if r.municipality_nis:
            region = known_nis.get(r.municipality_nis)
            if region is None:
                bad("municipality_nis", f"{r.municipality_nis} is not a 2019 REFNIS municipality code")
            elif region != r.region_nis:
                bad("region_nis", f"municipality {r.municipality_nis} lies in region {region}, not {r.region_nis}")
        if r.kind == "attack" and r.plot == "true":
            bad("plot", "plots are revealed by arrest actions; an attack has plot false")
        if r.link == "inspired" and r.connection not in ("",):
            bad("connection", "an inspired action has no connection to the group: leave it empty")
        if r.provenance == "reconstructed":
            if r.geo_precision == "point":
                bad("geo_precision", "a reconstructed row is at most municipality precision")
            if r.date_precision == "day":
                bad("date_precision", "a reconstructed row is at most month precision")
            if r.source_date_precision or r.source_geo_precision:
                bad("provenance", "a reconstructed row has no source of its own: leave "
                                  "source_date_precision and source_geo_precision empty")
        elif r.provenance == "documented":
            _source_precision_problems(r, bad)
        point_source = getattr(r, "point_source", None)
        if point_source is not None:
            if r.geo_precision == "point" and r.provenance == "documented" and not point_source:
                bad("point_source", "a documented point needs the address of a page that gives it")
            if r.geo_precision != "point" and point_source:
                bad("point_source", "only a row at point precision names the page of its point")
    for event_id, sites in frame.groupby("event_id", sort=False):
        if len(sites) < 2:
            continue
        for field in EVENT_FIELDS:
            if sites[field].nunique() > 1:
                first = int(sites.index[0]) + 2
                problems.append(Problem(name, first, field,
                    f"event {event_id!r} has different values on its sites: {sorted(sites[field].unique())}"))
    return problems


def _source_precision_problems(r, bad) -> None:
    """A documented row says what its sources give and claims no more: its date and place are
    at most as precise as ``source_date_precision`` and ``source_geo_precision``."""
    if not r.source_date_precision:
        bad("source_date_precision", "a documented row records how precisely its sources date it")
    elif vocab.DATE_RANK[r.date_precision] > vocab.DATE_RANK[r.source_date_precision]:
        bad("date_precision", f"{r.date_precision} is more precise than the sources "
                              f"({r.source_date_precision})")
    if not r.source_geo_precision:
        bad("source_geo_precision", "a documented row records how precisely its sources place it")
    elif vocab.GEO_RANK[r.geo_precision] > vocab.GEO_RANK[r.source_geo_precision]:
        bad("geo_precision", f"{r.geo_precision} is more precise than the sources "
                             f"({r.source_geo_precision})")


def read_incident_table(path: Path | str) -> pd.DataFrame:
    """Read an incident CSV as text (no type guessing), for validation."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise IncidentDataError([Problem(str(path), None, None, "file not found")]) from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise IncidentDataError([Problem(str(path), None, None, f"not a readable UTF-8 CSV: {exc}")]) from None
    return frame.apply(lambda col: col.str.strip())


def validate_incidents(frame: pd.DataFrame, *, name: str = "incidents") -> pd.DataFrame:
    """Validate a text table of incidents; raise :class:`IncidentDataError` with every problem.

    Returns the typed table with the derived columns (see module docstring)."""
    problems = _schema_problems(frame, name)
    if any(p.row is None for p in problems):  # structural: missing or unknown columns
        raise IncidentDataError(problems)
    munis = boundaries.municipalities()
    known = dict(zip(munis["nis"], munis["reg_nis"]))
    bad_rows = {p.row for p in problems}
    clean = frame.loc[[i for i in frame.index if int(i) + 2 not in bad_rows]]
    problems += _row_problems(clean, name, known)
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.field or ""))
        raise IncidentDataError(problems)
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["date"] = pd.to_datetime(out["date"], format="%Y-%m-%d")
    out["plot"] = out["plot"] == "true"
    out["n_arrested"] = out["n_arrested"].astype("int64")
    out["lat"] = pd.to_numeric(out["lat"].replace("", np.nan))
    out["lon"] = pd.to_numeric(out["lon"].replace("", np.nan))
    return derive(out)


def _place_tables(of: boundaries.Boundaries) -> tuple[dict, dict, dict, dict]:
    """Local names, report city names and representative points of the units of ``of``."""
    munis = of.municipalities()
    local = np.where(munis["reg_nis"] == vocab.FLANDERS, munis["name_nl"], munis["name_fr"])
    names = dict(zip(munis["nis"], local))
    cities = names | gazetteer.english_names()
    return names, cities, of.representative_points("municipality"), of.representative_points("region")


def derive(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns to a typed incident table (``date`` as datetime, ``lat``/``lon``
    as floats): ``year``, ``month`` (``YYYY-MM``; empty when only the year is known),
    ``network_list``, ``municipality_name`` (local language), ``city`` (the report's grouping,
    English names of big cities), ``region_name``; rows not known to the point get a
    representative point of their municipality or region in ``lat``/``lon`` (EPSG:4326).
    Rows with no region (not located) keep empty places and no coordinates."""
    of = boundaries.current()
    names, cities, reps_m, reps_r = of.derived(("incidents", "place tables"), lambda: _place_tables(of))
    out = frame.copy()
    year = out["date"].dt.year.to_numpy(dtype="int64")
    month_code = year * 12 + out["date"].dt.month.to_numpy(dtype="int64") - 1
    labels = {int(c): f"{c // 12:04d}-{c % 12 + 1:02d}" for c in np.unique(month_code)}
    out["year"] = year
    out["month"] = np.where(out["date_precision"].to_numpy() == "year", "",
                            pd.Series(month_code, index=out.index).map(labels).to_numpy())
    # tuples: immutable, and one shared empty tuple for the many rows without a network
    networks = out["networks"].fillna("").astype(str)
    parsed = {text: tuple(n.strip() for n in text.split(";") if n.strip()) for text in networks.unique()}
    out["network_list"] = networks.map(parsed)
    nis = out["municipality_nis"].fillna("")
    region = out["region_nis"].fillna("")
    out["municipality_name"] = nis.map(names).fillna("")
    out["city"] = np.where(region == vocab.BRUSSELS_REGION, vocab.BRUSSELS_CITY, nis.map(cities).fillna(""))
    out["region_name"] = region.map(vocab.REGION_NAMES_EN).fillna("")
    missing = out["lat"].isna() | out["lon"].isna()
    if missing.any():
        rep = nis[missing].map(reps_m)
        rep = rep.where(rep.notna(), region[missing].map(reps_r))
        located = rep.notna()
        idx = rep.index[located]
        out.loc[idx, "lon"] = [p[0] for p in rep[located]]
        out.loc[idx, "lat"] = [p[1] for p in rep[located]]
    return out


@lru_cache(maxsize=4)
def _load_cached(path: str, stamp: tuple[int, int]) -> pd.DataFrame:
    del stamp  # the file's identity with the path (size, modification time): an edited file is read anew
    return validate_incidents(read_incident_table(path), name=Path(path).name)


def load_incidents(path: Path | str | None = None) -> pd.DataFrame:
    """Load and validate an incident table (default: the report's, ``data/incidents.csv``).

    Returns a fresh copy of the typed table with derived columns; raises
    :class:`IncidentDataError` listing every problem (file, row, field, reason)."""
    path = Path(path) if path is not None else INCIDENTS_CSV
    seen = path.stat() if path.exists() else None
    return _load_cached(str(path), (seen.st_size, seen.st_mtime_ns) if seen else (-1, -1)).copy()
