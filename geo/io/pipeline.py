"""Bring your own incidents: read a table, map its columns, validate every row, geocode,
crosswalk. This module runs the steps; each step has its own module in ``geo/io/``.

Public API (no streamlit; ``geo.ui`` and ``geo.cli`` call these)::

    raw, info = formats.read_table(source, filename="x.csv", sheet=None)  # text table + ReadInfo
    preset = presets.detect_preset(raw.columns)                          # "gtd", "acled" or None
    mapping = mapping.suggest_mapping(raw.columns)                       # ColumnMapping to confirm
    result = pipeline.import_table(raw, mapping=mapping, filename="x.csv", info=info)
    result = pipeline.import_file(source, filename="x.csv")              # the three steps at once
    result.accepted / result.rejected / result.problems / result.summary
    result.rejected_csv() -> bytes                                       # download of rejected rows

``source`` is a path, the file's bytes, or a binary file object (Streamlit's ``UploadedFile``).

Where each step lives (a change names its module):

=================================  ============================================================
``geo.io.limits``                  upload size and row limits; reading a source's bytes
``geo.io.readers.formats``         which reader reads a file; ``read_table``, ``list_sheets``
``geo.io.readers.delimited``       CSV and other delimited text: encoding, delimiter
``geo.io.readers.excel``           .xlsx workbooks
``geo.io.readers.spatial``         GeoJSON and GeoPackage
``geo.io.readers.raw``             the raw table every reader returns; ``ReadInfo``
``geo.io.presets``                 GTD and ACLED exports; what precision codes mean
``geo.io.mapping``                 ``ColumnMapping``, preset and suggested mappings, checks
``geo.io.cells``                   cells as text, numbers and codes, parsed once
``geo.io.dates``                   dates and their precision; ``parse_date``; the plausible range
``geo.io.validation``              the pandera rules; one problem per row, column and reason
``geo.io.crs``                     coordinate systems (pyproj): Lambert 72 and any declared one
``geo.io.address``                 the postal code and municipality of an address
``geo.io.shapes``                  polygons and lines placed in the unit that contains them
``geo.io.casualties``              people killed and injured (optional counts)
``geo.io.geocoding``               locating rows through ``geo.admin.geocode``
``geo.io.accepted``                accepted rows in the incident layout
``geo.io.result``                  ``ImportResult``: rejected rows, notes, preview, CSV
=================================  ============================================================

Every input row is accepted or rejected: ``rows_in == accepted + rejected``. Nothing from a file
is executed or evaluated: the csv module, ``json.loads``, openpyxl in read-only mode with
``data_only=True``, GDAL for GeoPackages. Text stays text (descriptions are never interpreted:
escape them before putting them into HTML).

Errors raised on purpose (all :class:`geo.errors.AtlasError`): :class:`ImportFileError`
(unreadable, empty, unsupported file; missing sheet), :class:`ImportLimitError` (too big),
:class:`MappingError` (a mapping that names missing columns, or a table without the columns it
needs), :class:`geo.errors.SettingsError` (a malformed limit in the environment).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from geo.admin.geocode import OUTSIDE_BELGIUM
from geo.errors import Problem
from geo.io import crosswalk, validation
from geo.io.accepted import build_accepted
from geo.io.cells import Cells, as_text
from geo.io.crs import LAMBERT_72
from geo.io.dates import parse_date
from geo.io.limits import Source, check_row_count
from geo.io.mapping import ColumnMapping, check_mapping, suggest_mapping
from geo.io.readers.formats import read_table
from geo.io.readers.raw import EXTRA_CELLS, GEOMETRY_WKT, READ_PROBLEM, ReadInfo, unique_names
from geo.io.result import COUNT_COLUMNS, ImportResult, rejected_table


def _row_numbers(raw: pd.DataFrame) -> np.ndarray:
    index = raw.index
    if index.name == "row" and pd.api.types.is_integer_dtype(index) and index.is_unique:
        return index.to_numpy(dtype="int64")
    return np.arange(len(raw), dtype="int64") + 2


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
    raw = raw.set_axis(unique_names(raw.columns), axis=1)
    mapping = suggest_mapping(raw.columns, raw) if mapping is None else mapping
    check_row_count(filename, len(raw))
    check_mapping(mapping, list(raw.columns), filename)
    if mapping.x and not mapping.crs:
        mapping = mapping.replace(crs=LAMBERT_72)
    rows = _row_numbers(raw)
    used = [*mapping.columns(), *(c for c in (EXTRA_CELLS, READ_PROBLEM) if c in raw.columns)]
    text = as_text(raw[list(dict.fromkeys(used))])
    parsed: dict[str, Any] = {}
    if mapping.date:
        parsed = {v: parse_date(v, mapping.date_format) for v in pd.unique(text[mapping.date])}
    cells = Cells(text)
    problems: list[Problem] = validation.validate(
        text, validation.build_rules(mapping, cells, parsed), rows, filename)
    bad_rows = {p.row for p in problems if p.row is not None}
    reject = np.isin(rows, np.fromiter(bad_rows, dtype="int64", count=len(bad_rows)))
    keep = ~reject

    acc = text[keep]
    accepted = build_accepted(cells.subset(keep), rows[keep], mapping, filename, parsed)
    rejected = rejected_table(raw, rows, reject, problems)
    unplaced = accepted["geo_precision"] == "none"
    outside = unplaced & accepted["geocode_note"].str.startswith(OUTSIDE_BELGIUM)
    summary = {
        "rows_in": int(len(raw)),
        "accepted": int(len(accepted)),
        "rejected": int(reject.sum()),
        "not_located": int(unplaced.sum()),
        "outside_belgium": int(outside.sum()),
        "not_placed": int((unplaced & ~outside).sum()),
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
        "crs": mapping.crs if (mapping.x or mapping.geometry not in (None, GEOMETRY_WKT)) else None,
        "casualties": {c: int(accepted[c].notna().sum()) for c in COUNT_COLUMNS},
    }
    return ImportResult(accepted=accepted, rejected=rejected, problems=problems, summary=summary,
                        mapping=mapping, filename=filename, info=info)


def _unknown_categories(acc: pd.DataFrame, m: ColumnMapping, accepted: pd.DataFrame) -> dict[str, int]:
    """Category values no crosswalk row and no assignment decides: the most specific value of
    each such row, with its number of rows (the values a person can assign a kind)."""
    columns = [c for c in (m.subkind, m.kind) if c]
    if not columns or not len(accepted):
        return {}
    unknown = accepted["kind_note"].str.endswith(crosswalk.COUNTED_AS_OTHER).to_numpy()
    values = [next((v for v in vs if v), "") for vs in zip(*(acc[c].to_numpy()[unknown] for c in columns))]
    counts = pd.Series(values, dtype=object).value_counts()
    return {str(k): int(v) for k, v in counts.items() if k}


def import_file(source: Source, *, filename: str, mapping: ColumnMapping | None = None,
                sheet: str | None = None) -> ImportResult:
    """Read, map (``mapping`` or the suggested one), validate and geocode a file in one call.
    Raises :class:`ImportFileError`, :class:`ImportLimitError` or :class:`MappingError`."""
    raw, info = read_table(source, filename=filename, sheet=sheet)
    return import_table(raw, mapping=mapping, filename=info.filename, info=info)
