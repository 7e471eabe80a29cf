from __future__ import annotations

from geo.incidents.filters import Filters


def test_apply_each_filter(tiny_incidents):
    assert len(Filters().apply(tiny_incidents)) == 6
    assert set(Filters(years=(2015, 2015)).apply(tiny_incidents)["site_id"]) == {"S5"}
    assert set(Filters(cities=("Charleroi",)).apply(tiny_incidents)["site_id"]) == {"S3"}
    assert set(Filters(kinds=("attack",)).apply(tiny_incidents)["site_id"]) == {"S3", "S4a", "S4b"}
    assert set(Filters(links=("inspired",)).apply(tiny_incidents)["site_id"]) == {"S3"}
    assert set(Filters(plots_only=True).apply(tiny_incidents)["site_id"]) == {"S5"}
    assert "S2" not in set(Filters(include_reconstructed=False).apply(tiny_incidents)["site_id"])


def test_query_round_trip_and_bad_links_are_ignored():
    f = Filters(years=(2015, 2016), cities=("Brussels", "Charleroi"), kinds=("attack",), plots_only=True,
                include_reconstructed=False)
    assert Filters.from_query(f.to_query()) == f
    allowed = {"cities": ("Brussels",), "years": (2014, 2017)}
    got = Filters.from_query({"years": "2010-2099", "cities": "Brussels,Nowhere", "kinds": ""}, allowed=allowed)
    assert got.years == (2014, 2017) and got.cities == ("Brussels",) and got.kinds == ()
    assert Filters.from_query({"years": "garbage"}) == Filters()


def test_describe_names_the_choices():
    line = Filters(years=(2016, 2016), cities=("Charleroi",), kinds=("attack",)).describe(all_years=(2014, 2017))
    assert "years 2016" in line and "Charleroi" in line and "Attack" in line


def test_search_is_literal_and_case_insensitive(tiny_incidents):
    from geo.incidents.filters import search

    assert set(search(tiny_incidents, "MAALBEEK")["site_id"]) == {"S4b"}
    assert search(tiny_incidents, "(.*")["site_id"].tolist() == []  # not a pattern
    assert len(search(tiny_incidents, "  ")) == len(tiny_incidents)


def test_search_finds_rows_by_any_spelling_of_their_place(tiny_incidents):
    from geo.incidents.filters import in_place, search

    # S1 and S5 are in Molenbeek (21012); S2 is known only to the Brussels region
    for spelling in ("Sint-Jans-Molenbeek", "molenbeek-saint-jean", "1080", "St.-Jans-Molenbeek"):
        assert set(search(tiny_incidents, spelling)["site_id"]) == {"S1", "S5"}, spelling
    assert set(search(tiny_incidents, "Zaventem")["site_id"]) == {"S4a"}
    assert set(search(tiny_incidents, "Brussels")["site_id"]) >= {"S1", "S2", "S4b", "S5"}  # the region
    assert in_place(tiny_incidents, "a raid in a shed") is None  # names no place: plain text only


def test_narrow_rebuilds_a_page_subset_from_plain_data(tiny_incidents):
    from geo.incidents.filters import Narrow

    frame = tiny_incidents.assign(network_list=[("Paris cell",), (), (), (), (), ("Paris cell", "Brussels cell")])
    assert set(Narrow(network="Paris cell").apply(frame)["site_id"]) == {"S1", "S5"}
    assert set(Narrow(period="year", value="2015").apply(frame)["site_id"]) == {"S5"}
    assert set(Narrow(period="month", value="2016-03", cumulative=True).apply(frame)["site_id"]) == {"S1", "S4a", "S4b"}
    assert len(Narrow().apply(frame)) == len(frame)


def test_filtering_never_changes_the_shared_table(tiny_incidents):
    before = tiny_incidents.copy()
    for f in (Filters(), Filters(cities=("Brussels",))):
        rows = f.apply(tiny_incidents)
        rows.loc[rows.index[0], "place"] = "changed"
    assert tiny_incidents.equals(before)


def test_narrow_by_place_keeps_the_rows_of_that_place_only(tiny_incidents):
    from geo.incidents.filters import Narrow

    assert set(Narrow(place="Schaarbeek").apply(tiny_incidents)["site_id"]) == set()
    assert set(Narrow(place="1080").apply(tiny_incidents)["site_id"]) == {"S1", "S5"}
    assert len(Narrow(place="Atlantis").apply(tiny_incidents)) == 0  # names no place: nothing, never all
