"""The raw table every reader returns, and :class:`ReadInfo`, how it was read.

A raw table holds every cell as text (``""`` for an empty cell); nothing is converted, evaluated
or executed. Its index, named ``row``, is the row number the user sees: CSV header = row 1, so
data record *i* is row *i* + 1; in a workbook the sheet row; in GeoJSON the feature index + 1;
in a GeoPackage the feature id. Column names are made unique (``name (2)``); an empty name
becomes ``column <j>``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as _date
from datetime import datetime, timedelta
from datetime import time as _time
from typing import Any

import numpy as np
import pandas as pd

#: Column of the raw table holding the surplus cells of a CSV row longer than its header.
EXTRA_CELLS = "(extra cells)"
#: Columns a GeoJSON or GeoPackage's point geometry is read into (EPSG:4326 degrees).
GEOMETRY_LAT, GEOMETRY_LON = "geometry_lat", "geometry_lon"
#: Column a non-point geometry (polygon, line, several points) is read into, as WKT in EPSG:4326.
GEOMETRY_WKT = "geometry_wkt"
#: Column of the raw table holding why a row could not be read as the file has it (an unclosed
#: quote, say); the import rejects a row with a reason here.
READ_PROBLEM = "(read problem)"


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


def unique_names(names: Iterable[object]) -> list[str]:
    """Column names, stripped, made unique (``name (2)``); an empty one is ``column <j>``."""
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


def text_frame(header: list[str], rows: list[list[str]], numbers: list[int], *,
               extra: list[str] | None = None, problems: list[str] | None = None) -> pd.DataFrame:
    """The raw table of a header, rows of text and their row numbers; ``extra``: the surplus
    cells of each row (a column :data:`EXTRA_CELLS` when any row has some); ``problems``: why
    a row could not be read as it stands (a column :data:`READ_PROBLEM` when any row has one)."""
    columns = unique_names(header)
    if extra is not None and any(extra):
        columns = unique_names([*columns, EXTRA_CELLS])
        rows = [r + [x] for r, x in zip(rows, extra)]
    if problems is not None and any(problems):
        columns = unique_names([*columns, READ_PROBLEM])
        rows = [r + [x] for r, x in zip(rows, problems)]
    frame = pd.DataFrame(rows, columns=columns, dtype=object) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in columns})
    frame.index = pd.Index(numbers, dtype="int64", name="row")
    return frame


def cell_text(value: Any) -> str:
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
