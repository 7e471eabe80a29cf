"""Validation of imported rows (pandera): every input row is accepted or rejected.

Rejections: an empty or duplicated id (the first occurrence is kept), an empty or unreadable
date, text in a number field (coordinates, GTD/ACLED codes, year/month/day), out-of-range
values, a latitude without a longitude, extra cells. Each problem names the row, the column (as
the file names it) and the reason a person reads. To add a rule: a check in :func:`build_rules`
(vectorised over its column), with an ``explain`` entry when the reason should quote the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from geo.errors import Problem
from geo.io.cells import Cells
from geo.io.dates import MAX_YEAR, MIN_YEAR
from geo.io.mapping import ColumnMapping
from geo.io.presets import date_precision_codes, location_precision_codes
from geo.io.readers.raw import EXTRA_CELLS


@dataclass
class Rules:
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


def build_rules(m: ColumnMapping, cells: Cells, dates: dict[str, Any]) -> Rules:
    """The checks of a mapping. Each check is vectorised over the column it is attached to (the
    cells were parsed once, on the same index). ``dates``: :func:`geo.io.dates.parse_date` of
    each distinct text of the date column."""
    r = Rules()
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
        r.add(y_c, lambda s: whole(y_c).isna() | whole(y_c).between(MIN_YEAR, MAX_YEAR),
              f"year must be within {MIN_YEAR}-{MAX_YEAR}")
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
        allowed = set(date_precision_codes(m.preset))
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
        codes = location_precision_codes(m.preset)
        shown = ", ".join(sorted(codes))
        lp_c = m.location_precision
        r.add(lp_c, lambda s: (s == "") | code(lp_c).isin(set(codes)),
              f"location precision must be one of {shown} (or empty)")
    if EXTRA_CELLS in text.columns:
        r.add(EXTRA_CELLS, lambda s: s == "", "the row has more cells than the header")
    return r


def validate(text: pd.DataFrame, rules: Rules, rows: np.ndarray, filename: str) -> list[Problem]:
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
