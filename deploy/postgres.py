"""PostgreSQL with PostGIS from Debian's packages, started by the atlas itself in a folder it owns:
listening only on a unix socket in that folder (no TCP port is opened), on a free port number (it
names the socket). Used by the tests (a temporary folder, durability off), by ``deploy/run.py`` and
``make scale-check``.

- **Every login needs its password** (``scram-sha-256`` in ``pg_hba.conf``, nothing trusted), and
  the passwords are new at every start: set in single-user mode while the server is down (nobody
  can log in then), kept in this object's memory and handed to who needs them (:meth:`url`), never
  written to disk. The folder itself may be entered by the server's user only.
- ``initdb`` (superuser ``atlas_admin``), ``pg_ctl start``, then a database ``atlas`` with the
  ``postgis`` extension, a login ``atlas_editor`` and a login ``atlas_reader`` that the store's
  ``setup`` grants ``SELECT`` only.
- ``hardened=True`` (the deployment, :meth:`harden`): the database and its tables belong to
  ``atlas_admin``, which only the deployment's setup uses; ``atlas_editor`` may read, add, change and
  delete rows of the three atlas tables and nothing else (no table of its own, no role, no schema);
  then :meth:`lock_admin` removes the admin's password, so nobody logs in as the superuser until
  the next start. Without it (the store tests) the editors' login owns the database and makes the
  tables itself.
- As root the server runs as the ``postgres`` user (PostgreSQL refuses root).

Debian's packages put the programs in ``/usr/lib/postgresql/<version>/bin`` and the extension in
``/usr/share/postgresql/<version>/extension/postgis.control``; the newest version with PostGIS wins.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
EXTENSIONS = Path("/usr/share/postgresql")
ADMIN, EDITOR, READER, DATABASE = "atlas_admin", "atlas_editor", "atlas_reader", "atlas"
#: The atlas's tables (= geo.io.store.postgis.TABLES; a test keeps them equal).
TABLES = ("atlas_datasets", "atlas_incidents", "atlas_rejected")
#: Who may log in, and how: every role, with its password, over the socket only.
PG_HBA = """# Written by deploy/postgres.py: every login gives its password (SCRAM), over the unix socket only.
local all all scram-sha-256
"""


def find_bindir() -> Path | None:
    """The ``bin`` folder of the newest PostgreSQL whose PostGIS extension is installed."""
    versions = sorted((p for p in PG_ROOT.glob("*") if p.name.isdigit()), key=lambda p: int(p.name), reverse=True)
    for version in versions:
        if (version / "bin" / "postgres").exists() and (EXTENSIONS / version.name / "extension" / "postgis.control").exists():
            return version / "bin"
    return None


class PostgresServer:
    """PostgreSQL + PostGIS in a temporary folder. Use as a context manager."""

    def __init__(self, bindir: Path | None = None, *, folder: Path | None = None, durable: bool = False,
                 hardened: bool = False):
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
        self.hardened = hardened
        #: each role's password for this run of the server (new at every start, in memory only)
        self.passwords: dict[str, str] = {}

    # --------------------------------------------------------------- running programs
    def _run(self, *args: str, check: bool = True, timeout: float = 120, password: str | None = None,
             stdin: str | None = None) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.user is not None:  # root: as the postgres user, in its own group
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        # No password from the caller's environment or ~/.pgpass: only the one given here.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["PGPASSFILE"] = str((self.folder or Path(tempfile.gettempdir())) / ".no-pgpass")  # a file that is not there
        if password is not None:
            env["PGPASSWORD"] = password
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=check,
                              cwd=self.folder, env=env, input=stdin, **kwargs)

    def psql(self, sql: str, *, database: str = DATABASE, user: str = ADMIN, password: str | None = None) -> str:
        """Run SQL as ``user`` with its password (or ``password``), stopping at the first error, and
        return what it printed."""
        out = self._run(str(self.bindir / "psql"), "-X", "-q", "-w", "-v", "ON_ERROR_STOP=1", "-At",
                        "-h", str(self.folder), "-p", str(self.port), "-U", user, "-d", database, "-c", sql,
                        password=self.passwords.get(user, "") if password is None else password)
        return out.stdout

    def url(self, user: str = EDITOR, database: str = DATABASE) -> str:
        """A ``postgresql://`` URL with the role's password, through the unix socket of the folder."""
        return f"postgresql://{user}:{self.passwords[user]}@/{database}?host={self.folder}&port={self.port}"

    def _set_passwords(self, data: Path, *, fresh: bool) -> None:
        """New passwords for the three roles, set in single-user mode (the server is down: nobody
        else can log in meanwhile); the SQL goes through a pipe, never a file or an argument."""
        self.passwords = {role: secrets.token_urlsafe(24) for role in (ADMIN, EDITOR, READER)}
        lines = [f"CREATE ROLE {role} LOGIN;" for role in (EDITOR, READER) if fresh]
        lines += [f"ALTER ROLE {role} PASSWORD '{pw}';" for role, pw in self.passwords.items()]
        out = self._run(str(self.bindir / "postgres"), "--single", "-D", str(data), "-c", "listen_addresses=",
                        "-c", "password_encryption=scram-sha-256", "-c", "log_statement=none", "postgres",
                        stdin="\n".join(lines) + "\n")
        if "ERROR" in out.stdout + out.stderr:
            raise RuntimeError(f"the passwords could not be set: {(out.stdout + out.stderr).replace(self.passwords[ADMIN], '…')}")

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
            if fresh:  # the server is not running yet: nobody can log in before pg_hba.conf is ours
                self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", ADMIN, "--auth=trust",
                          "--encoding=UTF8", "--no-locale", *(() if self.durable else ("--no-sync",)))
            hba = data / "pg_hba.conf"
            hba.write_text(PG_HBA, encoding="utf-8")  # also turns an older folder's "trust" into passwords
            if self.user is not None:
                os.chown(hba, self.user.pw_uid, self.user.pw_gid)
            hba.chmod(0o600)
            self._set_passwords(data, fresh=fresh)
            options = f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c port={self.port}"
            if not self.durable:  # thrown away at the end: no need to survive a crash
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "server.log"),
                      "-o", options, "-w", "-t", "60", "start")
            if fresh:
                self.psql(f"CREATE DATABASE {DATABASE} OWNER {ADMIN if self.hardened else EDITOR}", database="postgres")
                self.psql("CREATE EXTENSION postgis")
        except subprocess.CalledProcessError as exc:
            log = self.log()
            self.stop()
            raise RuntimeError(f"PostgreSQL did not start: {exc.stderr or exc.stdout}\n{log}") from None
        self.started_in = time.perf_counter() - started
        return self

    def harden(self) -> None:
        """The deployment's boundary (before the tables are set up as :data:`ADMIN`): the admin owns
        the database and everything in it (an older folder's editor-owned objects included), the
        editors' and readers' logins may connect and use the schema, and create nothing."""
        self.psql(f"REASSIGN OWNED BY {EDITOR}, {READER} TO {ADMIN}; "
                  f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC; "
                  f"GRANT CONNECT ON DATABASE {DATABASE} TO {EDITOR}, {READER}; "
                  f"REVOKE CREATE ON SCHEMA public FROM PUBLIC; "
                  f"GRANT USAGE ON SCHEMA public TO {EDITOR}, {READER}")

    def grant_tables(self) -> None:
        """After the tables exist: the editors' login reads and writes their rows, nothing more."""
        tables = ", ".join(TABLES)
        self.psql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {EDITOR}; GRANT SELECT ON {tables} TO {READER}")

    def lock_admin(self) -> None:
        """The admin's setup is done: without a password nobody logs in as the superuser (the next
        start sets a new one for its own setup)."""
        self.psql(f"ALTER ROLE {ADMIN} PASSWORD NULL", database="postgres")
        self.passwords.pop(ADMIN, None)

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
