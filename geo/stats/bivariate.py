"""Two measures per unit on one map: 3 × 3 classes, a published bivariate palette, legend words,
and the scatter table of the two measures.

Classes per measure (1 low, 2 medium, 3 high), by mapclassify:

- **terciles** (``mapclassify.Quantiles(k=3)``) when fewer than a third of the units are 0;
- otherwise (incident counts: most units have none) **0, then halves**: class 1 is exactly 0,
  and the units above 0 are split at their median (``mapclassify.Quantiles(k=2)``) into 2 and 3;
  when they all have the same value they are all 3;
- with terciles whose bounds coincide (few distinct values), two classes are low and high, one
  (every unit the same) is medium.

A value equal to a class's upper bound belongs to that class (mapclassify's rule), so ties never
straddle two classes. A unit without a value for either measure gets no class (``cell`` empty)
and is counted in ``missing``.

Palette: Joshua Stevens' 3 × 3 pink–blue ("DkBlue" in the R package biscale), from light grey
(low, low) through cyan (high x only) and pink (high y only) to dark blue (high, high); its two
hues stay apart for the common colour-vision deficiencies, and lightness carries "both high".
"""

from __future__ import annotations

from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from geo.i18n import _

#: Stevens' palette: (x class, y class) → colour.
PALETTE: dict[tuple[int, int], str] = {
    (1, 1): "#e8e8e8", (2, 1): "#ace4e4", (3, 1): "#5ac8c8",
    (1, 2): "#dfb0d6", (2, 2): "#a5add3", (3, 2): "#5698b9",
    (1, 3): "#be64ac", (2, 3): "#8c62aa", (3, 3): "#3b4994",
}
#: The nine cells in legend order (row by row from high y to low y, x rising): index 0..8.
CELLS: tuple[tuple[int, int], ...] = tuple((x, y) for y in (3, 2, 1) for x in (1, 2, 3))
RULES = ("terciles", "zero_then_halves")


@dataclass(frozen=True)
class Axis:
    """One measure's classes: ``classes`` (1–3, 0 for no value), ``bounds`` (upper bound of each
    class that has units), ``rule`` (:data:`RULES`)."""

    classes: np.ndarray
    bounds: tuple[float, ...]
    rule: str


def classify_axis(values: np.ndarray) -> Axis:
    """Low / medium / high of one measure (see the module's rule)."""
    values = np.asarray(values, dtype=float)
    known = ~np.isnan(values)
    out = np.zeros(len(values), dtype=int)
    v = values[known]
    if len(v) == 0:
        return Axis(out, (), "terciles")
    zeros = v == 0
    if zeros.mean() >= 1 / 3:
        classes = np.ones(len(v), dtype=int)
        positive = v[~zeros]
        bounds: list[float] = [0.0]
        if len(np.unique(positive)) >= 2:
            halves = mapclassify.Quantiles(positive, k=2)
            classes[~zeros] = halves.yb + 2
            bounds += [float(b) for b in halves.bins]
        elif len(positive):
            classes[~zeros] = 3
            bounds.append(float(positive.max()))
        out[known] = classes
        return Axis(out, tuple(bounds), "zero_then_halves")
    distinct = np.unique(v)
    if len(distinct) < 3:  # too few values for terciles
        out[known] = _spread(np.searchsorted(distinct, v), len(distinct))
        return Axis(out, tuple(float(b) for b in distinct), "terciles")
    terciles = mapclassify.Quantiles(v, k=3)  # fewer classes when bounds coincide
    out[known] = _spread(terciles.yb, terciles.k)
    return Axis(out, tuple(float(b) for b in terciles.bins), "terciles")


def _spread(yb: np.ndarray, k: int) -> np.ndarray:
    """Class indexes 0..k-1 as low/medium/high: three classes as they are, two as low and high,
    one (every unit the same) as medium."""
    return np.asarray({3: (1, 2, 3), 2: (1, 3), 1: (2,)}[k])[np.asarray(yb, dtype=int)]


@dataclass(frozen=True)
class Bivariate:
    """``table``: ``code``, ``name``, ``x``, ``y``, ``x_class``, ``y_class`` (1–3, 0: no value),
    ``cell`` (``"x-y"``, empty without a class), ``index`` (position in :data:`CELLS`, -1 without
    a class), ``colour``; the two axes; ``x_label``/``y_label`` (short names of the measures, as
    the legend cells say them), ``title`` (the map's, default "x against y") and ``unit`` (what
    both measures count, e.g. "per 100,000 residents": the scatter's axes say it)."""

    table: pd.DataFrame
    x_axis: Axis
    y_axis: Axis
    x_label: str
    y_label: str
    title: str = ""
    unit: str = ""

    def heading(self) -> str:
        """The map's title: :attr:`title`, else "x against y"."""
        return self.title or _("{x} against {y}").format(x=self.x_label, y=self.y_label)

    def axis_title(self, label: str) -> str:
        """A scatter axis: the measure and its unit."""
        return _("{label}, {unit}").format(label=label, unit=self.unit) if self.unit else label

    @property
    def missing(self) -> int:
        return int((self.table["index"] < 0).sum())

    def scatter(self) -> pd.DataFrame:
        """The scatter table: ``x``, ``y``, ``code``, ``name`` (units with both values)."""
        known = self.table["x"].notna() & self.table["y"].notna()
        return self.table.loc[known, ["x", "y", "code", "name"]].reset_index(drop=True)

    def legend(self) -> list[dict]:
        """The nine legend cells in :data:`CELLS` order: ``cell``, ``colour``, ``words``, ``units``."""
        counts = self.table["cell"].value_counts()
        return [{"cell": f"{x}-{y}", "colour": PALETTE[(x, y)], "units": int(counts.get(f"{x}-{y}", 0)),
                 "words": cell_words(x, y, self.x_label, self.y_label)} for x, y in CELLS]


def level_word(cls: int) -> str:
    return {1: _("low"), 2: _("medium"), 3: _("high")}[cls]


def cell_words(x: int, y: int, x_label: str, y_label: str) -> str:
    """The words of one legend cell, e.g. "incidents per 100,000: high; foreign fighters per
    100,000: low", in the current language."""
    return _("{x_label}: {x_level}; {y_label}: {y_level}").format(
        x_label=x_label, x_level=level_word(x), y_label=y_label, y_level=level_word(y))


def classify(frame: pd.DataFrame, *, x_label: str, y_label: str, title: str = "", unit: str = "") -> Bivariate:
    """3 × 3 classes of ``frame`` (columns ``code``, ``name``, ``x``, ``y``)."""
    x_axis, y_axis = classify_axis(frame["x"].to_numpy()), classify_axis(frame["y"].to_numpy())
    table = frame[["code", "name", "x", "y"]].reset_index(drop=True).copy()
    table["x_class"], table["y_class"] = x_axis.classes, y_axis.classes
    has = (table["x_class"] > 0) & (table["y_class"] > 0)
    table["cell"] = np.where(has, table["x_class"].astype(str) + "-" + table["y_class"].astype(str), "")
    position = {f"{x}-{y}": i for i, (x, y) in enumerate(CELLS)}
    table["index"] = table["cell"].map(position).fillna(-1).astype(int)
    table["colour"] = [PALETTE[(x, y)] if ok else "" for x, y, ok in zip(table["x_class"], table["y_class"], has)]
    return Bivariate(table, x_axis, y_axis, x_label, y_label, title, unit)
