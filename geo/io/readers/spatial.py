"""Spatial files: GeoJSON and GeoPackage, as raw tables.

GeoJSON (``.geojson``/``.json``, read with ``json.loads``): one row per feature, its properties
as columns; point geometries become the columns :data:`~geo.io.readers.raw.GEOMETRY_LAT` and
:data:`~geo.io.readers.raw.GEOMETRY_LON`, other geometries are not used (a note says how many).
Its coordinate system must be WGS84, as RFC 7946 requires. Row numbers are the feature index + 1.

GeoPackage (read by GDAL through pyogrio; ``sheet=`` names the layer, default: the first): the
same geometry columns, after converting to WGS84 (EPSG:4326) when the layer is in another
coordinate system. Row numbers are the feature ids.
"""

from __future__ import annotations

import io
import json
import warnings
from typing import Any

import numpy as np
import pandas as pd

from geo import config
from geo.errors import ImportFileError
from geo.io.limits import too_many_rows
from geo.io.readers.raw import GEOMETRY_LAT, GEOMETRY_LON, ReadInfo, cell_text, text_frame

_WGS84_NAMES = frozenset({
    "urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84",
    "urn:ogc:def:crs:epsg::4326", "urn:ogc:def:crs:epsg:4326", "epsg:4326",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "http://www.opengis.net/def/crs/epsg/0/4326"})


def _point_of(geometry: Any) -> tuple[float, float] | None | str:
    """(lon, lat) of a GeoJSON point geometry; None when absent; "other" for other geometries."""
    if not isinstance(geometry, dict):
        return None
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "MultiPoint" and isinstance(coords, list) and len(coords) == 1:
        kind, coords = "Point", coords[0]
    if kind != "Point":
        return "other"
    try:
        lon, lat = float(coords[0]), float(coords[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return "other"
    return lon, lat


def read_geojson(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of a GeoJSON Feature or FeatureCollection, and how it was read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(filename, "is not UTF-8 text, which GeoJSON must be") from None
    if not text.strip():
        raise ImportFileError(filename, "is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(filename, f"is not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ImportFileError(filename, "is nested too deeply to be GeoJSON") from None
    if isinstance(document, dict) and document.get("type") == "Feature":
        features = [document]
    elif isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise ImportFileError(filename, "is a FeatureCollection without a 'features' list")
    else:
        raise ImportFileError(filename, "is JSON but not GeoJSON: expected a FeatureCollection")
    crs = document.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", "")).lower()
        if name and name not in _WGS84_NAMES:
            raise ImportFileError(filename, f"declares the coordinate system {name!r}; save it in "
                                  "WGS84 (EPSG:4326), as GeoJSON requires")
    limit = config.max_rows()
    if len(features) > limit:
        raise too_many_rows(filename, limit)
    records: list[dict[str, str]] = []
    numbers: list[int] = []
    columns: dict[str, None] = {}
    blank = other = 0
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            feature = {}
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        point = _point_of(feature.get("geometry"))
        record = {str(k): cell_text(v) for k, v in props.items()}
        if point == "other":
            other += 1
            point = None
        if point is None and not any(v.strip() for v in record.values()):
            blank += 1
            continue
        lon, lat = point if point else ("", "")
        record[GEOMETRY_LAT] = cell_text(lat)
        record[GEOMETRY_LON] = cell_text(lon)
        for key in record:
            columns.setdefault(key, None)
        records.append(record)
        numbers.append(number)
    if not records:
        raise ImportFileError(filename, "has no features with properties or point geometry")
    names = [c for c in columns if c not in (GEOMETRY_LAT, GEOMETRY_LON)] + [GEOMETRY_LAT, GEOMETRY_LON]
    rows = [[r.get(c, "") for c in names] for r in records]
    frame = text_frame(names, rows, numbers)
    notes = []
    if other:
        notes.append(f"{other} feature(s) have a geometry other than a point: it is not used "
                     "(their place and postal code columns still are)")
    return frame, ReadInfo(filename=filename, format="geojson", size_bytes=len(data),
                           rows=len(frame), encoding="utf-8", blank_rows=blank, notes=tuple(notes))


def gpkg_layers(data: bytes, filename: str) -> list[tuple[str, str]]:
    """``(name, geometry type)`` of each layer of a GeoPackage."""
    import pyogrio  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [(str(n), str(g)) for n, g in pyogrio.list_layers(io.BytesIO(data))]
    except Exception as exc:  # GDAL errors on damaged files
        raise ImportFileError(filename, f"is not a readable GeoPackage ({exc})") from None


def read_gpkg(data: bytes, filename: str, layer: str | None) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of one GeoPackage layer (default: the first), and how it was read."""
    import pyogrio  # noqa: PLC0415

    layers = [name for name, _ in gpkg_layers(data, filename)]
    if not layers:
        raise ImportFileError(filename, "is a GeoPackage without layers")
    if layer is None:
        layer = layers[0]
    elif layer not in layers:
        raise ImportFileError(filename, f"has no layer named {layer!r}; its layers are "
                              f"{', '.join(map(repr, layers))}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            count = pyogrio.read_info(io.BytesIO(data), layer=layer).get("features", 0)
            if count is not None and count > config.max_rows():
                raise too_many_rows(filename, config.max_rows())
            gdf = pyogrio.read_dataframe(io.BytesIO(data), layer=layer, fid_as_index=True)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(filename, f"layer {layer!r} cannot be read ({exc})") from None
    notes: list[str] = []
    lat = lon = [""] * len(gdf)
    geometry = getattr(gdf, "geometry", None) if "geometry" in gdf.columns else None
    if geometry is not None:
        if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
            try:
                gdf = gdf.to_crs("EPSG:4326")
            except Exception as exc:
                raise ImportFileError(filename, f"its coordinate system cannot be converted to "
                                      f"WGS84 ({exc})") from None
            notes.append(f"coordinates converted to WGS84 (EPSG:4326) from {gdf.crs}")
        geoms = gdf.geometry
        is_point = (geoms.geom_type == "Point") & ~geoms.is_empty
        xs = np.where(is_point, geoms.x.where(is_point) if is_point.any() else np.nan, np.nan)
        ys = np.where(is_point, geoms.y.where(is_point) if is_point.any() else np.nan, np.nan)
        lon = [cell_text(v) for v in xs]
        lat = [cell_text(v) for v in ys]
        other = int((geoms.notna() & ~is_point & ~geoms.is_empty).sum())
        if other:
            notes.append(f"{other} feature(s) have a geometry other than a point: it is not used")
        gdf = gdf.drop(columns=gdf.geometry.name)
    header = [str(c) for c in gdf.columns] + [GEOMETRY_LAT, GEOMETRY_LON]
    columns = [[cell_text(v) for v in gdf[c].tolist()] for c in gdf.columns] + [lat, lon]
    rows = [list(r) for r in zip(*columns)] if len(gdf) else []
    index = gdf.index
    numbers = ([int(i) for i in index] if pd.api.types.is_integer_dtype(index) and index.is_unique
               else list(range(1, len(gdf) + 1)))
    keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    blank = len(rows) - len(keep)
    rows, numbers = [rows[i] for i in keep], [numbers[i] for i in keep]
    if not rows:
        raise ImportFileError(filename, f"layer {layer!r} has no features")
    frame = text_frame(header, rows, numbers)
    return frame, ReadInfo(filename=filename, format="gpkg", size_bytes=len(data), rows=len(frame),
                           sheet=layer, blank_rows=blank, notes=tuple(notes))
