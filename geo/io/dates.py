"""Dates of imported incidents, which keep their precision (``day``, ``month``, ``year``; a
coarser date is stored as the first day of its period).

* Hand-made tables: the form of the text decides (``2016-03-22``, ``22/03/2016``, ``22.03.2016``,
  ``22 March 2016`` and French/Dutch month names → day; ``2016-03``, ``03/2016``, ``March 2016``
  → month; ``2016`` → year; :func:`parse_date`); numeric dates are read day first (European
  order); or a ``date_format`` (strptime) given in the mapping; or ``year``/``month``/``day``
  columns (blank or 0 = unknown: GTD's ``iday`` 0 → month precision, ``imonth`` 0 → year).
* A precision column (ACLED ``time_precision``, else ``day``/``month``/``year``; see
  :mod:`geo.io.presets`) can only make a date coarser, never finer than its text.

To add a written form of date: a pattern in :data:`_DATE_PATTERNS` (and, if people should know
it, in :data:`DATE_HINT`); a month name: :data:`_MONTH_NAMES`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date as _date
from datetime import datetime
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from geo import vocab
from geo.i18n import N_, _
from geo.io.cells import Cells
from geo.io.mapping import ColumnMapping
from geo.io.presets import date_precision_codes
from geo.text import fold

#: The years a written date may have; which dates are plausible for an incident is the setting
#: ``ATLAS_DATE_RANGE`` (:func:`geo.config.date_range`, checked by :func:`range_problem`).
MIN_YEAR, MAX_YEAR = 1000, 9999

# Month names (English, Dutch, French, German; folded), by month number.
_MONTH_NAMES: tuple[str, ...] = (
    "january jan januari janvier janv januar jänner",
    "february feb februari fevrier fevr fev februar",
    "march mar maart mrt mars marz maerz",
    "april apr avril avr",
    "may mei mai",
    "june jun juni juin",
    "july jul juli juillet juil",
    "august aug augustus aout",
    "september sep sept septembre",
    "october oct oktober octobre okt",
    "november nov novembre",
    "december dec decembre dezember",
)
_MONTHS: Mapping[str, int] = MappingProxyType({
    fold(name): number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()})

_T = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:z|[+-]\d{2}:?\d{2}))?)?"
# (pattern of the folded text, the order of its parts, the precision it gives); the first that
# matches the whole text decides. y year, m month number, M month name, d day.
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), order, precision) for p, order, precision in (
        (rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_T}", "ymd", "day"),
        (rf"(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_T}", "ymd", "day"),
        (rf"(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](\d{{4}}){_T}", "dmy", "day"),
        (r"(\d{1,2})(?:st|nd|rd|th|er|e)?[ \-]+([a-z]+)\.?,?[ \-]+(\d{4})", "dMy", "day"),
        (r"([a-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})", "Mdy", "day"),
        (r"(\d{4})-(\d{1,2})", "ym", "month"),
        (r"(\d{1,2})[/.\-](\d{4})", "my", "month"),
        (r"([a-z]+)\.?[ \-]+(\d{4})", "My", "month"),
        (r"(\d{4})", "y", "year"),
    ))
#: How a date may be written (translated where shown: ``_(DATE_HINT)``).
DATE_HINT = N_("write it as 2016-03-22, 22/03/2016, 22 March 2016, 2016-03, 03/2016 or 2016, "
               "or give the date format")


def _fold(value: str) -> str:
    return fold(value).strip()


def _ymd(y: int, m: int | None, d: int | None, precision: str) -> tuple[int, int, int, str] | str:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return _("year {year} is outside {first}-{last}").format(year=y, first=MIN_YEAR, last=MAX_YEAR)
    if m is not None and not 1 <= m <= 12:
        return _("month {month} does not exist").format(month=m)
    if d is not None:
        try:
            _date(y, m or 1, d)
        except ValueError:
            return _("{date} is not a day of the calendar").format(date=f"{y:04d}-{m:02d}-{d:02d}")
    return y, m or 1, d or 1, precision


def period(y: int, m: int, d: int, precision: str) -> tuple[_date, _date]:
    """The first and last day of a date at its precision."""
    if precision == "year":
        return _date(y, 1, 1), _date(y, 12, 31)
    if precision == "month":
        following = _date(y + (m == 12), m % 12 + 1, 1)
        return _date(y, m, 1), _date.fromordinal(following.toordinal() - 1)
    return _date(y, m, d), _date(y, m, d)


def range_problem(y: int, m: int, d: int, precision: str, first: _date, last: _date) -> str | None:
    """Why a date cannot be an incident's (it starts after ``last`` or ends before ``first``,
    the plausible range of ``ATLAS_DATE_RANGE``), or None. A month or year that has begun is
    plausible."""
    start, end = period(y, m, d, precision)
    shown = start.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)]
    if start > last:
        return _("{date} is after {last}, the last plausible date of an incident (a date in the "
                 "future, or outside ATLAS_DATE_RANGE)").format(date=shown, last=last.isoformat())
    if end < first:
        return _("{date} is before {first}, the first plausible date of an incident "
                 "(ATLAS_DATE_RANGE)").format(date=shown, first=first.isoformat())
    return None


def parse_date(text: str, date_format: str | None = None) -> tuple[int, int, int, str] | str:
    """``(year, month, day, precision)`` of a date written as text, or the reason it is not a
    date. Without ``date_format``, the forms listed in :data:`DATE_HINT` (and French, Dutch,
    German month names); numeric dates are read day first. With one, ``strptime`` and a
    precision from its directives (%d → day, %m/%b/%B → month, else year)."""
    raw = text.strip()
    if not raw:
        return _("is empty: every incident needs a date")
    if date_format:
        try:
            parsed = datetime.strptime(raw, date_format)
        except ValueError:
            return _("not a date written as {format!r} (found {raw!r})").format(format=date_format, raw=raw)
        has = lambda *ds: any(d in date_format for d in ds)  # noqa: E731
        precision = "day" if has("%d", "%j") else "month" if has("%m", "%b", "%B") else "year"
        answer = _ymd(parsed.year, parsed.month if precision != "year" else None,
                      parsed.day if precision == "day" else None, precision)
        return _found(answer, raw) if isinstance(answer, str) else answer
    folded = _fold(raw)
    for pattern, order, precision in _DATE_PATTERNS:
        found = pattern.fullmatch(folded)
        if not found:
            continue
        parts = dict(zip(order, found.groups()))
        month_text = parts.get("M")
        if month_text is not None:
            month = _MONTHS.get(month_text)
            if month is None:
                continue
        else:
            month = int(parts["m"]) if "m" in parts else None
        day = int(parts["d"]) if "d" in parts else None
        answer = _ymd(int(parts["y"]), month, day, precision)
        return _found(answer, raw) if isinstance(answer, str) else answer
    return _("not a date (found {raw!r}): {hint}").format(raw=raw, hint=_(DATE_HINT))


def _found(reason: str, raw: str) -> str:
    return _("{reason} (found {raw!r})").format(reason=reason, raw=raw)


def incident_dates(cells: Cells, m: ColumnMapping, parsed: dict[str, Any]) -> tuple[pd.Series, pd.Series]:
    """The ``date`` and ``date_precision`` of accepted rows (``parsed``: :func:`parse_date` of
    each distinct text of the date column), coarsened by the precision column if any."""
    text = cells.text
    n = len(text)
    if not n:
        return (pd.Series([], index=text.index, dtype="datetime64[us]"),
                pd.Series([], index=text.index, dtype=object))
    if m.date:
        values = text[m.date].map(parsed)
        y = np.array([v[0] for v in values], dtype="int64")
        mo = np.array([v[1] for v in values], dtype="int64")
        d = np.array([v[2] for v in values], dtype="int64")
        precision = pd.Series([v[3] for v in values], index=text.index, dtype=object)
    else:
        y = cells.integers(m.year).to_numpy().astype("int64")
        months = cells.integers(m.month).fillna(0).to_numpy() if m.month else np.zeros(n)
        days = cells.integers(m.day).fillna(0).to_numpy() if m.day else np.zeros(n)
        precision = pd.Series(np.where(months == 0, "year", np.where(days == 0, "month", "day")),
                              index=text.index, dtype=object)
        mo = np.where(months == 0, 1, months).astype("int64")
        d = np.where(days == 0, 1, days).astype("int64")
    if m.date_precision:
        codes = cells.codes(m.date_precision)
        table = date_precision_codes(m.preset)
        given = codes.map(lambda c: table.get(c, ""))
        given_rank = np.array([vocab.DATE_RANK.get(g, 9) for g in given], dtype="int64")
        own_rank = np.array([vocab.DATE_RANK[p] for p in precision], dtype="int64")
        coarser = pd.Series(given_rank < own_rank, index=text.index)
        precision = precision.where(~coarser, given)
    p = precision.to_numpy()
    d = np.where(p == "day", d, 1)
    mo = np.where(p == "year", 1, mo)
    stamps = pd.to_datetime(pd.DataFrame({"year": y, "month": mo, "day": d}, index=text.index))
    return stamps.astype("datetime64[us]"), precision
