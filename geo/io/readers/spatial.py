"""Spatial files: GeoJSON and GeoPackage, as raw tables.

GeoJSON (``.geojson``/``.json``, read with ``json.loads``, geometries with shapely): one row per
feature, its properties as columns. GeoPackage (read by GDAL through pyogrio; ``sheet=`` names the
layer, default: the first): the same, row numbers are the feature ids.

Geometries: a point becomes the columns :data:`~geo.io.readers.raw.GEOMETRY_LAT` and
:data:`~geo.io.readers.raw.GEOMETRY_LON`; any other geometry (polygon, line, several points)
becomes WKT in :data:`~geo.io.readers.raw.GEOMETRY_WKT`, which the import places in the unit that
contains it (:mod:`geo.io.shapes`). Everything is converted to WGS84 (EPSG:4326) from the system
the file declares (a GeoJSON ``crs`` member, a GeoPackage layer's CRS), and a note names that
system. A file that declares none is read as WGS84, unless its coordinates are metres in the range
of a Belgian system (:func:`geo.io.crs.guess`): then they are read in that system, and the note
says it was recognised by the range.
"""

from __future__ import annotations

import io
import json
import warnings
from typing import Any

import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from geo import config
from geo.errors import ImportFileError
from geo.i18n import _, ngettext
from geo.io import crs as crs_
from geo.io.limits import too_many_rows
from geo.io.readers.delimited import decode
from geo.io.readers.raw import (
    GEOMETRY_LAT,
    GEOMETRY_LON,
    GEOMETRY_WKT,
    ReadInfo,
    cell_text,
    text_frame,
)

#: Decimals of WGS84 degrees kept in WKT (7: about a centimetre).
WKT_DECIMALS = 7


def _shape(geometry: Any) -> Any:
    """A shapely geometry of a GeoJSON geometry member; None when absent; "bad" when unusable."""
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or "type" not in geometry:
        return "bad"
    try:
        shape = shapely.geometry.shape(geometry)
    except Exception:  # shapely raises several types for malformed coordinates
        return "bad"
    return None if shape.is_empty else shape


