"""Belgian administrative boundaries: municipalities (REFNIS 2019–2024) and the units above them.

Source: the CC0 TopoJSON of bmesuere/belgium-topojson (Statbel data), read from, in order,
``$ATLAS_BOUNDARIES``, ``../shared/boundaries/belgium.json`` beside the project, or a verified
download cached in the git-ignored ``.cache/`` folder (:func:`boundary_file`). Nothing here is
ever committed.

One :class:`Boundaries` object per boundary file owns everything read or derived from it: the
municipalities, the units of each level, the web copies, the representative points, the
municipality records and the point-lookup index (:class:`geo.admin.lookup.PointIndex`). Each is
built on first use and kept on the object. :func:`for_file` is the one cache (one object per
file); :func:`current` is the object of the file :func:`boundary_file` names now. The module-level
functions (:func:`municipalities`, :func:`units`, :func:`web_units`, …) ask :func:`current`.

All frames are in EPSG:4326 (WGS84 longitude/latitude, degrees). REFNIS codes are 5-character
strings. Units above the municipality are dissolved from the municipalities, so every level
shares the same edges and the same population figures (1 January 2020).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import urllib.request
from collections.abc import Callable, Hashable, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import config, vocab
from geo.admin.lookup import PointIndex
from geo.config import SHARED_BOUNDARIES, cache_dir
from geo.errors import BoundaryFileError

UPSTREAM_URL = (
    "https://raw.githubusercontent.com/bmesuere/belgium-topojson/"
    "a903fdab5a765822dafabf42c258809d4ad74e78/belgium.json"
)
UPSTREAM_SHA256 = "7ddc9dc111856b4ef9ad72e73f80ac94b8112fa0a7cd0a77c63c94f732bf9454"
ENV_VAR = "ATLAS_BOUNDARIES"
CRS = "EPSG:4326"

Level = Literal["municipality", "arrondissement", "province", "region"]
LEVELS: tuple[Level, ...] = ("municipality", "arrondissement", "province", "region")

#: Column of :func:`municipalities` that holds each level's unit code.
LEVEL_KEY: dict[Level, str] = {
    "municipality": "nis",
    "arrondissement": "arr_nis",
    "province": "prov_nis",
    "region": "reg_nis",
}

_T = TypeVar("_T")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _download(dest: Path, *, url: str = UPSTREAM_URL, sha256: str = UPSTREAM_SHA256) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=dest.parent, delete=False, suffix=".part") as tmp:
        tmp_path = Path(tmp.name)
    try:
        with urllib.request.urlopen(url, timeout=60) as response, tmp_path.open("wb") as out:
            shutil.copyfileobj(response, out)
        got = _sha256(tmp_path)
        if got != sha256:
            raise BoundaryFileError(
                f"The boundary file downloaded from {url} has sha256 {got}, expected {sha256}. "
                "It was not kept. Check the URL, or put the file at ../shared/boundaries/belgium.json "
                f"or point ${ENV_VAR} at a good copy."
            )
        tmp_path.replace(dest)
        return dest
    except OSError as exc:
        raise BoundaryFileError(
            f"Could not download the boundaries from {url} ({exc}). Put belgium.json at "
            f"../shared/boundaries/, or point ${ENV_VAR} at a copy."
        ) from exc
    finally:
        tmp_path.unlink(missing_ok=True)


@lru_cache(maxsize=4)
def _verified(path: str, size: int, mtime_ns: int) -> bool:
    """Whether the file has the pinned checksum; read once per version of the file (its size
    and modification time are part of the key), not on every call."""
    del size, mtime_ns  # part of the cache key only
    return _sha256(Path(path)) == UPSTREAM_SHA256


def boundary_file(*, download: bool = True) -> Path:
    """Path of the boundary TopoJSON: ``$ATLAS_BOUNDARIES``, else ``../shared/boundaries``,
    else the verified cached download (fetched now when ``download`` is true)."""
    looked: list[str] = []
    path = config.boundaries_override()
    if path is not None:
        if not path.is_file():
            raise BoundaryFileError(
                f"${ENV_VAR} is set to {path}, but there is no file there. Unset it to use "
                "../shared/boundaries/belgium.json or the pinned download."
            )
        return path
    looked.append(str(SHARED_BOUNDARIES))
    if SHARED_BOUNDARIES.is_file():
        return SHARED_BOUNDARIES
    cached = cache_dir() / f"belgium-{UPSTREAM_SHA256[:12]}.json"
    looked.append(str(cached))
    if cached.is_file():
        stat = cached.stat()
        if _verified(str(cached), stat.st_size, stat.st_mtime_ns):
            return cached
        cached.unlink()
    if not download:
        raise BoundaryFileError(
            "No boundary file found. Looked at: " + ", ".join(looked) + ". Run `make boundaries` "
            f"to download and verify it, or set ${ENV_VAR} to a copy of belgium.json."
        )
    return _download(cached)


def _read_layer(path: Path, layer: str) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path, layer=layer)
    except Exception as exc:  # pyogrio raises several types for a bad file
        raise BoundaryFileError(
            f"Could not read layer '{layer}' of {path}: {exc}. The file may be truncated or "
            f"not the pinned TopoJSON (sha256 {UPSTREAM_SHA256}). Replace it, or set ${ENV_VAR}."
        ) from exc
    return frame


def _code(series: pd.Series) -> pd.Series:
    return series.map(lambda v: None if pd.isna(v) else str(int(float(v))).zfill(5))


def _read_municipalities(path: Path) -> gpd.GeoDataFrame:
    raw = _read_layer(path, "municipalities")
    required = {"nis", "name_nl", "name_fr", "arr_nis", "prov_nis", "reg_nis", "population"}
    missing = required - set(raw.columns)
    if missing or len(raw) == 0:
        raise BoundaryFileError(
            f"{path} has no usable 'municipalities' layer (missing columns: "
            f"{sorted(missing) or 'none'}, rows: {len(raw)})."
        )
    geometry = shapely.make_valid(raw.geometry.values, method="structure", keep_collapsed=False)
    frame = gpd.GeoDataFrame(
        {
            "nis": _code(raw["nis"]),
            "name_nl": raw["name_nl"].astype(str),
            "name_fr": raw["name_fr"].astype(str),
            "arr_nis": _code(raw["arr_nis"]),
            "prov_nis": _code(raw["prov_nis"]),
            "reg_nis": _code(raw["reg_nis"]),
            "arr_name_nl": raw["arr_nl"].astype(str),
            "arr_name_fr": raw["arr_fr"].astype(str),
            "prov_name_nl": raw["prov_nl"],
            "prov_name_fr": raw["prov_fr"],
            "population": raw["population"].astype("int64"),
        },
        geometry=gpd.GeoSeries(geometry, crs=CRS),
    )
    # The Brussels-Capital Region belongs to no province: at province level it is its own unit.
    brussels = frame["reg_nis"] == vocab.BRUSSELS_REGION
    frame.loc[brussels, "prov_nis"] = vocab.BRUSSELS_REGION
    frame.loc[brussels, "prov_name_nl"] = vocab.REGION_NAMES[vocab.BRUSSELS_REGION][0]
    frame.loc[brussels, "prov_name_fr"] = vocab.REGION_NAMES[vocab.BRUSSELS_REGION][1]
    types = set(frame.geom_type)
    if not types <= {"Polygon", "MultiPolygon"}:
        raise BoundaryFileError(f"{path}: unexpected geometry types after repair: {sorted(types)}")
    return frame.sort_values("nis", ignore_index=True)


def _level_units(munis: gpd.GeoDataFrame, level: Level) -> gpd.GeoDataFrame:
    """The units of ``level``: the municipalities themselves, or their dissolve by the level's code."""
    if level == "municipality":
        units = munis[["nis", "name_nl", "name_fr", "reg_nis", "population", "geometry"]].rename(
            columns={"nis": "code"}
        )
    else:
        key = LEVEL_KEY[level]
        if level == "region":
            names = pd.DataFrame(
                [(c, nl, fr) for c, (nl, fr) in vocab.REGION_NAMES.items()],
                columns=[key, "name_nl", "name_fr"],
            )
        else:
            prefix = "arr_name" if level == "arrondissement" else "prov_name"
            names = (
                munis[[key, f"{prefix}_nl", f"{prefix}_fr"]]
                .drop_duplicates(key)
                .rename(columns={f"{prefix}_nl": "name_nl", f"{prefix}_fr": "name_fr"})
            )
        columns = list(dict.fromkeys([key, "reg_nis", "population", "geometry"]))
        aggfunc = {"population": "sum"} if key == "reg_nis" else {"reg_nis": "first", "population": "sum"}
        dissolved = munis[columns].dissolve(by=key, aggfunc=aggfunc).reset_index()
        if key == "reg_nis":
            dissolved["reg_nis_copy"] = dissolved["reg_nis"]
        units = dissolved.merge(names, on=key, how="left").rename(columns={key: "code"})
        if "reg_nis_copy" in units:
            units = units.rename(columns={"reg_nis_copy": "reg_nis"})
        units["geometry"] = shapely.make_valid(units.geometry.values)
        units = units[["code", "name_nl", "name_fr", "reg_nis", "population", "geometry"]]
    units = gpd.GeoDataFrame(units, geometry="geometry", crs=CRS).sort_values("code", ignore_index=True)
    units.insert(1, "level", level)
    return units


