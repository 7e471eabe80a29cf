"""The maps as a user gets them, the old design (st_folium) and today's (a map component that
keeps its geometry and receives values) measured in the same run, on loopback, with every
request to another host blocked.

The old design is the app at :data:`BASELINE` (the last commit with st_folium maps), extracted
with ``git archive`` into a temporary folder and served from there with the same Python, data
loading and boundary file. Today's design runs four times: as configured, without
``gc.freeze()`` after the preload (``geo serve --no-freeze``), with websocket compression
switched the other way from ``.streamlit/config.toml``, and with Streamlit's full garbage
collection after every run (its default, ``runner.postScriptGC``, which the config turns off), so
each setting is measured, not assumed.

For each server, one browser session per figure (fresh contexts):

- **page load** (/belgium, municipalities, counts): websocket bytes + HTTP bodies received, and
  the time to the map drawn.
- **map update** (/belgium): the sidebar's Years slider moved to :data:`UPDATES`' five filter
  states, each new to the page (Streamlit's frontend keeps large messages by hash, so a state
  seen before would cost the old design a reference only): bytes received per update (websocket frames as the browser hands them
  to the page, i.e. uncompressed, plus HTTP bodies), key press → fills changed, and the server's
  CPU time per action (``/proc/<pid>/stat`` before the key and after the run has ended).
- **slider step** (/timeline by year): the Period slider moved one step forward, three times (old: Streamlit's
  select_slider; today: the map's own period slider): key → the new fills on screen, bytes and
  server CPU per step.
- **Play by month** (/timeline, in the period): Play is pressed; every map state on screen is
  recorded at each animation frame until the player stops; counted against the periods whose
  map differs from the one before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The last commit whose maps were st_folium iframes (the parent of the component's commit).
BASELINE = "c9e3735ef9f90801d9c36829d5f6619e8d7fb2dd"
#: (thumb, key) of the Years slider: 2015–17, 2016–17, 2016–16, 2015–16, 2014–16 (each state new)
UPDATES = ((0, "ArrowRight"), (0, "ArrowRight"), (1, "ArrowLeft"), (0, "ArrowLeft"), (0, "ArrowLeft"))
STEPS = 3  # the timeline by year, 2014 → 2015 → 2016 → 2017
STEP_TIMEOUT_MS = 60_000
PLAY_LIMIT_S = 75

CLK_TCK = os.sysconf("SC_CLK_TCK")
TARGETS = {"update_bytes": 20 * 1024, "cpu": 0.08, "step": 0.15}

_OLD_FRAME = "iframe[title*='st_folium']"
# the map's fills (code=fill per polygon, or fill per polygon), in the page or in the old iframe
_FILLS = {
    "old": f"""() => {{ const f = document.querySelector("{_OLD_FRAME}"); const d = f && f.contentDocument;
        if (!d) return ''; return Array.from(d.querySelectorAll('path.leaflet-interactive'),
        p => p.getAttribute('fill')).join(); }}""",
    "new": """() => Array.from(document.querySelectorAll('.atlas-map path[data-code]'),
        p => p.getAttribute('fill')).join()""",
}
_COUNT = {
    "old": f"""() => {{ const f = document.querySelector("{_OLD_FRAME}"); const d = f && f.contentDocument;
        return d ? d.querySelectorAll('path.leaflet-interactive').length : 0; }}""",
    "new": "() => document.querySelectorAll('.atlas-map path[data-code]').length",
}


def baseline_commit() -> str | None:
    """:data:`BASELINE`, if this clone has it."""
    out = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{BASELINE}^{{commit}}"], cwd=ROOT,
                         capture_output=True, text=True)
    return out.stdout.strip() or None


def extract_baseline(target: Path) -> Path | None:
    commit = baseline_commit()
    if commit is None:
        return None
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def compression_default() -> bool:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return bool(config.get("server", {}).get("enableWebsocketCompression", False))


# ----------------------------------------------------------------------------- measuring
class Watch:
    """Bytes the page receives: websocket frames (uncompressed) and HTTP response bodies."""

    def __init__(self, page):
        self.ws: list[bytes] = []
        self.http: list[int] = []
        self.files: list[str] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("requestfinished", self._finished)

    def _frame(self, payload) -> None:
        self.ws.append(payload if isinstance(payload, bytes) else payload.encode())

    def _finished(self, request) -> None:
        with contextlib.suppress(Exception):
            size = request.sizes()["responseBodySize"]
            self.http.append(size)
            self.files.append(request.url)

    def mark(self) -> tuple[int, int]:
        return len(self.ws), len(self.http)

    def since(self, mark: tuple[int, int]) -> dict:
        frames = self.ws[mark[0]:]
        raw = sum(len(f) for f in frames)
        deflate = zlib.compressobj(6, zlib.DEFLATED, -15)  # permessage-deflate: raw deflate, one context
        packed = sum(len(deflate.compress(f) + deflate.flush(zlib.Z_SYNC_FLUSH)) for f in frames)
        http = sum(self.http[mark[1]:])
        return {"ws": raw, "http": http, "total": raw + http, "deflated_ws": packed}


def cpu_seconds(pid: int) -> float:
    """CPU time of the process, threads that have ended included (``/proc/<pid>/stat``, in clock
    ticks of 10 ms: Streamlit runs each script run in a thread of its own, so a per-thread clock
    would miss the runs that have finished)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _context(browser, offline_cls):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    offline = offline_cls().install(context)
    return context, offline


