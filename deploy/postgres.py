"""PostgreSQL with PostGIS from Debian's packages, started by the atlas itself in a folder it owns:
listening only on a unix socket in that folder (no TCP port is opened), on a free port number (it
names the socket). Used by the tests (a temporary folder, durability off), by ``deploy/run.py`` and
``make scale-check``.

- ``initdb`` (trust login over the socket, whose folder only the server's user may enter; owner
  ``atlas_admin``), ``pg_ctl start``, then a database ``atlas`` owned by the login ``atlas_editor``
  with the ``postgis`` extension, and a login ``atlas_reader`` that the store's ``setup`` grants
  ``SELECT`` only.
- As root the server runs as the ``postgres`` user (PostgreSQL refuses root).

Debian's packages put the programs in ``/usr/lib/postgresql/<version>/bin`` and the extension in
``/usr/share/postgresql/<version>/extension/postgis.control``; the newest version with PostGIS wins.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
EXTENSIONS = Path("/usr/share/postgresql")
ADMIN, EDITOR, READER, DATABASE = "atlas_admin", "atlas_editor", "atlas_reader", "atlas"


def find_bindir() -> Path | None:
    """The ``bin`` folder of the newest PostgreSQL whose PostGIS extension is installed."""
    versions = sorted((p for p in PG_ROOT.glob("*") if p.name.isdigit()), key=lambda p: int(p.name), reverse=True)
    for version in versions:
        if (version / "bin" / "postgres").exists() and (EXTENSIONS / version.name / "extension" / "postgis.control").exists():
            return version / "bin"
    return None


class PostgresServer:
    """PostgreSQL + PostGIS in a temporary folder. Use as a context manager."""

    def __init__(self, bindir: Path | None = None, *, folder: Path | None = None, durable: bool = False):
        found = bindir or find_bindir()
        if found is None:
            raise FileNotFoundError("PostgreSQL with PostGIS is not installed (run `make postgis`)")
        self.bindir = found
        self.port = _free_port()
        self.folder: Path | None = None
        self.user: pwd.struct_passwd | None = None
        #: a folder to keep (deploy/run.py: the data survives a restart); None: a temporary one, removed
        self.keep = folder
        self.durable = durable

    # --------------------------------------------------------------- running programs
    def _run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.user is not None:  # root: as the postgres user, in its own group
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=check,
                              cwd=self.folder, **kwargs)

    def psql(self, sql: str, *, database: str = DATABASE, user: str = ADMIN) -> str:
        """Run SQL as ``user`` (stops at the first error) and return what it printed."""
        out = self._run(str(self.bindir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At",
                        "-h", str(self.folder), "-p", str(self.port), "-U", user, "-d", database, "-c", sql)
        return out.stdout

    def url(self, user: str = EDITOR, database: str = DATABASE) -> str:
        """A ``postgresql://`` URL through the unix socket of the folder."""
        return f"postgresql://{user}@/{database}?host={self.folder}&port={self.port}"

    # --------------------------------------------------------------- lifecycle
    def start(self) -> PostgresServer:
        started = time.perf_counter()
        if self.keep is not None:
            self.keep.mkdir(parents=True, exist_ok=True)
            self.folder = self.keep.resolve()
        else:
            self.folder = Path(tempfile.mkdtemp(prefix="atlas-postgis-"))
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, PostgreSQL needs the 'postgres' user (Debian's "
                                   "postgresql package creates it: run `make postgis`)") from None
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.folder, 0o700)
        data = self.folder / "data"
        fresh = not (data / "PG_VERSION").exists()
        try:
            if fresh:
                self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", ADMIN, "--auth=trust",
                          "--encoding=UTF8", "--no-locale", *(() if self.durable else ("--no-sync",)))
            options = f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c port={self.port}"
            if not self.durable:  # thrown away at the end: no need to survive a crash
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "server.log"),
                      "-o", options, "-w", "-t", "60", "start")
            if fresh:
                self.psql(f"CREATE ROLE {EDITOR} LOGIN; CREATE ROLE {READER} LOGIN", database="postgres")
                self.psql(f"CREATE DATABASE {DATABASE} OWNER {EDITOR}", database="postgres")
                self.psql("CREATE EXTENSION postgis")
        except subprocess.CalledProcessError as exc:
            log = self.log()
            self.stop()
            raise RuntimeError(f"PostgreSQL did not start: {exc.stderr or exc.stdout}\n{log}") from None
        self.started_in = time.perf_counter() - started
        return self

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "server.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        return ""

    def stop(self) -> None:
        folder, self.folder = self.folder, None
        if folder is None:
            return
        data = folder / "data"
        if (data / "postmaster.pid").exists():
            self.folder = folder
            self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop", check=False)
            self.folder = None
        if self.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    def reset(self) -> None:
        """Drop the atlas tables (a test starts from an empty database)."""
        self.psql("DROP TABLE IF EXISTS atlas_rejected, atlas_incidents, atlas_datasets CASCADE")

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
