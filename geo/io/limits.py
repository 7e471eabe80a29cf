"""The limits of one import, and reading a file's bytes within them.

``ATLAS_MAX_UPLOAD_MB`` (default 200) and ``ATLAS_MAX_ROWS`` (default 2,000,000; both read
through :mod:`geo.config`) bound what is read; going over raises :class:`ImportLimitError`
naming the file and the limit. This module owns those errors and :func:`read_bytes`, which
never reads more than the upload limit (plus one byte, to tell that a stream is longer).
A malformed limit in the environment raises :class:`geo.errors.SettingsError`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

from geo import config
from geo.errors import ImportFileError, ImportLimitError
from geo.i18n import _, number

#: What an import reads: a path, the file's bytes, or a binary file object (Streamlit's
#: ``UploadedFile``).
Source = str | os.PathLike | bytes | bytearray | memoryview | BinaryIO


def too_many_rows(filename: str, limit: int) -> ImportLimitError:
    """The error of a reader that found more than ``limit`` data rows."""
    return ImportLimitError(
        filename, _("has more than {limit} data rows, the most one import takes (ATLAS_MAX_ROWS); "
                    "split the file or raise the limit").format(limit=number(limit)),
        what="rows", limit=limit, actual=limit + 1)


def check_row_count(filename: str, rows: int) -> None:
    """Raise :class:`ImportLimitError` when a table already read has more rows than one import
    takes."""
    limit = config.max_rows()
    if rows > limit:
        raise ImportLimitError(filename, _("has {rows} data rows, more than the {limit} one import "
                                           "takes (ATLAS_MAX_ROWS)").format(
                                   rows=number(rows), limit=number(limit)),
                               what="rows", limit=limit, actual=rows)


def _too_big(filename: str, limit: int, size: int) -> ImportLimitError:
    return ImportLimitError(
        filename, _("is {size} MB, more than the {limit} MB an upload may be (ATLAS_MAX_UPLOAD_MB)")
        .format(size=number(size / 1e6, 1), limit=number(limit / 1e6)),
        what="size", limit=limit, actual=size)


def read_bytes(source: Source, filename: str) -> bytes:
    """The bytes of ``source`` (a file object is rewound first). Raises
    :class:`ImportLimitError` over the upload limit, :class:`ImportFileError` when a path
    cannot be opened, :class:`TypeError` for anything else than a path, bytes or a binary file."""
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
            raise ImportFileError(filename, _("cannot be opened ({reason})").format(
                reason=exc.strerror or exc)) from None
    elif hasattr(source, "read"):
        if hasattr(source, "seek"):
            with contextlib.suppress(OSError, ValueError):
                source.seek(0)
        data = source.read(limit + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("read_table: a file object must be opened in binary mode ('rb')")
        data = bytes(data)
    else:
        raise TypeError(f"read_table: expected a path, bytes or a binary file, not {type(source).__name__}")
    if len(data) > limit:
        raise _too_big(filename, limit, len(data))
    return data