def _open(page, url: str, design: str, at_least: int) -> float:
    from deploy.local import wait_for_app

    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=STEP_TIMEOUT_MS)
    page.wait_for_function(f"(n) => ({_COUNT[design]})() >= n", arg=at_least, polling="raf",
                           timeout=STEP_TIMEOUT_MS)
    took = time.perf_counter() - t0
    wait_for_app(page)
    return took


def _timed_keys(page, watch, presses, design: str, pid: int) -> tuple[list, list, list]:
    """Each (locator, key) of ``presses`` in turn, timed: the seconds to the redrawn map, the
    server's CPU seconds and the payload bytes of each."""
    times, cpus, sizes = [], [], []
    for target, key in presses:
        mark = watch.mark()
        t, cpu = _timed_key(page, target, key, design, pid)
        times.append(t)
        cpus.append(cpu)
        sizes.append(watch.since(mark))
    return times, cpus, sizes


def _timed_key(page, locator, key: str, design: str, pid: int, *, units: int | None = None) -> tuple[float, float]:
    """Press ``key`` on ``locator``; (seconds until the map's fills changed, server CPU seconds
    until the run it caused has ended). With ``units``, the map must also show that many units
    again (a map taken down and mounted anew has no fills for a moment: not yet the new map)."""
    from deploy.local import wait_for_app

    whole = "true" if units is None else f"({_COUNT[design]})() === {int(units)}"
    page.evaluate(f"""() => {{
        window.__bench = {{key: null, drawn: null}};
        const before = ({_FILLS[design]})();
        const tick = () => {{
            if (window.__bench.key !== null && {whole} && ({_FILLS[design]})() !== before) {{
                window.__bench.drawn = performance.now(); return; }}
            requestAnimationFrame(tick);
        }};
        requestAnimationFrame(tick);
    }}""")
    locator.focus()
    cpu0 = cpu_seconds(pid)
    page.evaluate("() => { window.__bench.key = performance.now(); }")
    page.keyboard.press(key)
    page.wait_for_function("() => window.__bench.drawn !== null", polling=20, timeout=STEP_TIMEOUT_MS)
    wait_for_app(page)
    page.wait_for_timeout(100)
    cpu = cpu_seconds(pid) - cpu0
    return page.evaluate("() => (window.__bench.drawn - window.__bench.key) / 1000"), cpu


def measure(server, browser, design: str) -> dict:
    from deploy.local import Offline

    pid = server.proc.pid
    out: dict = {"rss_start": rss_mb(pid)}
    blocked: list[str] = []
    # page load
    context, offline = _context(browser, Offline)
    page = context.new_page()
    watch = Watch(page)
    out["load_time"] = _open(page, server.url + "/belgium?level=municipality", design, 581)
    out["load"] = watch.since((0, 0))
    # map updates: the sidebar's Years slider, every state new to the page (Streamlit's browser
    # keeps large messages by hash: going back to a state seen before costs a reference only)
    thumbs = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input")
    out["update_times"], out["update_cpu"], out["update_sizes"] = _timed_keys(
        page, watch, [(thumbs.nth(thumb), key) for thumb, key in UPDATES], design, pid)
    blocked += offline.blocked
    context.close()
    # timeline steps (by year)
    context, offline = _context(browser, Offline)
    page = context.new_page()
    watch = Watch(page)
    _open(page, server.url + "/timeline?step=year&mode=period", design, 581)
    if design == "old":
        slider = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input").first
    else:
        slider = page.locator(".atlas-map input.atlas-range").first
    out["step_times"], out["step_cpu"], out["step_sizes"] = _timed_keys(
        page, watch, [(slider, "ArrowRight")] * STEPS, design, pid)
    blocked += offline.blocked
    context.close()
    # Play by month
    context, offline = _context(browser, Offline)
    page = context.new_page()
    _open(page, server.url + "/timeline?step=month&mode=period", design, 581)
    out["play"] = _play(page, design)
    blocked += offline.blocked
    context.close()
    out["rss_end"] = rss_mb(pid)
    out["blocked"] = sorted(set(blocked))
    return out


