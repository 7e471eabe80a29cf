"""``python -m bench.wsload``: the app's servers under load, with no browser playing the users.

A browser's messages for a page load of /belgium and for a reader's actions (a sidebar filter, the
Metric control, page switches; :mod:`bench.wsrecord`) are recorded once, then replayed by
``--clients`` websocket clients (Python ``websockets``, asyncio, one process) against 1, 2 and 4
app processes (``--processes``), each started fresh on loopback and warmed up. Each client opens a
session (the page load), replays the recorded actions in order ``--actions`` times over, closes
it and opens a new one, with no pause (``--think`` adds a mean pause), until ``--seconds`` have
passed; client *i* talks to process *i* mod *P*, as nginx's affinity spreads browsers.

An action is timed from sending its messages to the ``script_finished`` ForwardMsg that ends the
run it caused (not one ended early for a rerun): the whole server answer has arrived. Static files
(Streamlit's bundle, Leaflet, the geometry file) are not fetched: in a deployment nginx serves them
(deploy/); a browser fetches them once per page life. The servers' CPU time (``/proc``, every
thread) over the run, divided by the actions done, is the figure that predicts capacity: one
process runs every session's script under one interpreter lock, so it serves at most about one
core's worth, 1 / (CPU per action) actions a second.

Bounded: every wait has a timeout, no new action starts after ``--seconds``, and a hard limit ends
the run. Loopback only. The table goes to docs/PERFORMANCE.md between ``<!-- wsload:start -->`` and
``<!-- wsload:end -->`` (``--no-doc`` to skip).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench._doc import update_section
from bench.load_report import pct
from bench.procstat import CLK_TCK, loadavg, machine_busy, proc_status

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- wsload:start -->", "<!-- wsload:end -->"
EARLY = 2  # ForwardMsg.FINISHED_EARLY_FOR_RERUN: another run follows
LOOPBACK = re.compile(r"^http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/?$")
KINDS = ("page load", "sidebar filter", "page control", "page switch")


@dataclass
class Done:
    kind: str
    seconds: float | None
    error: str = ""
    received: int = 0  # bytes of the server's answer (ForwardMsgs, uncompressed)


@dataclass
class Run:
    processes: int
    done: list[Done] = field(default_factory=list)
    wall: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    machine_busy: float = 0.0
    loadavg: float = 0.0
    rss_mb: float = 0.0


def _ws_url(url: str) -> str:
    return url.rstrip("/").replace("http://", "ws://", 1) + "/_stcore/stream"


class Session:
    """One Streamlit session over its own websocket: send a step's messages, wait for its run."""

    def __init__(self, url: str, timeout: float):
        self.url, self.timeout = url, timeout
        self.ws = None
        self.finished: asyncio.Queue[int] = asyncio.Queue()
        self.received = 0
        self._reader: asyncio.Task | None = None

    async def __aenter__(self) -> Session:
        from websockets.asyncio.client import connect

        self.ws = await asyncio.wait_for(connect(
            _ws_url(self.url), subprotocols=["streamlit"], origin=self.url.rstrip("/"),
            max_size=None, compression=None, open_timeout=self.timeout), self.timeout)
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc) -> None:
        if self._reader:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(), 5)

    async def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        async for data in self.ws:
            if isinstance(data, str):
                continue
            self.received += len(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "script_finished":
                self.finished.put_nowait(msg.script_finished)

    async def act(self, kind: str, messages: tuple[bytes, ...]) -> Done:
        """Send ``messages``; the seconds until the run they caused has finished, and the bytes received."""
        while not self.finished.empty():  # a late run of the step before
            self.finished.get_nowait()
        t0, bytes0 = time.perf_counter(), self.received
        for m in messages:
            await self.ws.send(m)
        deadline = t0 + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no finished run after {self.timeout:.0f} s")
            status = await asyncio.wait_for(self.finished.get(), left)
            if status != EARLY:
                return Done(kind, time.perf_counter() - t0, received=self.received - bytes0)


async def _client(index: int, url: str, steps, deadline: float, args, run: Run) -> None:
    rng = random.Random(args.seed * 1000 + index)
    load, actions = steps[0], steps[1:]
    while time.perf_counter() < deadline:
        try:
            async with Session(url, args.timeout) as s:
                run.done.append(await s.act(load.kind, load.messages))
                for _ in range(args.actions):
                    for step in actions:
                        if time.perf_counter() >= deadline:
                            return
                        if args.think:
                            await asyncio.sleep(min(rng.uniform(0, 2 * args.think),
                                                    max(deadline - time.perf_counter(), 0)))
                        run.done.append(await s.act(step.kind, step.messages))
        except Exception as exc:  # noqa: BLE001 (a timeout or a closed socket is a result here)
            run.done.append(Done("error", None, f"{type(exc).__name__}: {str(exc)[:160]}"))
            await asyncio.sleep(0.5)


def _cpu(pids) -> float:
    return sum(proc_status(p)["cpu_ticks"] for p in pids) / CLK_TCK


async def drive(urls: list[str], pids: list[int], steps, args) -> Run:
    run = Run(processes=len(pids))  # behind nginx (--url): the processes sampled
    for url in urls:  # warm-up: each process runs every recorded step once (caches, imports)
        async with Session(url, args.timeout) as s:
            for step in steps:
                await s.act(step.kind, step.messages)
    busy0, cpu0, me0 = machine_busy(), _cpu(pids), os.times()
    run.loadavg = loadavg()
    t0 = time.perf_counter()
    deadline = t0 + args.seconds
    await asyncio.gather(*(_client(i, urls[i % len(urls)], steps, deadline, args, run)
                           for i in range(args.clients)))
    run.wall = time.perf_counter() - t0
    me1, busy1 = os.times(), machine_busy()
    run.server_cpu_s = _cpu(pids) - cpu0
    run.client_cpu_s = (me1.user + me1.system) - (me0.user + me0.system)
    run.machine_busy = (busy1[0] - busy0[0]) / max(busy1[1] - busy0[1], 1)
    run.rss_mb = sum(proc_status(p)["rss_kb"] for p in pids) / 1024
    return run


def measure(processes: int, steps, args) -> Run:
    from deploy.local import StreamlitServer
    from geo.admin import boundaries

    env = {"ATLAS_BOUNDARIES": str(boundaries.boundary_file())}
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(StreamlitServer(startup_timeout=120, env=env)) for _ in range(processes)]
        print(f"  {processes} process(es) up; {args.clients} clients for {args.seconds:g} s…", file=sys.stderr,
              flush=True)
        return asyncio.run(asyncio.wait_for(drive([s.url for s in servers], [s.proc.pid for s in servers], steps,
                                                  args), args.seconds + 4 * args.timeout + 60))


