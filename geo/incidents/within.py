"""The rows that concern a part of Belgium (a city page's municipalities): what its captions may
count. A row counts for the part when its municipality is one of the part's, or when it is known
only to a region that lies wholly inside the part (the Brussels-Capital Region on the Brussels
page). A row known only to a region the part shares with the rest of the country (Flanders or
Wallonia) may lie anywhere in that region: it does not concern the part, and neither does a row
not placed in Belgium."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from geo.admin import boundaries
from geo.incidents.aggregate import level_codes


def whole_regions(codes: Iterable[str], *, of: boundaries.Boundaries | None = None) -> frozenset[str]:
    """The regions every municipality of which is among ``codes``."""
    munis = (of or boundaries.current()).municipalities()
    inside = munis["nis"].isin(set(codes))
    return frozenset(munis["reg_nis"]) - frozenset(munis.loc[~inside, "reg_nis"])


def concerning(rows: pd.DataFrame, codes: Iterable[str], *, of: boundaries.Boundaries | None = None) -> pd.DataFrame:
    """The rows of ``rows`` that concern the municipalities ``codes`` (see the module)."""
    codes = set(codes)
    municipality = level_codes(rows, "municipality")  # "" unless known to the municipality
    region_only = (municipality == "") & rows["region_nis"].fillna("").isin(whole_regions(codes, of=of))
    return rows[municipality.isin(codes) | region_only]
