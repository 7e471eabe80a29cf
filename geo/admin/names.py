"""How a Belgian unit is named for a reader: in its local language by default (Liège in Wallonia,
Antwerpen in Flanders, both French and Dutch in Brussels, German in the German-speaking
municipalities), or in the reader's language where the unit has a name in it (Luik in Dutch, Anvers
in French, Antwerp in English), else in its local language.

Names come from the boundary file (Dutch and French), ``data/german_names.csv`` (German) and the
gazetteer's English exonyms (``data/gazetteer_aliases.csv``).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from geo import vocab
from geo.admin import gazetteer, tables

Mode = Literal["local", "reader"]
MODES: tuple[Mode, ...] = ("local", "reader")


def _both(first: str, second: str) -> str:
    return first if first == second else f"{first} / {second}"


def unit_name(name_nl: str, name_fr: str, reg_nis: str, *, language: str = "en", mode: Mode = "local",
              name_de: str = "", name_en: str = "") -> str:
    """The name of one unit. ``language``: the reader's (en, fr, nl); ``mode``: ``local`` (the
    local language first) or ``reader`` (the reader's language where the unit has a name in it)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if reg_nis == vocab.BRUSSELS_REGION:
        local = _both(name_nl, name_fr) if language == "nl" else _both(name_fr, name_nl)
    elif name_de:
        local = name_de
    else:
        local = name_nl if reg_nis == vocab.FLANDERS else name_fr
    if mode == "local":
        return local
    own = {"nl": name_nl, "fr": name_fr, "en": name_en}.get(language, "")
    return own or local


def municipality_names(codes: pd.Series, names_nl: pd.Series, names_fr: pd.Series, regions: pd.Series, *,
                       language: str = "en", mode: Mode = "local") -> pd.Series:
    """:func:`unit_name` for many municipalities at once (aligned Series; codes are REFNIS)."""
    german, english = tables.german_names(), gazetteer.english_names()
    out = [unit_name(nl, fr, reg, language=language, mode=mode, name_de=german.get(code, ""),
                     name_en=english.get(code, ""))
           for code, nl, fr, reg in zip(codes, names_nl, names_fr, regions)]
    return pd.Series(out, index=codes.index, dtype=object)


def names_of_units(units: pd.DataFrame, *, language: str = "en", mode: Mode = "local") -> pd.Series:
    """The names of the units of a frame with ``code``, ``name_nl``, ``name_fr``, ``reg_nis`` and
    ``level`` (as :func:`geo.admin.boundaries.units` returns). Only municipalities have German
    and English names here; other levels fall back to their local (or Dutch/French) names."""
    if len(units) and (units["level"] == "municipality").all():
        return municipality_names(units["code"], units["name_nl"], units["name_fr"], units["reg_nis"],
                                  language=language, mode=mode)
    out = [unit_name(nl, fr, reg, language=language, mode=mode)
           for nl, fr, reg in zip(units["name_nl"], units["name_fr"], units["reg_nis"])]
    return pd.Series(out, index=units.index, dtype=object)
