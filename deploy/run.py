"""``python -m deploy.run`` (``make deploy``): the atlas for a team, on one machine, on loopback:
PostgreSQL with PostGIS, N app processes and nginx in front of them. Ctrl-C stops everything.

- PostgreSQL + PostGIS (Debian's packages, ``make postgis``) in ``.cache/deploy/postgres``
  (``--folder``), kept across restarts, listening only on a unix socket in that folder, a password
  for every login (new at each start, never on disk); the admin login creates the tables, grants
  the editors' login (``atlas_editor``) their rows and the readers' login (``atlas_reader``)
  ``SELECT`` only, then loses its password (:mod:`deploy.postgres`).
- N app processes (``--processes``, default 2) on loopback ports, each with
  ``ATLAS_DATABASE_URL`` (the editors' login), ``ATLAS_READER_DATABASE_URL`` (the readers') and
  ``ATLAS_PROXY_SECRET`` (shared with nginx only; generated once, kept in the folder, mode 600).
  Each refuses to start with a short or placeholder secret (:func:`geo.config.check_secrets`).
- nginx (``make nginx``) on ``127.0.0.1:--port`` (default 8080) with the configuration of
  :mod:`deploy.nginx`: readers at ``/``, editors at ``/edit/`` (HTTP basic auth; without
  ``--htpasswd`` a user ``editor`` is made with a random password, printed and kept in the folder).

Everything listens on loopback or a unix socket. To serve other machines, put TLS in front (or
change ``listen`` in the generated configuration): basic auth sends the password with every request.
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deploy import nginx, static
from deploy.local import StreamlitServer, free_port
from deploy.postgres import ADMIN, READER, PostgresServer
from geo.config import STATIC_DIR

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / ".cache" / "deploy"
EDITOR_USER = "editor"
WORKER_USER = "www-data"  # nginx's worker processes when it starts as root (Debian's user for it)


def _private(path: Path, text: str) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text, encoding="utf-8")


def kept_secret(path: Path) -> str:
    """A random token kept in ``path`` (made on first use, mode 600)."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    token = secrets.token_urlsafe(32)
    _private(path, token + "\n")
    return token


def htpasswd_line(user: str, password: str) -> str:
    """``user:hash`` with a SHA-512 crypt hash (``openssl passwd -6``), which nginx reads."""
    out = subprocess.run(["openssl", "passwd", "-6", "-stdin"], input=password + "\n", capture_output=True,
                         text=True, check=True, timeout=30)
    return f"{user}:{out.stdout.strip()}\n"


def editors_file(folder: Path, given: Path | None) -> tuple[Path, str | None]:
    """The htpasswd file nginx checks editors against: ``given``, or one made in ``folder`` with a
    user ``editor`` and a random password (returned the first time, else None)."""
    if given is not None:
        return given.resolve(), None
    path = folder / "editors.htpasswd"
    password_file = folder / "editor-password"
    if path.exists() and password_file.exists():
        return path, password_file.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    _private(path, htpasswd_line(EDITOR_USER, password))
    _private(password_file, password + "\n")
    return path, password


class AppProcess(StreamlitServer):
    """One app process (``python -m geo serve``) on a loopback port. All share one cookie secret
    (Streamlit takes it only from its environment), so any of them accepts another's upload token."""

    def __init__(self, *, cookie_secret: str, env: dict[str, str], **kwargs):
        super().__init__(env={**env, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}, **kwargs)


