"""The map views the app and the exports share: which units they show and their extent.

- ``belgium``: the whole country at any level.
- ``brussels``: the 19 municipalities of the Brussels-Capital Region, with Zaventem (the airport).
- ``charleroi``: Charleroi with the rest of its arrondissement around it.

Extents are (min lon, min lat, max lon, max lat) in EPSG:4326 degrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import geopandas as gpd

from geo import vocab
from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.i18n import N_

ViewName = Literal["belgium", "brussels", "charleroi"]
VIEWS: tuple[ViewName, ...] = ("belgium", "brussels", "charleroi")


@dataclass(frozen=True)
class View:
    name: ViewName
    title: str  # English, marked with N_: translate where shown
    levels: tuple[Level, ...]
    #: margin added around the units' bounds, in degrees
    margin: float


VIEW_SPECS: dict[ViewName, View] = {
    "belgium": View("belgium", N_("Belgium"), boundaries.LEVELS, 0.05),
    "brussels": View("brussels", N_("Brussels-Capital Region and Zaventem"), ("municipality",), 0.01),
    "charleroi": View("charleroi", N_("Charleroi and its arrondissement"), ("municipality",), 0.02),
}


def view_codes(view: ViewName, *, of: boundaries.Boundaries | None = None) -> list[str] | None:
    """Municipality codes shown by a city view (``None`` for the national view), in the
    boundaries ``of`` (default: the current file's)."""
    if view == "belgium":
        return None
    munis = (of or boundaries.current()).municipalities()
    if view == "brussels":
        keep = (munis["reg_nis"] == vocab.BRUSSELS_REGION) | (munis["nis"] == vocab.ZAVENTEM)
    elif view == "charleroi":
        arr = munis.loc[munis["nis"] == vocab.CHARLEROI, "arr_nis"].item()
        keep = munis["arr_nis"] == arr
    else:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    return sorted(munis.loc[keep, "nis"])


def view_units(view: ViewName, *, level: Level = "municipality", web: bool = False,
               tolerance: float | None = None) -> gpd.GeoDataFrame:
    """Units a view draws. City views are at municipality level only. With ``web``, the light
    copy of :func:`geo.boundaries.web_units`: national views simplify more (0.002° ≈ 150–220 m,
    under a pixel at the national zoom) than city views (0.0003°)."""
    spec = VIEW_SPECS[view]
    if level not in spec.levels:
        raise ValueError(f"the {view} view shows levels {spec.levels}, not {level!r}")
    if web:
        tol = tolerance if tolerance is not None else (0.002 if view == "belgium" else 0.0003)
        frame = boundaries.web_units(level, tolerance=tol, decimals=4 if view == "belgium" else 5)
    else:
        frame = boundaries.units(level)
    codes = view_codes(view)
    if codes is not None:
        frame = frame[frame["code"].isin(codes)].reset_index(drop=True)
    return frame


def view_extent(view: ViewName) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of a view, margin included."""
    of = boundaries.current()
    return of.derived(("views", "extent", view), lambda: _extent(of, view))


def _extent(of: boundaries.Boundaries, view: ViewName) -> tuple[float, float, float, float]:
    frame = of.units("municipality")
    codes = view_codes(view, of=of)
    if codes is not None:
        frame = frame[frame["code"].isin(codes)]
    minx, miny, maxx, maxy = frame.total_bounds
    m = VIEW_SPECS[view].margin
    return (float(minx - m), float(miny - m), float(maxx + m), float(maxy + m))
