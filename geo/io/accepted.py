"""Accepted rows in the incident layout: :func:`build_accepted` turns the cells of the rows that
passed validation into the columns of :data:`geo.incidents.table.COLUMNS` (ids, dates, kinds
through the crosswalk, places, geocoding), the derived columns of
:func:`geo.incidents.table.derive`, then :data:`geo.io.result.EXTRA_COLUMNS`.

What the source does not say is filled as the incident table's honest default: ``link``,
``connection``, ``networks`` empty, ``n_arrested`` 0, ``traveled`` ``unknown``, ``provenance``
``imported``. Categories go through :mod:`geo.io.crosswalk` (an unknown value is ``other``, with
a note in ``kind_note``, never a rejection).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from geo.incidents.table import COLUMNS, derive
from geo.io import crosswalk
from geo.io.cells import Cells
from geo.io.dates import incident_dates
from geo.io.geocoding import locate_rows
from geo.io.mapping import ColumnMapping
from geo.io.presets import category_fields
from geo.io.result import COUNT_COLUMNS, EXTRA_COLUMNS

#: The provenance of every imported row.
PROVENANCE = "imported"


def _counts(cells: Cells, column: str | None) -> pd.Series:
    """People killed or injured (``Int64``; ``<NA>`` where not known or not mapped)."""
    if not column:
        return pd.Series(pd.NA, index=cells.text.index, dtype="Int64")
    return cells.counts(column)[0]


def build_accepted(cells: Cells, rows: np.ndarray, m: ColumnMapping, filename: str,
                   parsed: dict[str, Any]) -> pd.DataFrame:
    """The accepted rows (``cells``, their row numbers ``rows``) as incidents. ``parsed``:
    :func:`geo.io.dates.parse_date` of each distinct text of the date column."""
    acc = cells.text
    n = len(acc)
    empty = pd.Series([""] * n, index=acc.index, dtype=object)

    def col(name: str | None) -> pd.Series:
        return acc[name] if name else empty

    ids = acc[m.id] if m.id else pd.Series([f"row-{r}" for r in rows], index=acc.index, dtype=object)
    source = (pd.Series([f"{filename}, id {v}" for v in ids], index=acc.index, dtype=object) if m.id
              else pd.Series([f"{filename}, row {r}" for r in rows], index=acc.index, dtype=object))
    dates, precision = incident_dates(cells, m, parsed)
    cw_source = m.preset or "generic"
    kind_fields = [(source_field, col(getattr(m, name))) for name, source_field in category_fields(m.preset)]
    if n:
        kind, kind_note = crosswalk.map_kinds(kind_fields, source=cw_source, assigned=m.assigned())
    else:
        kind, kind_note = empty.copy(), empty.copy()
    if not (m.kind or m.subkind):
        kind_note = pd.Series(["no category column mapped: counted as 'other'"] * n, index=acc.index,
                              dtype=object)
    place = empty.copy()
    for column in (*m.places, *m.areas):
        place = place.where(place != "", acc[column])
    located = locate_rows(cells, m) if n else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in ("municipality_nis", "region_nis", "geo_precision",
                                                  "geocode_method", "geocode_note")}
        | {"lat": pd.Series([], dtype="float64"), "lon": pd.Series([], dtype="float64")})
    out = pd.DataFrame({
        "site_id": ids.astype(object),
        "event_id": ids.astype(object),
        "date": dates,
        "date_precision": precision,
        "source_date_precision": empty,  # what a documented row's sources give: not for imported rows
        "kind": kind,
        "plot": (kind == "plot").astype(bool),
        "link": empty,
        "connection": empty,
        "networks": empty,
        "n_arrested": pd.Series(0, index=acc.index, dtype="int64"),
        "traveled": pd.Series("unknown", index=acc.index, dtype=object),
        "weapon": col(m.weapon),
        "target": col(m.target),
        "place": place,
        "municipality_nis": located["municipality_nis"],
        "region_nis": located["region_nis"],
        "lat": located["lat"],
        "lon": located["lon"],
        "geo_precision": located["geo_precision"],
        "source_geo_precision": empty,
        "provenance": pd.Series(PROVENANCE, index=acc.index, dtype=object),
        "source": source,
        "description": col(m.description),
        "source_row": pd.Series(rows, index=acc.index, dtype="int64"),
        "geocode_method": located["geocode_method"],
        "geocode_note": located["geocode_note"],
        "kind_note": kind_note,
        "killed": _counts(cells, m.killed),
        "injured": _counts(cells, m.injured),
    }, index=acc.index)
    out = out.reset_index(drop=True)
    text_columns = [c for c in (*COLUMNS, *EXTRA_COLUMNS)
                    if c not in ("date", "plot", "n_arrested", "lat", "lon", "source_row", *COUNT_COLUMNS)]
    for c in text_columns:
        out[c] = out[c].astype(object).fillna("").astype(str)
    out = derive(out)
    missing_place = out["place"] == ""
    if missing_place.any():
        fallback = out["municipality_name"].where(out["municipality_name"] != "", out["region_name"])
        out.loc[missing_place, "place"] = fallback[missing_place]
    derived = [c for c in out.columns if c not in COLUMNS and c not in EXTRA_COLUMNS]
    return out[[*COLUMNS, *derived, *EXTRA_COLUMNS]]
