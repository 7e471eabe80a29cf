"""``python -m bench.load``: many people using the app at once, on loopback, for a bounded time.

Starts the app (``deploy/local.py``), warms it up with one visit to every page, then runs
``--sessions`` concurrent sessions (default 20) for ``--seconds`` (default 60), arriving one after
another over ``--ramp`` seconds (default 10). One headless Chromium, driven by asyncio Playwright;
each session is a browser tab with its own websocket, hence its own Streamlit session. The tabs
share one browser context (``--contexts one``: shared HTTP and code caches, like returning
visitors; ``each`` gives every session a fresh context, which costs the browser much more).
Each session opens a random page among /, /belgium, /brussels, /timeline, /data, then loops
(with no pause between actions unless ``--think`` is given: a stress test):

1. **page switch**: click the sidebar's link to another of those pages (``--nav click``, the
   default: the same session, as a person browses), or open it afresh (``--nav goto``: a new
   Streamlit session each time, as when someone follows a link);
2. **slider move**: ArrowRight (ArrowLeft at the end) on a random slider thumb of that page (the
   sidebar's Years, or the Period slider on /timeline).

An action is finished when a script run has ended after it, no run is under way, and none started
for 150 ms (a rerun queued by the URL sync starts within that). Runs are followed in the page by
reading the type of each websocket message (``new_session`` starts a run, ``script_finished``
ends it): watching the ``data-test-script-state`` attribute misses fast reruns, which React may
render in one go. The response time runs from the action's start (navigation start; key press;
click) to the end of its last run, both in the page's own clock: the server's whole answer has
arrived; drawing the map inside its iframe comes after (``bench_app`` measures that).

Errors: a Streamlit exception element on the page, a console error (an HTTP error of one of the
page's resources is one), an uncaught page error, or a wait of more than ``--timeout`` (for the
navigation, for the runs to end). Streamlit's own base-path probes (see :data:`BASE_PATH_PROBE`) are counted apart.
Every request to a host other than loopback is aborted and counted.

The server's memory (VmRSS from ``/proc/<pid>/status``) and CPU time (``/proc/<pid>/stat``) are
sampled every second; so is the CPU time of the browser's processes (:mod:`bench.procstat`: a
renderer that exits with its tab keeps the time it had at its last sample). No new action starts
after ``--seconds``; the actions under way finish or time out, then everything is stopped (a hard
limit ends the run in any case). With 2 cores shared by the server, the browser and other jobs,
response times measure the whole machine: read them with the CPU figures beside them.

The result is printed as a markdown table and written into ``docs/PERFORMANCE.md`` between
``<!-- load:start -->`` and ``<!-- load:end -->`` (``--no-doc`` to skip). Exit status 1 when there
were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench._doc import update_section
from bench.load_report import Action, report, summary
from bench.procstat import CLK_TCK, Sampler, loadavg, machine_busy

ROOT = Path(__file__).resolve().parent.parent

DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
PAGES = ("/", "/belgium", "/brussels", "/timeline", "/data")
#: Streamlit's frontend opened at /belgium first probes /belgium/_stcore/health and
#: /belgium/_stcore/host-config as a possible base path, gets 404 and falls back to /_stcore/…
#: (the browser logs the 404s as console errors). The framework's base-path discovery, not the
#: app's: exactly these are counted apart, as tests/browser/ ignores them.
BASE_PATH_PROBE = re.compile(r"^/[\w-]+/_stcore/(health|host-config)$")
#: Any URL but loopback http(s) and data/blob/about (matched by the Playwright driver itself).
NOT_LOCAL = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$))(?!(data|blob|about):)")
SETTLE_MS = 150  # a rerun queued by the URL sync starts within this
NOT_RUNNING = "[data-test-script-state='notRunning']"  # as deploy/local.py

# Installed in every frame before its scripts. Streamlit's server sends one protobuf ForwardMsg
# per websocket message; each script run starts with ``new_session`` (field 4) and ends with
# ``script_finished`` (field 6; status 2 = ended early for a rerun, which then follows). Only the
# top-level field tags are read (length-delimited fields are skipped, so a 500 KB map costs
# nothing). ``key`` is when the last key or click went down, in the page's clock.
_WATCH = """(() => {
    const w = window.__load = {starts: 0, ends: 0, endAt: 0, key: null};
    const scan = (buf) => {
        const b = new Uint8Array(buf);
        let i = 0;
        const varint = () => { let r = 0, m = 1, x; do { x = b[i++]; r += (x & 127) * m; m *= 128; } while (x & 128 && i < b.length); return r; };
        while (i < b.length) {
            const tag = varint(), field = Math.floor(tag / 8), type = tag & 7;
            if (field === 4) { w.starts += 1; return; }
            if (field === 6) { w.ends += 1; w.endAt = performance.now(); return; }
            if (type === 0) { varint(); } else if (type === 2) { const n = varint(); i += n; }
            else if (type === 1) { i += 8; } else if (type === 5) { i += 4; } else { return; }
        }
    };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', (e) => { if (e.data instanceof ArrayBuffer) scan(e.data); });
        }
    };
    for (const name of ['keydown', 'click']) {
        document.addEventListener(name, () => { w.key = performance.now(); }, true);
    }
})();"""

# Done: a run ended after the action, no run is under way, and none started for SETTLE_MS.
_DONE = f"""(n) => {{
    const w = window.__load;
    return !!w && w.ends > n && w.starts === w.ends && performance.now() - w.endAt >= {SETTLE_MS};
}}"""


# ----------------------------------------------------------------------------- sessions
@dataclass
class Results:
    actions: list[Action] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console and page errors
    blocked: list[str] = field(default_factory=list)
    probes: int = 0  # base-path probe 404s (and their console lines), not errors

    def console(self, index: int, page, message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "") if message.location else ""
        if "status of 404" in message.text and BASE_PATH_PROBE.match(urlsplit(url).path) and _is_local(url):
            self.probes += 1
            return
        self.errors.append(f"session {index}: console error on {urlsplit(page.url).path}: {message.text[:200]}")


def _is_local(url: str) -> bool:
    from deploy.local import LOCAL_HOSTS

    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or (parts.hostname or "") in LOCAL_HOSTS


async def _new_context(browser, results: Results, timeout_ms: float):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(timeout_ms)

    async def abort(r):
        results.blocked.append(r.request.url)
        await r.abort()

    # Only requests to other hosts come to Python (the driver matches the pattern): routing every
    # request through Python slowed page loads down several times with 20 sessions.
    await context.route(NOT_LOCAL, abort)
    await context.add_init_script(_WATCH)
    return context


async def _new_page(context, index: int, results: Results):
    page = await context.new_page()
    page.on("console", lambda m: results.console(index, page, m))
    page.on("pageerror", lambda e: results.errors.append(
        f"session {index}: page error on {urlsplit(page.url).path}: {str(e)[:200]}"))
    return page


async def _finished(page, runs_before: int, timeout_ms: float) -> float:
    """Wait until the runs after an action are over (``runs_before`` runs had ended before it);
    the page-clock time at which the last one ended."""
    try:
        await page.wait_for_function(_DONE, arg=runs_before, polling=50, timeout=timeout_ms)
    except Exception as exc:
        try:
            w = await page.evaluate("() => window.__load") or {}
        except Exception:  # noqa: BLE001 (the page may be gone: keep the first error)
            raise exc from None
        raise TimeoutError(f"no finished run after {timeout_ms / 1000:.0f} s (runs ended {runs_before} → "
                           f"{w.get('ends')}, started {w.get('starts')})") from exc
    at = await page.evaluate("() => window.__load.endAt")
    # The server's answer is in; let the page draw it before the next action looks for widgets.
    await page.wait_for_selector(NOT_RUNNING, state="attached", timeout=timeout_ms)
    return at


async def _exception_on(page) -> str:
    n = await page.locator("[data-testid='stException']").count()
    return f"{n} Streamlit exception(s) on the page" if n else ""


async def _page_load(page, url: str, timeout_ms: float) -> float:
    # domcontentloaded: the new document (and its watcher) exists; "commit" may still see the old one
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    at = await _finished(page, 0, timeout_ms)
    return at / 1000  # the page clock starts at navigation start


async def _page_switch(page, path: str, timeout_ms: float) -> float:
    """Click the sidebar's link to ``path`` (the app switches page in the same session)."""
    link = page.locator("[data-testid='stSidebarNav'] a").filter(
        has=page.locator(f"xpath=self::*[substring(@href, string-length(@href) - {len(path) - 1}) = '{path}']"))
    runs = await page.evaluate("() => window.__load.ends")
    await link.first.click()
    at = await _finished(page, runs, timeout_ms)
    pressed = await page.evaluate("() => window.__load.key")
    return (at - pressed) / 1000


