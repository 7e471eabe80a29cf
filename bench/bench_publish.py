"""The published interactive map (``python -m geo publish``): its size, how long it takes to build,
and how long a browser takes to show it from a file and to recolour it for another year.

The report's data, the national municipality view (the largest page: 581 units). Load time: a
fresh headless Chromium context opens ``index.html`` from ``file://`` with every other request
aborted, until the page has drawn its 581 polygons (median of 5). Year change: selecting another
year until every fill has its new colour (median of 8, alternating years)."""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from bench._timing import median_time
from geo.maps.model import MapSpec


def _browser_times(index: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    from deploy.local import launch_browser

    url = index.resolve().as_uri()
    prefix = url.rsplit("/", 1)[0] + "/"
    loads, changes = [], []
    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            for _ in range(5):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(prefix) else r.abort())
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length === 581 "
                                       "&& document.body.dataset.ready === '1'", timeout=60_000)
                loads.append(time.perf_counter() - start)
                context.close()
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
            for year in ["2014", "2016"] * 4:
                start = time.perf_counter()
                page.select_option("#period", year)
                page.wait_for_function(f"document.body.dataset.period === '{year}'", timeout=30_000)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                changes.append(time.perf_counter() - start)
            context.close()
        finally:
            browser.close()
    return statistics.median(loads), statistics.median(changes)


def run() -> dict[str, float]:
    from geo import publish
    from geo.incidents import table

    data = table.load_incidents()
    recon = int((data["provenance"] == "reconstructed").sum())
    start = time.perf_counter()
    published = publish.build(data, MapSpec(view="belgium", level="municipality", total_reconstructed=recon))
    cold = time.perf_counter() - start
    spec = MapSpec(view="belgium", level="municipality", total_reconstructed=recon)
    warm = median_time(lambda: publish.build(data, spec), repeat=3)
    with tempfile.TemporaryDirectory(prefix="atlas-bench-publish-") as tmp:
        index = publish.write(published, Path(tmp))
        load, change = _browser_times(index)
    files = published.files
    return {
        "publish: national page, all files (MB)": published.size / 1e6,
        "publish: national page, gzipped as a static host sends it (MB)": sum(
            len(gzip.compress(b, 6)) for b in files.values()) / 1e6,
        "publish: national page, data.js (MB)": len(files["data.js"]) / 1e6,
        "publish: build, first call in the process (s)": cold,
        "publish: build, median of 3 (s)": warm,
        "publish: open from file:// to 581 polygons, median of 5 (s)": load,
        "publish: year change to recoloured, median of 8 (s)": change,
    }


if __name__ == "__main__":
    print(run())
