"""The reader's language and place names in the app (AppTest, in-process): ``?lang=`` and
``?names=`` in the URL, the sidebar's pickers, English by default, and the per-language geometry
files of the maps."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.ui import language
from tests.ui import entry


def run(page: str = "overview", query: dict[str, str] | None = None) -> AppTest:
    at = entry.app()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(entry.page(page))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def maps_of(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.json or c.proto.mixed.json) for c in at.get("bidi_component")
            if c.proto.component_name == "atlas_map"]


@pytest.mark.parametrize(("tag", "expected"), [
    ("fr-BE", "fr"), ("nl_BE", "nl"), ("NL", "nl"), ("en-GB", "en"), ("de-BE", None), ("", None), (None, None)])
def test_a_browser_language_tag_names_one_of_the_atlas_languages(tag, expected):
    assert language._from_tag(tag) == expected


def test_english_by_default_and_nothing_added_to_the_url():
    at = run()
    assert at.sidebar.header[0].value == "Filters"
    assert at.sidebar.slider(key="f_years").label == "Years"
    assert "lang" not in at.query_params and "names" not in at.query_params


@pytest.mark.parametrize(("lang", "filters", "years", "title"), [
    ("fr", "Filtres", "Années", "Belgique"), ("nl", "Filters", "Jaren", "België")])
def test_the_url_language_translates_the_sidebar_and_the_page(lang, filters, years, title):
    at = run("belgium", {"lang": lang})
    assert at.sidebar.header[0].value == filters
    assert at.sidebar.slider(key="f_years").label == years
    assert at.title[0].value == title
    assert at.query_params["lang"] == lang
    geometry = maps_of(at)[0]["geometry"]
    assert f"belgium-municipality-{lang}-" in geometry  # tooltips name units in the page's language file


def test_an_unknown_language_falls_back_to_english():
    at = run(query={"lang": "de"})
    assert at.sidebar.header[0].value == "Filters"


def test_the_picker_changes_the_language_and_the_url():
    at = run()
    at.sidebar.selectbox(key=language.K_LANG).set_value("nl").run()
    assert at.sidebar.header[0].value == "Filters" and at.sidebar.slider(key="f_years").label == "Jaren"
    assert at.query_params["lang"] == "nl"
    at.sidebar.selectbox(key=language.K_LANG).set_value("en").run()
    assert at.sidebar.slider(key="f_years").label == "Years"
    assert at.query_params["lang"] == "en"  # chosen: a shared link keeps it


def test_place_names_local_by_default_reader_on_request():
    local = run("brussels", {"lang": "fr", "unit": "21009"})
    assert any(h.value.startswith("Ixelles / Elsene") for h in local.subheader), [h.value for h in local.subheader]
    reader = run("brussels", {"lang": "nl", "names": "reader", "unit": "21009"})
    assert any(h.value.startswith("Elsene:") for h in reader.subheader), [h.value for h in reader.subheader]
    assert reader.query_params["names"] == "reader"
    assert "-nl-reader-" in maps_of(reader)[0]["geometry"]
    assert reader.sidebar.radio(key=language.K_NAMES).value == "reader"


def test_the_city_filter_names_cities_as_the_reader_asked():
    at = run(query={"lang": "fr"})
    box = at.sidebar.multiselect(key="f_cities")
    shown = {box.format_func(o) for o in box.options} if hasattr(box, "format_func") else set(box.options)
    assert {"Bruxelles / Brussel", "Antwerpen", "Oostende"} <= shown, shown
    at = run(query={"lang": "fr", "names": "reader"})
    box = at.sidebar.multiselect(key="f_cities")
    shown = {box.format_func(o) for o in box.options} if hasattr(box, "format_func") else set(box.options)
    assert {"Bruxelles", "Anvers", "Ostende"} <= shown, shown
