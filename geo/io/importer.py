"""Bring your own incidents: read a table, map its columns, validate every row, geocode, crosswalk.

Public API (no streamlit; ``geo.ui`` and ``geo.cli`` call these)::

    raw, info = read_table(source, filename="x.csv", sheet=None)   # text table + ReadInfo
    preset = detect_preset(raw.columns)                             # "gtd", "acled" or None
    mapping = suggest_mapping(raw.columns)                          # ColumnMapping to confirm
    result = import_table(raw, mapping=mapping, filename="x.csv", info=info)
    result = import_file(source, filename="x.csv")                  # the three steps at once
    result.accepted / result.rejected / result.problems / result.summary
    rejected_csv(result.rejected) -> bytes                          # download of rejected rows

``source`` is a path, the file's bytes, or a binary file object (Streamlit's ``UploadedFile``).

**Reading.** The format comes from the content, else the file name: ``.xlsx`` (the first sheet,
or ``sheet=``; formulas are read as the value the spreadsheet last computed and saved, never
evaluated: a formula never computed reads as empty), GeoPackage (``sheet=`` names the layer),
GeoJSON (``.geojson``/``.json``; point geometries become the columns ``geometry_lat`` and
``geometry_lon``, other geometries are not used), anything else as delimited text. Text is read
as UTF-8 (with or without byte-order mark), UTF-16 with a byte-order mark, else Windows-1252,
else Latin-1 (``ReadInfo.encoding`` says which); the delimiter is sniffed among ``, ; tab |``.
Every cell is kept as text; nothing is converted, evaluated or executed. The raw table's index
is the row number the user sees: CSV header = row 1, so data record *i* is row *i* + 1; in a
workbook the sheet row; in GeoJSON the feature index + 1; in a GeoPackage the feature id. Rows
whose cells are all empty are skipped (``ReadInfo.blank_rows``). A CSV row with more cells than
the header keeps the extra cells in the column :data:`EXTRA_CELLS` and is rejected.

**Presets.** GTD exports (``eventid``, ``iyear``/``imonth``/``iday``, …) and ACLED exports
(``event_id_cnty``, ``event_date``, …) are recognised by their column names; any other table goes
through a :class:`ColumnMapping` (``suggest_mapping`` guesses it from English, French and Dutch
column names).

**Dates keep their precision** (``day``, ``month``, ``year``; a coarser date is stored as the
first day of its period):

* GTD: ``iday`` 0 → month precision; ``imonth`` 0 → year precision.
* ACLED ``time_precision``: 1 → day; 2 (a week, a weekend or a few days: the date ACLED coded is
  near the middle) → month, the month of the coded date; 3 (the month) → month. A code never
  makes a date finer than its text.
* Hand-made tables: the form of the text decides (``2016-03-22``, ``22/03/2016``, ``22.03.2016``,
  ``22 March 2016`` and French/Dutch month names → day; ``2016-03``, ``03/2016``, ``March 2016``
  → month; ``2016`` → year); numeric dates are read day first (European order); or a
  ``date_format`` (strptime) given in the mapping; or ``year``/``month``/``day`` columns (blank
  or 0 = unknown); an optional precision column (day/month/year) can only make it coarser.

**Locations keep their precision.** Geocoding goes through :func:`geo.admin.geocode.geocode_frame`:
coordinates first, else the postal code, else place names (``places``, in order), then *areas*
(province or region names: ``provstate``, ACLED ``admin2``/``admin1``) which never give more than
region precision (a province named like its capital must not become the city). The source's own
precision code then caps the answer:

* GTD ``specificity``: 1 → point; 2 (city centroid) → municipality; 3 (centroid of a smaller
  administrative region) and 4 (of a larger one) → region (our finest unit above the
  municipality); 5 (no administrative region identified) → the coordinates are not used and
  place names give at most the region.
* ACLED ``geo_precision``: 1 → point (ACLED's 1 is the named town or the exact place, so the
  point may be a town centre); 2 (near a town / part of a region) → municipality; 3 → region.
* Hand-made: a column with ``point``, ``municipality``, ``region`` or ``none``.

Only rows at point precision keep their coordinates; the others get the representative point of
their unit from :func:`geo.incidents.table.derive`. A row outside Belgium, or that nothing locates, is
**accepted** with ``geo_precision`` ``none`` and a ``geocode_note``; ``summary["not_located"]``
counts them and :attr:`ImportResult.not_located` lists them. Rows whose country column names
another country are not looked up by postal code or place name (a French "Saint-Nicolas" is not
the Belgian one); their coordinates still decide.

**Categories** go through :mod:`geo.io.crosswalk` (an unknown value is ``other``, with a note in
``kind_note``, never a rejection).

**Validation** (pandera): every input row is accepted or rejected, ``rows_in == accepted +
rejected``. Rejections: an empty or duplicated id (the first occurrence is kept), an empty or
unreadable date, text in a number field (coordinates, GTD/ACLED codes, year/month/day), out-of-
range values, a latitude without a longitude, extra cells. Each problem names the row, the
column (as the file names it) and the reason.

**Limits and safety.** ``ATLAS_MAX_UPLOAD_MB`` (default 200) and ``ATLAS_MAX_ROWS`` (default
2,000,000) bound what is read; going over raises :class:`ImportLimitError` naming the file and the
limit. Nothing from a file is executed or evaluated: the csv module, ``json.loads``, openpyxl in
read-only mode with ``data_only=True``, GDAL for GeoPackages. Text stays text (descriptions are
never interpreted: escape them before putting them into HTML). The rejected-rows CSV defuses
cells a spreadsheet would run as formulas.

Errors raised on purpose (all :class:`geo.AtlasError`): :class:`ImportFileError` (unreadable,
empty, unsupported file; missing sheet), :class:`ImportLimitError` (too big), :class:`MappingError`
(a mapping that names missing columns, or a table without the columns it needs),
:class:`geo.errors.SettingsError` (a malformed limit in the environment).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date as _date
from datetime import datetime, timedelta
from datetime import time as _time
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Union

import numpy as np
import pandas as pd
import pandera.pandas as pa
import shapely
from pandera.errors import SchemaErrors

from geo import config, text, vocab
from geo.admin import boundaries, gazetteer, geocode
from geo.errors import ImportFileError, ImportLimitError, MappingError, Problem
from geo.incidents.table import COLUMNS, derive
from geo.io import crosswalk

Source = Union[str, os.PathLike, bytes, bytearray, memoryview, BinaryIO]

#: Columns an import adds to the incident layout (after the derived columns).
EXTRA_COLUMNS: tuple[str, ...] = ("source_row", "geocode_method", "geocode_note", "kind_note")
#: Column of the raw table holding the surplus cells of a CSV row longer than its header.
EXTRA_CELLS = "(extra cells)"
#: Columns a GeoJSON or GeoPackage's point geometry is read into (EPSG:4326 degrees).
GEOMETRY_LAT, GEOMETRY_LON = "geometry_lat", "geometry_lon"
PRESETS: tuple[str, ...] = ("gtd", "acled")
PROVENANCE = "imported"
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_MIN_YEAR, _MAX_YEAR = 1900, 2100


# --- limits --------------------------------------------------------------------------------------

def _too_many_rows(filename: str, limit: int) -> ImportLimitError:
    return ImportLimitError(
        filename, f"has more than {limit:,} data rows, the most one import takes "
        "(ATLAS_MAX_ROWS); split the file or raise the limit", what="rows", limit=limit,
        actual=limit + 1)


# --- reading -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadInfo:
    """How a file was read. ``format``: ``csv``, ``xlsx``, ``geojson`` or ``gpkg``.
    ``encoding`` (text files): ``utf-8``, ``utf-8-sig`` (UTF-8 with a byte-order mark),
    ``utf-16``, ``cp1252`` (Windows-1252) or ``latin-1``. ``delimiter``: the character, for text
    files. ``sheet``: the workbook sheet or GeoPackage layer read. ``rows``: data rows read;
    ``blank_rows``: entirely empty rows skipped. ``notes``: what else a person should know."""

    filename: str
    format: str
    size_bytes: int
    rows: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    blank_rows: int = 0
    notes: tuple[str, ...] = ()

    @property
    def delimiter_name(self) -> str | None:
        return _DELIMITER_NAMES.get(self.delimiter or "", self.delimiter)


def _read_bytes(source: Source, filename: str) -> bytes:
    limit = config.max_upload_bytes()
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > limit:
                raise _too_big(filename, limit, size)
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            raise ImportFileError(filename, f"cannot be opened ({exc.strerror or exc})") from None
    elif hasattr(source, "read"):
        if hasattr(source, "seek"):
            try:
                source.seek(0)
            except (OSError, ValueError):
                pass
        data = source.read(limit + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("read_table: a file object must be opened in binary mode ('rb')")
        data = bytes(data)
    else:
        raise TypeError(f"read_table: expected a path, bytes or a binary file, not {type(source).__name__}")
    if len(data) > limit:
        raise _too_big(filename, limit, len(data))
    return data


def _too_big(filename: str, limit: int, size: int) -> ImportLimitError:
    return ImportLimitError(
        filename, f"is {size / 1e6:,.1f} MB, more than the {limit / 1e6:,.0f} MB an upload may be "
        "(ATLAS_MAX_UPLOAD_MB)", what="size", limit=limit, actual=size)


def _sniff_format(data: bytes, filename: str) -> str:
    ext = Path(filename).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:16] == b"SQLite format 3\x00":
        return "gpkg"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(filename, "is an old-style Excel workbook (.xls), which this atlas "
                              "does not read: save it as .xlsx or as CSV")
    if ext in (".xlsx", ".xlsm", ".gpkg", ".xls") and data.strip():
        raise ImportFileError(filename, f"is named {ext} but is not a {ext} file")
    if ext in (".geojson", ".json"):
        return "geojson"
    return "csv"


# Bytes that are control characters in every encoding read here (tab, LF, CR excepted).
_C0 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_C1 = bytes(range(0x80, 0xA0))


def _controls(data: bytes, extra: bytes = b"") -> int:
    return len(data) - len(data.translate(None, _C0 + extra))


def _decode(data: bytes, filename: str) -> tuple[str, str]:
    """The text of a file and the encoding that read it."""
    not_text = ("is not a text table: it holds bytes that are not text in UTF-8, Windows-1252 or "
                "Latin-1. Is it a binary file, or a table in another encoding? Save it as "
                "'CSV UTF-8' and try again")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ImportFileError(filename, f"starts as UTF-8 but byte {exc.start + 3} is not "
                                  "UTF-8; save it again as 'CSV UTF-8'") from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ImportFileError(filename, "starts as UTF-16 but is not UTF-16 text") from None
        if "\x00" in text:
            raise ImportFileError(filename, not_text)
        return text, encoding
    else:
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    # A NUL byte is never in a text table (UTF-16 without a byte-order mark has many). Windows-1252
    # and Latin-1 decode almost any byte: binary files and other encodings then show up as control
    # characters. (Valid UTF-8 is text, whatever control characters its cells hold.)
    if b"\x00" in data:
        raise ImportFileError(filename, not_text)
    if encoding != "utf-8":
        bad = _controls(data, _C1 if encoding == "latin-1" else b"")
        if bad > max(2, len(data) // 200):
            raise ImportFileError(filename, not_text)
    return text, encoding


def _sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        width = counts[0]
        score = (sum(c == width for c in counts) / len(counts), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _unique_names(names: Iterable[object]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for j, name in enumerate(names, start=1):
        text = "" if name is None else str(name).replace("\ufeff", "").strip()
        text = text or f"column {j}"
        candidate, k = text, 2
        while candidate in seen:
            candidate, k = f"{text} ({k})", k + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def _frame(header: list[str], rows: list[list[str]], numbers: list[int], filename: str,
           *, extra: list[str] | None = None) -> pd.DataFrame:
    columns = _unique_names(header)
    if extra is not None and any(extra):
        columns = _unique_names([*columns, EXTRA_CELLS])
        rows = [r + [x] for r, x in zip(rows, extra)]
    frame = pd.DataFrame(rows, columns=columns, dtype=object) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in columns})
    frame.index = pd.Index(numbers, dtype="int64", name="row")
    return frame


def _read_csv(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    text, encoding = _decode(data, filename)
    if not text.strip():
        raise ImportFileError(filename, "is empty: there is no header row and no data")
    delimiter = _sniff_delimiter(text)
    limit = config.max_rows()
    csv.field_size_limit(max(csv.field_size_limit(), config.max_upload_bytes()))
    header: list[str] | None = None
    width = 0
    rows: list[list[str]] = []
    numbers: list[int] = []
    extra: list[str] = []
    blank = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            if not any(cell.strip() for cell in record):
                if header is not None:
                    blank += 1
                continue
            if header is None:
                header, width = record, len(record)
                continue
            if len(rows) >= limit:
                raise _too_many_rows(filename, limit)
            if len(record) < width:
                record = record + [""] * (width - len(record))
            if len(record) > width:
                extra.append(delimiter.join(record[width:]))
                record = record[:width]
            else:
                extra.append("")
            rows.append(record)
            numbers.append(number)
    except csv.Error as exc:
        raise ImportFileError(filename, f"row {reader.line_num}: {exc}") from None
    if header is None:
        raise ImportFileError(filename, "is empty: there is no header row and no data")
    if not rows:
        raise ImportFileError(filename, "has a header row but no data rows")
    frame = _frame(header, rows, numbers, filename, extra=extra)
    notes = []
    if width < 2:
        notes.append("only one column was found: if the file has several, check its delimiter "
                     "(comma, semicolon, tab or pipe)")
    return frame, ReadInfo(filename=filename, format="csv", size_bytes=len(data), rows=len(frame),
                           encoding=encoding, delimiter=delimiter, blank_rows=blank,
                           notes=tuple(notes))


def _cell_text(value: Any) -> str:
    """One cell as text, the way a spreadsheet shows it (numbers without a spurious '.0')."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return ""
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(value, datetime):
        if value.time() == _time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_date, _time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _workbook(data: bytes, filename: str):
    import openpyxl  # noqa: PLC0415  (only needed for workbooks)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportFileError(filename, "is not a readable .xlsx workbook (damaged zip)") from None
    cap = 10 * config.max_upload_bytes()
    if unpacked > cap:
        raise ImportLimitError(filename, f"unpacks to {unpacked / 1e6:,.0f} MB, more than "
                               f"{cap / 1e6:,.0f} MB (ten times ATLAS_MAX_UPLOAD_MB)",
                               what="size", limit=cap, actual=unpacked)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged or non-workbook zips
        raise ImportFileError(filename, f"is not a readable .xlsx workbook ({type(exc).__name__}: "
                              f"{exc})") from None


