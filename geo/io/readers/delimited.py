"""Delimited text (CSV, semicolon, tab or pipe separated): the encoding, the delimiter, the rows.

**Encoding.** UTF-16 with a byte-order mark is read as UTF-16. Anything else is read line by
line: a line that is UTF-8 is read as UTF-8, and the bytes of a line that are not UTF-8 are read
as Windows-1252 (Latin-1 for the five bytes Windows-1252 leaves undefined). A file that mixes the
two (rows pasted from two exports, say) is therefore read right on every line, and a note names
the lines that needed Windows-1252 (``ReadInfo.encoding``: ``utf-8``, ``utf-8-sig``, ``cp1252``,
``latin-1``, ``utf-8+cp1252`` for a mix, or ``utf-16``). Bytes that are not text (NUL bytes, many
control characters) are refused.

**Rows.** The delimiter is sniffed among :data:`DELIMITERS`. Rows whose cells are all empty are
skipped (``ReadInfo.blank_rows``); a short row is padded; a row with more cells than the header
keeps the extra cells in :data:`~geo.io.readers.raw.EXTRA_CELLS` (the import rejects it).

**No row swallowed.** A quote that opens a cell and is never closed makes the csv module read
every following line into that cell. A record that spans several lines is checked: when its
quotes do not close properly (or it has the wrong number of cells) and a line inside it has
exactly the header's number of cells on its own, the record is cut there: the lines from that
one on are read again as rows, and the row that opened the quote is kept with a reason in
:data:`~geo.io.readers.raw.READ_PROBLEM` (the import rejects it, naming the line). A record that
spans several lines with well-formed quotes is kept as the file says, with a note naming its
lines when a line inside it looks like a row. Only the csv module reads the text: nothing is
evaluated.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re

import pandas as pd

from geo import config
from geo.errors import ImportFileError
from geo.i18n import _
from geo.io.limits import too_many_rows
from geo.io.readers.raw import ReadInfo, text_frame

#: The delimiters sniffed, in order of preference when two fit equally well.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

# Bytes that are control characters in every encoding read here (tab, LF, CR excepted).
_C0 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_C1 = bytes(range(0x80, 0xA0))
# A UTF-8 sequence of two or more bytes: a file without one has no UTF-8 beyond ASCII.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
# Bytes Windows-1252 leaves undefined (read as Latin-1, i.e. as control characters).
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: Lines named in a note before "and N more".
NOTE_LINES = 12


def _controls(data: bytes, extra: bytes = b"") -> int:
    return len(data) - len(data.translate(None, _C0 + extra))


def _not_text(filename: str) -> ImportFileError:
    return ImportFileError(filename, _(
        "is not a text table: it holds bytes that are not text in UTF-8, Windows-1252 or "
        "Latin-1. Is it a binary file, or a table in another encoding? Save it as 'CSV UTF-8' "
        "and try again"))


def _single_byte(chunk: bytes) -> tuple[str, bool]:
    """Bytes that are not UTF-8 as Windows-1252 text (Latin-1 for its undefined bytes); and
    whether Latin-1 was needed."""
    if not _CP1252_UNDEFINED.intersection(chunk):
        return chunk.decode("cp1252"), False
    return "".join(bytes([b]).decode("latin-1" if b in _CP1252_UNDEFINED else "cp1252")
                   for b in chunk), True


def _decode_line(line: bytes) -> tuple[str, bool, bool]:
    """One line: UTF-8 where it is UTF-8, Windows-1252 for the bytes that are not; and whether
    Windows-1252 (and Latin-1) were needed."""
    parts: list[str] = []
    single = latin = False
    rest = line
    while rest:
        try:
            parts.append(rest.decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(rest[: exc.start].decode("utf-8"))
            text, needed_latin = _single_byte(rest[exc.start: exc.end])
            parts.append(text)
            single, latin = True, latin or needed_latin
            rest = rest[exc.end:]
    return "".join(parts), single, latin


def line_list(numbers: list[int]) -> str:
    """``3, 7 and 9`` (at most :data:`NOTE_LINES` numbers, then "and N more")."""
    shown = [str(n) for n in numbers[:NOTE_LINES]]
    if len(numbers) > NOTE_LINES:
        return _("{lines} and {n} more").format(lines=", ".join(shown), n=len(numbers) - NOTE_LINES)
    if len(shown) == 1:
        return shown[0]
    return _("{lines} and {last}").format(lines=", ".join(shown[:-1]), last=shown[-1])


def decode(data: bytes, filename: str) -> tuple[str, str, tuple[str, ...]]:
    """The text of a file, the encoding that read it, and notes on lines read otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(filename, _("starts as UTF-16 but is not UTF-16 text")) from None
        if "\x00" in text:
            raise _not_text(filename)
        return text, "utf-16", ()
    # A NUL byte is never in a text table (UTF-16 without a byte-order mark has many).
    if b"\x00" in data:
        raise _not_text(filename)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8", ()
    except UnicodeDecodeError:
        pass
    # Windows-1252 and Latin-1 decode almost any byte: binary files and other encodings then
    # show up as control characters. (Valid UTF-8 is text, whatever control characters it has.)
    if not bom and not _UTF8_MULTIBYTE.search(body):
        text, latin = _single_byte(body)
        if _controls(body, _C1 if latin else b"") > max(2, len(body) // 200):
            raise _not_text(filename)
        return text, "latin-1" if latin else "cp1252", ()
    lines: list[str] = []
    other: list[int] = []
    latin_any = False
    single_bytes = bytearray()
    for number, line in enumerate(body.split(b"\n"), start=1):
        text, single, latin = _decode_line(line)
        lines.append(text)
        if single:
            other.append(number)
            single_bytes += line
            latin_any = latin_any or latin
    if _controls(bytes(single_bytes), _C1 if latin_any else b"") > max(2, len(single_bytes) // 200):
        raise _not_text(filename)
    note = _("line(s) {lines} are not UTF-8 and were read as Windows-1252; the other lines are "
             "UTF-8. Each line is read in its own encoding: check these lines' accents, and "
             "save the file as 'CSV UTF-8' to avoid the mix").format(lines=line_list(other))
    return "\n".join(lines), "utf-8+cp1252", (note,)


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


def _one_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _well_formed(lines: list[str], delimiter: str) -> bool:
    """Whether these lines are one record whose quotes open and close as CSV requires."""
    try:
        records = list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error:
        return False
    return len(records) == 1


def records(text: str, delimiter: str) -> tuple[list[tuple[int, list[str], str]], list[str]]:
    """Every record of the text: ``(first line, cells, read problem)``, and notes. A record
    that swallowed lines which are rows of their own (an unclosed quote) is cut where the
    first such line starts, and the lines from there are read again (see the module
    docstring)."""
    lines = list(io.StringIO(text, newline=""))
    out: list[tuple[int, list[str], str]] = []
    notes: list[str] = []
    width = 0
    start = 0
    while start < len(lines):
        reader = csv.reader(itertools.islice(lines, start, None), delimiter=delimiter)
        restart = None
        first = start
        for record in reader:
            end = start + reader.line_num
            if width < 2 or end - first < 2:
                if not width and any(c.strip() for c in record):
                    width = len(record)
                out.append((first + 1, record, ""))
                first = end
                continue
            inner = [j for j in range(first + 1, end)
                     if len(_one_line(lines[j], delimiter)) == width]
            well_formed = _well_formed(lines[first:end], delimiter)
            if inner and (len(record) != width or not well_formed):
                cut = inner[0]
                head = _one_line("".join(lines[first:cut]).rstrip("\r\n"), delimiter)
                problem = _(
                    "line {line}: a quote opened in this row is not closed where the row ends, "
                    "so the lines after it (from line {next}) would have been read into this "
                    "row; they are read as rows of their own. Check the quotes of this row"
                ).format(line=first + 1, next=cut + 1)
                out.append((first + 1, head, problem))
                notes.append(problem)
                restart = cut
                break
            if inner:
                notes.append(_(
                    "lines {first}-{last} are one row (a quoted cell spans several lines), "
                    "though line {line} looks like a row of its own: check the quotes if it is "
                    "one").format(first=first + 1, last=end, line=inner[0] + 1))
            elif not well_formed:
                out.append((first + 1, record, _(
                    "line {line}: a quote opened in this row is never closed as CSV requires "
                    "(lines {line}-{last} were read as one row)").format(line=first + 1, last=end)))
                first = end
                continue
            out.append((first + 1, record, ""))
            first = end
        if restart is None:
            break
        start = restart
    return out, notes


def read_delimited(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of a delimited text file, and how it was read."""
    text, encoding, notes = decode(data, filename)
    notes = list(notes)
    if not text.strip():
        raise ImportFileError(filename, _("is empty: there is no header row and no data"))
    delimiter = sniff_delimiter(text)
    limit = config.max_rows()
    csv.field_size_limit(max(csv.field_size_limit(), config.max_upload_bytes()))
    header: list[str] | None = None
    width = 0
    rows: list[list[str]] = []
    numbers: list[int] = []
    extra: list[str] = []
    problems: list[str] = []
    blank = 0
    try:
        found, structure = records(text, delimiter)
    except csv.Error as exc:
        raise ImportFileError(filename, f"{exc}") from None
    notes.extend(structure)
    for number, (_line, record, problem) in enumerate(found, start=1):
        if not any(cell.strip() for cell in record) and not problem:
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
        problems.append(problem)
    if header is None:
        raise ImportFileError(filename, _("is empty: there is no header row and no data"))
    if not rows:
        raise ImportFileError(filename, _("has a header row but no data rows"))
    frame = text_frame(header, rows, numbers, extra=extra, problems=problems)
    if width < 2:
        notes.append(_("only one column was found: if the file has several, check its delimiter "
                       "(comma, semicolon, tab or pipe)"))
    return frame, ReadInfo(filename=filename, format="csv", size_bytes=len(data), rows=len(frame),
                           encoding=encoding, delimiter=delimiter, blank_rows=blank,
                           notes=tuple(notes))