class Nginx:
    """nginx in the foreground (``daemon off``) with a configuration from :mod:`deploy.nginx`."""

    def __init__(self, site: nginx.Site):
        self.site = site
        self.proc: subprocess.Popen | None = None
        self.url = f"http://{site.listen}"

    def start(self, timeout: float = 30) -> Nginx:
        conf = nginx.write(self.site)
        if os.geteuid() == 0 and self.site.user:  # the workers read the editors' file and write temp files
            gid = grp.getgrnam(self.site.user).gr_gid
            if self.site.htpasswd.parent == self.site.folder.parent:  # ours (a given file is left as it is)
                os.chown(self.site.htpasswd, 0, gid)
                self.site.htpasswd.chmod(0o640)
            for sub in (self.site.folder / "tmp").iterdir():
                os.chown(sub, _uid(self.site.user), gid)
        binary = "nginx" if subprocess.run(["sh", "-c", "command -v nginx"], capture_output=True).returncode == 0 \
            else "/usr/sbin/nginx"
        self.proc = subprocess.Popen([binary, "-p", str(self.site.folder), "-c", str(conf),
                                      "-e", str(self.site.folder / "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        wait_healthy(self.url, timeout=timeout, proc=self.proc)
        return self

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGQUIT)  # graceful: finish the requests under way
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _uid(user: str) -> int:
    import pwd

    return pwd.getpwnam(user).pw_uid


def wait_healthy(url: str, *, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.perf_counter() + timeout
    last = ""
    while time.perf_counter() < deadline:
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"nginx exited with {proc.returncode}: {err}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last = str(exc)
        time.sleep(0.1)
    raise RuntimeError(f"{url} was not healthy after {timeout:.0f} s ({last})")


class Deployment:
    """The database, the app processes and nginx of one deployment; stop() ends them all."""

    def __init__(self, folder: Path, *, temporary_database: bool = False, htpasswd: Path | None = None):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
        self.secret = kept_secret(folder / "proxy-secret")
        self.cookie_secret = kept_secret(folder / "cookie-secret")
        self.htpasswd, self.editor_password = editors_file(folder, htpasswd)
        self.database = PostgresServer(folder=None if temporary_database else folder / "postgres",
                                       durable=not temporary_database, hardened=True)
        self.apps: list[AppProcess] = []
        self.proxy: Nginx | None = None

    def start_database(self) -> PostgresServer:
        from geo.io.store.postgis import PostgisStore

        self.database.start()
        self.database.harden()
        PostgisStore(self.database.url(ADMIN)).setup(reader=READER)  # the admin's only use
        self.database.grant_tables()
        self.database.lock_admin()
        return self.database

    def app_env(self) -> dict[str, str]:
        return {"ATLAS_DATABASE_URL": self.database.url(),
                "ATLAS_READER_DATABASE_URL": self.database.url(user=READER),
                "ATLAS_PROXY_SECRET": self.secret}

    def start_apps(self, n: int) -> list[AppProcess]:
        """Start ``n`` more app processes, at once (each loads its data before it answers)."""
        new = [AppProcess(cookie_secret=self.cookie_secret, env=self.app_env(), startup_timeout=120)
               for _ in range(n)]
        self.apps += new
        with ThreadPoolExecutor(max_workers=n) as pool:
            list(pool.map(AppProcess.start, new))
        return new

    def stop_apps(self) -> None:
        for app in self.apps:
            app.stop()
        self.apps = []

    def start_proxy(self, port: int, apps: Sequence[AppProcess] | None = None, *, access_log: bool = True) -> Nginx:
        if self.proxy is not None:
            self.proxy.stop()
        (self.folder / "nginx" / "access.log").unlink(missing_ok=True)  # this configuration's requests only
        site = nginx.Site(listen=f"127.0.0.1:{port}", upstreams=tuple(f"127.0.0.1:{a.port}" for a in (apps or self.apps)),
                          folder=self.folder / "nginx", htpasswd=self.htpasswd, secret=self.secret,
                          user=WORKER_USER if os.geteuid() == 0 else None, access_log=access_log,
                          frontend=static.mirror(static.streamlit_frontend(), self.folder / "frontend"),
                          app_static=STATIC_DIR)
        self.proxy = Nginx(site).start()
        return self.proxy

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
            self.proxy = None
        self.stop_apps()
        self.database.stop()

    def __enter__(self) -> Deployment:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2, help="app processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="database, secrets and nginx files")
    parser.add_argument("--htpasswd", type=Path, help="editors' htpasswd file (default: one user 'editor')")
    parser.add_argument("--temporary-database", action="store_true", help="a throw-away database")
    args = parser.parse_args(argv)
    if not 1 <= args.processes <= 32:
        parser.error("--processes is 1 to 32")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = args.port or free_port()
    with Deployment(args.folder, temporary_database=args.temporary_database, htpasswd=args.htpasswd) as d:
        d.start_database()
        print(f"PostgreSQL + PostGIS ready (unix socket in {d.database.folder})", flush=True)
        d.start_apps(args.processes)
        print(f"{args.processes} app process(es) on ports {', '.join(str(a.port) for a in d.apps)}", flush=True)
        proxy = d.start_proxy(port)
        print(f"\nreaders: {proxy.url}/\neditors: {proxy.url}{nginx.EDITORS_ROUTE} (user {EDITOR_USER}"
              + (f", password {d.editor_password})" if d.editor_password else ")")
              + "\nCtrl-C stops everything.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while all(a.proc and a.proc.poll() is None for a in d.apps) and proxy.proc.poll() is None:
                time.sleep(1)
        print("stopping…", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
