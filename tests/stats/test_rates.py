"""Empirical Bayes rates: esda's numbers, raw rates beside, quiet neighbourhoods, precision."""

from __future__ import annotations

import numpy as np
import pytest
from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes

from geo.incidents import aggregate, table
from geo.stats import rates, weights
from tests.stats.fixtures import corner_block, grid, incidents


def test_rates_are_esdas_and_pulled_towards_the_national_rate():
    units = grid(5)
    units.loc[units["code"] == "10000", "population"] = 500  # one small unit
    result = rates.smoothed_rates(incidents({"10000": 1, "10011": 4, "10044": 2}, region_only=2), units_frame=units)
    frame = result.table.set_index("code")
    e, b = result.table["count"].to_numpy(float), result.table["population"].to_numpy(float)
    assert result.table["eb_per_100k"].to_numpy() == pytest.approx(Empirical_Bayes(e, b).r.ravel() * 1e5)
    assert frame.loc["10000", "per_100k"] == pytest.approx(200.0)  # 1 in 500
    assert frame.loc["10000", "eb_per_100k"] < 50  # one incident among 500 people says little
    assert result.national_per_100k == pytest.approx(7 / 240_500 * 1e5)
    assert result.shrinks and result.events == 7 and len(result.not_counted) == 2


def test_spatial_rates_and_quiet_neighbourhoods():
    units = grid(7)
    result = rates.smoothed_rates(incidents(corner_block()), units_frame=units)
    contiguity = weights.from_frame(units)
    e, b = result.table["count"].to_numpy(float), result.table["population"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        direct = Spatial_Empirical_Bayes(e, b, contiguity.w()).r.ravel() * 1e5
    spatial = result.table["spatial_eb_per_100k"].to_numpy()
    known = ~np.isnan(direct)
    assert spatial[known] == pytest.approx(direct[known])
    # esda gives NaN only where a unit and all its neighbours have no incident: there 0
    frame = result.table.set_index("code")
    assert np.isnan(direct).any() and frame.loc["10044", "spatial_eb_per_100k"] == 0.0
    assert result.missing == 0


def test_on_the_report_data_region_only_rows_are_left_out():
    data = table.load_incidents()
    result = rates.smoothed_rates(data, level="municipality")
    counted = aggregate.count_by_unit(data, level="municipality", unit="events")
    assert result.events == counted.total and len(result.not_counted) == len(counted.not_counted)
    e = result.table["count"].to_numpy(float)
    b = result.table["population"].to_numpy(float)
    assert result.table["eb_per_100k"].to_numpy() == pytest.approx(Empirical_Bayes(e, b).r.ravel() * 1e5)
    assert result.shrinks and result.missing == 0
    assert len(weights.queen("municipality").codes) == len(result.table)
