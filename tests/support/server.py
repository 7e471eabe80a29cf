"""The tests' side of the local harness (:mod:`deploy.local`: the app's server on a free port, an
offline chromium, waiting for the app), with the pytest fixtures the browser tests share:
``streamlit_server`` (one server for the session, its saved datasets in a temporary folder),
``browser`` (one chromium; skipped when it is not installed) and ``server`` (the server, opened once
at ``/``). Only the tests import this module; the deployment and the benchmarks import
:mod:`deploy.local`.
"""

from __future__ import annotations

import pytest

from deploy import local
from deploy.local import (  # noqa: F401 (the harness, for the tests that import it from here)
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_HOSTS,
    MAP,
    NOT_RUNNING,
    BrowserMissing,
    Offline,
    StreamlitServer,
    count_paths,
    fills,
    free_port,
    map_frames,
    settled_text,
    wait_for_app,
    wait_for_paths,
    wait_for_still_map,
)
from geo.config import ROOT


def launch_browser(playwright):
    """:func:`deploy.local.launch_browser`, skipping the test when chromium is not installed."""
    try:
        return local.launch_browser(playwright)
    except BrowserMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory):
    """One app server for the whole test session; its saved datasets live in a temporary folder."""
    data_dir = tmp_path_factory.mktemp("datasets")
    with StreamlitServer(env={"ATLAS_DATA_DIR": str(data_dir)}) as server:
        server.data_dir = data_dir
        yield server


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for every browser test (two sync Playwright sessions cannot run at
    once in one process)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(streamlit_server, browser):
    """The session's server, opened once at / so that its caches are warm (a first request to a
    page such as /belgium on a fresh server works as well: see
    test_a_shared_link_works_as_the_first_request_of_a_fresh_server)."""
    if not (ROOT / "data" / "incidents.csv").exists():
        pytest.fail("data/incidents.csv is missing: the app cannot start without it")
    context = browser.new_context()
    try:
        Offline().install(context)
        page = context.new_page()
        page.goto(streamlit_server.url + "/", wait_until="domcontentloaded")
        page.wait_for_selector("h1", timeout=60_000)
        wait_for_app(page)
    finally:
        context.close()
    return streamlit_server
