"""The maps in a real browser with no network (issues 12, 11 and 14): an update restyles the
polygons in place, Play draws every period, a click or the unit picker selects a unit and puts it
in the URL, a shared link selects it again, the keyboard passes the map in a few Tab presses, and
every map says what it is. Screenshots at 1400 and 390 px go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from geo.config import ROOT  # noqa: E402
from geo.incidents.readable import period_text  # noqa: E402
from tests.support.server import MAP, Offline, wait_for_app, wait_for_paths, wait_for_still_map  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = ROOT / "artifacts" / "screenshots"
MUNICIPALITIES = 581
CITY_OF_BRUSSELS = "21004"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    offline = Offline().install(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "_stcore/" not in (
        m.location.get("url", "") + m.text) and "404" not in m.text else None)
    page.atlas_errors = errors
    yield page
    assert not offline.blocked, f"requests left localhost: {sorted(set(offline.blocked))}"
    assert not errors, errors
    context.close()


def goto(page, server, path: str) -> None:
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1")
    wait_for_app(page)


def map_fills(page) -> list[str]:
    return page.evaluate(f"""() => Array.from(document.querySelectorAll("{MAP} path[data-code]"),
        p => p.getAttribute('data-code') + '=' + p.getAttribute('fill'))""")


def picker_text(page) -> str:
    """The unit the map's unit picker shows."""
    return page.locator(f"{MAP} .atlas-picker select").first.evaluate("s => s.options[s.selectedIndex].text")


def drawn(page) -> int:
    return int(page.locator(MAP).first.get_attribute("data-drawn") or 0)


# ----------------------------------------------------------------------------- updates in place
def test_a_filter_change_restyles_the_polygons_in_place(server, page):
    goto(page, server, "/belgium?level=municipality")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    before = map_fills(page)
    assert len(before) == MUNICIPALITIES
    # mark every polygon element and the map: an update must keep them (no new layer, no new map)
    page.evaluate(f"""() => {{
        document.querySelectorAll("{MAP} path[data-code]").forEach(p => {{ p.__old = true; }});
        document.querySelector("{MAP}").__old = true; }}""")
    thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
    thumb.focus()
    page.keyboard.press("ArrowRight")  # years 2015–2017: fewer municipalities coloured
    page.wait_for_function(f"""(before) => Array.from(document.querySelectorAll("{MAP} path[data-code]"),
        p => p.getAttribute('data-code') + '=' + p.getAttribute('fill')).join() !== before""",
                           arg=",".join(before), timeout=20_000)
    wait_for_app(page)
    after = map_fills(page)
    assert after != before and len(after) == MUNICIPALITIES
    kept = page.evaluate(f"""() => {{
        const ps = Array.from(document.querySelectorAll("{MAP} path[data-code]"));
        return {{paths: ps.length, old: ps.filter(p => p.__old).length,
                 map: !!document.querySelector("{MAP}").__old}}; }}""")
    assert kept == {"paths": MUNICIPALITIES, "old": MUNICIPALITIES, "map": True}, kept


