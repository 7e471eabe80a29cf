"""What the published page shows: the map model (:mod:`geo.maps.model`, built once in Python:
"all" years with its own classes, then every year with one set of classes), the units (a light
web copy of the view's geometry, with names as readers know them) and the view's bounds.

The browser's map core only looks these up: it computes nothing, so the page, the app and the
map files can never disagree about a count, a class or a mark.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from shapely.geometry import mapping

from geo.maps.model import MapModel, MapSpec, build, encode
from geo.maps.views import view_extent, view_units

#: The period that holds every year of the page.
ALL = "all"


@dataclass(frozen=True)
class PageData:
    """The page's model, units (GeoJSON) and bounds (turned into JSON for ``data.js``)."""

    model: MapModel
    units: dict
    bounds: list[list[float]]
    scatter: dict | None = None  # a two-measure analysis's scatter (geo.stats.scatter.payload)

    @property
    def title(self) -> str:
        return self.model.title

    @property
    def periods(self) -> list[str]:
        return [f.key for f in self.model.frames]

    @property
    def period_labels(self) -> dict[str, str]:
        return {f.key: f.label for f in self.model.frames}

    @property
    def flags(self) -> dict[str, list[int]]:
        """Per period, each unit's flag bits (:mod:`geo.maps.model.marks`)."""
        return {f.key: [int(v) for v in f.flags] for f in self.model.frames}

    @property
    def classes(self) -> dict[str, list[int]]:
        """Per period, each unit's palette index in its scale."""
        return {f.key: [int(v) for v in f.classes] for f in self.model.frames}

    def as_json(self) -> dict:
        m = self.model
        return {"title": m.title, "subtitle": m.subtitle, "source": m.source, "note": m.note, "filters": m.filters,
                "map": encode.to_json(m), "units": self.units, "bounds": self.bounds, "scatter": self.scatter}


def model_data(model: MapModel, view: str = "belgium", *, scatter: dict | None = None) -> PageData:
    """The page's data for a model already made (an analysis of :mod:`geo.stats.maps`: hot spots,
    steady rates, two measures), with its ``scatter`` drawn under the map where it has one."""
    units = view_units(view, level=model.level, web=True).set_index("code").loc[list(model.codes)].reset_index()
    minx, miny, maxx, maxy = view_extent(view)
    return PageData(model, units_geojson(units, model.names), [[miny, minx], [maxy, maxx]], scatter)


def units_geojson(units, names) -> dict:
    """The units (a web copy: simplified, coordinates already rounded) as GeoJSON: ``id`` and
    ``code`` the unit code, ``name`` as the reader sees it."""
    features = [{"type": "Feature", "id": str(code), "properties": {"code": str(code), "name": str(name)},
                 "geometry": mapping(geom)}
                for code, geom, name in zip(units["code"], units.geometry, names)]
    return {"type": "FeatureCollection", "features": features}


def page_data(incidents: pd.DataFrame, spec: MapSpec) -> PageData:
    """The page's data for ``incidents`` (already filtered; ``spec.filters`` only describes them):
    the periods "all" and every year of the filters' years (empty ones included), words in
    ``spec.language`` and unit names named ``spec.names`` (default: the current ones)."""
    units = view_units(spec.view, level=spec.level, web=True)
    model = build.yearly(incidents, spec, units=units)
    minx, miny, maxx, maxy = view_extent(spec.view)
    return PageData(model, units_geojson(units, model.names), [[miny, minx], [maxy, maxx]])