def list_sheets(source: Source, *, filename: str) -> list[str]:
    """The sheets of a workbook or the layers of a GeoPackage ([] for other files), for the
    picker that sets ``sheet=``."""
    data = _read_bytes(source, filename)
    kind = _sniff_format(data, filename)
    if kind == "xlsx":
        wb = _workbook(data, filename)
        try:
            return list(wb.sheetnames)
        finally:
            wb.close()
    if kind == "gpkg":
        return [str(name) for name, _ in _gpkg_layers(data, filename)]
    return []


def _read_xlsx(data: bytes, filename: str, sheet: str | None) -> tuple[pd.DataFrame, ReadInfo]:
    wb = _workbook(data, filename)
    try:
        names = list(wb.sheetnames)
        if not names:
            raise ImportFileError(filename, "has no sheets")
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise ImportFileError(filename, f"has no sheet named {sheet!r}; its sheets are "
                                  f"{', '.join(map(repr, names))}")
        ws = wb[sheet]
        if not hasattr(ws, "iter_rows") or not hasattr(ws, "reset_dimensions"):
            raise ImportFileError(filename, f"{sheet!r} is a chart sheet, not a table")
        ws.reset_dimensions()  # some writers record wrong dimensions: read every row
        limit = config.max_rows()
        header: list[str] | None = None
        rows: list[list[str]] = []
        numbers: list[int] = []
        blank = 0
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if not any(c.strip() for c in cells):
                if header is not None:
                    blank += 1
                continue
            if header is None:
                while cells and not cells[-1].strip():
                    cells.pop()
                header = cells
                continue
            if len(rows) >= limit:
                raise _too_many_rows(filename, limit)
            width = len(header)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                header = header + [""] * (len(cells) - width)
                rows = [r + [""] * (len(cells) - width) for r in rows]
                width = len(cells)
            cells = (cells + [""] * width)[:width]
            rows.append(cells)
            numbers.append(number)
    except ImportFileError:
        raise
    except Exception as exc:  # damaged sheet XML
        raise ImportFileError(filename, f"sheet {sheet!r} cannot be read ({type(exc).__name__}: "
                              f"{exc})") from None
    finally:
        wb.close()
    if header is None:
        raise ImportFileError(filename, f"sheet {sheet!r} is empty: there is no header row and no data")
    if not rows:
        raise ImportFileError(filename, f"sheet {sheet!r} has a header row but no data rows")
    frame = _frame(header, rows, numbers, filename)
    return frame, ReadInfo(filename=filename, format="xlsx", size_bytes=len(data), rows=len(frame),
                           sheet=sheet, blank_rows=blank)


_WGS84_NAMES = {"urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84",
                "urn:ogc:def:crs:epsg::4326", "urn:ogc:def:crs:epsg:4326", "epsg:4326",
                "http://www.opengis.net/def/crs/ogc/1.3/crs84",
                "http://www.opengis.net/def/crs/epsg/0/4326"}


