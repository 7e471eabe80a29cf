"""``python -m bench [name ...]``: run the bench modules, print one table, update the doc.

Every ``bench/bench_*.py`` runs (or only the named ones: ``app``, ``bench_core``…), each in its own
process with a hard time limit. The table goes to stdout and into ``docs/PERFORMANCE.md`` between
``<!-- bench:start -->`` and ``<!-- bench:end -->`` (a partial run replaces the rows of the
modules it ran and keeps the others, dated).
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench._doc import update_section

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
MARK = "@@bench-result@@"
TIME_LIMIT = 900  # seconds per module

CHILD = f"""
import importlib, json, signal, sys
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks (servers stop)
result = importlib.import_module("bench." + sys.argv[1]).run()
print({MARK!r} + json.dumps(result, default=float), flush=True)
"""


@dataclass
class Row:
    module: str
    figure: str
    value: str
    target: str
    command: str
    note: str
    ok: bool | None


def modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if not names:
        return found
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in names]
    unknown = [w for w in wanted if w not in found]
    if unknown:
        sys.exit(f"no such bench module: {', '.join(unknown)} (have: {', '.join(found)})")
    return wanted


def run_module(name: str) -> tuple[dict | None, str]:
    """Run one module in a child process; (result, error text)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, name], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=None, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        out, _ = proc.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        return None, f"timed out after {TIME_LIMIT} s"
    for line in out.splitlines():
        if line.startswith(MARK):
            return json.loads(line[len(MARK):]), ""
        print(line)
    return None, f"exited with {proc.returncode} and no result"


def _unit_of(name: str) -> str:
    m = re.search(r"\((s|ms|KB|MB|bytes)\)\s*$", name)
    return m.group(1) if m else ""


def fmt(value, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, (int, float)):
        if unit == "×":  # a ratio measured in the same run: "5.5×"
            return f"{value:.2f}×"
        if unit == "s":
            text = f"{value:.2f}"
        elif unit == "ms":
            text = f"{value:.0f}"
        elif unit in ("KB", "MB"):
            text = f"{value:,.0f}" if value >= 10 else f"{value:.1f}"
        elif float(value).is_integer():
            text = f"{int(value)}"
        else:
            text = f"{value:.3f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def rows_of(module: str, result: dict) -> list[Row]:
    rows = []
    command = f"python -m bench {module.removeprefix('bench_')}"
    for figure, raw in result.items():
        if isinstance(raw, dict):
            unit = raw.get("unit") or _unit_of(figure)
            value, target, note, ok = raw.get("value"), raw.get("target") or "–", raw.get("note", ""), raw.get("ok")
        else:
            unit, value, target, note, ok = _unit_of(figure), raw, "–", "", None
            figure_unit = f"({unit})"
            if unit and figure.endswith(figure_unit):
                figure = figure[: -len(figure_unit)].rstrip()
        rows.append(Row(module, figure, fmt(value, unit), target, command, note or "", ok))
    return rows


def table(rows: list[Row]) -> str:
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| Figure | Value | Target | Command | Detail |", "|---|---:|---|---|---|"]
    for r in rows:
        target = r.target if r.ok is None else f"{r.target} ({'met' if r.ok else 'missed'})"
        lines.append(f"| {cell(r.figure)} | {cell(r.value)} | {cell(target)} | `{r.command}` | {cell(r.note)} |")
    return "\n".join(lines)


def versions() -> str:
    parts = [f"Python {platform.python_version()}"]
    for dist in ("streamlit", "streamlit-folium", "folium", "playwright"):
        try:
            from importlib.metadata import version

            parts.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001 (a missing package is not an error here)
            pass
    return ", ".join(parts)


