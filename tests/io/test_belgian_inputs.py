"""Belgian inputs without loss (issue 13), on real-layout fixtures (a GTD export with its full
135-column header, ACLED before 2023 and in its 2023 layout, a Belgian-locale CSV, Lambert 72 in CSV
and GeoJSON, addresses, polygons and lines) and hostile ones (an unclosed quote, mixed encodings,
future dates). The fixtures are in tests/fixtures/import/ (values are test rows, layouts are real)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.errors import MappingError, SettingsError
from geo.io import casualties, crs
from geo.io.address import parse_address
from geo.io.mapping import ColumnMapping, suggest_mapping
from geo.io.pipeline import import_file, import_table
from geo.io.readers.formats import read_table
from geo.io.readers.raw import READ_PROBLEM
from tests.io.helpers import FIXTURES, assert_balanced, by_id, imported, reason


def test_gtd_export_with_its_full_header():
    header = (FIXTURES / "gtd_full_header.csv").read_bytes().split(b"\r\n")[0].split(b",")
    assert len(header) == 135 and header[0] == b"eventid" and header[-1] == b"related"
    result = imported("gtd_full_header.csv")
    s = result.summary
    assert s["preset"] == "gtd" and s["encoding"] == "cp1252"  # as GTD's CSV copies are
    rows = by_id(result)
    assert rows.loc["201410010001", ["place", "municipality_nis", "date_precision"]].tolist() == [
        "Liège", "62063", "month"]
    assert rows.loc["201603220001", ["killed", "injured"]].tolist() == [12, 100]  # "100.0" is 100
    assert rows.loc["201410010001", ["killed", "injured"]].isna().all()  # empty: not known, never 0
    assert pd.isna(rows.loc["201701010003", "killed"]) and rows.loc["201701010003", "injured"] == 0  # -99
    assert result.accepted["killed"].dtype == "Int64"
    assert rows.loc["201701010003", "geo_precision"] == "region"  # specificity 5
    field, why = reason(result, 6)
    assert field == "iyear" and "after" in why and "future" in why  # 2099


@pytest.mark.parametrize("name, ids", [
    ("acled_old_layout.csv", ["BEL101", "BEL102", "BEL103"]),
    ("acled_2023_layout.csv", ["BEL2001", "BEL2002", "BEL2003", "BEL2004"]),
])
def test_acled_in_its_old_and_2023_layouts(name, ids):
    result = imported(name)
    assert result.summary["preset"] == "acled" and result.summary["rejected"] == 0
    rows = by_id(result)
    assert list(rows.index) == ids
    assert result.mapping.killed == "fatalities" and result.mapping.injured is None
    if name == "acled_old_layout.csv":  # dates written "22 March 2016"
        assert rows.loc["BEL101", ["date", "kind", "killed", "municipality_nis"]].tolist() == [
            pd.Timestamp("2016-03-22"), "attack", 16, "21004"]
        assert rows.loc["BEL103", ["date_precision", "kind"]].tolist() == ["month", "other"]  # time_precision 2
    else:  # 2023 layout: ISO dates, disorder_type, civilian_targeting, tags
        assert rows.loc["BEL2001", ["date", "kind"]].tolist() == [pd.Timestamp("2016-06-17"), "arrest_action"]
        assert rows.loc["BEL2003", ["kind", "geo_precision", "region_nis", "date_precision"]].tolist() == [
            "plot", "region", "04000", "month"]


def test_belgian_locale_csv():
    result = imported("belgian_locale.csv")
    s = result.summary
    assert (s["encoding"], s["delimiter"]) == ("cp1252", ";")
    assert (result.mapping.killed, result.mapping.injured) == ("Morts", "Blessés")
    rows = result.accepted.set_index("source_row")
    assert rows.loc[2, ["municipality_nis", "geo_precision", "kind", "killed"]].tolist() == [
        "23094", "point", "attack", 16]  # decimal commas in the coordinates
    assert rows.loc[2, "description"] == "Explosions à l'aéroport (ligne de test)"
    assert rows.loc[3, ["kind", "injured"]].tolist() == ["attack", 2]  # "Attaque au couteau"
    assert rows.loc[4, ["kind", "date_precision", "municipality_nis"]].tolist() == [
        "arrest_action", "month", "21012"]  # "Perquisitions", 03/2016, postal code 1080
    assert rows.loc[5, "kind"] == "plot" and rows.loc[5, ["killed", "injured"]].isna().all()  # "inconnu"
    field, why = reason(result, 6)
    assert field == "Blessés" and "found 'deux'" in why


def test_lambert72_csv_recognised_by_name_and_range():
    raw, info = read_table(FIXTURES / "lambert72.csv", filename="lambert72.csv")
    mapping = suggest_mapping(raw.columns, raw)
    assert (mapping.x, mapping.y, mapping.crs) == ("X", "Y", "EPSG:31370")
    assert suggest_mapping(raw.columns).crs == "EPSG:31370"  # by name only: proposed, to confirm
    result = import_table(raw, mapping=mapping, filename="lambert72.csv", info=info)
    assert_balanced(result)
    rows = by_id(result)
    assert rows.loc[["L1", "L2", "L3", "L4"], "municipality_nis"].tolist() == ["23094", "52011", "63079", "21001"]
    assert rows.loc["L1", ["lat", "lon"]].tolist() == pytest.approx([50.8977, 4.4844], abs=1e-5)
    assert "EPSG:31370" in rows.loc["L1", "geocode_note"]
    assert any("EPSG:31370" in n for n in result.notes())
    # The system matters: read as Lambert 2008 the same numbers are far from Belgium.
    wrong = import_table(raw, mapping=mapping.replace(crs="EPSG:3812"), filename="lambert72.csv", info=info)
    assert wrong.summary["outside_belgium"] == 4


def test_lambert72_geojson_declared_crs_is_honoured_and_named():
    result = imported("lambert72.geojson")
    assert any("from EPSG:31370 (BD72 / Belgian Lambert 72), the system its crs member declares" in n
               for n in result.info.notes)
    rows = by_id(result)
    assert rows.loc[["L1", "L2", "L3", "L4"], "municipality_nis"].tolist() == ["23094", "52011", "63079", "21001"]
    assert rows.loc["L6", ["municipality_nis", "geo_precision", "geocode_method"]].tolist() == [
        "23094", "municipality", "geometry"]


def test_geopackage_note_names_the_source_system(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point, box

    frame = gpd.GeoDataFrame({"id": ["G1", "G2"], "datum": ["2016-03-22", "2016-08-06"]},
                             geometry=[Point(4.4844, 50.8977), box(4.43, 50.40, 4.46, 50.42)],
                             crs="EPSG:4326").to_crs("EPSG:3812")
    path = tmp_path / "lambert2008.gpkg"
    frame.to_file(path, layer="feiten", driver="GPKG")
    result = import_file(path, filename="lambert2008.gpkg")
    assert any("from EPSG:3812 (ETRS89 / Belgian Lambert 2008), the system the layer declares" in n
               for n in result.info.notes)
    rows = by_id(result)
    assert rows.loc["G1", "municipality_nis"] == "23094"
    assert rows.loc["G2", ["municipality_nis", "geo_precision"]].tolist() == ["52011", "municipality"]


def test_addresses_give_municipality_precision():
    assert parse_address("Chaussée de Louvain 1200, 1030 Schaerbeek") == ("1030", "Schaerbeek")
    assert parse_address("Wetstraat 16 1000 Brussel") == ("1000", "Brussel")
    result = imported("addresses.csv")
    assert result.mapping.address == "adresse"
    rows = by_id(result)
    assert rows.loc[["A1", "A2", "A3", "A4"], "municipality_nis"].tolist() == ["21004", "21015", "52011", "44021"]
    assert (rows.loc[["A1", "A2", "A3", "A4"], "geo_precision"] == "municipality").all()
    assert rows.loc[["A1", "A2", "A3", "A4"], "lat"].notna().all()  # the unit's representative point
    assert "from the address 'Rue de la Loi 16, 1000 Bruxelles'" in rows.loc["A1", "geocode_note"]
    assert rows.loc["A5", "geo_precision"] == "none"
    assert rows.loc["A6", "geocode_note"].startswith("outside Belgium: the address names France")
    assert (result.summary["outside_belgium"], result.summary["not_placed"]) == (1, 1)


def test_polygons_and_lines_are_placed_in_the_unit_that_contains_them():
    result = imported("polygons.geojson")
    rows = by_id(result)
    got = rows[["municipality_nis", "region_nis", "geo_precision"]].apply(tuple, axis=1).to_dict()
    assert got == {
        "P1": ("23094", "02000", "municipality"),  # around Brussels Airport, Zaventem
        "P2": ("21004", "04000", "municipality"),  # a street in the City of Brussels
        "P3": ("52011", "03000", "municipality"),  # Charleroi
        "P4": ("", "04000", "region"),  # a line across Brussels: the arrondissement, so the region
        "P5": ("", "", "none"),  # across the regional border
        "P6": ("", "", "none"),  # in France
        "P7": ("52011", "03000", "municipality"),  # two points in Charleroi
    }
    assert "arrondissement 21000" in rows.loc["P4", "geocode_note"]
    assert rows.loc["P6", "geocode_note"].startswith("outside Belgium")
    assert (result.summary["outside_belgium"], result.summary["not_placed"]) == (1, 1)
    assert rows.loc[["P1", "P2"], "lat"].notna().all() and (rows["geocode_method"].iloc[:4] == "geometry").all()


def test_unclosed_quote_swallows_no_row():
    result = imported("unclosed_quote.csv")
    assert result.summary["rows_in"] == 5  # the csv module alone reads 3 (Q2 swallows Q3 and Q4)
    assert sorted(result.accepted["site_id"]) == ["Q1", "Q3", "Q4", "Q5"]
    field, why = reason(result, 3)
    assert field == READ_PROBLEM and "line 3" in why and "quote" in why
    assert by_id(result).loc["Q5", "description"] == "A quoted cell\non two lines, legitimately"
    assert any("line 3" in n for n in result.notes())


def test_mixed_encodings_are_decoded_line_by_line(tmp_path, monkeypatch):
    result = imported("mixed_encoding.csv")
    assert result.summary["encoding"] == "utf-8+cp1252"
    assert any("3 and 5" in n and "Windows-1252" in n for n in result.info.notes)
    rows = by_id(result)
    assert rows["place"].tolist() == ["Liège", "Liège", "Schaerbeek", "Sint-Genesius-Rode"]
    assert rows.loc["M2", "description"] == "Ligne en Windows-1252 (accents é è à)"
    assert rows.loc["M3", "description"] == "Ligne en UTF-8 avec un symbole €"
    assert rows.loc["M4", "description"] == "Regel in Windows-1252: café ‘quote’"
    assert (rows["municipality_nis"] != "").all()
    text = " ".join(map(str, result.accepted.to_numpy().ravel()))
    assert "Ã" not in text and "â€" not in text  # nothing mis-decoded
    # … and nothing mis-decoded is stored.
    from geo.io import store

    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    saved = store.configured().save_dataset(result, name="mixed")
    back = store.configured().load_dataset(saved.slug).set_index("site_id")
    assert back.loc["M2", "description"] == "Ligne en Windows-1252 (accents é è à)"
    assert back["place"].tolist() == rows["place"].tolist()


def test_future_dates_are_rejected_and_the_range_is_a_setting(monkeypatch):
    result = imported("future_dates.csv")
    assert sorted(result.accepted["site_id"]) == ["F1"]
    for row, shown in ((3, "2099-01-01"), (4, "2099"), (5, "2099-01")):
        assert reason(result, row)[1].startswith(f"{shown} is after ")
    assert "before 1900-01-01" in reason(result, 6)[1]
    monkeypatch.setenv("ATLAS_DATE_RANGE", "1800..2100")
    assert sorted(imported("future_dates.csv").accepted["site_id"]) == ["F1", "F2", "F3", "F4", "F5"]
    monkeypatch.setenv("ATLAS_DATE_RANGE", "2016..2016")
    assert sorted(imported("future_dates.csv").accepted["site_id"]) == ["F1"]
    monkeypatch.setenv("ATLAS_DATE_RANGE", "2017..2016")
    with pytest.raises(SettingsError, match="after the last"):
        imported("future_dates.csv")


def test_a_month_or_year_that_has_begun_is_plausible(monkeypatch):
    from datetime import date

    today = date.today()
    raw = pd.DataFrame({"date": [today.strftime("%Y-%m"), str(today.year), str(today.year + 1)]})
    result = import_table(raw, filename="now.csv")
    assert result.accepted["date_precision"].tolist() == ["month", "year"]
    assert list(result.rejected["row"]) == [4]


def test_unknown_categories_can_be_assigned_a_kind():
    raw = pd.DataFrame({"date": ["2016-01-01"] * 4, "type": ["bomaanslag", "Zwartwerk", "zwartwerk", "inbraak"]})
    first = import_table(raw, filename="k.csv")
    assert first.accepted["kind"].tolist() == ["attack", "other", "other", "other"]  # bomaanslag: crosswalk
    assert first.summary["unknown_categories"] == {"Zwartwerk": 1, "zwartwerk": 1, "inbraak": 1}
    mapping = first.mapping.replace(categories=(("zwartwerk", "arrest_action"),))
    second = import_table(raw, mapping=mapping, filename="k.csv")
    assert second.accepted["kind"].tolist() == ["attack", "arrest_action", "arrest_action", "other"]
    assert second.summary["unknown_categories"] == {"inbraak": 1}
    assert "assigned to arrest_action" in second.accepted["kind_note"].iat[1]
    assert ColumnMapping.from_dict(mapping.to_dict()) == mapping  # kept in the manifest
    with pytest.raises(MappingError, match="not a kind"):
        import_table(raw, mapping=mapping.replace(categories=(("inbraak", "burglary"),)), filename="k.csv")


def test_casualty_cells():
    counts, bad = casualties.parse(pd.Series(["3", "3.0", "", "onbekend", "-99", "2,0", "x", "-1", "2.5", "1e400"]))
    assert counts.tolist()[:6] == [3, 3, pd.NA, pd.NA, pd.NA, 2]
    assert bad.tolist() == [False] * 6 + [True] * 4
    frame = pd.DataFrame({"killed": pd.array([pd.NA, 2], dtype="Int64"),
                          "injured": pd.array([pd.NA, pd.NA], dtype="Int64")})
    assert list(casualties.metric_labels(frame)) == ["killed"]


def test_outside_belgium_and_not_placed_are_counted_apart():
    raw = pd.DataFrame({"date": ["2016"] * 4, "lat": ["48.8566", "", "", "50.85"],
                        "lon": ["2.3522", "", "", "4.35"], "place": ["", "Atlantis", "", ""]})
    result = import_table(raw, filename="o.csv")
    s = result.summary
    assert (s["outside_belgium"], s["not_placed"], s["not_located"]) == (1, 2, 3)
    assert any("1 accepted row is outside Belgium" in n for n in result.notes())
    assert any("2 accepted rows are not outside Belgium" in n for n in result.notes())


def test_crs_guess_never_takes_degrees_for_metres():
    assert crs.guess([4.35, 2.35, 4.48], [50.85, 48.86, 50.9]) is None  # Paris among Belgian points
    assert crs.guess([149000.0], [170000.0]) == "EPSG:31370"
    assert crs.guess([649000.0], [670000.0]) == "EPSG:3812"
    assert crs.guess([4.35], [50.85]) == "EPSG:4326"
