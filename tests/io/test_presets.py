"""Presets: GTD and ACLED exports are recognised, mapped and read with their own precision codes
and categories; a hand-made table's precision words."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from geo.io.pipeline import import_table
from geo.io.presets import detect_preset
from geo.io.result import ImportResult
from tests.io.helpers import FIXTURES, assert_balanced, by_id, imported, reason

# --- GTD -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gtd() -> ImportResult:
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


# --- ACLED ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def acled() -> ImportResult:
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
    assert acled.summary["unknown_categories"] == {"Something newer": 1}  # the most specific value


def test_acled_locations(acled):
    rows = by_id(acled)
    assert rows.loc["BEL1002", ["municipality_nis", "geo_precision"]].tolist() == ["21015", "point"]
    assert rows.loc["BEL1003", "geo_precision"] == "municipality"  # geo_precision 2
    assert rows.loc["BEL1004", ["geo_precision", "region_nis", "municipality_nis"]].tolist() == ["region", "04000", ""]
    assert rows.loc["BEL1006", "municipality_nis"] == "63079"  # no coordinates: by location name
    assert rows.loc["BEL1009", "geo_precision"] == "none"  # Lille
    # Only the province: region precision, never the city of the same name
    assert rows.loc["BEL1010", ["geo_precision", "region_nis", "municipality_nis"]].tolist() == ["region", "02000", ""]


def test_detect_preset():
    gtd_columns = pd.read_csv(FIXTURES / "gtd_belgium.csv", nrows=0).columns
    acled_columns = pd.read_csv(FIXTURES / "acled_belgium.csv", nrows=0).columns
    assert detect_preset(gtd_columns) == "gtd"
    assert detect_preset([c.upper() for c in gtd_columns]) == "gtd"
    assert detect_preset(acled_columns) == "acled"
    assert detect_preset(["id", "date", "place"]) is None
    assert detect_preset([]) is None


def test_generic_precision_columns():
    raw = pd.DataFrame({"id": ["a", "b", "c"], "date": ["2016-03-22", "2016-03-22", "2016-03-22"],
                        "date_precision": ["month", "day", "jaar"],
                        "lat": ["50.8977", "50.8977", "50.8977"], "lon": ["4.4844", "4.4844", "4.4844"],
                        "location_precision": ["municipality", "region", "point"]})
    result = import_table(raw, filename="g.csv")
    assert_balanced(result)
    rows = by_id(result)
    assert rows["date_precision"].tolist() == ["month", "day", "year"]
    assert rows["geo_precision"].tolist() == ["municipality", "region", "point"]
    assert rows["municipality_nis"].tolist() == ["23094", "", "23094"]
    assert np.isnan(rows.loc["a", "lat"]) or rows.loc["a", "lat"] != 50.8977
