"""Validation: every rejected row names its row, column and reason; ids, numbers, coordinate pairs."""

from __future__ import annotations

import pandas as pd

from geo.io.pipeline import import_table
from tests.io.helpers import assert_balanced, by_id, imported, reason


def test_text_in_number_fields():
    result = imported("text_in_numbers.csv")
    assert (result.summary["accepted"], result.summary["rejected"]) == (2, 4)
    assert reason(result, 3) == ("latitude", "latitude is not a number (found 'fifty')")
    assert reason(result, 4) == ("latitude; longitude", "latitude and longitude go together: give both or neither")
    assert reason(result, 5) == ("latitude", "latitude must be within ±90 degrees (found '95.0')")
    assert reason(result, 6) == ("latitude", "latitude is not a number (found '=1+1')")
    assert by_id(result).loc["N6", "geo_precision"] == "municipality"  # no coordinates: by place


def test_duplicated_and_empty_ids():
    result = imported("duplicates.csv")
    assert list(result.accepted["site_id"]) == ["A", "B"]
    assert reason(result, 4) == ("id", "duplicate id 'A' (first on row 2)")
    assert reason(result, 5) == ("id", "id is empty")
    assert reason(result, 6) == ("id", "duplicate id 'A' (first on row 2)")


def test_every_problem_of_a_row_is_reported():
    raw = pd.DataFrame({"id": ["X", "X"], "date": ["2016-01-01", "never"], "lat": ["50.85", "north"],
                        "lon": ["4.35", "4.35"]})
    result = import_table(raw, filename="two.csv")
    assert_balanced(result)
    field, why = reason(result, 3)
    assert field == "date; id; lat"
    assert "duplicate id" in why and "not a date" in why and "not a number" in why
    assert len([p for p in result.problems if p.row == 3]) == 3
