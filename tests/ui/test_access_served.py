"""Issue 23, finding 4, replayed against a real app server and chromium: with no proxy secret the
app used to make every session an editor, silently, even behind nginx. Now only the explicit
single-user setting does, and never for a request that carries a proxy's role header."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api")

from deploy.local import Offline, StreamlitServer, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser
UPLOAD = "[data-testid='stFileUploader']"
READER_NOTE = "You are browsing as a reader"


def offered(browser, server: StreamlitServer, headers: dict[str, str] | None = None) -> dict[str, bool]:
    """What the Data page offers a session whose requests carry ``headers``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, extra_http_headers=headers or {})
    try:
        Offline().install(context)
        page = context.new_page()
        page.goto(server.url + "/data", wait_until="domcontentloaded")
        page.wait_for_selector("h1", timeout=60_000)
        wait_for_app(page, timeout=60_000)
        page.get_by_text("Bring your own incidents").first.wait_for(timeout=30_000)
        # one or the other is drawn after that heading: wait for it rather than count too early
        page.locator(UPLOAD).or_(page.get_by_text(READER_NOTE)).first.wait_for(timeout=30_000)
        return {"upload": page.locator(UPLOAD).count() > 0,
                "reader note": page.get_by_text(READER_NOTE).count() > 0}
    finally:
        context.close()


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    for name in ("ATLAS_PROXY_SECRET", "ATLAS_SINGLE_USER", "ATLAS_DATABASE_URL", "ATLAS_READER_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)  # the server inherits the test's environment
    return {"ATLAS_DATA_DIR": str(tmp_path)}


def test_without_a_secret_or_the_setting_a_session_is_a_readers(browser, env):
    with StreamlitServer(env=env) as server:
        assert offered(browser, server) == {"upload": False, "reader note": True}


def test_single_user_mode_is_explicit_and_never_behind_a_proxy(browser, env):
    with StreamlitServer(env=env | {"ATLAS_SINGLE_USER": "1"}) as server:
        assert offered(browser, server) == {"upload": True, "reader note": False}  # make run: the local user
        # what nginx's readers' route sends: a role header (here even one claiming the editor role)
        assert offered(browser, server, {"X-Atlas-Role": "editor"}) == {"upload": False, "reader note": True}
