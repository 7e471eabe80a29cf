"""Importing other people's incident tables: readers, presets, mappings, validation, geocoding,
crosswalk, limits. Every fixture is hand-written (tests/fixtures/import/) or built here."""

from __future__ import annotations

import io
import json
import math
import random
from datetime import datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest

from geo import vocab
from geo.config import ROOT
from geo.errors import CrosswalkFileError, ImportFileError, ImportLimitError, MappingError, SettingsError
from geo.incidents.table import COLUMNS, load_incidents
from geo.io import crosswalk, importer
from geo.io.importer import ColumnMapping

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def imported(name: str, **kwargs) -> importer.ImportResult:
    result = importer.import_file(FIXTURES / name, filename=name, **kwargs)
    assert_balanced(result)
    return result


def assert_balanced(result: importer.ImportResult) -> None:
    """Rows in = accepted + rejected, always; and the frames agree with the summary."""
    s = result.summary
    assert s["rows_in"] == s["accepted"] + s["rejected"]
    assert len(result.accepted) == s["accepted"]
    assert len(result.rejected) == s["rejected"]
    assert s["not_located"] == int((result.accepted["geo_precision"] == "none").sum())
    rows = set(result.accepted["source_row"]) | set(result.rejected["row"])
    assert len(rows) == s["rows_in"]
    assert not set(result.accepted["source_row"]) & set(result.rejected["row"])
    assert {p.row for p in result.problems if p.row is not None} == set(result.rejected["row"])


def by_id(result: importer.ImportResult) -> pd.DataFrame:
    return result.accepted.set_index("site_id")


def reason(result: importer.ImportResult, row: int) -> tuple[str, str]:
    hit = result.rejected[result.rejected["row"] == row]
    assert len(hit) == 1, f"row {row} is not rejected: {result.rejected[['row', 'reason']]}"
    return hit["field"].iat[0], hit["reason"].iat[0]


# --- GTD -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gtd() -> importer.ImportResult:
    return imported("gtd_belgium.csv")


def test_gtd_is_recognised_and_split(gtd):
    assert gtd.summary["preset"] == "gtd"
    assert (gtd.summary["rows_in"], gtd.summary["accepted"], gtd.summary["rejected"]) == (9, 8, 1)
    assert gtd.summary["encoding"] == "utf-8" and gtd.summary["delimiter"] == ","


def test_gtd_text_in_latitude_is_rejected_with_row_field_reason(gtd):
    field, why = reason(gtd, 7)  # the sixth data row: header = row 1
    assert field == "latitude"
    assert "not a number" in why and "not known" in why
    assert gtd.rejected.loc[gtd.rejected["row"] == 7, "eventid"].iat[0] == "201602050001"


def test_gtd_date_precision(gtd):
    rows = by_id(gtd)
    assert rows.loc["201603220001", "date"] == pd.Timestamp("2016-03-22")
    assert rows.loc["201603220001", "date_precision"] == "day"
    assert rows.loc["201608060001", "date_precision"] == "month"  # iday 0
    assert rows.loc["201608060001", "date"] == pd.Timestamp("2016-08-01")
    assert rows.loc["201608060001", "month"] == "2016-08"
    assert rows.loc["201500000001", "date_precision"] == "year"  # imonth 0
    assert rows.loc["201500000001", "date"] == pd.Timestamp("2015-01-01")
    assert rows.loc["201500000001", "month"] == ""


def test_gtd_location_precision_follows_specificity(gtd):
    rows = by_id(gtd)
    airport = rows.loc["201603220001"]
    assert (airport["geo_precision"], airport["municipality_nis"], airport["region_nis"]) == ("point", "23094", "02000")
    assert (airport["lat"], airport["lon"]) == (50.8977, 4.4844)
    assert rows.loc["201603220002", "city"] == "Brussels"
    # specificity 2: a city centroid → the municipality, drawn at its representative point
    charleroi = rows.loc["201608060001"]
    assert (charleroi["geo_precision"], charleroi["municipality_nis"]) == ("municipality", "52011")
    assert (charleroi["lat"], charleroi["lon"]) != (50.4108, 4.4446)
    assert "specificity 2" in charleroi["geocode_note"]
    # specificity 3: region only
    region = rows.loc["201500000001"]
    assert (region["geo_precision"], region["municipality_nis"], region["region_nis"]) == ("region", "", "04000")
    # specificity 5: coordinates not used, the city is "Unknown": not located
    unknown = rows.loc["201410010001"]
    assert unknown["geo_precision"] == "none" and "specificity 5" in unknown["geocode_note"]
    # no coordinates: the city name locates it
    assert rows.loc["201501150001", "municipality_nis"] == "63079"


