"""Every setting of the atlas in one place: where its files live, and every ``ATLAS_*``
environment variable with its default and meaning (the README's settings table is
:data:`SETTINGS`). Paths are resolved from the package, never from the working directory.

Settings are read when they are asked for, not at import, so a test or a server started with
another environment sees its own values. Nothing here keeps mutable state.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.errors import SettingsError

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
#: Where Streamlit serves static files from (``server.enableStaticServing``); git-ignored.
STATIC_DIR = ROOT / "static"
#: The boundary file beside the project, when the project sits next to ``shared/``.
SHARED_BOUNDARIES = ROOT.parent / "shared" / "boundaries" / "belgium.json"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("ATLAS_BOUNDARIES", "unset",
            "Path of the boundary TopoJSON; unset: ../shared/boundaries/belgium.json, else the "
            "verified download in the cache folder"),
    Setting("ATLAS_CACHE_DIR", ".cache/ in the project",
            "Folder for downloads and derived files (boundary download, saved datasets unless "
            "ATLAS_DATA_DIR is set)"),
    Setting("ATLAS_DATA_DIR", "$ATLAS_CACHE_DIR/datasets", "Folder of saved (imported) datasets"),
    Setting("ATLAS_MAX_UPLOAD_MB", "200", "Largest file an import takes, in MB"),
    Setting("ATLAS_MAX_ROWS", "2000000", "Most data rows an import takes"),
    Setting("ATLAS_CHROMIUM", "/usr/bin/chromium", "Chromium used by the browser tests and benchmarks"),
    Setting("ATLAS_DATE_RANGE", "1900..today",
            "Plausible incident dates of an import, FIRST..LAST (each a year, a YYYY-MM-DD date or "
            "today); an imported row dated outside it is rejected with the reason"),
    Setting("ATLAS_DATABASE_URL", "unset",
            "PostgreSQL + PostGIS database of saved datasets (postgresql://user@host/db, for editors "
            "and the command line); unset: the folder ATLAS_DATA_DIR"),
    Setting("ATLAS_READER_DATABASE_URL", "unset",
            "Login that readers' sessions use (a role granted SELECT only); unset: readers use "
            "ATLAS_DATABASE_URL and the app refuses their writes"),
    Setting("ATLAS_PROXY_SECRET", "unset",
            "Set by a deployment (deploy/): only sessions the proxy marks as an editor's (with this "
            "secret) may import, save and delete; unset: see ATLAS_SINGLE_USER"),
    Setting("ATLAS_SINGLE_USER", "unset",
            "1: one local user who may import, save and delete (make run sets it); never with "
            "ATLAS_PROXY_SECRET, nor for a session whose request carries a proxy's role header; "
            "unset: every session is a reader's unless the proxy vouches for an editor"),
)
DEFAULT_MAX_UPLOAD_MB = 200
DEFAULT_MAX_ROWS = 2_000_000

#: Spatial statistics (geo.stats): below these the hot-spot tests say that they cannot find
#: clusters instead of colouring noise. Events counted at the level tested (rows known only to a
#: larger unit are not), and units of that level with at least one event.
HOTSPOT_MIN_EVENTS = 20
HOTSPOT_MIN_UNITS_WITH_EVENTS = 5
#: Conditional permutations of a local statistic, their seed, and the false-discovery rate.
HOTSPOT_PERMUTATIONS = 999
HOTSPOT_SEED = 20160322
HOTSPOT_ALPHA = 0.05
#: Results of the statistics kept per boundary file (geo.stats.cache): those used last are kept.
STATS_CACHE_SIZE = 64


def _env(name: str) -> str:
    return os.environ.get(name, "").strip()


def cache_dir() -> Path:
    """Git-ignored folder for downloads and derived files (``ATLAS_CACHE_DIR``)."""
    return Path(_env("ATLAS_CACHE_DIR") or ROOT / ".cache")


def boundaries_override() -> Path | None:
    """The boundary file named by ``ATLAS_BOUNDARIES``, or ``None`` when it is not set."""
    value = _env("ATLAS_BOUNDARIES")
    return Path(value) if value else None


def data_dir() -> Path:
    """The folder of saved datasets (``ATLAS_DATA_DIR``, else ``datasets`` in the cache folder),
    created if missing."""
    path = Path(_env("ATLAS_DATA_DIR") or cache_dir() / "datasets").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _positive(name: str, default: float, *, integer: bool) -> float:
    text = _env(name)
    if not text:
        return default
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        raise SettingsError(f"{name}={text!r} is not a number") from None
    if not value > 0 or not math.isfinite(value):
        raise SettingsError(f"{name}={text!r}: the limit must be more than 0")
    return value


def max_upload_bytes() -> int:
    """The largest file an import takes, in bytes (``ATLAS_MAX_UPLOAD_MB`` × 1,000,000)."""
    return int(_positive("ATLAS_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB, integer=False) * 1_000_000)


def max_rows() -> int:
    """The most data rows one import takes (``ATLAS_MAX_ROWS``)."""
    return int(_positive("ATLAS_MAX_ROWS", DEFAULT_MAX_ROWS, integer=True))


def chromium() -> str:
    """The chromium executable of the browser tests and benchmarks (``ATLAS_CHROMIUM``)."""
    return _env("ATLAS_CHROMIUM") or "/usr/bin/chromium"


def settings_table() -> str:
    """:data:`SETTINGS` as a Markdown table (the README's)."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    lines += [f"| `{s.name}` | {s.default} | {s.meaning} |" for s in SETTINGS]
    return "\n".join(lines)


def date_range() -> tuple[date, date]:
    """The first and last plausible date of an imported incident (``ATLAS_DATE_RANGE``,
    ``FIRST..LAST``; default ``1900..today``). A year as FIRST means its 1 January, as LAST its
    31 December; ``today`` is the day the import runs. Raises :class:`SettingsError` when
    malformed or when FIRST is after LAST."""
    text = _env("ATLAS_DATE_RANGE") or "1900..today"
    first_text, sep, last_text = text.partition("..")

    def parse(value: str, *, last: bool) -> date:
        value = value.strip().lower()
        if value == "today":
            return date.today()
        try:
            if value.isdigit() and len(value) == 4:
                return date(int(value), 12, 31) if last else date(int(value), 1, 1)
            return date.fromisoformat(value)
        except ValueError:
            raise SettingsError(f"ATLAS_DATE_RANGE={text!r}: {value!r} is not a year, a "
                                "YYYY-MM-DD date or 'today'") from None

    if not sep:
        raise SettingsError(f"ATLAS_DATE_RANGE={text!r}: write it as FIRST..LAST (1900..today)")
    first, last = parse(first_text, last=False), parse(last_text, last=True)
    if first > last:
        raise SettingsError(f"ATLAS_DATE_RANGE={text!r}: the first date is after the last")
    return first, last


def database_url() -> str | None:
    """The PostGIS database of saved datasets (``ATLAS_DATABASE_URL``), or ``None``: the folder."""
    return _env("ATLAS_DATABASE_URL") or None


def reader_database_url() -> str | None:
    """The read-only login of readers' sessions (``ATLAS_READER_DATABASE_URL``), or ``None``."""
    return _env("ATLAS_READER_DATABASE_URL") or None


def single_user() -> bool:
    """Is this one person's app, where the one user may edit (``ATLAS_SINGLE_USER=1``)? Only ever
    asked for explicitly: a deployment that forgot its proxy secret serves readers, not editors."""
    value = _env("ATLAS_SINGLE_USER").lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise SettingsError(f"ATLAS_SINGLE_USER={value!r}: write 1 (one local user who may edit) or leave it unset")


def proxy_secret() -> str | None:
    """The secret the deployment's proxy sends with an editor's session (``ATLAS_PROXY_SECRET``);
    ``None`` when the app is not deployed behind it (everyone may edit)."""
    return _env("ATLAS_PROXY_SECRET") or None


#: Words of a value copied from an example file rather than made (``deploy/env.example`` says
#: ``change-me``); compared without case, ``-`` or ``_``.
PLACEHOLDER_WORDS = ("changeme", "replaceme", "placeholder", "example", "password", "secret123")
MIN_SECRET_LENGTH = 16


def secret_problems(name: str, value: str) -> list[str]:
    """What is wrong with ``value`` as the secret or password ``name`` (empty: nothing): shorter
    than :data:`MIN_SECRET_LENGTH`, a placeholder left from an example file, or too few different
    characters to be random. The one check the app (``geo serve``) and ``deploy/`` make."""
    plain = value.lower().replace("-", "").replace("_", "")
    problems = []
    if len(value) < MIN_SECRET_LENGTH:
        problems.append(f"{name} is {len(value)} characters long; use {MIN_SECRET_LENGTH} or more random ones")
    if any(word in plain for word in PLACEHOLDER_WORDS):
        problems.append(f"{name} is still a placeholder from an example file; replace it with a random value")
    elif len(value) >= MIN_SECRET_LENGTH and len(set(value)) < 8:
        problems.append(f"{name} has fewer than 8 different characters; use a random value")
    return problems


def check_secrets() -> None:
    """Refuse to serve with a weak secret: ``ATLAS_PROXY_SECRET``, Streamlit's cookie secret and the
    passwords inside ``ATLAS_DATABASE_URL``/``ATLAS_READER_DATABASE_URL``, each when it is set
    (make one with ``python -c "import secrets; print(secrets.token_urlsafe(32))"``). Raises
    :class:`SettingsError` naming every problem at once."""
    from urllib.parse import unquote, urlsplit

    values = {"ATLAS_PROXY_SECRET": _env("ATLAS_PROXY_SECRET"),
              "STREAMLIT_SERVER_COOKIE_SECRET": _env("STREAMLIT_SERVER_COOKIE_SECRET")}
    for setting in ("ATLAS_DATABASE_URL", "ATLAS_READER_DATABASE_URL"):
        try:
            password = urlsplit(_env(setting)).password
        except ValueError:
            password = None
        values[f"the password in {setting}"] = unquote(password) if password is not None else ""
    problems = [p for name, value in values.items() if value for p in secret_problems(name, value)]
    if problems:
        raise SettingsError("refusing to start: " + "; ".join(problems))
