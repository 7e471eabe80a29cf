"""Delimited text (CSV, semicolon, tab or pipe separated): the encoding, the delimiter, the rows.

Text is read as UTF-8 (with or without byte-order mark), UTF-16 with a byte-order mark, else
Windows-1252, else Latin-1 (``ReadInfo.encoding`` says which); bytes that are not text in any of
these are refused. The delimiter is sniffed among :data:`DELIMITERS`. Rows whose cells are all
empty are skipped (``ReadInfo.blank_rows``); a short row is padded; a row with more cells than
the header keeps the extra cells in the column :data:`~geo.io.readers.raw.EXTRA_CELLS` (the
import rejects it). Only the csv module reads the text: nothing is evaluated.
"""

from __future__ import annotations

import codecs
import csv
import io

import pandas as pd

from geo import config
from geo.errors import ImportFileError
from geo.io.limits import too_many_rows
from geo.io.readers.raw import ReadInfo, text_frame

#: The delimiters sniffed, in order of preference when two fit equally well.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

# Bytes that are control characters in every encoding read here (tab, LF, CR excepted).
_C0 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_C1 = bytes(range(0x80, 0xA0))


def _controls(data: bytes, extra: bytes = b"") -> int:
    return len(data) - len(data.translate(None, _C0 + extra))


def decode(data: bytes, filename: str) -> tuple[str, str]:
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


def sniff_delimiter(text: str) -> str:
    """The delimiter of :data:`DELIMITERS` that gives the most regular rows of two or more
    cells in the first 64 KiB (``,`` when none does)."""
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


def read_delimited(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of a delimited text file, and how it was read."""
    text, encoding = decode(data, filename)
    if not text.strip():
        raise ImportFileError(filename, "is empty: there is no header row and no data")
    delimiter = sniff_delimiter(text)
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
                raise too_many_rows(filename, limit)
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
    frame = text_frame(header, rows, numbers, extra=extra)
    notes = []
    if width < 2:
        notes.append("only one column was found: if the file has several, check its delimiter "
                     "(comma, semicolon, tab or pipe)")
    return frame, ReadInfo(filename=filename, format="csv", size_bytes=len(data), rows=len(frame),
                           encoding=encoding, delimiter=delimiter, blank_rows=blank,
                           notes=tuple(notes))
