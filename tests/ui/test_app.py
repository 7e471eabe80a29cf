"""The app in-process with Streamlit's AppTest: every page runs, and the filters change what is shown."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.config import ROOT
from tests.ui import entry

PAGES = ["overview", "belgium", "brussels", "charleroi", "timeline", "networks", "report_check", "data"]


def run_page(page: str, query: dict[str, str] | None = None, setup=None) -> AppTest:
    at = entry.app()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if setup:
        setup(at)
    at.run()
    if page != "overview":
        at.switch_page(entry.page(page))
        at.run()
    return at


def maps_of(at: AppTest) -> list[dict]:
    """The maps' data (geo/ui/mapview.py): the geometry file's URL and the values per unit."""
    out = []
    for c in at.get("bidi_component"):
        if c.proto.component_name == "atlas_map":
            out.append(json.loads(c.proto.json or c.proto.mixed.json))
    return out


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page):
    at = run_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"


def test_overview_headline_matches_the_report():
    at = run_page("overview")
    assert metric(at, "Events") == "107"
    assert metric(at, "Attacks") == "4"
    assert metric(at, "Arrest actions") == "103"
    assert metric(at, "People arrested") == "135"


def test_filters_from_the_url_change_the_numbers_and_the_map():
    everything = run_page("overview")
    charleroi = run_page("overview", {"cities": "Charleroi"})
    assert metric(charleroi, "Sites") == "14"
    assert metric(charleroi, "Events") != metric(everything, "Events")
    map_all, map_charleroi = maps_of(everything)[0], maps_of(charleroi)[0]
    assert map_all["symbols"] != map_charleroi["symbols"]
    assert map_all["geometry"] == map_charleroi["geometry"]  # the same geometry file: the view is kept


def test_sidebar_widgets_drive_the_selection():
    at = run_page("overview")
    at.sidebar.multiselect(key="f_kinds").set_value(["attack"]).run()
    assert metric(at, "Events") == "4"


def test_documented_only_link_leaves_out_reconstructed_rows():
    at = run_page("overview", {"reconstructed": "0"})
    assert at.sidebar.toggle(key="f_reconstructed").value is False
    assert 0 < int(metric(at, "Sites")) < 108  # the documented sites only
    assert any("None is reconstructed" in m.value for m in at.markdown)
    assert at.query_params.get("reconstructed") == "0"


def test_belgium_level_switch_recolours_the_map():
    municipality = maps_of(run_page("belgium"))[0]
    province = maps_of(run_page("belgium", {"level": "province"}))[0]
    assert "-municipality-" in municipality["geometry"] and "-province-" in province["geometry"]
    # values only: the units with incidents (a unit index below the level's unit count)
    rows_m, rows_p = (m["model"]["frames"][0]["rows"] for m in (municipality, province))
    assert 0 < len(rows_m) < 581 and max(r[0] for r in rows_m) < 581
    assert 0 < len(rows_p) <= 11 and max(r[0] for r in rows_p) < 11


def test_brussels_states_the_incidents_known_only_to_the_region():
    at = run_page("brussels")
    text = " ".join(m.value for m in at.markdown)
    assert "known only to the region" in text and "**42**" in text


def test_report_check_page_shows_every_figure_matching():
    at = run_page("report_check")
    assert at.success and not at.error


DOWNLOADS_PANEL = """
from geo.ui import downloads, session, sidebar
session.start()
sidebar.draw()
downloads.panel(sidebar.selection(), key="{key}", view={view!r})
"""


@pytest.mark.parametrize("page", ["belgium", "brussels", "charleroi", "timeline", "data"])
def test_map_and_data_pages_offer_downloads(page):
    at = run_page(page)
    # drawn only when the reader asks: the page's Downloads button opens them in a dialog
    assert at.button(key=f"{page}_downloads").label == "Downloads"
    assert "Incidents CSV" not in {b.proto.label for b in at.get("download_button")}
    # what the dialog draws for such a page (AppTest does not open a dialog from a click in a page
    # of this app: tests/browser/test_browser_download.py opens it in a browser)
    view = None if page == "data" else page if page in ("brussels", "charleroi") else "belgium"
    at = AppTest.from_string(DOWNLOADS_PANEL.format(key=page, view=view), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Incidents CSV", "GeoJSON"} <= labels
    if page != "data":
        assert "Map PNG" in labels


def test_a_saved_dataset_is_picked_from_the_url(tmp_path, monkeypatch):
    from geo.io import pipeline, store

    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    result = pipeline.import_file(ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv", filename="gtd_belgium.csv")
    saved = store.configured().save_dataset(result, name="GTD sample")
    at = run_page("overview", {"dataset": saved.slug})
    assert not at.exception
    assert at.title[0].value == "Incidents: GTD sample"
    # rows not placed in Belgium (Paris; a row with no place found) are never Belgian sites
    assert metric(at, "Sites") == str(result.summary["accepted"] - result.summary["not_located"])
    belgium = run_page("belgium", {"dataset": saved.slug})
    assert any("not placed in Belgium" in w.value for w in belgium.warning)
    report_check = run_page("report_check", {"dataset": saved.slug})
    assert report_check.success  # the report's figures are still checked on the report's data
