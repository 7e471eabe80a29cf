"""The Compare page in a real, offline browser: the hot-spot, smoothed-rate and bivariate maps draw
every municipality in their model's colours, the scatter draws, at desktop and phone width."""

from __future__ import annotations

import contextlib

import pytest

from geo.stats import bivariate, clusters, presets
from tests.support.server import Offline, fills, wait_for_app, wait_for_paths, wait_for_still_map

pytestmark = pytest.mark.browser


@contextlib.contextmanager
def _offline_page(browser, width: int, url: str):
    """A page of a fresh browser context at ``width`` that may reach only localhost, opened at
    ``url`` and drawn; afterwards, the context is closed and no request was blocked."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    offline = Offline()
    offline.install(context)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page, timeout=90_000)
    yield page
    context.close()
    assert not offline.blocked, offline.blocked


def _open(server, browser, query: str, width: int, shot: str | None = None):
    with _offline_page(browser, width, f"{server.url}/compare?{query}") as page:
        frame, paths = wait_for_paths(page, at_least=581, timeout=60)
        wait_for_still_map(page)
        colours = set(fills(frame))
        if shot:
            page.screenshot(path=shot, full_page=True)
        points = page.locator(".atlas-scatter:not([hidden]) svg circle").count()
    return paths, colours, points


@pytest.mark.parametrize("width", [1400, 390])
def test_bivariate_map_and_scatter_offline(server, browser, width, tmp_path):
    paths, colours, points = _open(server, browser, "mode=bivariate", width, str(tmp_path / f"compare-{width}.png"))
    assert paths >= 581
    assert colours & set(bivariate.PALETTE.values())  # units with both measures take a cell's colour
    assert points >= 5  # the scatter under the map: the municipalities with a figure of their own


def test_hot_spots_and_rates_draw(server, browser):
    paths, colours, points = _open(server, browser, "mode=hotspots&statistic=gi", 1400)
    assert paths >= 581 and clusters.COLOURS["not_significant"] in colours and points == 0
    paths, colours, points = _open(server, browser, "mode=rates", 1400)
    assert paths >= 581 and len(colours) >= 3 and points == 0


@pytest.mark.parametrize("width", [1400, 390])
def test_overview_link_opens_the_contrast_with_antwerp_and_hainaut_in_mirror_cells(server, browser, width, tmp_path):
    """The Overview's link opens the preset (province level, October 2017 returnees); the painted
    fills of Antwerp province and Hainaut are the colours of mirror cells of the legend."""
    with _offline_page(browser, width, f"{server.url}/") as page:
        page.get_by_text("Antwerp and Hainaut on one map", exact=False).first.click()
        page.wait_for_url("**/compare?**", timeout=60_000)
        wait_for_app(page, timeout=90_000)
        frame, _paths = wait_for_paths(page, at_least=11, timeout=60)
        wait_for_still_map(page)
        for key, value in presets.CONTRAST.items():
            assert f"{key}={value}" in page.url
        painted = frame.evaluate("""codes => codes.map(c =>
            document.querySelector(`path.leaflet-interactive[data-code="${c}"]`).getAttribute('fill'))""",
                                 list(presets.CONTRAST_UNITS))
        cell_of = {colour: cell for cell, colour in bivariate.PALETTE.items()}
        antwerp, hainaut = (cell_of[c] for c in painted)
        assert antwerp == hainaut[::-1] and antwerp[0] != antwerp[1]
        grid = page.evaluate("""() => Array.from(document.querySelectorAll('.atlas-grid-cell'),
            c => [c.dataset.cell, getComputedStyle(c).backgroundColor, c.getAttribute('aria-label')])""")
        assert {cell: colour for cell, colour, _w in grid} == {  # the legend: a 3 x 3 grid, not nine swatches
            f"{x}-{y}": "rgb({}, {}, {})".format(*(int(c[i:i + 2], 16) for i in (1, 3, 5)))
            for (x, y), c in bivariate.PALETTE.items()}
        assert page.locator(".atlas-grid-x").inner_text() == "Incidents \u2192"
        assert page.locator(".atlas-grid-y").inner_text() == "Foreign fighters \u2192"
        note = page.locator("[data-testid='stAlert']", has_text="Why provinces").inner_text()
        assert "Charleroi" in note and "mirror cells" in note
        page.screenshot(path=str(tmp_path / f"contrast-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [1400, 390])
def test_two_maps_side_by_side_pan_and_zoom_together(server, browser, width):
    """Zooming the first map zooms the second to the same view; on a phone the two maps stack."""
    url = f"{server.url}/compare?mode=bivariate&level=province&series=official-returnees-2017-10&maps=two"
    with _offline_page(browser, width, url) as page:
        wait_for_paths(page, at_least=11, index=1, timeout=60)
        wait_for_still_map(page)
        box = """code => Array.from(document.querySelectorAll(`path.leaflet-interactive[data-code="${code}"]`),
            p => { const r = p.getBoundingClientRect(), m = p.closest('.atlas-leaflet').getBoundingClientRect();
                   return [r.left - m.left, r.top - m.top, r.width, r.height].map(Math.round); })"""
        before = page.evaluate(box, "10000")
        assert len(before) == 2
        maps = page.locator(".atlas-leaflet")
        first, second = maps.nth(0).bounding_box(), maps.nth(1).bounding_box()
        if width < 640:
            assert second["y"] >= first["y"] + first["height"]  # stacked
        else:
            assert second["x"] >= first["x"] + first["width"] and abs(second["y"] - first["y"]) < 2  # side by side
        maps.nth(0).locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(800)
        after = page.evaluate(box, "10000")
        assert after[0][2] > 1.5 * before[0][2]  # the first map zoomed in
        assert after[1][2] > 1.5 * before[1][2]  # the second followed it: same zoom,
        assert all(abs(a - b) <= 2 for a, b in zip(after[0], after[1]))  # same place in its box (same sizes)