def geometry_cells(geoms: np.ndarray, declared: Any, filename: str,
                   *, declared_how: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Latitude, longitude and WKT cells (EPSG:4326) of shapely geometries (None: no geometry)
    declared in ``declared`` (None: not declared), and the notes a person should read."""
    notes: list[str] = []
    present = np.array([g is not None for g in geoms], dtype=bool)
    system = declared
    if system is None and present.any():
        bounds = shapely.bounds(geoms[present])
        guessed = crs_.guess(bounds[:, 0], bounds[:, 1])
        if guessed and guessed != crs_.WGS84:
            system = guessed
            notes.append(_("the file declares no coordinate system, but its coordinates are "
                           "metres in the range of {crs} in Belgium: they were read in that "
                           "system and converted to WGS84 (EPSG:4326). If that is wrong, save "
                           "the file with its coordinate system").format(crs=crs_.label(guessed)))
    if system is not None and present.any():
        try:
            source = crs_.parse(system)
        except ValueError as exc:
            raise ImportFileError(filename, str(exc)) from None
        if not crs_.is_wgs84(source):
            converted = crs_.geometries_to_wgs84(geoms, source)
            geoms = np.array(converted, dtype=object)
            if declared is not None:
                notes.append(_("coordinates converted to WGS84 (EPSG:4326) from {crs}, the "
                               "system {how}").format(crs=crs_.label(source), how=declared_how))
    n = len(geoms)
    lat, lon, wkt = [""] * n, [""] * n, [""] * n
    other = 0
    for i, g in enumerate(geoms):
        if g is None:
            continue
        if g.geom_type == "MultiPoint" and shapely.get_num_geometries(g) == 1:
            g = shapely.get_geometry(g, 0)
        if g.geom_type == "Point":
            lon[i], lat[i] = cell_text(float(g.x)), cell_text(float(g.y))
        else:
            other += 1
            wkt[i] = shapely.to_wkt(g, rounding_precision=WKT_DECIMALS, trim=True)
    if other:
        notes.append(ngettext(
            "{n} feature has a geometry other than a point (polygon, line or several points): "
            "it is placed in the unit that contains it",
            "{n} features have a geometry other than a point (polygon, line or several points): "
            "each is placed in the unit that contains it", other).format(n=other))
    return lat, lon, wkt, notes


def read_geojson(data: bytes, filename: str) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of a GeoJSON Feature or FeatureCollection, and how it was read."""
    text, encoding, decode_notes = decode(data, filename)
    if encoding not in ("utf-8", "utf-8-sig"):
        decode_notes = (*decode_notes, _("GeoJSON must be UTF-8, but this file is {encoding}: it "
                                         "was read as such").format(encoding=encoding))
    if not text.strip():
        raise ImportFileError(filename, _("is empty"))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(filename, _("is not valid JSON (line {line}, column {column}: {error})")
                              .format(line=exc.lineno, column=exc.colno, error=exc.msg)) from None
    except RecursionError:
        raise ImportFileError(filename, _("is nested too deeply to be GeoJSON")) from None
    if isinstance(document, dict) and document.get("type") == "Feature":
        features = [document]
    elif isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise ImportFileError(filename, _("is a FeatureCollection without a 'features' list"))
    else:
        raise ImportFileError(filename, _("is JSON but not GeoJSON: expected a FeatureCollection"))
    declared = crs_.geojson_crs(document.get("crs"))
    limit = config.max_rows()
    if len(features) > limit:
        raise too_many_rows(filename, limit)
    records: list[dict[str, str]] = []
    shapes: list[Any] = []
    numbers: list[int] = []
    columns: dict[str, None] = {}
    blank = bad = 0
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            feature = {}
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        shape = _shape(feature.get("geometry"))
        record = {str(k): cell_text(v) for k, v in props.items()}
        if shape == "bad":
            bad += 1
            shape = None
        if shape is None and not any(v.strip() for v in record.values()):
            blank += 1
            continue
        for key in record:
            columns.setdefault(key, None)
        records.append(record)
        shapes.append(shape)
        numbers.append(number)
    if not records:
        raise ImportFileError(filename, _("has no features with properties or a geometry"))
    lat, lon, wkt, notes = geometry_cells(np.array(shapes, dtype=object), declared, filename,
                                          declared_how=_("its crs member declares"))
    own = (GEOMETRY_LAT, GEOMETRY_LON, GEOMETRY_WKT)
    names = [c for c in columns if c not in own] + list(own)
    for record, a, o, w in zip(records, lat, lon, wkt):
        record[GEOMETRY_LAT], record[GEOMETRY_LON], record[GEOMETRY_WKT] = a, o, w
    rows = [[r.get(c, "") for c in names] for r in records]
    frame = text_frame(names, rows, numbers)
    if bad:
        notes.append(ngettext(
            "{n} feature has a geometry that cannot be read: its place and postal code columns "
            "are still used",
            "{n} features have a geometry that cannot be read: their place and postal code "
            "columns are still used", bad).format(n=bad))
    return frame, ReadInfo(filename=filename, format="geojson", size_bytes=len(data),
                           rows=len(frame), encoding=encoding, blank_rows=blank,
                           notes=(*decode_notes, *notes))


def gpkg_layers(data: bytes, filename: str) -> list[tuple[str, str]]:
    """``(name, geometry type)`` of each layer of a GeoPackage."""
    import pyogrio  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [(str(n), str(g)) for n, g in pyogrio.list_layers(io.BytesIO(data))]
    except Exception as exc:  # GDAL errors on damaged files
        raise ImportFileError(filename, _("is not a readable GeoPackage ({error})").format(
            error=exc)) from None


def read_gpkg(data: bytes, filename: str, layer: str | None) -> tuple[pd.DataFrame, ReadInfo]:
    """The raw table of one GeoPackage layer (default: the first), and how it was read."""
    import pyogrio  # noqa: PLC0415

    layers = [name for name, _kind in gpkg_layers(data, filename)]
    if not layers:
        raise ImportFileError(filename, _("is a GeoPackage without layers"))
    if layer is None:
        layer = layers[0]
    elif layer not in layers:
        raise ImportFileError(filename, _("has no layer named {layer!r}; its layers are {names}")
                              .format(layer=layer, names=", ".join(map(repr, layers))))
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
        raise ImportFileError(filename, _("layer {layer!r} cannot be read ({error})").format(
            layer=layer, error=exc)) from None
    notes: list[str] = []
    lat = lon = wkt = [""] * len(gdf)
    geometry = getattr(gdf, "geometry", None) if "geometry" in gdf.columns else None
    if geometry is not None:
        geoms = np.array([None if g is None or g.is_empty else g for g in gdf.geometry.values],
                         dtype=object)
        declared = gdf.crs
        lat, lon, wkt, notes = geometry_cells(geoms, declared, filename,
                                              declared_how=_("the layer declares"))
        gdf = gdf.drop(columns=gdf.geometry.name)
    header = [str(c) for c in gdf.columns] + [GEOMETRY_LAT, GEOMETRY_LON, GEOMETRY_WKT]
    columns = [[cell_text(v) for v in gdf[c].tolist()] for c in gdf.columns] + [lat, lon, wkt]
    rows = [list(r) for r in zip(*columns)] if len(gdf) else []
    index = gdf.index
    numbers = ([int(i) for i in index] if pd.api.types.is_integer_dtype(index) and index.is_unique
               else list(range(1, len(gdf) + 1)))
    keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    blank = len(rows) - len(keep)
    rows, numbers = [rows[i] for i in keep], [numbers[i] for i in keep]
    if not rows:
        raise ImportFileError(filename, _("layer {layer!r} has no features").format(layer=layer))
    frame = text_frame(header, rows, numbers)
    return frame, ReadInfo(filename=filename, format="gpkg", size_bytes=len(data), rows=len(frame),
                           sheet=layer, blank_rows=blank, notes=tuple(notes))
