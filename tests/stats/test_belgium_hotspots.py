"""The Belgium page's "Hot spots" mode (AppTest): the hot-spot model with its method lines, kept in
the URL; the power guard's refusal said in words above an uncoloured map; a coarse level falls back
to municipalities and says so."""

from __future__ import annotations

from geo.stats import clusters
from tests.ui import entry


def _run(query: dict[str, str]):
    return entry.open_page("belgium", query)


def _model(at) -> dict:
    return entry.map_model(at)


def test_hot_spots_mode_draws_gi_with_its_method_and_stays_in_the_url():
    at = _run({"metric": "hotspots"})
    model = _model(at)
    assert model["kind"] == "categorical"
    captions = " ".join(c.value for c in at.caption)
    for words in ("Getis-Ord Gi*", "queen contiguity", "999 conditional permutations", "Benjamini-Hochberg",
                  "Events counted:"):
        assert words in captions, words
    assert [e[2] for e in model["legend"]][:3] == ["Hot spot", "Cold spot", "Not significant"]  # tested
    assert clusters.COLOURS["hot"] in model["scales"]["main"]["colors"]
    assert at.query_params.get("metric") == "hotspots"
    assert not at.warning
    # its PNG, SVG and PDF are drawn in a dialog when asked (as the other maps' exports), not on every run
    assert at.button(key="belgium_map_export_downloads").label == "Downloads"
    assert not at.get("download_button")


def test_the_power_guard_says_it_cannot_find_clusters_instead_of_colouring():
    at = _run({"metric": "hotspots", "cities": "Charleroi"})
    assert at.warning and at.warning[0].value.startswith("The test cannot find clusters here")
    model = _model(at)
    assert {r[1] for r in model["frames"][0]["rows"]} <= {0}  # no unit takes a cluster's colour


def test_a_province_level_falls_back_to_municipalities_and_says_so():
    at = _run({"metric": "hotspots", "level": "province"})
    assert any("shown by municipality" in i.value for i in at.info)
    assert "by municipality" in _model(at)["frames"][0]["title"]
    at.radio(key="p_metric").set_value("count").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(_model(at)["frames"]) == 1


def test_the_servers_preload_makes_the_default_test_the_page_then_finds():
    from geo.stats import cache
    from geo.ui import analysis

    analysis.preload()
    analysis._model.clear()  # the page's models (per language): made again, from the statistics' cache
    shared = cache.shared()
    misses, hits = shared.misses, shared.hits
    at = _run({"metric": "hotspots", "lang": "fr"})  # a reader in French: the numbers are in no language
    assert "Gi* de Getis-Ord" in " ".join(c.value for c in at.caption)
    assert (shared.misses, shared.hits) == (misses, hits + 1)


def test_hot_spots_update_the_metrics_map_in_place():
    from tests.stats.test_compare_page import map_id

    at = _run({"metric": "count"})
    place = map_id(at)
    for metric in ("hotspots", "per_100k", "hotspots"):
        at.radio(key="p_metric").set_value(metric).run()
        assert not at.exception, [e.value for e in at.exception]
        assert map_id(at) == place, metric
    at.radio(key="p_level").set_value("province").run()  # said above the map: hot spots by municipality
    assert at.info and map_id(at) == place
