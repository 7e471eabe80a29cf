"""A reader's first visit and the page's own controls, on loopback, every other host blocked.

Servers measured in the same run (the machine is shared: only ratios of one run are compared):

- **today**: this tree (``python -m geo serve``);
- **before**: the app at :data:`BEFORE` (the commit before the page was made lighter: exports in a
  dialog, the map's controls in a fragment, no ``st.code``), extracted with ``git archive``;
- **old design**: the app at ``bench_app.BASELINE`` (st_folium maps), first visits only;
- **one line**: a Streamlit app of one line (``st.write``), what Streamlit's frontend costs alone.

Figures (medians; each visit in a fresh browser context, so nothing is cached; the targets visited
in turn, round after round, so a busy moment of the machine falls on all of them):

- **first visit**: navigation start → /belgium's 581 polygons drawn; → /data's table drawn (its
  canvas attached); → the one-line app's text shown; → the old design's 581 polygons.
- **sidebar filter change → redrawn map** (/belgium): the Years slider moved with the keyboard
  through the states of ``bench_app.UPDATES``; key press → new fills on screen.
- **page control change → redrawn map** (/belgium): the Metric radio moved with the arrow keys
  (counts → per 100,000 → … ); key press → new fills on screen.

The first visits of /belgium are also cut into phases (Navigation and Resource Timing: Streamlit's
bundle, its element chunks, the map's files and geometry, the drawing), today against before; that
table goes to docs/PERFORMANCE.md between ``<!-- visit:start -->`` and ``<!-- visit:end -->``.
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
from pathlib import Path

from bench._doc import update_section
from bench.bench_app import _COUNT, UPDATES, Watch, _context, _timed_keys, extract_baseline

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- visit:start -->", "<!-- visit:end -->"
#: The commit measured as "before" (the last one with exports and the embed snippet under every map).
BEFORE = "1760f586f364037219e105653e71268576549ad7"
ROUNDS = 5
CONTROL_CONTEXTS = 3  # fresh pages per server for the filter and control changes
METRIC_PRESSES = 3
TIMEOUT_MS = 60_000
ONE_LINE = 'import streamlit as st\n\nst.write("One line of Streamlit.")\n'
TARGETS = {"first_visit_vs_data": 1.15, "filter": 0.8, "control": 0.7}

#: What "drawn" means for each kind of page (a JavaScript predicate on the document).
DRAWN = {
    "map": f"() => ({_COUNT['new']})() >= 581",
    "old": f"() => ({_COUNT['old']})() >= 581",
    "data": "() => !!document.querySelector(\"[data-testid='stDataFrame'] canvas\")",
    "oneline": "() => Array.from(document.querySelectorAll(\"[data-testid='stMarkdown']\"))"
               ".some(e => e.innerText.includes('One line'))",
}


def resolve(commit: str) -> str | None:
    out = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}"], cwd=ROOT,
                         capture_output=True, text=True)
    return out.stdout.strip() or None


def extract(commit: str, target: Path) -> Path | None:
    """The tree of ``commit`` in ``target``, with this tree's compiled catalogs (git-ignored)."""
    found = resolve(commit)
    if found is None:
        return None
    archive = subprocess.run(["git", "archive", found], cwd=ROOT, capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    for mo in (ROOT / "geo" / "locale").glob("*/LC_MESSAGES/*.mo"):
        dest = target / mo.relative_to(ROOT)
        if dest.parent.exists():
            shutil.copy2(mo, dest)
    return target


def one_line_server_class():
    from deploy.local import StreamlitServer

    class OneLineServer(StreamlitServer):
        """``streamlit run`` of a one-line script in ``root`` (no app, no data)."""

        def command(self) -> list[str]:
            return [sys.executable, "-m", "streamlit", "run", "one_line.py", "--server.headless", "true",
                    "--server.port", str(self.port), "--server.address", "127.0.0.1",
                    "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]

    return OneLineServer


#: Where a first visit's time goes, read from the page's Navigation and Resource Timing entries:
#: Streamlit's own files (``/static/``) fetched before DOMContentLoaded are its bundle, after it the
#: element chunks it loads on demand; the app's static files (``/app/static/``) are the map's
#: (Leaflet, the component's script and style) and its geometry (``.json``). Sizes are bodies as
#: sent (this server does not compress them).
_PHASES = """(drawnAt) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const dcl = nav.domContentLoadedEventEnd;
    const out = {dcl: dcl, drawn: drawnAt, bundle_kb: 0, chunks_kb: 0, chunks_end: dcl, map_kb: 0,
                 map_end: 0, geometry_kb: 0, geometry_start: 0, geometry_end: 0, html_kb: nav.encodedBodySize / 1024};
    for (const r of performance.getEntriesByType('resource')) {
        const path = new URL(r.name).pathname, kb = r.encodedBodySize / 1024;
        if (path.includes('/app/static/')) {
            if (path.endsWith('.json')) {
                out.geometry_kb += kb; out.geometry_start = r.startTime; out.geometry_end = r.responseEnd;
            } else { out.map_kb += kb; out.map_end = Math.max(out.map_end, r.responseEnd); }
        } else if (path.startsWith('/static/')) {
            if (r.startTime < dcl) out.bundle_kb += kb;
            else { out.chunks_kb += kb; out.chunks_end = Math.max(out.chunks_end, r.responseEnd); }
        }
    }
    return out;
}"""


def first_visit(browser, url: str, drawn: str, phases: list | None = None) -> float:
    """Seconds from navigation start to ``drawn`` holding, in a fresh context; with ``phases``, the
    page's timings (:data:`_PHASES`, milliseconds and KB) are appended to it."""
    from deploy.local import Offline

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    Offline().install(context)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        # performance.now() counts from the navigation's start
        done = page.wait_for_function(f"() => ({drawn})() && performance.now()", polling="raf", timeout=TIMEOUT_MS)
        at = done.json_value()
        if phases is not None:
            phases.append(page.evaluate(_PHASES, at))
        return at / 1000
    finally:
        context.close()


def controls(browser, server) -> dict:
    """Sidebar filter changes and Metric changes on /belgium, key press → new fills, in fresh pages."""
    from bench.bench_app import _open
    from deploy.local import Offline, wait_for_app

    out = {"filter": [], "control": []}
    pid = server.proc.pid
    context, _offline = _context(browser, Offline)
    try:
        page = context.new_page()
        watch = Watch(page)
        _open(page, server.url + "/belgium?level=municipality", "new", 581)
        thumbs = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input")
        times, _cpu, _sizes = _timed_keys(page, watch, [(thumbs.nth(t), k) for t, k in UPDATES], "new", pid)
        out["filter"] += times
        radio = page.locator("[data-testid='stMain'] [data-testid='stRadio']").filter(has_text="Metric")
        for i in range(METRIC_PRESSES):  # counts ↔ rates (the next option, Hot spots, is another analysis)
            wait_for_app(page)
            checked = radio.locator("input[type=radio]:checked").first
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
            times, _cpu, _sizes = _timed_keys(page, watch, [(checked, key)], "new", pid)
            out["control"] += times
    finally:
        context.close()
    return out


def measure(browser, servers: dict) -> dict:
    visits = {
        "belgium": (servers.get("today"), "/belgium?level=municipality", "map"),
        "data": (servers.get("today"), "/data", "data"),
        "belgium_before": (servers.get("before"), "/belgium?level=municipality", "map"),
        "data_before": (servers.get("before"), "/data", "data"),
        "old": (servers.get("old"), "/belgium?level=municipality", "old"),
        "oneline": (servers.get("oneline"), "/", "oneline"),
    }
    visits = {k: v for k, v in visits.items() if v[0] is not None}
    out: dict = {k: [] for k in visits}
    out["failed"] = []
    out["phases"] = {"belgium": [], "belgium_before": []}
    for r in range(ROUNDS + 1):  # round 0 warms up: each server's first session, not counted
        order = list(visits)
        order = order[r % len(order):] + order[: r % len(order)]  # rotate who goes first
        for name in order:
            server, path, kind = visits[name]
            try:
                took = first_visit(browser, server.url + path, DRAWN[kind],
                                   out["phases"].get(name) if r else None)
            except Exception as exc:  # noqa: BLE001 (a timeout is a result: counted, reported)
                out["failed"].append(f"{name}: {str(exc).splitlines()[0][:120]}")
                print(f"  bench_visit: {name} failed: {exc}", file=sys.stderr, flush=True)
                continue
            if r:
                out[name].append(took)
    for side in ("today", "before"):
        out[f"filter_{side}"], out[f"control_{side}"] = [], []
    for _ in range(CONTROL_CONTEXTS):
        for side in ("before", "today"):
            if side in servers:
                got = controls(browser, servers[side])
                out[f"filter_{side}"] += got["filter"]
                out[f"control_{side}"] += got["control"]
    return out


def browser_runs() -> tuple[dict, str]:
    from playwright.sync_api import sync_playwright

    from deploy.local import StreamlitServer, launch_browser
    from geo.admin import boundaries

    env = {"ATLAS_BOUNDARIES": str(boundaries.boundary_file())}
    with tempfile.TemporaryDirectory(prefix="atlas-visit-") as tmp, sync_playwright() as p, \
            contextlib.ExitStack() as stack:
        tmp = Path(tmp)
        servers = {"today": stack.enter_context(StreamlitServer(startup_timeout=120, env=env))}
        before = extract(BEFORE, tmp / "before")
        if before is not None:
            servers["before"] = stack.enter_context(StreamlitServer(startup_timeout=120, env=env, root=before))
        (tmp / "old").mkdir()
        old = extract_baseline(tmp / "old")
        if old is not None:
            servers["old"] = stack.enter_context(StreamlitServer(startup_timeout=120, env=env, root=old))
        (tmp / "oneline").mkdir()
        (tmp / "oneline" / "one_line.py").write_text(ONE_LINE, encoding="utf-8")
        servers["oneline"] = stack.enter_context(one_line_server_class()(startup_timeout=60, root=tmp / "oneline"))
        with open("/proc/loadavg", encoding="ascii") as fh:
            load = fh.read().split()[0]
        browser = launch_browser(p)
        try:
            return measure(browser, servers), load
        finally:
            browser.close()


def phase_table(phases: dict, med: dict, load: str) -> str:
    """The first visit of /belgium in phases, today against before (medians of each phase)."""
    def m(side: str, fn) -> float:
        return _med([fn(p) for p in phases.get(side, [])]) if phases.get(side) else float("nan")

    rows = [
        ("Navigation → DOMContentLoaded (the HTML and Streamlit's bundle)", lambda p: p["dcl"] / 1000, "s"),
        ("… then Streamlit's element chunks loaded on demand (last one in)", lambda p: (p["chunks_end"] - p["dcl"]) / 1000, "s"),
        ("… then the geometry fetched (script run, the component, Leaflet, the request)",
         lambda p: (p["geometry_end"] - max(p["chunks_end"], p["dcl"])) / 1000, "s"),
        ("… then parsed and 581 polygons drawn", lambda p: (p["drawn"] - p["geometry_end"]) / 1000, "s"),
        ("Navigation → map drawn", lambda p: p["drawn"] / 1000, "s"),
        ("Streamlit's bundle (before DOMContentLoaded)", lambda p: p["bundle_kb"], "KB"),
        ("Streamlit's element chunks (after it)", lambda p: p["chunks_kb"], "KB"),
        ("The map's files (Leaflet, the component's script and style)", lambda p: p["map_kb"], "KB"),
        ("The geometry (municipalities)", lambda p: p["geometry_kb"], "KB"),
    ]

    def cell(v: float, unit: str) -> str:
        return "–" if v != v else (f"{v:.2f} s" if unit == "s" else f"{v:,.0f} KB")

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python -m bench visit` on {os.cpu_count()} CPU cores shared "
        f"with other jobs (load average {load} at the start): first visits of /belgium in fresh browser "
        f"contexts, medians of {len(phases.get('belgium', []))}, today against commit {BEFORE[:7]} (before), in "
        "the same run. Phases end one after another; sizes are bodies as the app process sends them (Streamlit's files uncompressed, the geometry gzipped).",
        "",
        "| Phase (median) | Today | Before |",
        "|---|---:|---:|",
        *[f"| {label} | {cell(m('belgium', fn), u)} | {cell(m('belgium_before', fn), u)} |" for label, fn, u in rows],
        "",
        "Same run, first visit → drawn (medians): "
        + "; ".join(f"{label} {med[k]:.2f} s" for k, label in (
            ("belgium", "/belgium"), ("data", "/data (table drawn)"), ("belgium_before", "/belgium before"),
            ("data_before", "/data before"), ("old", "old design (st_folium)"), ("oneline", "a one-line Streamlit app"))
            if k in med) + ".",
    ]
    return "\n".join(lines)


def _figure(value, unit: str, target: str = "–", ok: bool | None = None, note: str = "") -> dict:
    return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}


def _med(values) -> float:
    return statistics.median(values) if values else float("nan")


def _spread(values) -> str:
    """The samples' range, to say how noisy the run was."""
    return f"{min(values):.2f}–{max(values):.2f} s, n = {len(values)}" if values else "no samples"


def run() -> dict:
    r, load = browser_runs()
    med = {k: _med(v) for k, v in r.items() if k not in ("failed", "phases") and v}
    update_section(DOC, START, END, phase_table(r["phases"], med, load), heading="First visit: where the time goes")
    bel, data = med["belgium"], med["data"]
    figures = {
        "First visit /belgium → 581 polygons drawn, against /data's first visit (medians, same run)": _figure(
            bel / data, "×", "≤ 1.15×", bel / data <= TARGETS["first_visit_vs_data"],
            f"/belgium {bel:.2f} s ({_spread(r['belgium'])}); /data → table drawn {data:.2f} s "
            f"({_spread(r['data'])}); fresh browser contexts; load average {load} at the start"),
        "First visit /belgium → map drawn (median)": _figure(
            bel, "s", "below the old design" if "old" in med else "–",
            bel < med["old"] if "old" in med else None,
            "; ".join(f"{label} {med[k]:.2f} s ({_spread(r[k])})" for k, label in (
                ("belgium_before", "before"), ("old", "old design (st_folium)"),
                ("oneline", "one-line Streamlit app"), ("data_before", "/data before")) if k in med)),
    }
    for kind, label, what in (("filter", "Sidebar filter change → redrawn map, /belgium", "Years slider"),
                              ("control", "Page control change → redrawn map, /belgium", "Metric radio")):
        now, was = med[f"{kind}_today"], med.get(f"{kind}_before", float("nan"))
        ratio = now / was if was == was else float("nan")
        figures[f"{label} (median), against before"] = _figure(
            ratio, "×", f"≤ {TARGETS[kind]}×", ratio <= TARGETS[kind] if ratio == ratio else None,
            f"{what}: today {now:.3f} s ({_spread(r[f'{kind}_today'])}); before {was:.3f} s "
            f"({_spread(r.get(f'{kind}_before', []))}; commit {BEFORE[:7]})")
    figures["First visits or changes that failed (timeout)"] = _figure(
        len(r["failed"]), "", "0", not r["failed"], "; ".join(r["failed"][:5]))
    return figures


if __name__ == "__main__":
    for name, fig in run().items():
        print(f"{name}: {fig['value']} {fig['unit']} (target {fig['target']}) {fig['note']}")