def _play(page, design: str) -> dict:
    """Press Play; record every distinct map state on screen (each animation frame) until the
    player stops or :data:`PLAY_LIMIT_S` passes."""
    page.evaluate(f"""() => {{
        window.__states = [];
        const tick = () => {{
            const f = ({_FILLS[design]})();
            const last = window.__states[window.__states.length - 1];
            if (f && f !== last) window.__states.push(f);
            window.__raf = requestAnimationFrame(tick);
        }};
        tick();
    }}""")
    if design == "old":
        buttons = "Array.from(document.querySelectorAll(\"[data-testid='stMain'] button\"), b => b.innerText)"
        page.locator("[data-testid='stMain'] button", has_text="Play").first.click()
        page.wait_for_function(f"() => {buttons}.some(t => t.includes('Pause'))", timeout=STEP_TIMEOUT_MS)
        done = f"() => !{buttons}.some(t => t.includes('Pause'))"
    else:
        page.locator(".atlas-map button.atlas-play").click()
        done = "() => document.querySelector('.atlas-map').dataset.playing === '0'"
    t0 = time.perf_counter()
    with contextlib.suppress(Exception):
        page.wait_for_function(done, polling=100, timeout=PLAY_LIMIT_S * 1000)
    took = time.perf_counter() - t0
    states = page.evaluate("() => { cancelAnimationFrame(window.__raf); return window.__states.length; }")
    return {"states": states, "seconds": took}


def expected_play_states() -> tuple[int, int]:
    """(periods by month, map states a player must show: the first period, then every period whose
    counts differ from the period before)."""
    from geo.incidents import aggregate, table
    from geo.incidents.filters import Filters

    rows = Filters().apply(table.load_incidents())
    periods = aggregate.count_by_period(rows, period="month", unit="sites").table["period"].tolist()
    wide = aggregate.count_by_unit_and_period(rows, period="month")
    maps = [tuple(sorted((c, int(n)) for c, n in wide[p].items() if n)) if p in wide else () for p in periods]
    return len(periods), 1 + sum(1 for a, b in zip(maps, maps[1:]) if a != b)


# ----------------------------------------------------------------------------- server side
def map_payload() -> dict[str, int]:
    """Bytes of what today's map sends for /belgium's default view (municipalities, counts): the
    update's values (JSON, as mapview builds them) and the geometry file (fetched once)."""
    import json

    from geo.admin import names
    from geo.incidents import aggregate, table
    from geo.incidents.filters import Filters
    from geo.maps import classify, views
    from geo.maps.web import assets
    from geo.maps.web import choropleth as chor

    rows = Filters().apply(table.load_incidents())
    units = views.view_units("belgium", level="municipality", web=True)
    counted = aggregate.count_by_unit(rows, level="municipality", units_frame=units)
    recon = aggregate.count_by_unit(rows[rows["provenance"] == "reconstructed"], level="municipality",
                                    units_frame=units)
    classes = classify.classify(counted.table["count"].tolist())
    frame = chor.frame_values(chor.counts_by_code(counted, units["code"]), chor.counts_by_code(recon, units["code"]),
                              units["population"].to_numpy(float), "count")
    data = chor.payload(frames=[frame], classes=classes, metric="count", unit="sites", title="Incidents (sites)")
    values = len(json.dumps(data, separators=(",", ":")).encode())
    geometry = len(assets.geometry_json(units, list(names.names_of_units(units))))
    return {"values": values, "geometry": geometry, "total": values + geometry}


# ----------------------------------------------------------------------------- entry
def runs() -> list[tuple[str, str, dict]]:
    """(label, design, StreamlitServer keyword arguments) of each server to measure."""
    compress = compression_default()
    flip = ("--server.enableWebsocketCompression", "false" if compress else "true")
    return [
        ("new", "new", {}),
        ("new, no gc.freeze", "new", {"serve_args": ("--no-freeze",)}),
        (f"new, websocket compression {'off' if compress else 'on'}", "new", {"streamlit_args": flip}),
        ("new, gc.collect after every run", "new", {"streamlit_args": ("--runner.postScriptGC", "true")}),
        ("old", "old", {}),
    ]


def browser_figures() -> dict:
    from playwright.sync_api import sync_playwright

    from deploy.local import StreamlitServer, launch_browser
    from geo.admin import boundaries

    results: dict = {}
    env = {"ATLAS_BOUNDARIES": str(boundaries.boundary_file())}
    with tempfile.TemporaryDirectory(prefix="atlas-baseline-") as tmp, sync_playwright() as p:
        base = extract_baseline(Path(tmp))
        browser = launch_browser(p)
        try:
            for label, design, kwargs in runs():
                if design == "old" and base is None:
                    continue
                root = base if design == "old" else ROOT
                print(f"  bench_app: {label}…", file=sys.stderr, flush=True)
                with StreamlitServer(startup_timeout=90, env=env, root=root, **kwargs) as server:
                    try:
                        results[label] = measure(server, browser, design)
                    except Exception:
                        print(server.log()[-4000:], file=sys.stderr)
                        raise
        finally:
            browser.close()
            shutil.rmtree(Path(tmp) / "static", ignore_errors=True)
    return results


