"""Choropleth classes with mapclassify, shared by the web maps and the static exports, so all of
them draw the same bins, colours and legend.

- Labels never overlap. Counts are integers: a class holds the whole numbers above the previous
  bound up to its own ("1–3", "4–6", …). Rates are shown with one number of decimals for the
  whole legend (the fewest that keeps the bounds apart), and a rate belongs to a class by its
  value at that rounding, so a tooltip's "1.3" is always in the class labelled "1.3–3.0".
- Colours are ColorBrewer sequential schemes (:data:`PALETTES`, all safe for colour-blind
  readers), read from ``branca``'s copy of the ColorBrewer tables. Only the colours that differ
  from "no incident" (:data:`ZERO_COLOR`) by a contrast ratio of at least
  :data:`MIN_CONTRAST` are used, so the lowest class never reads as empty.
- Breaks may be given (upper bounds, as mapclassify's ``UserDefined``); the last class always
  reaches the largest value.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from geo.i18n import N_, _, number

ZERO_COLOR = "#f4f4f2"
NO_DATA_COLOR = "#d9d9d9"
SCHEMES = ("FisherJenks", "Quantiles", "EqualInterval", "NaturalBreaks")
#: The schemes in words (translated where shown).
SCHEME_LABELS = {"FisherJenks": N_("Fisher–Jenks"), "Quantiles": N_("Quantiles"),
                 "EqualInterval": N_("Equal intervals"), "NaturalBreaks": N_("Natural breaks")}
#: The scheme name of user-entered breaks.
USER_DEFINED = "UserDefined"
#: ColorBrewer sequential schemes offered (all marked colour-blind safe by ColorBrewer), the
#: default first. Each keeps at least five colours that stand out from "no incident".
PALETTES = ("YlOrRd", "OrRd", "Reds", "PuRd", "RdPu", "Blues", "PuBu", "YlGnBu", "BuPu", "Purples")
DEFAULT_PALETTE = PALETTES[0]
#: The least WCAG contrast ratio between the lowest class and :data:`ZERO_COLOR`.
MIN_CONTRAST = 2.0
#: Above this many values, classes are fitted on this many quantiles of them.
FIT_SIZE = 200
#: Most decimals a rate's legend uses.
MAX_DECIMALS = 3


def luminance(color: str) -> float:
    """Relative luminance of a ``#rrggbb`` colour (WCAG 2)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(color[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


@lru_cache(maxsize=len(PALETTES))
def palette_colors(palette: str) -> tuple[str, ...]:
    """The colours of a ColorBrewer scheme (its nine-class version, light to dark) that differ
    from :data:`ZERO_COLOR` by at least :data:`MIN_CONTRAST`."""
    if palette not in PALETTES:
        raise ValueError(f"palette must be one of {PALETTES}, not {palette!r}")
    from branca.utilities import color_brewer

    return tuple(c for c in color_brewer(palette, 9) if contrast(c, ZERO_COLOR) >= MIN_CONTRAST)


def max_classes(palette: str = DEFAULT_PALETTE) -> int:
    """How many classes ``palette`` can colour."""
    return len(palette_colors(palette))


