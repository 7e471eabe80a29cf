"""A unit over time on the tiny fixture: years and months by provenance, year-only rows apart,
rank, share, and the region's rows that no municipality can claim."""

from __future__ import annotations

import pytest

from geo.incidents.trend import trend


def test_molenbeek_over_time(tiny_incidents):
    t = trend(tiny_incidents, "21012")
    assert t.count == 2 and t.reconstructed == 1
    yearly = t.yearly.set_index("period")
    assert list(yearly.index) == ["2015", "2016"]
    assert yearly.loc["2015"].tolist() == [0, 1, 1]  # documented, reconstructed, count
    assert yearly.loc["2016"].tolist() == [1, 0, 1]
    monthly = t.monthly.set_index("period")
    assert len(monthly) == 24 and monthly["count"].sum() == 1  # the 2015 row is dated to the year only
    assert monthly.loc["2016-03"].tolist() == [1, 0, 1]
    assert t.year_only.set_index("period").loc["2015", "reconstructed"] == 1
    assert t.rank == 1 and t.units == 581 and t.units_with_events == 4
    assert t.national == 5 and t.share == pytest.approx(0.4)
    assert t.unplaced_in_region == 1  # the Brussels row known only to the region


def test_ranks_share_and_arrondissement(tiny_incidents):
    charleroi = trend(tiny_incidents, "52011")
    assert charleroi.rank == 2 and charleroi.count == 1 and charleroi.unplaced_in_region == 0
    brussels = trend(tiny_incidents, "21000", level="arrondissement")
    assert brussels.count == 4  # E1, E2 (region-only: the region is one arrondissement), E4, E5
    assert brussels.unplaced_in_region == 0
    assert trend(tiny_incidents, "11002").rank == 5  # no incident: after the four that have some
    with pytest.raises(ValueError, match="no municipality"):
        trend(tiny_incidents, "99999")