def _point_of(geometry: Any) -> tuple[float, float] | None | str:
    """(lon, lat) of a GeoJSON point geometry; None when absent; "other" for other geometries."""
    if not isinstance(geometry, dict):
        return None
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "MultiPoint" and isinstance(coords, list) and len(coords) == 1:
        kind, coords = "Point", coords[0]
    if kind != "Point":
        return "other"
    try:
        lon, lat = float(coords[0]), float(coords[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return "other"
    return lon, lat


def _read_geojson(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(filename, "is not UTF-8 text, which GeoJSON must be") from None
    if not text.strip():
        raise ImportFileError(filename, "is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(filename, f"is not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ImportFileError(filename, "is nested too deeply to be GeoJSON") from None
    if isinstance(document, dict) and document.get("type") == "Feature":
        features = [document]
    elif isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise ImportFileError(filename, "is a FeatureCollection without a 'features' list")
    else:
        raise ImportFileError(filename, "is JSON but not GeoJSON: expected a FeatureCollection")
    crs = document.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", "")).lower()
        if name and name not in _WGS84_NAMES:
            raise ImportFileError(filename, f"declares the coordinate system {name!r}; save it in "
                                  "WGS84 (EPSG:4326), as GeoJSON requires")
    limit = config.max_rows()
    if len(features) > limit:
        raise _too_many_rows(filename, limit)
    records: list[dict[str, str]] = []
    numbers: list[int] = []
    columns: dict[str, None] = {}
    blank = other = 0
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            feature = {}
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        point = _point_of(feature.get("geometry"))
        record = {str(k): _cell_text(v) for k, v in props.items()}
        if point == "other":
            other += 1
            point = None
        if point is None and not any(v.strip() for v in record.values()):
            blank += 1
            continue
        lon, lat = point if point else ("", "")
        record[GEOMETRY_LAT] = _cell_text(lat)
        record[GEOMETRY_LON] = _cell_text(lon)
        for key in record:
            columns.setdefault(key, None)
        records.append(record)
        numbers.append(number)
    if not records:
        raise ImportFileError(filename, "has no features with properties or point geometry")
    names = [c for c in columns if c not in (GEOMETRY_LAT, GEOMETRY_LON)] + [GEOMETRY_LAT, GEOMETRY_LON]
    rows = [[r.get(c, "") for c in names] for r in records]
    frame = _frame(names, rows, numbers, filename)
    notes = []
    if other:
        notes.append(f"{other} feature(s) have a geometry other than a point: it is not used "
                     "(their place and postal code columns still are)")
    return frame, ReadInfo(filename=filename, format="geojson", size_bytes=len(data),
                           rows=len(frame), encoding="utf-8", blank_rows=blank, notes=tuple(notes))


def _gpkg_layers(data: bytes, filename: str) -> list[tuple[str, str]]:
    import pyogrio  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [(str(n), str(g)) for n, g in pyogrio.list_layers(io.BytesIO(data))]
    except Exception as exc:  # GDAL errors on damaged files
        raise ImportFileError(filename, f"is not a readable GeoPackage ({exc})") from None


def _read_gpkg(data: bytes, filename: str, layer: str | None) -> tuple[pd.DataFrame, ReadInfo]:
    import pyogrio  # noqa: PLC0415

    layers = [name for name, _ in _gpkg_layers(data, filename)]
    if not layers:
        raise ImportFileError(filename, "is a GeoPackage without layers")
    if layer is None:
        layer = layers[0]
    elif layer not in layers:
        raise ImportFileError(filename, f"has no layer named {layer!r}; its layers are "
                              f"{', '.join(map(repr, layers))}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            count = pyogrio.read_info(io.BytesIO(data), layer=layer).get("features", 0)
            if count is not None and count > config.max_rows():
                raise _too_many_rows(filename, config.max_rows())
            gdf = pyogrio.read_dataframe(io.BytesIO(data), layer=layer, fid_as_index=True)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(filename, f"layer {layer!r} cannot be read ({exc})") from None
    notes: list[str] = []
    lat = lon = [""] * len(gdf)
    geometry = getattr(gdf, "geometry", None) if "geometry" in gdf.columns else None
    if geometry is not None:
        if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
            try:
                gdf = gdf.to_crs("EPSG:4326")
            except Exception as exc:
                raise ImportFileError(filename, f"its coordinate system cannot be converted to "
                                      f"WGS84 ({exc})") from None
            notes.append(f"coordinates converted to WGS84 (EPSG:4326) from {gdf.crs}")
        geoms = gdf.geometry
        is_point = (geoms.geom_type == "Point") & ~geoms.is_empty
        xs = np.where(is_point, geoms.x.where(is_point) if is_point.any() else np.nan, np.nan)
        ys = np.where(is_point, geoms.y.where(is_point) if is_point.any() else np.nan, np.nan)
        lon = [_cell_text(v) for v in xs]
        lat = [_cell_text(v) for v in ys]
        other = int((geoms.notna() & ~is_point & ~geoms.is_empty).sum())
        if other:
            notes.append(f"{other} feature(s) have a geometry other than a point: it is not used")
        gdf = gdf.drop(columns=gdf.geometry.name)
    header = [str(c) for c in gdf.columns] + [GEOMETRY_LAT, GEOMETRY_LON]
    columns = [[_cell_text(v) for v in gdf[c].tolist()] for c in gdf.columns] + [lat, lon]
    rows = [list(r) for r in zip(*columns)] if len(gdf) else []
    index = gdf.index
    numbers = ([int(i) for i in index] if pd.api.types.is_integer_dtype(index) and index.is_unique
               else list(range(1, len(gdf) + 1)))
    keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    blank = len(rows) - len(keep)
    rows, numbers = [rows[i] for i in keep], [numbers[i] for i in keep]
    if not rows:
        raise ImportFileError(filename, f"layer {layer!r} has no features")
    frame = _frame(header, rows, numbers, filename)
    return frame, ReadInfo(filename=filename, format="gpkg", size_bytes=len(data), rows=len(frame),
                           sheet=layer, blank_rows=blank, notes=tuple(notes))


def read_table(source: Source, *, filename: str, sheet: str | None = None) -> tuple[pd.DataFrame, ReadInfo]:
    """Read a CSV, .xlsx, GeoJSON or GeoPackage into a table of text, and say how it was read.

    ``filename`` names the file in messages and helps recognise its kind; ``sheet`` picks a
    workbook sheet or GeoPackage layer (default: the first). Every column is text (``""`` for an
    empty cell); the index, named ``row``, is each row's number as the user's file shows it.
    Raises :class:`ImportFileError` (empty, undecodable, not a table) or :class:`ImportLimitError`.
    """
    filename = str(filename or "upload")
    data = _read_bytes(source, filename)
    if not data.strip():
        raise ImportFileError(filename, "is empty (0 bytes of data)")
    kind = _sniff_format(data, filename)
    if kind == "xlsx":
        return _read_xlsx(data, filename, sheet)
    if kind == "gpkg":
        return _read_gpkg(data, filename, sheet)
    if kind == "geojson":
        return _read_geojson(data, filename)
    return _read_csv(data, filename)


# --- presets and mappings ------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnMapping:
    """Which column of the source table gives which field of an incident. ``None`` (or ``()``):
    the table has no such column. Only a date source is required: ``date`` or ``year``.

    - ``preset``: ``"gtd"``, ``"acled"`` or ``None`` (hand-made). It decides how the precision
      codes and categories are read (crosswalk source).
    - ``id``: a unique identifier (rows repeating an id are rejected; none: ``row-<n>``).
    - ``date`` (+ optional ``date_format``, a ``strptime`` pattern such as ``"%d/%m/%Y"``), or
      ``year``/``month``/``day`` (0 or blank = unknown). ``date_precision``: a column that can
      make a date coarser (ACLED ``time_precision``; else ``day``/``month``/``year``).
    - ``lat``/``lon`` (WGS84 degrees; a decimal comma is read), ``postcode``, ``places`` (place
      names, best first), ``areas`` (province or region names; never finer than the region),
      ``country`` (rows naming another country are not looked up by name or postal code),
      ``location_precision`` (GTD ``specificity``, ACLED ``geo_precision``, else
      ``point``/``municipality``/``region``/``none``).
    - ``kind`` and ``subkind`` (categories, through the crosswalk; the sub-category decides
      first), ``description``, ``weapon``, ``target``: text kept as is.
    """

    preset: str | None = None
    id: str | None = None
    date: str | None = None
    date_format: str | None = None
    year: str | None = None
    month: str | None = None
    day: str | None = None
    date_precision: str | None = None
    lat: str | None = None
    lon: str | None = None
    location_precision: str | None = None
    postcode: str | None = None
    places: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    subkind: str | None = None
    description: str | None = None
    weapon: str | None = None
    target: str | None = None

    #: Fields that name a column (``date_format`` and ``preset`` do not).
    COLUMN_FIELDS = ("id", "date", "year", "month", "day", "date_precision", "lat", "lon",
                     "location_precision", "postcode", "places", "areas", "country", "kind",
                     "subkind", "description", "weapon", "target")

    def __post_init__(self) -> None:
        for name in ("places", "areas"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,) if value else ())
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))

    def columns(self) -> list[str]:
        """Every source column this mapping reads, in field order, without repeats."""
        named: list[str] = []
        for name in self.COLUMN_FIELDS:
            value = getattr(self, name)
            named.extend(value if isinstance(value, tuple) else [value] if value else [])
        return list(dict.fromkeys(named))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples as lists; unset fields left out)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, ()):
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """The inverse of :meth:`to_dict`; ``places``/``areas`` may be a list or a
        comma-separated string (as a command line gives them). Raises :class:`MappingError`
        for an unknown field."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise MappingError("mapping", f"unknown mapping field(s): {', '.join(unknown)}; "
                               f"known: {', '.join(sorted(known))}")
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("places", "areas"):
                if isinstance(value, str):
                    value = [v.strip() for v in value.split(",") if v.strip()]
                values[key] = tuple(str(v) for v in (value or ()))
            else:
                values[key] = None if value in (None, "") else str(value)
        return cls(**values)

    def replace(self, **changes: Any) -> ColumnMapping:
        return replace(self, **changes)


#: What each mapping field means, for the form that shows a suggested mapping.
MAPPING_HELP: Mapping[str, str] = MappingProxyType({
    "id": "a unique identifier of each incident (optional)",
    "date": "the date of the incident (2016-03-22, 22/03/2016, 22 March 2016, 03/2016, 2016, …)",
    "date_format": "how the date is written, as a strptime pattern (%d/%m/%Y); empty: recognised",
    "year": "the year, when there is no date column",
    "month": "the month (1-12; 0 or empty: unknown)",
    "day": "the day (1-31; 0 or empty: unknown)",
    "date_precision": "how much of the date is known (day, month, year; ACLED time_precision)",
    "lat": "latitude in degrees (WGS84)",
    "lon": "longitude in degrees (WGS84)",
    "location_precision": "how well the place is known (point, municipality, region; GTD specificity, ACLED geo_precision)",
    "postcode": "Belgian postal code",
    "places": "place names (municipality, town, section, landmark), best first",
    "areas": "province or region names (never give more than the region)",
    "country": "the country (rows in another country are not looked up by name)",
    "kind": "the category of incident (attack, arrest, plot, …; see the crosswalk)",
    "subkind": "a finer category, which decides first (ACLED sub_event_type)",
    "description": "a description, kept as text",
    "weapon": "the weapon, kept as text",
    "target": "the target, kept as text",
})

_GTD = {
    "required": {"id": "eventid", "year": "iyear", "month": "imonth", "day": "iday"},
    "optional": {"lat": "latitude", "lon": "longitude", "location_precision": "specificity",
                 "country": "country_txt", "kind": "attacktype1_txt", "description": "summary",
                 "weapon": "weaptype1_txt", "target": "targtype1_txt"},
    "places": ("city",),
    "areas": ("provstate",),
    "signature": ("eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt",
                  "region_txt", "provstate", "specificity", "vicinity", "doubtterr",
                  "attacktype1_txt", "targtype1_txt", "weaptype1_txt", "gname", "nkill",
                  "nwound", "success", "suicide", "natlty1_txt", "property"),
}
_ACLED = {
    "required": {"id": "event_id_cnty", "date": "event_date"},
    "optional": {"date_precision": "time_precision", "lat": "latitude", "lon": "longitude",
                 "location_precision": "geo_precision", "country": "country",
                 "kind": "event_type", "subkind": "sub_event_type", "description": "notes"},
    "places": ("location", "admin3"),
    "areas": ("admin2", "admin1"),
    "signature": ("event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type",
                  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "inter2",
                  "interaction", "civilian_targeting", "iso", "admin1", "admin2", "admin3",
                  "geo_precision", "source_scale", "fatalities", "tags", "timestamp"),
}
_PRESET_SPECS = {"gtd": _GTD, "acled": _ACLED}


def _by_lower(columns: Iterable[object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in columns:
        out.setdefault(str(c).strip().lower(), str(c))
    return out


def detect_preset(columns: Iterable[object]) -> str | None:
    """``"gtd"`` or ``"acled"`` when the column names are those of a GTD or ACLED export (at
    least three of the source's distinctive names, case-insensitively), else ``None``."""
    names = set(_by_lower(columns))
    scores = {p: len(names & set(spec["signature"])) for p, spec in _PRESET_SPECS.items()}
    best = max(scores, key=scores.get)
    if scores[best] < 3 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best


def _geometry_columns(columns: Iterable[object]) -> tuple[str, str] | None:
    names = _by_lower(columns)
    if GEOMETRY_LAT in names and GEOMETRY_LON in names:
        return names[GEOMETRY_LAT], names[GEOMETRY_LON]
    return None


def preset_mapping(preset: str, columns: Iterable[object]) -> ColumnMapping:
    """The mapping of a GTD or ACLED export with these columns (matched case-insensitively).
    A required column the table lacks is named anyway, so :func:`import_table` reports it."""
    if preset not in _PRESET_SPECS:
        raise ValueError(f"preset must be one of {PRESETS}, not {preset!r}")
    spec = _PRESET_SPECS[preset]
    columns = list(columns)
    names = _by_lower(columns)
    values: dict[str, Any] = {"preset": preset}
    for key, column in spec["required"].items():
        values[key] = names.get(column, column)
    for key, column in spec["optional"].items():
        if column in names:
            values[key] = names[column]
    values["places"] = tuple(names[c] for c in spec["places"] if c in names)
    values["areas"] = tuple(names[c] for c in spec["areas"] if c in names)
    geometry = _geometry_columns(columns)
    if geometry:
        values["lat"], values["lon"] = geometry
    return ColumnMapping(**values)


def _key(name: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.fold(name)).strip("_")


# (field, exact keys, tokens that may appear in a longer name); order matters: the first field
# to claim a column keeps it.
_GUESSES: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = tuple(
    (f, frozenset(exact.split()), frozenset(tokens.split())) for f, exact, tokens in (
        ("date_precision", "date_precision time_precision precision_date datum_precisie "
         "precisie_datum precision_de_la_date", ""),
        ("location_precision", "location_precision geo_precision specificity precision_lieu "
         "locatie_precisie precisie_locatie place_precision", ""),
        ("id", "id event_id eventid incident_id event_id_cnty identifier identifiant "
         "identificatie nr no nummer numero ref reference referentie uid uuid", "id"),
        ("date", "date datum event_date incident_date date_of_incident date_incident "
         "datum_incident date_evenement date_de_l_incident when quand wanneer", "date datum"),
        ("year", "year jaar annee jahr iyear yr", "year jaar annee"),
        ("month", "month maand mois monat imonth", "month maand mois"),
        ("day", "day dag jour tag iday", ""),
        ("lat", "lat latitude breedtegraad breedte y_wgs84 latitude_wgs84 lat_wgs84", "latitude"),
        ("lon", "lon lng long longitude lengtegraad lengte x_wgs84 longitude_wgs84 lon_wgs84",
         "longitude"),
        ("postcode", "postcode postal_code post_code postalcode zip zipcode zip_code code_postal "
         "codepostal cp postnummer plz npa", "postcode postal"),
        ("country", "country land pays country_txt nation", "country"),
        ("subkind", "sub_event_type subtype sub_type subcategory sub_category sous_type "
         "sous_categorie subcategorie", ""),
        ("kind", "kind type category categorie soort aard nature event_type incident_type "
         "type_incident type_of_incident attack_type attacktype1_txt typologie", "category"),
        ("description", "description summary notes note omschrijving beschrijving details detail "
         "comment comments commentaire commentaires opmerking opmerkingen resume samenvatting "
         "text texte tekst", "description omschrijving"),
        ("weapon", "weapon wapen arme weaptype1_txt weapon_type", "weapon"),
        ("target", "target doelwit cible targtype1_txt target_type", "target"),
    ))
_PLACE_KEYS = ["municipality", "gemeente", "commune", "gemeinde", "city", "ville", "stad", "town", "location", "place", "plaats", "lieu", "localite", "locality", "deelgemeente", "section", "sous_commune", "address_city", "municipality_name", "gemeentenaam", "nom_commune"]
_AREA_KEYS = ["province", "provincie", "provstate", "region", "gewest", "state", "admin1", "admin2", "arrondissement", "district"]


def suggest_mapping(columns: Iterable[object]) -> ColumnMapping:
    """A guess at the mapping, from the column names alone, for a person to confirm: the preset's
    mapping for a GTD or ACLED export, else guesses from English, French and Dutch names
    (``datum``, ``gemeente``, ``commune``, ``code postal``, ``omschrijving``, …). Point geometry
    columns of a GeoJSON or GeoPackage are preferred for the coordinates. Never raises."""
    columns = [str(c) for c in columns]
    preset = detect_preset(columns)
    if preset:
        return preset_mapping(preset, columns)
    candidates = [c for c in columns if c != EXTRA_CELLS]
    keys = {c: _key(c) for c in candidates}
    taken: set[str] = set()
    values: dict[str, Any] = {}
    for pass_ in ("exact", "token"):
        for fname, exact, tokens in _GUESSES:
            if fname in values:
                continue
            for c in candidates:
                if c in taken:
                    continue
                k = keys[c]
                hit = k in exact if pass_ == "exact" else bool(tokens & set(k.split("_")))
                if hit:
                    values[fname] = c
                    taken.add(c)
                    break
    places = [c for c in candidates if c not in taken and keys[c] in _PLACE_KEYS]
    places.sort(key=lambda c: _PLACE_KEYS.index(keys[c]))
    taken.update(places)
    areas = [c for c in candidates if c not in taken and keys[c] in _AREA_KEYS]
    areas.sort(key=lambda c: _AREA_KEYS.index(keys[c]))
    if "date" in values:
        for part in ("year", "month", "day"):
            values.pop(part, None)
    if ("lat" in values) != ("lon" in values):
        values.pop("lat", None)
        values.pop("lon", None)
    geometry = _geometry_columns(columns)
    if geometry:
        values["lat"], values["lon"] = geometry
    return ColumnMapping(places=tuple(places), areas=tuple(areas), **values)


def _check_mapping(mapping: ColumnMapping, columns: Sequence[str], filename: str) -> None:
    if mapping.preset is not None and mapping.preset not in PRESETS:
        raise MappingError(filename, f"unknown preset {mapping.preset!r}; presets: {', '.join(PRESETS)}")
    present = set(columns)
    missing = [c for c in mapping.columns() if c not in present]
    if missing:
        if mapping.preset:
            spec = _PRESET_SPECS[mapping.preset]
            label = {"gtd": "a GTD export", "acled": "an ACLED export"}[mapping.preset]
            required = set(spec["required"].values())
            lacking = [c for c in missing if c.lower() in required]
            if lacking and len(lacking) == len(missing):
                raise MappingError(filename, f"looks like {label} but lacks the required "
                                   f"column(s) {', '.join(map(repr, lacking))}", missing=lacking)
        raise MappingError(filename, f"the mapping names column(s) the table does not have: "
                           f"{', '.join(map(repr, missing))} (columns: "
                           f"{', '.join(map(repr, columns))})", missing=missing)
    if mapping.date is None and mapping.year is None:
        raise MappingError(filename, "no date: map a date column, or a year column (with month "
                           "and day columns if there are any)", missing=("date",))
    if (mapping.lat is None) != (mapping.lon is None):
        raise MappingError(filename, "map both latitude and longitude, or neither")
    if mapping.day is not None and mapping.month is None and mapping.date is None:
        raise MappingError(filename, "a day column needs a month column")
    if mapping.date_format is not None:
        fmt = mapping.date_format
        if "%Y" not in fmt and "%y" not in fmt:
            raise MappingError(filename, f"date format {fmt!r} has no year (%Y)")
        try:
            datetime.strptime(datetime(2016, 3, 22).strftime(fmt), fmt)
        except ValueError as exc:
            raise MappingError(filename, f"date format {fmt!r} cannot be used: {exc}") from None


# --- parsing cells -------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan januari janvier janv januar jänner",
    "february feb februari fevrier fevr fev februar",
    "march mar maart mrt mars marz maerz",
    "april apr avril avr",
    "may mei mai",
    "june jun juni juin",
    "july jul juli juillet juil",
    "august aug augustus aout",
    "september sep sept septembre",
    "october oct oktober octobre okt",
    "november nov novembre",
    "december dec decembre dezember",
), start=1):
    for _name in _names.split():
        _MONTHS[_key(_name)] = _number