def class_colors(palette: str, n: int) -> tuple[str, ...]:
    """``n`` colours of ``palette``, light to dark, spread over its usable colours."""
    usable = palette_colors(palette)
    if n > len(usable):
        raise ValueError(_("The {palette} palette gives at most {n} classes that stand out from "
                           "\"no incident\"").format(palette=palette, n=len(usable)))
    if n <= 0:
        return ()
    picks = np.round(np.linspace(0, len(usable) - 1, n)).astype(int) if n > 1 else [len(usable) // 2]
    return tuple(usable[i] for i in picks)


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the classes of the positive values (the last is the maximum), one colour
    and one legend label each. Zero has its own class and colour ("no incident"). Values are
    compared at ``decimals`` (0 for counts)."""

    bins: tuple[float, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]
    scheme: str
    zero_label: str = "0"
    decimals: int = 0
    palette: str = DEFAULT_PALETTE

    def index_of(self, value: float | None) -> int | None:
        """The class of ``value`` (0 = lowest), -1 for zero ("no incident"), None for no data."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if value <= 0 or not self.bins:
            return -1
        v = round(float(value), self.decimals)
        for i, upper in enumerate(self.bins):
            if v <= upper + 1e-9:
                return i
        return len(self.bins) - 1

    def color_of(self, value: float | None) -> str:
        i = self.index_of(value)
        if i is None:
            return NO_DATA_COLOR
        return ZERO_COLOR if i < 0 else self.colors[i]

    def format(self, value: float) -> str:
        """``value`` written as the legend writes its bounds."""
        return _fmt(value, self.decimals)

    def legend(self, *, with_zero: bool = True) -> list[tuple[str, str]]:
        """(colour, label) pairs, lowest first."""
        items = [(ZERO_COLOR, self.zero_label)] if with_zero else []
        return items + list(zip(self.colors, self.labels))


def _fmt(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, grouped as the current language writes numbers
    (1,234.5 in English, 1 234,5 in French, 1.234,5 in Dutch)."""
    return number(value, decimals)


def _round(values: np.ndarray, decimals: int) -> np.ndarray:
    """Rounded as Python's ``round`` and ``format`` do (correctly, from the exact binary value;
    numpy's ``round`` scales first and can differ, e.g. 0.45 → 0.4)."""
    return np.array([round(float(v), decimals) for v in values], dtype=float)


def _decimals(bins: np.ndarray, integer: bool) -> int:
    """Fewest decimals (1 to :data:`MAX_DECIMALS` for rates, 0 for counts) that keep the bounds
    apart."""
    if integer:
        return 0
    for d in range(1, MAX_DECIMALS + 1):
        rounded = _round(bins, d)
        if len(np.unique(rounded)) == len(bins) and rounded[0] > 0:
            return d
    return MAX_DECIMALS


def _labels(bins: np.ndarray, decimals: int, exact: bool) -> list[str]:
    step = 10.0 ** -decimals
    labels, lower = [], None
    for upper in bins:
        if exact:
            labels.append(_fmt(upper, decimals))
        elif lower is None:
            labels.append(f"1–{_fmt(upper, 0)}" if decimals == 0 and upper > 1
                          else _fmt(upper, 0) if decimals == 0
                          else _("up to {value}").format(value=_fmt(upper, decimals)))
        else:
            lo = lower + step
            labels.append(_fmt(upper, decimals) if lo >= upper - step / 2
                          else f"{_fmt(lo, decimals)}–{_fmt(upper, decimals)}")
        lower = float(upper)
    return labels


def parse_breaks(text: str) -> tuple[float, ...]:
    """User-entered class breaks ("2, 5, 10" or "2;5;10"): positive, rising numbers."""
    parts = [p.strip() for p in str(text).replace(";", ",").split(",") if p.strip()]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(_("Class breaks must be numbers separated by commas, e.g. 2, 5, 10")) from None
    if any(not math.isfinite(v) or v <= 0 for v in values):
        raise ValueError(_("Class breaks must be positive numbers"))
    if list(values) != sorted(set(values)):
        raise ValueError(_("Class breaks must rise from left to right, each once"))
    return values


def classify(
    values: Sequence[float],
    *,
    k: int = 5,
    scheme: str = "FisherJenks",
    integer: bool = True,
    palette: str = DEFAULT_PALETTE,
    breaks: Sequence[float] | None = None,
) -> Classes:
    """Classes for ``values`` (counts when ``integer``, else rates). Zeros and NaN are left out
    of the classification; with no more distinct positive values than ``k``, each value is its
    own class (no class is ever empty). With ``breaks`` (upper bounds, rising), those are the
    classes, and one more up to the largest value when it lies above the last break."""
    if scheme not in SCHEMES and not (breaks is not None and scheme == USER_DEFINED):
        raise ValueError(f"scheme must be one of {SCHEMES}, not {scheme!r}")
    if k > max_classes(palette) or k < 1:
        raise ValueError(_("The {palette} palette gives 1 to {n} classes, not {k}").format(
            palette=palette, n=max_classes(palette), k=k))
    y = np.asarray([v for v in values if v is not None and not math.isnan(v) and v > 0], dtype=float)
    zero_label = _("0 (no incident)")
    if breaks is not None:
        return _user_classes(y, breaks, integer=integer, palette=palette, zero_label=zero_label)
    if y.size == 0:
        return Classes((), (), (), scheme, zero_label, 0 if integer else 1, palette)
    if integer:
        y = np.round(y)
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
            bins = np.asarray(mapclassify.classify(fit, scheme, k=k).bins, dtype=float)
        bins[-1] = max(bins[-1], y.max())
        if integer:  # a class holds the whole numbers up to its bound: empty classes go
            bins = np.floor(bins + 1e-9)
        bins = np.unique(bins[bins > 0])
    decimals = _decimals(bins, integer)
    if exact and not integer:
        bins = np.unique(_round(bins, decimals))
    elif not integer:
        bins = _round(bins, decimals)
        bins[-1] = max(bins[-1], round(float(y.max()), decimals))
        bins = np.unique(bins)
    colors = class_colors(palette, len(bins))
    labels = _labels(bins, decimals, exact)
    return Classes(tuple(float(b) for b in bins), colors, tuple(labels), scheme, zero_label, decimals, palette)


def _user_classes(y: np.ndarray, breaks: Sequence[float], *, integer: bool, palette: str,
                  zero_label: str) -> Classes:
    bins = np.asarray(sorted(set(float(b) for b in breaks if b > 0)), dtype=float)
    if integer:
        bins = np.unique(np.floor(bins + 1e-9))
        bins = bins[bins > 0]
    if y.size and (not bins.size or y.max() > bins[-1]):
        bins = np.append(bins, np.round(y.max()) if integer else y.max())
    if not bins.size:
        return Classes((), (), (), USER_DEFINED, zero_label, 0 if integer else 1, palette)
    decimals = _decimals(bins, integer)
    bins = np.unique(_round(bins, decimals))
    colors = class_colors(palette, len(bins))
    return Classes(tuple(float(b) for b in bins), colors, tuple(_labels(bins, decimals, False)),
                   USER_DEFINED, zero_label, decimals, palette)
