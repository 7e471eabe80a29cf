"""How a figure computed from the data is compared with the figure the report prints.

* ``count``: the computed number equals the printed one (``at least``: is no smaller).
* ``percent``: the report prints whole percents. A computed share matches when it **rounds half
  up or truncates** to the printed number: the report does both (62/107 = 57.9% is printed "57%",
  27/62 = 43.5% is printed "44%"). ``percent (1 decimal)``: the same with one decimal ("85.7%").
* ``range``: wording such as "a little more than 18%" or "almost 80%" is checked against the
  interval stated in the figure's rule, which says how the words were read.
* ``holds``: a statement (a peak, a set of cities, a date) that is true or false of the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from geo.i18n import _


@dataclass(frozen=True)
class Rule:
    """How a computed value is compared with the printed one."""

    kind: str                      # count, percent, percent (1 decimal), range, holds, at least
    target: Any = None             # the printed number (or None for holds)
    low: Fraction | None = None    # range: low <= share < high (strictness in ``low_strict``)
    high: Fraction | None = None
    low_strict: bool = False
    text: str = ""

    def matches(self, value: Any) -> bool:
        if value is None:
            return False
        if self.kind == "count":
            return value == self.target
        if self.kind == "at least":
            return value >= self.target
        if self.kind == "holds":
            return value is True
        if self.kind in ("percent", "percent (1 decimal)"):
            scale = 1 if self.kind == "percent" else 10
            pct = Fraction(value) * 100 * scale
            rounded, truncated = math.floor(pct + Fraction(1, 2)), math.floor(pct)
            want = round(Fraction(str(self.target)) * scale)
            return want in (rounded, truncated)
        if self.kind == "range":
            v = Fraction(value)
            above = v > self.low if self.low_strict else v >= self.low
            return above and v < self.high
        raise ValueError(f"unknown rule {self.kind!r}")

    def describe(self) -> str:
        base = {
            "count": _("count: equal"),
            "at least": _("count: at least {n}").format(n=self.target),
            "holds": _("holds"),
            "percent": _("percent: rounds half up or truncates to the printed whole number"),
            "percent (1 decimal)": _("percent: rounds half up or truncates to one decimal"),
            "range": _("range"),
        }[self.kind]
        return f"{base}; {_(self.text)}" if self.text else base  # the text is marked with N_ in figures.py


def count(n: int, text: str = "") -> Rule:
    return Rule("count", n, text=text)


def at_least(n: int, text: str = "") -> Rule:
    return Rule("at least", n, text=text)


def percent(p: int | float, text: str) -> Rule:
    return Rule("percent" if float(p).is_integer() else "percent (1 decimal)", p, text=text)


def share_range(low: float, high: float, text: str, *, low_strict: bool = False) -> Rule:
    return Rule("range", low=Fraction(str(low)), high=Fraction(str(high)), low_strict=low_strict, text=text)


def holds(text: str) -> Rule:
    return Rule("holds", text=text)