def test_gtd_outside_belgium_is_kept_not_located(gtd):
    paris = by_id(gtd).loc["201511130001"]
    assert paris["geo_precision"] == "none"
    assert paris["geocode_note"].startswith("outside Belgium")
    assert math.isnan(paris["lat"]) and paris["region_nis"] == "" and paris["city"] == ""
    assert gtd.summary["not_located"] == 2
    assert set(gtd.not_located["site_id"]) == {"201511130001", "201410010001"}


def test_gtd_fields_and_layout(gtd):
    rows = by_id(gtd)
    first = rows.loc["201603220001"]
    assert first["kind"] == "attack" and not first["plot"]
    assert first["event_id"] == "201603220001"
    assert first["weapon"] == "Explosives" and first["target"] == "Airports & Aircraft"
    assert first["provenance"] == "imported" and first["traveled"] == "unknown"
    assert first["link"] == "" and first["connection"] == "" and first["networks"] == ""
    assert first["n_arrested"] == 0
    assert first["source"] == "gtd_belgium.csv, id 201603220001"
    assert first["source_row"] == 2
    assert rows.loc["201500000001", "kind"] == "attack"  # GTD "Unknown" attack type
    # Text stays text, exactly as written
    assert rows.loc["201805290001", "description"].startswith("<img src=x onerror=alert(1)>")


def test_imported_table_has_the_report_layout(gtd):
    report = load_incidents()
    assert list(gtd.accepted.columns[: len(report.columns)]) == list(report.columns)
    assert list(gtd.accepted.columns[len(report.columns):]) == list(importer.EXTRA_COLUMNS)
    for column in report.columns:
        assert gtd.accepted[column].dtype == report[column].dtype, column
    assert gtd.accepted[list(COLUMNS)].notna().drop(columns=["lat", "lon"]).all().all()


# --- ACLED ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def acled() -> importer.ImportResult:
    return imported("acled_belgium.csv")


def test_acled_is_recognised_and_split(acled):
    assert acled.summary["preset"] == "acled"
    assert (acled.summary["rows_in"], acled.summary["accepted"], acled.summary["rejected"]) == (11, 9, 2)


def test_acled_dates_in_both_forms_and_time_precision(acled):
    rows = by_id(acled)
    assert rows.loc["BEL1001", "date"] == pd.Timestamp("2016-03-22")  # "22 March 2016"
    assert rows.loc["BEL1002", "date"] == pd.Timestamp("2016-06-17")  # ISO
    assert rows.loc["BEL1001", "date_precision"] == rows.loc["BEL1002", "date_precision"] == "day"
    assert (rows.loc["BEL1003", "date_precision"], rows.loc["BEL1003", "date"]) == ("month", pd.Timestamp("2016-08-01"))
    assert (rows.loc["BEL1004", "date_precision"], rows.loc["BEL1004", "date"]) == ("month", pd.Timestamp("2017-06-01"))


def test_acled_bad_date_and_duplicate_rejected(acled):
    field, why = reason(acled, 8)
    assert field == "event_date" and "not a day of the calendar" in why and "31 February 2016" in why
    field, why = reason(acled, 11)
    assert field == "event_id_cnty" and why == "duplicate id 'BEL1002' (first on row 3)"
    assert by_id(acled).loc["BEL1002", "description"].startswith("Arrests in a house search")


def test_acled_crosswalk(acled):
    rows = by_id(acled)
    assert rows.loc["BEL1001", "kind"] == "attack"
    assert rows.loc["BEL1002", "kind"] == "arrest_action"
    assert (rows.loc["BEL1004", "kind"], rows.loc["BEL1004", "plot"]) == ("plot", True)
    assert rows.loc["BEL1005", "kind"] == "other"  # a protest
    assert rows.loc["BEL1005", "kind_note"] == ""
    assert rows.loc["BEL1008", "kind"] == "other"
    assert "'Something newer' is not in the crosswalk" in rows.loc["BEL1008", "kind_note"]
    assert acled.summary["unknown_categories"] == {"Something new / Something newer": 1}


