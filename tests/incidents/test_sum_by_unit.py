"""People killed or injured per unit (geo.incidents.aggregate.sum_by_unit), the Belgium page's
casualty metric: sums of known counts, unknown counts never read as 0, one event once per unit."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.incidents.aggregate import count_by_unit, sum_by_unit
from geo.io.pipeline import import_table


@pytest.fixture(scope="module")
def rows() -> pd.DataFrame:
    raw = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e", "f"],
        "date": ["2016-03-22", "2016-03-22", "2016-08-06", "2016-08-07", "2016", "2016"],
        "place": ["Zaventem", "Zaventem", "Charleroi", "Charleroi", "Brussels", "Atlantis"],
        "killed": ["16", "", "0", "3", "5", "7"],
        "injured": ["100", "2", "", "", "", ""],
    })
    return import_table(raw, filename="people.csv").accepted


def test_sums_known_counts_per_unit(rows):
    counted = sum_by_unit(rows, "killed", level="municipality")
    table = counted.table.set_index("code")
    assert table.loc["23094", ["count", "incidents"]].tolist() == [16, 1]  # b: not known, not 0
    assert table.loc["52011", ["count", "incidents"]].tolist() == [3, 2]
    assert table.loc["23094", "per_100k"] == pytest.approx(16 / table.loc["23094", "population"] * 1e5)
    assert counted.total == 19
    reasons = counted.not_counted.set_index("site_id")["reason"]
    assert reasons["b"] == "killed: not known"
    assert reasons["e"].startswith("known only to the region")  # Brussels: region only
    assert reasons["f"] == "not located in Belgium"
    # The counts, not the number of incidents, make the figure: raise one and the sum follows.
    perturbed = rows.copy()
    perturbed.loc[perturbed["site_id"] == "d", "killed"] = 30
    assert sum_by_unit(perturbed, "killed").table.set_index("code").loc["52011", "count"] == 30
    assert count_by_unit(perturbed).table.set_index("code").loc["52011", "count"] == 2


def test_region_level_and_small_flag(rows):
    table = sum_by_unit(rows, "killed", level="region").table.set_index("code")
    assert table.loc["04000", "count"] == 5 and table.loc["02000", "count"] == 16
    assert table.loc["04000", "small"]  # one incident: the rate is flagged


def test_one_event_counts_once_per_unit(rows):
    twice = pd.concat([rows, rows[rows["site_id"] == "a"].assign(site_id="a-2")], ignore_index=True)
    assert sum_by_unit(twice, "killed").table.set_index("code").loc["23094", "count"] == 16


def test_a_table_without_the_column_counts_nothing(rows):
    counted = sum_by_unit(rows.drop(columns=["injured"]), "injured")
    assert counted.total == 0 and len(counted.not_counted) == len(rows)
