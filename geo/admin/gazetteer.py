"""Place names → municipalities (REFNIS 2019) or regions: the gazetteer behind :mod:`geo.admin.geocode`.

Names come from three sources, all matched through :func:`normalize` (no case, no accents, no
hyphens or apostrophes, "Saint/Sint/St/Sankt/Sainte/Ste" folded to one token):

1. the official Dutch and French names of the 581 municipalities in the boundary file
   (:func:`geo.admin.boundaries.municipalities`), which already hold the cross-language exonyms
   (Anvers, Luik, Bergen, Doornik, …);
2. the German names of the nine municipalities of the German-speaking Community
   (``data/german_names.csv``, read by :func:`geo.admin.tables.german_names`);
3. ``data/gazetteer_aliases.csv`` (columns ``alias,nis,kind,note``): sections of municipalities
   (Jumet → Charleroi), landmarks (Brussels Airport → Zaventem), English, German and other
   forms, and region names. ``kind`` is one of :data:`ALIAS_KINDS`; ``nis`` is a 2019 REFNIS
   municipality code, or a region code (02000, 03000, 04000) for ``kind = region``.

**The Brussels rule.** "Brussels", "Brussel", "Bruxelles" (and "Brüssel", "Brussels-Capital
Region", …) mean the Brussels-Capital Region (04000), at region precision: the report, and common
usage, mean the region by it. The municipality of Brussels (21004) answers to "City of Brussels",
"Bruxelles-Ville", "Ville de Bruxelles", "Brussel-Stad", "Stad Brussel". In general a
``kind = region`` alias *shadows* any municipality name that normalises to the same key (that is
how the official names "Brussel"/"Bruxelles" of 21004 give way; "Limburg", the Flemish province,
shadows the Dutch name of Limbourg, 63046, likewise). Every other collision is kept: a name that
fits several municipalities (Saint-Nicolas: Sint-Niklaas or Saint-Nicolas near Liège; Heusden;
Mariakerke) returns all of them, and the caller decides (:mod:`geo.admin.geocode` answers at region
precision when they share a region, else not at all).

The gazetteer is built once per boundary file (:class:`geo.admin.boundaries.Boundaries`) and
version of the alias file, and is immutable (read-only mappings of tuples), so it is safe to
share between Streamlit sessions.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from geo import text, vocab
from geo.admin import boundaries, tables
from geo.admin.boundaries import Boundaries
from geo.config import DATA_DIR
from geo.errors import AliasFileError, Problem

ALIASES_CSV = DATA_DIR / "gazetteer_aliases.csv"
ALIAS_COLUMNS: tuple[str, ...] = ("alias", "nis", "kind", "note")
AliasKind = Literal["section", "landmark", "english", "german", "region", "city"]
ALIAS_KINDS: tuple[AliasKind, ...] = ("section", "landmark", "english", "german", "region", "city")

Source = Literal["name_nl", "name_fr", "name_de", "section", "landmark", "english", "german",
                 "region", "city"]

# Tokens folded to "st": the Saint/Sint/Sankt family, masculine and feminine.
_SAINT_TOKENS = frozenset({"saint", "sainte", "sint", "st", "ste", "sankt"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_COUNTRY_SUFFIXES = ("belgium", "belgique", "belgie", "belgien", "be")


def normalize(name: str) -> str:
    """The matching key of a place name.

    Case-folded; accents stripped (``Liège`` → ``liege``, ``Büllingen`` → ``bullingen``);
    ligatures spelled out (``œ`` → ``oe``); every run of characters other than ``a-z0-9``
    (hyphens, apostrophes, dots, commas, slashes, spaces) becomes one space; the tokens
    ``saint sainte sint st ste sankt`` become ``st``. So
    ``"St.-Jans-Molenbeek"``, ``"Sint Jans Molenbeek"`` and ``"SINT-JANS-MOLENBEEK"`` share the key
    ``"st jans molenbeek"``. Idempotent: ``normalize(normalize(x)) == normalize(x)``.
    """
    # Only a-z, 0-9 and single spaces are left, so a second pass changes nothing.
    tokens = _NON_ALNUM.sub(" ", text.fold(name)).split()
    return " ".join("st" if t in _SAINT_TOKENS else t for t in tokens)


@dataclass(frozen=True)
class Match:
    """One gazetteer entry that fits a name.

    ``code``: the 2019 REFNIS municipality code, or a region code (02000, 03000, 04000) when
    ``level`` is ``"region"``. ``name``: the entry as written in its source (official name or
    alias). ``source``: ``name_nl``, ``name_fr``, ``name_de`` for official names, else the alias
    kind. ``note``: the alias file's note ("" for official names).
    """

    code: str
    level: Literal["municipality", "region"]
    name: str
    source: Source
    note: str = ""


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Immutable index from :func:`normalize` keys to matches. Build it with :func:`gazetteer`.
    Compared (and hashed) by identity: one object per boundary file and alias file version."""

    index: Mapping[str, tuple[Match, ...]]
    english: Mapping[str, str]

    def lookup(self, name: str) -> list[Match]:
        """Every entry that fits ``name``, one per code (official names before aliases), in
        code order. Empty when nothing fits. Ambiguity is returned, never resolved: the caller
        sees every candidate. A trailing country ("…, Belgium", "Belgique", "België") is ignored.
        """
        key = normalize(name)
        found = self.index.get(key)
        if found is None:
            for suffix in _COUNTRY_SUFFIXES:
                if key.endswith(" " + suffix):
                    found = self.index.get(key[: -len(suffix) - 1])
                    if found is not None:
                        break
        return list(found or ())

    def keys(self) -> tuple[str, ...]:
        """Every normalised name the gazetteer knows (for suggestions)."""
        return tuple(self.index)

    def english_names(self) -> dict[str, str]:
        """2019 REFNIS code → English exonym (first ``english`` row of the alias file for that
        code): 11002 → "Antwerp", 44021 → "Ghent", 62063 → "Liège", … A fresh dict."""
        return dict(self.english)


