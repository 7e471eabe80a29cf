"""``python -m bench.scale_check`` (``make scale-check``): does a second app process behind nginx
serve more people? Measured in one run, on loopback, with the PostGIS store:

1. PostgreSQL + PostGIS in a temporary folder (the tables, a readers' login granted SELECT only);
2. **1 process**: one app process behind nginx; every page visited once directly (warm-up);
   then the load test (``bench/load.py --url``) through nginx, and the load without browsers
   (``bench/wsload.py --url``: websocket clients replaying a browser's messages);
3. **2 processes**: two fresh app processes behind nginx; an editor saves a dataset through
   process 1 and a reader opens it through process 2 (:mod:`deploy.checks`, which also checks that
   the reader can neither import nor delete); each process warmed up; the same load test.

The load test's sessions are tabs of 4 browser contexts (``--contexts``): each context is a
browser with its own affinity cookie, so nginx spreads them over the processes in turn (2 each with
2 processes); which process served each session's websocket is counted from nginx's access log.
A context per session (``--contexts each``) models 20 different people better but costs the
browser so much CPU on 2 cores that the browser, not the app, sets the pace. Printed: actions per second, response-time p50 and p99, the servers' CPU,
for 1 and 2 processes side by side; written into ``docs/PERFORMANCE.md`` between
``<!-- scale:start -->`` and ``<!-- scale:end -->`` (``--no-doc`` to skip). Exit status 1 when the
cross-process check fails or a run has errors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench._doc import update_section
from deploy.checks import log_lines, save_then_open_elsewhere, websocket_upstreams
from deploy.local import free_port, launch_browser, wait_for_app
from deploy.run import Deployment

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- scale:start -->", "<!-- scale:end -->"
PAGES = ("/", "/belgium", "/brussels", "/timeline", "/data")  # = bench.load.PAGES
CSV = ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv"


def warm_up(urls: Sequence[str]) -> None:
    """Visit every page of each app process directly (a cold process pays for its first runs)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            for url in urls:
                context = browser.new_context()
                page = context.new_page()
                for path in PAGES:
                    page.goto(url + path, wait_until="domcontentloaded")
                    wait_for_app(page, timeout=90_000)
                context.close()
        finally:
            browser.close()


