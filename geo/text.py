"""One home for the text rules every part of the atlas shares: folding accents, slugs, safe file
names and the spreadsheet-cell guard. Each is written once, so two places never disagree.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus accents.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O",
                            "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss"})


def fold(text: object) -> str:
    """``text`` case-folded, with accents stripped and ligatures spelled out:
    ``"Liège"`` → ``"liege"``, ``"Œuvre"`` → ``"oeuvre"``, ``"Straße"`` → ``"strasse"``.
    White space and punctuation are kept; callers tokenise as they need."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_fold(text: object) -> str:
    """``text`` with accents stripped and anything else outside ASCII dropped (case kept)."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug(text: object, *, max_length: int = 60, default: str = "dataset") -> str:
    """A slug: ASCII letters and digits, lower case, words joined by ``-``, at most
    ``max_length`` characters; ``default`` when nothing is left."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    return cleaned[:max_length].strip("-") or default


def safe_filename(text: object, *, default: str = "export", max_length: int = 80) -> str:
    """``text`` as a file name that works everywhere: ASCII letters, digits, ``.``, ``_`` and
    ``-`` only (accents folded, anything else becomes ``-``), no leading dot, at most
    ``max_length`` characters (the extension kept); ``default`` when nothing is left."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_fold(text))
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-._")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    if len(cleaned) > max_length:
        stem, dot, ext = cleaned.rpartition(".")
        if dot and 0 < len(ext) <= 5 and len(stem) > 0:
            cleaned = stem[: max_length - len(ext) - 1].rstrip("-._") + "." + ext
        else:
            cleaned = cleaned[:max_length].rstrip("-._")
    return cleaned or default


#: A cell starting with one of these may be run as a formula by a spreadsheet (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")


def guard_cell(value: object) -> object:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula
    (starting with ``= + - @``, a tab or a carriage return). A plain number written as text
    (``"-3.5"``) is left alone: it runs nothing. Anything that is not text is returned as is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
