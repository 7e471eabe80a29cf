"""Read and validate the foreign-fighter layer: every problem collected, raised once.

``load_layer`` returns the typed table (``count`` as an integer, ``figure_date`` as a date) and
caches it by file and modification time, like the incident table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo.admin import boundaries
from geo.config import DATA_DIR
from geo.errors import LayerDataError, Problem
from geo.layers import schema

FOREIGN_FIGHTERS_CSV = DATA_DIR / "foreign_fighters.csv"


def read_layer_table(path: Path | str) -> pd.DataFrame:
    """Read a layer CSV as text (no type guessing), cells stripped, for validation."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise LayerDataError([Problem(str(path), None, None, "file not found")]) from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise LayerDataError([Problem(str(path), None, None, f"not a readable UTF-8 CSV: {exc}")]) from None
    return frame.apply(lambda col: col.str.strip())


def validate_layer(frame: pd.DataFrame, *, name: str = "foreign_fighters.csv",
                   munis: pd.DataFrame | None = None) -> pd.DataFrame:
    """Validate a text table of the layer against the 2019 units of ``munis`` (default: the
    boundary file's municipalities); raise :class:`LayerDataError` with every problem, else return
    the typed table."""
    problems = schema.schema_problems(frame, name)
    if any(p.row is None for p in problems):  # structural: missing or unknown columns
        raise LayerDataError(problems)
    munis = boundaries.municipalities() if munis is None else munis
    bad_rows = {p.row for p in problems}
    clean = frame.loc[[i for i in frame.index if int(i) + 2 not in bad_rows]]
    problems += schema.row_problems(clean, name, schema.known_codes(munis))
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.field or ""))
        raise LayerDataError(problems)
    out = frame.copy()
    out["count"] = out["count"].astype("int64")
    out["figure_date"] = pd.to_datetime(out["figure_date"], format="%Y-%m-%d")
    return out


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime: float) -> pd.DataFrame:
    return validate_layer(read_layer_table(path), name=Path(path).name)


def load_layer(path: Path | str | None = None) -> pd.DataFrame:
    """Load and validate the foreign-fighter layer (default ``data/foreign_fighters.csv``); a fresh
    copy of the typed table. Raises :class:`LayerDataError` listing every problem."""
    path = Path(path) if path is not None else FOREIGN_FIGHTERS_CSV
    mtime = path.stat().st_mtime if path.exists() else -1.0
    return _load_cached(str(path), mtime).copy()
