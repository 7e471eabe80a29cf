"""The notes an import stores with each row (``geocode_note``, ``kind_note``: English, as the
geocoder and the crosswalk write them, so that they read the same in every saved dataset) in the
reader's language where they are shown. A note is clauses joined by ``"; "``; each clause the
atlas writes is matched to a whole message with placeholders; the values it quotes (names from the
file, coordinates, codes) are kept as they are, and a clause the table does not know is shown as
stored."""

from __future__ import annotations

import re

from geo import vocab
from geo.i18n import N_, _, clauses

#: The column a reader returns for the rows it could not read as they stand (its header, in words).
READ_PROBLEM_LABEL = N_("(read problem)")


def _precision(groups: dict[str, str]) -> dict[str, str]:
    p = groups.get("precision")
    return groups | ({"precision": _(vocab.GEO_PRECISION_LABELS.get(p, p))} if p else {})


#: (pattern of a stored clause, its message); the message's placeholders are the pattern's groups.
CLAUSES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p + r"\Z", re.S), m) for p, m in (
    (r"outside Belgium \((?P<lat>-?[\d.]+), (?P<lon>-?[\d.]+)\)", N_("outside Belgium ({lat}, {lon})")),
    (r"outside Belgium", N_("outside Belgium")),
    (r"read as longitude, latitude it would be in (?P<name>.+) \((?P<code>\d{5})\): are the columns swapped\?",
     N_("read as longitude, latitude it would be in {name} ({code}): are the columns swapped?")),
    (r"no category column mapped: counted as 'other'", N_("no category column mapped: counted as 'other'")),
    (r"no category given: counted as 'other'", N_("no category given: counted as 'other'")),
    (r"(?P<where>.+?) (?P<value>'.*') is not in the crosswalk: counted as 'other'",
     N_("{where} {value} is not in the crosswalk: counted as 'other'")),
    (r"(?P<where>.+?) (?P<value>'.*') is not in the crosswalk", N_("{where} {value} is not in the crosswalk")),
    (r"GTD specificity 5: coordinates not used", N_("GTD specificity 5: coordinates not used")),
    (r"(?P<label>GTD specificity|ACLED geo_precision|location precision) (?P<value>\S+): "
     r"(?P<precision>none|region|municipality|point) precision",
     N_("{label} {value}: precision lowered to {precision}")),
    (r"(?P<column>.+) (?P<value>'.*'): region only", N_("{column} {value}: region only")),
    (r"no coordinates, postal code or place name", N_("no coordinates, postal code or place name")),
    (r"no place name given", N_("no place name given")),
    (r"no municipality has that name", N_("no municipality has that name")),
    (r"no municipality has that name \(did you mean (?P<names>.+)\?\)",
     N_("no municipality has that name (did you mean {names}?)")),
    (r"ambiguous: (?P<text>'.*') may be (?P<names>.+)", N_("ambiguous: {text} may be {names}")),
))

def clause_words(clause: str) -> str:
    """One stored clause in the reader's language (as stored when no pattern knows it)."""
    for pattern, message in CLAUSES:
        match = pattern.match(clause)
        if match:
            groups = _precision({k: v for k, v in match.groupdict().items() if v is not None})
            return _(message).format(**groups)
    return clause


def note_words(note: object) -> str:
    """A stored note in the reader's language, clause by clause ("" for no note)."""
    text = "" if note is None else str(note)
    if not text:
        return ""
    return clauses(clause_words(part) for part in text.split("; "))
