"""The published folder without a browser: its files, what the page data says, escaping, the zip
and the embed snippet. (tests/browser/test_browser_publish.py opens it in chromium.)"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from geo import publish
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps.model import MapSpec, marks
from geo.maps.views import view_units
from tests.maps.png.pixels import MOLENBEEK


def _data(published: publish.Published) -> dict:
    js = published.files["data.js"].decode()
    assert js.startswith("window.ATLAS_DATA = ") and js.rstrip().endswith(";")
    return json.loads(js[len("window.ATLAS_DATA = "):].rstrip().rstrip(";"))


def _frames(data: dict) -> dict[str, dict]:
    """Each period's full state from the model's deltas: per unit [palette index, flags, tooltip]."""
    n = len(data["units"]["features"])
    now, out = [[0, 0, 0]] * n, {}
    for frame in data["map"]["frames"]:
        now = list(now)
        for i, k, f, t in frame["rows"]:
            now[i] = [k, f, t]
        out[frame["key"]] = {"classes": [v[0] for v in now], "flags": [v[1] for v in now],
                             "tips": [data["map"]["tips"][v[2]] for v in now], **frame}
    return out


def test_files_and_nothing_from_another_host(tiny_incidents):
    published = publish.build(tiny_incidents, MapSpec(view="brussels"))
    assert {"index.html", "data.js", "assets/atlas.js", "assets/atlas.css", "assets/atlas-core.js",
            "assets/atlas-core.css", "assets/leaflet/leaflet.js", "assets/leaflet/leaflet.css"} <= set(published.files)
    for name in ("index.html", "assets/atlas.js", "assets/atlas.css", "assets/atlas-core.js", "assets/atlas-scatter.js"):
        body = published.files[name].replace(b'"http://www.w3.org/2000/svg"', b"")  # a namespace, not a request
        assert not re.search(rb"(https?:)?//[a-z0-9]", body), name
    page = published.files["index.html"].decode()
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert ref in published.files, ref  # every script and stylesheet is a file of the folder


def test_page_data_counts_each_year_with_the_aggregates(tiny_incidents):
    published = publish.build(tiny_incidents, MapSpec(view="brussels"))
    data = _data(published)
    frames = _frames(data)
    assert list(frames) == ["all", "2015", "2016"]
    codes = [f["properties"]["code"] for f in data["units"]["features"]]
    assert len(codes) == len(view_units("brussels"))
    molenbeek = codes.index(MOLENBEEK)
    for period in ("2015", "2016"):
        rows = tiny_incidents[tiny_incidents["year"] == int(period)]
        counted = aggregate.count_by_unit(rows, units_frame=view_units("brussels")).table.set_index("code")
        n = int(counted.loc[MOLENBEEK, "count"])
        assert frames[period]["tips"][molenbeek].startswith(f"{n} incident site")
    # Molenbeek: 1 site in 2015 and 1 in 2016, 2 in all; "all" has its own classes
    assert frames["2015"]["classes"][molenbeek] == frames["2016"]["classes"][molenbeek]
    assert frames["2015"]["scale"] == "year" and "scale" not in frames["all"]  # the main scale
    assert data["map"]["scales"]["year"]["note"] and not data["map"]["scales"]["main"]["note"]
    # the 2015 site is reconstructed: Molenbeek's 2015 count is mostly reconstructed (the hatch flag)
    assert frames["2015"]["flags"][molenbeek] == marks.HATCH and frames["2016"]["flags"][molenbeek] == 0
    assert frames["2015"]["provenance"] == "2015: Includes 1 reconstructed record (of 1)"
    # each year's title names its year (issue 22: the title follows the year control)
    assert frames["2015"]["title"].endswith(", 2015") and frames["all"]["title"].endswith("2015–2016")


def test_words_are_escaped_in_the_page_and_cannot_close_the_data_script(tiny_incidents):
    evil = '</script><script>alert(1)</script> & "{{source}}"'
    published = publish.build(tiny_incidents, MapSpec(view="brussels", title=evil, note=evil))
    page = published.files["index.html"].decode()
    assert "<script>alert" not in page and "&lt;/script&gt;" in page
    assert "{{source}}" in page.replace("&quot;", "")  # a placeholder in a person's text stays text
    assert "</script>" not in published.files["data.js"].decode()
    assert _data(published)["title"] == evil


def test_filters_shape_the_title_subtitle_and_periods(tiny_incidents):
    f = Filters(years=(2016, 2016), kinds=("attack",))
    published = publish.build(f.apply(tiny_incidents), MapSpec(view="belgium", filters=f, all_years=(2015, 2016)))
    data = _data(published)
    assert [f["key"] for f in data["map"]["frames"]] == ["all", "2016"]
    assert data["title"].endswith("Belgium, 2016") and data["subtitle"] == "Only kinds: Attack"


def test_zip_holds_the_folder_the_same_on_every_run(tiny_incidents):
    a = publish.zip_bytes(publish.build(tiny_incidents, MapSpec(view="brussels")))
    b = publish.zip_bytes(publish.build(tiny_incidents, MapSpec(view="brussels")))
    assert a == b
    names = zipfile.ZipFile(io.BytesIO(a)).namelist()
    assert "atlas-map/index.html" in names and "atlas-map/assets/leaflet/leaflet.js" in names


def test_embed_snippet_is_an_escaped_iframe():
    snippet = publish.embed_snippet('Map "A" <b>')
    assert snippet.startswith("<iframe ") and 'title="Map &quot;A&quot; &lt;b&gt;"' in snippet


def test_nothing_to_publish_is_refused(tiny_incidents):
    with pytest.raises(ValueError):
        publish.build(tiny_incidents.iloc[:0], MapSpec(view="belgium"))


def test_unreliable_rates_are_flagged(tiny_incidents):
    published = publish.build(tiny_incidents, MapSpec(view="brussels", metric="per_100k"))
    data = _data(published)
    frames = _frames(data)
    codes = [f["properties"]["code"] for f in data["units"]["features"]]
    assert frames["all"]["flags"][codes.index(MOLENBEEK)] & marks.DASHED  # 2 sites: fewer than 3
    assert "Per 100,000 residents" in frames["all"]["tips"][codes.index(MOLENBEEK)]
    assert all("." in e.label for e in published.data.model.scales["main"].entries[1:-1])


def test_the_page_and_the_app_load_the_same_map_core(tiny_incidents, tmp_path):
    """Issue 19: one map core, byte for byte, in the published folder and among the files the app's
    component loads (its wrapper imports the core by the URL below)."""
    from geo.maps.web import assets

    urls = assets.publish_component(static_dir=tmp_path)
    served = lambda url: (tmp_path / url.removeprefix(assets.STATIC_URL + "/")).read_bytes()  # noqa: E731
    published = publish.build(tiny_incidents, MapSpec(view="brussels"))
    assert published.files["assets/atlas-core.js"] == served(urls["core_js"])
    assert published.files["assets/atlas-scatter.js"] == served(urls["scatter_js"])
    assert published.files["assets/atlas-core.css"] == served(urls["css"])
    assert published.files["assets/leaflet/leaflet.js"] == served(urls["leaflet_js"])
    page = published.files["index.html"].decode()
    assert '<script src="assets/atlas-core.js">' in page and "AtlasCore.AtlasMap" in published.files[
        "assets/atlas.js"].decode()


def _analysis(rows, mode: str, **kw):
    from geo.stats import scatter, views

    spec = MapSpec(view="belgium", level="municipality", unit="events", filters=Filters(), all_years=(2014, 2017))
    m, pair = views.build(rows, spec, views.Analysis(mode=mode, level="municipality", **kw),
                          units=view_units("belgium", level="municipality"))
    return m, (None if pair is None else scatter.payload(pair))


def test_an_analysis_is_published_as_the_app_draws_it():
    """Issue 20: a Compare view is publishable like every other view: the same model the app's
    map draws (one frame: no year control), the units in the model's order, and the scatter of a
    two-measure analysis under the map; a hot-spot map has none."""
    from geo.incidents import table

    rows = table.load_incidents()
    m, drawn = _analysis(rows, "periods", split=2016)
    published = publish.build_model(m, scatter=drawn)
    data = _data(published)
    assert [f["id"] for f in data["units"]["features"]] == list(m.codes)
    assert data["map"]["frames"][0]["title"] == m.frames[0].title and len(data["map"]["frames"]) == 1
    assert data["scatter"] == drawn and len(drawn["points"]) > 0
    page = published.files["index.html"].decode()
    assert '<select id="period" hidden>' in page and '<script src="assets/atlas-scatter.js">' in page
    hot, none = _analysis(rows, "hotspots")
    assert none is None and _data(publish.build_model(hot))["scatter"] is None