async def _slider_move(page, rng: random.Random, timeout_ms: float) -> float | None:
    """Move one thumb of a random slider by one step (right, unless it cannot go further);
    the time from the key press to the end of the rerun. None when no slider can move."""
    sliders = page.locator("[data-testid='stSlider']")
    with contextlib.suppress(Exception):  # every page has the sidebar's Years slider
        await sliders.locator("input[type='range']").first.wait_for(state="attached", timeout=10_000)
    order = list(range(await sliders.count()))
    rng.shuffle(order)
    for s in order:
        thumbs = sliders.nth(s).locator("input[type='range']")
        state = await thumbs.evaluate_all("els => els.map(e => [Number(e.value), Number(e.min), Number(e.max)])")
        right, left = [], []
        for k, (value, lo, hi) in enumerate(state):  # a range slider's thumbs stop each other
            upper = state[k + 1][0] if k + 1 < len(state) else hi
            lower = state[k - 1][0] if k > 0 else lo
            if value < upper:
                right.append(k)
            elif value > lower:
                left.append(k)
        if not right and not left:
            continue
        k, key = (rng.choice(right), "ArrowRight") if right else (rng.choice(left), "ArrowLeft")
        runs = await page.evaluate("() => window.__load.ends")
        await thumbs.nth(k).focus()
        await page.keyboard.press(key)
        at = await _finished(page, runs, timeout_ms)
        pressed = await page.evaluate("() => window.__load.key")
        return (at - pressed) / 1000
    return None


