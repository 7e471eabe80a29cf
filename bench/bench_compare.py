"""Switching to the Compare page's analyses against a metric change on /belgium, in the same run
(issue 20: "switching to hot spots or compare costs no more per update than a metric change").

One server, one offline chromium, three fresh contexts whose presses take turns (:func:`measure`):

- **metric change** (/belgium, municipalities): the Metric radio moved with the keyboard, twenty
  times (counts ↔ rates): key → the map redrawn, and the server's CPU per action.
- **hot spots** (/belgium, municipalities): the Metric radio moved between rates and Hot spots,
  twenty times.
- **analysis change** (/compare, municipalities): the Analysis radio moved four times around its
  options (hot spots → steady rates → incidents and foreign fighters → two periods → hot spots),
  each computed on first use; then four times round again, from the page's cache (sixteen).

Medians; the ratio compares the analysis changes with the metric changes of the same run.

"Redrawn" means the page's map shows every unit again, in fills other than before the key (not
only that its fills changed: a map that is taken down and mounted anew has no fills for a moment,
which is not yet the new map).
"""

from __future__ import annotations

import statistics
import sys

from bench import bench_app
from bench.bench_app import _context, _open

PRESSES = 4  # the Compare page's analyses: each computed on its first use
CACHED_CYCLES = 4  # then four times round them from the page's cache (16 presses: the noise of one is ±50 %)
UNITS = 581  # municipalities: every step of the run is at that level


def _radio(page, label: str):
    """The checked input of the radio group named ``label`` (arrow keys move the choice)."""
    return page.get_by_role("radiogroup", name=label).locator("input:checked")


def _timed_key(page, locator, key: str, pid: int) -> tuple[float, float]:
    """Press ``key`` on ``locator``; (seconds until the map shows all :data:`UNITS` units in other
    fills, server CPU seconds until the run it caused has ended)."""
    return bench_app._timed_key(page, locator, key, "new", pid, units=UNITS)


def measure(server, browser) -> dict:
    """Three pages open side by side, each in a fresh browser context: /belgium at counts (metric
    changes), /belgium at rates (Rates ↔ Hot spots) and /compare at hot spots (the Analysis radio).
    The presses take turns, one on each page per round, so that a busy moment of the shared machine
    falls on every kind of change alike: rounds 1–4 give the metric changes, the Belgium hot-spot
    switches and the first Compare analyses (each computed on first use), rounds 5–20 the same
    metric and hot-spot changes and the Compare analyses from the page's cache, four times round."""
    from deploy.local import Offline

    pid = server.proc.pid
    out: dict = {k: [] for k in ("blocked", "metric_times", "metric_cpu", "hotspot_times", "hotspot_cpu",
                                 "first_times", "first_cpu", "cached_times", "cached_cpu")}
    opened = []
    for query in ("/belgium?level=municipality&metric=count", "/belgium?level=municipality&metric=per_100k",
                  "/compare?mode=hotspots&level=municipality"):
        context, offline = _context(browser, Offline)
        page = context.new_page()
        _open(page, server.url + query, "new", UNITS)
        opened.append((context, offline, page))
    (_c1, _o1, metric), (_c2, _o2, hot), (_c3, _o3, compare) = opened
    for i in range(PRESSES * (1 + CACHED_CYCLES)):
        back = "ArrowLeft" if i % 2 else "ArrowRight"  # counts ↔ rates; rates ↔ Hot spots
        for page, label, key, name in ((metric, "Metric", back, "metric"), (hot, "Metric", back, "hotspot"),
                                       (compare, "Analysis", "ArrowRight", "first" if i < PRESSES else "cached")):
            t, cpu = _timed_key(page, _radio(page, label), key, pid)
            out[f"{name}_times"].append(t)
            out[f"{name}_cpu"].append(cpu)
    for context, offline, _page in opened:
        out["blocked"] += offline.blocked
        context.close()
    return out


def browser_figures() -> dict:
    from playwright.sync_api import sync_playwright

    from deploy.local import StreamlitServer, launch_browser
    from geo.admin import boundaries

    env = {"ATLAS_BOUNDARIES": str(boundaries.boundary_file())}
    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            with StreamlitServer(startup_timeout=90, env=env) as server:
                try:
                    return measure(server, browser)
                except Exception:
                    print(server.log()[-4000:], file=sys.stderr)
                    raise
        finally:
            browser.close()


def _figure(value, unit: str, target: str = "–", ok: bool | None = None, note: str = "") -> dict:
    return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}


def run() -> dict:
    r = browser_figures()
    med = statistics.median
    metric_t, metric_c = med(r["metric_times"]), med(r["metric_cpu"])
    first_t, first_c = med(r["first_times"]), med(r["first_cpu"])
    cached_t, cached_c = med(r["cached_times"]), med(r["cached_cpu"])
    hot_t, hot_c = med(r["hotspot_times"]), med(r["hotspot_cpu"])

    def each(name: str) -> str:
        return "each: " + ", ".join(f"{t:.3f}" for t in r[name]) + " s"

    return {
        "Metric change → redrawn map, /belgium (median)": _figure(
            metric_t, "s", "–", None, f"server CPU {metric_c:.3f} s per change; {len(r['metric_times'])} changes; {each('metric_times')}"),
        "Analysis change → redrawn map, /compare, computed (median)": _figure(
            first_t, "s", "–", None, f"server CPU {first_c:.3f} s; {first_t / metric_t:.2f}× the metric change; {each('first_times')}"),
        "Analysis change → redrawn map, /compare, from the page's cache (median)": _figure(
            cached_t / metric_t, "×", "≤ 1.0× the metric change", cached_t <= metric_t * 1.0,
            f"{cached_t:.3f} s against {metric_t:.3f} s; server CPU {cached_c:.3f} s against {metric_c:.3f} s; "
            f"{each('cached_times')}"),
        "Rates ↔ Hot spots → redrawn map, /belgium (median)": _figure(
            hot_t / metric_t, "×", "≤ 1.0× the metric change", hot_t <= metric_t * 1.0,
            f"{hot_t:.3f} s against {metric_t:.3f} s; server CPU {hot_c:.3f} s against {metric_c:.3f} s; "
            f"{each('hotspot_times')}"),
        "Requests to the network during the run (blocked)": _figure(
            len(r["blocked"]), "", "0", not r["blocked"], "three offline browser contexts"),
    }


if __name__ == "__main__":
    for name, fig in run().items():
        print(f"{name}: {fig['value']} {fig['unit']} (target {fig['target']}) {fig['note']}")
