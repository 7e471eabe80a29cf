"""The export controls of a map page in a real browser, with no network: your own title on an SVG,
the palette and class breaks kept in the URL and used by the exports, the interactive map as a
zip, and the Timeline's MP4."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from geo.maps.classify import palette_colors  # noqa: E402
from tests.support.dialogs import open_downloads  # noqa: E402
from tests.support.server import Offline, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(60_000)
    offline = Offline().install(context)
    page = context.new_page()
    yield page, offline
    context.close()


def _open(page, server, path: str) -> None:
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=60_000)
    wait_for_app(page)


def _download(page, name: str, tmp_path: Path) -> tuple[bytes, str]:
    open_downloads(page)  # the exports are drawn in a dialog, on demand
    button = page.get_by_role("button", name=name)
    button.first.wait_for(state="visible", timeout=60_000)
    wait_for_app(page)
    button.first.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as d:
        button.first.click()
    download = d.value
    assert download.failure() is None, download.failure()
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target.read_bytes(), download.suggested_filename


def test_svg_with_your_title_and_the_palette_from_the_url(server, offline_page, tmp_path):
    page, offline = offline_page
    _open(page, server, "/belgium?palette=Blues&breaks=2,5")
    open_downloads(page)
    page.get_by_text("Title, subtitle, note and source of the exported map").click()
    title = page.get_by_label("Title", exact=True)
    # prefilled (a rerun may still be drawing the field: wait for its value rather than read it once)
    playwright_sync.expect(title).to_have_value("Incident sites per municipality — Belgium, 2014–2017",
                                                timeout=15_000)
    title.fill("Where the arrests were ($ & <b>)")
    title.press("Enter")
    wait_for_app(page)
    page.get_by_text("SVG", exact=True).click()
    wait_for_app(page)
    data, name = _download(page, "Map SVG", tmp_path)
    assert name == "belgium-municipality-count-2014-2017.svg"
    root = ET.fromstring(data)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Where the arrests were ($ & <b>)" in texts
    assert any(t.startswith("1–2") for t in texts) and any(t.startswith("3–5") for t in texts)  # the breaks
    fills = data.decode()
    blues = palette_colors("Blues")
    assert any(c in fills for c in blues) and palette_colors("YlOrRd")[-1] not in fills
    assert "palette=Blues" in page.url and "breaks=2" in page.url
    assert not offline.blocked, offline.blocked


def test_interactive_map_downloads_as_a_zip_with_its_embed_snippet(server, offline_page, tmp_path):
    page, offline = offline_page
    _open(page, server, "/brussels")
    data, name = _download(page, "Interactive map (HTML)", tmp_path)
    assert name == "brussels-municipality-count-2014-2017-interactive.zip"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"atlas-map/index.html", "atlas-map/data.js", "atlas-map/assets/leaflet/leaflet.js"} <= set(names)
    page.get_by_text("Embed the interactive map in a web page").click()
    snippet = page.get_by_label("HTML to paste").input_value()  # a text area: no syntax highlighter to load
    assert "<iframe" in snippet and "Brussels-Capital Region and Zaventem" in snippet
    assert not offline.blocked, offline.blocked


def test_timeline_gives_an_mp4(server, offline_page, tmp_path):
    page, offline = offline_page
    _open(page, server, "/timeline")
    data, name = _download(page, "Animated timeline (MP4)", tmp_path)
    assert name.endswith("-year.mp4") and data[4:8] == b"ftyp"
    assert not offline.blocked, offline.blocked
