"""Property tests: whatever table or bytes come in, an import either works (and accounts for every
row) or raises one of the importer's documented errors."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from geo.errors import ImportFileError, MappingError
from geo.io import pipeline
from geo.io.mapping import suggest_mapping
from geo.io.readers.formats import read_table
from geo.io.result import ImportResult

COLUMN_POOL = [
    # GTD
    "eventid", "iyear", "imonth", "iday", "latitude", "longitude", "specificity", "city", "provstate",
    "country_txt", "attacktype1_txt", "summary", "gname",
    # ACLED
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "admin1",
    "admin2", "admin3", "location", "geo_precision", "notes", "country",
    # hand-made, EN/FR/NL
    "id", "date", "datum", "Date", "year", "month", "day", "lat", "lon", "place", "gemeente",
    "commune", "postcode", "code postal", "type", "soort", "description", "date_precision",
    "location_precision", "geometry_lat", "geometry_lon", "", "row", "reason", "field",
]
NASTY = [
    "", " ", "0", "1", "2", "3", "5", "-1", "1e400", "nan", "NaN", "inf", "-0", "50.85", "4.35",
    "50,85", "2016", "2016-03-22", "22/03/2016", "15 January 2015", "31 February 2016", "03/2016",
    "=1+1", "=HYPERLINK(\"http://example.invalid\")", "+cmd", "@SUM(A1)", "<img src=x onerror=alert(1)>",
    "__import__('os')", "Brussels", "Bruxelles", "Liège", "Zaventem", "Jumet", "1080", "B-1040",
    "Belgium", "France", "Bombing/Explosion", "Arrests", "Disrupted weapons use", "Riots", "day",
    "month", "point", "region", "none", "0.0", "12.0", "\t", "\n", "\"", "'", ";", "|", ",",
    "😀", "ﬁ", "İstanbul", "\u202e", "x" * 300,
]
cell = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=20),
    st.integers(-10_000, 300_000_000_000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(lambda d: d.isoformat()),
)
column_name = st.one_of(st.sampled_from(COLUMN_POOL), st.text(min_size=0, max_size=12))


# Mostly plausible values for the columns that decide whether a row can be accepted, so that the
# properties are exercised on accepted rows too, not only on refusals.
def mostly(good: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(good, good, good, cell)  # three times in four a plausible value


PLAUSIBLE = {
    "date": mostly(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)).map(str)),
    "iyear": mostly(st.integers(1970, 2020).map(str)),
    "imonth": mostly(st.integers(0, 12).map(str)),
    "iday": mostly(st.integers(0, 28).map(str)),
    "latitude": mostly(st.floats(49.4, 51.6).map(str)),
    "longitude": mostly(st.floats(2.5, 6.5).map(str)),
    "place": mostly(st.sampled_from(["Gent", "Jumet", "Brussels", "Luik", "Nowhere", ""])),
}
SHAPES = [
    [],
    ["date"],
    ["date", "latitude", "longitude"],
    ["date", "place"],
    ["iyear", "imonth", "iday", "latitude", "longitude"],
]


@st.composite
def tables(draw) -> pd.DataFrame:
    shape = draw(st.sampled_from(SHAPES))
    names = {"date": draw(st.sampled_from(["date", "event_date", "datum", "Date"])),
             "place": draw(st.sampled_from(["place", "city", "gemeente", "location"]))}
    fixed = [(names.get(k, k), PLAUSIBLE[k]) for k in shape]
    if "iyear" in shape:
        fixed.append(("eventid", mostly(st.uuids().map(str))))
    extra = draw(st.lists(column_name, min_size=0 if fixed else 1, max_size=6))
    columns = [name for name, _ in fixed] + extra
    strategies = [strategy for _, strategy in fixed] + [cell] * len(extra)
    n = draw(st.integers(0, 12) if shape else st.integers(0, 4))
    rows = [[draw(strategy) for strategy in strategies] for _ in range(n)]
    frame = pd.DataFrame(rows, columns=range(len(columns)), dtype=object)
    frame.columns = columns  # duplicates allowed: the importer must cope
    return frame


def check_result(result: ImportResult, n_rows: int) -> None:
    s = result.summary
    assert s["rows_in"] == n_rows
    assert s["rows_in"] == s["accepted"] + s["rejected"]
    assert len(result.accepted) == s["accepted"] and len(result.rejected) == s["rejected"]
    assert set(result.accepted["kind"]) <= {"attack", "arrest_action", "plot", "other"}
    assert set(result.accepted["geo_precision"]) <= {"point", "municipality", "region", "none"}
    assert set(result.accepted["date_precision"]) <= {"day", "month", "year"}
    assert result.accepted["site_id"].is_unique
    assert (result.accepted["plot"] == (result.accepted["kind"] == "plot")).all()
    data = result.rejected_csv()
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(back) == s["rejected"]


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(tables())
def test_random_tables_with_a_suggested_mapping(raw):
    mapping = suggest_mapping(raw.columns)
    try:
        result = pipeline.import_table(raw, mapping=mapping, filename="random.csv")
    except MappingError as exc:
        assert exc.filename == "random.csv" and str(exc)
        event("mapping refused")
        return
    event("accepted some" if result.summary["accepted"] else "accepted none")
    check_result(result, len(raw))


@SETTINGS
@given(tables(), st.sampled_from([",", ";", "\t", "|"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_random_tables_written_as_csv(raw, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([list(raw.columns), *raw.itertuples(index=False)])
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    try:
        result = pipeline.import_file(data, filename="random.csv")
    except ImportFileError as exc:  # includes MappingError; empty or blank tables
        assert exc.filename == "random.csv" and str(exc)
        event(f"{type(exc).__name__}: {exc.message[:30]}")
        return
    event("accepted some" if result.summary["accepted"] else "accepted none")
    assert result.summary["rows_in"] == result.info.rows
    check_result(result, result.info.rows)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.xlsx", "x.geojson", "x.gpkg", "x.txt", "x"]))
def test_random_bytes_never_crash_the_reader(data, filename):
    try:
        raw, info = read_table(data, filename=filename)
    except ImportFileError:
        return
    assert len(raw) == info.rows and raw.index.name == "row"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([b"PK\x03\x04", b"SQLite format 3\x00", b'{"type": "FeatureCollection", "features": ']),
       st.binary(max_size=500))
def test_random_bytes_behind_a_known_signature(head, tail):
    for filename in ("x.xlsx", "x.gpkg", "x.geojson"):
        with contextlib.suppress(ImportFileError):
            read_table(head + tail, filename=filename)
