"""Coordinate systems of imported coordinates, through pyproj: reading a declared system, naming
it, recognising Belgian x/y columns by their range, and converting to WGS84 (EPSG:4326).

A file declares its system (a GeoJSON ``crs`` member, a GeoPackage layer's CRS) or, for x/y
columns of a table, the mapping names it (``ColumnMapping.crs``), suggested from the values'
range for the user to confirm (:func:`guess`): Belgian Lambert 72 (EPSG:31370, metres, x about
20,000-300,000 and y about 20,000-250,000 in Belgium) and Belgian Lambert 2008 (EPSG:3812,
about 500 km more on each axis) do not overlap, nor do WGS84 degrees, Web Mercator or UTM 31N.
Nothing is kept between calls (a pyproj transformer is made per conversion).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pyproj
import shapely

from geo.i18n import _

WGS84 = "EPSG:4326"
LAMBERT_72 = "EPSG:31370"
#: The systems offered for x/y columns, most likely first: code → what people call it.
KNOWN: Mapping[str, str] = MappingProxyType({
    "EPSG:31370": "Belgian Lambert 72",
    "EPSG:3812": "Belgian Lambert 2008",
    "EPSG:4326": "WGS84 degrees (longitude, latitude)",
    "EPSG:3857": "Web Mercator",
    "EPSG:25831": "UTM zone 31N (ETRS89)",
})
#: Belgium's extent in WGS84 degrees (west, south, east, north), as EPSG gives its area of use.
BELGIUM_BOUNDS = (2.5, 49.5, 6.4, 51.51)
#: Share of the points that must fall in Belgium's extent for :func:`guess` to name a system.
GUESS_SHARE = 0.9


def parse(text: Any) -> pyproj.CRS:
    """The coordinate system named by ``text`` (``EPSG:31370``, ``31370``, an OGC URN, WKT).
    Raises ``ValueError`` with a reason a person reads."""
    if isinstance(text, pyproj.CRS):
        return text
    value = str(text or "").strip()
    if value.isdigit():
        value = f"EPSG:{value}"
    try:
        return pyproj.CRS.from_user_input(value)
    except pyproj.exceptions.CRSError:
        raise ValueError(_("{crs!r} is not a coordinate system pyproj knows (write it as "
                           "EPSG:31370, say)").format(crs=str(text))) from None


def code(crs: pyproj.CRS) -> str:
    """``EPSG:31370`` for a system with an EPSG code, else its name."""
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.name


def label(crs: Any) -> str:
    """``EPSG:31370 (BD72 / Belgian Lambert 72)``: the code and pyproj's name of a system."""
    system = crs if isinstance(crs, pyproj.CRS) else parse(crs)
    named = code(system)
    return named if named == system.name else f"{named} ({system.name})"


def is_wgs84(crs: Any) -> bool:
    """Whether a system is WGS84 longitude/latitude (EPSG:4326 or OGC CRS84)."""
    system = crs if isinstance(crs, pyproj.CRS) else parse(crs)
    return system.to_epsg() == 4326 or system.equals("OGC:CRS84", ignore_axis_order=True)


def geojson_crs(member: Any) -> str | None:
    """The system a GeoJSON ``crs`` member names (``{"type": "name", "properties": {"name":
    …}}`` or the older ``{"type": "EPSG", "properties": {"code": …}}``), else None."""
    if not isinstance(member, dict):
        return None
    props = member.get("properties") if isinstance(member.get("properties"), dict) else {}
    if str(member.get("type", "")).lower() == "epsg" and props.get("code") is not None:
        return f"EPSG:{props['code']}"
    name = props.get("name")
    return str(name) if name else None


def _extent(system: str) -> tuple[float, float, float, float]:
    transformer = pyproj.Transformer.from_crs(WGS84, system, always_xy=True)
    return transformer.transform_bounds(*BELGIUM_BOUNDS, densify_pts=21)


def guess(xs: Any, ys: Any) -> str | None:
    """The system of :data:`KNOWN` in whose Belgian extent (10% margin) at least
    :data:`GUESS_SHARE` of the finite points fall, else None. ``xs``: eastings (longitudes).
    Points that read as degrees (within ±180, ±90) in their majority are WGS84 or nothing: a
    table of degrees partly outside Belgium is never taken for metres."""
    x = np.asarray(xs, dtype="float64")
    y = np.asarray(ys, dtype="float64")
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.any():
        return None
    x, y = x[finite], y[finite]
    degrees = (np.abs(x) <= 180) & (np.abs(y) <= 90)
    systems = [WGS84] if degrees.mean() >= 0.5 else [s for s in KNOWN if s != WGS84]
    for system in systems:
        west, south, east, north = _extent(system)
        dx, dy = (east - west) * 0.1, (north - south) * 0.1
        inside = (x >= west - dx) & (x <= east + dx) & (y >= south - dy) & (y <= north + dy)
        if inside.mean() >= GUESS_SHARE:
            return system
    return None


def to_wgs84(xs: Any, ys: Any, system: Any) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes (EPSG:4326) of eastings/northings in ``system``; NaN stays NaN
    and a point the system cannot convert becomes NaN."""
    source = system if isinstance(system, pyproj.CRS) else parse(system)
    x = np.asarray(xs, dtype="float64")
    y = np.asarray(ys, dtype="float64")
    if is_wgs84(source):
        return x.copy(), y.copy()
    transformer = pyproj.Transformer.from_crs(source, WGS84, always_xy=True)
    lon, lat = transformer.transform(x, y, errcheck=False)
    lon, lat = np.asarray(lon, dtype="float64"), np.asarray(lat, dtype="float64")
    bad = ~(np.isfinite(lon) & np.isfinite(lat))
    lon[bad], lat[bad] = np.nan, np.nan
    return lon, lat


def geometries_to_wgs84(geometries: Any, system: Any) -> np.ndarray:
    """Shapely geometries in ``system`` converted to EPSG:4326 (None stays None)."""
    source = system if isinstance(system, pyproj.CRS) else parse(system)
    geoms = np.asarray(geometries, dtype=object)
    if is_wgs84(source):
        return geoms
    transformer = pyproj.Transformer.from_crs(source, WGS84, always_xy=True)

    def convert(coords: np.ndarray) -> np.ndarray:
        lon, lat = transformer.transform(coords[:, 0], coords[:, 1], errcheck=False)
        return np.column_stack([lon, lat])

    return shapely.transform(geoms, convert)
