"""Web maps with folium, built for Streamlit and for no network (DESIGN.md §5).

- :func:`base_map` is constant for a view (no data in it), so ``st_folium`` keeps the map, its
  zoom and pan, and only swaps the data layer (``feature_group_to_add``).
- Leaflet is served locally from the ``xstatic-leaflet`` package (:func:`leaflet_assets`); the
  map loads no other script or stylesheet. Tiles are off unless asked for.
- Every text that comes from data is escaped before it reaches HTML (tooltips, labels).

Coordinates are EPSG:4326 degrees; GeoJSON coordinates are rounded (4 decimals ≈ 10 m on the
national map, 5 ≈ 1 m on city maps).
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo import vocab
from geo.admin import boundaries
from geo.config import ROOT
from geo.incidents.aggregate import Counted
from geo.maps.classify import Classes
from geo.maps.views import ViewName, view_extent

STATIC_DIR = ROOT / "static"
#: URL under which Streamlit serves ``static/`` (server.enableStaticServing).
STATIC_URL = "/app/static"
OSM_TILES = "OpenStreetMap"


def leaflet_assets(static_dir: Path = STATIC_DIR) -> dict[str, str]:
    """Copy leaflet.js/.css (and its images) from the ``xstatic-leaflet`` package into the
    git-ignored ``static/leaflet`` folder (once; idempotent) and return their URLs."""
    import xstatic.pkg.leaflet as xleaflet

    source = Path(xleaflet.BASE_DIR)
    target = static_dir / "leaflet"
    for name in ("leaflet.js", "leaflet.css"):
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    if (source / "images").is_dir() and not (target / "images").exists():
        shutil.copytree(source / "images", target / "images")
    return {"js": f"{STATIC_URL}/leaflet/leaflet.js", "css": f"{STATIC_URL}/leaflet/leaflet.css"}


def base_map(view: ViewName, *, tiles: bool = False, height: int = 620,
             outlines: gpd.GeoDataFrame | None = None) -> folium.Map:
    """A map fitted to a view with no data on it, with Leaflet from the local static folder only.
    ``tiles`` adds an OpenStreetMap basemap (needs the network); ``outlines`` draws unit outlines
    (constant, so they belong to the base map, not to the data layer)."""
    urls = leaflet_assets()
    minx, miny, maxx, maxy = view_extent(view)
    fmap = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        tiles=OSM_TILES if tiles else None,
        zoom_snap=0.25,
        control_scale=True,
        height=height,
        min_zoom=6,
    )
    fmap.default_js = [("leaflet", urls["js"])]
    fmap.default_css = [("leaflet_css", urls["css"])]
    fmap.fit_bounds([[miny, minx], [maxy, maxx]])
    if outlines is not None:
        outline_layer(outlines, decimals=4 if view == "belgium" else 5).add_to(fmap)
    return fmap


def _round_geometry(geom, decimals: int) -> dict:
    return mapping(shapely.transform(geom, lambda c: np.round(c, decimals)))


def _esc(value) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value))


def choropleth_layer(
    units: gpd.GeoDataFrame,
    counted: Counted,
    classes: Classes,
    *,
    metric: str = "count",
    decimals: int = 4,
    selected: str | None = None,
    name: str = "incidents",
) -> folium.FeatureGroup:
    """The data layer of a choropleth: every unit coloured by its class, with a tooltip giving
    its Dutch and French names, the count and the rate per 100,000 residents.
    ``units`` must have ``code`` and geometry; ``counted.table`` gives the numbers."""
    numbers = counted.table.set_index("code").to_dict("index")
    what = "events" if counted.unit == "events" else "incidents"
    features, styles = [], {}
    for code, geom, name_nl, name_fr in zip(units["code"], units.geometry, units["name_nl"], units["name_fr"]):
        row = numbers.get(code)
        count = int(row["count"]) if row is not None else 0
        rate = float(row["per_100k"]) if row is not None else float("nan")
        small = bool(row["small"]) if row is not None else False
        value = rate if metric == "per_100k" else count
        rate_text = "–" if np.isnan(rate) else f"{rate:.2f}"
        hatch = small and metric == "per_100k"
        if hatch:
            rate_text += " (fewer than 3 incidents: not reliable)"
        names = _esc(name_nl) if name_nl == name_fr else f"{_esc(name_nl)} / {_esc(name_fr)}"
        styles[code] = {
            "fillColor": classes.color_of(value),
            "fillOpacity": 0.55 if hatch else 0.85,
            "color": "#111111" if code == selected else "#6b6b6b",
            "weight": 2.5 if code == selected else 0.5,
            "dashArray": "3 3" if hatch else None,
        }
        features.append({
            "type": "Feature",
            "geometry": _round_geometry(geom, decimals),
            "properties": {"code": code, "name": names, "count": f"{count:,} {what}", "rate": rate_text},
        })
    data = {"type": "FeatureCollection", "features": features}

    def style(feature):  # evaluated by folium in Python; it sends each distinct style once
        return styles[feature["properties"]["code"]]

    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        data,
        name=name,
        style_function=style,
        highlight_function=lambda _: {"weight": 2, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "count", "rate"],
            aliases=["", "", "per 100,000 residents:"],
            labels=True,
            sticky=False,
        ),
        zoom_on_click=False,
    ).add_to(group)
    return group


def symbol_category(incidents: pd.DataFrame) -> pd.Series:
    """Each row's Map 1 symbol kind: attack; plot (a plot kind, or an arrest action that revealed
    one); arrest action; other (imported categories)."""
    return pd.Series(np.select(
        [incidents["kind"] == "attack", (incidents["kind"] == "plot") | incidents["plot"].astype(bool),
         incidents["kind"] == "arrest_action"],
        ["attack", "plot", "arrest_action"], default="other"), index=incidents.index)


def symbol_radius_px(count: int, category: str) -> float:
    """A symbol's radius in CSS pixels: 4 + 3.2 √n, attacks a quarter larger, at most 40."""
    return float(min(4 + 3.2 * np.sqrt(count) * vocab.SYMBOLS[category][2], 40))


