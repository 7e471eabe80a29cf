"""The "Map PNG" download buttons in a real browser, with no network: the Belgium page gives its
choropleth and the Overview its symbol map (Map 1), as PNG files of the announced size (the
buttons are in the dialog each page's "Downloads" button opens).

Uses the session server of ``tests/support/server.py``; each test has a fresh browser context that
aborts and records every request to a host other than localhost.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from PIL import Image  # noqa: E402

from tests.support.dialogs import open_downloads  # noqa: E402
from tests.support.server import (  # noqa: E402
    Offline,
    wait_for_app,
)

pytestmark = pytest.mark.browser

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(60_000)
    offline = Offline().install(context)
    page = context.new_page()
    yield page, offline
    context.close()


def download_map_png(page, server, path: str, tmp_path: Path, *, size_label: str | None = None) -> tuple[bytes, str]:
    """Open ``path``, (optionally pick a PNG size), click "Map PNG" and return the file and its name."""
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=60_000)
    wait_for_app(page)
    open_downloads(page)  # the exports are drawn in a dialog, on demand
    if size_label is not None:
        page.get_by_text(size_label).click()
        wait_for_app(page)
    button = page.get_by_role("button", name="Map PNG")
    button.first.wait_for(state="visible", timeout=60_000)  # below the map: drawn late in the run
    wait_for_app(page)
    assert button.count() == 1, f"{path}: {button.count()} 'Map PNG' buttons"
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as d:
        button.click()
    download = d.value
    assert download.failure() is None, download.failure()
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target.read_bytes(), download.suggested_filename


def check_png(data: bytes, *, width: int) -> Image.Image:
    assert data[:8] == PNG_MAGIC, data[:16]
    img = Image.open(io.BytesIO(data))
    img.load()
    assert img.format == "PNG"
    assert abs(img.width - width) <= 2, img.size
    assert 0.5 * width <= img.height <= 1.0 * width, img.size
    return img


def test_belgium_page_downloads_its_choropleth_png(server, offline_page, tmp_path):
    page, offline = offline_page
    data, name = download_map_png(page, server, "/belgium", tmp_path)
    check_png(data, width=1600)
    assert name.endswith(".png") and name.startswith("belgium"), name
    assert not offline.blocked, offline.blocked


def test_overview_downloads_the_symbol_map_png(server, offline_page, tmp_path):
    page, offline = offline_page
    data, name = download_map_png(page, server, "/", tmp_path)
    img = check_png(data, width=1600)
    assert name == "belgium-incident-symbols.png", name
    # the symbol map, not the choropleth: the attack colour of Map 1 is in it
    rgb = img.convert("RGB")
    attack = (0xB2, 0x18, 0x2B)
    assert any(max(abs(a - b) for a, b in zip(c, attack)) <= 12 for _, c in rgb.getcolors(1 << 20)), \
        "no pixel in the attack colour"
    assert not offline.blocked, offline.blocked


def test_overview_print_size_is_300_dpi(server, offline_page, tmp_path):
    page, offline = offline_page
    data, _ = download_map_png(page, server, "/", tmp_path, size_label="Print (300 dpi)")
    img = check_png(data, width=2250)
    assert img.info["dpi"] == pytest.approx((300, 300), abs=0.5)
    assert not offline.blocked, offline.blocked