DOC_INTRO = """# Performance

How fast the atlas is for a person using it, measured by `make bench` (which runs
`python -m bench`). The figures below are rewritten by each run, between the two markers; the
rest of this page is written by hand.

Machine: a small Linux virtual machine with 2 CPU cores; the app server, the benchmark and a
headless Chromium share them, on loopback, with every request to the network blocked (the app is
offline-first). Timings on a laptop are usually lower; the ratios between figures hold.

## What the figures mean

- **National map payload, st_folium arguments (server side)**: the JSON size of everything
  `st_folium` sends to the browser for the national map (/belgium, municipality level, counts):
  base-map script, header, HTML and the data layer (`feature_group`: the 581 municipalities as
  GeoJSON with their tooltips and styles). Built from the same objects the page builds.
- **National map page load, websocket bytes received (browser)**: all websocket frames the browser
  receives while /belgium loads in a fresh session (the map's frame is most of it; the rest is the
  page's other elements). Static files (Streamlit's own JavaScript, Leaflet) are not counted.
- **Slider change → redrawn map**: on /timeline (by year), the Period slider is moved with the
  keyboard; from the key press to the moment every polygon of the new data layer is in the map
  (the old layer gone). Median over 9 changes; the map iframe is kept (zoom and pan survive).
- **Cold start**: process start to `/_stcore/health` answering; then, for the first visitor of the
  fresh server, page load at / to the first map drawn (this run imports the app's modules and
  fills the caches); and for /belgium in a new session of a warm server, page load to its 581
  polygons drawn. Streamlit's own frontend takes about 1.5–2.5 s of this on this machine (a page
  with no map, /data, is complete after about 3 s).
- **core: …** (from `bench/bench_core.py`): loading and counting with no browser.
- Other modules' figures (`bench/bench_*.py`) are described in their module docstrings.

"""


def update_doc(block: str) -> None:
    update_section(DOC, START, END, block, heading="Latest figures", intro=DOC_INTRO)


def kept_rows(ran: list[str]) -> list[str]:
    """The table lines of the doc's last figures for the modules this run did not measure (a
    partial run replaces its own modules' rows only), each marked with the date it was measured."""
    if not DOC.exists() or START not in DOC.read_text(encoding="utf-8"):
        return []
    section = DOC.read_text(encoding="utf-8").split(START, 1)[1].split(END, 1)[0]
    date = re.search(r"Measured (\d{4}-\d{2}-\d{2})", section)
    ran_commands = {f"`python -m bench {m.removeprefix('bench_')}`" for m in ran}
    out = []
    for line in section.splitlines():
        line = line.strip()
        if not line.startswith("| ") or not line.endswith("|") or line.startswith(("| Figure ", "|---")):
            continue
        cells = [c.strip() for c in line[1:-1].split("|")]  # figure, value, target, command, note
        if len(cells) < 5 or cells[3] in ran_commands or not cells[3].startswith("`python -m bench"):
            continue
        if date and "(measured " not in cells[-1]:  # an empty note too: the row keeps its five cells
            cells[-1] = f"{cells[-1]} (measured {date.group(1)})".strip()
        out.append("| " + " | ".join(cells) + " |")
    return out


def main(argv: list[str]) -> int:
    names = modules(argv)
    rows: list[Row] = []
    failed: list[str] = []
    started = time.perf_counter()
    for name in names:
        print(f"running {name}…", file=sys.stderr, flush=True)
        t = time.perf_counter()
        result, error = run_module(name)
        if result is None:
            failed.append(f"{name}: {error}")
            rows.append(Row(name, f"{name} failed: {error}", "–", "–", f"python -m bench {name.removeprefix('bench_')}", "", False))
            continue
        rows.extend(rows_of(name, result))
        print(f"  {name} done in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    kept = kept_rows(names)
    block = "\n".join([
        f"Measured {time.strftime('%Y-%m-%d')} with `make bench` on {os.cpu_count()} CPU cores "
        f"({versions()}); modules: {', '.join(names)}; {time.perf_counter() - started:.0f} s in all."
        + (" Rows of other modules are from their last run (dated)." if kept else ""),
        "",
        table(rows) + ("\n" + "\n".join(kept) if kept else ""),
    ])
    print(block)
    update_doc(block)
    print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    if failed:
        print("FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
