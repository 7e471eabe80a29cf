"""Tiny hand-made units and incident rows for the statistics tests."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import box


def grid(size: int = 7, *, island: bool = False) -> gpd.GeoDataFrame:
    """``size`` × ``size`` unit squares (codes 10000 + 10·row + column, row 0 at the bottom);
    with ``island``, one more square far away (code 99999) that touches none."""
    rows = [{"code": f"{10000 + 10 * r + c}", "name_nl": f"R{r}C{c}", "name_fr": f"L{r}C{c}",
             "reg_nis": "02000", "population": 10_000, "geometry": box(c, r, c + 1, r + 1)}
            for r in range(size) for c in range(size)]
    if island:
        rows.append({"code": "99999", "name_nl": "Eiland", "name_fr": "Île", "reg_nis": "03000",
                     "population": 10_000, "geometry": box(50, 50, 51, 51)})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame.insert(1, "level", "municipality")
    return frame


def incidents(counts: dict[str, int], *, region_only: int = 0) -> pd.DataFrame:
    """One event per incident: ``counts`` events in each unit (municipality precision), and
    ``region_only`` more known only to the region."""
    rows = []
    for code, n in counts.items():
        rows += [{"code": code, "precision": "municipality"}] * n
    rows += [{"code": "", "precision": "region"}] * region_only
    return pd.DataFrame({
        "site_id": [f"S{i}" for i in range(len(rows))],
        "event_id": [f"E{i}" for i in range(len(rows))],
        "municipality_nis": [r["code"] for r in rows],
        "region_nis": "02000",
        "geo_precision": [r["precision"] for r in rows],
        "provenance": "reconstructed",
        "date": "2016-01-01",
        "date_precision": "year",
        "year": 2016,
        "month": "",
        "place": "",
    })


def corner_block(size: int = 7, high: int = 6) -> dict[str, int]:
    """``high`` events in each unit of the 3 × 3 block at the bottom-left corner, 1 in one far unit."""
    counts = {f"{10000 + 10 * r + c}": high for r in range(3) for c in range(3)}
    counts[f"{10000 + 10 * (size - 1) + size - 1}"] = 1
    return counts