def test_the_geometry_is_fetched_once_per_page_life(server, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/app/static/atlas/" in r.url else None)
    goto(page, server, "/belgium")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
    for key in ("ArrowRight", "ArrowLeft"):
        thumb.focus()
        page.keyboard.press(key)
        wait_for_app(page)
    page.get_by_role("link", name="Brussels").first.click()
    wait_for_app(page)
    wait_for_paths(page, at_least=20)
    page.get_by_role("link", name="Belgium").first.click()
    wait_for_app(page)
    wait_for_paths(page, at_least=MUNICIPALITIES)
    geometry = [u for u in requests if u.endswith(".json")]
    assert len([u for u in geometry if "/belgium-municipality-" in u]) == 1, geometry
    assert len([u for u in geometry if "/brussels-municipality-" in u]) == 1, geometry


# ----------------------------------------------------------------------------- the timeline's player
def _expected_monthly_counts() -> list[tuple[str, dict[str, int]]]:
    """(month, {municipality: sites}) from the data, as the Timeline's "in the period" map shows."""
    from geo.incidents import aggregate, table
    from geo.incidents.filters import Filters

    rows = Filters().apply(table.load_incidents())
    periods = aggregate.count_by_period(rows, period="month", unit="sites").table["period"].tolist()
    wide = aggregate.count_by_unit_and_period(rows, period="month")
    return [(p, {c: int(n) for c, n in wide[p].items() if n} if p in wide else {}) for p in periods]


def test_play_draws_every_month_at_a_steady_pace_and_the_page_follows(server, page):
    expected = _expected_monthly_counts()
    goto(page, server, "/timeline?step=month&mode=period")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    page.evaluate(f"""() => {{
        const m = document.querySelector("{MAP}");
        window.__frames = [];
        new MutationObserver(() => {{
            const fills = Array.from(m.querySelectorAll('path[data-code]'),
                                     p => p.getAttribute('data-code') + '=' + p.getAttribute('fill')).join();
            window.__frames.push({{frame: Number(m.dataset.frame), at: performance.now(), fills}});
        }}).observe(m, {{attributes: true, attributeFilter: ['data-drawn']}});
    }}""")
    page.get_by_role("button", name="Play").click()
    page.wait_for_function(f"""() => document.querySelector("{MAP}").dataset.playing === '0'""",
                           timeout=(len(expected) + 10) * 1000)
    frames = page.evaluate("window.__frames")
    shown = [f["frame"] for f in frames]
    assert shown == list(range(1, len(expected))), shown  # every period, in order, each once
    gaps = sorted(b["at"] - a["at"] for a, b in zip(frames, frames[1:]))
    assert gaps[len(gaps) // 2] <= 500, gaps  # at least 2 frames a second
    # every period whose counts differ from the one before is a different map
    fills = [None, *[f["fills"] for f in frames]]
    for i in range(1, len(expected)):
        if expected[i][1] != expected[i - 1][1]:
            previous = fills[i - 1] if i > 1 else None
            assert previous is None or fills[i] != previous, f"{expected[i][0]} was drawn like the month before"
    # the player stopped at the last period; the page below it follows
    wait_for_app(page)
    last = period_text(expected[-1][0])  # "October 2017": the map and the page say the month in words
    page.wait_for_function(f"""(p) => document.querySelector("{MAP} .atlas-legend-title").textContent.includes(p)""",
                           arg=last)
    assert page.locator("[data-testid='stMain']").get_by_text(f"Incident sites in {last}").count() >= 1


def test_pause_keeps_the_frame_and_play_resumes_from_it(server, page):
    goto(page, server, "/timeline?step=month&mode=cumulative")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    play = page.locator(f"{MAP} button.atlas-play")
    play.click()
    page.wait_for_function(f"""() => Number(document.querySelector("{MAP}").dataset.frame) >= 3""")
    play.click()  # pause
    stopped = int(page.locator(MAP).get_attribute("data-frame"))
    page.wait_for_timeout(1200)
    assert int(page.locator(MAP).get_attribute("data-frame")) == stopped
    wait_for_app(page)  # the page took the period it stopped at
    play.click()  # resume
    page.wait_for_function(f"""(s) => Number(document.querySelector("{MAP}").dataset.frame) === s + 1""",
                           arg=stopped, timeout=5_000)
    play.click()


# ----------------------------------------------------------------------------- selecting a unit
def test_a_click_selects_the_unit_into_the_url_and_a_shared_link_selects_it_again(server, page):
    goto(page, server, "/belgium?level=municipality")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    page.locator(f"{MAP} path[data-code='{CITY_OF_BRUSSELS}']").dispatch_event("click")
    page.wait_for_function(f"() => location.search.includes('unit={CITY_OF_BRUSSELS}')")
    wait_for_app(page)
    assert page.locator(f"{MAP} path[data-code='{CITY_OF_BRUSSELS}']").get_attribute("stroke-width") == "2.5"
    assert "Bruxelles" in picker_text(page) or "Brussel" in picker_text(page)
    shared = page.url
    page.goto("about:blank")
    page.goto(shared, wait_until="domcontentloaded")
    page.wait_for_selector("h1")
    wait_for_app(page)
    wait_for_paths(page, at_least=MUNICIPALITIES)
    page.wait_for_function(f"""() => document.querySelector("{MAP} path[data-code='{CITY_OF_BRUSSELS}']")
        .getAttribute('stroke-width') === '2.5'""")
    assert "Bruxelles" in picker_text(page) or "Brussel" in picker_text(page)


def test_a_picked_unit_is_brought_into_view_and_outlined_in_its_own_colour(server, page):
    """Issue 22: at national scale a picked municipality was a dark blob; now the map zooms to it
    and draws a white halo and a dark line around it, over its own class colour."""
    goto(page, server, "/belgium?level=municipality")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    unit = page.locator(f"{MAP} path[data-code='{CITY_OF_BRUSSELS}']")
    fill, before = unit.get_attribute("fill"), unit.bounding_box()
    unit.dispatch_event("click")
    page.wait_for_function(f"() => location.search.includes('unit={CITY_OF_BRUSSELS}')")
    wait_for_app(page)
    after = unit.bounding_box()
    assert after["width"] > 2 * before["width"] and after["width"] >= 60, (before, after)
    assert unit.get_attribute("fill") == fill  # the class colour stays
    halo = page.locator(f"{MAP} path:not(.leaflet-interactive)[stroke='#ffffff']")
    assert halo.count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "belgium-picked-unit-1400.png"))


