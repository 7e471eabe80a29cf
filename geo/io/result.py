"""The outcome of an import: :class:`ImportResult` (accepted rows, rejected rows, problems and a
summary), the table of rejected rows, and its CSV download (:func:`rejected_csv`), which defuses
cells a spreadsheet would run as formulas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from geo import text
from geo.errors import Problem
from geo.io.mapping import ColumnMapping
from geo.io.readers.raw import ReadInfo

#: Columns an import adds to the incident layout (after the derived columns).
EXTRA_COLUMNS: tuple[str, ...] = ("source_row", "geocode_method", "geocode_note", "kind_note")


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


def rejected_table(raw: pd.DataFrame, rows: np.ndarray, reject: np.ndarray,
                   problems: list[Problem]) -> pd.DataFrame:
    """``row``, ``field``, ``reason`` and the original cells of the rejected rows (a source
    column named like one of the first three is renamed ``<name> (in file)``)."""
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
