"""geo.admin.names: local names first by default, the reader's language where a unit has a name in it."""

from __future__ import annotations

import pytest

from geo.admin import boundaries, names


def _name(code: str, **kw) -> str:
    units = boundaries.units("municipality")
    return names.names_of_units(units[units["code"] == code], **kw).iloc[0]


@pytest.mark.parametrize(("code", "local"), [
    ("62063", "Liège"),                                   # Wallonia: French
    ("11002", "Antwerpen"),                               # Flanders: Dutch
    ("21009", "Ixelles / Elsene"),                        # Brussels: both
    ("63023", "Eupen"), ("63001", "Amel"),                # German-speaking: German
])
def test_local_language_first_by_default(code, local):
    for language in ("en", "fr"):
        assert _name(code, language=language) == local


def test_brussels_puts_the_reader_s_language_first_in_dutch():
    assert _name("21009", language="nl") == "Elsene / Ixelles"


@pytest.mark.parametrize(("code", "language", "expected"), [
    ("62063", "nl", "Luik"), ("11002", "fr", "Anvers"), ("11002", "en", "Antwerp"),
    ("44021", "en", "Ghent"), ("63001", "fr", "Amblève"),
    ("21009", "fr", "Ixelles"), ("21009", "nl", "Elsene"),
    ("21009", "en", "Ixelles / Elsene"),                  # no English name: local
    ("52011", "en", "Charleroi"),                         # same in every language
])
def test_the_reader_s_language_where_the_unit_has_a_name_in_it(code, language, expected):
    assert _name(code, language=language, mode="reader") == expected


def test_levels_above_the_municipality_use_their_local_names():
    provinces = boundaries.units("province")
    got = dict(zip(provinces["code"], names.names_of_units(provinces)))
    assert got["60000"] == "Province de Liège" or "Liège" in got["60000"]
    assert "Antwerpen" in got["10000"]


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode"):
        names.unit_name("a", "b", "02000", mode="fancy")
