"""End to end in a real browser, with no network: every page loads, draws its map and shows no
error; the filters in the URL change what the maps show and survive a reload (DESIGN.md §6).

One streamlit server for the session (``tests/support/server.py``); a fresh browser context per test
that aborts and records every request to a host other than localhost. Full-page screenshots go
to ``artifacts/screenshots/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from tests.support.dialogs import open_downloads  # noqa: E402
from tests.support.server import (  # noqa: E402
    ROOT,
    Offline,
    StreamlitServer,
    fills,
    map_frames,
    wait_for_app,
    wait_for_paths,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
VIEWPORT = {"width": 1400, "height": 1000}
MUNICIPALITIES = 581


@dataclass(frozen=True)
class PageSpec:
    name: str
    path: str
    maps: int  # maps on the page
    title: str  # the page's h1


PAGES = [
    PageSpec("overview", "/", 1, "Islamic State"),
    PageSpec("belgium", "/belgium", 1, "Belgium"),
    PageSpec("brussels", "/brussels", 1, "Brussels-Capital Region"),
    PageSpec("charleroi", "/charleroi", 1, "Charleroi"),
    PageSpec("timeline", "/timeline", 1, "Timeline"),
    PageSpec("networks", "/networks", 1, "Networks"),
    PageSpec("report-check", "/report-check", 0, "Report check"),
    PageSpec("data", "/data", 0, "Data"),
]


#: Streamlit's frontend, opened at a page URL such as /belgium, first probes that path as a
#: possible server base path (/belgium/_stcore/health, /belgium/_stcore/host-config), gets a 404
#: and falls back to /_stcore/...: the browser logs those 404s as errors. They are the framework's
#: base-path discovery, not the app's; only exactly these are ignored.
BASE_PATH_PROBE = re.compile(r"status of 404 .*\(https?://(127\.0\.0\.1|localhost):\d+/[\w-]+/_stcore/(health|host-config)\)$")


def ignored(message: str) -> bool:
    return bool(BASE_PATH_PROBE.search(message))


@dataclass
class Watched:
    """A page with its offline guard and what its frames wrote to the console."""

    page: object
    offline: Offline
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        if self.offline.blocked:
            out.append("requests to the network (blocked):\n  " + "\n  ".join(sorted(set(self.offline.blocked))))
        if self.console_errors:
            out.append("browser console errors:\n  " + "\n  ".join(self.console_errors))
        return out


@pytest.fixture(scope="session", autouse=True)
def _incidents_present():
    if not (ROOT / "data" / "incidents.csv").exists():
        pytest.fail("data/incidents.csv is missing: the app cannot start without it")


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    offline = Offline().install(context)
    page = context.new_page()
    w = Watched(page, offline)
    page.on("console", lambda m: w.console_errors.append(f"{m.text} ({m.location.get('url', '')})")
            if m.type == "error" and not ignored(f"{m.text} ({m.location.get('url', '')})") else None)
    page.on("pageerror", lambda e: w.console_errors.append(f"uncaught: {e}"))
    yield w
    context.close()


def open_page(watched: Watched, server, path: str) -> object:
    page = watched.page
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=30_000)
    wait_for_app(page)
    problems = in_app_frame(page)
    assert not problems, f"{path}: " + "; ".join(problems)
    return page


def app_errors(page) -> list[str]:
    """Streamlit exceptions (tracebacks) and st.error boxes shown on the page."""
    found = []
    for sel in ("[data-testid='stException']", "[data-testid='stAlertContentError']"):
        for el in page.query_selector_all(sel):
            found.append(f"{sel}: {el.inner_text()[:600]}")
    return found


def screenshot(page, name: str) -> None:
    """A full-page screenshot. Streamlit scrolls inside its main section, not the document, so the
    viewport is stretched to the content's height for the shot, then put back."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("""() => Math.max(...Array.from(
        document.querySelectorAll("[data-testid='stMain'], [data-testid='stAppViewContainer'], section"),
        e => e.scrollHeight), document.documentElement.scrollHeight)""")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


def city_chips(page) -> list[str]:
    """The values chosen in the sidebar's City multiselect."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']", has_text="City").first
    return [t.get_attribute("aria-label") for t in box.locator("[data-tag]").all()]