_T = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:z|[+-]\d{2}:?\d{2}))?)?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), order, precision) for p, order, precision in (
        (rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_T}", "ymd", "day"),
        (rf"(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_T}", "ymd", "day"),
        (rf"(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](\d{{4}}){_T}", "dmy", "day"),
        (r"(\d{1,2})(?:st|nd|rd|th|er|e)?[ \-]+([a-z]+)\.?,?[ \-]+(\d{4})", "dMy", "day"),
        (r"([a-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})", "Mdy", "day"),
        (r"(\d{4})-(\d{1,2})", "ym", "month"),
        (r"(\d{1,2})[/.\-](\d{4})", "my", "month"),
        (r"([a-z]+)\.?[ \-]+(\d{4})", "My", "month"),
        (r"(\d{4})", "y", "year"),
    ))
DATE_HINT = ("write it as 2016-03-22, 22/03/2016, 22 March 2016, 2016-03, 03/2016 or 2016, "
             "or give the date format")


def _fold(value: str) -> str:
    return text.fold(value).strip()


def _ymd(y: int, m: int | None, d: int | None, precision: str) -> tuple[int, int, int, str] | str:
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return f"year {y} is outside {_MIN_YEAR}-{_MAX_YEAR}"
    if m is not None and not 1 <= m <= 12:
        return f"month {m} does not exist"
    if d is not None:
        try:
            _date(y, m or 1, d)
        except ValueError:
            return f"{y:04d}-{m:02d}-{d:02d} is not a day of the calendar"
    return y, m or 1, d or 1, precision


