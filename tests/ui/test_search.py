"""The Data page finds rows by any spelling of their place, or by postal code (issue 14)."""

from __future__ import annotations

from tests.ui.test_app import run_page


def _shown(at) -> str:
    return next(c.value for c in at.caption if " records shown." in c.value)


def test_the_place_box_finds_rows_by_any_spelling_and_postal_code():
    at = run_page("data")
    place = next(t for t in at.text_input if t.label == "Place")
    counts = {}
    for spelling in ("Molenbeek", "Sint-Jans-Molenbeek", "molenbeek-saint-jean", "1080"):
        place.set_value(spelling).run()
        counts[spelling] = _shown(at)
        assert not at.warning, spelling
    assert len(set(counts.values())) == 1 and not counts["1080"].startswith("0 of"), counts
    place.set_value("Atlantis").run()
    assert _shown(at).startswith("0 of") and "No Belgian place is called 'Atlantis'." in at.warning[0].value


def test_the_search_box_also_knows_places_in_other_languages():
    at = run_page("data")
    search = next(t for t in at.text_input if t.label == "Search")
    search.set_value("Luik").run()  # Liège in Dutch: no row's text says "Luik"
    assert not _shown(at).startswith("0 of"), _shown(at)
