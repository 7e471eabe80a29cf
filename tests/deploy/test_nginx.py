"""The deployment's nginx, for real: the configuration nginx accepts, the headers the app hears
(a browser cannot claim a role), basic auth on the editors' route, and session affinity by
cookie (round robin for new visitors, a known visitor stays on its process, the websocket
included; the other process takes over when its own is down). The app processes are stood in
for by two small HTTP servers that echo what they receive."""

from __future__ import annotations

import base64
import gzip
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import nginx, static
from deploy.run import WORKER_USER, Nginx, htpasswd_line
from geo.ui import access
from tests.support.server import free_port

SECRET = "s" * 20 + "-secret_token"
PASSWORD = "a long editor password"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is missing (run `make nginx`)")


class Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        body = json.dumps({"server": self.server.name, "path": self.path,
                           "headers": {k.lower(): v for k, v in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):  # noqa: N802 (http.server's name): reads the body, answers like a GET
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    do_POST = do_PUT  # noqa: N815

    def log_message(self, *args):
        pass


def echo_server(name: str) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Echo)
    server.name = name
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def proxy():
    apps = [echo_server("one"), echo_server("two")]
    # nginx's workers (www-data when it starts as root) read the editors' file: a folder they may enter
    root = Path(tempfile.mkdtemp(prefix="atlas-nginx-"))
    root.chmod(0o755)
    htpasswd = root / "editors.htpasswd"
    htpasswd.write_text(htpasswd_line("editor", PASSWORD))
    htpasswd.chmod(0o644)
    site = nginx.Site(listen=f"127.0.0.1:{free_port()}", upstreams=tuple(f"127.0.0.1:{a.server_port}" for a in apps),
                      folder=root / "nginx", htpasswd=htpasswd, secret=SECRET,
                      user=WORKER_USER if os.geteuid() == 0 else None)
    server = Nginx(site).start()  # it waits for /_stcore/health, which the echo servers answer
    try:
        yield server, apps
    finally:
        server.stop()
        for app in apps:
            app.shutdown()
        shutil.rmtree(root, ignore_errors=True)


def get(url: str, *, headers: dict[str, str] | None = None, auth: tuple[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=10) as r:
        return json.loads(r.read()), r.headers.get_all("Set-Cookie") or []


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.read(), {k.lower(): v for k, v in r.headers.items()}


@pytest.fixture
def static_proxy():
    """nginx with a frontend copy and an app static folder of a few files, one echo app behind
    (in a folder nginx's workers may enter)."""
    app = echo_server("one")
    tmp_path = Path(tempfile.mkdtemp(prefix="atlas-nginx-static-"))
    source = tmp_path / "streamlit-static"
    (source / "static" / "js").mkdir(parents=True)
    script = b"function atlas(){return 'a long enough script to be worth compressing';}\n" * 200
    (source / "static" / "js" / "index.Ab12Cd34.js").write_bytes(script)
    (source / "static" / "media").mkdir()
    (source / "static" / "media" / "font.Xy98.woff2").write_bytes(b"\x00woff2" * 100)
    app_static = tmp_path / "app-static"
    (app_static / "atlas").mkdir(parents=True)
    (app_static / "atlas" / "belgium-region-en-0123456789abcdef.json").write_text('{"type": "FeatureCollection"}' * 100)
    (app_static / "leaflet").mkdir()
    (app_static / "leaflet" / "leaflet.js").write_bytes(script)
    for path in tmp_path.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    tmp_path.chmod(0o755)
    site = nginx.Site(listen=f"127.0.0.1:{free_port()}", upstreams=(f"127.0.0.1:{app.server_port}",),
                      folder=tmp_path / "nginx", htpasswd=tmp_path / "pw", secret=SECRET,
                      user=WORKER_USER if os.geteuid() == 0 else None,
                      frontend=static.mirror(source, tmp_path / "frontend"), app_static=app_static)
    (tmp_path / "pw").write_text("")
    server = Nginx(site).start()
    try:
        yield server, script
    finally:
        server.stop()
        app.shutdown()
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_streamlit_frontend_is_served_from_disk_precompressed_and_cached_for_a_year(static_proxy):
    server, script = static_proxy
    for path in ("/static/js/index.Ab12Cd34.js", "/edit/static/js/index.Ab12Cd34.js"):
        body, headers = fetch(server.url + path)
        assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == script, path
        assert headers["cache-control"] == nginx.LONG_CACHE
        assert headers["content-type"] == "application/javascript"
        assert "server" not in headers or headers["server"] == "nginx"  # not the echo app's answer
    plain, headers = fetch(server.url + "/static/js/index.Ab12Cd34.js", {"Accept-Encoding": "identity"})
    assert plain == script and "content-encoding" not in headers
    assert (server.site.frontend / "static" / "js" / "index.Ab12Cd34.js.gz").exists()
    assert not (server.site.frontend / "static" / "media" / "font.Xy98.woff2.gz").exists()  # already packed


def test_the_apps_static_files_hashed_for_a_year_the_rest_briefly(static_proxy):
    server, script = static_proxy
    body, headers = fetch(server.url + "/app/static/atlas/belgium-region-en-0123456789abcdef.json")
    assert headers["content-encoding"] == "gzip" and headers["cache-control"] == nginx.LONG_CACHE
    assert gzip.decompress(body).startswith(b'{"type"')
    body, headers = fetch(server.url + "/edit/app/static/leaflet/leaflet.js")
    assert headers["cache-control"] == nginx.SHORT_CACHE and gzip.decompress(body) == script


def test_nginx_accepts_the_configuration_for_one_to_four_processes(tmp_path):
    for n in (1, 2, 4):
        site = nginx.Site(listen="127.0.0.1:8080", upstreams=tuple(f"127.0.0.1:{8600 + i}" for i in range(n)),
                          folder=tmp_path / str(n), htpasswd=tmp_path / "pw", secret=SECRET)
        (tmp_path / "pw").write_text("")
        conf = nginx.write(site)
        out = subprocess.run([NGINX, "-t", "-p", str(site.folder), "-c", str(conf), "-e", str(site.folder / "e.log")],
                             capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        assert conf.stat().st_mode & 0o077 == 0  # it holds the secret


def test_bad_values_never_reach_the_configuration(tmp_path):
    for bad in ({"secret": "short"}, {"secret": 'x" ; evil' * 3}, {"upstreams": ("127.0.0.1:1; evil",)},
                {"upstreams": ()}, {"listen": "0.0.0.0:80 default; x"}):
        args = {"listen": "127.0.0.1:8080", "upstreams": ("127.0.0.1:8601",), "folder": tmp_path,
                "htpasswd": tmp_path / "pw", "secret": SECRET, **bad}
        with pytest.raises(ValueError):
            nginx.Site(**args)


def test_the_editors_route_is_the_apps(tmp_path):
    assert nginx.EDITORS_ROUTE == access.EDITORS_ROUTE


def test_readers_cannot_claim_a_role(proxy):
    server, _ = proxy
    seen, _ = get(server.url + "/data?x=1", headers={"X-Atlas-Role": "editor", "X-Atlas-Proxy-Secret": SECRET,
                                                      "X-Atlas-User": "mallory"})
    assert seen["path"] == "/data?x=1"
    assert seen["headers"]["x-atlas-role"] == "reader"
    assert "x-atlas-proxy-secret" not in seen["headers"] and "x-atlas-user" not in seen["headers"]
    assert access.role_of(seen["headers"] | {"X-Atlas-Role": seen["headers"]["x-atlas-role"]}, SECRET) == access.READER


def test_editors_sign_in_and_the_app_hears_the_editor(proxy):
    server, _ = proxy
    for auth in (None, ("editor", "wrong"), ("mallory", PASSWORD)):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(server.url + "/edit/data", auth=auth, headers={"X-Atlas-Role": "editor"})
        assert refused.value.code == 401
    seen, _ = get(server.url + "/edit/data?dataset=gtd", auth=("editor", PASSWORD), headers={"X-Atlas-Role": "reader"})
    assert seen["path"] == "/data?dataset=gtd"  # /edit stripped: the same app serves both routes
    headers = seen["headers"]
    assert (headers["x-atlas-role"], headers["x-atlas-proxy-secret"], headers["x-atlas-user"]) == ("editor", SECRET, "editor")
    assert "authorization" not in headers  # the password stops at nginx
    assert access.role_of({"X-Atlas-Role": headers["x-atlas-role"],
                           "X-Atlas-Proxy-Secret": headers["x-atlas-proxy-secret"]}, SECRET) == access.EDITOR


def test_new_visitors_take_turns_and_a_known_visitor_stays(proxy):
    server, _ = proxy
    firsts = []
    for _ in range(4):
        seen, cookies = get(server.url + "/")
        firsts.append(seen["server"])
        node = {"one": "1", "two": "2"}[seen["server"]]
        assert any(c.startswith(f"atlas_node={node};") and "HttpOnly" in c for c in cookies), cookies
    assert sorted(firsts) == ["one", "one", "two", "two"]
    for node, name in (("1", "one"), ("2", "two")):
        for path in ("/", "/_stcore/stream", "/edit/_stcore/upload_file/abc/def", "/media/x.png", "/edit/"):
            headers = {"Cookie": f"atlas_node={node}", "Upgrade": "websocket", "Connection": "Upgrade"}
            seen, _ = get(server.url + path, headers=headers, auth=("editor", PASSWORD))
            assert seen["server"] == name, (node, path)
            assert seen["headers"]["connection"].lower() == "upgrade" and seen["headers"]["upgrade"] == "websocket"


def test_when_its_process_is_down_a_visitor_moves_to_another(proxy):
    server, apps = proxy
    apps[0].shutdown()
    apps[0].server_close()
    seen, cookies = get(server.url + "/", headers={"Cookie": "atlas_node=1"})
    assert seen["server"] == "two"
    assert any(c.startswith("atlas_node=2;") for c in cookies)  # and from now on it stays there


def status(url: str, method: str = "GET", *, body: bytes | None = None, headers: dict[str, str] | None = None,
           auth: tuple[str, str] | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def test_the_readers_route_takes_no_upload_and_no_large_body(proxy):
    server, _ = proxy
    auth = ("editor", PASSWORD)
    assert status(server.url + "/_stcore/upload_file/s/f", "PUT", body=b"x" * 100)[0] == 403
    assert status(server.url + "/data", "POST", body=b"x" * 100_000)[0] == 413
    assert status(server.url + "/data", "POST", body=b"x" * 1000)[0] == 200  # small bodies pass
    assert status(server.url + "/edit/_stcore/upload_file/s/f", "PUT", body=b"x" * 1_000_000, auth=auth,
                  headers={"Origin": server.url})[0] == 200  # the editors' route: up to max_body_mb


def test_the_editors_route_refuses_other_origins_and_frames(proxy):
    server, _ = proxy
    auth = ("editor", PASSWORD)
    port = server.url.rsplit(":", 1)[1]
    for origin in ("http://127.0.0.1:1", f"http://localhost:{port}", "null", f"http://127.0.0.1:{port}.evil.example"):
        assert status(server.url + "/edit/_stcore/stream", auth=auth, headers={"Origin": origin})[0] == 403, origin
    for origin in (server.url, server.url.replace("http:", "https:"), None):  # its own (behind TLS too), or none
        code, headers = status(server.url + "/edit/data", auth=auth, headers={"Origin": origin} if origin else {})
        assert code == 200, origin
        assert headers["x-frame-options"] == "DENY"
        assert headers["content-security-policy"] == "frame-ancestors 'none'"
        assert headers["set-cookie"].startswith("atlas_node=")
    _, reader = status(server.url + "/data")
    assert "x-frame-options" not in reader  # readers' pages may be embedded