def parse_date(text: str, date_format: str | None = None) -> tuple[int, int, int, str] | str:
    """``(year, month, day, precision)`` of a date written as text, or the reason it is not a
    date. Without ``date_format``, the forms listed in :data:`DATE_HINT` (and French, Dutch,
    German month names); numeric dates are read day first. With one, ``strptime`` and a
    precision from its directives (%d → day, %m/%b/%B → month, else year)."""
    raw = text.strip()
    if not raw:
        return "is empty: every incident needs a date"
    if date_format:
        try:
            parsed = datetime.strptime(raw, date_format)
        except ValueError:
            return f"not a date written as {date_format!r} (found {raw!r})"
        has = lambda *ds: any(d in date_format for d in ds)  # noqa: E731
        precision = "day" if has("%d", "%j") else "month" if has("%m", "%b", "%B") else "year"
        answer = _ymd(parsed.year, parsed.month if precision != "year" else None,
                      parsed.day if precision == "day" else None, precision)
        return f"{answer} (found {raw!r})" if isinstance(answer, str) else answer
    folded = _fold(raw)
    for pattern, order, precision in _DATE_PATTERNS:
        found = pattern.fullmatch(folded)
        if not found:
            continue
        parts = dict(zip(order, found.groups()))
        month_text = parts.get("M")
        if month_text is not None:
            month = _MONTHS.get(_key(month_text))
            if month is None:
                continue
        else:
            month = int(parts["m"]) if "m" in parts else None
        day = int(parts["d"]) if "d" in parts else None
        answer = _ymd(int(parts["y"]), month, day, precision)
        return f"{answer} (found {raw!r})" if isinstance(answer, str) else answer
    return f"not a date (found {raw!r}): {DATE_HINT}"


def _to_float(values: pd.Series) -> pd.Series:
    try:
        return pd.to_numeric(values, errors="coerce").astype("float64")
    except (TypeError, ValueError, OverflowError):
        def one(v: str) -> float:
            try:
                return float(v)
            except (TypeError, ValueError, OverflowError):
                return np.nan
        return values.map(one).astype("float64")


def _numbers(values: pd.Series) -> pd.Series:
    """Floats of number text; a decimal comma is read (``50,85``); NaN where not a number."""
    out = _to_float(values)
    comma = out.isna().to_numpy() & values.str.contains(",", regex=False).to_numpy(dtype=bool)
    if comma.any():
        fixed = values[comma].str.replace(r"^\s*([+-]?\d+),(\d+)\s*$", r"\1.\2", regex=True)
        out[comma] = _to_float(fixed).to_numpy()
    return out


_INT = re.compile(r"\s*[+-]?\d{1,9}(?:\.0+)?\s*")


def _integers(values: pd.Series) -> pd.Series:
    """Integers of whole-number text (``"3"``, ``"3.0"``), as floats; NaN otherwise."""
    ok = values.str.fullmatch(_INT.pattern)
    return pd.to_numeric(values.where(ok, ""), errors="coerce").astype("float64")


_WORD_PRECISIONS = {
    "day": "day", "dag": "day", "jour": "day", "exact": "day",
    "month": "month", "maand": "month", "mois": "month",
    "year": "year", "jaar": "year", "annee": "year",
}
_WORD_GEO = {
    "point": "point", "exact": "point", "punt": "point", "coordinates": "point",
    "municipality": "municipality", "gemeente": "municipality", "commune": "municipality",
    "city": "municipality", "town": "municipality",
    "region": "region", "gewest": "region", "province": "region", "provincie": "region",
    "none": "none", "unknown": "none", "onbekend": "none", "inconnu": "none",
}
#: Date precision of ACLED ``time_precision`` codes (see the module docstring).
ACLED_TIME_PRECISION: Mapping[str, str] = MappingProxyType({"1": "day", "2": "month", "3": "month"})
#: Location precision of GTD ``specificity`` codes; 5 also means "do not use the coordinates".
GTD_SPECIFICITY: Mapping[str, str] = MappingProxyType(
    {"1": "point", "2": "municipality", "3": "region", "4": "region", "5": "region"})
#: Location precision of ACLED ``geo_precision`` codes.
ACLED_GEO_PRECISION: Mapping[str, str] = MappingProxyType({"1": "point", "2": "municipality", "3": "region"})
_BELGIUM = {"belgium", "belgique", "belgie", "belgien", "belgica", "be", "bel", "belgio"}


def _code_text(values: pd.Series) -> pd.Series:
    """``"2"`` for ``"2"``, ``"2.0"``, ``" 2 "``; other text folded to lower case."""
    unique = pd.unique(values)
    folded = {v: _fold(re.sub(r"^\s*(\d+)\.0+\s*$", r"\1", v)) for v in unique}
    return values.map(folded)


class _Cells:
    """Numbers, whole numbers and codes of the text columns, each parsed once per import.
    ``subset(mask)`` gives the same for some rows, reusing what was parsed."""

    def __init__(self, text: pd.DataFrame, parent: _Cells | None = None, mask: np.ndarray | None = None):
        self.text, self._parent, self._mask = text, parent, mask
        self._memo: dict[tuple[str, str], pd.Series] = {}

    def _get(self, kind: str, column: str, fn) -> pd.Series:
        key = (kind, column)
        if key not in self._memo:
            if self._parent is not None:
                self._memo[key] = self._parent._get(kind, column, fn)[self._mask]
            else:
                self._memo[key] = fn(self.text[column])
        return self._memo[key]

    def numbers(self, column: str) -> pd.Series:
        return self._get("numbers", column, _numbers)

    def integers(self, column: str) -> pd.Series:
        return self._get("integers", column, _integers)

    def codes(self, column: str) -> pd.Series:
        return self._get("codes", column, _code_text)

    def subset(self, mask: np.ndarray) -> _Cells:
        return _Cells(self.text[mask], self, mask)


