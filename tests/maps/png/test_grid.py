"""Small multiples: a panel per year or city, one set of classes, one legend."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from geo.incidents.filters import Filters
from geo.incidents.table import validate_incidents
from geo.maps.classify import classify
from geo.maps.model import MapSpec
from geo.maps.png import grid
from geo.maps.views import view_units
from tests.conftest import make_row, table
from tests.maps.png.pixels import UCCLE, image

SVG = "{http://www.w3.org/2000/svg}"


def _panels(svg: bytes) -> dict[str, list[ET.Element]]:
    root = ET.fromstring(svg)
    return {e.get("id"): list(e.iter(f"{SVG}path")) for e in root.iter() if (e.get("id") or "").startswith("panel-")}


def _rows():
    return validate_incidents(table(
        make_row(site_id="A", event_id="A", date="2014-02-03"),
        make_row(site_id="B", event_id="B", date="2016-05-01"),
        make_row(site_id="C", event_id="C", date="2016-06-01"),
        make_row(site_id="D", event_id="D", date="2017-06-01", municipality_nis=UCCLE),
    ), name="g.csv")


def test_year_grid_has_a_panel_per_year_empty_ones_included():
    rendered = grid.render_grid(_rows(), MapSpec(view="brussels"), by="year", format="svg")
    assert rendered.panels == ("2014", "2015", "2016", "2017")
    panels = _panels(rendered.data)
    assert sorted(panels) == ["panel-1", "panel-2", "panel-3", "panel-4"]
    assert all(len(paths) == len(view_units("brussels")) for paths in panels.values())
    # one classification over every panel: Molenbeek's 2 sites in 2016 are the top class
    every = classify([v for t in rendered.tables for v in t["count"]])
    assert rendered.classes == every
    texts = ["".join(t.itertext()) for t in ET.fromstring(rendered.data).iter(f"{SVG}text")]
    assert any(t.startswith("2016 · 2 sites on the map") for t in texts)
    assert sum(t == "0 (no incident)" for t in texts) == 1  # one legend


def test_year_grid_follows_the_filters_years_and_png_is_the_single_maps_width():
    f = Filters(years=(2016, 2017))
    rendered = grid.render_grid(f.apply(_rows()), MapSpec(view="brussels", filters=f, all_years=(2014, 2017)), by="year")
    assert rendered.panels == ("2016", "2017")
    assert image(rendered.data).width == 1600
    assert rendered.title.endswith("2016–2017")


def test_city_grid_has_a_panel_per_city(tiny_incidents):
    rendered = grid.render_grid(tiny_incidents, MapSpec(view="belgium"), by="city", format="svg")
    assert rendered.panels == ("Brussels", "Charleroi", "Zaventem")
    assert len(_panels(rendered.data)) == 3


def test_city_grid_keeps_the_biggest_cities_and_says_which_are_left_out():
    rows = [make_row(site_id=f"S{i}", event_id=f"S{i}", place=f"P{i}", municipality_nis=nis, region_nis=reg)
            for i, (nis, reg) in enumerate([("21012", "04000")] * 3 + [(c, "02000") for c in (
                "11002", "12025", "13040", "24062", "31005", "34022", "35013", "37015", "41002", "42006",
                "44021", "45035", "46021", "71016")])]
    data = validate_incidents(table(*rows), name="cities.csv")
    rendered = grid.render_grid(data, MapSpec(view="belgium"), by="city")
    assert len(rendered.panels) == grid.MAX_PANELS and "Brussels" in rendered.panels
    assert len(rendered.left_out) == 15 - grid.MAX_PANELS
    assert any("not drawn" in c and rendered.left_out[0] in c for c in rendered.captions)


def test_bad_grid_is_refused(tiny_incidents):
    with pytest.raises(ValueError, match="grid"):
        grid.render_grid(tiny_incidents, MapSpec(), by="network")
