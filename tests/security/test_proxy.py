"""Issue 23, items 1, 2 and 5, replayed through the real nginx in front of a real app process:

1. a reader's upload (``PUT /_stcore/upload_file/<session>/<id>``, the memory filler) is refused by
   nginx, none of it reaches the app, and the process's memory does not grow;
2. a page on another origin (another port of this host) cannot open an editor's websocket or send
   a state-changing request on ``/edit/``, even with the editor's credentials riding along, and
   ``/edit/`` cannot be framed;
5. the access log is not readable by other users and carries no session id.

Each attack has its control: the same request from the atlas's own origin does go through, so a
test fails if the refusal goes for the wrong reason."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.security.conftest import basic, raw, websocket_headers

pytestmark = [pytest.mark.postgis, pytest.mark.security]
SESSION, FILE = "5e551011-aaaa-4bbb-8ccc-0123456789ab", "f11e0000-1111-4222-8333-444455556666"


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def logged(deployment, needle: str) -> list[str]:
    time.sleep(1.3)  # the log is flushed every second
    log = Path(deployment.proxy.site.folder) / "access.log"
    return [line for line in log.read_text(encoding="utf-8").splitlines() if needle in line]


def test_readers_cannot_upload_and_the_process_keeps_its_memory(deployment):
    url, app = deployment.proxy.url, deployment.apps[0]
    before = rss_mb(app.proc.pid)
    body = b"x" * (30 * 1024 * 1024)
    for path in (f"/_stcore/upload_file/{SESSION}/{FILE}", f"//_stcore/upload_file/{SESSION}/{FILE}",
                 f"/%5Fstcore/upload_file/{SESSION}/{FILE}", f"/data/../_stcore/upload_file/{SESSION}/{FILE}"):
        big = raw(url, "PUT", path, {"Content-Type": "application/octet-stream"}, body)
        small = raw(url, "PUT", path, {"Content-Type": "application/octet-stream"}, b"x" * 1000)
        assert (big.status, small.status) in {(413, 403), (403, 403)}, (path, big.status, small.status)
    # Four 30 MB bodies, none held. (Made-up ids: the app would refuse them too, after reading the
    # body; what fails this test against the old configuration is the log below: they were proxied.)
    assert rss_mb(app.proc.pid) - before < 20
    lines = logged(deployment, "upload_file/")
    assert len(lines) == 8 and all(re.search(r'" (403|413) \d+ upstream=- ', line) for line in lines), lines  # never proxied
    assert not any(SESSION in line for line in lines)


def test_readers_bodies_are_capped_and_editors_take_uploads(deployment):
    url = deployment.proxy.url
    assert raw(url, "POST", "/", {"Content-Type": "text/plain"}, b"y" * 100_000).status == 413
    # The control: the editors' route passes the same upload to the app (which wants its token).
    editor = {"Authorization": basic("editor", deployment.editor_password), "Origin": url}
    answer = raw(url, "PUT", f"/edit/_stcore/upload_file/{SESSION}/{FILE}", editor, b"z" * 1_000_000)
    assert answer.status not in (401, 413)
    assert any("upstream=127.0.0.1:" in line for line in logged(deployment, "/edit/_stcore/upload_file/"))


@pytest.mark.parametrize("origin", ["http://127.0.0.1:9", "http://localhost:{port}", "null",
                                    "http://127.0.0.1:{port}.evil.example", "https://evil.example"])
def test_a_foreign_page_cannot_open_an_editors_websocket(deployment, origin):
    url = deployment.proxy.url
    port = url.rsplit(":", 1)[1]
    headers = websocket_headers(origin.format(port=port)) | {"Authorization": basic("editor", deployment.editor_password)}
    answer = raw(url, "GET", "/edit/_stcore/stream", headers)
    assert answer.status == 403, answer


def test_the_atlas_own_page_opens_the_editors_websocket(deployment):
    """The control of the test above: the same handshake from the atlas's own origin is answered
    by the app (101 Switching Protocols)."""
    url = deployment.proxy.url
    headers = websocket_headers(url) | {"Authorization": basic("editor", deployment.editor_password)}
    assert raw(url, "GET", "/edit/_stcore/stream", headers).status == 101
    assert raw(url, "GET", "/edit/_stcore/stream", websocket_headers(url)).status == 401  # still signed in only


def test_a_foreign_page_cannot_send_state_changing_requests_to_edit(deployment):
    url = deployment.proxy.url
    auth = {"Authorization": basic("editor", deployment.editor_password)}
    for method, path in (("PUT", f"/edit/_stcore/upload_file/{SESSION}/{FILE}"),
                         ("DELETE", f"/edit/_stcore/upload_file/{SESSION}/{FILE}"), ("POST", "/edit/data")):
        answer = raw(url, method, path, auth | {"Origin": "http://127.0.0.1:9"}, b"payload")
        assert answer.status == 403, (method, path, answer.status)


def test_the_editors_pages_cannot_be_framed(deployment):
    url = deployment.proxy.url
    for headers in ({"Authorization": basic("editor", deployment.editor_password)}, {}):  # signed in, and not
        answer = raw(url, "GET", "/edit/data", headers)
        assert answer.headers.get("x-frame-options") == "DENY", answer
        assert answer.headers.get("content-security-policy") == "frame-ancestors 'none'"
    signed_in = raw(url, "GET", "/edit/", {"Authorization": basic("editor", deployment.editor_password),
                                         "Cookie": "atlas_node=1"})
    assert signed_in.status == 200 and "atlas_node=1" in signed_in.headers.get("set-cookie", "")


def test_the_access_log_is_private_and_names_no_session(deployment):
    url = deployment.proxy.url
    raw(url, "GET", f"/media/{FILE}.png")
    raw(url, "PUT", f"/_stcore/upload_file/{SESSION}/{FILE}", {}, b"x")
    log = Path(deployment.proxy.site.folder) / "access.log"
    time.sleep(1.3)
    text = log.read_text(encoding="utf-8")
    assert "/media/(file)" in text and "upload_file/(session)" in text
    assert SESSION not in text and FILE not in text
    for name in ("access.log", "error.log"):
        assert (log.parent / name).stat().st_mode & 0o777 == 0o640, name