# --- validation ----------------------------------------------------------------------------------

@dataclass
class _Rules:
    """The checks of one mapping, per source column, and their messages."""

    checks: dict[str, list[pa.Check]] = field(default_factory=dict)
    frame_checks: list[pa.Check] = field(default_factory=list)
    #: message -> function(cell text) giving the reason a person reads for that cell.
    explain: dict[str, Any] = field(default_factory=dict)
    #: message of a row-wide check -> the field(s) to name (pandera names every column).
    fields: dict[str, str] = field(default_factory=dict)

    def add(self, column: str, fn, message: str) -> None:
        self.checks.setdefault(column, []).append(pa.Check(fn, error=message))


_DUPLICATE = "duplicate id"
_BAD_DATE = "not a date"


def _rules(m: ColumnMapping, cells: _Cells, dates: dict[str, Any]) -> _Rules:
    """The checks of a mapping. Each check is vectorised over the column it is attached to (the
    cells were parsed once, on the same index)."""
    r = _Rules()
    text = cells.text
    num, whole, code = cells.numbers, cells.integers, cells.codes
    if m.id:
        r.add(m.id, lambda s: s != "", "id is empty")
        r.add(m.id, lambda s: (s == "") | ~s.duplicated(keep="first"), _DUPLICATE)
    if m.date:
        ok = {v: not isinstance(p, str) for v, p in dates.items()}
        r.add(m.date, lambda s: s.map(ok).astype(bool), _BAD_DATE)
        r.explain[_BAD_DATE] = lambda v: dates[v]
    else:
        y_c, mo_c, d_c = m.year, m.month, m.day
        year = whole(y_c)
        r.add(y_c, lambda s: s != "", "is empty: every incident needs a year")
        r.add(y_c, lambda s: (s == "") | whole(y_c).notna(), "not a whole number (a year)")
        r.add(y_c, lambda s: whole(y_c).isna() | whole(y_c).between(_MIN_YEAR, _MAX_YEAR),
              f"year must be within {_MIN_YEAR}-{_MAX_YEAR}")
        if mo_c:
            r.add(mo_c, lambda s: (s == "") | whole(mo_c).notna(), "not a whole number (a month)")
            r.add(mo_c, lambda s: whole(mo_c).isna() | whole(mo_c).between(0, 12),
                  "month must be 1-12 (0 or empty: unknown)")
        if d_c:
            r.add(d_c, lambda s: (s == "") | whole(d_c).notna(), "not a whole number (a day)")
            r.add(d_c, lambda s: whole(d_c).isna() | whole(d_c).between(0, 31),
                  "day must be 1-31 (0 or empty: unknown)")
            month = whole(mo_c) if mo_c else pd.Series(np.nan, index=text.index)

            def real_day(s: pd.Series) -> pd.Series:
                d = whole(d_c)
                known = year.notna() & month.between(1, 12) & d.between(1, 31)
                out = pd.Series(True, index=s.index)
                if known.any():
                    stamp = pd.to_datetime(pd.DataFrame({"year": year[known], "month": month[known],
                                                         "day": d[known]}), errors="coerce")
                    out[known] = stamp.notna()
                return out
            r.add(d_c, real_day, "not a day of the calendar (year, month and day together)")
    if m.date_precision:
        allowed = (set(ACLED_TIME_PRECISION) if m.preset == "acled" else set(_WORD_PRECISIONS))
        shown = ", ".join(sorted(allowed))
        dp_c = m.date_precision
        r.add(dp_c, lambda s: (s == "") | code(dp_c).isin(allowed),
              f"date precision must be one of {shown} (or empty)")
    if m.lat and m.lon:
        for column, bound, name in ((m.lat, 90, "latitude"), (m.lon, 180, "longitude")):
            r.add(column, lambda s, c=column: (s == "") | num(c).notna(), f"{name} is not a number")
            r.explain[f"{name} is not a number"] = (
                lambda v, name=name: f"{name} is not a number (found {v!r})")
            r.add(column, lambda s, c=column: (s == "") | num(c).isna() | np.isfinite(num(c)),
                  f"{name} is not a finite number")
            r.add(column, lambda s, c=column, bound=bound: ~np.isfinite(num(c)) | num(c).abs().le(bound),
                  f"{name} must be within ±{bound} degrees")
            r.explain[f"{name} must be within ±{bound} degrees"] = (
                lambda v, name=name, bound=bound: f"{name} must be within ±{bound} degrees (found {v!r})")
        lat_c, lon_c = m.lat, m.lon
        pair = "latitude and longitude go together: give both or neither"
        r.frame_checks.append(pa.Check(lambda d: (d[lat_c] == "") == (d[lon_c] == ""), error=pair))
        r.fields[pair] = f"{lat_c}; {lon_c}" if lat_c != lon_c else lat_c
    if m.location_precision:
        codes = {"gtd": GTD_SPECIFICITY, "acled": ACLED_GEO_PRECISION}.get(m.preset or "", _WORD_GEO)
        shown = ", ".join(sorted(codes))
        lp_c = m.location_precision
        r.add(lp_c, lambda s: (s == "") | code(lp_c).isin(set(codes)),
              f"location precision must be one of {shown} (or empty)")
    if EXTRA_CELLS in text.columns:
        r.add(EXTRA_CELLS, lambda s: s == "", "the row has more cells than the header")
    return r


def _validate(text: pd.DataFrame, rules: _Rules, rows: np.ndarray, filename: str) -> list[Problem]:
    """Run the pandera schema; one Problem per failed check and row (``rows``: row numbers by
    position). A row-wide check names every column it read."""
    schema = pa.DataFrameSchema(
        {c: pa.Column(checks=checks, nullable=False, required=True) for c, checks in rules.checks.items()},
        checks=rules.frame_checks, strict=False, ordered=False, unique_column_names=False,
    )
    frame = text.reset_index(drop=True)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
    else:
        return []
    first_of: dict[str, int] = {}
    found: dict[tuple[int | None, str], list[str]] = {}
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        pos = None if pd.isna(case.index) else int(case.index)
        reason = str(case.check)
        if pos is not None and column is not None:
            value = frame[column].iat[pos]
            if reason == _DUPLICATE:
                if not first_of:
                    ids = frame[column]
                    firsts = ~ids.duplicated().to_numpy()
                    first_of = dict(zip(ids.to_numpy()[firsts], rows[firsts].tolist()))
                reason = f"duplicate id {value!r} (first on row {first_of.get(value, '?')})"
            elif reason in rules.explain:
                reason = rules.explain[reason](value)
        row = None if pos is None else int(rows[pos])
        columns = found.setdefault((row, reason), [])
        if reason in rules.fields:
            column = rules.fields[reason]
        if column and column not in columns:
            columns.append(column)
    problems = [Problem(filename, row, "; ".join(columns) or None, reason)
                for (row, reason), columns in found.items()]
    return sorted(problems, key=lambda p: (p.row or 0, p.field or "", p.reason))


# --- the import ----------------------------------------------------------------------------------

@dataclass
class ImportResult:
    """The outcome of an import.

    ``accepted``: the incident layout of :data:`geo.incidents.table.COLUMNS`, the derived columns of
    :func:`geo.incidents.table.derive`, then :data:`EXTRA_COLUMNS` (``source_row``: the row number in
    the user's file; ``geocode_method``/``geocode_note``; ``kind_note``: why a row is ``other``).
    ``rejected``: ``row``, ``field``, ``reason`` and the original cells of each rejected row.
    ``problems``: one :class:`geo.Problem` per failed check. ``summary``: ``rows_in``,
    ``accepted``, ``rejected``, ``not_located``, ``encoding``, ``delimiter``, ``preset``, and
    ``format``, ``sheet``, ``blank_rows``, ``geo_precision`` / ``date_precision`` / ``kind``
    counts, ``unknown_categories`` (value → rows)."""

    accepted: pd.DataFrame
    rejected: pd.DataFrame
    problems: list[Problem]
    summary: dict[str, Any]
    mapping: ColumnMapping
    filename: str
    info: ReadInfo | None = None

    @property
    def not_located(self) -> pd.DataFrame:
        """Accepted rows that no map can show (``geo_precision`` none), with the reason."""
        rows = self.accepted[self.accepted["geo_precision"] == "none"]
        return rows[["source_row", "site_id", "place", "geocode_note"]].reset_index(drop=True)

    def rejected_csv(self) -> bytes:
        """The rejected rows as a CSV download (see :func:`rejected_csv`)."""
        return rejected_csv(self.rejected)


