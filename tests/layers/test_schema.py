"""Every rule of the foreign-fighter layer fails on a hand-made bad row, and all problems of a file
are raised at once."""

from __future__ import annotations

import pytest

from geo.layers.load import LayerDataError, read_layer_table, validate_layer
from geo.layers.names import person_names_in
from tests.layers.conftest import ff_row, ff_table


def _problems(tiny_munis, *rows) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(LayerDataError) as info:
        validate_layer(ff_table(*rows), name="t.csv", munis=tiny_munis)
    return [(p.row, p.field, p.reason) for p in info.value.problems]


def test_a_valid_table_loads_typed(tiny_munis):
    out = validate_layer(ff_table(ff_row(), ff_row(row_id="T2", unit_nis="04000", geo_precision="region",
                                                   source_geo_precision="region")), munis=tiny_munis)
    assert out["count"].tolist() == [10, 10]
    assert str(out["figure_date"].dtype).startswith("datetime64")


@pytest.mark.parametrize(("overrides", "field", "words"), [
    ({"source_url": ""}, "source_url", "web address"),
    ({"source_url": "Le Soir, 3 March 2016"}, "source_url", "web address"),
    ({"other_urls": "https://a.example.be/x not-an-address"}, "other_urls", "web addresses"),
    ({"outlet": ""}, "outlet", "empty"),
    ({"count": "about 10"}, "count", "whole number"),
    ({"counts": "fighters"}, "counts", "must be one of"),
    ({"geo_precision": "street"}, "geo_precision", "must be one of"),
    ({"unit_nis": "1234"}, "unit_nis", "5-digit"),
    ({"figure_date": "28/01/2016"}, "figure_date", "YYYY-MM-DD"),
])
def test_column_rules(tiny_munis, overrides, field, words):
    found = _problems(tiny_munis, ff_row(**overrides))
    assert [(row, f) for row, f, _ in found] == [(2, field)]
    assert words in found[0][2]


def test_code_must_exist_at_the_stated_precision(tiny_munis):
    found = _problems(tiny_munis, ff_row(unit_nis="99999"),
                      ff_row(row_id="T2", unit_nis="00010"),  # an arrondissement code given as a municipality
                      ff_row(row_id="T3", unit_nis="00010", geo_precision="arrondissement",
                             source_geo_precision="arrondissement", series="other"))
    assert [(row, field) for row, field, _ in found] == [(2, "unit_nis"), (3, "unit_nis")]
    assert "not a 2019 municipality code" in found[0][2]


def test_never_more_precise_than_the_source(tiny_munis):
    found = _problems(tiny_munis, ff_row(source_geo_precision="province"))
    assert found == [(2, "geo_precision", "municipality is more precise than the source (province)")]


def test_a_part_row_is_coarser_than_its_source(tiny_munis):
    found = _problems(tiny_munis, ff_row(coverage="part"))
    assert [(row, field) for row, field, _ in found] == [(2, "coverage")]
    ok = ff_row(coverage="part", unit_nis="00100", geo_precision="province", source_geo_precision="arrondissement")
    assert len(validate_layer(ff_table(ok), munis=tiny_munis)) == 1


@pytest.mark.parametrize(("column", "text", "name"), [
    ("note", "Figures of the mayor, Hans Bonte, in the council.", "Bonte"),
    ("place", "Molenbeek (Mohamed K.)", "Mohamed K."),
    ("source_url", "https://news.example.be/2016/jambon-geeft-cijfers", "Jambon"),
    ("outlet", "Blog of De Wever", "De Wever"),
])
def test_a_name_looking_text_is_refused(tiny_munis, column, text, name):
    found = _problems(tiny_munis, ff_row(**{column: text}))
    assert [(row, field) for row, field, _ in found] == [(2, column)]
    assert name in found[0][2]


def test_the_name_rule_leaves_places_and_outlets_alone():
    for text in ("Le Vif/L'Express (Belga)", "Région de Bruxelles-Capitale", "Molenbeek-Saint-Jean",
                 "RTL info (after La Dernière Heure)", "https://www.levif.be/actualite/belgique/x.html",
                 "Vilvoorde (een 30-tal personen)", "Figures of 28 January 2016. Province of Antwerp."):
        assert person_names_in(text) == [], text


def test_dates_are_written_as_their_precision_says(tiny_munis):
    found = _problems(tiny_munis, ff_row(date_precision="month"),
                      ff_row(row_id="T2", series="s2", figure_date="2016-03-01", date_precision="year"))
    assert [(row, field) for row, field, _ in found] == [(2, "figure_date"), (3, "figure_date")]


def test_a_series_counts_one_thing_and_has_one_row_per_unit(tiny_munis):
    found = _problems(tiny_munis, ff_row(), ff_row(row_id="T2", counts="returned", unit_nis="00002"),
                      ff_row(row_id="T3", unit_nis="00001"))
    assert (2, "counts") in [(row, field) for row, field, _ in found]
    assert (4, "unit_nis") in [(row, field) for row, field, _ in found]


def test_every_problem_is_reported_at_once(tiny_munis):
    found = _problems(tiny_munis, ff_row(source_url=""), ff_row(row_id="T2", unit_nis="99999"),
                      ff_row(row_id="T3", note="said Mohamed K. yesterday", unit_nis="00002"))
    assert [(row, field) for row, field, _ in found] == [(2, "source_url"), (3, "unit_nis"), (4, "note")]


def test_structure_and_file_errors(tiny_munis, tmp_path):
    frame = ff_table(ff_row()).drop(columns=["outlet"])
    with pytest.raises(LayerDataError) as info:
        validate_layer(frame, munis=tiny_munis)
    assert "outlet" in str(info.value)
    with pytest.raises(LayerDataError, match="file not found"):
        read_layer_table(tmp_path / "missing.csv")
