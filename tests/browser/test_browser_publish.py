"""The published interactive map in a real browser: opened from a file with every request that
is not one of its own files aborted (and recorded), and from a static web server on loopback.
581 municipalities drawn, the year control recolours them, and the lowest class stands out from
"no incident" in the colours the browser actually paints."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from pathlib import Path

import numpy as np
import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from PIL import Image  # noqa: E402

from geo import publish  # noqa: E402
from geo.incidents import table  # noqa: E402
from geo.maps.classify import MIN_CONTRAST, contrast  # noqa: E402
from geo.maps.model import MapSpec  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, publish.Published]:
    data = table.load_incidents()
    published = publish.build(data, MapSpec(view="belgium", level="municipality", total_reconstructed=int((data["provenance"] == "reconstructed").sum())))
    folder = tmp_path_factory.mktemp("published")
    publish.write(published, folder)
    return folder, published


class OwnFilesOnly:
    """Let through only requests for files inside ``folder``; abort and record the rest; record
    every request the page makes."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.blocked: list[str] = []
        self.seen: list[str] = []

    def handle(self, route) -> None:
        url = route.request.url
        if url.startswith(self.prefix):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def _open(browser, url: str, prefix: str, width: int = 1400):
    context = browser.new_context(viewport={"width": width, "height": 900})
    guard = OwnFilesOnly(prefix)
    context.route("**/*", guard.handle)
    page = context.new_page()
    page.on("request", lambda r: guard.seen.append(r.url))
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return context, page, guard


def _fills(page, codes) -> list[str]:
    """Each unit's fill, in the order of ``codes`` (the model's)."""
    fills = page.eval_on_selector_all("path.leaflet-interactive",
                                      "ps => Object.fromEntries(ps.map(p => [p.dataset.code, p.getAttribute('fill')]))")
    return [fills[c] for c in codes]


def _pixel_inside(page, code: str) -> tuple[int, int]:
    """A viewport point where the unit's path is the topmost element."""
    point = page.evaluate("""code => {
        const p = document.querySelector(`path.leaflet-interactive[data-code="${code}"]`);
        const b = p.getBoundingClientRect();
        for (let fy = 0.5; fy < 1; fy += 0.05) for (const s of [1, -1]) for (let fx = 0.5; fx < 1; fx += 0.05) {
            for (const t of [1, -1]) {
                const x = b.left + b.width * (0.5 + t * (fx - 0.5)), y = b.top + b.height * (0.5 + s * (fy - 0.5));
                if (document.elementFromPoint(x, y) === p) return [Math.round(x), Math.round(y)];
            }
        }
        return null;
    }""", code)
    assert point is not None, f"no point inside unit {code}"
    return point[0], point[1]


def test_published_map_opens_from_a_file_with_no_request_leaving_it(browser, site):
    folder, published = site
    prefix = folder.resolve().as_uri() + "/"
    context, page, guard = _open(browser, prefix + "index.html", prefix)
    try:
        assert page.locator("path.leaflet-interactive").count() == 581
        assert page.title() == published.data.title
        codes = published.data.model.codes
        before = _fills(page, codes)
        page.select_option("#period", "2014")
        after = _fills(page, codes)
        assert before != after
        # the colours are the atlas's classes for 2014: units with no 2014 site are "no incident"
        model = published.data.model
        colours = model.colors(model.frame("2014"))
        flags = published.data.flags["2014"]
        assert [c for c, f in zip(after, flags) if not f] == [c for c, f in zip(colours, flags) if not f]
        # units mostly reconstructed in 2014 are hatched: a pattern filled with their class colour
        hatched = [i for i, f in enumerate(flags) if f & 1]
        assert hatched and all(after[i].startswith("url(#") and after[i].endswith(f"-hatch-{colours[i][1:]})")
                               for i in hatched)
        pattern = page.eval_on_selector(after[hatched[0]][4:-1] + " rect", "r => r.getAttribute('fill')")
        assert pattern == colours[hatched[0]]
        assert "Same classes for every year" in page.inner_text("#legend")
        assert page.inner_text("#provenance").startswith("2014: Includes")
        notes = page.inner_text("#notes")
        assert "Brussels-Capital Region" in notes and "42 sites" not in notes
        # a tooltip names the unit
        x, y = _pixel_inside(page, codes[0])
        page.mouse.move(x, y)
        tip = page.wait_for_selector(".atlas-tip", timeout=5_000)
        first = published.data.units["features"][0]["properties"]["name"]
        assert tip.inner_text().startswith(first)
        assert model.frame("2014").tips[0].splitlines()[0] in tip.inner_text()
        # the title follows the year control (issue 22)
        assert page.inner_text("#title") == model.frame("2014").title and model.frame("2014").title.endswith("2014")
        assert page.title() == model.frame("2014").title
        assert guard.blocked == []
        assert guard.seen and all(u.startswith(prefix) for u in guard.seen), guard.seen
        # leaving the page tears the map down (its observer, timers and Leaflet map)
        page.evaluate("window.dispatchEvent(new Event('pagehide'))")
        assert page.locator(".atlas-map").count() == 0 and page.locator(".leaflet-container").count() == 0
    finally:
        context.close()