def test_acled_locations(acled):
    rows = by_id(acled)
    assert rows.loc["BEL1002", ["municipality_nis", "geo_precision"]].tolist() == ["21015", "point"]
    assert rows.loc["BEL1003", "geo_precision"] == "municipality"  # geo_precision 2
    assert rows.loc["BEL1004", ["geo_precision", "region_nis", "municipality_nis"]].tolist() == ["region", "04000", ""]
    assert rows.loc["BEL1006", "municipality_nis"] == "63079"  # no coordinates: by location name
    assert rows.loc["BEL1009", "geo_precision"] == "none"  # Lille
    # Only the province: region precision, never the city of the same name
    assert rows.loc["BEL1010", ["geo_precision", "region_nis", "municipality_nis"]].tolist() == ["region", "02000", ""]


# --- other formats -------------------------------------------------------------------------------

def workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["This sheet is not the data"])
    ws = wb.create_sheet("Incidenten")
    ws.append(["Nr", "Datum", "Gemeente", "Postcode", "Soort", "Omschrijving", "Breedtegraad", "Lengtegraad"])
    ws.append([1, datetime(2016, 3, 22), "Zaventem", None, "aanslag", "Test", 50.8977, 4.4844])
    ws.append([2, "03/2016", None, 1080, "arrestatie", "=1+1", None, None])
    ws.append([])
    ws.append([3, 2015, "Jumet", None, "huiszoeking", "=HYPERLINK(\"http://example.invalid\")", None, None])
    ws.append([4, "morgen", "Gent", None, "aanslag", None, None, None])
    ws.append([5, datetime(2017, 6, 20, 20, 44), None, None, "complot", None, "veertig", 4.35])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_excel_named_sheet_rows_are_sheet_rows():
    data = workbook_bytes()
    assert importer.list_sheets(data, filename="x.xlsx") == ["Notes", "Incidenten"]
    raw, info = importer.read_table(data, filename="x.xlsx", sheet="Incidenten")
    assert info.format == "xlsx" and info.sheet == "Incidenten" and info.blank_rows == 1
    assert list(raw.index) == [2, 3, 5, 6, 7]
    assert raw.loc[2, "Datum"] == "2016-03-22" and raw.loc[3, "Postcode"] == "1080"
    assert raw.loc[7, "Datum"] == "2017-06-20 20:44:00"
    # Formulas are never evaluated: a formula the file never computed reads as empty.
    assert raw.loc[3, "Omschrijving"] == "" and raw.loc[5, "Omschrijving"] == ""
    result = importer.import_table(raw, mapping=importer.suggest_mapping(raw.columns),
                                   filename="x.xlsx", info=info)
    assert_balanced(result)
    rows = by_id(result)
    assert rows.loc["1", ["municipality_nis", "geo_precision", "kind"]].tolist() == ["23094", "point", "attack"]
    assert rows.loc["2", ["municipality_nis", "date_precision", "kind"]].tolist() == ["21012", "month", "arrest_action"]
    assert rows.loc["3", ["municipality_nis", "date_precision"]].tolist() == ["52011", "year"]
    assert reason(result, 6)[0] == "Datum"
    assert reason(result, 7) == ("Breedtegraad", "latitude is not a number (found 'veertig')")
    assert result.summary["sheet"] == "Incidenten"


def test_excel_first_sheet_by_default_and_missing_sheet():
    data = workbook_bytes()
    # The first sheet is read by default; here it holds only a title line.
    with pytest.raises(ImportFileError, match="sheet 'Notes' has a header row but no data rows"):
        importer.read_table(data, filename="x.xlsx")
    with pytest.raises(ImportFileError, match="no sheet named 'Data'.*'Notes', 'Incidenten'"):
        importer.read_table(data, filename="x.xlsx", sheet="Data")


def test_geojson_points_and_feature_rows():
    result = imported("incidents.geojson")
    assert result.info.format == "geojson"
    assert any("other than a point" in n for n in result.info.notes)
    rows = by_id(result)
    assert rows.loc["G1", ["municipality_nis", "geo_precision"]].tolist() == ["23094", "point"]
    assert rows.loc["G2", ["municipality_nis", "geo_precision", "kind"]].tolist() == ["52011", "municipality", "arrest_action"]
    assert rows.loc["G3", ["geo_precision", "region_nis", "kind"]].tolist() == ["region", "04000", "plot"]
    assert rows.loc["G4", "geo_precision"] == "none"
    assert rows.loc["G4", "date"] == pd.Timestamp("2015-11-13")  # "13 novembre 2015"
    assert reason(result, 5)[0] == "date"  # the fifth feature
    assert result.mapping.lat == importer.GEOMETRY_LAT


