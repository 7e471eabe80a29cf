"""Run the app and a browser on this machine: start ``python -m geo serve`` on a free loopback
port, open Debian's chromium through Playwright, keep it offline, and wait for the app.

Used by the deployment's own checks (``deploy/``), by the benchmarks (``bench/``) and by the tests
(through ``tests/support/server.py``, which adds their pytest fixtures), so that all of them measure
the same thing the same way (DESIGN.md §6). Nothing here imports the tests.

- :class:`StreamlitServer` runs the app's server (``python -m geo serve``, which starts
  ``entry/atlas.py`` and so app.py) from the repository root on a free port, polls
  ``/_stcore/health`` and tears the process down (terminate, then kill).
- :func:`launch_browser` starts Debian's chromium through Playwright with the measured flags
  (:class:`BrowserMissing` when it is not installed).
- :class:`Offline` aborts and records every request to a host other than localhost, so a check
  can prove that the app works with no network.
- :func:`wait_for_app` / :func:`map_frames` / :func:`count_paths` wait for a rerun to finish and
  look at the maps' SVG paths.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from geo import config
from geo.config import ROOT

CHROMIUM = config.chromium()
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
    "--lang=en-US",  # the browser's preferred language (the app's default): a test that wants another sets locale=
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
#: a map of the app (geo/ui/components/atlas_map: Leaflet in the page, no iframe)
MAP = ".atlas-map"
NOT_RUNNING = "[data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """The app's server (``python -m geo serve``) on a free loopback port. Use as a context manager."""

    def __init__(self, *, port: int | None = None, startup_timeout: float = 60.0,
                 env: dict[str, str] | None = None, root: Path = ROOT, serve_args: tuple[str, ...] = (),
                 streamlit_args: tuple[str, ...] = ()):
        self.env = dict(env or {})
        self.root = Path(root)  # another tree of the app (the benchmarks' baseline), else this one
        self.serve_args, self.streamlit_args = tuple(serve_args), tuple(streamlit_args)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self.started_at: float | None = None
        self.healthy_after: float | None = None  # seconds from process start to health OK
        self._log = tempfile.TemporaryFile(mode="w+b")  # noqa: SIM115 (kept open while the server runs)

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "geo", "serve", *self.serve_args,  # = streamlit run entry/atlas.py (app.py), data loaded first
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            "--server.enableStaticServing", "true",
            *self.streamlit_args,
        ]

    def start(self) -> StreamlitServer:
        env = dict(os.environ, PYTHONUNBUFFERED="1", **self.env)
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(self.command(), cwd=self.root, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = self.started_at + self.startup_timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        self.healthy_after = time.perf_counter() - self.started_at
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"streamlit was not healthy after {self.startup_timeout:.0f} s:\n{self.log()}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # its own session: only what it started
            proc.wait(timeout=10)

    def log(self) -> str:
        """What the server printed so far (tracebacks of a page land here)."""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        self._log.close()


# ------------------------------------------------------------------ browser
class BrowserMissing(RuntimeError):
    """Debian's chromium is not installed (``make chromium``)."""


def launch_browser(playwright):
    """Debian's chromium, headless, with the measured flags; :class:`BrowserMissing` without it."""
    if not Path(CHROMIUM).exists():
        raise BrowserMissing(f"chromium is missing at {CHROMIUM} (run `make chromium`)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class Offline:
    """Abort and record every request to a host that is not loopback (install with ``route``)."""

    def __init__(self):
        self.blocked: list[str] = []

    def handle(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or (parts.hostname or "") in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def install(self, context) -> Offline:
        context.route("**/*", self.handle)
        return self


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the script has run (the status element says notRunning) and stays so briefly."""
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=timeout)
    page.wait_for_timeout(150)  # a rerun queued by query-param sync starts within a tick
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=timeout)


def settled_text(page, selector: str, *, timeout: float = 15.0) -> str:
    """The text of ``selector`` once the script is not running and the text has stayed the same for
    three polls: a rerun that has not started yet, or is drawing, shows the previous run's elements
    for a moment."""
    deadline = time.perf_counter() + timeout
    last, same = None, 0
    while time.perf_counter() < deadline:
        text = page.evaluate("""([sel, idle]) => {
            const e = document.querySelector(sel);
            return document.querySelector(idle) && e ? e.innerText : null; }""", [selector, NOT_RUNNING])
        same = same + 1 if text is not None and text == last else 0
        if same >= 3:
            return text
        last = text
        time.sleep(0.15)
    return page.locator(selector).inner_text()


def map_frames(page):
    """One frame per map on the page, in page order. The maps are drawn in the page itself (a
    Streamlit component with no iframe), so each is the page's main frame: ``frame.locator`` and
    ``frame.evaluate("document…")`` reach every map's paths (the pages have one map each)."""
    return [page.main_frame] * page.locator(MAP).count()


def count_paths(frame) -> int:
    return frame.evaluate("document.querySelectorAll('path.leaflet-interactive').length")


def fills(frame) -> list[str]:
    return frame.evaluate(
        "Array.from(document.querySelectorAll('path.leaflet-interactive'), p => p.getAttribute('fill'))")


def wait_for_paths(page, *, at_least: int = 1, index: int = 0, timeout: float = 30.0):
    """Wait until the ``index``-th map frame holds at least ``at_least`` interactive paths; return
    the frame and the count."""
    deadline = time.perf_counter() + timeout
    last = 0
    while time.perf_counter() < deadline:
        frames = map_frames(page)
        if len(frames) > index:
            with contextlib.suppress(Exception):  # the frame may be navigating
                last = count_paths(frames[index])
                if last >= at_least:
                    return frames[index], last
        time.sleep(0.05)
    raise TimeoutError(f"map {index} had {last} interactive paths after {timeout:.0f} s "
                       f"(wanted at least {at_least})")


def wait_for_still_map(page, *, timeout: float = 10.0):
    """Wait until the page's map stops moving (a fit after layout): the first path keeps the same
    box over three polls, so that what a test measures is where it will be painted."""
    deadline = time.perf_counter() + timeout
    last, same = None, 0
    while time.perf_counter() < deadline:
        box = page.evaluate("""() => { const p = document.querySelector('.leaflet-interactive');
            if (!p) return null; const r = p.getBoundingClientRect();
            return [r.left, r.top, r.width, r.height].map(v => Math.round(v * 10)); }""")
        same = same + 1 if box is not None and box == last else 0
        if same >= 3:
            return
        last = box
        time.sleep(0.1)
    raise TimeoutError(f"the map was still moving after {timeout:.0f} s")
