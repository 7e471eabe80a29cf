"""The app as a user gets it: payload of the national map, slider-to-redraw time, cold start.

Everything runs on loopback with a fixed number of iterations and hard timeouts:

- **payload (server side)**: the arguments ``st_folium`` sends for the national map (/belgium,
  municipality level, counts), built from the same objects the page builds, as JSON bytes; and the
  data layer alone (``feature_group``).
- **payload (browser)**: the bytes of every websocket frame the browser receives while /belgium
  loads in a fresh session (the map is most of it; the rest is the page's other elements).
- **slider → redrawn map**: on /timeline (by year), the Period slider is moved with the keyboard
  (ArrowRight/ArrowLeft on its thumb); the time runs from the key press to the moment the new
  data layer's polygons are in the map's iframe (every old polygon gone, all new ones drawn).
  Median over the changes; the websocket bytes of each change too.
- **cold start**: process start → ``/_stcore/health`` answers; then page.goto → the first map's
  polygons drawn, for the first visitor of the fresh server (at /), and for /belgium in a new
  session of the warm server (median of 3).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MUNICIPALITIES = 581
SLIDER_CHANGES = 9  # back and forth over 2014–2017 on the yearly timeline
WARM_LOADS = 3
STEP_TIMEOUT_MS = 20_000

TARGETS = {
    "payload": 600 * 1024,  # bytes
    "slider": 0.5,  # seconds
    "first_map": 4.0,  # seconds after the server is up
}

# In the page: true once the first st_folium iframe holds at least n interactive paths.
_MAP_DRAWN = """(n) => {
    const f = document.querySelector("iframe[title*='st_folium']");
    const d = f && f.contentDocument;
    return !!d && d.querySelectorAll('path.leaflet-interactive').length >= n;
}"""


# ----------------------------------------------------------------------------- server side
def map_payload() -> dict[str, int]:
    """The JSON size of what st_folium sends for /belgium's default view (the same objects the
    page builds: constant base map + choropleth layer of every municipality)."""
    import streamlit_folium

    from geo.incidents import aggregate, table
    from geo.incidents.filters import Filters
    from geo.maps import classify, views, web

    rows = Filters().apply(table.load_incidents())
    units = views.view_units("belgium", level="municipality", web=True)
    counted = aggregate.count_by_unit(rows, level="municipality", units_frame=units)
    classes = classify.classify(counted.table["count"].tolist(), scheme="FisherJenks", integer=True)
    base = web.base_map("belgium")
    layer = web.choropleth_layer(units, counted, classes, metric="count")

    captured: dict = {}

    def capture(**kwargs):
        captured.update(kwargs)
        return None

    original = streamlit_folium._component_func
    streamlit_folium._component_func = capture
    try:
        streamlit_folium.st_folium(base, key="belgium_map", height=620, use_container_width=True,
                                   feature_group_to_add=layer, returned_objects=["last_active_drawing"])
    finally:
        streamlit_folium._component_func = original
    captured.pop("on_change", None)

    def size(value) -> int:
        return len(json.dumps(value, separators=(",", ":")).encode())

    return {
        "total": size(captured),
        "script": size(captured.get("script")),
        "feature_group": size(captured.get("feature_group")),
        "header_html": size(captured.get("header")) + size(captured.get("html")),
    }


# ----------------------------------------------------------------------------- browser side
class _Frames:
    """Sizes of the websocket frames the browser receives."""

    def __init__(self, page):
        self.sizes: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._add))

    def _add(self, payload) -> None:
        self.sizes.append(len(payload))

    def mark(self) -> int:
        return len(self.sizes)

    def since(self, mark: int) -> tuple[int, int]:
        part = self.sizes[mark:]
        return sum(part), max(part, default=0)


def _new_page(browser, offline_cls):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    offline = offline_cls().install(context)
    return context, context.new_page(), offline


def _load_until_map(page, url: str) -> float:
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=STEP_TIMEOUT_MS)
    page.wait_for_function(_MAP_DRAWN, arg=1, polling="raf", timeout=STEP_TIMEOUT_MS)
    return time.perf_counter() - t0


def _slider_changes(page, frames: _Frames, n: int) -> tuple[list[float], list[int]]:
    """Move the Period slider n times; the time from key press to the new layer drawn."""
    from tests.support.server import wait_for_app

    thumb = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input[type='range']").first
    maximum = int(thumb.get_attribute("max"))
    times, sizes = [], []
    position = int(thumb.get_attribute("value"))
    direction = 1
    page.evaluate("""() => {
        window.__atlas = {key: null, drawn: null};
        document.addEventListener('keydown', () => { window.__atlas.key = performance.now(); }, true);
    }""")
    for _ in range(n):
        if not 0 <= position + direction <= maximum:
            direction = -direction
        # Mark the polygons drawn now; watch (each animation frame) for a full new set.
        page.evaluate("""(n) => {
            window.__atlas.drawn = null;
            const f = document.querySelector("iframe[title*='st_folium']");
            const doc = f.contentDocument, win = f.contentWindow;
            doc.querySelectorAll('path.leaflet-interactive').forEach(p => { p.__atlasOld = true; });
            const tick = () => {
                const ps = doc.querySelectorAll('path.leaflet-interactive');
                let fresh = ps.length >= n;
                for (const p of ps) { if (p.__atlasOld) { fresh = false; break; } }
                if (fresh) { window.__atlas.drawn = performance.now(); } else { win.requestAnimationFrame(tick); }
            };
            win.requestAnimationFrame(tick);
        }""", MUNICIPALITIES)
        mark = frames.mark()
        thumb.focus()
        page.keyboard.press("ArrowRight" if direction > 0 else "ArrowLeft")
        position += direction
        page.wait_for_function("() => window.__atlas.drawn !== null", polling=50, timeout=STEP_TIMEOUT_MS)
        wait_for_app(page)
        times.append(page.evaluate("() => (window.__atlas.drawn - window.__atlas.key) / 1000"))
        sizes.append(frames.since(mark)[0])
    return times, sizes


def browser_figures() -> dict:
    from playwright.sync_api import sync_playwright

    from tests.support.server import Offline, StreamlitServer, launch_browser, wait_for_app

    out: dict = {}
    blocked: list[str] = []
    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            with StreamlitServer(startup_timeout=60) as server:
                out["healthy"] = server.healthy_after
                # The first visitor of the fresh server, at the entry page.
                context, page, offline = _new_page(browser, Offline)
                out["first_map_cold"] = _load_until_map(page, server.url + "/")
                wait_for_app(page)
                blocked += offline.blocked
                context.close()
                # /belgium in new sessions of the warm server, with the websocket bytes.
                loads, ws_total, ws_largest = [], [], []
                for _ in range(WARM_LOADS):
                    context, page, offline = _new_page(browser, Offline)
                    frames = _Frames(page)
                    t0 = time.perf_counter()
                    page.goto(server.url + "/belgium", wait_until="commit", timeout=STEP_TIMEOUT_MS)
                    page.wait_for_function(_MAP_DRAWN, arg=MUNICIPALITIES, polling="raf",
                                           timeout=STEP_TIMEOUT_MS)
                    loads.append(time.perf_counter() - t0)
                    wait_for_app(page)
                    total, largest = frames.since(0)
                    ws_total.append(total)
                    ws_largest.append(largest)
                    blocked += offline.blocked
                    context.close()
                out["first_map_warm"] = statistics.median(loads)
                out["ws_total"] = statistics.median(ws_total)
                out["ws_largest"] = statistics.median(ws_largest)
                # The timeline's Period slider.
                context, page, offline = _new_page(browser, Offline)
                frames = _Frames(page)
                page.goto(server.url + "/timeline?step=year&mode=period", timeout=STEP_TIMEOUT_MS)
                page.wait_for_function(_MAP_DRAWN, arg=MUNICIPALITIES, polling="raf", timeout=STEP_TIMEOUT_MS)
                wait_for_app(page)
                times, sizes = _slider_changes(page, frames, SLIDER_CHANGES)
                out["slider_times"] = times
                out["slider_bytes"] = sizes
                blocked += offline.blocked
                context.close()
        finally:
            browser.close()
    out["blocked"] = sorted(set(blocked))
    return out


# ----------------------------------------------------------------------------- entry
def _figure(value, unit: str, target: str, ok: bool | None = None, note: str = "") -> dict:
    return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}


def run() -> dict:
    kb = 1024
    payload = map_payload()
    b = browser_figures()
    slider = statistics.median(b["slider_times"])
    figures = {
        "National map payload, st_folium arguments (server side)": _figure(
            payload["total"] / kb, "KB", "< 600 KB", payload["total"] < TARGETS["payload"],
            f"script {payload['script'] / kb:.0f} KB, data layer {payload['feature_group'] / kb:.0f} KB"),
        "National map page load, websocket bytes received (browser)": _figure(
            b["ws_total"] / kb, "KB", "< 600 KB", b["ws_total"] < TARGETS["payload"],
            f"largest frame {b['ws_largest'] / kb:.0f} KB; median of {WARM_LOADS} fresh sessions"),
        "Slider change → redrawn map, /timeline (median)": _figure(
            slider, "s", "< 0.5 s", slider < TARGETS["slider"],
            f"{len(b['slider_times'])} changes: " + ", ".join(f"{t:.2f}" for t in b["slider_times"])
            + f"; {statistics.median(b['slider_bytes']) / kb:.0f} KB over the websocket per change"),
        "Cold start: process start → server healthy": _figure(b["healthy"], "s", "–"),
        "Cold start: goto / → Map 1 drawn (first visitor, fresh server)": _figure(
            b["first_map_cold"], "s", "< 4 s", b["first_map_cold"] < TARGETS["first_map"]),
        "Warm server: goto /belgium → 581 polygons drawn (new session, median)": _figure(
            b["first_map_warm"], "s", "< 4 s", b["first_map_warm"] < TARGETS["first_map"],
            f"median of {WARM_LOADS}"),
        "Requests to the network during the runs (blocked)": _figure(
            len(b["blocked"]), "", "0", not b["blocked"]),
    }
    for url in b["blocked"]:  # shown on the console only, never written into a file
        print(f"blocked: {url}", file=sys.stderr)
    return figures


if __name__ == "__main__":
    for name, fig in run().items():
        print(f"{name}: {fig['value']:.3f} {fig['unit']} (target {fig['target']}) {fig['note']}")
