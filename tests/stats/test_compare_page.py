"""The Compare page in-process (AppTest): each analysis draws its map model, says its method, and a
picked unit shows its trend."""

from __future__ import annotations

import json

import pytest

from geo.incidents import table
from geo.incidents.trend import trend
from tests.ui import entry


def _run(query: dict[str, str]):
    return entry.open_page("compare", query)


def _model(at) -> dict:
    return entry.map_model(at)


@pytest.mark.parametrize(("query", "kind", "said"), [
    ({"mode": "hotspots", "statistic": "moran"}, "categorical", "local Moran's I"),
    ({"mode": "rates"}, "choropleth", "empirical Bayes"),
    ({"mode": "bivariate"}, "categorical", "Incidents: high; Foreign fighters: low"),
    ({"mode": "periods", "split": "2016"}, "categorical", "2014–2015: low; 2016–2017: high"),
])
def test_each_analysis_draws_its_model(query, kind, said):
    at = _run(query)
    model = _model(at)
    assert model["kind"] == kind
    legend = model.get("legend") or model["frames"][0].get("legend", [])  # one legend for the model, or per frame
    text = " ".join(model["frames"][0].get("notes", [])) + " " + " ".join(e[2] for e in legend)
    text += " " + " ".join(c.value for c in at.caption)
    assert said in text


def test_hot_spots_say_their_method_and_a_picked_unit_its_trend():
    at = _run({"mode": "hotspots", "unit": "21012"})
    notes = _model(at)["frames"][0]["notes"]
    assert any("999 conditional permutations" in n for n in notes)
    assert any("Benjamini-Hochberg" in n for n in notes)
    assert any(n.startswith("Events counted:") for n in notes)
    expected = trend(table.load_incidents(), "21012")
    said = " ".join(m.value for m in at.markdown)
    assert f"rank {expected.rank} of 581" in said and f"{expected.count} of the {expected.national}" in said
    at.radio(key="p_per").set_value("month").run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_series_at_province_level_and_back_to_hot_spots():
    at = _run({"mode": "bivariate", "level": "province", "series": "official-2015-02"})
    legend = _model(at).get("legend") or _model(at)["frames"][0]["legend"]
    assert any(e[2] == "Incidents: high; Foreign fighters: high" for e in legend)
    assert at.query_params.get("level") == "province"
    at.radio(key="p_mode").set_value("hotspots").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="p_level").value == "municipality"  # hot spots are not made at province level


def test_the_contrast_preset_places_antwerp_and_hainaut_in_mirror_cells():
    """The Overview's preset (province level, October 2017 returnees): the two provinces' cells as
    measured by geo.stats.compare, and the note saying why provinces and what the cells show."""
    from geo.layers import foreign_fighters
    from geo.maps.views import view_units
    from geo.stats import compare, presets

    at = _run(presets.CONTRAST)
    model = _model(at)
    codes = list(view_units("belgium", level="province")["code"])  # the geometry's order: the rows' unit index
    palette = {r[0]: r[1] for r in model["frames"][0]["rows"]}
    pair = compare.incidents_against_layer(table.load_incidents(), foreign_fighters.by_unit(
        "province", series=presets.CONTRAST["series"]), level="province")
    cell = pair.table.set_index("code")["cell"]
    antwerp, hainaut = (cell[c] for c in presets.CONTRAST_UNITS)
    assert antwerp[::-1] == hainaut and antwerp[0] != antwerp[2]  # mirror cells, off the diagonal
    index = pair.table.set_index("code")["index"]
    for code in presets.CONTRAST_UNITS:  # the component got each unit's cell (1..9: CELLS order)
        assert palette.get(codes.index(code), 0) == index[code] + 1
    said = " ".join(i.value for i in at.info)
    assert "no published foreign-fighter figure exists for the municipality of Charleroi" in said
    assert "mirror cells" in said and "Hainaut" in said


def test_two_maps_side_by_side_share_a_sync_group():
    at = _run({"mode": "bivariate", "level": "province", "series": "official-returnees-2017-10", "maps": "two"})
    maps = [json.loads(c.proto.json or c.proto.mixed.json) for c in at.get("bidi_component")
            if c.proto.component_name == "atlas_map"]
    assert len(maps) == 2 and {m["sync"] for m in maps} == {"compare_pair"}
    titles = [m["model"]["frames"][0]["title"] for m in maps]
    assert titles == ["Incidents, per 100,000 residents", "Foreign fighters, per 100,000 residents"]
    no_figure = [e for e in maps[1]["model"]["legend"] if e[2] == "No figure"]
    assert no_figure  # eight provinces have no figure in this series: said, not drawn as 0
    assert at.query_params.get("maps") == "two"


def _payloads(at) -> list[dict]:
    return [json.loads(c.proto.json or c.proto.mixed.json) for c in at.get("bidi_component")
            if c.proto.component_name == "atlas_map"]


def test_the_scatter_goes_with_the_map_of_a_two_measure_analysis_only():
    """The scatter is part of the map's update (drawn by the map core under the map): two periods
    and incidents against foreign fighters have one, hot spots and rates none; with two maps side
    by side it goes under the first."""
    at = _run({"mode": "periods", "split": "2016"})
    (payload,) = _payloads(at)
    drawn = payload["scatter"]
    assert drawn["x"].startswith("2014–2015") and drawn["y"].startswith("2016–2017")
    hidden = int(drawn["note"].removeprefix("Not drawn: ").split()[0].replace(",", ""))
    assert len(drawn["points"]) > 0 and len(drawn["points"]) + hidden == 581  # every unit has both periods
    assert not at.get("vega_lite_chart")
    for mode, has in (("hotspots", False), ("rates", False), ("bivariate", True)):
        at.radio(key="p_mode").set_value(mode).run()
        assert not at.exception, [e.value for e in at.exception]
        (payload,) = _payloads(at)
        assert (payload["scatter"] is not None) == has, mode
    at.radio(key="p_maps").set_value("two").run()
    first, second = _payloads(at)
    assert first["scatter"]["points"] and second["scatter"] is None


def map_id(at) -> str:
    """The element id of the page's one map component: the browser keeps its map (and updates it
    in place) from one run to the next while the id stays the same, wherever the map sits."""
    (component,) = [c for c in at.get("bidi_component") if c.proto.component_name == "atlas_map"]
    return component.proto.id


def test_the_map_stays_the_same_element_whatever_the_analysis():
    at = _run({"mode": "hotspots"})
    place = map_id(at)
    for mode in ("rates", "bivariate", "periods", "hotspots"):
        at.radio(key="p_mode").set_value(mode).run()
        assert not at.exception, [e.value for e in at.exception]
        assert map_id(at) == place, mode


def test_the_downloads_give_the_map_as_images_and_as_an_interactive_page():
    """Issue 20: a Compare view is exportable (PNG, SVG, PDF) and publishable like every other
    view: the dialog's "Interactive map (HTML)" is the published page of the model the app draws."""
    at = _run({"mode": "bivariate"})
    at.button(key="compare_export_downloads").click().run()
    assert not at.exception, [e.value for e in at.exception]
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Map PNG", "Map SVG", "Map PDF", "Interactive map (HTML)"} <= labels