def rejected_csv(rejected: pd.DataFrame) -> bytes:
    """Rejected rows as CSV bytes (UTF-8 with a byte-order mark, so spreadsheets read accents):
    ``row``, ``field``, ``reason`` and the original cells. Cells that a spreadsheet would run as
    formulas (starting with ``= + - @``) are prefixed with an apostrophe."""
    safe = rejected.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(text.guard_cell)
    safe.columns = [text.guard_cell(str(c)) for c in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _row_numbers(raw: pd.DataFrame) -> np.ndarray:
    index = raw.index
    if index.name == "row" and pd.api.types.is_integer_dtype(index) and index.is_unique:
        return index.to_numpy(dtype="int64")
    return np.arange(len(raw), dtype="int64") + 2


def _as_text(raw: pd.DataFrame) -> pd.DataFrame:
    """Every cell as stripped text ('' for missing), on a positional index."""
    out = {}
    for j, column in enumerate(raw.columns):
        values = raw.iloc[:, j]
        if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
            values = values.map(_cell_text)
        out[column] = values.astype(object).fillna("").str.strip().to_numpy(dtype=object)
    return pd.DataFrame(out, index=pd.RangeIndex(len(raw)), dtype=object, columns=list(raw.columns))


@lru_cache(maxsize=4)
def _area_names(boundary_path: str) -> Mapping[str, str]:
    """Province names (NL/FR/EN, with and without "Provincie"/"Province de") → region code."""
    provinces = boundaries.units("province")
    out: dict[str, str] = {}
    prefixes = re.compile(r"^(provincie|province)( (de|du|d))? ")
    for nl, fr, region in zip(provinces["name_nl"], provinces["name_fr"], provinces["reg_nis"]):
        for name in (nl, fr):
            key = gazetteer.normalize(name)
            out[key] = region
            out[prefixes.sub("", key)] = region
    english = {"antwerp": "02000", "flemish brabant": "02000", "west flanders": "02000",
               "east flanders": "02000", "limburg": "02000", "walloon brabant": "03000",
               "hainaut": "03000", "liege": "03000", "luxembourg": "03000", "namur": "03000",
               "brussels capital": "04000", "brussels": "04000"}
    out.update({gazetteer.normalize(k): v for k, v in english.items()})
    return MappingProxyType(out)


# geocode_frame's note for a row with no evidence at all (replaced when an area places the row).
_NOTHING_TO_GO_ON = "no coordinates, postal code or place name"


def _outside_notes(lat: np.ndarray, lon: np.ndarray) -> list[str]:
    """"outside Belgium (lat, lon)", and a hint where latitude and longitude look swapped."""
    notes = [f"{geocode.OUTSIDE_BELGIUM} ({a:.5f}, {b:.5f})" for a, b in zip(lat, lon)]
    swappable = (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
    if swappable.any():
        rows = np.flatnonzero(swappable)
        codes = boundaries.units_containing(shapely.points(lat[rows], lon[rows]))
        munis = boundaries.municipalities().set_index("nis")
        for i, code in zip(rows, codes):
            if code is not None:
                notes[i] += (f"; read as longitude, latitude it would be in "
                             f"{munis.at[code, 'name_nl']} ({code}): are the columns swapped?")
    return notes


def _locate(cells: _Cells, m: ColumnMapping) -> pd.DataFrame:
    """Geocode accepted rows: ``municipality_nis``, ``region_nis``, ``geo_precision``,
    ``geocode_method``, ``geocode_note``, ``lat``, ``lon`` (coordinates at point precision only)."""
    text = cells.text
    work = pd.DataFrame(index=text.index)
    lat = lon = pd.Series(np.nan, index=text.index)
    if m.lat and m.lon:
        lat, lon = cells.numbers(m.lat), cells.numbers(m.lon)
    codes = cells.codes(m.location_precision) if m.location_precision else pd.Series("", index=text.index)
    table = {"gtd": GTD_SPECIFICITY, "acled": ACLED_GEO_PRECISION}.get(m.preset or "", _WORD_GEO)
    cap = codes.map(lambda c: table.get(c, "point")).where(codes != "", "point")
    skip_coords = (m.preset == "gtd") & (codes == "5")
    if m.preset != "gtd":
        skip_coords = skip_coords | (cap == "none")
    work["lat"], work["lon"] = lat.where(~skip_coords), lon.where(~skip_coords)
    foreign = pd.Series(False, index=text.index)
    if m.country:
        country = text[m.country].map(gazetteer.normalize)
        foreign = (country != "") & ~country.isin(_BELGIUM)
    names: list[str] = []
    if m.postcode:
        work["_postcode"] = text[m.postcode].where(~foreign, "")
    for j, column in enumerate(m.places):
        work[f"_place{j}"] = text[column].where(~foreign, "")
        names.append(f"_place{j}")
    found = geocode.geocode_frame(work, lat="lat", lon="lon",
                                  postcode="_postcode" if m.postcode else None, places=names)
    nis = found["municipality_nis"].astype(object)
    region = found["region_nis"].astype(object)
    precision = found["geo_precision"].astype(object).copy()
    method = found["geocode_method"].astype(object).copy()
    note = found["geocode_note"].astype(object).copy()
    outside = note.str.startswith(geocode.OUTSIDE_BELGIUM) & (method == "coordinates")
    if outside.any():
        note[outside] = _outside_notes(lat[outside].to_numpy(), lon[outside].to_numpy())

    # Areas: province or region names, for rows nothing else placed, at region precision at most.
    if m.areas:
        open_rows = (precision == "none") & ~outside & ~foreign
        if open_rows.any():
            provinces = _area_names(str(boundaries.boundary_file()))
            seen: dict[str, tuple[str | None, str]] = {}
            for i in np.flatnonzero(open_rows.to_numpy()):
                for column in m.areas:
                    value = text[column].iat[i]
                    if not value:
                        continue
                    if value not in seen:
                        key = gazetteer.normalize(value)
                        if key in provinces:
                            seen[value] = (provinces[key], "")
                        else:
                            hit = geocode.locate_place(value, suggest=False)
                            seen[value] = (hit.region_nis, hit.note)
                    code, _ = seen[value]
                    if code:
                        region.iat[i], nis.iat[i] = code, None
                        precision.iat[i], method.iat[i] = "region", "place_name"
                        before = "" if note.iat[i].startswith(_NOTHING_TO_GO_ON) else note.iat[i]
                        note.iat[i] = "; ".join(x for x in (f"{column} {value!r}: region only",
                                                            before) if x)
                        break
    # The source's own precision caps ours.
    rank = precision.map(vocab.GEO_RANK)
    cap_rank = cap.map(vocab.GEO_RANK)
    lower = rank > cap_rank
    if lower.any():
        label = {"gtd": "GTD specificity", "acled": "ACLED geo_precision"}.get(m.preset or "",
                                                                                 "location precision")
        for i in np.flatnonzero(lower.to_numpy()):
            new = cap.iat[i]
            if new == "none":
                nis.iat[i] = region.iat[i] = None
            elif new == "region":
                nis.iat[i] = None
            precision.iat[i] = new
            note.iat[i] = "; ".join(x for x in (note.iat[i], f"{label} {codes.iat[i]}: {new} precision") if x)
    if skip_coords.any():
        gtd5 = skip_coords & (lat.notna() | lon.notna())
        note[gtd5] = note[gtd5].map(lambda s: "; ".join(
            x for x in ("GTD specificity 5: coordinates not used", s) if x))
    foreign_open = foreign & (precision == "none") & ~outside
    if foreign_open.any():
        note[foreign_open] = [
            f"country {c!r} is not Belgium: not looked up by place name or postal code"
            for c in text.loc[foreign_open, m.country]]
    point = precision == "point"
    return pd.DataFrame({
        "municipality_nis": nis.fillna("").astype(object),
        "region_nis": region.fillna("").astype(object),
        "geo_precision": precision,
        "geocode_method": method,
        "geocode_note": note.fillna(""),
        "lat": lat.where(point).astype("float64"),
        "lon": lon.where(point).astype("float64"),
    }, index=text.index)


def _dates(cells: _Cells, m: ColumnMapping, parsed: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    text = cells.text
    n = len(text)
    if not n:
        return (pd.Series([], index=text.index, dtype="datetime64[us]"),
                pd.Series([], index=text.index, dtype=object))
    if m.date:
        values = text[m.date].map(parsed)
        y = np.array([v[0] for v in values], dtype="int64")
        mo = np.array([v[1] for v in values], dtype="int64")
        d = np.array([v[2] for v in values], dtype="int64")
        precision = pd.Series([v[3] for v in values], index=text.index, dtype=object)
    else:
        y = cells.integers(m.year).to_numpy().astype("int64")
        months = cells.integers(m.month).fillna(0).to_numpy() if m.month else np.zeros(n)
        days = cells.integers(m.day).fillna(0).to_numpy() if m.day else np.zeros(n)
        precision = pd.Series(np.where(months == 0, "year", np.where(days == 0, "month", "day")),
                              index=text.index, dtype=object)
        mo = np.where(months == 0, 1, months).astype("int64")
        d = np.where(days == 0, 1, days).astype("int64")
    if m.date_precision:
        codes = cells.codes(m.date_precision)
        table = ACLED_TIME_PRECISION if m.preset == "acled" else _WORD_PRECISIONS
        given = codes.map(lambda c: table.get(c, ""))
        given_rank = np.array([vocab.DATE_RANK.get(g, 9) for g in given], dtype="int64")
        own_rank = np.array([vocab.DATE_RANK[p] for p in precision], dtype="int64")
        coarser = pd.Series(given_rank < own_rank, index=text.index)
        precision = precision.where(~coarser, given)
    p = precision.to_numpy()
    d = np.where(p == "day", d, 1)
    mo = np.where(p == "year", 1, mo)
    stamps = pd.to_datetime(pd.DataFrame({"year": y, "month": mo, "day": d}, index=text.index))
    return stamps.astype("datetime64[us]"), precision


def import_table(raw: pd.DataFrame, *, mapping: ColumnMapping | None = None,
                 filename: str = "table", info: ReadInfo | None = None) -> ImportResult:
    """Validate, geocode and crosswalk a raw table (from :func:`read_table`, or any DataFrame).

    ``mapping``: which column gives what (default: :func:`suggest_mapping`). Row numbers come
    from an integer index named ``row`` (as :func:`read_table` makes it), else data row *i*
    (from 0) is row *i* + 2, as in a CSV with a header. Every row is either accepted or rejected:
    ``summary["rows_in"] == summary["accepted"] + summary["rejected"]``. Raises
    :class:`MappingError` when the mapping does not fit the table, :class:`ImportLimitError`
    for too many rows."""
    filename = str(filename or "table")
    raw = raw.set_axis(_unique_names(raw.columns), axis=1)
    mapping = suggest_mapping(raw.columns) if mapping is None else mapping
    limit = config.max_rows()
    if len(raw) > limit:
        raise ImportLimitError(filename, f"has {len(raw):,} data rows, more than the {limit:,} one "
                               "import takes (ATLAS_MAX_ROWS)", what="rows", limit=limit,
                               actual=len(raw))
    _check_mapping(mapping, list(raw.columns), filename)
    rows = _row_numbers(raw)
    used = [c for c in mapping.columns()] + ([EXTRA_CELLS] if EXTRA_CELLS in raw.columns else [])
    text = _as_text(raw[list(dict.fromkeys(used))])
    parsed: dict[str, Any] = {}
    if mapping.date:
        parsed = {v: parse_date(v, mapping.date_format) for v in pd.unique(text[mapping.date])}
    cells = _Cells(text)
    problems = _validate(text, _rules(mapping, cells, parsed), rows, filename)
    bad_rows = {p.row for p in problems if p.row is not None}
    reject = np.isin(rows, np.fromiter(bad_rows, dtype="int64", count=len(bad_rows)))
    keep = ~reject

    acc = text[keep]
    accepted = _build(cells.subset(keep), rows[keep], mapping, filename, parsed)
    rejected = _rejected(raw, rows, reject, problems)
    not_located = int((accepted["geo_precision"] == "none").sum())
    summary = {
        "rows_in": int(len(raw)),
        "accepted": int(len(accepted)),
        "rejected": int(reject.sum()),
        "not_located": not_located,
        "encoding": info.encoding if info else None,
        "delimiter": info.delimiter if info else None,
        "preset": mapping.preset,
        "format": info.format if info else None,
        "sheet": info.sheet if info else None,
        "blank_rows": info.blank_rows if info else 0,
        "geo_precision": {k: int(v) for k, v in accepted["geo_precision"].value_counts().items()},
        "date_precision": {k: int(v) for k, v in accepted["date_precision"].value_counts().items()},
        "kind": {k: int(v) for k, v in accepted["kind"].value_counts().items()},
        "unknown_categories": _unknown_categories(acc, mapping, accepted),
    }
    return ImportResult(accepted=accepted, rejected=rejected, problems=problems, summary=summary,
                        mapping=mapping, filename=filename, info=info)


def _unknown_categories(acc: pd.DataFrame, m: ColumnMapping, accepted: pd.DataFrame) -> dict[str, int]:
    columns = [c for c in (m.kind, m.subkind) if c]
    if not columns or not len(accepted):
        return {}
    unknown = accepted["kind_note"].to_numpy() != ""
    values = [" / ".join(v for v in vs if v) for vs in zip(*(acc[c].to_numpy()[unknown] for c in columns))]
    counts = pd.Series(values, dtype=object).value_counts()
    return {str(k): int(v) for k, v in counts.items() if k}


def _rejected(raw: pd.DataFrame, rows: np.ndarray, reject: np.ndarray, problems: list[Problem]) -> pd.DataFrame:
    by_row: dict[int, list[Problem]] = {}
    for p in problems:
        if p.row is not None:
            by_row.setdefault(p.row, []).append(p)
    original = raw.iloc[np.flatnonzero(reject)].copy()
    original = original.rename(columns={c: f"{c} (in file)" for c in original.columns
                                        if c in ("row", "field", "reason")})
    numbers = rows[reject]
    meta = pd.DataFrame({
        "row": numbers.astype("int64"),
        "field": ["; ".join(dict.fromkeys(p.field for p in by_row[r] if p.field)) for r in numbers],
        "reason": ["; ".join(p.reason for p in by_row[r]) for r in numbers],
    })
    original = original.reset_index(drop=True).fillna("")
    return pd.concat([meta, original], axis=1)


def _build(cells: _Cells, rows: np.ndarray, m: ColumnMapping, filename: str,
           parsed: dict[str, Any]) -> pd.DataFrame:
    acc = cells.text
    n = len(acc)
    empty = pd.Series([""] * n, index=acc.index, dtype=object)

    def col(name: str | None) -> pd.Series:
        return acc[name] if name else empty

    ids = acc[m.id] if m.id else pd.Series([f"row-{r}" for r in rows], index=acc.index, dtype=object)
    source = (pd.Series([f"{filename}, id {v}" for v in ids], index=acc.index, dtype=object) if m.id
              else pd.Series([f"{filename}, row {r}" for r in rows], index=acc.index, dtype=object))
    dates, precision = _dates(cells, m, parsed)
    cw_source = m.preset or "generic"
    if m.preset == "gtd":
        kind_fields = [("attacktype1_txt", col(m.kind))]
    elif m.preset == "acled":
        kind_fields = [("sub_event_type", col(m.subkind)), ("event_type", col(m.kind))]
    else:
        kind_fields = [("kind", col(m.subkind)), ("kind", col(m.kind))]
    if n:
        kind, kind_note = crosswalk.map_kinds(kind_fields, source=cw_source)
    else:
        kind, kind_note = empty.copy(), empty.copy()
    if not (m.kind or m.subkind):
        kind_note = pd.Series(["no category column mapped: counted as 'other'"] * n, index=acc.index,
                              dtype=object)
    place = empty.copy()
    for column in (*m.places, *m.areas):
        place = place.where(place != "", acc[column])
    located = _locate(cells, m) if n else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in ("municipality_nis", "region_nis", "geo_precision",
                                                  "geocode_method", "geocode_note")}
        | {"lat": pd.Series([], dtype="float64"), "lon": pd.Series([], dtype="float64")})
    out = pd.DataFrame({
        "site_id": ids.astype(object),
        "event_id": ids.astype(object),
        "date": dates,
        "date_precision": precision,
        "kind": kind,
        "plot": (kind == "plot").astype(bool),
        "link": empty,
        "connection": empty,
        "networks": empty,
        "n_arrested": pd.Series(0, index=acc.index, dtype="int64"),
        "traveled": pd.Series("unknown", index=acc.index, dtype=object),
        "weapon": col(m.weapon),
        "target": col(m.target),
        "place": place,
        "municipality_nis": located["municipality_nis"],
        "region_nis": located["region_nis"],
        "lat": located["lat"],
        "lon": located["lon"],
        "geo_precision": located["geo_precision"],
        "provenance": pd.Series(PROVENANCE, index=acc.index, dtype=object),
        "source": source,
        "description": col(m.description),
        "source_row": pd.Series(rows, index=acc.index, dtype="int64"),
        "geocode_method": located["geocode_method"],
        "geocode_note": located["geocode_note"],
        "kind_note": kind_note,
    }, index=acc.index)
    out = out.reset_index(drop=True)
    text_columns = [c for c in (*COLUMNS, *EXTRA_COLUMNS)
                    if c not in ("date", "plot", "n_arrested", "lat", "lon", "source_row")]
    for c in text_columns:
        out[c] = out[c].astype(object).fillna("").astype(str)
    out = derive(out)
    missing_place = out["place"] == ""
    if missing_place.any():
        fallback = out["municipality_name"].where(out["municipality_name"] != "", out["region_name"])
        out.loc[missing_place, "place"] = fallback[missing_place]
    derived = [c for c in out.columns if c not in COLUMNS and c not in EXTRA_COLUMNS]
    return out[[*COLUMNS, *derived, *EXTRA_COLUMNS]]


def import_file(source: Source, *, filename: str, mapping: ColumnMapping | None = None,
                sheet: str | None = None) -> ImportResult:
    """Read, map (``mapping`` or the suggested one), validate and geocode a file in one call.
    Raises :class:`ImportFileError`, :class:`ImportLimitError` or :class:`MappingError`."""
    raw, info = read_table(source, filename=filename, sheet=sheet)
    return import_table(raw, mapping=mapping, filename=info.filename, info=info)


__all__ = [
    "ACLED_GEO_PRECISION", "ACLED_TIME_PRECISION", "ColumnMapping", "DATE_HINT", "EXTRA_CELLS",
    "EXTRA_COLUMNS", "GEOMETRY_LAT", "GEOMETRY_LON", "GTD_SPECIFICITY", "ImportFileError",
    "ImportLimitError", "ImportResult", "MAPPING_HELP", "MappingError",
    "PRESETS", "ReadInfo", "detect_preset", "import_file", "import_table", "list_sheets",
    "parse_date", "preset_mapping", "read_table", "rejected_csv",
    "suggest_mapping",
]
