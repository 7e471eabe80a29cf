"""The no-person rule of the sourced layers: a row names places, outlets and roles, never a person.

Two tests, as the incident table's checks use (``tests/incidents/test_incident_data.py``): the way
the Belgian press names suspects ("Firstname X."), and the surnames of the people the foreign-fighter
pages name (fighters, and the officials and researchers whose figures the rows report: the table says
"the Interior minister", "the mayor", "researchers' count", and credits authors in its card).
Addresses are checked too: a page whose address names a person is not cited.
"""

from __future__ import annotations

import re

#: "Firstname X." - how the Belgian press names suspects.
INITIALLED_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)? [A-Z]\.(?=[\s,;)]|$)")

#: Surnames found on the pages read for the foreign-fighter layer (people who left; officials,
#: members of parliament and researchers quoted with the figures). None may appear in a row.
PERSON_NAMES: tuple[str, ...] = (
    # people who left or were named as fighters, suspects or attackers
    "Abaaoud", "Abdeslam", "Abrini", "Hadfi", "Nemmouche", "Kasmi", "Belkacem", "Belcakem", "Nouamane",
    "Ayashi", "Kriket", "Attar", "Chaib", "Jadaoun",
    # officials, members of parliament and researchers quoted with the figures
    "Jambon", "Metsu", "Bonte", "Schepmans", "Mayeur", "Picqué", "De Wever", "Dewinter", "Geens",
    "Van Tigchelt", "Magnette", "Milquet", "Reynders", "De Crem", "De Coninck", "Vereeck", "Ducarme",
    "Van Ostaeyen", "Van Vlierden", "Coolsaet", "AlDe'emeh",
)

_WORD_SPLIT = re.compile(r"[\s_\-/.,;:()~?=&+%]+")


def _normalised(text: str) -> str:
    """Lower case, with the separators of addresses (``-``, ``_``, ``/``…) made spaces."""
    return " " + " ".join(_WORD_SPLIT.split(text.lower())) + " "


_DENYLIST = tuple((name, _normalised(name)) for name in PERSON_NAMES)


def person_names_in(text: str) -> list[str]:
    """The names in ``text`` that look like a person's: an initialled name, or a listed surname
    (as a whole word, in any case, also inside a web address). Empty when there is none."""
    found = INITIALLED_NAME.findall(text)
    folded = _normalised(text)
    found += [name for name, needle in _DENYLIST if needle in folded]
    return found