def _figure(value, unit: str, target: str = "–", ok: bool | None = None, note: str = "") -> dict:
    return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}


def _med(values) -> float:
    return statistics.median(values) if values else float("nan")


def run() -> dict:
    kb = 1024
    r = browser_figures()
    new, old = r["new"], r.get("old")
    periods, wanted = expected_play_states()

    def side(label: str, fn, fmt: str) -> str:
        parts = []
        for name in (label, "old"):
            if name in r:
                parts.append(f"{'old' if name == 'old' else 'new'} " + fmt.format(fn(r[name])))
        return "; ".join(parts)

    upd = lambda x: _med([s["total"] for s in x["update_sizes"]])  # noqa: E731
    cpu = lambda x: _med(x["update_cpu"] + x["step_cpu"])  # noqa: E731
    figures = {
        "Map update payload, /belgium sidebar filter (median, websocket + HTTP, uncompressed)": _figure(
            upd(new) / kb, "KB", "≤ 20 KB", upd(new) <= TARGETS["update_bytes"],
            side("new", lambda x: upd(x) / kb, "{:.1f} KB") + (
                f" ({upd(old) / upd(new):.0f}× less)" if old else "")
            + f"; deflated as permessage-deflate would: new {_med([s['deflated_ws'] for s in new['update_sizes']]) / kb:.1f} KB"),
        "Timeline step payload (median, websocket + HTTP, uncompressed)": _figure(
            _med([s["total"] for s in new["step_sizes"]]) / kb, "KB", "≤ 20 KB",
            _med([s["total"] for s in new["step_sizes"]]) <= TARGETS["update_bytes"],
            side("new", lambda x: _med([s["total"] for s in x["step_sizes"]]) / kb, "{:.1f} KB")),
        "Server CPU per map action (median of filter changes and timeline steps)": _figure(
            cpu(new), "s", "≤ 0.08 s", cpu(new) <= TARGETS["cpu"],
            "; ".join(f"{k}: {cpu(v):.3f} s (mean {statistics.mean(v['update_cpu'] + v['step_cpu']):.3f} s)"
                      for k, v in r.items()) + "; clock ticks of 10 ms"),
        "Timeline slider step → redrawn map (median)": _figure(
            _med(new["step_times"]), "s", "≤ 0.15 s", _med(new["step_times"]) <= TARGETS["step"],
            side("new", lambda x: _med(x["step_times"]), "{:.3f} s") + " (new: the map's own slider redraws "
            "in the browser; the page below follows after the rerun)"),
        "Sidebar filter change → redrawn map, /belgium (median)": _figure(
            _med(new["update_times"]), "s", "–", None, side("new", lambda x: _med(x["update_times"]), "{:.3f} s")),
        "Play by month: map states drawn / periods with a different map": _figure(
            f"{new['play']['states']} / {wanted}", "", f"{wanted} / {wanted}", new["play"]["states"] >= wanted,
            f"{periods} months; new {new['play']['seconds']:.1f} s"
            + (f"; old drew {old['play']['states']} in {old['play']['seconds']:.0f} s" if old else "")),
        "Page load /belgium: bytes received (websocket + HTTP, uncompressed)": _figure(
            new["load"]["total"] / kb, "KB", "–", None,
            side("new", lambda x: x["load"]["total"] / kb, "{:.0f} KB") + " (new: includes Leaflet, the "
            "component's script and the geometry, fetched once per page life)"),
        "Page load /belgium: goto → map drawn": _figure(
            new["load_time"], "s", "–", None, side("new", lambda x: x["load_time"], "{:.2f} s")),
        "Server memory (RSS) at start → after the run": _figure(
            new["rss_end"], "MB", "–", None,
            "; ".join(f"{k}: {v['rss_start']:.0f} → {v['rss_end']:.0f} MB" for k, v in r.items())),
        "Requests to the network during the runs (blocked)": _figure(
            sum(len(v["blocked"]) for v in r.values()), "", "0", not any(v["blocked"] for v in r.values())),
    }
    if old is None:
        figures["Old design (baseline)"] = _figure("not measured", "", "–", None,
                                                   f"commit {BASELINE[:7]} is not in this clone")
    for v in r.values():
        for url in v["blocked"]:
            print(f"blocked: {url}", file=sys.stderr)
    return figures


if __name__ == "__main__":
    for name, fig in run().items():
        print(f"{name}: {fig['value']} {fig['unit']} (target {fig['target']}) {fig['note']}")
