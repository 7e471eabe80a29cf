"""The outcome of an import: :class:`ImportResult` (accepted rows, rejected rows, problems and a
summary), the table of rejected rows, and its CSV download (:func:`rejected_csv`), which defuses
cells a spreadsheet would run as formulas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from geo import text, vocab
from geo.errors import Problem
from geo.i18n import _, ngettext, number
from geo.incidents import readable
from geo.io.mapping import ColumnMapping
from geo.io.note_words import note_words
from geo.io.readers.raw import ReadInfo

#: Columns an import adds to the incident layout (after the derived columns).
EXTRA_COLUMNS: tuple[str, ...] = ("source_row", "geocode_method", "geocode_note", "kind_note",
                                  "killed", "injured")
#: The columns of :data:`EXTRA_COLUMNS` that hold counts of people (``Int64``; ``<NA>``: not
#: known): :data:`geo.io.casualties.COLUMNS`.
COUNT_COLUMNS: tuple[str, ...] = ("killed", "injured")


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
    counts, ``unknown_categories`` (the most specific category value of each row the crosswalk
    left ``other`` → rows), ``outside_belgium`` and ``not_placed`` (the two parts of
    ``not_located``), ``crs`` (the system x/y or a WKT column was read in), ``casualties``
    (column → rows with a known count)."""

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

    def notes(self) -> list[str]:
        """Everything a person should know about this import, beyond the row counts: the
        reader's notes (encoding, unclosed quotes, conversions, geometries), how rows were
        placed (coordinate system, addresses, geometries, outside Belgium apart from not
        placed), category values not in the crosswalk, rows without a date precision."""
        return import_notes(self)

    def geocode_notes(self) -> pd.DataFrame:
        """Every distinct geocoding note of the accepted rows: ``note``, ``rows`` (how many),
        ``first_rows`` (the first row numbers, as the file numbers them), most frequent first."""
        return note_table(self.accepted, "geocode_note")

    def kind_notes(self) -> pd.DataFrame:
        """Every distinct category note (unknown values, assignments), like :meth:`geocode_notes`."""
        return note_table(self.accepted, "kind_note")

    def preview(self, n: int = 20) -> pd.DataFrame:
        """The first ``n`` accepted rows as they will be stored, in words: ``row``, ``date`` (to
        its precision), ``date precision``, ``municipality`` (or the region when only the
        region is known), ``precision``, ``kind``, ``location from`` (how the place was found,
        and the note), ``killed``, ``injured``."""
        return preview_table(self.accepted.head(n))


def note_table(accepted: pd.DataFrame, column: str, first: int = 8) -> pd.DataFrame:
    """Distinct non-empty notes of ``column`` with how many rows have each, and the first rows."""
    notes = accepted[[column, "source_row"]]
    notes = notes[notes[column] != ""]
    if notes.empty:
        return pd.DataFrame({"note": [], "rows": [], "first_rows": []})
    grouped = notes.groupby(column, sort=False)["source_row"]
    table = pd.DataFrame({"rows": grouped.size(),
                          "first_rows": grouped.agg(lambda r: ", ".join(map(str, sorted(r)[:first]))
                                                    + (", …" if len(r) > first else ""))})
    table = table.rename_axis("note").reset_index()
    return table.sort_values(["rows", "note"], ascending=[False, True], ignore_index=True)



def preview_table(accepted: pd.DataFrame) -> pd.DataFrame:
    """Accepted rows in words, as :meth:`ImportResult.preview` describes, in the reader's language
    (the notes the geocoder and the crosswalk stored, clause by clause: :mod:`geo.io.note_words`); a
    count not known is left empty, never 0."""
    place = [f"{name} ({nis})" if nis else (_("{region} (region only)").format(region=region) if region else "")
             for name, nis, region in zip(accepted["municipality_name"], accepted["municipality_nis"],
                                          accepted["region_name"])]
    method = [_(vocab.GEOCODE_METHOD_LABELS.get(m, m.replace("_", " "))) for m in accepted["geocode_method"]]
    source = [_("{where}: {reason}").format(where=m, reason=note_words(n)) if n else m
              for m, n in zip(method, accepted["geocode_note"])]
    kinds = [_(vocab.KIND_LABELS.get(k, k)) for k in accepted["kind"]]
    counts = {c: (accepted[c] if c in accepted else pd.Series(pd.NA, index=accepted.index, dtype="Int64"))
              for c in COUNT_COLUMNS}
    return pd.DataFrame({
        _("row"): accepted["source_row"].to_numpy(),
        _("date"): readable.date_texts(accepted).tolist(),
        _("date precision"): [_(vocab.DATE_PRECISION_LABELS.get(p, p)) for p in accepted["date_precision"]],
        _("municipality"): place,
        _("precision"): [_(vocab.GEO_PRECISION_LABELS.get(p, p)) for p in accepted["geo_precision"]],
        _("kind"): [f"{k} ({note_words(n)})" if n else k for k, n in zip(kinds, accepted["kind_note"])],
        _("location from"): source,
        **{_(vocab.PEOPLE_COUNT_LABELS[c]): ["" if pd.isna(v) else number(v) for v in values] for c, values in counts.items()},
    })


def import_notes(result: ImportResult) -> list[str]:
    """The notes of :meth:`ImportResult.notes`."""
    s = result.summary
    notes = list(result.info.notes) if result.info else []
    if s.get("crs"):
        notes.append(_("coordinates read in {crs} and converted to WGS84 (EPSG:4326): check the "
                       "system in the mapping if places look wrong").format(crs=s["crs"]))
    if s.get("blank_rows"):
        notes.append(ngettext("{n} empty row was skipped", "{n} empty rows were skipped",
                              s["blank_rows"]).format(n=s["blank_rows"]))
    if s.get("outside_belgium"):
        notes.append(ngettext(
            "{n} accepted row is outside Belgium: kept, not mapped",
            "{n} accepted rows are outside Belgium: kept, not mapped",
            s["outside_belgium"]).format(n=s["outside_belgium"]))
    if s.get("not_placed"):
        notes.append(ngettext(
            "{n} accepted row is not outside Belgium but could not be placed in it (see its "
            "note): kept, not mapped",
            "{n} accepted rows are not outside Belgium but could not be placed in it (see their "
            "notes): kept, not mapped", s["not_placed"]).format(n=s["not_placed"]))
    unknown = s.get("unknown_categories") or {}
    if unknown:
        shown = ", ".join(f"{v!r} ({n})" for v, n in list(unknown.items())[:12])
        more = len(unknown) - 12
        notes.append(_("category values not in the crosswalk, counted as 'other' unless you "
                       "assign them a kind: {values}").format(values=shown)
                     + (_(" and {n} more").format(n=more) if more > 0 else ""))
    return notes


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