@dataclass(frozen=True)
class Symbol:
    lat: float
    lon: float
    category: str
    count: int
    label: str


def incident_symbols(incidents: pd.DataFrame, *, max_places: int = 1500) -> tuple[list[Symbol], pd.DataFrame]:
    """Map 1's symbols: one per place known to the point or municipality and category (attack;
    arrest action revealing a plot; arrest action; other), sized by the number of sites there.
    With more than ``max_places`` distinct places (large imported datasets), symbols are grouped
    by municipality instead, at its representative point, so the map stays light. Rows known only
    to a region are not drawn as points: they come back as a table (region, count) to show as a
    count on the region."""
    frame = incidents.assign(category=symbol_category(incidents))
    located = frame[frame["geo_precision"].isin(("point", "municipality")) & frame["lat"].notna()]
    grouped = len(located[["lat", "lon"]].drop_duplicates()) > max_places
    if grouped:
        reps = boundaries.representative_points("municipality")
        located = located.assign(lon=located["municipality_nis"].map(lambda c: reps[c][0]),
                                 lat=located["municipality_nis"].map(lambda c: reps[c][1]))
    stats = located.groupby(["lat", "lon", "category"], sort=True).agg(
        n=("site_id", "size"), where=("municipality_name", "first"), city=("city", "first"),
        places=("place", "nunique"), place=("place", "first"), description=("description", "first"))
    symbols = []
    for (lat, lon, cat), r in stats.iterrows():
        n = int(r["n"])
        label = f"{vocab.SYMBOLS[cat][0]}: {n:,} site{'s' if n != 1 else ''} · {r['where'] or r['city']}"
        if grouped:
            label += " (grouped by municipality)"
        elif r["places"] == 1:
            label += f" · {r['place']}"
        if n == 1 and str(r["description"]).strip():
            label += " · " + str(r["description"])[:160]
        symbols.append(Symbol(float(lat), float(lon), cat, n, label))
    regional = (frame[(frame["geo_precision"] == "region") & (frame["region_nis"].fillna("") != "")]
                .groupby(["region_nis", "region_name"]).agg(count=("site_id", "size"),
                                                            lat=("lat", "first"), lon=("lon", "first"))
                .reset_index())
    return symbols, regional


def incidents_layer(incidents: pd.DataFrame, *, name: str = "incidents") -> folium.FeatureGroup:
    """Map 1's data layer: circle symbols per kind, and a labelled count on each region for the
    sites known only to the region (never drawn as fake points)."""
    symbols, regional = incident_symbols(incidents)
    group = folium.FeatureGroup(name=name)
    order = {"other": 0, "arrest_action": 1, "plot": 2, "attack": 3}
    for s in sorted(symbols, key=lambda s: order[s.category]):
        color = vocab.SYMBOLS[s.category][1]
        folium.CircleMarker(
            location=[s.lat, s.lon],
            radius=symbol_radius_px(s.count, s.category),
            color="#ffffff", weight=1, fill=True, fill_color=color, fill_opacity=vocab.SYMBOL_OPACITY,
            tooltip=folium.Tooltip(_esc(s.label)),
        ).add_to(group)
    for r in regional.itertuples():
        text = f"{_esc(r.region_name)}: {int(r.count)} site{'s' if r.count != 1 else ''} with no municipality detail"
        folium.Marker(
            location=[float(r.lat), float(r.lon)],
            icon=folium.DivIcon(
                html=f'<div class="region-count" style="background:#fff;border:1px solid #444;'
                     f'border-radius:4px;padding:2px 5px;font:12px sans-serif;white-space:nowrap;'
                     f'width:max-content;transform:translate(-50%, 26px)">{text}</div>',
                icon_size=(1, 1), icon_anchor=(0, 0)),
            tooltip=folium.Tooltip(text),
        ).add_to(group)
    return group


def outline_layer(units: gpd.GeoDataFrame, *, decimals: int = 4, name: str = "units") -> folium.FeatureGroup:
    """Unit outlines with name tooltips, under the symbols of Map 1."""
    features = [{"type": "Feature", "geometry": _round_geometry(g, decimals),
                 "properties": {"code": c, "name": _esc(nl) if nl == fr else f"{_esc(nl)} / {_esc(fr)}"}}
                for c, g, nl, fr in zip(units["code"], units.geometry, units["name_nl"], units["name_fr"])]
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda _: {"fillColor": vocab.LAND_COLOR, "fillOpacity": 0.9, "color": vocab.LAND_EDGE,
                                  "weight": 0.4},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(group)
    return group

