"""Choropleth classes with mapclassify, shared by the web maps and the PNG export, so both draw
the same bins, colours and legend."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_hex

ZERO_COLOR = "#f4f4f2"
NO_DATA_COLOR = "#d9d9d9"
SCHEMES = ("FisherJenks", "Quantiles", "EqualInterval", "NaturalBreaks")
#: Above this many values, classes are fitted on this many quantiles of them.
FIT_SIZE = 200


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the classes of the positive values (the last is the maximum), one colour
    and one legend label each. Zero has its own class and colour ("no incident")."""

    bins: tuple[float, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]
    scheme: str
    zero_label: str = "0"

    def color_of(self, value: float | None) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return NO_DATA_COLOR
        if value <= 0 or not self.bins:
            return ZERO_COLOR
        for upper, color in zip(self.bins, self.colors):
            if value <= upper + 1e-9:
                return color
        return self.colors[-1]

    def legend(self, *, with_zero: bool = True) -> list[tuple[str, str]]:
        """(colour, label) pairs, lowest first."""
        items = [(ZERO_COLOR, self.zero_label)] if with_zero else []
        return items + list(zip(self.colors, self.labels))


def _fmt(value: float, integer: bool) -> str:
    return f"{int(round(value)):,}" if integer else f"{value:,.1f}"


def classify(
    values: Sequence[float],
    *,
    k: int = 5,
    scheme: str = "FisherJenks",
    integer: bool = True,
    cmap: str = "YlOrRd",
) -> Classes:
    """Classes for ``values`` (counts when ``integer``, else rates). Zeros and NaN are left out
    of the classification; with no more distinct positive values than ``k``, each value is its
    own class (no class is ever empty)."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, not {scheme!r}")
    y = np.asarray([v for v in values if v is not None and not math.isnan(v) and v > 0], dtype=float)
    zero_label = "0 (no incident)"
    if y.size == 0:
        return Classes((), (), (), scheme, zero_label)
    distinct = np.unique(y)
    exact = distinct.size <= k  # each value is its own class, labelled by itself
    if exact:
        bins = distinct
    else:
        import mapclassify  # imported here: it pulls in scipy and scikit-learn (≈2 s at first use)

        # Fisher-Jenks is quadratic: past FIT_SIZE values, classify a fixed summary of them (their
        # quantiles), so large datasets stay fast and the classes stay the same from run to run.
        fit = y if y.size <= FIT_SIZE else np.quantile(y, np.linspace(0, 1, FIT_SIZE))
        with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fast enough here
            warnings.simplefilter("ignore", UserWarning)
            bins = np.unique(mapclassify.classify(fit, scheme, k=k).bins)
        bins[-1] = max(bins[-1], y.max())
    n = len(bins)
    palette = colormaps[cmap].resampled(max(n, 2) + 1)
    colors = tuple(to_hex(palette(i + 1)) for i in range(n))
    labels = []
    lower = 0.0
    for upper in bins:
        if exact:
            labels.append(_fmt(upper, integer))
        elif integer:
            lo, hi = math.floor(lower) + 1, int(round(upper))
            labels.append(_fmt(hi, True) if lo >= hi else f"{lo:,}–{hi:,}")
        else:
            labels.append(f"{_fmt(lower, False)}–{_fmt(upper, False)}" if lower else f"up to {_fmt(upper, False)}")
        lower = float(upper)
    return Classes(tuple(float(b) for b in bins), colors, tuple(labels), scheme, zero_label)
