"""The static maps' geometry: the drawing CRS, lon/lat → drawing coordinates, a view's units as
matplotlib paths (kept per boundary file, view and level), and the regions for Map 1's boxes.

Drawing CRS: EPSG:31370 (Belgian Lambert 72, metres). Distances on the map are therefore true to
within the projection's tiny scale error across Belgium, and the scale bar is exact; grid north
is within about one degree of true north everywhere in Belgium.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.path import Path as MplPath
from pyproj import Transformer

from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.maps.views import VIEW_SPECS, ViewName, view_extent, view_units

DRAW_CRS = "EPSG:31370"


@lru_cache(maxsize=1)
def to_draw() -> Transformer:
    """EPSG:4326 → EPSG:31370. One is enough: a pyproj Transformer (3.1 and later) keeps one PROJ
    object per thread itself."""
    return Transformer.from_crs("EPSG:4326", DRAW_CRS, always_xy=True)


def _ring_path(coords: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xy = np.asarray(coords)[:, :2]
    codes = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
    codes[0] = MplPath.MOVETO
    codes[-1] = MplPath.CLOSEPOLY
    return xy, codes


def geometry_path(geom) -> MplPath:
    """One compound path for a (Multi)Polygon, holes included (rings oriented so that any fill
    rule leaves the holes empty)."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
    verts, codes = [], []
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            v, c = _ring_path(ring.coords)
            verts.append(v)
            codes.append(c)
    if not verts:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.concatenate(verts), np.concatenate(codes))


@dataclass(frozen=True)
class ViewGeometry:
    units: gpd.GeoDataFrame  # in DRAW_CRS
    paths: tuple[MplPath, ...]
    outline: tuple[MplPath, ...]  # region borders (national view) or the view's outline
    bounds: tuple[float, float, float, float]  # extent in DRAW_CRS


def _view_geometry_cached(bounds: boundaries.Boundaries, view: ViewName, level: Level) -> ViewGeometry:
    # keyed on the current file's Boundaries (the file view_units reads), so a new file draws anew
    frame = view_units(view, level=level).to_crs(DRAW_CRS)
    paths = tuple(geometry_path(g) for g in frame.geometry.values)
    if view == "belgium":
        regions = bounds.units("region").to_crs(DRAW_CRS)
        outline = tuple(geometry_path(g) for g in regions.geometry.values)
    else:
        outline = (geometry_path(shapely.make_valid(shapely.union_all(frame.geometry.values))),)
    minx, miny, maxx, maxy = view_extent(view)
    bx, by, bx2, by2 = to_draw().transform_bounds(minx, miny, maxx, maxy, densify_pts=21)
    return ViewGeometry(frame, paths, outline, (bx, by, bx2, by2))


def view_geometry(view: ViewName, level: Level) -> ViewGeometry:
    """The units of ``view`` at ``level`` (full resolution) as drawn; refuses a view or a level
    the view does not show."""
    spec = VIEW_SPECS.get(view)
    if spec is None:
        raise ValueError(f"view must be one of {tuple(VIEW_SPECS)}, not {view!r}")
    if level not in spec.levels:
        raise ValueError(f"the {view} view shows levels {spec.levels}, not {level!r}")
    of = boundaries.current()
    return of.derived(("png", "view geometry", view, level), lambda: _view_geometry_cached(of, view, level))


def _regions_cached(bounds: boundaries.Boundaries) -> gpd.GeoDataFrame:
    return bounds.units("region").to_crs(DRAW_CRS).set_index("code")


def regions() -> gpd.GeoDataFrame:
    """The regions of the current boundary file in DRAW_CRS, indexed by code."""
    of = boundaries.current()
    return of.derived(("png", "regions"), lambda: _regions_cached(of))
