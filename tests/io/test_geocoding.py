"""Locating imported rows: outside Belgium kept and listed; another country not looked up by name."""

from __future__ import annotations

import pandas as pd

from geo.io.pipeline import import_table
from tests.io.helpers import assert_balanced, by_id, imported


def test_coordinates_outside_belgium_are_kept_and_listed():
    result = imported("outside_belgium.csv")
    assert (result.summary["accepted"], result.summary["rejected"], result.summary["not_located"]) == (4, 0, 3)
    notes = by_id(result)["geocode_note"]
    assert notes["O1"] == "outside Belgium (48.85660, 2.35220)"
    assert "are the columns swapped?" in notes["O3"]
    assert list(result.not_located["site_id"]) == ["O1", "O2", "O3"]
    assert by_id(result).loc["O4", "municipality_nis"] == "21004"


def test_foreign_country_is_not_looked_up_by_name():
    raw = pd.DataFrame({"date": ["2016", "2016"], "city": ["Erquelinnes", "Erquelinnes"],
                        "country": ["France", "Belgique"]})
    result = import_table(raw, filename="c.csv")
    assert_balanced(result)
    assert result.accepted["geo_precision"].tolist()[0] == "none"
    assert "not Belgium" in result.accepted["geocode_note"].iat[0]
    assert result.accepted["municipality_nis"].iat[1] == "56022"
