"""The load tests' clients: the CPU of processes that exit during a run is still counted, and a
browser's recorded messages replayed over a plain websocket make the app run and answer."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.procstat import Sampler, descendants_ticks

BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass\n"


def test_the_sampler_counts_a_client_process_that_has_exited():
    sampler = Sampler(pid=os.getpid())
    sampler.start_clients()
    child = subprocess.Popen([sys.executable, "-c", BURN])
    while child.poll() is None:
        sampler.sample_clients()  # as Sampler.run does every second during a load test
        time.sleep(0.05)
    # read once after it has exited (what bench.load did): nothing is left of it
    assert child.pid not in descendants_ticks(os.getpid())
    assert sampler.client_cpu_s() >= 0.4


@pytest.mark.browser
def test_recorded_messages_replayed_without_a_browser_run_the_pages(server, browser):
    from bench.wsload import Session
    from bench.wsrecord import record

    steps = record(server.url, browser)
    assert [s.kind for s in steps] == ["page load", "sidebar filter", "sidebar filter", "page control",
                                       "page control", "page switch", "page switch"]

    async def replay() -> list:
        async with Session(server.url, 60) as session:
            return [await session.act(s.kind, s.messages) for s in steps]

    with ThreadPoolExecutor(1) as pool:  # the sync Playwright of the fixtures holds this thread's loop
        done = pool.submit(asyncio.run, replay()).result(timeout=300)
    assert all(d.seconds is not None and not d.error for d in done)
    # each run answered with the page's elements: the map's values at least (a few KB)
    assert all(d.received > 1_000 for d in done), [(d.kind, d.received) for d in done]
