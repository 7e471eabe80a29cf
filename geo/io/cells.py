"""Cells of the mapped columns: every cell as stripped text, and its readings (numbers, whole
numbers, precision codes), each parsed once per import and shared by validation, dates and
geocoding through :class:`Cells`.

Numbers accept a decimal comma (``50,85``); whole numbers accept ``3`` and ``3.0``; codes are
``"2"`` for ``"2"``, ``"2.0"``, ``" 2 "`` and other text folded to lower case without accents.
Nothing is evaluated: a cell that is not a number is NaN.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import shapely

from geo.io import casualties
from geo.io.readers.raw import cell_text
from geo.text import fold


def as_text(raw: pd.DataFrame) -> pd.DataFrame:
    """Every cell as stripped text ('' for missing), on a positional index."""
    out = {}
    for j, column in enumerate(raw.columns):
        values = raw.iloc[:, j]
        if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
            values = values.map(cell_text)
        out[column] = values.astype(object).fillna("").str.strip().to_numpy(dtype=object)
    return pd.DataFrame(out, index=pd.RangeIndex(len(raw)), dtype=object, columns=list(raw.columns))


def _to_float(values: pd.Series) -> pd.Series:
    try:
        return pd.to_numeric(values, errors="coerce").astype("float64")
    except (TypeError, ValueError, OverflowError):
        def one(v: str) -> float:
            try:
                return float(v)
            except (TypeError, ValueError, OverflowError):
                return np.nan
        return values.map(one).astype("float64")


def _numbers(values: pd.Series) -> pd.Series:
    """Floats of number text; a decimal comma is read (``50,85``); NaN where not a number."""
    out = _to_float(values)
    comma = out.isna().to_numpy() & values.str.contains(",", regex=False).to_numpy(dtype=bool)
    if comma.any():
        fixed = values[comma].str.replace(r"^\s*([+-]?\d+),(\d+)\s*$", r"\1.\2", regex=True)
        out[comma] = _to_float(fixed).to_numpy()
    return out


_INT = re.compile(r"\s*[+-]?\d{1,9}(?:\.0+)?\s*")


def _integers(values: pd.Series) -> pd.Series:
    """Integers of whole-number text (``"3"``, ``"3.0"``), as floats; NaN otherwise."""
    ok = values.str.fullmatch(_INT.pattern)
    return pd.to_numeric(values.where(ok, ""), errors="coerce").astype("float64")


def _code_text(values: pd.Series) -> pd.Series:
    """``"2"`` for ``"2"``, ``"2.0"``, ``" 2 "``; other text folded to lower case."""
    unique = pd.unique(values)
    folded = {v: fold(re.sub(r"^\s*(\d+)\.0+\s*$", r"\1", v)).strip() for v in unique}
    return values.map(folded)


def _geometries(values: pd.Series) -> pd.Series:
    """Shapely geometries of WKT text; None for an empty cell or text that is not WKT."""
    text = values.where(values != "", None).to_numpy(dtype=object)
    geoms = shapely.from_wkt(text, on_invalid="ignore")
    geoms[shapely.is_missing(geoms) | shapely.is_empty(geoms)] = None
    return pd.Series(geoms, index=values.index, dtype=object)


class Cells:
    """Numbers, whole numbers and codes of the text columns, each parsed once per import.
    ``subset(mask)`` gives the same for some rows, reusing what was parsed."""

    def __init__(self, text: pd.DataFrame, parent: Cells | None = None, mask: np.ndarray | None = None):
        self.text, self._parent, self._mask = text, parent, mask
        self._memo: dict[tuple[str, str], pd.Series] = {}

    def _get(self, kind: str, column: str, fn) -> pd.Series:
        key = (kind, column)
        if key not in self._memo:
            if self._parent is not None:
                self._memo[key] = self._parent._get(kind, column, fn)[self._mask]
            else:
                self._memo[key] = fn(self.text[column])
        return self._memo[key]

    def numbers(self, column: str) -> pd.Series:
        return self._get("numbers", column, _numbers)

    def integers(self, column: str) -> pd.Series:
        return self._get("integers", column, _integers)

    def codes(self, column: str) -> pd.Series:
        return self._get("codes", column, _code_text)

    def geometries(self, column: str) -> pd.Series:
        """Shapely geometries of a WKT column (None where empty or not WKT)."""
        return self._get("geometries", column, _geometries)

    def counts(self, column: str) -> tuple[pd.Series, pd.Series]:
        """Counts of people (``Int64``, ``<NA>``: not known) and the cells that are not counts
        (:func:`geo.io.casualties.parse`)."""
        return (self._get("counts", column, lambda s: casualties.parse(s)[0]),
                self._get("not_counts", column, lambda s: casualties.parse(s)[1]))

    def subset(self, mask: np.ndarray) -> Cells:
        return Cells(self.text[mask], self, mask)
