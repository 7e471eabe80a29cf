"""``python -m deploy.first_visit``: what a first visit of a page costs on the wire, through the
deployment's nginx (compressed, static files from disk) and straight from an app process (what
Streamlit's server sends on its own), in one run, fresh browser contexts.

A temporary deployment (PostgreSQL + PostGIS, one app process, nginx; :class:`deploy.run.Deployment`)
is started on loopback; Debian's chromium opens ``--path`` (default ``/belgium``) with an empty cache,
waits for the map to be drawn, and adds up every HTTP response: the bytes on the wire (the body as
sent, compressed or not: Chromium's ``responseBodySize``) and the same bodies decoded. The
websocket's messages are not HTTP responses and are not counted. Printed as the Markdown table that
``docs/PERFORMANCE.md`` keeps (section "First visit through nginx").
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from deploy.local import LOCAL_HOSTS, MAP, Offline, free_port, launch_browser, wait_for_app
from deploy.run import Deployment


@dataclass
class Visit:
    """The HTTP responses of one first visit, by kind: (count, wire bytes, decoded bytes)."""

    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    gzip_responses: int = 0
    blocked: list[str] = field(default_factory=list)

    def add(self, kind: str, wire: int, decoded: int, encoding: str) -> None:
        row = self.kinds[kind]
        row[0] += 1
        row[1] += wire
        row[2] += decoded
        self.gzip_responses += encoding in ("gzip", "br")

    def total(self) -> tuple[int, int, int]:
        return tuple(sum(row[i] for row in self.kinds.values()) for i in range(3))


def _kind(url: str, content_type: str) -> str:
    if "javascript" in content_type:
        return "scripts"
    if "css" in content_type:
        return "styles"
    if "json" in content_type:
        return "JSON (map geometry)"
    if "font" in content_type or url.endswith((".woff2", ".woff", ".ttf")):
        return "fonts"
    if "html" in content_type:
        return "HTML"
    return "other"


def first_visit(browser, url: str, *, timeout_ms: float = 90_000) -> Visit:
    """Open ``url`` in a fresh context (empty cache) and add up its HTTP responses."""
    visit = Visit()
    offline = Offline()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        offline.install(context)
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="domcontentloaded")
        wait_for_app(page, timeout=timeout_ms)
        page.wait_for_selector(f"{MAP} path", timeout=timeout_ms)
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
        for response in responses:
            if response.status != 200:
                continue
            body = response.body()
            sizes = response.request.sizes()
            headers = response.headers
            visit.add(_kind(response.url, headers.get("content-type", "")), sizes["responseBodySize"], len(body),
                      headers.get("content-encoding", ""))
    finally:
        context.close()
    visit.blocked = offline.blocked
    return visit


def second_visit(browser, url: str, access_log: Path, *, timeout_ms: float = 90_000) -> tuple[int, int, list[str]]:
    """Open ``url`` twice in one context (the second time with the browser's cache from the first)
    and count, from nginx's access log, the requests and body bytes of the second visit. Without
    :class:`Offline` (routing requests turns Chromium's cache off): requests to another host are
    recorded and returned instead (there is no network to reach them)."""
    foreign: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).hostname not in LOCAL_HOSTS
               and urlsplit(r.url).scheme in ("http", "https", "ws", "wss") else None)
    try:
        for visit in (1, 2):
            page = context.new_page()
            if visit == 2:
                time.sleep(1.5)  # nginx writes its log every second
                skip = len(access_log.read_text(encoding="utf-8").splitlines())
            page.goto(url, wait_until="domcontentloaded")
            wait_for_app(page, timeout=timeout_ms)
            page.wait_for_selector(f"{MAP} path", timeout=timeout_ms)
            page.wait_for_load_state("networkidle", timeout=timeout_ms)
            page.close()
    finally:
        context.close()
    time.sleep(1.5)
    lines = access_log.read_text(encoding="utf-8").splitlines()[skip:]
    sent = [int(m.group(1)) for line in lines if (m := re.search(r'" \d{3} (\d+) upstream=', line))]
    return len(sent), sum(sent), foreign


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB"


def table(path: str, through_nginx: Visit, direct: Visit, second: tuple[int, int, list[str]]) -> str:
    import streamlit

    lines = [f"First visit of `{path}`, HTTP responses only (fresh browser context, empty cache; "
             f"Streamlit {streamlit.__version__}, {date.today():%Y-%m-%d}):", "",
             "| what | responses | straight from the app process, on the wire | through nginx, on the wire | "
             "decoded |", "|---|---|---|---|---|"]
    for kind in sorted(set(through_nginx.kinds) | set(direct.kinds)):
        n, wire, decoded = through_nginx.kinds.get(kind, [0, 0, 0])
        lines.append(f"| {kind} | {n} | {_mb(direct.kinds.get(kind, [0, 0, 0])[1])} | {_mb(wire)} | {_mb(decoded)} |")
    n, wire, decoded = through_nginx.total()
    lines.append(f"| **all** | {n} | {_mb(direct.total()[1])} | **{_mb(wire)}** | {_mb(decoded)} |")
    lines += ["", f"Through nginx {wire / max(decoded, 1):.0%} of the decoded bytes travel "
              f"({through_nginx.gzip_responses} of {n} responses gzip-compressed); straight from the app "
              f"process {direct.total()[1] / max(direct.total()[2], 1):.0%}.",
              "", f"A second visit in the same browser (its cache kept) asked nginx for {second[0]} responses, "
              f"{_mb(second[1])} of bodies (the page, the websocket, what is not content-hashed)."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.first_visit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default="/belgium", help="the page to open (default /belgium)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="atlas-first-visit-"))
    try:
        with Deployment(folder, temporary_database=True) as d, sync_playwright() as p:
            d.start_database()
            (app,) = d.start_apps(1)
            proxy = d.start_proxy(free_port())
            browser = launch_browser(p)
            try:
                first_visit(browser, app.url + args.path)  # warm-up: the process's first run
                direct = first_visit(browser, app.url + args.path)
                through = first_visit(browser, proxy.url + args.path)
                second = second_visit(browser, proxy.url + args.path, proxy.site.folder / "access.log")
            finally:
                browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if direct.blocked or through.blocked or second[2]:
        print(f"requests to other hosts: {direct.blocked + through.blocked + second[2]}")
        return 1
    print(table(args.path, through, direct, second))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