def cross_check(d: Deployment) -> tuple[bool, str]:
    """Save through process 1, open through process 2 (see deploy.checks); (passed, description)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            seen = save_then_open_elsewhere(browser, d.proxy.url, password=d.editor_password, csv=CSV,
                                            name="Scale check GTD", shots=ROOT / "artifacts" / "screenshots")
        finally:
            browser.close()
    sockets = websocket_upstreams(d.folder / "nginx" / "access.log")
    ports = {f"127.0.0.1:{a.port}": i for i, a in enumerate(d.apps, start=1)}
    served = sorted({(("editor" if path.startswith("/edit/") else "reader"), ports.get(up, 0)) for path, up, _ in sockets})
    ok = (seen.saved_on, seen.opened_on) == ("1", "2") and seen.title == "Incidents: Scale check GTD" \
        and seen.editor_sees_upload and not seen.reader_sees_upload and not seen.reader_sees_delete \
        and not seen.blocked and served == [("editor", 1), ("reader", 2)]
    text = (f"dataset '{seen.slug}' saved by an editor on process {seen.saved_on}, opened by a reader on process "
            f"{seen.opened_on} (title: {seen.title!r}); websockets: "
            + ", ".join(f"{who} on process {n}" for who, n in served)
            + f"; the reader saw {'an' if seen.reader_sees_upload else 'no'} import and "
            f"{'a' if seen.reader_sees_delete else 'no'} delete button")
    return ok, text


def load(d: Deployment, args, label: str) -> dict:
    """The load test through nginx; its JSON figures (and its table, printed)."""
    out = Path(tempfile.mkstemp(prefix="atlas-load-", suffix=".json")[1])
    cmd = [sys.executable, "-m", "bench.load", "--url", d.proxy.url, *sum((["--pid", str(a.proc.pid)] for a in d.apps), []),
           "--contexts", str(args.contexts), "--sessions", str(args.sessions), "--seconds", str(args.seconds),
           "--ramp", str(args.ramp), "--think", str(args.think), "--timeout", str(args.timeout),
           "--seed", str(args.seed), "--no-doc", "--json", str(out)]
    log = d.folder / "nginx" / "access.log"
    before = log_lines(log)
    print(f"\n== {label}: {' '.join(cmd[1:])}", flush=True)
    run = subprocess.run(cmd, cwd=ROOT, text=True, capture_output=True, timeout=args.seconds + 3 * args.timeout + 300)
    print(run.stdout, flush=True)
    if run.returncode not in (0, 1):
        print(run.stderr[-3000:], file=sys.stderr)
        raise RuntimeError(f"the load test failed ({run.returncode})")
    figures = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    ports = {f"127.0.0.1:{a.port}": i for i, a in enumerate(d.apps, start=1)}
    sockets = websocket_upstreams(log, skip=before)
    figures["sessions_by_process"] = [sum(1 for _, up, _ in sockets if ports.get(up) == i)
                                      for i in range(1, len(d.apps) + 1)]
    return figures


def protocol_load(d: Deployment, args) -> dict:
    """The load without browsers through nginx (:mod:`bench.wsload`: a browser's recorded messages
    replayed by websocket clients, which carry no affinity cookie, so nginx gives them to the
    processes in turn); its figures."""
    out = Path(tempfile.mkstemp(prefix="atlas-wsload-", suffix=".json")[1])
    cmd = [sys.executable, "-m", "bench.wsload", "--url", d.proxy.url, *sum((["--pid", str(a.proc.pid)] for a in d.apps), []),
           "--clients", str(args.ws_clients), "--seconds", str(args.ws_seconds), "--no-doc", "--json", str(out)]
    print(f"\n== without browsers: {' '.join(cmd[1:])}", flush=True)
    run = subprocess.run(cmd, cwd=ROOT, text=True, capture_output=True, timeout=args.ws_seconds + 600)
    print(run.stdout, flush=True)
    if run.returncode not in (0, 1):
        print(run.stderr[-3000:], file=sys.stderr)
        raise RuntimeError(f"the load test without browsers failed ({run.returncode})")
    figures = json.loads(out.read_text(encoding="utf-8"))[0]
    out.unlink()
    return figures


def table(runs: dict[int, dict], check: str, args, seconds: float) -> str:
    def row(label, fmt):
        return f"| {label} | " + " | ".join(fmt(runs[n]).replace("nan s", "–").replace("nan", "–")
                                             for n in sorted(runs)) + " |"

    ratio = runs[2]["actions_per_s"] / runs[1]["actions_per_s"] if runs[1]["actions_per_s"] else float("nan")
    cpu = {n: r["server_cpu_s"] / r["wall_s"] for n, r in runs.items()}
    ws_ratio = (runs[2]["ws"]["actions_per_s"] / runs[1]["ws"]["actions_per_s"] if runs[1]["ws"]["actions_per_s"]
                else float("nan"))
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `make scale-check` (`python -m bench.scale_check "
        f"--sessions {args.sessions} --seconds {args.seconds:g} --ramp {args.ramp:g} --think {args.think:g} "
        f"--contexts {args.contexts}`) on {os.cpu_count()} CPU cores shared by the app processes, nginx, "
        f"PostgreSQL, the browser and other jobs (Python {platform.python_version()}); {seconds:.0f} s in all. "
        + (f"The sessions are tabs of {args.contexts} browsers, each with its own affinity cookie; "
           if str(args.contexts).isdigit() else "Each session is a browser of its own; ")
        + "the load test runs through nginx.",
        "",
        "| Figure | 1 process | 2 processes |",
        "|---|---:|---:|",
        row("Actions done (per second)", lambda r: f"{r['actions']} ({r['actions_per_s']:.2f}/s)"),
        row("Response time p50 / p99, all actions", lambda r: f"{r['p50_s']:.2f} / {r['p99_s']:.2f} s"),
        row("… p50 page load / page switch / slider move",
            lambda r: f"{r['page_load_p50_s']:.2f} / {r['page_switch_p50_s']:.2f} / {r['slider_move_p50_s']:.2f} s"),
        row("Errors (must be 0)", lambda r: str(r["errors"])),
        row("Websocket connections per process (with the load test's 5 warm-up visits)",
            lambda r: " + ".join(map(str, r["sessions_by_process"]))),
        row("App processes' CPU (cores busy on average)", lambda r: f"{r['server_cpu_s']:.0f} s ({r['server_cpu_s'] / r['wall_s']:.2f})"),
        row("App processes' CPU per action", lambda r: f"{r['server_cpu_s'] / max(r['actions'], 1):.2f} s"),
        row("Browser + driver CPU", lambda r: f"{r['client_cpu_s']:.0f} s ({r['client_cpu_s'] / r['wall_s']:.2f} cores)"),
        row("Whole machine busy (load average at the start, every job)",
            lambda r: f"{r['machine_busy']:.0%} ({r['loadavg']:.1f})"),
        row("App processes' memory, warm → peak", lambda r: f"{r['rss_warm_mb']:.0f} → {r['rss_peak_mb']:.0f} MB"),
        row("Requests to other hosts (blocked)", lambda r: str(r["blocked"])),
        row(f"Without browsers ({args.ws_clients} websocket clients, {args.ws_seconds:g} s): actions per second",
            lambda r: f"{r['ws']['actions_per_s']:.1f}/s ({r['ws']['actions']})"),
        row("… p50 / p95, all actions", lambda r: f"{r['ws']['p50_s']:.2f} / {r['ws']['p95_s']:.2f} s"),
        row("… app processes' CPU per action (cores busy)",
            lambda r: f"{r['ws']['server_cpu_per_action_s']:.3f} s ({r['ws']['server_cores_busy']:.2f})"),
        row("… errors (must be 0)", lambda r: str(r["ws"]["errors"])),
        "",
        f"Throughput ratio, 2 processes / 1: **{ratio:.2f}×** (app CPU {cpu[1]:.2f} → {cpu[2]:.2f} cores busy); "
        f"without browsers **{ws_ratio:.2f}×**.",
        "",
        f"Cross-process check: {check}.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ramp", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--contexts", default="4", help="browser contexts (each its own affinity cookie, so "
                        "nginx spreads them over the processes in turn); their tabs are the sessions. 'each': "
                        "a context per session (a cold browser each: much more CPU for the browser)")
    parser.add_argument("--ws-clients", type=int, default=8, help="websocket clients of the load without browsers")
    parser.add_argument("--ws-seconds", type=float, default=30.0, help="how long the load without browsers runs")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/PERFORMANCE.md alone")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="atlas-scale-"))
    runs: dict[int, dict] = {}
    try:
        with Deployment(folder, temporary_database=True) as d:
            d.start_database()
            print("PostgreSQL + PostGIS up", flush=True)
            port = free_port()
            for n in (1, 2):
                d.stop_apps()
                d.start_apps(n)
                d.start_proxy(port)
                print(f"{n} app process(es) behind nginx at {d.proxy.url}", flush=True)
                if n == 2:
                    ok, check = cross_check(d)
                    print(("PASS " if ok else "FAIL ") + check, flush=True)
                    if not ok:
                        return 1
                warm_up([a.url for a in d.apps])
                runs[n] = load(d, args, f"{n} process(es)")
                runs[n]["ws"] = protocol_load(d, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    block = table(runs, check, args, time.perf_counter() - started)
    print("\n" + block)
    if not args.no_doc:
        update_section(DOC, START, END, block, heading="Team deployment: processes behind nginx (scale-check)")
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(r["errors"] or r["ws"]["errors"] for r in runs.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
