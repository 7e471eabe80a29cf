"""Excel workbooks (.xlsx): the sheets, and one sheet as a raw table.

The first sheet is read, or the one named by ``sheet=``. The workbook is opened with openpyxl in
read-only mode with ``data_only=True``: a formula is read as the value the spreadsheet last
computed and saved, never evaluated (a formula never computed reads as empty). Row numbers are
the sheet's. A workbook that unpacks to more than ten times the upload limit is refused before
it is opened.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from geo import config
from geo.errors import ImportFileError, ImportLimitError
from geo.i18n import _, number
from geo.io.limits import too_many_rows
from geo.io.readers.raw import ReadInfo, cell_text, text_frame


def _workbook(data: bytes, filename: str):
    import openpyxl  # noqa: PLC0415  (only needed for workbooks)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportFileError(filename, _("is not a readable .xlsx workbook (damaged zip)")) from None
    cap = 10 * config.max_upload_bytes()
    if unpacked > cap:
        raise ImportLimitError(filename, _("unpacks to {size} MB, more than {limit} MB (ten times "
                                           "ATLAS_MAX_UPLOAD_MB)").format(
                                   size=number(unpacked / 1e6), limit=number(cap / 1e6)),
                               what="size", limit=cap, actual=unpacked)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged or non-workbook zips
        raise ImportFileError(filename, _("is not a readable .xlsx workbook ({error})").format(
            error=f"{type(exc).__name__}: {exc}")) from None


def sheet_names(data: bytes, filename: str) -> list[str]:
    """The sheets of a workbook, in order."""
    wb = _workbook(data, filename)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_xlsx(data: bytes, filename: str, sheet: str | None) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of one sheet (default: the first), and how it was read."""
    wb = _workbook(data, filename)
    try:
        names = list(wb.sheetnames)
        if not names:
            raise ImportFileError(filename, _("has no sheets"))
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise ImportFileError(filename, _("has no sheet named {sheet!r}; its sheets are {names}")
                                  .format(sheet=sheet, names=", ".join(map(repr, names))))
        ws = wb[sheet]
        if not hasattr(ws, "iter_rows") or not hasattr(ws, "reset_dimensions"):
            raise ImportFileError(filename, _("{sheet!r} is a chart sheet, not a table").format(sheet=sheet))
        ws.reset_dimensions()  # some writers record wrong dimensions: read every row
        limit = config.max_rows()
        header: list[str] | None = None
        rows: list[list[str]] = []
        numbers: list[int] = []
        blank = 0
        for row_number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
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
                raise too_many_rows(filename, limit)
            width = len(header)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                header = header + [""] * (len(cells) - width)
                rows = [r + [""] * (len(cells) - width) for r in rows]
                width = len(cells)
            cells = (cells + [""] * width)[:width]
            rows.append(cells)
            numbers.append(row_number)
    except ImportFileError:
        raise
    except Exception as exc:  # damaged sheet XML
        raise ImportFileError(filename, _("sheet {sheet!r} cannot be read ({error})").format(
            sheet=sheet, error=f"{type(exc).__name__}: {exc}")) from None
    finally:
        wb.close()
    if header is None:
        raise ImportFileError(filename, _("sheet {sheet!r} is empty: there is no header row and no "
                                          "data").format(sheet=sheet))
    if not rows:
        raise ImportFileError(filename, _("sheet {sheet!r} has a header row but no data rows").format(
            sheet=sheet))
    frame = text_frame(header, rows, numbers)
    return frame, ReadInfo(filename=filename, format="xlsx", size_bytes=len(data), rows=len(frame),
                           sheet=sheet, blank_rows=blank)
