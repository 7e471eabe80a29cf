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

from geo import config
from geo.errors import Problem
from geo.i18n import _
from geo.io import casualties
from geo.io.cells import Cells
from geo.io.dates import MAX_YEAR, MIN_YEAR, range_problem
from geo.io.mapping import ColumnMapping
from geo.io.presets import date_precision_codes, location_precision_codes
from geo.io.readers.raw import EXTRA_CELLS, READ_PROBLEM


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
_OUT_OF_RANGE = "date outside the plausible range"
_READ = "the row could not be read as the file has it"


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
        first, last = config.date_range()
        outside = {v: range_problem(*p, first, last) for v, p in dates.items() if not isinstance(p, str)}
        r.add(m.date, lambda s: s.map(lambda v: outside.get(v) is None).astype(bool), _OUT_OF_RANGE)
        r.explain[_OUT_OF_RANGE] = lambda v: outside[v]
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
    if not m.date:
        _ymd_range(r, m, whole)
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
    if m.x and m.y:
        for column, name in ((m.x, "x"), (m.y, "y")):
            message = _("{name} is not a number").format(name=name)
            r.add(column, lambda s, c=column: (s == "") | (num(c).notna() & np.isfinite(num(c))),
                  message)
            r.explain[message] = lambda v, message=message: f"{message} (found {v!r})"
        x_c, y_c = m.x, m.y
        pair = _("x and y go together: give both or neither")
        r.frame_checks.append(pa.Check(lambda d: (d[x_c] == "") == (d[y_c] == ""), error=pair))
        r.fields[pair] = f"{x_c}; {y_c}" if x_c != y_c else x_c
    if m.geometry:
        g_c = m.geometry
        message = _("not a geometry in WKT (POINT, POLYGON, LINESTRING, …)")
        r.add(g_c, lambda s: (s == "") | cells.geometries(g_c).notna(), message)
        r.explain[message] = lambda v: f"{message} (found {v[:60]!r})"
    for column in (m.killed, m.injured):
        if column:
            message = f"{column}: not a count"
            r.add(column, lambda s, c=column: ~cells.counts(c)[1], message)
            r.explain[message] = lambda v, c=column: casualties.reason(c, v)
    if READ_PROBLEM in text.columns:
        r.add(READ_PROBLEM, lambda s: s == "", _READ)
        r.explain[_READ] = lambda v: v
    if EXTRA_CELLS in text.columns:
        r.add(EXTRA_CELLS, lambda s: s == "", "the row has more cells than the header")
    return r


def _ymd_range(r: Rules, m: ColumnMapping, whole) -> None:
    """Dates of year/month/day columns outside the plausible range (``ATLAS_DATE_RANGE``)."""
    first, last = config.date_range()
    y_c, mo_c, d_c = m.year, m.month, m.day

    def bounds() -> tuple[pd.Series, pd.Series]:
        y = whole(y_c).where(whole(y_c).between(MIN_YEAR, MAX_YEAR))
        mo = whole(mo_c).where(whole(mo_c).between(1, 12)) if mo_c else pd.Series(np.nan, index=y.index)
        d = whole(d_c).where(whole(d_c).between(1, 31)) if d_c else pd.Series(np.nan, index=y.index)
        d = d.where(mo.notna())
        parts = pd.DataFrame({"year": y, "month": mo.fillna(1), "day": d.fillna(1)})
        start = pd.to_datetime(parts.where(y.notna()), errors="coerce")
        end = start + pd.offsets.YearEnd(0)
        end = end.where(mo.isna(), start + pd.offsets.MonthEnd(0))
        end = end.where(d.isna(), start)
        return start, end

    after = _("the date (year, month, day) is after {last}, the last plausible date of an "
              "incident (a date in the future, or outside ATLAS_DATE_RANGE)").format(last=last)
    before = _("the date (year, month, day) is before {first}, the first plausible date of an "
               "incident (ATLAS_DATE_RANGE)").format(first=first)
    r.add(y_c, lambda s: pd.Series(~(bounds()[0] > pd.Timestamp(last)).to_numpy(), index=s.index), after)
    r.add(y_c, lambda s: pd.Series(~(bounds()[1] < pd.Timestamp(first)).to_numpy(), index=s.index),
          before)


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