def test_geojson_broken(tmp_path):
    with pytest.raises(ImportFileError, match="not valid JSON"):
        importer.read_table(b'{"type": "FeatureCollection", "features": [', filename="x.geojson")
    with pytest.raises(ImportFileError, match="not GeoJSON"):
        importer.read_table(b'[1, 2, 3]', filename="x.geojson")
    lambert = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}},
               "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [150000, 170000]},
                             "properties": {"date": "2016"}}]}
    with pytest.raises(ImportFileError, match="WGS84"):
        importer.read_table(json.dumps(lambert).encode(), filename="x.geojson")


def test_geopackage_layer_in_another_crs(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    frame = gpd.GeoDataFrame(
        {"id": ["P1", "P2", "P3"], "datum": ["2016-03-22", "2016-08", "2016-08-06"],
         "gemeente": ["", "Charleroi", ""]},
        geometry=[Point(4.4844, 50.8977), None, Point(2.3522, 48.8566)], crs="EPSG:4326",
    ).to_crs("EPSG:31370")
    path = tmp_path / "incidents.gpkg"
    frame.to_file(path, layer="feiten", driver="GPKG")
    assert importer.list_sheets(path, filename="incidents.gpkg") == ["feiten"]
    result = importer.import_file(path.read_bytes(), filename="incidents.gpkg")
    assert_balanced(result)
    assert result.info.format == "gpkg" and result.info.sheet == "feiten"
    rows = by_id(result)
    assert rows.loc["P1", ["municipality_nis", "geo_precision"]].tolist() == ["23094", "point"]
    assert rows.loc["P1", "lat"] == pytest.approx(50.8977, abs=1e-6)
    assert rows.loc["P2", ["municipality_nis", "date_precision"]].tolist() == ["52011", "month"]
    assert rows.loc["P3", "geo_precision"] == "none"
    with pytest.raises(ImportFileError, match="no layer named"):
        importer.read_table(path, filename="incidents.gpkg", sheet="nope")


# --- text files: delimiters and encodings ---------------------------------------------------------

TABLE = [["id", "date", "place", "latitude", "longitude", "type"],
         ["T1", "2016-03-22", "Zaventem", "50.8977", "4.4844", "attack"],
         ["T2", "22/03/2016", "Maalbeek, Brussels", "50.8434", "4.3772", "attack"],
         ["T3", "2016", "Liège", "", "", "arrest"]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(delimiter):
    buffer = io.StringIO()
    import csv

    csv.writer(buffer, delimiter=delimiter).writerows(TABLE)
    result = importer.import_file(buffer.getvalue().encode("utf-8"), filename="t.csv")
    assert_balanced(result)
    assert result.summary["delimiter"] == delimiter
    assert result.summary["accepted"] == 3
    assert by_id(result).loc["T2", "place"] == "Maalbeek, Brussels"


def test_semicolon_with_decimal_commas_and_dutch_names():
    result = imported("semicolon.csv")
    assert result.summary["delimiter"] == ";"
    rows = by_id(result)
    assert rows.loc["S1", ["lat", "lon", "geo_precision"]].tolist() == [50.8977, 4.4844, "point"]
    assert rows.loc["S3", ["municipality_nis", "kind", "plot"]].tolist() == ["62063", "plot", True]


def test_utf8_with_bom():
    text = "\n".join(",".join(r) for r in TABLE)
    raw, info = importer.read_table(b"\xef\xbb\xbf" + text.encode("utf-8"), filename="t.csv")
    assert info.encoding == "utf-8-sig" and list(raw.columns)[0] == "id"
    assert raw.loc[4, "place"] == "Liège"


def test_utf16_tab_text_as_excel_saves_it():
    text = "\r\n".join("\t".join(r) for r in TABLE)
    raw, info = importer.read_table(text.encode("utf-16"), filename="t.txt")
    assert (info.encoding, info.delimiter) == ("utf-16", "\t")
    assert raw.loc[4, "place"] == "Liège"


def test_latin1_bytes_are_read_correctly():
    result = imported("latin1.csv")
    assert result.summary["encoding"] in ("cp1252", "latin-1")
    rows = by_id(result)
    assert rows.loc["L1", "place"] == "Liège" and rows.loc["L1", "municipality_nis"] == "62063"
    assert rows.loc["L2", "description"] == "Arrestation près de la gare (ligne de test)"


def test_undecodable_garbage_is_a_clear_error():
    garbage = random.Random(7).randbytes(4000)
    with pytest.raises(ImportFileError, match="not a text table"):
        importer.read_table(garbage, filename="garbage.csv")
    with pytest.raises(ImportFileError, match="old-style Excel"):
        importer.read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), filename="x.xls")
    with pytest.raises(ImportFileError, match="not a readable .xlsx"):
        importer.read_table(b"PK\x03\x04 not really a zip", filename="x.xlsx")


