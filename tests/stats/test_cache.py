"""The statistics' cache (geo.stats.cache): one result per rows, units and settings, the same object
for the same key, made again for other data, seed or level, and in no language (a cached refusal
is said in French or Dutch by whoever reads it)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import i18n
from geo.stats import cache
from geo.stats.hotspots import hotspots
from tests.stats.fixtures import corner_block, grid, incidents


@pytest.fixture
def units():
    return grid(7, island=True)


def test_the_same_rows_and_settings_give_the_same_result_object(units):
    results = cache.Results()
    first = hotspots(incidents(corner_block()), units_frame=units, permutations=199, seed=5, results=results)
    again = hotspots(incidents(corner_block()), units_frame=units, permutations=199, seed=5, results=results)
    assert again is first
    assert (results.misses, results.hits, len(results)) == (1, 1, 1)
    direct = hotspots(incidents(corner_block()), units_frame=units, permutations=199, seed=5)
    pd.testing.assert_frame_equal(first.table, direct.table)  # caching changes no number
    pd.testing.assert_frame_equal(first.not_counted, direct.not_counted)
    assert (first.events, first.refused, first.fdr_threshold) == (direct.events, direct.refused, direct.fdr_threshold)


def test_other_rows_seed_permutations_statistic_or_units_are_other_keys(units):
    results = cache.Results()
    base = hotspots(incidents(corner_block()), units_frame=units, results=results)
    more = corner_block() | {"10033": 2}
    others = [
        hotspots(incidents(more), units_frame=units, results=results),  # one more unit with events
        hotspots(incidents(corner_block(), region_only=1), units_frame=units, results=results),  # a row not counted
        hotspots(incidents(corner_block()), units_frame=units, seed=6, results=results),
        hotspots(incidents(corner_block()), units_frame=units, permutations=199, results=results),
        hotspots(incidents(corner_block()), units_frame=units, statistic="moran", results=results),
        hotspots(incidents(corner_block()), units_frame=units, metric="per_100k", results=results),
        hotspots(incidents(corner_block()), units_frame=grid(7), results=results),  # without the island
    ]
    assert results.misses == 1 + len(others) and results.hits == 0
    assert all(o is not base for o in others)
    assert others[2].seed == 6 and not others[2].table["p_sim"].equals(base.table["p_sim"])
    assert len(others[1].not_counted) == 1 and base.not_counted.empty


def test_the_fingerprint_is_of_the_rows_not_of_their_index():
    rows = incidents(corner_block())
    assert cache.fingerprint(rows) == cache.fingerprint(rows.set_axis(range(100, 100 + len(rows))))
    assert cache.fingerprint(rows, ("event_id",)) == cache.fingerprint(rows.assign(year=1999), ("event_id",))
    assert cache.fingerprint(rows) != cache.fingerprint(rows.assign(year=1999))  # default: every column
    edited = rows.copy()
    edited.loc[0, "municipality_nis"] = "10066"
    assert cache.fingerprint(edited) != cache.fingerprint(rows)
    assert cache.fingerprint(rows.iloc[:-1]) != cache.fingerprint(rows)
    assert cache.fingerprint(rows.iloc[:0]) != cache.fingerprint(rows.iloc[:0][["site_id"]])
    assert cache.fingerprint(rows.assign(year=2016.0)) != cache.fingerprint(rows)  # another type


def test_rows_with_the_same_counts_share_a_result(units):
    results = cache.Results()
    first = hotspots(incidents(corner_block()), units_frame=units, results=results)
    renamed = incidents(corner_block()).assign(site_id=lambda t: "X" + t["site_id"], year=2015)
    assert hotspots(renamed, units_frame=units, results=results) is first  # events per unit unchanged


def test_only_the_last_results_are_kept():
    results = cache.Results(size=2)
    made = [results.get(k, lambda k=k: [k]) for k in ("a", "b", "c")]
    assert len(results) == 2
    assert results.get("c", lambda: None) is made[2] and results.get("b", lambda: None) is made[1]
    assert results.get("a", lambda: "again") == "again"  # the oldest went
    with pytest.raises(ValueError):
        cache.Results(size=0)


def test_a_cached_refusal_is_said_in_each_readers_language(units):
    results = cache.Results()
    rows = incidents({"10000": 2, "10011": 1})
    with i18n.using("fr"):
        refused = hotspots(rows, units_frame=units, results=results)
        french = refused.refusal
    with i18n.using("nl"):
        same = hotspots(rows, units_frame=units, results=results)
        dutch = same.refusal
    assert same is refused and results.hits == 1 and refused.refused == "power"
    assert french.startswith("Le test ne peut pas trouver d'agrégats ici") and "3" in french
    assert dutch.startswith("De toets kan hier geen clusters vinden") and "3" in dutch
    with i18n.using("en"):
        assert refused.refusal.startswith("The test cannot find clusters here: 3 events counted")


def test_a_flat_refusal_is_said_in_each_readers_language(units):
    rows = incidents({c: 1 for c in units["code"]})  # every unit one event: nothing to test
    flat = hotspots(rows, units_frame=units, results=cache.Results())
    assert flat.refused == "flat" and not flat.tested
    with i18n.using("fr"):
        assert flat.refusal == "Toutes les unités ont la même valeur\u00a0: il n'y a rien à tester."
    with i18n.using("nl"):
        assert flat.refusal == "Alle eenheden hebben dezelfde waarde: er valt niets te toetsen."


def test_on_the_real_boundaries_the_shared_cache_serves_every_level_once():
    from geo.admin import boundaries
    from geo.incidents import table

    rows = table.load_incidents()
    shared = cache.shared()
    assert cache.shared() is shared  # one per boundary file
    municipal = hotspots(rows, results=shared)
    assert hotspots(rows.copy(), results=shared) is municipal
    by_arrondissement = hotspots(rows, level="arrondissement", results=shared)
    assert by_arrondissement is not municipal
    assert len(by_arrondissement.table) == len(boundaries.units("arrondissement")) < len(municipal.table)
    pd.testing.assert_frame_equal(municipal.table, hotspots(rows).table)


def test_a_result_being_built_holds_up_only_those_who_ask_for_it():
    import threading

    from geo.stats.cache import Results

    results = Results(size=4)
    results.get("kept", lambda: "kept result")
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        assert release.wait(10)
        return "slow result"

    got: dict[str, str] = {}
    builder = threading.Thread(target=lambda: got.setdefault("first", results.get("slow", slow)))
    builder.start()
    assert started.wait(10)
    # while "slow" is being built: a kept result comes at once, and another key is built at once
    assert results.get("kept", lambda: "not built again") == "kept result"
    assert results.get("other", lambda: "other result") == "other result"
    waiter = threading.Thread(target=lambda: got.setdefault("second", results.get("slow", lambda: "built twice")))
    waiter.start()
    release.set()
    builder.join(10)
    waiter.join(10)
    assert got == {"first": "slow result", "second": "slow result"}  # built once, the second waited for it
    assert (results.misses, len(results)) == (3, 3)