async def _session(browser, shared, index: int, url: str, deadline: float, results: Results,
                   timeout_ms: float, seed: int, nav: str, think: float) -> None:
    """One person: a tab of the shared browser context, or a context of its own (``shared`` None).
    Each tab has its own websocket, hence its own Streamlit session, either way."""
    rng = random.Random(seed * 1000 + index)
    context = shared or await _new_context(browser, results, timeout_ms)
    page = await _new_page(context, index, results)
    current = None  # the page shown, None before the first load and after an error
    try:
        while time.perf_counter() < deadline:
            path = rng.choice([p for p in PAGES if p != current])
            switch = "page load" if nav == "goto" or current is None else "page switch"
            for kind in (switch, "slider move"):
                if time.perf_counter() >= deadline:
                    break
                try:
                    if kind == "page load":
                        seconds = await _page_load(page, url + path, timeout_ms)
                    elif kind == "page switch":
                        seconds = await _page_switch(page, path, timeout_ms)
                    else:
                        seconds = await _slider_move(page, rng, timeout_ms)
                        if seconds is None:
                            continue
                    error = await _exception_on(page)
                except Exception as exc:  # noqa: BLE001 (a timeout or a crash is a result here)
                    seconds, error = None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
                results.actions.append(Action(index, kind, path, seconds, error))
                current = None if error else path
                if error:
                    break  # start again from a fresh page load
                if think:  # a person looks at the page before acting again (mean: think seconds)
                    await asyncio.sleep(min(rng.uniform(0, 2 * think), max(deadline - time.perf_counter(), 0)))
    finally:
        with contextlib.suppress(Exception):
            await (page.close() if shared else context.close())