def test_empty_files_are_clear_errors():
    with pytest.raises(ImportFileError, match=r"empty\.csv: is empty"):
        importer.import_file(FIXTURES / "empty.csv", filename="empty.csv")
    with pytest.raises(ImportFileError, match="header row but no data rows"):
        importer.import_file(FIXTURES / "header_only.csv", filename="header_only.csv")
    with pytest.raises(ImportFileError, match="is empty"):
        importer.read_table(b"\n\n ,, \n", filename="blank.csv")
    with pytest.raises(ImportFileError, match="cannot be opened"):
        importer.read_table(FIXTURES / "no-such-file.csv", filename="no-such-file.csv")


def test_ragged_rows_and_blank_lines():
    data = b"id,date,place\nR1,2016-01-01,Gent\n\nR2,2016-01-02,Gent,extra,cells\nR3,2016-01-03\n"
    raw, info = importer.read_table(data, filename="r.csv")
    assert list(raw.index) == [2, 4, 5] and info.blank_rows == 1
    result = importer.import_table(raw, filename="r.csv", info=info)
    assert_balanced(result)
    assert reason(result, 4) == (importer.EXTRA_CELLS, "the row has more cells than the header")
    assert by_id(result).loc["R3", "geo_precision"] == "none"  # short row: padded, not located


# --- broken content ------------------------------------------------------------------------------

def test_missing_required_columns_are_named():
    with pytest.raises(MappingError, match="GTD export but lacks the required column.*'iday'") as err:
        imported("gtd_missing_iday.csv")
    assert err.value.missing == ("iday",) and err.value.filename == "gtd_missing_iday.csv"
    raw = pd.DataFrame({"event_id_cnty": ["X1"], "event_type": ["Riots"], "sub_event_type": ["Mob violence"]})
    with pytest.raises(MappingError, match="ACLED export but lacks the required column.*'event_date'"):
        importer.import_table(raw, filename="a.csv")
    with pytest.raises(MappingError, match="no date"):
        importer.import_table(pd.DataFrame({"place": ["Gent"]}), filename="p.csv")
    with pytest.raises(MappingError, match="'Datum'"):
        importer.import_table(pd.DataFrame({"date": ["2016"]}), mapping=ColumnMapping(date="Datum"),
                              filename="p.csv")


def test_bad_dates():
    result = imported("bad_dates.csv")
    assert (result.summary["accepted"], result.summary["rejected"]) == (2, 5)
    assert reason(result, 3) == ("date", "month 13 does not exist (found '2016-13-01')")
    assert "not a date (found 'yesterday')" in reason(result, 4)[1]
    assert "not a day of the calendar" in reason(result, 5)[1]
    assert reason(result, 6) == ("date", "is empty: every incident needs a date")
    assert "1850" in reason(result, 8)[1]
    assert by_id(result).loc["D6", "date"] == pd.Timestamp("2016-03-22")  # 22.03.2016


def test_text_in_number_fields():
    result = imported("text_in_numbers.csv")
    assert (result.summary["accepted"], result.summary["rejected"]) == (2, 4)
    assert reason(result, 3) == ("latitude", "latitude is not a number (found 'fifty')")
    assert reason(result, 4) == ("latitude; longitude", "latitude and longitude go together: give both or neither")
    assert reason(result, 5) == ("latitude", "latitude must be within ±90 degrees (found '95.0')")
    assert reason(result, 6) == ("latitude", "latitude is not a number (found '=1+1')")
    assert by_id(result).loc["N6", "geo_precision"] == "municipality"  # no coordinates: by place


def test_coordinates_outside_belgium_are_kept_and_listed():
    result = imported("outside_belgium.csv")
    assert (result.summary["accepted"], result.summary["rejected"], result.summary["not_located"]) == (4, 0, 3)
    notes = by_id(result)["geocode_note"]
    assert notes["O1"] == "outside Belgium (48.85660, 2.35220)"
    assert "are the columns swapped?" in notes["O3"]
    assert list(result.not_located["site_id"]) == ["O1", "O2", "O3"]
    assert by_id(result).loc["O4", "municipality_nis"] == "21004"