def _web_copy(frame: gpd.GeoDataFrame, tolerance: float, decimals: int) -> gpd.GeoDataFrame:
    simplified = shapely.coverage_simplify(frame.geometry.values, tolerance)
    rounded = shapely.set_precision(simplified, 10.0**-decimals, mode="pointwise")
    out = frame.copy()
    # "structure" with keep_collapsed=False keeps (Multi)Polygons only: rounding may collapse slivers
    out["geometry"] = shapely.make_valid(rounded, method="structure", keep_collapsed=False)
    return out


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


class Municipality(NamedTuple):
    """One municipality's codes and names (see :meth:`Boundaries.municipality_records`)."""

    nis: str
    name_nl: str
    name_fr: str
    arr_nis: str
    prov_nis: str
    reg_nis: str
    arr_name_nl: str
    arr_name_fr: str
    prov_name_nl: str
    prov_name_fr: str


class Boundaries:
    """Everything read or derived from one boundary file, each part built on first use and kept.

    Get it with :func:`for_file` (one object per file) or :func:`current`. The frames it returns
    are fresh copies (callers may add columns); what it keeps is never handed out for writing.
    Safe to share between threads (Streamlit sessions): a part is built once, under the
    object's lock, and only read afterwards.
    """

    def __init__(self, path: Path):
        self.path = path
        self._parts: dict[Hashable, object] = {}
        self._lock = threading.RLock()  # re-entrant: a part may be built from other parts

    def __repr__(self) -> str:
        return f"Boundaries({str(self.path)!r})"

    def _part(self, key: Hashable, build: Callable[[], _T]) -> _T:
        try:
            return self._parts[key]  # type: ignore[return-value]
        except KeyError:
            pass
        with self._lock:
            if key not in self._parts:
                self._parts[key] = build()
            return self._parts[key]  # type: ignore[return-value]

    def derived(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """What another module derives from this file's data (``build()``), built once per ``key``
        and kept here, with the data it comes from: a new file is a new object, so nothing derived
        from an old one outlives it. Name ``key`` after the module and the part (``("views",
        "extent", view)``). Shared between threads: never mutate what it returns."""
        return self._part(("derived", key), build)

    def _municipalities(self) -> gpd.GeoDataFrame:
        return self._part("municipalities", lambda: _read_municipalities(self.path))

    def _units(self, level: Level) -> gpd.GeoDataFrame:
        _check_level(level)
        return self._part(("units", level), lambda: _level_units(self._municipalities(), level))

    def municipalities(self) -> gpd.GeoDataFrame:
        """The 581 municipalities (REFNIS 2019–2024), EPSG:4326, valid (Multi)Polygons.

        Columns: ``nis``, ``name_nl``, ``name_fr``, ``arr_nis``, ``prov_nis`` (``04000`` for the
        Brussels-Capital Region, which has no province), ``reg_nis``, ``arr_name_*``,
        ``prov_name_*``, ``population`` (residents on 1 January 2020), ``geometry``.
        Returns a fresh copy: callers may add columns freely.
        """
        return self._municipalities().copy()

    def units(self, level: Level) -> gpd.GeoDataFrame:
        """Units of one level (``municipality``, ``arrondissement``, ``province``, ``region``).

        Columns: ``code`` (REFNIS), ``level``, ``name_nl``, ``name_fr``, ``reg_nis``, ``population``,
        ``geometry`` (EPSG:4326). Above the municipality, units are dissolved from municipalities.
        A fresh copy.
        """
        return self._units(level).copy()

    def web_units(self, level: Level, *, tolerance: float = 0.0008, decimals: int = 5) -> gpd.GeoDataFrame:
        """A light copy of :meth:`units` for web maps: simplified as a coverage (neighbours stay
        gap-free) with ``tolerance`` in degrees (0.0008° ≈ 60–90 m), coordinates rounded to
        ``decimals`` places (5 ≈ 1 m). Kept per (level, tolerance, decimals); a fresh copy."""
        tolerance, decimals = float(tolerance), int(decimals)
        frame = self._part(("web", level, tolerance, decimals),
                           lambda: _web_copy(self._units(level), tolerance, decimals))
        return frame.copy()

    def representative_points(self, level: Level = "municipality") -> dict[str, tuple[float, float]]:
        """A point inside each unit (``shapely`` representative point): code → (lon, lat),
        EPSG:4326. Where rows known only to a unit are drawn, and where grouped symbols sit.
        A fresh dict."""

        def build() -> tuple[tuple[str, float, float], ...]:
            frame = self._units(level)
            points = frame.geometry.representative_point()
            return tuple(zip(frame["code"], points.x, points.y))

        return {code: (x, y) for code, x, y in self._part(("points", level), build)}

    def municipality_records(self) -> Mapping[str, Municipality]:
        """Code → :class:`Municipality` (codes and names as text), read-only: for answering
        many single lookups without touching a frame."""

        def build() -> Mapping[str, Municipality]:
            frame = self._municipalities()
            columns = [frame[name] for name in Municipality._fields]
            return MappingProxyType({row[0]: Municipality(*(str(v) for v in row)) for row in zip(*columns)})

        return self._part("records", build)

    def index(self, level: Level = "municipality") -> PointIndex:
        """The point-lookup index of ``level`` (prepared geometries, tree, grids), built once."""
        return self._part(("index", level), lambda: PointIndex(self._units(level)))

    def units_containing(self, points: gpd.GeoSeries | np.ndarray, *, level: Level = "municipality") -> np.ndarray:
        """Code of the unit containing each point (EPSG:4326), or ``None`` outside Belgium.

        A point on a shared border goes to the unit with the smallest code among those that
        touch it (one documented rule, so results never depend on row order; see
        :mod:`geo.admin.lookup`)."""
        return self.index(level).codes_of_points(points)


@lru_cache(maxsize=4)
def _boundaries_of(path: str, size: int, mtime_ns: int) -> Boundaries:
    del size, mtime_ns  # the file's identity: an edited or replaced file is another object
    return Boundaries(Path(path))


def for_file(path: Path | str) -> Boundaries:
    """The :class:`Boundaries` of a file: the same object for every call with the same file (the
    same absolute path, size and modification time; an edited file gets a new object, read anew).
    Nothing is read until a part is asked for."""
    absolute = os.path.abspath(path)  # abspath: no file system call, unlike resolve()
    try:
        seen = os.stat(absolute)
    except OSError:
        return _boundaries_of(absolute, -1, -1)  # reading it will say what is wrong
    return _boundaries_of(absolute, seen.st_size, seen.st_mtime_ns)


def current() -> Boundaries:
    """The :class:`Boundaries` of the file :func:`boundary_file` names now."""
    return for_file(boundary_file())


# The current file's parts, for callers that do not hold a Boundaries object.

def municipalities() -> gpd.GeoDataFrame:
    """:meth:`Boundaries.municipalities` of the current file: the 581 municipalities, a fresh copy."""
    return current().municipalities()


def units(level: Level) -> gpd.GeoDataFrame:
    """:meth:`Boundaries.units` of the current file: the units of ``level``, a fresh copy."""
    return current().units(level)


def web_units(level: Level, *, tolerance: float = 0.0008, decimals: int = 5) -> gpd.GeoDataFrame:
    """:meth:`Boundaries.web_units` of the current file: the simplified copy for web maps."""
    return current().web_units(level, tolerance=tolerance, decimals=decimals)


def representative_points(level: Level = "municipality") -> dict[str, tuple[float, float]]:
    """:meth:`Boundaries.representative_points` of the current file: code → (lon, lat)."""
    return current().representative_points(level)


def units_containing(points: gpd.GeoSeries | np.ndarray, *, level: Level = "municipality") -> np.ndarray:
    """:meth:`Boundaries.units_containing` of the current file: the code of the unit containing
    each point (EPSG:4326), or ``None`` outside Belgium; on a shared border, the smallest code."""
    return current().units_containing(points, level=level)