def test_a_map_whose_geometry_cannot_load_says_so(server, page):
    page.route("**/static/atlas/belgium-municipality-*.json", lambda route: route.fulfill(status=500, body="no"))
    goto(page, server, "/belgium?level=municipality")
    message = page.locator(f"{MAP} .atlas-message")
    message.wait_for(state="visible", timeout=20_000)
    assert "could not be loaded" in message.inner_text()
    assert page.locator(f"{MAP} path[data-code]").count() == 0
    page.atlas_errors.clear()  # the refused file is logged by the browser; that is the point here


def test_the_unit_picker_selects_like_a_click(server, page):
    goto(page, server, "/brussels")
    wait_for_paths(page, at_least=19)
    picker = page.locator(f"{MAP} .atlas-picker")
    assert "Show the incidents of" in picker.inner_text()
    picker.locator("select").select_option(label="Schaerbeek / Schaarbeek")
    page.wait_for_function("() => location.search.includes('unit=21015')")
    wait_for_app(page)
    page.wait_for_function(f"""() => document.querySelector("{MAP} path[data-code='21015']")
        .getAttribute('stroke-width') === '2.5'""")


# ----------------------------------------------------------------------------- keyboard and readers
@pytest.mark.parametrize("path", ["/belgium", "/", "/timeline"])
def test_the_keyboard_passes_the_map_in_at_most_20_tabs(server, page, path):
    goto(page, server, path)
    wait_for_paths(page)
    # start on the last focusable element before the map
    page.evaluate(f"""() => {{
        const m = document.querySelector("{MAP}");
        const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
            .filter(e => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null);
        const before = all.filter(e => m.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
        before[before.length - 1].focus();
    }}""")
    tabs, inside, seen = 0, 0, False
    while tabs < 60:
        page.keyboard.press("Tab")
        tabs += 1
        where = page.evaluate(f"""() => {{
            const m = document.querySelector("{MAP}"), a = document.activeElement;
            return m.contains(a) ? 'in' : (m.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before');
        }}""")
        if where == "in":
            seen = True
            inside += 1
            if inside == 1:  # focus is visible on the first stop in the map
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline not in ("", "none"), outline
        elif where == "after" and seen:
            break
    assert seen, "the map took no focus at all"
    assert tabs <= 20, f"{tabs} Tab presses to get past the map on {path}"


