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

``python -m deploy.nginx --upstream 127.0.0.1:8601 --upstream 127.0.0.1:8602 …`` prints one.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

EDITORS_ROUTE = "/edit/"  # = geo.ui.access.EDITORS_ROUTE (a test keeps them equal)
COOKIE = "atlas_node"
_ADDRESS = re.compile(r"(127\.0\.0\.1|localhost|\[::1\]|[a-z0-9][a-z0-9.-]*):\d{1,5}")


@dataclass(frozen=True)
class Site:
    """What a configuration needs. ``upstreams``: ``host:port`` of each app process, in order;
    ``folder``: nginx's prefix (pid, logs, temporary files); ``user``: the worker processes' user
    when nginx starts as root (None: nginx's default)."""

    listen: str
    upstreams: tuple[str, ...]
    folder: Path
    htpasswd: Path
    secret: str
    max_body_mb: int = 200
    user: str | None = None
    access_log: bool = True

    def __post_init__(self):
        if not self.upstreams:
            raise ValueError("at least one app process")
        for address in (self.listen, *self.upstreams):
            if not _ADDRESS.fullmatch(address):
                raise ValueError(f"{address!r} is not host:port")
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,}", self.secret):
            raise ValueError("the secret is 16 or more letters, digits, '-' or '_'")


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
    return f"""# Written by deploy/nginx.py: the Belgian incident atlas behind nginx, {n} app process{'es' if n > 1 else ''}.
{user}worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    # Which process served each request ($upstream_addr) and the affinity cookie it came with.
    log_format atlas '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                     'upstream=$upstream_addr cookie=$cookie_{COOKIE} user=$remote_user';
    {access}
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    client_max_body_size {site.max_body_mb}m;
    server_tokens off;

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

    server {{
        listen {site.listen};
        server_name _;
        add_header Set-Cookie $atlas_cookie always;

        # Readers: whatever the browser sends, the app hears "reader" and no secret.
        location / {{
{_proxy("reader", "", "")}
        }}

        location = {EDITORS_ROUTE.rstrip('/')} {{
            return 301 {EDITORS_ROUTE};
        }}

        # Editors: signed in, then the same processes with the editor's headers, without /edit.
        location {EDITORS_ROUTE} {{
            auth_basic "Belgian incident atlas: editors";
            auth_basic_user_file {site.htpasswd};
            rewrite ^{EDITORS_ROUTE}(.*)$ /$1 break;
{_proxy("editor", site.secret, "$remote_user")}
        }}
    }}
}}
"""


def write(site: Site) -> Path:
    """Write the configuration and the folders nginx needs; returns the configuration's path."""
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (site.folder / "tmp" / name).mkdir(parents=True, exist_ok=True)
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
    args = parser.parse_args(argv)
    print(render(Site(listen=args.listen, upstreams=tuple(args.upstream), folder=args.folder,
                      htpasswd=args.htpasswd, secret=args.secret, user=args.user)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
