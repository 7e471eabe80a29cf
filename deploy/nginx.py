"""The nginx configuration of a deployment: one address on loopback in front of N app processes.

**Session affinity.** A Streamlit session lives in one process: its websocket, and the HTTP
requests that belong to it (file uploads, the media of download buttons), must all reach that
process. nginx gives a new visitor the next process in turn (round robin over ``atlas_any``) and
a cookie ``atlas_node`` naming the process that answered; every later request with that cookie,
the websocket included, goes to that process (``atlas_<n>``, with the others as backups if it
is down). Cookies are per browser, so two people land on different processes in turn; the tabs of
one browser share one process.

**Readers and editors.** Every route overwrites the headers the app trusts: ``/`` (readers) sends
``X-Atlas-Role: reader`` and no secret, whatever the browser sent; ``/edit/`` (editors) asks for
HTTP basic auth (``auth_basic_user_file``), then sends ``X-Atlas-Role: editor`` with the shared
secret ``X-Atlas-Proxy-Secret`` and the user name, and strips ``/edit`` from the path, so the same
processes serve both (Streamlit's frontend finds its base path, ``/edit/``, by itself).

**What the routes refuse** (issue 23, replayed by ``tests/security/``):

- Readers never send a file: the uploader's endpoint ``/_stcore/upload_file/`` is refused on their
  route (Streamlit would hold the file in the process's memory) and a reader's request body is
  capped at :data:`READERS_MAX_BODY`; the editors' route takes up to ``max_body_mb``.
- An editor's session is driven only from the atlas's own pages: a request to ``/edit/`` whose
  ``Origin`` names another host or another port (or ``null``) is refused before sign-in, the
  websocket handshake included (browsers always send ``Origin`` with a websocket and with a
  state-changing request; a navigation without one passes). Every ``/edit/`` answer says
  ``X-Frame-Options: DENY`` and ``Content-Security-Policy: frame-ancestors 'none'``.
- The access log says which process answered, with the session ids of upload and media URLs
  replaced (``…/upload_file/(session)``, ``/media/(file)``); it is made mode 0640 before nginx opens
  it (:func:`private_logs`).

**Static files from disk** (issue 24). Streamlit's frontend bundle (``/static/…``, every name
content-hashed) is served from a copy with gzip-compressed twins (``gzip_static``, made by
:mod:`deploy.static`) and ``Cache-Control: public, max-age=31536000, immutable``; the app's
``static/`` folder (``/app/static/…``) from disk, immutable for the content-hashed files under
``atlas/``, :data:`SHORT_CACHE` for the rest (Leaflet). Everything else nginx passes on (pages,
the map component, JSON) is gzip-compressed on the way when the browser accepts it. Without the
folders (``frontend``/``app_static`` None) those files come from the app processes, compressed.

``python -m deploy.nginx --upstream 127.0.0.1:8601 --upstream 127.0.0.1:8602 …`` prints one (and
makes the log files in ``--folder``, mode 0640).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.config import secret_problems
from geo.errors import SettingsError

EDITORS_ROUTE = "/edit/"  # = geo.ui.access.EDITORS_ROUTE (a test keeps them equal)
COOKIE = "atlas_node"
#: The largest request body on the readers' route (they send none: no upload, no form).
READERS_MAX_BODY = "16k"
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"
#: What nginx compresses on the way (text/html always); the frontend's copies are precompressed.
GZIP_TYPES = ("text/css", "text/javascript", "application/javascript", "application/json",
              "application/geo+json", "image/svg+xml", "text/plain", "application/manifest+json")
_ADDRESS = re.compile(r"(127\.0\.0\.1|localhost|\[::1\]|[a-z0-9][a-z0-9.-]*):\d{1,5}")


@dataclass(frozen=True)
class Site:
    """What a configuration needs. ``upstreams``: ``host:port`` of each app process, in order;
    ``folder``: nginx's prefix (pid, logs, temporary files); ``user``: the worker processes' user
    when nginx starts as root (None: nginx's default); ``frontend``: a copy of Streamlit's
    ``static`` folder with gzip twins (:func:`deploy.static.mirror`), ``app_static``: the app's
    ``static/`` folder (None: both come from the app processes)."""

    listen: str
    upstreams: tuple[str, ...]
    folder: Path
    htpasswd: Path
    secret: str
    max_body_mb: int = 200
    user: str | None = None
    access_log: bool = True
    frontend: Path | None = None
    app_static: Path | None = None

    def __post_init__(self):
        if not self.upstreams:
            raise ValueError("at least one app process")
        for address in (self.listen, *self.upstreams):
            if not _ADDRESS.fullmatch(address):
                raise ValueError(f"{address!r} is not host:port")
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,}", self.secret):
            raise ValueError("the secret is 16 or more letters, digits, '-' or '_'")
        problems = secret_problems("ATLAS_PROXY_SECRET", self.secret)
        if problems:
            raise SettingsError("; ".join(problems))
        for folder in (self.frontend, self.app_static):
            if folder is not None and not re.fullmatch(r"[\w./-]+", str(folder)):
                raise ValueError(f"{str(folder)!r}: a static folder's path is letters, digits, '.', '/', '-' or '_'")


def _proxy(role: str, secret: str, user: str) -> str:
    """The proxy settings of one route. nginx inherits ``proxy_set_header`` only into a location
    that sets none, so each route states all of them."""
    return f"""            proxy_pass http://$atlas_upstream;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $atlas_connection;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Atlas-Role {role};
            proxy_set_header X-Atlas-Proxy-Secret "{secret}";
            proxy_set_header X-Atlas-User "{user}";
            proxy_set_header Authorization "";
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;"""


#: The headers of every answer on the editors' route. nginx drops the server's ``add_header``s in a
#: location that has its own, so the affinity cookie is repeated here.
_EDITORS_HEADERS = """            add_header Set-Cookie $atlas_cookie always;
            add_header X-Frame-Options DENY always;
            add_header Content-Security-Policy "frame-ancestors 'none'" always;"""


def _static(site: Site) -> str:
    """The locations that serve files from disk (both routes: ``/edit`` is dropped first)."""
    blocks = []
    if site.frontend is not None:
        blocks.append(f"""        # Streamlit's frontend bundle (every name content-hashed), with its gzip twins.
        location ~ ^({EDITORS_ROUTE.rstrip('/')})?/static/ {{
            rewrite ^{EDITORS_ROUTE.rstrip('/')}(/.*)$ $1 break;
            root {site.frontend};
            gzip_static on;
            add_header Set-Cookie $atlas_cookie always;
            add_header Cache-Control "{LONG_CACHE}" always;
            try_files $uri @atlas_files;
        }}""")
    if site.app_static is not None:
        blocks.append(f"""        # The app's static folder: Leaflet, the map's content-hashed files under atlas/.
        location ~ ^(?:{EDITORS_ROUTE.rstrip('/')})?/app/static/(?<atlas_static>[^?]+)$ {{
            alias {site.app_static}/$atlas_static;
            add_header Set-Cookie $atlas_cookie always;
            add_header Cache-Control $atlas_static_cache always;
        }}""")
    if blocks:
        blocks.append(f"""        # A file the copy does not have (an upgrade under way): the app processes have it.
        location @atlas_files {{
{_proxy("reader", "", "")}
        }}""")
    return "\n\n".join(blocks)


def render(site: Site) -> str:
    """The configuration text (``nginx -c`` it with ``-p`` the site's folder)."""
    folder = site.folder
    n = len(site.upstreams)
    pinned = []
    for i, first in enumerate(site.upstreams, start=1):
        rest = [u for u in site.upstreams if u != first]
        servers = [f"        server {first};", *[f"        server {u} backup;" for u in rest]]
        pinned.append(f"    upstream atlas_{i} {{\n" + "\n".join(servers) + "\n    }")
    any_servers = "\n".join(f"        server {u};" for u in site.upstreams)
    by_cookie = "\n".join(f"        {i} atlas_{i};" for i in range(1, n + 1))
    # $upstream_addr lists every server tried ("a, b" when a was down): the last one answered.
    by_address = "\n".join(f'        "~(^|\\s){re.escape(u)}$" {i};' for i, u in enumerate(site.upstreams, start=1))
    user = f"user {site.user};\n" if site.user else ""
    access = f"access_log {folder}/access.log atlas buffer=64k flush=1s;" if site.access_log else "access_log off;"
    static = _static(site)
    return f"""# Written by deploy/nginx.py: the Belgian incident atlas behind nginx, {n} app process{'es' if n > 1 else ''}.
{user}worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # Which process served each request ($upstream_addr) and the affinity cookie it came with; the
    # session ids of upload and media URLs are left out.
    map $request_uri $atlas_logged_uri {{
        default $request_uri;
        "~*^(?<atlas_kept>.*?upload(_|%5f)file/)" "${{atlas_kept}}(session)";
        "~*^(?<atlas_kept>.*?/media/)" "${{atlas_kept}}(file)";
    }}
    log_format atlas '$remote_addr [$time_local] "$request_method $atlas_logged_uri $server_protocol" '
                     '$status $body_bytes_sent upstream=$upstream_addr cookie=$cookie_{COOKIE} user=$remote_user';
    {access}
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    client_max_body_size {READERS_MAX_BODY};
    server_tokens off;

    # Scripts, styles and JSON compressed on the way (what the app processes send, too).
    gzip on;
    gzip_proxied any;
    gzip_vary on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_types {' '.join(GZIP_TYPES)};

    # New visitors: the next process in turn. Known visitors: the process their cookie names.
    upstream atlas_any {{
{any_servers}
    }}
{chr(10).join(pinned)}
    map $cookie_{COOKIE} $atlas_upstream {{
        default atlas_any;
{by_cookie}
    }}
    map $upstream_addr $atlas_node {{
        default "";
{by_address}
    }}
    map $atlas_node $atlas_cookie {{
        "" "";
        default "{COOKIE}=$atlas_node; Path=/; HttpOnly; SameSite=Lax";
    }}
    map $http_upgrade $atlas_connection {{
        default upgrade;
        "" close;
    }}
    # A request that names another origin than this host and port (another site, another port of
    # this machine, "null"): refused on the editors' route. No Origin at all: a navigation.
    map "$http_origin#$http_host" $atlas_foreign_origin {{
        default 1;
        "~^#" 0;
        "~*^https?://([^/#]+)#\\1$" 0;
    }}
    map $uri $atlas_static_cache {{
        default "{SHORT_CACHE}";
        "~/atlas/[^/]+-[0-9a-f]{{16}}\\.[a-z]+$" "{LONG_CACHE}";
    }}

    server {{
        listen {site.listen};
        server_name _;
        add_header Set-Cookie $atlas_cookie always;

        # Readers: whatever the browser sends, the app hears "reader" and no secret.
        location / {{
{_proxy("reader", "", "")}
        }}

        # Readers never upload: Streamlit would keep the file in the process's memory.
        location /_stcore/upload_file/ {{
            return 403;
        }}

        location = {EDITORS_ROUTE.rstrip('/')} {{
            return 301 {EDITORS_ROUTE};
        }}

        # Editors: signed in, from the atlas's own pages, never in a frame; then the same processes
        # with the editor's headers, without /edit.
        location {EDITORS_ROUTE} {{
            if ($atlas_foreign_origin) {{
                return 403;
            }}
            client_max_body_size {site.max_body_mb}m;
{_EDITORS_HEADERS}
            auth_basic "Belgian incident atlas: editors";
            auth_basic_user_file {site.htpasswd};
            rewrite ^{EDITORS_ROUTE}(.*)$ /$1 break;
{_proxy("editor", site.secret, "$remote_user")}
        }}
{(chr(10) + static + chr(10)) if static else ""}    }}
}}
"""


def private_logs(folder: Path) -> None:
    """Make nginx's logs before it opens them, mode 0640 (nginx would make them 0644, readable by
    every user of the machine): the access log names editors and which process served whom."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("access.log", "error.log"):
        path = folder / name
        path.touch(mode=0o640, exist_ok=True)
        path.chmod(0o640)


def write(site: Site) -> Path:
    """Write the configuration and the folders nginx needs; returns the configuration's path."""
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (site.folder / "tmp" / name).mkdir(parents=True, exist_ok=True)
    private_logs(site.folder)
    path = site.folder / "nginx.conf"
    path.write_text(render(site), encoding="utf-8")
    path.chmod(0o600)  # it holds the secret
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx", description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--upstream", action="append", required=True, help="host:port of an app process")
    parser.add_argument("--folder", type=Path, default=Path("/var/lib/atlas-nginx"))
    parser.add_argument("--htpasswd", type=Path, default=Path("/etc/nginx/atlas-editors"))
    parser.add_argument("--secret", required=True, help="the value of ATLAS_PROXY_SECRET")
    parser.add_argument("--user", help="worker user when nginx starts as root (www-data)")
    parser.add_argument("--max-body-mb", type=int, default=200, help="largest upload on the editors' route")
    parser.add_argument("--frontend", type=Path,
                        help="copy the installed Streamlit's frontend (with gzip twins) into this folder and serve it")
    args = parser.parse_args(argv)
    frontend = None
    if args.frontend:
        from deploy import static

        frontend = static.mirror(static.streamlit_frontend(), args.frontend)
    try:
        site = Site(listen=args.listen, upstreams=tuple(args.upstream), folder=args.folder, htpasswd=args.htpasswd,
                    secret=args.secret, user=args.user, max_body_mb=args.max_body_mb, frontend=frontend)
    except (ValueError, SettingsError) as exc:
        parser.exit(2, f"deploy.nginx: {exc}\n")
    private_logs(args.folder)
    print(render(site), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
