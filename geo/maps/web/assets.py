"""Files the browser fetches once: Leaflet (from the ``xstatic-leaflet`` package), the map core
(:mod:`geo.maps.web.core`, the same files as the published page's) and the component's wrapper, and the geometry of each view and level — all under the
git-ignored ``static/`` folder that Streamlit serves (``server.enableStaticServing``).

A published file has a hash of its content in its name, so the browser may keep it as long as it
likes (the map's script fetches geometry with ``cache: "force-cache"``): a changed file is a new
name. Streamlit's static route sends no Cache-Control and answers conditional requests in full,
which the names make harmless. Nothing here needs the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
from shapely.geometry import mapping

from geo.config import PACKAGE_DIR, ROOT
from geo.maps.web import core

STATIC_DIR = ROOT / "static"
#: URL under which Streamlit serves ``static/`` (server.enableStaticServing).
STATIC_URL = "/app/static"
#: The folder of published (content-hashed) files under ``static/``.
PUBLISHED = "atlas"
#: The map component's script and stylesheet (``geo/ui/mapview.py`` mounts it).
COMPONENT_DIR = PACKAGE_DIR / "ui" / "components" / "atlas_map"


def leaflet_assets(static_dir: Path = STATIC_DIR) -> dict[str, str]:
    """Write Leaflet's files (:func:`geo.maps.web.core.leaflet_files`) into the git-ignored
    ``static/leaflet`` folder (once; idempotent) and return the URLs of its script and stylesheet."""
    target = static_dir / "leaflet"
    for rel, content in core.leaflet_files().items():
        dst = target / rel
        if not dst.exists() or dst.stat().st_size != len(content):
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(content)
    return {"js": f"{STATIC_URL}/leaflet/leaflet.js", "css": f"{STATIC_URL}/leaflet/leaflet.css"}


def publish(name: str, content: bytes, suffix: str, *, static_dir: Path = STATIC_DIR) -> str:
    """Write ``content`` as ``static/atlas/<name>-<hash><suffix>`` (once; atomically, so a server
    never serves half a file) and return its URL. Older versions of the same name are removed."""
    digest = hashlib.sha256(content).hexdigest()[:16]
    folder = static_dir / PUBLISHED
    target = folder / f"{name}-{digest}{suffix}"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        for old in folder.glob(f"{name}-*{suffix}"):
            stem = old.name[len(name) + 1: -len(suffix)]
            if old != target and len(stem) == len(digest) and all(c in "0123456789abcdef" for c in stem):
                old.unlink(missing_ok=True)
    return f"{STATIC_URL}/{PUBLISHED}/{target.name}"


def geometry_json(units: gpd.GeoDataFrame, names: Sequence[str]) -> bytes:
    """The units as a GeoJSON FeatureCollection, in the frame's order: ``id`` is the unit code,
    properties its ``name`` (as the reader sees it) and ``pop`` (residents, for rates computed in
    the browser). ``units`` is a web copy (simplified, coordinates already rounded)."""
    features = [
        {"type": "Feature", "id": code, "geometry": mapping(geom),
         "properties": {"name": str(name), "pop": int(pop) if pop == pop else 0}}
        for code, geom, name, pop in zip(units["code"], units.geometry, names, units["population"])
    ]
    return json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":"), ensure_ascii=False).encode()


def publish_geometry(view: str, level: str, units: gpd.GeoDataFrame, names: Sequence[str], *, language: str = "en",
                     static_dir: Path = STATIC_DIR) -> str:
    """Publish the geometry of a view and level with the units' names in a language (see
    :func:`geometry_json`); its URL."""
    return publish(f"{view}-{level}-{language}", geometry_json(units, names), ".json", static_dir=static_dir)


def publish_component(source_dir: Path = COMPONENT_DIR, *, static_dir: Path = STATIC_DIR) -> dict[str, str]:
    """Publish the map core (the same files the published page carries), Map 1's symbols and the
    two-measure scatter on it and the component's thin wrapper ``map.js``; their URLs with Leaflet's."""
    leaflet = leaflet_assets(static_dir)
    return {
        "js": publish("map", (source_dir / "map.js").read_bytes(), ".js", static_dir=static_dir),
        "core_js": publish("atlas-core", core.script(), ".js", static_dir=static_dir),
        "symbols_js": publish("atlas-symbols", core.symbols(), ".js", static_dir=static_dir),
        "scatter_js": publish("atlas-scatter", core.scatter(), ".js", static_dir=static_dir),
        "css": publish("atlas-core", core.style(), ".css", static_dir=static_dir),
        "leaflet_js": leaflet["js"],
        "leaflet_css": leaflet["css"],
    }
