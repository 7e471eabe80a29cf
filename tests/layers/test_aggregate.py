"""Placing figures on units at the precision they have: never spread, never summed (tiny units)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.layers import aggregate
from geo.layers.load import validate_layer
from tests.layers.conftest import ff_row, ff_table


@pytest.fixture
def tiny_layer(tiny_munis) -> pd.DataFrame:
    rows = [
        ff_row(row_id="M1", unit_nis="00001", count="10"),                                  # a municipality
        ff_row(row_id="P1", unit_nis="00100", geo_precision="province", source_geo_precision="province",
               count="40"),                                                                 # its province
        ff_row(row_id="R1", unit_nis="04000", geo_precision="region", source_geo_precision="region",
               count="30"),                                                                 # Brussels-like region
        ff_row(row_id="W1", unit_nis="00200", geo_precision="province", source_geo_precision="province",
               count="2"),                                                                  # one-arrondissement province
        ff_row(row_id="J1", unit_nis="00300", geo_precision="province", source_geo_precision="arrondissement",
               coverage="part", count="7"),                                                 # a judicial area inside 00300
        ff_row(row_id="O1", series="other", unit_nis="00002", count="99"),                  # another series
    ]
    return validate_layer(ff_table(*rows), munis=tiny_munis)


def _by_unit(layer, munis, level, series="test-series"):
    return aggregate.by_unit(layer, series, level=level, munis=munis)


def test_municipality_level(tiny_layer, tiny_munis):
    result = _by_unit(tiny_layer, tiny_munis, "municipality")
    table = result.table.set_index("code")
    assert len(table) == 8  # every unit listed
    assert table.loc["00001", "count"] == 10 and table.loc["00001", "status"] == "known"
    assert table.loc["00001", "per_100k"] == pytest.approx(10.0)
    assert table.loc["00001", "source_url"] == "https://news.example.be/a"
    # the province's figure is never spread over its municipalities: not known at this level
    assert pd.isna(table.loc["00002", "count"]) and table.loc["00002", "status"] == "only_coarser"
    assert table.loc["00002", "figure_unit"] == "00100" and pd.isna(table.loc["00002", "per_100k"])
    assert set(table.loc[["21001", "21002"], "figure_unit"]) == {"04000"}
    # the other series is never mixed in; the part row says nothing about any unit
    assert table.loc["00006", "status"] == "none"
    assert dict(zip(result.not_placed["row_id"], result.not_placed["reason_code"])) == {
        "P1": "coarser", "R1": "coarser", "J1": "part"}
    # a unit of the same area as the figure's (a province of one municipality) takes it
    assert table.loc["00005", "count"] == 2 and table.loc["00005", "precision"] == "province"
    assert result.not_placed["reason"].str.len().gt(0).all()


def test_arrondissement_level(tiny_layer, tiny_munis):
    result = _by_unit(tiny_layer, tiny_munis, "arrondissement")
    table = result.table.set_index("code")
    # a region that is one arrondissement, and a province that is one arrondissement, are placed
    assert table.loc["21000", "count"] == 30 and table.loc["21000", "precision"] == "region"
    assert table.loc["00040", "count"] == 2 and table.loc["00040", "precision"] == "province"
    assert table.loc["21000", "per_100k"] == pytest.approx(20.0)
    assert list(table.loc[["00010", "00020"], "status"]) == ["only_coarser", "only_coarser"]
    # the municipality's figure is not summed into its arrondissement
    assert dict(zip(result.not_placed["row_id"], result.not_placed["reason_code"])) == {
        "M1": "finer", "P1": "coarser", "J1": "part"}


def test_province_level(tiny_layer, tiny_munis):
    result = _by_unit(tiny_layer, tiny_munis, "province")
    counts = result.table.set_index("code")["count"]
    assert counts["00100"] == 40 and counts["00200"] == 2 and counts["04000"] == 30
    assert pd.isna(counts["00300"])
    assert result.table.set_index("code").loc["00300", "status"] == "none"  # the part row is no value
    assert set(result.not_placed["reason_code"]) == {"finer", "part"}


def test_region_level_and_zero_population(tiny_layer, tiny_munis):
    result = _by_unit(tiny_layer, tiny_munis, "region")
    table = result.table.set_index("code")
    assert table.loc["04000", "count"] == 30 and pd.isna(table.loc["03000", "count"])
    # here the province is the whole of its region (same municipalities): its figure is the region's
    assert table.loc["02000", "count"] == 40 and table.loc["02000", "precision"] == "province"
    assert table.loc["04000", "name_nl"] == "Brussels Hoofdstedelijk Gewest"
    munis = tiny_munis.assign(population=0)
    rates = _by_unit(tiny_layer, munis, "municipality").table.set_index("code")
    assert rates.loc["00001", "count"] == 10 and pd.isna(rates.loc["00001", "per_100k"])


def test_two_rows_of_one_series_on_one_unit(tiny_munis):
    rows = [ff_row(row_id="R1", unit_nis="04000", geo_precision="region", source_geo_precision="region", count="30"),
            ff_row(row_id="A1", unit_nis="21000", geo_precision="arrondissement",
                   source_geo_precision="arrondissement", count="31")]
    layer = validate_layer(ff_table(*rows), munis=tiny_munis)
    result = _by_unit(layer, tiny_munis, "arrondissement")
    assert result.table.set_index("code").loc["21000", "count"] == 31  # the level's own precision wins
    assert dict(zip(result.not_placed["row_id"], result.not_placed["reason_code"])) == {"R1": "duplicate"}


def test_unknown_series_and_level(tiny_layer, tiny_munis):
    with pytest.raises(ValueError, match="no series"):
        _by_unit(tiny_layer, tiny_munis, "municipality", series="nope")
    with pytest.raises(ValueError, match="level must be"):
        _by_unit(tiny_layer, tiny_munis, "canton")


def test_a_level_where_nothing_is_placed(tiny_munis):
    rows = [ff_row(row_id="J1", unit_nis="00300", geo_precision="province", source_geo_precision="arrondissement",
                   coverage="part", count="7")]
    layer = validate_layer(ff_table(*rows), munis=tiny_munis)
    for level in ("municipality", "arrondissement", "province", "region"):
        result = _by_unit(layer, tiny_munis, level)
        assert result.known.empty and set(result.table["status"]) == {"none"}
        assert result.table["count"].isna().all() and result.table["per_100k"].isna().all()
        assert list(result.not_placed["reason_code"]) == ["part"]
