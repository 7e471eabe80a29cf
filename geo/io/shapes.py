"""Placing polygons, lines and groups of points in the Belgian unit that contains them.

A geometry (EPSG:4326) is compared with the units of :class:`geo.admin.boundaries.Boundaries`,
finest level first (municipality, arrondissement, province, region), by a geopandas spatial join
and shapely intersections measured in Belgian Lambert 2008 (EPSG:3812, metres): the first unit
that holds at least :data:`CONTAIN_SHARE` of the geometry (its area; for a line its length; for
points their number) contains it. The boundary file is simplified and drawn at about a metre, so
a polygon traced on a finer map may cross a border by a few metres: the share tolerates that.

The data model knows the municipality and the region (``geo_precision``): a geometry a
municipality contains is placed there at ``municipality`` precision; one that only an
arrondissement, a province or a region contains is placed in its region at ``region`` precision,
and the note names the smallest unit that contains it. A geometry that no region contains spans
a regional border (``none``), and one that does not touch Belgium is outside Belgium.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.admin import boundaries, geocode
from geo.admin.boundaries import LEVELS
from geo.i18n import N_, _

#: Share of a geometry a unit must hold to contain it.
CONTAIN_SHARE = 0.99
#: The metric system shares are measured in.
METRIC_CRS = "EPSG:3812"
#: Columns of :func:`place_geometries`.
COLUMNS = ("municipality_nis", "region_nis", "geo_precision", "geocode_method", "geocode_note")

_KIND = {"Polygon": N_("polygon"), "MultiPolygon": N_("polygon"), "LineString": N_("line"),
         "MultiLineString": N_("line"), "LinearRing": N_("line"), "MultiPoint": N_("group of points"),
         "GeometryCollection": N_("geometry"), "Point": N_("point")}


def _measure(geoms: np.ndarray) -> np.ndarray:
    """Area where a geometry has area, else length, else number of points."""
    area = shapely.area(geoms)
    length = shapely.length(geoms)
    points = shapely.get_num_coordinates(geoms).astype("float64")
    return np.where(area > 0, area, np.where(length > 0, length, points))


def _shares(geoms: gpd.GeoSeries, units: gpd.GeoDataFrame) -> pd.DataFrame:
    """``row``, ``code`` and ``share`` of every (geometry, unit) pair that intersect."""
    left = gpd.GeoDataFrame({"row": np.arange(len(geoms))}, geometry=geoms.values, crs=geoms.crs)
    pairs = gpd.sjoin(left, units[["code", "geometry"]], predicate="intersects", how="inner")
    if pairs.empty:
        return pd.DataFrame({"row": [], "code": [], "share": []})
    shapes = left.geometry.to_numpy()[pairs["row"].to_numpy()]
    unit_shapes = units.geometry.to_numpy()[pairs["index_right"].to_numpy()]
    whole = _measure(shapes)
    inner = shapely.intersection(shapes, unit_shapes)
    kind_area = shapely.area(shapes) > 0
    kind_line = ~kind_area & (shapely.length(shapes) > 0)
    part = np.where(kind_area, shapely.area(inner),
                    np.where(kind_line, shapely.length(inner),
                             shapely.get_num_coordinates(shapely.intersection(shapes, unit_shapes))))
    share = np.divide(part, whole, out=np.ones_like(whole), where=whole > 0)
    return pd.DataFrame({"row": pairs["row"].to_numpy(), "code": pairs["code"].to_numpy(),
                         "share": share})


def place_geometries(geometries: pd.Series) -> pd.DataFrame:
    """The unit of each geometry (shapely, EPSG:4326; None: nothing to place), with the columns
    of :func:`geo.admin.geocode.geocode_frame` (``geocode_method`` ``geometry``). Rows without
    a geometry answer ``none`` with an empty note."""
    n = len(geometries)
    out = {
        "municipality_nis": np.full(n, None, dtype=object),
        "region_nis": np.full(n, None, dtype=object),
        "geo_precision": np.full(n, "none", dtype=object),
        "geocode_method": np.full(n, "none", dtype=object),
        "geocode_note": np.full(n, "", dtype=object),
    }
    values = geometries.to_numpy(dtype=object)
    present = np.flatnonzero([g is not None for g in values])
    if len(present):
        _place(values[present], present, out)
    return pd.DataFrame(out, index=geometries.index)


def _place(values: np.ndarray, positions: np.ndarray, out: dict[str, np.ndarray]) -> None:
    bounds = boundaries.current()
    geoms = gpd.GeoSeries(values, crs="EPSG:4326").to_crs(METRIC_CRS)
    geoms = gpd.GeoSeries(shapely.make_valid(geoms.values), crs=METRIC_CRS)
    records = bounds.municipality_records()
    found: dict[int, tuple[str, str, float]] = {}  # position -> (level, code, share)
    touching = np.zeros(len(values), dtype=bool)
    for level in LEVELS:
        open_rows = [i for i in range(len(values)) if i not in found]
        if not open_rows:
            break
        units = bounds.units(level).to_crs(METRIC_CRS)
        shares = _shares(geoms.iloc[open_rows].reset_index(drop=True), units)
        if shares.empty:
            continue
        shares["row"] = np.asarray(open_rows)[shares["row"].to_numpy(dtype=int)]
        touching[shares["row"].to_numpy()] = True
        best = shares.sort_values(["row", "share", "code"], ascending=[True, False, True])
        best = best.drop_duplicates("row")
        for row, unit, share in best[best["share"] >= CONTAIN_SHARE].itertuples(index=False):
            found[int(row)] = (level, str(unit), float(share))
    names = {level: bounds.units(level).set_index("code")[["name_nl", "name_fr", "reg_nis"]]
             for level in LEVELS}
    for i, pos in enumerate(positions):
        what = _(_KIND.get(values[i].geom_type, "geometry"))
        if i not in found:
            if touching[i]:
                out["geocode_note"][pos] = _(
                    "the {what} crosses a regional border or the border of Belgium: no unit "
                    "of the data model contains it").format(what=what)
            else:
                out["geocode_note"][pos] = _("{outside}: the {what} does not touch Belgium").format(
                    outside=geocode.OUTSIDE_BELGIUM, what=what)
            out["geocode_method"][pos] = "geometry"
            continue
        level, unit, share = found[i]
        row = names[level].loc[unit]
        name = row["name_nl"] if row["name_nl"] == row["name_fr"] else f"{row['name_nl']} / {row['name_fr']}"
        held = "" if share >= 0.9995 else _(" ({share:.1%} of it)").format(share=share)
        out["geocode_method"][pos] = "geometry"
        if level == "municipality":
            out["municipality_nis"][pos] = unit
            out["region_nis"][pos] = records[unit].reg_nis
            out["geo_precision"][pos] = "municipality"
            out["geocode_note"][pos] = _("the {what} lies in {name} ({unit}){held}").format(
                what=what, name=name, unit=unit, held=held)
        else:
            out["region_nis"][pos] = row["reg_nis"] if level != "region" else unit
            out["geo_precision"][pos] = "region"
            out["geocode_note"][pos] = _(
                "the {what} lies in {name} ({level} {code}){held} but in no one municipality: "
                "placed in its region (the data model has no {level} precision)").format(
                what=what, level=level, name=name, code=unit, held=held) if level != "region" else _(
                "the {what} lies in the region {name}{held} but in no one municipality or "
                "province: placed in the region").format(what=what, name=name, held=held)
