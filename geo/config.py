"""Where the project's files live, resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data"
SHARED_BOUNDARIES = ROOT.parent / "shared" / "boundaries" / "belgium.json"


def cache_dir() -> Path:
    """Git-ignored folder for downloads and derived files (``ATLAS_CACHE_DIR`` overrides it)."""
    return Path(os.environ.get("ATLAS_CACHE_DIR") or ROOT / ".cache")