async def _warm_up(browser, url: str, timeout_ms: float) -> None:
    results = Results()
    context = await _new_context(browser, results, timeout_ms)
    page = await _new_page(context, -1, results)
    try:
        for path in PAGES:
            await _page_load(page, url + path, timeout_ms)
    finally:
        await context.close()


async def _drive(url: str, sampler: Sampler, args) -> dict:
    from playwright.async_api import async_playwright

    from deploy.local import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        raise SystemExit("chromium is missing (run `make chromium`)")
    timeout_ms = args.timeout * 1000
    out: dict = {"rss_start_kb": sampler.sample()["rss_kb"]}
    results = Results()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            try:
                await _warm_up(browser, url, timeout_ms)
            except Exception as exc:
                raise RuntimeError(f"the warm-up visit of every page failed: {exc}") from exc
            warm = sampler.sample()
            out["rss_warm_kb"] = warm["rss_kb"]
            stop = asyncio.Event()
            sampling = asyncio.create_task(sampler.run(stop))
            busy0 = machine_busy()
            out["loadavg"] = loadavg()
            sampler.start_clients()  # the browser's CPU from here, sampled every second (renderers exit)
            t0 = time.perf_counter()
            deadline = t0 + args.seconds
            tasks = []
            n_shared = {"one": 1, "each": 0}.get(args.contexts) if not str(args.contexts).isdigit() else int(args.contexts)
            pool = [await _new_context(browser, results, timeout_ms) for _ in range(n_shared)]
            for i in range(args.sessions):
                shared = pool[i % len(pool)] if pool else None  # --contexts K: session i is a tab of context i % K
                tasks.append(asyncio.create_task(
                    _session(browser, shared, i, url, deadline, results, timeout_ms, args.seed, args.nav,
                             args.think)))
                await asyncio.sleep(args.ramp / args.sessions)  # people arrive over --ramp seconds
            await asyncio.gather(*tasks)
            for shared in pool:
                await shared.close()
            out["wall"] = time.perf_counter() - t0
            out["t0"] = t0
            end = sampler.sample()
            busy1 = machine_busy()
            client_cpu = sampler.client_cpu_s()
            stop.set()
            await sampling
            out["rss_end_kb"] = end["rss_kb"]
            out["server_cpu_s"] = (end["cpu_ticks"] - warm["cpu_ticks"]) / CLK_TCK
            out["client_cpu_s"] = client_cpu
            out["machine_busy"] = (busy1[0] - busy0[0]) / max(busy1[1] - busy0[1], 1)
        finally:
            await browser.close()
    await asyncio.sleep(5)  # let the server drop the closed sessions
    out["rss_after_kb"] = sampler.sample()["rss_kb"]
    out["rss_peak_kb"] = sampler.peak_kb()
    out["rss_half_kb"] = sampler.at(out["t0"] + out["wall"] / 2)
    out["results"] = results
    return out


def update_doc(block: str) -> None:
    update_section(DOC, START, END, block, heading="Load test")


