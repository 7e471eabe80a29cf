"""Which places a reader's words name: any official or alias name of a municipality (Dutch,
French, German, English, sections, landmarks) or a postal code, through the gazetteer and the
postal-code index. The Data search and the place box use it to find rows by any spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.admin import gazetteer, postcodes

_POSTCODE = re.compile(r"\s*(?:BE?[- ]?)?\d{4}\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Places:
    """What a query names: municipality codes (2019 REFNIS) and region codes, and how it matched
    (``postal code`` or ``place name``)."""

    municipalities: frozenset[str]
    regions: frozenset[str]
    how: str


def places_named(query: str) -> Places | None:
    """The places ``query`` names, or ``None`` when it names none (then it is plain text)."""
    text = query.strip()
    if not text:
        return None
    if _POSTCODE.fullmatch(text):
        found = postcodes.municipalities_of_postcode(text)
        return Places(frozenset(found), frozenset(), "postal code") if found else None
    matches = gazetteer.lookup(text)
    if not matches:
        return None
    return Places(frozenset(m.code for m in matches if m.level == "municipality"),
                  frozenset(m.code for m in matches if m.level == "region"), "place name")