def test_duplicated_and_empty_ids():
    result = imported("duplicates.csv")
    assert list(result.accepted["site_id"]) == ["A", "B"]
    assert reason(result, 4) == ("id", "duplicate id 'A' (first on row 2)")
    assert reason(result, 5) == ("id", "id is empty")
    assert reason(result, 6) == ("id", "duplicate id 'A' (first on row 2)")


def test_every_problem_of_a_row_is_reported():
    raw = pd.DataFrame({"id": ["X", "X"], "date": ["2016-01-01", "never"], "lat": ["50.85", "north"],
                        "lon": ["4.35", "4.35"]})
    result = importer.import_table(raw, filename="two.csv")
    assert_balanced(result)
    field, why = reason(result, 3)
    assert field == "date; id; lat"
    assert "duplicate id" in why and "not a date" in why and "not a number" in why
    assert len([p for p in result.problems if p.row == 3]) == 3


def test_all_rejected_gives_an_empty_typed_table():
    raw = pd.DataFrame({"date": ["nope", "never"]})
    result = importer.import_table(raw, filename="x.csv")
    assert_balanced(result)
    assert result.accepted.empty and list(result.accepted.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert list(result.rejected["row"]) == [2, 3]


def test_foreign_country_is_not_looked_up_by_name():
    raw = pd.DataFrame({"date": ["2016", "2016"], "city": ["Erquelinnes", "Erquelinnes"],
                        "country": ["France", "Belgique"]})
    result = importer.import_table(raw, filename="c.csv")
    assert_balanced(result)
    assert result.accepted["geo_precision"].tolist()[0] == "none"
    assert "not Belgium" in result.accepted["geocode_note"].iat[0]
    assert result.accepted["municipality_nis"].iat[1] == "56022"


def test_generic_precision_columns():
    raw = pd.DataFrame({"id": ["a", "b", "c"], "date": ["2016-03-22", "2016-03-22", "2016-03-22"],
                        "date_precision": ["month", "day", "jaar"],
                        "lat": ["50.8977", "50.8977", "50.8977"], "lon": ["4.4844", "4.4844", "4.4844"],
                        "location_precision": ["municipality", "region", "point"]})
    result = importer.import_table(raw, filename="g.csv")
    assert_balanced(result)
    rows = by_id(result)
    assert rows["date_precision"].tolist() == ["month", "day", "year"]
    assert rows["geo_precision"].tolist() == ["municipality", "region", "point"]
    assert rows["municipality_nis"].tolist() == ["23094", "", "23094"]
    assert np.isnan(rows.loc["a", "lat"]) or rows.loc["a", "lat"] != 50.8977


def test_date_parts_columns_with_unknowns():
    raw = pd.DataFrame({"year": ["2016", "2016", "2016", "16", "2016"], "month": ["3", "0", "", "1", "2"],
                        "day": ["22", "0", "", "1", "30"]})
    result = importer.import_table(raw, mapping=ColumnMapping(year="year", month="month", day="day"),
                                   filename="p.csv")
    assert_balanced(result)
    assert result.accepted["date_precision"].tolist() == ["day", "year", "year"]
    assert "1900-2100" in reason(result, 5)[1]
    assert reason(result, 6)[0] == "day" and "calendar" in reason(result, 6)[1]


# --- mappings and presets ------------------------------------------------------------------------

def test_detect_preset():
    gtd_columns = pd.read_csv(FIXTURES / "gtd_belgium.csv", nrows=0).columns
    acled_columns = pd.read_csv(FIXTURES / "acled_belgium.csv", nrows=0).columns
    assert importer.detect_preset(gtd_columns) == "gtd"
    assert importer.detect_preset([c.upper() for c in gtd_columns]) == "gtd"
    assert importer.detect_preset(acled_columns) == "acled"
    assert importer.detect_preset(["id", "date", "place"]) is None
    assert importer.detect_preset([]) is None


@pytest.mark.parametrize("columns, expected", [
    (["Nr", "Datum", "Gemeente", "Postcode", "Soort", "Omschrijving"],
     dict(id="Nr", date="Datum", places=("Gemeente",), postcode="Postcode", kind="Soort", description="Omschrijving")),
    (["Identifiant", "Date de l'incident", "Commune", "Code postal", "Catégorie", "Résumé", "Province"],
     dict(id="Identifiant", date="Date de l'incident", places=("Commune",), postcode="Code postal",
          kind="Catégorie", description="Résumé", areas=("Province",))),
    (["ID", "Incident date", "City", "Latitude", "Longitude", "Type", "Notes", "Country"],
     dict(id="ID", date="Incident date", places=("City",), lat="Latitude", lon="Longitude", kind="Type",
          description="Notes", country="Country")),
    (["jaar", "maand", "dag", "plaats"], dict(year="jaar", month="maand", day="dag", places=("plaats",))),
    (["lat", "place"], dict(places=("place",))),  # a latitude without a longitude is not guessed
])
def test_suggest_mapping_from_names(columns, expected):
    mapping = importer.suggest_mapping(columns)
    for key, value in expected.items():
        assert getattr(mapping, key) == value, (key, mapping)
    assert mapping.preset is None


def test_mapping_round_trip_and_options():
    mapping = importer.suggest_mapping(pd.read_csv(FIXTURES / "acled_belgium.csv", nrows=0).columns)
    assert ColumnMapping.from_dict(json.loads(json.dumps(mapping.to_dict()))) == mapping
    cli = ColumnMapping.from_dict({"date": "Datum", "places": "Gemeente, Plaats", "date_format": "%d-%m-%Y"})
    assert cli.places == ("Gemeente", "Plaats") and cli.date_format == "%d-%m-%Y"
    with pytest.raises(MappingError, match="unknown mapping field"):
        ColumnMapping.from_dict({"colour": "x"})


def test_explicit_date_format():
    raw = pd.DataFrame({"when": ["03-22-2016", "13-22-2016", "03-2016"]})
    result = importer.import_table(raw, mapping=ColumnMapping(date="when", date_format="%m-%d-%Y"),
                                   filename="us.csv")
    assert_balanced(result)
    assert result.accepted["date"].tolist() == [pd.Timestamp("2016-03-22")]
    with pytest.raises(MappingError, match="no year"):
        importer.import_table(raw, mapping=ColumnMapping(date="when", date_format="%d/%m"), filename="x.csv")


@pytest.mark.parametrize("text, expected", [
    ("2016-03-22", (2016, 3, 22, "day")),
    ("2016-03-22T10:00:00Z", (2016, 3, 22, "day")),
    ("22/03/2016", (2016, 3, 22, "day")),
    ("22.03.2016", (2016, 3, 22, "day")),
    ("15 January 2015", (2015, 1, 15, "day")),
    ("15-Jan-2015", (2015, 1, 15, "day")),
    ("January 15, 2015", (2015, 1, 15, "day")),
    ("1er août 2016", (2016, 8, 1, "day")),
    ("22 maart 2016", (2016, 3, 22, "day")),
    ("2016-03", (2016, 3, 1, "month")),
    ("03/2016", (2016, 3, 1, "month")),
    ("March 2016", (2016, 3, 1, "month")),
    ("2016", (2016, 1, 1, "year")),
])
def test_parse_date_forms(text, expected):
    assert importer.parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2016-02-30", "32/01/2016", "15 Smarch 2015", "99", "=1+1"])
def test_parse_date_refusals(text):
    assert isinstance(importer.parse_date(text), str)


def test_raw_frame_without_row_index_counts_like_a_csv():
    raw = pd.DataFrame({"date": ["2016", "bad", "2017"]})
    result = importer.import_table(raw, filename="x.csv")
    assert list(result.rejected["row"]) == [3]
    assert list(result.accepted["site_id"]) == ["row-2", "row-4"]
    assert result.accepted["kind_note"].str.contains("no category").all()


# --- crosswalk -----------------------------------------------------------------------------------

def test_crosswalk_covers_the_source_vocabularies():
    table = crosswalk.crosswalk_table()
    assert list(table.columns) == list(crosswalk.CROSSWALK_COLUMNS)
    assert set(table["kind"]) <= set(vocab.KINDS)
    gtd = set(table.loc[table["source"] == "gtd", "source_value"])
    assert gtd == {"Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
                   "Hostage Taking (Barricade Incident)", "Facility/Infrastructure Attack",
                   "Unarmed Assault", "Hijacking", "Unknown"}
    acled = table[table["source"] == "acled"].set_index("source_value")["kind"]
    assert acled["Explosions/Remote violence"] == "attack"
    assert acled["Violence against civilians"] == "attack"
    assert acled["Arrests"] == "arrest_action"
    assert acled["Disrupted weapons use"] == "plot"
    assert {acled[v] for v in ("Riots", "Protests", "Battles", "Strategic developments",
                               "Looting/property destruction", "Other")} == {"other"}


def test_crosswalk_matching_is_forgiving_and_unknown_is_other():
    values = pd.Series(["  ARRESTATION ", "Attentat déjoué", "attentat dejoue", "Riots", "banana", ""])
    kind, note = crosswalk.map_kinds([("kind", values)], source="generic")
    assert kind.tolist() == ["arrest_action", "plot", "plot", "other", "other", "other"]
    assert note.tolist()[:4] == ["", "", "", ""]
    assert "'banana' is not in the crosswalk" in note.iat[4]
    assert note.iat[5] == "no category given: counted as 'other'"


def test_crosswalk_file_problems(tmp_path):
    bad = tmp_path / "crosswalk.csv"
    bad.write_text("source,source_field,source_value,kind,note\ngtd,attacktype1_txt,Hijacking,attak,\n"
                   "gtd,attacktype1_txt,hijacking,attack,\nnope,x,y,other,\n")
    with pytest.raises(CrosswalkFileError) as err:
        crosswalk.crosswalk_table(bad)
    text = str(err.value)
    assert "row 2, field 'kind'" in text and "row 3, field 'source_value': duplicate of row 2" in text
    assert "row 4, field 'source'" in text


# --- rejected download, limits, safety -----------------------------------------------------------

def test_rejected_csv_download_is_defused():
    raw = pd.DataFrame({"id": ["a", "b", "c"], "date": ["=1+1", "-2", "@SUM(A1)"], "note": ["+cmd", "-3.5", "x"]})
    result = importer.import_table(raw, filename="f.csv")
    data = result.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(back.columns[:3]) == ["row", "field", "reason"]
    assert len(back) == 3
    assert back["date"].tolist() == ["'=1+1", "-2", "'@SUM(A1)"]
    assert back["note"].tolist() == ["'+cmd", "-3.5", "x"]
    assert importer.rejected_csv(result.rejected) == data


def test_upload_size_limit(monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "0.0001")  # 100 bytes
    with pytest.raises(ImportLimitError, match=r"gtd_belgium\.csv: is .* MB, more than") as err:
        importer.import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")
    assert (err.value.what, err.value.limit) == ("size", 100)
    with pytest.raises(ImportLimitError):
        importer.read_table(io.BytesIO(b"x" * 500), filename="stream.csv")
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "lots")
    with pytest.raises(SettingsError, match="ATLAS_MAX_UPLOAD_MB"):
        importer.read_table(b"a,b\n1,2\n", filename="x.csv")