def _contexts(value: str) -> str:
    """--contexts: one, each, or a number K of contexts (each with its own cookies: behind nginx's
    affinity cookie, K browsers spread over the processes) whose tabs the sessions are, in turn."""
    if value in ("one", "each") or (value.isdigit() and int(value) >= 1):
        return value
    raise argparse.ArgumentTypeError(f"one, each or a number of contexts, not {value!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long new actions start (default 60)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one action may take (default 60)")
    parser.add_argument("--nav", choices=("click", "goto"), default="click",
                        help="switch pages with the sidebar's links in one session (click, default) or "
                             "open each page afresh, a new session each time (goto)")
    parser.add_argument("--contexts", type=_contexts, default="one", metavar="{one,each,K}",
                        help="all sessions as tabs of one browser context (one, default: they share the "
                             "HTTP and code caches, as returning visitors), a fresh context each (each), or "
                             "K contexts whose tabs the sessions are in turn (behind nginx, K browsers with "
                             "their own affinity cookies)")
    parser.add_argument("--ramp", type=float, default=10.0,
                        help="the sessions start one after another over this many seconds (default 10)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause between a session's actions, seconds (default 0: back to back)")
    parser.add_argument("--seed", type=int, default=1, help="random choice of pages and sliders")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/PERFORMANCE.md alone")
    parser.add_argument("--url", help="drive this running app (e.g. nginx in front of several processes, "
                        "deploy/) instead of starting one; loopback only; needs --pid")
    parser.add_argument("--pid", type=int, action="append", default=[],
                        help="with --url: a server process to sample (repeat for each; RSS and CPU are added up)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the main figures as JSON")
    args = parser.parse_args(argv)
    if args.url and (not args.pid or not re.match(r"^http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/?$", args.url)):
        parser.error("--url must be a loopback http://127.0.0.1:PORT address, with --pid for each server process")
    if args.sessions < 1 or args.seconds <= 0 or args.timeout <= 0 or args.think < 0 \
            or not 0 <= args.ramp < args.seconds:
        parser.error("--sessions, --seconds, --timeout must be positive, --think >= 0, --ramp in [0, --seconds)")

    from deploy.local import StreamlitServer

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: the server stops
    hard_limit = args.seconds + 2 * args.timeout + 120
    if args.url:
        return _finish(_drive_url(args, hard_limit), args, "")
    with StreamlitServer(startup_timeout=60) as server:
        print(f"app up on loopback port {server.port}; {args.sessions} sessions for {args.seconds:g} s…",
              file=sys.stderr, flush=True)
        try:
            out = asyncio.run(asyncio.wait_for(_drive(server.url, Sampler(server.proc.pid), args), hard_limit))
        except TimeoutError:
            print(f"load test stopped by its hard limit ({hard_limit:.0f} s)", file=sys.stderr)
            return 2
        log = server.log()
    return _finish(out, args, log)


def _drive_url(args, hard_limit: float) -> dict | None:
    """--url: drive a running app (nginx in front of several processes); sample the --pid processes."""
    print(f"driving {args.url} (server processes {', '.join(map(str, args.pid))}); {args.sessions} sessions "
          f"for {args.seconds:g} s…", file=sys.stderr, flush=True)
    sampler = Sampler(args.pid[0], also=tuple(args.pid[1:]))
    try:
        return asyncio.run(asyncio.wait_for(_drive(args.url.rstrip("/"), sampler, args), hard_limit))
    except TimeoutError:
        print(f"load test stopped by its hard limit ({hard_limit:.0f} s)", file=sys.stderr)
        return None


def _finish(out: dict | None, args, log: str) -> int:
    if out is None:
        return 2
    block, n_errors = report(out, args)
    res: Results = out["results"]
    for line in [a for a in res.actions if a.error][:20]:  # details on the console, never in the doc
        print(f"failed: session {line.session} {line.kind} {line.page}: {line.error}", file=sys.stderr)
    for line in res.errors[:20]:
        print(line, file=sys.stderr)
    for url in sorted(set(res.blocked))[:20]:
        print(f"blocked: {url}", file=sys.stderr)
    if n_errors and "Traceback" in log:
        print("server log (tail):\n" + log[-3000:], file=sys.stderr)
    print(block)
    if args.json:
        args.json.write_text(json.dumps(summary(out), indent=2), encoding="utf-8")
    if not args.no_doc:
        update_doc(block)
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if n_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
