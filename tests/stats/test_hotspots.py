"""Hot spots on tiny grids: the classes, islands, the power guard, and esda's own numbers."""

from __future__ import annotations

import esda
import numpy as np
import pytest

from geo.stats import describe, weights
from geo.stats.hotspots import hotspots
from tests.stats.fixtures import corner_block, grid, incidents


@pytest.fixture
def units():
    return grid(7, island=True)


@pytest.mark.parametrize(("statistic", "cluster"), [("gi", "hot"), ("moran", "high_high")])
def test_a_block_of_high_counts_is_a_cluster(units, statistic, cluster):
    result = hotspots(incidents(corner_block(), region_only=3), statistic=statistic, units_frame=units)
    by_code = result.table.set_index("code")["cluster"]
    assert {"10001", "10010", "10011"} <= set(by_code[by_code == cluster].index)  # around the block's centre
    assert set(by_code.unique()) <= {cluster, "not_significant", "no_neighbours"}
    assert (result.table["q_fdr"].dropna() >= result.table["p_value"].dropna()).all()
    assert result.events == 55 and result.units_with_events == 10
    assert len(result.not_counted) == 3  # the region-only rows: left out, not spread


def test_the_island_is_named_and_not_tested(units):
    result = hotspots(incidents(corner_block()), units_frame=units)
    island = result.table.set_index("code").loc["99999"]
    assert result.islands == ("99999",)
    assert island["cluster"] == "no_neighbours" and np.isnan(island["p_value"]) and np.isnan(island["q_fdr"])
    assert "Île (99999)" in describe.islands(result)  # local name: French in Wallonia


@pytest.mark.parametrize("statistic", ["gi", "moran"])
def test_the_power_guard_on_a_tiny_dataset(units, statistic):
    result = hotspots(incidents({"10000": 2, "10011": 1}), statistic=statistic, units_frame=units)
    assert not result.tested
    assert result.refusal.startswith("The test cannot find clusters here: 3 events counted (at least 20 needed), "
                                     "2 units with events (at least 5 needed)")
    assert set(result.table["cluster"]) == {"not_significant", "no_neighbours"}
    assert result.table["p_value"].isna().all() and result.table["statistic"].isna().all()
    assert describe.outcome(result) == result.refusal
    enough = hotspots(incidents({"10000": 2, "10011": 1}), statistic=statistic, units_frame=units,
                      min_events=3, min_units=2)
    assert enough.tested and enough.table["p_value"].notna().sum() == 49


def test_same_numbers_as_esda_called_directly(units):
    result = hotspots(incidents(corner_block()), units_frame=units, metric="per_100k", permutations=199, seed=5)
    contiguity = weights.from_frame(units)
    values = result.table["value"].to_numpy()
    direct = esda.G_Local(values, contiguity.w(), transform="B", star=True, permutations=199, seed=5, n_jobs=1)
    assert result.table["z"].to_numpy() == pytest.approx(direct.Zs)
    assert result.table["p_sim"].to_numpy() == pytest.approx(direct.p_sim)
    assert values[0] == pytest.approx(60.0)  # 6 events per 10,000 residents


def test_bad_arguments_are_all_said_at_once(units):
    with pytest.raises(ValueError, match="statistic.*permutations.*alpha"):
        hotspots(incidents({}), statistic="geary", permutations=5, alpha=2, units_frame=units)


def test_the_cli_text_file_lists_the_significant_units(units):
    from geo.cli.hotspots import about_bytes, csv_bytes

    result = hotspots(incidents(corner_block()), units_frame=units)
    about = about_bytes(result).decode("utf-8")
    assert "10011 R1C1: hot (q = " in about  # Flemish units are named in Dutch (local names)
    assert "Columns: p_sim is esda's pseudo p-value" in about
    header = csv_bytes(result).decode("utf-8").splitlines()[0]
    assert header.startswith("code,name,value,statistic,z,p_sim,p_value,q_fdr,cluster")
