"""Counting at scale gives the counts a plain pandas groupby gives, on the synthetic incident
table the scale benchmark uses (bench/bench_scale.py). Correctness only: speed is measured by
the benchmark, never by a test."""

from __future__ import annotations

import pandas as pd
import pytest

from bench.bench_scale import synthetic_incidents
from geo.admin import boundaries
from geo.incidents import aggregate

N = 30_000
KNOWN = ("point", "municipality")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return synthetic_incidents(N, seed=3)


def test_the_synthetic_table_looks_like_the_loaded_one(frame):
    assert len(frame) == N and frame["site_id"].is_unique
    assert frame["event_id"].nunique() < N  # some events have two sites
    assert set(frame["geo_precision"]) == {"point", "municipality", "region"}
    assert (frame.loc[frame["geo_precision"] == "region", "municipality_nis"] == "").all()
    munis = boundaries.municipalities().set_index("nis")
    located = frame[frame["municipality_nis"] != ""]
    assert located["municipality_nis"].isin(munis.index).all()
    assert (located["region_nis"] == munis.loc[located["municipality_nis"], "reg_nis"].to_numpy()).all()
    assert (frame.loc[frame["date_precision"] == "year", "month"] == "").all()
    assert frame["month"].str.fullmatch(r"(\d{4}-\d{2})?").all()


@pytest.mark.parametrize("unit", ["sites", "events"])
def test_count_by_municipality_equals_a_groupby(frame, unit):
    counted = aggregate.count_by_unit(frame, level="municipality", unit=unit)
    known = frame[frame["geo_precision"].isin(KNOWN)]
    grouped = known.groupby("municipality_nis")
    expected = grouped["event_id"].nunique() if unit == "events" else grouped.size()
    expected = expected.reindex(boundaries.units("municipality")["code"], fill_value=0)
    got = counted.table.set_index("code")["count"]
    assert len(got) == 581
    pd.testing.assert_series_equal(got, expected, check_names=False, check_index_type=False)
    assert len(counted.not_counted) == (~frame["geo_precision"].isin(KNOWN)).sum()
    if unit == "sites":
        assert counted.total + len(counted.not_counted) == N


def test_count_by_region_counts_every_row(frame):
    counted = aggregate.count_by_unit(frame, level="region")
    expected = frame.groupby("region_nis").size()
    assert counted.table.set_index("code")["count"].to_dict() == expected.to_dict()
    assert counted.total == N


def test_count_by_province_follows_the_precision_rule(frame):
    munis = boundaries.municipalities().set_index("nis")
    known = frame["geo_precision"].isin(KNOWN)
    province = frame["municipality_nis"].map(munis["prov_nis"]).where(known)
    # the Brussels-Capital Region stands alone at province level: region-only rows count there
    province = province.where(known | (frame["region_nis"] != "04000"), "04000")
    expected = province.dropna().value_counts()
    counted = aggregate.count_by_unit(frame, level="province").table.set_index("code")["count"]
    assert counted[counted > 0].sort_index().to_dict() == expected.sort_index().to_dict()


@pytest.mark.parametrize("unit", ["sites", "events"])
def test_count_by_municipality_and_month_equals_a_groupby(frame, unit):
    wide = aggregate.count_by_unit_and_period(frame, level="municipality", period="month", unit=unit)
    usable = frame[frame["geo_precision"].isin(KNOWN) & (frame["month"] != "")]
    grouped = usable.groupby(["municipality_nis", "month"])
    expected = (grouped["event_id"].nunique() if unit == "events" else grouped.size()).unstack(fill_value=0)
    assert list(wide.columns) == sorted(wide.columns)
    pd.testing.assert_frame_equal(wide, expected, check_names=False, check_index_type=False,
                                  check_column_type=False)
    if unit == "sites":
        assert int(wide.to_numpy().sum()) == len(usable)


def test_count_by_year_and_month_totals_agree(frame):
    yearly = aggregate.count_by_unit_and_period(frame, level="municipality", period="year")
    monthly = aggregate.count_by_unit_and_period(frame, level="municipality", period="month")
    by_year = monthly.T.groupby(monthly.columns.str[:4]).sum().T
    year_only = frame[frame["geo_precision"].isin(KNOWN) & (frame["month"] == "")]
    missing = year_only.groupby(["municipality_nis", "year"]).size().unstack(fill_value=0)
    missing.columns = missing.columns.astype(str)
    total = by_year.add(missing, fill_value=0).astype("int64")
    pd.testing.assert_frame_equal(total.reindex_like(yearly).fillna(0).astype("int64"), yearly,
                                  check_names=False, check_column_type=False, check_index_type=False)