def _stamp(path: Path) -> tuple[int, int]:
    """What the cache is keyed on besides the path, so an edited file is read again."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise AliasFileError([Problem(path.name, None, None, f"cannot be read: {exc}")]) from exc
    return stat.st_mtime_ns, stat.st_size


def _read_aliases(path: Path) -> tuple[tuple[int, str, str, str, str], ...]:
    """Rows of the alias file as (line, alias, nis, kind, note), checked for shape only."""
    problems: list[Problem] = []
    rows: list[tuple[int, str, str, str, str]] = []
    file = path.name
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header) != ALIAS_COLUMNS:
                raise AliasFileError([Problem(file, 1, None,
                                              f"header must be {','.join(ALIAS_COLUMNS)}, "
                                              f"found {','.join(header or [])!r}")])
            for line, record in enumerate(reader, start=2):
                if not record or all(not cell.strip() for cell in record):
                    continue
                if len(record) != len(ALIAS_COLUMNS):
                    problems.append(Problem(file, line, None,
                                            f"has {len(record)} fields, expected {len(ALIAS_COLUMNS)}"))
                    continue
                alias, nis, kind, note = (cell.strip() for cell in record)
                if not normalize(alias):
                    problems.append(Problem(file, line, "alias", "is empty"))
                if not re.fullmatch(r"[0-9]{5}", nis):
                    problems.append(Problem(file, line, "nis", f"{nis!r} is not a 5-digit REFNIS code"))
                if kind not in ALIAS_KINDS:
                    problems.append(Problem(file, line, "kind",
                                            f"{kind!r} must be one of {', '.join(ALIAS_KINDS)}"))
                if not note:
                    problems.append(Problem(file, line, "note", "is empty: say what the alias is"))
                rows.append((line, alias, nis, kind, note))
    except OSError as exc:
        raise AliasFileError([Problem(file, None, None, f"cannot be read: {exc}")]) from exc
    if problems:
        raise AliasFileError(problems)
    return tuple(rows)


def _build(bounds: Boundaries, aliases: Path) -> Gazetteer:
    """The gazetteer of a boundary file and an alias file."""
    munis = bounds.municipalities()
    known = set(munis["nis"])
    regions = set(vocab.REGION_NAMES)
    entries: dict[str, list[Match]] = {}

    def add(key: str, match: Match) -> None:
        bucket = entries.setdefault(key, [])
        if all(m.code != match.code for m in bucket):  # first source per code wins
            bucket.append(match)

    for nis, nl, fr in zip(munis["nis"], munis["name_nl"], munis["name_fr"]):
        add(normalize(nl), Match(nis, "municipality", nl, "name_nl"))
        add(normalize(fr), Match(nis, "municipality", fr, "name_fr"))
    for nis, de in tables.german_names().items():
        add(normalize(de), Match(nis, "municipality", de, "name_de"))

    problems: list[Problem] = []
    file = aliases.name
    region_keys: set[str] = set()
    english: dict[str, str] = {}
    for line, alias, nis, kind, note in _read_aliases(aliases):
        if kind == "region":
            if nis not in regions:
                problems.append(Problem(file, line, "nis", f"{nis} is not a region code "
                                        f"({', '.join(sorted(regions))})"))
                continue
            key = normalize(alias)
            if key not in region_keys:  # the Brussels rule: a region name shadows municipalities
                clash = [m for m in entries.get(key, []) if m.source not in ("name_nl", "name_fr", "name_de")]
                if clash:
                    problems.append(Problem(file, line, "alias", f"{alias!r} is a region name but an "
                                            f"earlier alias row gives it to {clash[0].code}"))
                entries[key] = []
                region_keys.add(key)
            add(key, Match(nis, "region", alias, "region", note))
            continue
        if nis not in known:
            problems.append(Problem(file, line, "nis", f"{nis} is not a municipality of the "
                                    "boundary file (REFNIS 2019)"))
            continue
        key = normalize(alias)
        if key in region_keys:
            problems.append(Problem(file, line, "alias", f"{alias!r} is already a region name"))
            continue
        add(key, Match(nis, "municipality", alias, kind, note))  # type: ignore[arg-type]
        if kind == "english":
            english.setdefault(nis, alias)
    if problems:
        raise AliasFileError(problems)
    index = {key: tuple(sorted(found, key=lambda m: m.code)) for key, found in entries.items() if found}
    return Gazetteer(index=MappingProxyType(index), english=MappingProxyType(english))


def gazetteer(*, aliases: Path | None = None) -> Gazetteer:
    """The gazetteer of the current boundary file and an alias file (``aliases``, by default
    ``data/gazetteer_aliases.csv``), built on first use and then shared (it is immutable; an
    edited alias file is read again). Raises :class:`AliasFileError` when the alias file is
    missing, malformed, or names a code the boundary file does not have."""
    path = Path(aliases or ALIASES_CSV)
    bounds = boundaries.current()
    # kept by the boundaries it is built from; the alias file's stamp (modification time and size)
    # is part of the key, so an edited alias file is read again
    return bounds.derived(("gazetteer", str(path), _stamp(path)), lambda: _build(bounds, path))


def lookup(name: str) -> list[Match]:
    """``gazetteer().lookup(name)``: every municipality or region that answers to ``name``."""
    return gazetteer().lookup(name)


def english_names() -> dict[str, str]:
    """2019 REFNIS code → English exonym from the alias file (11002 → "Antwerp", 35013 →
    "Ostend", 62063 → "Liège", 21004 → "City of Brussels", …), for display. A fresh dict."""
    return gazetteer().english_names()
