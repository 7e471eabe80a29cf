"""Deaths and injuries of imported incidents: optional counts read from GTD (``nkill``,
``nwound``), ACLED (``fatalities``) and hand-made columns (killed, doden, morts, injured,
gewonden, blessés; see :mod:`geo.io.mapping`), stored with a dataset as the columns
:data:`COLUMNS`, and offered as map metrics where a dataset has them (:func:`metric_labels`).

A count is a whole number of 0 or more (``3``, ``3.0``); an empty cell, or a word for "not known"
(:data:`UNKNOWN_WORDS`), is not known (``<NA>``: never 0). Anything else rejects the row, with the
reason. GTD writes ``-99`` for "unknown" in some numeric fields: it is read as not known, not as a
count.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from geo import vocab
from geo.i18n import N_, _
from geo.text import fold

#: The stored columns (nullable integers, ``<NA>`` = not known), in order.
COLUMNS: tuple[str, ...] = vocab.PEOPLE_COUNTS
#: What each column is called on a map (translated where it is shown).
LABELS: Mapping[str, str] = MappingProxyType({
    "killed": N_("People killed"),
    "injured": N_("People injured"),
})
#: Cells that mean "not known" (folded: case and accents do not matter).
UNKNOWN_WORDS = frozenset({
    "", "unknown", "unk", "n/a", "na", "?", "-", "onbekend", "inconnu", "inconnue", "-99", "-9",
    "-99.0", "-9.0", "nan"})


def parse(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The counts of a column of text (``Int64``, ``<NA>`` where not known), and a mask of the
    cells that are neither a count nor "not known"."""
    text = values.fillna("").astype(str).str.strip()
    unknown = text.map(lambda v: fold(v).strip() in UNKNOWN_WORDS).astype(bool)
    numbers = pd.to_numeric(text.str.replace(",", ".", regex=False).where(~unknown, ""),
                            errors="coerce")
    whole = numbers.notna() & np.isfinite(numbers) & (numbers >= 0) & (numbers == np.floor(numbers)) \
        & (numbers < 2**31)
    bad = ~unknown & ~whole
    counts = numbers.where(whole).astype("Float64").round().astype("Int64")
    return counts, bad


def reason(column: str, cell: str) -> str:
    """Why a cell is not a count, for the rejected rows."""
    return _("{column} must be a whole number of people, 0 or more, or empty when not known "
             "(found {cell!r})").format(column=column, cell=cell)


def metric_labels(incidents: pd.DataFrame) -> dict[str, str]:
    """The casualty metrics a table offers (column → translated label): the columns of
    :data:`COLUMNS` it has with at least one known count."""
    return {c: _(LABELS[c]) for c in COLUMNS
            if c in incidents.columns and incidents[c].notna().any()}