def test_lowest_class_stands_out_from_no_incident_as_painted(browser, site):
    folder, published = site
    prefix = folder.resolve().as_uri() + "/"
    context, page, _guard = _open(browser, prefix + "index.html", prefix)
    try:
        values = published.data.classes["all"]  # palette index: 0 no incident, 1 the lowest class
        flags = published.data.flags["all"]
        lowest = next(i for i, v in enumerate(values) if v == 1 and not flags[i])
        zero = next(i for i, v in enumerate(values) if v == 0)
        shot = np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"))

        def painted(index: int) -> str:
            x, y = _pixel_inside(page, published.data.model.codes[index])
            r, g, b = shot[y, x]
            return f"#{r:02x}{g:02x}{b:02x}"

        low, none = painted(lowest), painted(zero)
        assert low != none
        assert contrast(low, none) >= MIN_CONTRAST, (low, none)
    finally:
        context.close()


def test_published_map_works_from_a_static_web_server(browser, site):
    folder, _published = site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        prefix = f"http://127.0.0.1:{httpd.server_address[1]}/"
        context, page, guard = _open(browser, prefix + "index.html", prefix, width=390)
        try:
            assert page.locator("path.leaflet-interactive").count() == 581
            page.select_option("#period", "2016")
            assert page.inner_text("#count") == _published.data.model.frame("2016").total
            assert guard.blocked == []
        finally:
            context.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_published_two_measure_analysis_draws_its_map_and_scatter_offline(browser, tmp_path):
    """Issue 20: the Compare view "incidents and foreign fighters" published (what the Downloads
    dialog's "Interactive map (HTML)" zips) opens from a file with no request leaving it: every
    municipality in the model's colours and one point per unit of the scatter."""
    from geo.incidents.filters import Filters
    from geo.maps.views import view_units
    from geo.stats import scatter, views

    rows = table.load_incidents()
    spec = MapSpec(view="belgium", level="municipality", unit="events", filters=Filters(), all_years=(2014, 2017))
    model, pair = views.build(rows, spec, views.Analysis(mode="bivariate", level="municipality"),
                              units=view_units("belgium", level="municipality"))
    drawn = scatter.payload(pair)
    publish.write(publish.build_model(model, scatter=drawn), tmp_path)
    prefix = tmp_path.resolve().as_uri() + "/"
    context, page, guard = _open(browser, prefix + "index.html", prefix)
    try:
        assert page.locator("path.leaflet-interactive").count() == 581
        assert _fills(page, model.codes) == model.colors(model.frames[0])
        assert page.locator(".atlas-scatter circle").count() == len(drawn["points"]) >= 5
        names = page.locator(".atlas-scatter-names text").evaluate_all("ts => ts.map(t => t.textContent)")
        assert "Antwerpen" in names and not page.locator("#period").is_visible()
        assert guard.blocked == []
    finally:
        context.close()
