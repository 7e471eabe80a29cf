"""Which reader reads a file, and the entry points of reading: :func:`read_table` and
:func:`list_sheets`.

The format comes from the content, else the file name: a zip (``PK``) is an ``.xlsx`` workbook,
an SQLite file a GeoPackage, ``.geojson``/``.json`` GeoJSON, anything else delimited text. An
old-style ``.xls`` workbook, or a file named ``.xlsx``/``.gpkg`` that is not one, is refused.
To add a format: a reader module beside this one (``read_x(data, filename[, sheet]) ->
(raw table, ReadInfo)``), a test of its signature in :func:`sniff_format`, a branch in
:func:`read_table` (and :func:`list_sheets` if it has sheets or layers).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.errors import ImportFileError
from geo.i18n import _
from geo.io.limits import Source, read_bytes
from geo.io.readers.delimited import read_delimited
from geo.io.readers.excel import read_xlsx, sheet_names
from geo.io.readers.raw import ReadInfo
from geo.io.readers.spatial import gpkg_layers, read_geojson, read_gpkg


def sniff_format(data: bytes, filename: str) -> str:
    """``xlsx``, ``gpkg``, ``geojson`` or ``csv``; raises :class:`ImportFileError` for a
    workbook this atlas does not read, or a name that promises what the content is not."""
    ext = Path(filename).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:16] == b"SQLite format 3\x00":
        return "gpkg"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(filename, _("is an old-style Excel workbook (.xls), which this atlas "
                                          "does not read: save it as .xlsx or as CSV"))
    if ext in (".xlsx", ".xlsm", ".gpkg", ".xls") and data.strip():
        raise ImportFileError(filename, _("is named {ext} but is not a {ext} file").format(ext=ext))
    if ext in (".geojson", ".json"):
        return "geojson"
    return "csv"


def list_sheets(source: Source, *, filename: str) -> list[str]:
    """The sheets of a workbook or the layers of a GeoPackage ([] for other files), for the
    picker that sets ``sheet=``."""
    data = read_bytes(source, filename)
    kind = sniff_format(data, filename)
    if kind == "xlsx":
        return sheet_names(data, filename)
    if kind == "gpkg":
        return [str(name) for name, _kind in gpkg_layers(data, filename)]
    return []


def read_table(source: Source, *, filename: str, sheet: str | None = None) -> tuple[pd.DataFrame, ReadInfo]:
    """Read a CSV, .xlsx, GeoJSON or GeoPackage into a table of text, and say how it was read.

    ``filename`` names the file in messages and helps recognise its kind; ``sheet`` picks a
    workbook sheet or GeoPackage layer (default: the first). Every column is text (``""`` for an
    empty cell); the index, named ``row``, is each row's number as the user's file shows it.
    Raises :class:`ImportFileError` (empty, undecodable, not a table) or :class:`ImportLimitError`.
    """
    filename = str(filename or "upload")
    data = read_bytes(source, filename)
    if not data.strip():
        raise ImportFileError(filename, _("is empty (0 bytes of data)"))
    kind = sniff_format(data, filename)
    if kind == "xlsx":
        return read_xlsx(data, filename, sheet)
    if kind == "gpkg":
        return read_gpkg(data, filename, sheet)
    if kind == "geojson":
        return read_geojson(data, filename)
    return read_delimited(data, filename)
