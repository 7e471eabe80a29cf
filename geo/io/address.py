"""Belgian addresses as evidence of place: the postal code and the municipality name of an address
("Rue de la Loi 16, 1000 Bruxelles", "Wetstraat 16 1000 Brussel", "B-6000 Charleroi, Belgique"),
which :func:`geo.admin.geocode.geocode_frame` then resolves like a postal code and a place-name
column: municipality precision at best, never the street (the atlas stores no street
coordinates).

The postal code is the last four-digit number (1000-9999, optionally written ``B-``/``BE-``)
followed by a name at the end of a part of the address (parts are separated by commas,
semicolons or line breaks; a last part naming Belgium is left out); the name after it is the
municipality. A house number of four digits is not taken for a postal code, because a name must
follow it to the end of its part. An address with no postal code gives its last part without
digits as a place name.
"""

from __future__ import annotations

import re

import pandas as pd

from geo.text import fold

_PARTS = re.compile(r"[,;\n\r]+")
_CODE_THEN_NAME = re.compile(r"(?:^|.*\s)(?:BE?\s*-\s*|BE?\s+)?([1-9][0-9]{3})(?:\s+([^\d].*?))?\s*$",
                             re.IGNORECASE)
_COUNTRY = frozenset({"belgie", "belgique", "belgium", "belgien", "be", "bel"})
#: Other countries an address may end with (folded; English, French, Dutch, German): such an
#: address is outside Belgium. Luxembourg is left out: it is also a Belgian province.
FOREIGN = frozenset({
    "france", "frankrijk", "frankreich", "nederland", "netherlands", "the netherlands", "pays-bas",
    "holland", "deutschland", "germany", "allemagne", "duitsland", "united kingdom", "uk",
    "royaume-uni", "verenigd koninkrijk", "england", "spain", "espagne", "spanje", "spanien",
    "italy", "italie", "italia", "italien", "turkey", "turquie", "turkije", "turkei", "syria",
    "syrie", "syrien", "iraq", "irak", "morocco", "maroc", "marokko", "switzerland", "suisse",
    "zwitserland", "schweiz", "austria", "autriche", "oostenrijk", "osterreich"})


def foreign_country(text: str) -> str:
    """The other country an address ends with ("…, 75008 Paris, France" → "France"), else ""."""
    parts = [p.strip() for p in _PARTS.split(str(text or "")) if p.strip()]
    return parts[-1] if parts and fold(parts[-1]).strip(" .") in FOREIGN else ""


def parse_address(text: str) -> tuple[str, str]:
    """``(postal code, municipality name)`` of an address; ``""`` for what it does not give."""
    parts = [p.strip() for p in _PARTS.split(str(text or "")) if p.strip()]
    while parts and fold(parts[-1]).strip(" .()") in _COUNTRY:
        parts.pop()
    for part in reversed(parts):
        found = _CODE_THEN_NAME.fullmatch(part)
        if found:
            return found.group(1), _without_country(found.group(2) or "")
    if parts and not re.search(r"\d", parts[-1]):
        return "", _without_country(parts[-1])
    return "", ""


def _without_country(name: str) -> str:
    """The name without a country in brackets after it ("Antwerpen (België)")."""
    bracket = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", name.strip())
    if bracket and fold(bracket.group(2)).strip(" .") in _COUNTRY:
        name = bracket.group(1)
    return name.strip(" .")


def address_columns(addresses: pd.Series) -> pd.DataFrame:
    """``postcode``, ``place`` and ``country`` (another country the address names) of each
    address (text, ``""`` where the address gives none)."""
    unique = pd.unique(addresses)
    parsed = {a: (*parse_address(a), foreign_country(a)) for a in unique}
    return pd.DataFrame({key: addresses.map(lambda a, j=j: parsed[a][j])
                         for j, key in enumerate(("postcode", "place", "country"))},
                        index=addresses.index)
