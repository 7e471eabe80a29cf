"""The app with a 1,000,000-row saved dataset: slider → redrawn map, and server memory per session.

A synthetic dataset (``bench_import.make_table``: seeded points across Belgium, dates 2014–2017)
is imported and saved into a temporary data folder, then a server is started on it:

- **first map**: goto /timeline with the dataset → the map's polygons drawn (the dataset is read
  and derived once per server, then shared by every session);
- **slider → redrawn map**: the map's Period slider on /timeline moved with the keyboard, median
  over the changes (the same measure as bench_app, on 1,000,000 rows instead of 108);
- **memory**: the server's resident memory (VmRSS) after the first session, then after three more
  sessions have each loaded the page: the dataset is held once (``st.cache_resource``), so each
  new session should add far less than the dataset itself.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

N_ROWS = 1_000_000
SESSIONS = 6
SLIDER_CHANGES = 5
MUNICIPALITIES = 581
#: true once the map holds at least n municipalities (bench_app's count, today's design)
_MAP_DRAWN = "(n) => document.querySelectorAll('.atlas-map path[data-code]').length >= n"


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _make_dataset(data_dir: Path) -> tuple[str, float]:
    os.environ["ATLAS_DATA_DIR"] = str(data_dir)
    from bench.bench_import import make_table
    from geo.io import store
    from geo.io.mapping import suggest_mapping
    from geo.io.pipeline import import_table

    raw = make_table(N_ROWS)
    t = time.perf_counter()
    result = import_table(raw, mapping=suggest_mapping(raw.columns), filename="synthetic.csv")
    seconds = time.perf_counter() - t
    return store.configured().save_dataset(result, name="synthetic 1M").slug, seconds


def run() -> dict:
    from playwright.sync_api import sync_playwright

    from bench.bench_app import STEP_TIMEOUT_MS, _context, _timed_key
    from deploy.local import Offline, StreamlitServer, launch_browser, wait_for_app

    with tempfile.TemporaryDirectory() as tmp:
        slug, import_seconds = _make_dataset(Path(tmp))
        url_path = f"/timeline?step=year&mode=period&dataset={slug}"
        with sync_playwright() as p:
            browser = launch_browser(p)
            try:
                with StreamlitServer(startup_timeout=60, env={"ATLAS_DATA_DIR": tmp}) as server:
                    pid = server.proc.pid
                    rss_idle = _rss_mb(pid)
                    context, offline = _context(browser, Offline)
                    page = context.new_page()
                    t0 = time.perf_counter()
                    page.goto(server.url + url_path, wait_until="commit", timeout=120_000)
                    page.wait_for_function(_MAP_DRAWN, arg=MUNICIPALITIES, polling="raf", timeout=120_000)
                    first_map = time.perf_counter() - t0
                    wait_for_app(page, timeout=120_000)
                    slider = page.locator(".atlas-map input.atlas-range").first
                    times = [_timed_key(page, slider, "ArrowRight" if (i // 2) % 2 == 0 else "ArrowLeft", "new",
                                        pid)[0] for i in range(SLIDER_CHANGES)]
                    blocked = list(offline.blocked)
                    context.close()
                    rss_one = _rss_mb(pid)
                    rss_after = []
                    for _ in range(SESSIONS):
                        context, offline = _context(browser, Offline)
                        page = context.new_page()
                        page.goto(server.url + url_path, wait_until="commit", timeout=STEP_TIMEOUT_MS)
                        page.wait_for_function(_MAP_DRAWN, arg=MUNICIPALITIES, polling="raf",
                                               timeout=120_000)
                        wait_for_app(page, timeout=120_000)
                        blocked += offline.blocked
                        context.close()
                        rss_after.append(_rss_mb(pid))
                    rss_more = rss_after[-1]
            finally:
                browser.close()
    slider = statistics.median(times)
    half = SESSIONS // 2
    first_half = (rss_after[half - 1] - rss_one) / half
    second_half = (rss_more - rss_after[half - 1]) / (SESSIONS - half)

    def fig(value, unit, target, ok=None, note=""):
        return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}

    return {
        "1M-row dataset: import (100% by coordinates)": fig(import_seconds, "s", "–", None,
                                                           f"{N_ROWS:,} rows, import_table"),
        "1M-row dataset: goto /timeline → map drawn (first session, cold cache)": fig(first_map, "s", "–"),
        "1M-row dataset: slider change → redrawn map (median)": fig(
            slider, "s", "< 1 s", slider < 1.0, ", ".join(f"{t:.2f}" for t in times)),
        "1M-row dataset: server memory growth per extra session, last sessions": fig(
            second_half, "MB", "bounded", None,
            f"RSS {rss_idle:.0f} MB idle → {rss_one:.0f} MB after one session; then per session "
            f"{first_half:.0f} MB over sessions 2–{half + 1}, {second_half:.0f} MB over sessions "
            f"{half + 2}–{SESSIONS + 1} (" + ", ".join(f"{r:.0f}" for r in rss_after) + " MB)"),
        "1M-row dataset: requests to the network (blocked)": fig(len(blocked), "", "0", not blocked),
    }


if __name__ == "__main__":
    for name, f in run().items():
        print(f"{name}: {f['value']:.3f} {f['unit']} ({f['target']}) {f['note']}")
