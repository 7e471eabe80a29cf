"""The browser load test's report (``python -m bench.load``): response-time percentiles per kind
of action, the servers' memory and CPU, the browser's CPU, as a markdown table for
docs/PERFORMANCE.md and as JSON (``--json``) for ``deploy/scale_check.py``."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass


@dataclass
class Action:
    session: int
    kind: str  # "page load", "page switch" or "slider move"
    page: str
    seconds: float | None
    error: str = ""



def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear between closest ranks."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _times(actions: list[Action]) -> str:
    t = [a.seconds for a in actions if a.seconds is not None and not a.error]
    if not t:
        return "–"
    return f"{pct(t, 50):.2f} / {pct(t, 90):.2f} / {pct(t, 99):.2f} s (n = {len(t)})"


def report(out: dict, args) -> tuple[str, int]:
    res = out["results"]
    actions = res.actions
    failed = [a for a in actions if a.error]
    n_errors = len(failed) + len(res.errors)
    loads = [a for a in actions if a.kind == "page load"]
    switches = [a for a in actions if a.kind == "page switch"]
    moves = [a for a in actions if a.kind == "slider move"]
    mb = 1024
    growth = out["rss_end_kb"] - out["rss_warm_kb"]
    rows = [
        ("Sessions × duration", f"{args.sessions} × {args.seconds:.0f} s, started over {args.ramp:.0f} s "
                                 f"(ran {out['wall']:.0f} s; one Chromium, "
                                 + ("the sessions are tabs of one context)" if args.contexts == "one"
                                    else f"the sessions are tabs of {args.contexts} contexts in turn)"
                                    if str(args.contexts).isdigit()
                                    else "a browser context each)")),
        ("Actions done", f"{len(actions)}: {len(loads)} page loads, {len(switches)} page switches, "
                         f"{len(moves)} slider moves "
                         f"({len(actions) / out['wall']:.1f} a second)"),
        ("Errors (must be 0)", f"{n_errors}: {len(failed)} failed actions (exception or timeout), "
                               f"{len(res.errors)} console or page errors"),
        ("Response time, all actions p50 / p90 / p99", _times(actions)),
        ("… page load (goto → run ended; a new session)", _times(loads)),
        ("… page switch (click in the sidebar → run ended)", _times(switches)),
        ("… slider move (key press → rerun ended)", _times(moves)),
        ("Server RSS: healthy → after warm-up → end of run", f"{out['rss_start_kb'] / mb:.0f} → "
                                                              f"{out['rss_warm_kb'] / mb:.0f} → "
                                                              f"{out['rss_end_kb'] / mb:.0f} MB"),
        ("Server RSS growth during the run", f"{growth / mb:+.0f} MB, of which "
                                              f"{(out['rss_end_kb'] - out['rss_half_kb']) / mb:+.0f} MB in the second half "
                                              f"(peak {out['rss_peak_kb'] / mb:.0f} MB; {out['rss_after_kb'] / mb:.0f} MB "
                                              "5 s after the browser closed)"),
        ("CPU during the run", f"server {out['server_cpu_s']:.0f} s ({out['server_cpu_s'] / out['wall']:.0%} of one "
                               f"core), Chromium + driver {out['client_cpu_s']:.0f} s "
                               f"({out['client_cpu_s'] / out['wall']:.0%}) in {out['wall']:.0f} s; whole machine "
                               f"{out['machine_busy']:.0%} busy (with other jobs; load average {out['loadavg']:.1f} at the start)"),
        ("Server CPU per action", f"{out['server_cpu_s'] / max(len(actions), 1):.2f} s "
                                  f"(so about {len(actions) / max(out['server_cpu_s'], 1e-9):.1f} actions a second "
                                  "per core the server has)"),
        ("Requests to other hosts (blocked)", f"{len(res.blocked)}"),
        ("Streamlit base-path probes (404, not counted as errors)", f"{res.probes}"),
    ]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python -m bench.load --sessions {args.sessions} "
        f"--seconds {args.seconds:g} --nav {args.nav} --contexts {args.contexts} --ramp {args.ramp:g} "
        f"--think {args.think:g}` "
        f"on {os.cpu_count()} CPU cores shared by the server, the browser and other jobs (timings are "
        "noisy: compare percentiles, read them with the CPU figures).",
        "",
        "| Figure | Value |",
        "|---|---|",
        *[f"| {a} | {b.replace('|', '/')} |" for a, b in rows],
    ]
    return "\n".join(lines), n_errors


def summary(out: dict) -> dict:
    """The main figures of a run, for --json (times in seconds)."""
    actions = out["results"].actions
    done = [a.seconds for a in actions if a.seconds is not None and not a.error]
    by_kind = {k: [a.seconds for a in actions if a.kind == k and a.seconds is not None and not a.error]
               for k in ("page load", "page switch", "slider move")}
    return {
        "actions": len(actions), "wall_s": out["wall"], "actions_per_s": len(actions) / out["wall"],
        "errors": len([a for a in actions if a.error]) + len(out["results"].errors),
        "p50_s": pct(done, 50), "p90_s": pct(done, 90), "p99_s": pct(done, 99),
        **{f"{k.replace(' ', '_')}_p50_s": pct(v, 50) for k, v in by_kind.items()},
        "server_cpu_s": out["server_cpu_s"], "client_cpu_s": out["client_cpu_s"],
        "machine_busy": out["machine_busy"], "loadavg": out["loadavg"],
        "rss_warm_mb": out["rss_warm_kb"] / 1024, "rss_peak_mb": out["rss_peak_kb"] / 1024,
        "blocked": len(out["results"].blocked),
    }
