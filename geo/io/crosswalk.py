"""Categories of other datasets → the atlas's kinds of incident: the crosswalk.

``data/crosswalk.csv`` (columns ``source, source_field, source_value, kind, note``) says which
value of which field of which source means which of :data:`geo.vocab.KINDS`:

* ``gtd`` / ``attacktype1_txt``: every GTD attack type is an ``attack`` (GTD records only attacks,
  successful or attempted; its ``Unknown`` is an unknown *type* of attack).
* ``acled`` / ``sub_event_type`` first, then ``acled`` / ``event_type``: *Explosions/Remote
  violence* and *Violence against civilians* are attacks; *Strategic developments* is ``other``
  except its sub-events *Arrests* (``arrest_action``) and *Disrupted weapons use* (``plot``: a
  weapon was seized or defused before use); *Battles*, *Riots*, *Protests* are ``other``.
* ``generic`` / ``kind``: words a hand-made table may use, in English, French and Dutch
  (attentat, aanslag, arrestation, arrestatie, complot, …), and the kinds themselves.

Values match without regard to case, accents or repeated spaces. A value the crosswalk does not
know is **not** an error: the row is kept as ``other`` and the note says which value was unknown.
For a hand-made table (source ``generic``) a value that is not a generic word but has exactly
one kind anywhere in the crosswalk (an ACLED event type in a home-made file, say) takes that kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from geo import text, vocab
from geo.config import DATA_DIR
from geo.errors import CrosswalkFileError, Problem
from geo.i18n import _

CROSSWALK_CSV = DATA_DIR / "crosswalk.csv"
CROSSWALK_COLUMNS: tuple[str, ...] = ("source", "source_field", "source_value", "kind", "note")
#: The sources the crosswalk knows: the presets of :mod:`geo.io.presets`, and ``generic`` (a
#: hand-made table).
SOURCES: tuple[str, ...] = ("gtd", "acled", "generic")
#: Fields looked up for each source, most specific first.
SOURCE_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "gtd": ("attacktype1_txt",),
    "acled": ("sub_event_type", "event_type"),
    "generic": ("kind",),
})


_SPACES = re.compile(r"\s+")
#: How the note of a row no category decides ends.
COUNTED_AS_OTHER = ": counted as 'other'"


def normalize_value(value: object) -> str:
    """The matching key of a category value: case-folded, accents stripped, spaces collapsed."""
    return _SPACES.sub(" ", text.fold(value)).strip()


def _validate(frame: pd.DataFrame, name: str) -> list[Problem]:
    problems: list[Problem] = []
    missing = [c for c in CROSSWALK_COLUMNS if c not in frame.columns]
    if missing:
        return [Problem(name, None, c, f"column '{c}' is missing") for c in missing]
    seen: dict[tuple[str, str, str], int] = {}
    for i, r in enumerate(frame.itertuples(index=False), start=2):
        if r.source not in SOURCES:
            problems.append(Problem(name, i, "source", f"must be one of {', '.join(SOURCES)}"))
        elif r.source_field not in SOURCE_FIELDS[r.source]:
            problems.append(Problem(name, i, "source_field",
                                    f"{r.source} fields are {', '.join(SOURCE_FIELDS[r.source])}"))
        if not normalize_value(r.source_value):
            problems.append(Problem(name, i, "source_value", "is empty"))
        if r.kind not in vocab.KINDS:
            problems.append(Problem(name, i, "kind", f"must be one of {', '.join(vocab.KINDS)}"))
        key = (r.source, r.source_field, normalize_value(r.source_value))
        if key in seen:
            problems.append(Problem(name, i, "source_value", f"duplicate of row {seen[key]}"))
        seen.setdefault(key, i)
    return problems


@lru_cache(maxsize=4)
def _load(path: str, stamp: tuple[int, int]) -> pd.DataFrame:
    del stamp  # the file's identity with the path (size, modification time): an edited file is read anew
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CrosswalkFileError([Problem(Path(path).name, None, None, f"cannot be read: {exc}")]) from None
    frame = frame.apply(lambda col: col.str.strip())
    problems = _validate(frame, Path(path).name)
    if problems:
        raise CrosswalkFileError(problems)
    return frame


def crosswalk_table(path: Path | str | None = None) -> pd.DataFrame:
    """The crosswalk for display: one row per source value (a fresh copy, text columns
    ``source, source_field, source_value, kind, note``). Raises :class:`CrosswalkFileError`."""
    path = Path(path) if path is not None else CROSSWALK_CSV
    seen = path.stat() if path.exists() else None
    return _load(str(path), (seen.st_size, seen.st_mtime_ns) if seen else (-1, -1)).copy()


def _lookups(table: pd.DataFrame) -> tuple[dict, dict]:
    exact: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    anywhere: dict[str, set[str]] = {}
    for r in table.itertuples(index=False):
        key = normalize_value(r.source_value)
        exact.setdefault((r.source, r.source_field), {})[key] = (r.kind, r.note)
        anywhere.setdefault(key, set()).add(r.kind)
    unique = {k: (next(iter(v)), "") for k, v in anywhere.items() if len(v) == 1}
    return exact, unique


def map_kinds(fields: Sequence[tuple[str, pd.Series]], *, source: str,
              table: pd.DataFrame | None = None,
              assigned: Mapping[str, str] | None = None) -> tuple[pd.Series, pd.Series]:
    """The kind of each row, and a note (``""`` when the crosswalk knew the value).

    ``assigned``: a person's own kinds for values the crosswalk does not know (value → kind,
    matched like crosswalk values); they decide only rows no crosswalk value decides, and the
    note says so.

    ``fields``: ``(source_field, values)`` pairs, most specific first (ACLED:
    ``[("sub_event_type", …), ("event_type", …)]``); all on one index. ``source``: ``gtd``,
    ``acled`` or ``generic``. The first field whose value the crosswalk knows decides; rows no
    field decides are ``other`` with a note naming the unknown value(s)."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
    table = crosswalk_table() if table is None else table
    exact, anywhere = _lookups(table)
    if not fields:
        raise ValueError("map_kinds needs at least one (field, values) pair")
    index = fields[0][1].index
    kind = pd.Series(pd.NA, index=index, dtype=object)
    unknown: list[pd.Series] = []
    for field, values in fields:
        known = exact.get((source, field), {})
        if source == "generic":
            known = {**anywhere, **known}
        text = values.fillna("").astype(str)
        unique = pd.unique(text)
        keys = text.map({v: normalize_value(v) for v in unique})
        kinds = {k: v[0] for k, v in known.items()}
        found = keys.map(kinds)
        kind = kind.where(kind.notna(), found)
        unknown.append(text.where((keys != "") & found.isna(), ""))
    note = pd.Series("", index=index, dtype=object)
    if assigned:
        own = {normalize_value(k): v for k, v in assigned.items() if v in vocab.KINDS}
        for _field, values in fields:
            undecided = kind.isna()
            if not undecided.any():
                break
            text = values.fillna("").astype(str)
            hit = undecided & text.map(lambda v: normalize_value(v) in own)
            if hit.any():
                kind[hit] = text[hit].map(lambda v: own[normalize_value(v)])
                note[hit] = [_("{value!r} assigned to {kind} by the person who imported the file")
                             .format(value=v, kind=k) for v, k in zip(text[hit], kind[hit])]
    undecided = kind.isna()
    if undecided.any():
        where = [f"{source} {field}" for field, _column in fields]
        parts = pd.DataFrame({w: u for w, u in zip(where, unknown)}, index=index)[undecided]
        note[undecided] = [
            ("; ".join(f"{w} {v!r} is not in the crosswalk" for w, v in zip(where, row) if v)
             or "no category given") + COUNTED_AS_OTHER
            for row in parts.itertuples(index=False)
        ]
    return kind.fillna("other").astype(object), note
