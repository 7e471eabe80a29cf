"""Readers: workbooks, GeoJSON, GeoPackages, delimited text in any delimiter and encoding, broken
and empty files, ragged rows, file objects."""

from __future__ import annotations

import io
import json
import random

import pandas as pd
import pytest

from geo.errors import ImportFileError
from geo.io.mapping import suggest_mapping
from geo.io.pipeline import import_file, import_table
from geo.io.readers.formats import list_sheets, read_table
from geo.io.readers.raw import EXTRA_CELLS, GEOMETRY_LAT
from tests.io.helpers import FIXTURES, assert_balanced, by_id, imported, reason, workbook_bytes

# --- workbooks, GeoJSON, GeoPackage --------------------------------------------------------------

def test_excel_named_sheet_rows_are_sheet_rows():
    data = workbook_bytes()
    assert list_sheets(data, filename="x.xlsx") == ["Notes", "Incidenten"]
    raw, info = read_table(data, filename="x.xlsx", sheet="Incidenten")
    assert info.format == "xlsx" and info.sheet == "Incidenten" and info.blank_rows == 1
    assert list(raw.index) == [2, 3, 5, 6, 7]
    assert raw.loc[2, "Datum"] == "2016-03-22" and raw.loc[3, "Postcode"] == "1080"
    assert raw.loc[7, "Datum"] == "2017-06-20 20:44:00"
    # Formulas are never evaluated: a formula the file never computed reads as empty.
    assert raw.loc[3, "Omschrijving"] == "" and raw.loc[5, "Omschrijving"] == ""
    result = import_table(raw, mapping=suggest_mapping(raw.columns),
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
        read_table(data, filename="x.xlsx")
    with pytest.raises(ImportFileError, match="no sheet named 'Data'.*'Notes', 'Incidenten'"):
        read_table(data, filename="x.xlsx", sheet="Data")


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
    assert result.mapping.lat == GEOMETRY_LAT


def test_geojson_broken(tmp_path):
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_table(b'{"type": "FeatureCollection", "features": [', filename="x.geojson")
    with pytest.raises(ImportFileError, match="not GeoJSON"):
        read_table(b'[1, 2, 3]', filename="x.geojson")
    unknown = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::99999999"}},
               "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [150000, 170000]},
                             "properties": {"date": "2016"}}]}
    with pytest.raises(ImportFileError, match="not a coordinate system"):
        read_table(json.dumps(unknown).encode(), filename="x.geojson")


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
    assert list_sheets(path, filename="incidents.gpkg") == ["feiten"]
    result = import_file(path.read_bytes(), filename="incidents.gpkg")
    assert_balanced(result)
    assert result.info.format == "gpkg" and result.info.sheet == "feiten"
    rows = by_id(result)
    assert rows.loc["P1", ["municipality_nis", "geo_precision"]].tolist() == ["23094", "point"]
    assert rows.loc["P1", "lat"] == pytest.approx(50.8977, abs=1e-6)
    assert rows.loc["P2", ["municipality_nis", "date_precision"]].tolist() == ["52011", "month"]
    assert rows.loc["P3", "geo_precision"] == "none"
    with pytest.raises(ImportFileError, match="no layer named"):
        read_table(path, filename="incidents.gpkg", sheet="nope")


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
    result = import_file(buffer.getvalue().encode("utf-8"), filename="t.csv")
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
    raw, info = read_table(b"\xef\xbb\xbf" + text.encode("utf-8"), filename="t.csv")
    assert info.encoding == "utf-8-sig" and list(raw.columns)[0] == "id"
    assert raw.loc[4, "place"] == "Liège"


def test_utf16_tab_text_as_excel_saves_it():
    text = "\r\n".join("\t".join(r) for r in TABLE)
    raw, info = read_table(text.encode("utf-16"), filename="t.txt")
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
        read_table(garbage, filename="garbage.csv")
    with pytest.raises(ImportFileError, match="old-style Excel"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), filename="x.xls")
    with pytest.raises(ImportFileError, match="not a readable .xlsx"):
        read_table(b"PK\x03\x04 not really a zip", filename="x.xlsx")


def test_empty_files_are_clear_errors():
    with pytest.raises(ImportFileError, match=r"empty\.csv: is empty"):
        import_file(FIXTURES / "empty.csv", filename="empty.csv")
    with pytest.raises(ImportFileError, match="header row but no data rows"):
        import_file(FIXTURES / "header_only.csv", filename="header_only.csv")
    with pytest.raises(ImportFileError, match="is empty"):
        read_table(b"\n\n ,, \n", filename="blank.csv")
    with pytest.raises(ImportFileError, match="cannot be opened"):
        read_table(FIXTURES / "no-such-file.csv", filename="no-such-file.csv")


def test_ragged_rows_and_blank_lines():
    data = b"id,date,place\nR1,2016-01-01,Gent\n\nR2,2016-01-02,Gent,extra,cells\nR3,2016-01-03\n"
    raw, info = read_table(data, filename="r.csv")
    assert list(raw.index) == [2, 4, 5] and info.blank_rows == 1
    result = import_table(raw, filename="r.csv", info=info)
    assert_balanced(result)
    assert reason(result, 4) == (EXTRA_CELLS, "the row has more cells than the header")
    assert by_id(result).loc["R3", "geo_precision"] == "none"  # short row: padded, not located


def test_file_object_source():
    with open(FIXTURES / "duplicates.csv", "rb") as handle:
        handle.read(10)  # a file already read from is rewound
        raw, info = read_table(handle, filename="duplicates.csv")
    assert info.rows == 5