def in_app_frame(page) -> list[str]:
    """What is wrong if the page did not run inside app.py's frame (st.navigation + shared sidebar)."""
    out = []
    nav = page.locator("[data-testid='stSidebarNav']").inner_text() if page.locator(
        "[data-testid='stSidebarNav']").count() else ""
    if "Overview" not in nav:
        out.append("the navigation is not app.py's (Streamlit ran the file from pages/ on its own): "
                   + " | ".join(nav.split()))
    if "Filters" not in page.locator("[data-testid='stSidebarUserContent']").inner_text():
        out.append("the sidebar has no Filters")
    return out


def metric(page, label: str) -> int:
    """The value of an st.metric by its label (e.g. the Overview's headline figures)."""
    box = page.locator("[data-testid='stMetric']", has_text=label).first
    return int(re.sub(r"[^\d]", "", box.locator("[data-testid='stMetricValue']").inner_text()))


def area_fills(frame) -> list[str]:
    """Fill colours of the filled shapes (a stray line has fill="none" and is left out)."""
    return [f for f in fills(frame) if f and f != "none"]


# ----------------------------------------------------------------------------- every page
@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_loads_offline_with_its_map(spec: PageSpec, server, watched):
    page = open_page(watched, server, spec.path)
    assert spec.title in page.inner_text("h1")
    counts = []
    for i in range(spec.maps):
        _, n = wait_for_paths(page, index=i)
        counts.append(n)
    assert len(map_frames(page)) == spec.maps
    page.wait_for_timeout(300)  # let late console messages and images arrive
    screenshot(page, spec.name)
    problems = in_app_frame(page) + app_errors(page) + watched.problems()
    assert not problems, (f"{spec.path}: " + "\n".join(problems) + "\n--- server log ---\n"
                          + server.log()[-3000:])
    if spec.maps:
        assert all(n > 0 for n in counts), counts


def test_national_choropleth_draws_every_municipality(server, watched):
    page = open_page(watched, server, "/belgium?level=municipality")
    frame, n = wait_for_paths(page, at_least=MUNICIPALITIES)
    page.wait_for_timeout(200)
    n = frame.evaluate("document.querySelectorAll('path.leaflet-interactive').length")
    assert n == MUNICIPALITIES, f"{n} interactive paths on the municipality map, expected {MUNICIPALITIES}"
    assert not watched.problems(), watched.problems()


def test_a_map_page_loads_no_script_the_reader_has_not_asked_for(server, watched):
    """Issue 24: the exports are drawn in a dialog, when asked; no st.code on a map page (its
    syntax highlighter alone was a 1.5 MB script: Streamlit's chunks after the bundle were about
    2 MB, 0.5 MB without it)."""
    page = open_page(watched, server, "/belgium?level=municipality")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    wait_for_app(page)
    chunks_kb = page.evaluate("""() => {
        const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
        return performance.getEntriesByType('resource')
            .filter(r => new URL(r.name).pathname.startsWith('/static/js/') && r.startTime >= dcl)
            .reduce((kb, r) => kb + r.encodedBodySize / 1024, 0); }""")
    assert chunks_kb < 1024, f"{chunks_kb:.0f} KB of Streamlit's scripts loaded on demand by /belgium"
    assert page.locator("[data-testid='stCode']").count() == 0
    assert page.get_by_role("button", name="Map PNG").count() == 0  # not drawn until asked
    dialog = open_downloads(page)
    dialog.get_by_role("button", name="Map PNG").wait_for(timeout=15_000)
    dialog.get_by_text("Embed the interactive map in a web page").click()
    assert "<iframe" in dialog.get_by_label("HTML to paste").input_value()
    assert page.locator("[data-testid='stCode']").count() == 0
    assert not watched.problems(), watched.problems()