@pytest.mark.parametrize("path", ["/", "/belgium", "/brussels", "/charleroi", "/timeline", "/networks"])
def test_every_map_is_named_and_summarised_and_looks_right_at_1400_and_390(server, page, path):
    goto(page, server, path)
    wait_for_paths(page)
    label = page.locator(MAP).first.get_attribute("aria-label")
    assert label and label.startswith("Map"), label
    assert page.locator(f"{MAP} .leaflet-container").get_attribute("aria-label") == label
    captions = page.locator("[data-testid='stCaptionContainer']").all_inner_texts()
    leads = ("Largest counts", "Most sites", "No incident on this map", "No symbol on this map")
    assert any(lead in c for c in captions for lead in leads), f"no text summary beside the map: {captions}"
    name = path.strip("/") or "overview"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    page.locator(MAP).first.screenshot(path=str(SHOTS / f"map-{name}-1400.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(600)
    page.screenshot(path=str(SHOTS / f"map-{name}-390.png"))
    width = page.locator(f"{MAP} .leaflet-container").bounding_box()["width"]
    assert width <= 390, width
    # region count boxes (Map 1) stay inside the map on a phone too (they are placed again on a new size)
    outside = page.evaluate(f"""() => {{
        const c = document.querySelector("{MAP} .leaflet-container").getBoundingClientRect();
        return Array.from(document.querySelectorAll("{MAP} .atlas-box-anchor .region-count"), b => {{
            const r = b.getBoundingClientRect();
            return (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1)
                ? b.innerText : null;
        }}).filter(Boolean);
    }}""")
    assert not outside, f"region boxes hang outside the map at 390 px: {outside}"


def test_tooltips_wrap_and_show_no_internal_note(server, page):
    goto(page, server, "/")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    symbols = page.locator(f"{MAP} path[data-symbol]")
    assert symbols.count() > 0
    texts = []
    for i in range(symbols.count()):
        symbols.nth(i).dispatch_event("mouseover")
        tip = page.locator(".leaflet-tooltip.atlas-tip").last
        tip.wait_for(state="visible", timeout=5_000)
        texts.append(tip.inner_text())
        style = tip.evaluate("e => [getComputedStyle(e).whiteSpace, e.getBoundingClientRect().width <= 330]")
        assert style == ["normal", True], style  # wraps, at most 300 px of text wide
        symbols.nth(i).dispatch_event("mouseout")
    assert not [t for t in texts if "n_arrested" in t or "…" in t], texts
    hollow = page.locator(f"{MAP} path[data-symbol='reconstructed']")
    assert hollow.count() > 0 and hollow.first.get_attribute("fill") == "#ffffff"


@pytest.mark.parametrize(("path", "fits"), [
    ("/belgium", [("21004", "11002"), ("62063", "63023")]),          # the whole country
    ("/brussels", [("21004", "23094"), ("21009", "21012")]),         # the region and Zaventem
    ("/charleroi", [("52011", "52021")]),                            # the arrondissement
])
def test_each_map_opens_fitted_to_its_view(server, page, path, fits):
    """The view's units fill the map (a map fitted before it was laid out opened at the least zoom:
    Brussels drawn as a speck on a national map)."""
    goto(page, server, path)
    wait_for_paths(page, at_least=2)
    codes = [c for pair in fits for c in pair]
    # the share of the map the units' bounding box spans, once the map has settled
    page.wait_for_function(f"""(codes) => {{
        const box = document.querySelector("{MAP} .leaflet-container").getBoundingClientRect();
        const rects = codes.map(c => document.querySelector("{MAP} path[data-code='" + c + "']"));
        if (rects.some(r => !r)) return false;
        const rs = rects.map(r => r.getBoundingClientRect());
        const xs = rs.flatMap(r => [r.left, r.right]), ys = rs.flatMap(r => [r.top, r.bottom]);
        return Math.max((Math.max(...xs) - Math.min(...xs)) / box.width,
                        (Math.max(...ys) - Math.min(...ys)) / box.height) > 0.35;
    }}""", arg=codes, timeout=15_000)


@pytest.mark.parametrize("palette", ["YlOrRd", "Blues", "PuBu", "Purples"])
def test_lowest_class_stands_out_from_no_incident_as_painted(server, page, palette):
    """Issue 14: the colours on screen (opacity included), not only the palette, keep the lowest
    class at a contrast of at least 2:1 against "no incident"."""
    import io

    import numpy as np
    from PIL import Image

    from geo.maps.classify import MIN_CONTRAST, contrast

    goto(page, server, f"/belgium?level=municipality&palette={palette}")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    page.mouse.move(0, 0)
    wait_for_still_map(page)
    points = page.evaluate("""() => {
        let m = null;
        document.querySelectorAll('*').forEach(e => { if (e.__atlasMap) m = e.__atlasMap; });
        const inside = (i) => {
            const path = m.paths[i].getElement(), r = path.getBoundingClientRect();
            for (let fy = 0.3; fy <= 0.7; fy += 0.1) for (let fx = 0.3; fx <= 0.7; fx += 0.1) {
                const x = r.left + fx * r.width, y = r.top + fy * r.height;
                if (document.elementFromPoint(x, y) === path) return [Math.round(x), Math.round(y)];
            }
            return null;
        };
        const pick = (test) => {
            for (let i = 0; i < m.paths.length; i++) {
                const [k, flags] = m.values(i);
                if (test(k, flags)) { const at = inside(i); if (at) return at; }
            }
            return null;
        };
        return [pick((k, f) => k === 1 && f === 0), pick((k, f) => k === 0)];
    }""")
    assert points[0] and points[1], points
    raw = page.screenshot()
    shot = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"))
    low, none = ("#" + "".join(f"{int(v):02x}" for v in shot[y, x][:3]) for x, y in points)
    assert contrast(low, none) >= MIN_CONTRAST, (low, none)


def test_a_map_out_of_the_layout_for_a_moment_is_not_fitted_again(server, page):
    """Streamlit takes an element out of the layout for a frame while a rerun rearranges the page
    (seen on Belgium's switch from hot spots back to rates). The map must not fit itself to a box
    of no size and back, projecting all 581 municipalities twice: the same view, no view reset."""
    goto(page, server, "/belgium?level=municipality")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    wait_for_still_map(page)
    before, after = page.evaluate("""async () => {
        let m = null;
        document.querySelectorAll('*').forEach(e => { if (e.__atlasMap) m = e.__atlasMap; });
        const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        const view = () => [m.map.getZoom(), m.map.getCenter().lat, m.map.getCenter().lng, window.__resets || 0];
        window.__resets = 0;
        m.map.on('viewreset zoomend', () => { window.__resets += 1; });
        const was = view();
        const box = m.root.closest('[data-testid="stElementContainer"]') || m.root;
        box.style.display = 'none';
        await frame();
        box.style.display = '';
        await frame();
        await frame();
        return [was, view()];
    }""")
    assert after == before
