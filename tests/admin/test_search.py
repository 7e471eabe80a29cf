"""geo.admin.search: any spelling of a municipality, or its postal code, names it."""

from __future__ import annotations

import pytest

from geo.admin import search


@pytest.mark.parametrize("query", ["Molenbeek", "Sint-Jans-Molenbeek", "molenbeek-saint-jean", "1080",
                                   "St.-Jans-Molenbeek", "B-1080"])
def test_every_spelling_of_molenbeek(query):
    found = search.places_named(query)
    assert found is not None and found.municipalities == {"21012"}


@pytest.mark.parametrize(("query", "code"), [("Schaarbeek", "21015"), ("Luik", "62063"), ("Liège", "62063"),
                                             ("Jumet", "52011"), ("Antwerp", "11002"), ("Eupen", "63023")])
def test_other_languages_sections_and_exonyms(query, code):
    found = search.places_named(query)
    assert found is not None and code in found.municipalities


def test_brussels_names_the_region_and_plain_text_names_nothing():
    found = search.places_named("Brussels")
    assert found is not None and found.regions == {"04000"}
    assert search.places_named("police raid") is None
    assert search.places_named("") is None
    assert search.places_named("9999") is None