def test_overview_map1_draws_outlines_and_symbols(server, watched):
    page = open_page(watched, server, "/")
    frame, _ = wait_for_paths(page, at_least=MUNICIPALITIES)
    shapes = frame.evaluate("""() => {
        const ps = Array.from(document.querySelectorAll('path.leaflet-interactive'));
        // a CircleMarker is an SVG path drawn as two arcs; outlines are polygons (L and M commands)
        const circles = ps.filter(p => /a/i.test(p.getAttribute('d') || ''));
        return {paths: ps.length, circles: circles.length,
                labels: document.querySelectorAll('.region-count').length};
    }""")
    assert shapes["paths"] - shapes["circles"] >= MUNICIPALITIES, shapes  # the outlines
    assert shapes["circles"] > 0, shapes  # the incident symbols
    assert not watched.problems(), watched.problems()


# ----------------------------------------------------------------------------- filters in the URL
def test_a_shared_link_works_as_the_first_request_of_a_fresh_server(browser):
    """The first visitor after a restart may arrive by a shared link to a page, not by /."""
    with StreamlitServer() as server:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            Offline().install(context)
            page = context.new_page()
            page.goto(server.url + "/belgium?cities=Charleroi", wait_until="domcontentloaded")
            page.wait_for_selector("h1")
            wait_for_app(page)
            wait_for_paths(page)
            screenshot(page, "fresh-server-deep-link")
            problems = in_app_frame(page)
            assert not problems, "\n".join(problems)
            assert city_chips(page) == ["Charleroi"], city_chips(page)
        finally:
            context.close()



def _hover_tooltip(frame, index: int) -> str:
    frame.locator("path.leaflet-interactive").nth(index).dispatch_event("mouseover")
    tip = frame.locator(".leaflet-tooltip").last
    tip.wait_for(state="visible", timeout=5_000)
    return tip.inner_text()


def test_city_filter_in_the_url_changes_the_map_and_survives_a_reload(server, watched):
    page = open_page(watched, server, "/belgium?level=municipality&metric=count")
    frame, _ = wait_for_paths(page, at_least=MUNICIPALITIES)
    everything = Counter(area_fills(frame))
    zero_fill = everything.most_common(1)[0][0]  # most municipalities have no incident
    coloured_all = sum(n for f, n in everything.items() if f != zero_fill)

    page = open_page(watched, server, "/belgium?level=municipality&metric=count&cities=Charleroi")
    frame, _ = wait_for_paths(page, at_least=MUNICIPALITIES)
    only = fills(frame)
    zero_fill = Counter(area_fills(frame)).most_common(1)[0][0]
    coloured = [i for i, f in enumerate(only) if f not in (zero_fill, "none", None)]
    assert len(coloured) == 1, f"{len(coloured)} municipalities coloured with cities=Charleroi, expected 1"
    assert coloured_all > 1, "the unfiltered map should colour more than one municipality"
    assert "Charleroi" in _hover_tooltip(frame, coloured[0])
    chips = city_chips(page)
    assert any("Charleroi" in c for c in chips), chips

    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector("h1")
    wait_for_app(page)
    assert "cities=Charleroi" in page.url, page.url
    frame, _ = wait_for_paths(page, at_least=MUNICIPALITIES)
    assert fills(frame) == only, "a reload with the same URL drew a different map"
    chips = city_chips(page)
    assert any("Charleroi" in c for c in chips), chips
    assert not watched.problems(), watched.problems()


def test_city_filter_changes_the_overview_headline(server, watched):
    page = open_page(watched, server, "/")
    all_sites = metric(page, "Sites")
    page = open_page(watched, server, "/?cities=Charleroi")
    charleroi_sites = metric(page, "Sites")
    assert 0 < charleroi_sites < all_sites, (charleroi_sites, all_sites)
    assert "cities=Charleroi" in page.url
    assert not app_errors(page) and not watched.problems(), app_errors(page) + watched.problems()
