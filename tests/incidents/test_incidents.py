from __future__ import annotations

import pytest

from geo.errors import IncidentDataError
from geo.incidents.table import COLUMNS, load_incidents, read_incident_table, validate_incidents
from tests.conftest import make_row, table


def problems_of(frame):
    with pytest.raises(IncidentDataError) as err:
        validate_incidents(frame, name="t.csv")
    return err.value.problems


def test_a_valid_row_is_typed_and_derived(tiny_incidents):
    row = tiny_incidents.set_index("site_id").loc["S1"]
    assert row["year"] == 2016 and row["month"] == "2016-03"
    assert row["city"] == "Brussels" and row["municipality_name"] == "Molenbeek-Saint-Jean"
    assert row["plot"] is False or row["plot"] == False  # noqa: E712 (numpy bool)
    assert 50.8 < row["lat"] < 50.9 and 4.2 < row["lon"] < 4.4  # representative point in Molenbeek


def test_year_precision_has_no_month_and_charleroi_is_its_own_city(tiny_incidents):
    by_site = tiny_incidents.set_index("site_id")
    assert by_site.loc["S2", "month"] == ""
    assert by_site.loc["S3", "city"] == "Charleroi"
    assert by_site.loc["S4a", "city"] == "Zaventem"


def test_every_problem_is_collected_with_row_and_field():
    frame = table(
        make_row(site_id="S1", date="2016-13-01", kind="raid"),
        make_row(site_id="S1", n_arrested="two", region_nis="05000"),
    )
    found = {(p.row, p.field) for p in problems_of(frame)}
    assert {(2, "date"), (2, "kind"), (3, "n_arrested"), (3, "region_nis"), (3, "site_id")} <= found
    message = str(IncidentDataError(problems_of(frame)))
    assert "t.csv, row 2, field 'kind'" in message


def test_rules_across_fields_and_sites():
    frame = table(
        make_row(site_id="A", geo_precision="region"),  # region precision with a municipality
        make_row(site_id="B", municipality_nis="52011"),  # Charleroi is not in region 04000
        make_row(site_id="C", event_id="E9", n_arrested="1"),
        make_row(site_id="D", event_id="E9", n_arrested="2"),  # same event, different count
        make_row(site_id="E", provenance="reconstructed"),  # reconstructed to the day
        make_row(site_id="F", date="2016-03-18", date_precision="month"),
        make_row(site_id="G", municipality_nis="99999"),
    )
    found = {(p.row, p.field) for p in problems_of(frame)}
    assert (2, "municipality_nis") in found
    assert (3, "region_nis") in found
    assert (4, "n_arrested") in found
    assert (6, "date_precision") in found
    assert (7, "date") in found
    assert (8, "municipality_nis") in found


def test_row_numbers_stay_right_after_a_row_fails_its_schema():
    frame = table(
        make_row(site_id="A"),
        make_row(site_id="B", kind="raid"),  # a schema problem: this row is left out of the row rules
        make_row(site_id="C", municipality_nis="52011"),  # Charleroi is not in region 04000
    )
    found = {(p.row, p.field) for p in problems_of(frame)}
    assert (3, "kind") in found
    assert (4, "region_nis") in found and (3, "region_nis") not in found


def test_missing_column_is_named():
    frame = table(make_row()).drop(columns=["kind"])
    problems = problems_of(frame)
    assert any(p.field == "kind" and "missing" in p.reason for p in problems)


def test_unreadable_file_names_the_file(tmp_path):
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(",".join(COLUMNS).encode() + b"\n\xe9\xe9\n")
    with pytest.raises(IncidentDataError, match="latin1.csv"):
        read_incident_table(bad)
    with pytest.raises(IncidentDataError, match="file not found"):
        load_incidents(tmp_path / "absent.csv")


def test_the_loader_returns_copies(tmp_path):
    path = tmp_path / "one.csv"
    table(make_row()).to_csv(path, index=False)
    first = load_incidents(path)
    first.loc[:, "place"] = "changed"
    assert load_incidents(path)["place"].iloc[0] == "Molenbeek"
