"""Dates: the written forms read, refused with a reason, an explicit format, year/month/day columns."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.errors import MappingError
from geo.io.dates import parse_date
from geo.io.mapping import ColumnMapping
from geo.io.pipeline import import_table
from tests.io.helpers import assert_balanced, by_id, imported, reason


def test_bad_dates():
    result = imported("bad_dates.csv")
    assert (result.summary["accepted"], result.summary["rejected"]) == (2, 5)
    assert reason(result, 3) == ("date", "month 13 does not exist (found '2016-13-01')")
    assert "not a date (found 'yesterday')" in reason(result, 4)[1]
    assert "not a day of the calendar" in reason(result, 5)[1]
    assert reason(result, 6) == ("date", "is empty: every incident needs a date")
    assert "1850" in reason(result, 8)[1]
    assert by_id(result).loc["D6", "date"] == pd.Timestamp("2016-03-22")  # 22.03.2016


def test_date_parts_columns_with_unknowns():
    raw = pd.DataFrame({"year": ["2016", "2016", "2016", "16", "2016"], "month": ["3", "0", "", "1", "2"],
                        "day": ["22", "0", "", "1", "30"]})
    result = import_table(raw, mapping=ColumnMapping(year="year", month="month", day="day"),
                                   filename="p.csv")
    assert_balanced(result)
    assert result.accepted["date_precision"].tolist() == ["day", "year", "year"]
    assert "year must be within 1000-9999" in reason(result, 5)[1]  # "16": not a written year
    assert reason(result, 6)[0] == "day" and "calendar" in reason(result, 6)[1]


def test_explicit_date_format():
    raw = pd.DataFrame({"when": ["03-22-2016", "13-22-2016", "03-2016"]})
    result = import_table(raw, mapping=ColumnMapping(date="when", date_format="%m-%d-%Y"),
                                   filename="us.csv")
    assert_balanced(result)
    assert result.accepted["date"].tolist() == [pd.Timestamp("2016-03-22")]
    with pytest.raises(MappingError, match="no year"):
        import_table(raw, mapping=ColumnMapping(date="when", date_format="%d/%m"), filename="x.csv")


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
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2016-02-30", "32/01/2016", "15 Smarch 2015", "99", "=1+1"])
def test_parse_date_refusals(text):
    assert isinstance(parse_date(text), str)