def test_row_limit(monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_ROWS", "3")
    with pytest.raises(ImportLimitError, match="more than 3 data rows") as err:
        importer.import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")
    assert (err.value.what, err.value.limit, err.value.filename) == ("rows", 3, "gtd_belgium.csv")
    with pytest.raises(ImportLimitError, match="ATLAS_MAX_ROWS"):
        importer.import_table(pd.DataFrame({"date": ["2016"] * 4}), filename="t.csv")
    with pytest.raises(ImportLimitError):
        importer.read_table(workbook_bytes(), filename="x.xlsx", sheet="Incidenten")
    importer.import_table(pd.DataFrame({"date": ["2016"] * 3}), filename="t.csv")  # at the limit: fine


def test_cells_are_never_evaluated(monkeypatch):
    import builtins

    def watch(original):
        def guarded(source, *args, **kwargs):
            if isinstance(source, (str, bytes)) and any(m in str(source) for m in ("__import__", "7*7", "calc")):
                raise AssertionError(f"a cell reached {original.__name__}: {source!r}")
            return original(source, *args, **kwargs)
        return guarded

    monkeypatch.setattr(builtins, "eval", watch(builtins.eval))
    monkeypatch.setattr(builtins, "exec", watch(builtins.exec))
    text = ("id,date,place,description\n"
            "E1,2016-01-01,Gent,\"__import__('os').system('false')\"\n"
            "E2,2016-01-02,Gent,=cmd|' /C calc'!A0\n"
            "E3,2016-01-03,Gent,{{7*7}} ${7*7} <script>alert(1)</script>\n")
    result = importer.import_file(text.encode(), filename="evil.csv")
    assert result.accepted["description"].tolist() == [
        "__import__('os').system('false')", "=cmd|' /C calc'!A0", "{{7*7}} ${7*7} <script>alert(1)</script>"]


def test_file_object_source():
    with open(FIXTURES / "duplicates.csv", "rb") as handle:
        handle.read(10)  # a file already read from is rewound
        raw, info = importer.read_table(handle, filename="duplicates.csv")
    assert info.rows == 5