# ----------------------------------------------------------------------------- report
def _ok(run: Run, kind: str | None = None) -> list[float]:
    return [d.seconds for d in run.done if not d.error and d.seconds is not None and (kind is None or d.kind == kind)]


def _p(values: list[float]) -> str:
    return f"{pct(values, 50):.3f} / {pct(values, 95):.3f} s" if values else "–"


def figures(run: Run) -> dict:
    ok = _ok(run)
    n = len(ok)
    return {
        "processes": run.processes, "actions": n, "actions_per_s": n / run.wall if run.wall else float("nan"),
        "p50_s": pct(ok, 50), "p95_s": pct(ok, 95),
        **{f"{k.replace(' ', '_')}_p95_s": pct(_ok(run, k), 95) for k in KINDS},
        "errors": sum(1 for d in run.done if d.error),
        "server_cpu_s": run.server_cpu_s, "server_cpu_per_action_s": run.server_cpu_s / n if n else float("nan"),
        "server_cores_busy": run.server_cpu_s / run.wall if run.wall else float("nan"),
        "client_cpu_s": run.client_cpu_s, "machine_busy": run.machine_busy, "loadavg": run.loadavg,
        "rss_mb": run.rss_mb, "wall_s": run.wall,
    }


def report(runs: list[Run], steps, args) -> str:
    figs = [figures(r) for r in runs]
    head = "| Figure | " + " | ".join(f"{f['processes']} process{'es' if f['processes'] > 1 else ''}" for f in figs) + " |"
    rows = [
        ("Actions done (per second)", lambda f, r: f"{f['actions']} ({f['actions_per_s']:.1f}/s)"),
        ("Response time p50 / p95, all actions", lambda f, r: _p(_ok(r))),
        *[(f"… {k} p50 / p95", lambda f, r, k=k: _p(_ok(r, k))) for k in KINDS],
        ("Server's answer per action, median bytes (load / filter / control / switch)", lambda f, r: " / ".join(
            f"{statistics.median(b):,.0f}" if (b := [d.received for d in r.done if d.kind == k and not d.error])
            else "–" for k in KINDS)),
        ("Errors (must be 0)", lambda f, r: str(f["errors"])),
        ("Servers' CPU per action", lambda f, r: f"{f['server_cpu_per_action_s']:.3f} s"),
        ("Servers' CPU (cores busy on average)", lambda f, r: f"{f['server_cpu_s']:.0f} s ({f['server_cores_busy']:.2f})"),
        ("Load client's CPU (one Python process)", lambda f, r: f"{f['client_cpu_s']:.1f} s"),
        ("Whole machine busy (load average at the start, every job)",
         lambda f, r: f"{f['machine_busy']:.0%} ({f['loadavg']:.1f})"),
        ("Servers' memory at the end", lambda f, r: f"{f['rss_mb']:.0f} MB"),
    ]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python -m bench.wsload "
        + (f"--url {' --url '.join(args.url)} ({len(args.pid)} server processes)" if args.url
           else f"--processes {' '.join(str(r.processes) for r in runs)}")
        + f" --clients {args.clients} --seconds {args.seconds:g} "
        f"--actions {args.actions} --think {args.think:g}` on {os.cpu_count()} CPU cores shared by the app "
        "processes, the load client and other jobs. Recorded from a browser: "
        + ", ".join(f"{s.name} ({len(s.messages)} message{'s' if len(s.messages) > 1 else ''})" for s in steps) + ".",
        "",
        head,
        "|---|" + "---:|" * len(figs),
        *[f"| {name} | " + " | ".join(fn(f, r) for f, r in zip(figs, runs)) + " |" for name, fn in rows],
    ]
    one = figs[0]
    if len(figs) > 1 and one["actions_per_s"]:
        lines += ["", "Throughput against 1 process: " + ", ".join(
            f"{f['processes']} processes **{f['actions_per_s'] / one['actions_per_s']:.2f}×**" for f in figs[1:])
            + f"; CPU per action {statistics.median(f['server_cpu_per_action_s'] for f in figs):.3f} s "
            "(median of the runs), so a core serves about "
            f"{1 / statistics.median(f['server_cpu_per_action_s'] for f in figs):.0f} of these actions a second."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wsload", description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4], help="app processes, one run each")
    parser.add_argument("--clients", type=int, default=8, help="concurrent sessions (default 8)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long new actions start (default 30)")
    parser.add_argument("--actions", type=int, default=3,
                        help="times a session replays the recorded actions before it closes (default 3)")
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between actions (default 0)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds one action may take (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--url", action="append", default=[],
                        help="drive these running apps (loopback; repeat) instead of starting processes; needs --pid")
    parser.add_argument("--pid", type=int, action="append", default=[], help="with --url: a server process to sample")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/PERFORMANCE.md alone")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write each run's figures as JSON")
    args = parser.parse_args(argv)
    if any(not LOOPBACK.match(u) for u in args.url) or (args.url and not args.pid):
        parser.error("--url must be a loopback http://127.0.0.1:PORT address, with --pid for each server process")
    if args.clients < 1 or args.seconds <= 0 or args.actions < 1 or args.think < 0 or min(args.processes) < 1:
        parser.error("--clients, --seconds, --actions and --processes must be positive, --think >= 0")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: the servers stop

    from bench.wsrecord import record
    from deploy.local import StreamlitServer
    from geo.admin import boundaries

    if args.url:
        steps = record(args.url[0].rstrip("/"))
        runs = [asyncio.run(asyncio.wait_for(drive([u.rstrip("/") for u in args.url], args.pid, steps, args),
                                             args.seconds + 4 * args.timeout + 60))]
    else:
        with StreamlitServer(startup_timeout=120, env={"ATLAS_BOUNDARIES": str(boundaries.boundary_file())}) as s:
            print("recording a browser's messages…", file=sys.stderr, flush=True)
            steps = record(s.url)
        runs = [measure(p, steps, args) for p in args.processes]
    block = report(runs, steps, args)
    for r in runs:
        for d in [d for d in r.done if d.error][:10]:
            print(f"failed ({r.processes} processes): {d.error}", file=sys.stderr)
    print(block)
    if args.json:
        args.json.write_text(json.dumps([figures(r) for r in runs], indent=2), encoding="utf-8")
    if not args.no_doc:
        update_section(DOC, START, END, block, heading="Load without browsers")
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any(d.error for r in runs for d in r.done) else 0


if __name__ == "__main__":
    raise SystemExit(main())
