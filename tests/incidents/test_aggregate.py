from __future__ import annotations

import pytest

from geo.incidents import aggregate


def test_municipality_counts_respect_precision(tiny_incidents):
    result = aggregate.count_by_unit(tiny_incidents, level="municipality")
    counts = result.table.set_index("code")["count"]
    assert counts["21012"] == 2  # S1 and S5
    assert counts["23094"] == 1 and counts["21004"] == 1 and counts["52011"] == 1
    assert result.total == 5
    assert list(result.not_counted["site_id"]) == ["S2"]  # region only: never spread on a municipality
    assert len(result.table) == 581  # zeros included


def test_region_counts_include_region_only_rows(tiny_incidents):
    regions = aggregate.count_by_unit(tiny_incidents, level="region").table.set_index("code")["count"]
    assert regions.to_dict() == {"02000": 1, "03000": 1, "04000": 4}


def test_events_vs_sites(tiny_incidents):
    sites = aggregate.count_by_unit(tiny_incidents, level="region", unit="sites").total
    assert sites == 6
    # the two-site attack counts once per unit it touched, once overall
    assert aggregate.headline(tiny_incidents)["events"] == 5
    national = aggregate.count_by(tiny_incidents.assign(all="Belgium"), "all", unit="events")
    assert national["count"].item() == 5


def test_rates_per_100k_and_small_counts(three_squares, tiny_incidents):
    frame = tiny_incidents.copy()
    frame["municipality_nis"] = ["00001", "", "00003", "00001", "00002", "00001"]
    frame["geo_precision"] = ["municipality", "region", "point", "point", "point", "municipality"]
    table = aggregate.count_by_unit(frame, level="municipality", units_frame=three_squares).table.set_index("code")
    assert table.loc["00001", "count"] == 3
    assert table.loc["00001", "per_100k"] == pytest.approx(3.0)
    assert table.loc["00003", "per_100k"] == pytest.approx(100.0)
    assert bool(table.loc["00003", "small"]) and not bool(table.loc["00001", "small"])


def test_province_level_maps_municipalities_up(tiny_incidents):
    provinces = aggregate.count_by_unit(tiny_incidents, level="province").table.set_index("code")["count"]
    assert provinces["04000"] == 4 and provinces["50000"] == 1 and provinces["20001"] == 1


def test_monthly_view_reports_year_only_rows_apart(tiny_incidents):
    monthly = aggregate.count_by_period(tiny_incidents, period="month", unit="sites")
    assert set(monthly.not_counted["site_id"]) == {"S2", "S5"}
    table = monthly.table.set_index("period")["count"]
    assert table["2016-03"] == 3 and table["2016-08"] == 1 and table["2016-05"] == 0
    assert monthly.total + len(monthly.not_counted) == len(tiny_incidents)


def test_yearly_by_kind_and_cumulative(tiny_incidents):
    yearly = aggregate.count_by_period(tiny_incidents, period="year", by="kind").table
    got = {(r.period, r.kind): r.count for r in yearly.itertuples()}
    assert got[("2016", "attack")] == 2 and got[("2016", "arrest_action")] == 2 and got[("2015", "attack")] == 0
    cumulative = aggregate.count_by_period(tiny_incidents, period="year", cumulative=True).table
    assert list(cumulative["count"]) == [1, 5]


def test_cities_and_networks(tiny_incidents):
    cities = aggregate.count_by_city(tiny_incidents)
    assert cities.table.set_index("city")["count"].to_dict() == {"Brussels": 4, "Charleroi": 1, "Zaventem": 1}
    frame = tiny_incidents.copy()
    frame["network_list"] = [["Zerkani network", "Brussels cell"], [], [], [], [], ["Zerkani network"]]
    networks = aggregate.count_networks(frame).set_index("network")["arrest_actions"].to_dict()
    assert networks == {"Zerkani network": 2, "Brussels cell": 1}


def test_headline(tiny_incidents):
    h = aggregate.headline(tiny_incidents)
    assert h == {"events": 5, "sites": 6, "attacks": 2, "arrest_actions": 3, "arrested": 5,
                 "plots": 1, "reconstructed_sites": 2, "not_in_belgium": 0}


def test_region_only_rows_count_where_the_region_is_a_single_unit(tiny_incidents):
    """The Brussels-Capital Region is one arrondissement and its own province-level unit."""
    for level, code in (("arrondissement", "21000"), ("province", "04000")):
        result = aggregate.count_by_unit(tiny_incidents, level=level)
        assert result.table.set_index("code").loc[code, "count"] == 4  # S1, S2 (region only), S4b, S5
        assert result.not_counted.empty


def _with_paris(tiny_incidents):
    """The tiny table plus an attack in Paris (an imported row: no region, not located), alone in
    its year (2014) and tied to a network."""
    import pandas as pd

    paris = tiny_incidents.iloc[[2]].copy()
    paris["site_id"], paris["event_id"], paris["place"] = "P1", "EP", "Paris"
    paris["region_nis"], paris["municipality_nis"], paris["city"], paris["geo_precision"] = "", "", "", "none"
    paris["date"], paris["year"], paris["month"] = pd.Timestamp("2014-11-13"), 2014, "2014-11"
    paris["kind"], paris["network_list"] = "arrest_action", [("Zerkani network",)]
    return pd.concat([tiny_incidents, paris], ignore_index=True)


def test_a_row_outside_belgium_is_never_a_belgian_event(tiny_incidents):
    frame = _with_paris(tiny_incidents)
    assert list(aggregate.in_belgium(frame)) == [True] * 6 + [False]
    h = aggregate.headline(frame)
    assert h == {**aggregate.headline(tiny_incidents), "not_in_belgium": 1}
    yearly = aggregate.count_by_period(frame, period="year", by="kind")
    assert "2014" not in set(yearly.table["period"])  # Paris was the only 2014 row
    assert yearly.total == aggregate.count_by_period(tiny_incidents, period="year", by="kind").total
    assert list(yearly.not_counted["site_id"]) == ["P1"]
    assert set(yearly.not_counted["reason"]) == {aggregate.NOT_IN_BELGIUM}
    monthly = aggregate.count_by_period(frame, period="month")
    assert set(monthly.not_counted["site_id"]) == {"S2", "S5", "P1"}
    assert "2014-11" not in set(monthly.table["period"])
    networks = aggregate.count_networks(frame.assign(network_list=[()] * 6 + [("Zerkani network",)]))
    assert networks.empty
    assert aggregate.count_by_unit(frame, level="region").total == 6
