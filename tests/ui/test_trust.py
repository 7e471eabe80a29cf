"""Trust in every view, in-process (AppTest): the year range follows the dataset, controls a
dataset cannot use are hidden, the report's own figures are quoted only for its dataset, tables
use people's words. The browser tests (tests/browser/test_browser_trust.py) cover the same in
chromium."""

from __future__ import annotations

import re

import pytest

from geo.config import ROOT
from tests.ui.test_app import metric, run_page

FIXTURE = ROOT / "tests" / "fixtures" / "import" / "trust_2015_2018.csv"


@pytest.fixture
def imported(tmp_path, monkeypatch) -> str:
    from geo.io import pipeline, store

    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    result = pipeline.import_file(FIXTURE, filename=FIXTURE.name)
    return store.configured().save_dataset(result, name="Trust sample").slug


def test_choosing_a_dataset_sets_the_years_to_its_years(imported):
    at = run_page("overview", {"years": "2014-2015"})
    assert tuple(at.session_state["f_years"]) == (2014, 2015)
    at.sidebar.selectbox(key="f_dataset").set_value(imported).run()
    assert tuple(at.session_state["f_years"]) == (2015, 2018)
    assert "years" not in at.query_params  # all the years: nothing to say in the URL
    at.sidebar.selectbox(key="f_dataset").set_value("report").run()
    assert tuple(at.session_state["f_years"]) == (2014, 2017)


def test_a_shared_link_keeps_its_years(imported):
    at = run_page("overview", {"dataset": imported, "years": "2016-2017"})
    assert tuple(at.session_state["f_years"]) == (2016, 2017)


def test_controls_a_dataset_cannot_use_are_hidden(imported):
    report = run_page("overview")
    assert {t.label.split(" (")[0] for t in report.sidebar.toggle} >= {"Plots only", "Include reconstructed records"}
    at = run_page("overview", {"dataset": imported, "plots": "1", "reconstructed": "0"})
    labels = {t.label for t in at.sidebar.toggle}
    assert not any(label.startswith(("Plots only", "Include reconstructed")) for label in labels), labels
    assert not [m for m in at.sidebar.multiselect if m.label == "Link to the Islamic State"]
    assert any("link to the Islamic State, plots, and reconstructed records" in c.value for c in at.sidebar.caption)
    # a filter from the link that the dataset cannot use leaves no row out
    assert metric(at, "Events") == "8"


def test_overview_counts_only_rows_in_belgium_and_says_so(imported):
    at = run_page("overview", {"dataset": imported})
    assert metric(at, "Events") == "8" and metric(at, "Sites") == "8"
    labels = {m.label for m in at.metric}
    assert "People arrested" not in labels and "Plots revealed" not in labels  # not recorded: not shown as 0
    text = " ".join(m.value for m in at.markdown)
    assert "1 record is not placed in Belgium" in text
    assert "trust_2015_2018.csv" in text and "reconstructed" not in text


def test_the_report_is_quoted_only_for_its_dataset(imported):
    from geo.report.figures import FIGURES

    published = {f.id: int(f.published) for f in FIGURES if f.id in ("brussels-62", "brussels-detail-20")}
    total, detail = published["brussels-62"], published["brussels-detail-20"]
    report = " ".join(m.value for m in run_page("brussels").markdown)
    assert f"{total - detail} of its {total} incidents in Brussels are known only to the region" in report
    other = " ".join(m.value for m in run_page("brussels", {"dataset": imported}).markdown)
    assert "the report" not in other and "**3** incident sites in the Brussels-Capital Region" in other


def test_brussels_and_charleroi_follow_the_metric_in_the_url():
    for page in ("brussels", "charleroi"):
        at = run_page(page, {"metric": "per_100k"})
        assert not at.exception
        assert at.radio(key="p_metric").value == "per_100k"
        assert at.query_params.get("metric") == "per_100k"


def test_the_incident_table_uses_peoples_words():
    at = run_page("charleroi")
    frame = at.dataframe[-1].value
    assert list(frame.columns)[:5] == ["Record", "Date", "Kind", "Place", "Description"]
    assert not {"n_arrested", "geo_precision", "date_precision", "provenance"} & set(frame.columns)
    assert set(frame["Record"]) <= {"● Documented", "○ Reconstructed"}
    assert "○ Reconstructed" in set(frame["Record"])
    # as precise as known, in words: a year, a month of a year ("June 2015"), or a day (ISO)
    assert all(re.fullmatch(r"\d{4}|[A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2}", d) for d in frame["Date"]), set(frame["Date"])
    assert "2015" in set(frame["Date"])  # a reconstructed row known to the year only
