"""Incidents as people read them: dates at their precision, people's words, provenance in plain
sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.incidents import readable
from geo.incidents.table import load_incidents


@pytest.mark.parametrize(("date", "precision", "shown"), [
    ("2016-03-22", "day", "2016-03-22"),
    ("2016-03-01", "month", "March 2016"),
    ("2016-01-01", "year", "2016"),
    (pd.Timestamp("2014-01-01"), "year", "2014"),
    (None, "day", ""),
    (pd.NaT, "year", ""),
])
def test_date_text_shows_the_known_part_only(date, precision, shown):
    assert readable.date_text(date, precision) == shown


@pytest.mark.parametrize(("lang", "shown"), [("fr", "août 2015"), ("nl", "augustus 2015")])
def test_a_month_is_written_in_the_readers_language(lang, shown):
    from geo.i18n import using

    with using(lang):
        assert readable.date_text("2015-08-01", "month") == shown


def test_date_texts_follow_each_rows_precision(tiny_incidents):
    shown = readable.date_texts(tiny_incidents)
    assert list(shown) == ["2016-03-18", "2016", "2016-08-06", "2016-03-22", "2016-03-22", "2015"]
    assert [readable.date_text(d, p) for d, p in zip(tiny_incidents["date"], tiny_incidents["date_precision"])] \
        == list(shown)


def test_people_table_uses_words_not_internal_names(tiny_incidents):
    table = readable.people_table(tiny_incidents)
    assert list(table.columns) == list(readable.TABLE_COLUMNS)
    text = " ".join(map(str, table.columns)) + " " + " ".join(table.map(str).to_numpy().ravel())
    for internal in ("n_arrested", "geo_precision", "date_precision", "arrest_action", "2016-01-01"):
        assert internal not in text
    assert list(table["Record"]) == ["● Documented", "○ Reconstructed", "● Documented", "● Documented",
                                     "● Documented", "○ Reconstructed"]
    assert table.loc[1, "Place known to"] == "the region"
    assert table.loc[0, "Kind"] == "Arrest action"
    # an attack arrests no one by itself: no number is shown for it
    assert pd.isna(table.loc[2, "People arrested"]) and table.loc[5, "People arrested"] == 3


def test_source_links_are_the_first_web_address():
    rows = load_incidents().head(3)
    table = readable.people_table(rows)
    for source, link in zip(rows["source"], table[readable.LINK_COLUMN]):
        assert link == readable.urls(source)[0] and link.startswith("http")
    assert readable.urls("no address here") == []
    assert readable.urls("see https://a.example/x, and https://a.example/x; http://b.example/y.") == [
        "https://a.example/x", "http://b.example/y"]


def test_provenance_sentences_count_events_not_sites(tiny_incidents):
    lines = readable.provenance_sentences(tiny_incidents)
    # 5 events: E1, E3, E4 (two sites) documented; E2 and E5 reconstructed
    assert lines[0].startswith("**3 of these 5 events are documented**")
    assert lines[1].startswith("**2 are reconstructed**")
    only_documented = readable.provenance_sentences(tiny_incidents[tiny_incidents["provenance"] == "documented"])
    assert only_documented[-1] == "None is reconstructed."
    imported = readable.provenance_sentences(tiny_incidents.assign(provenance="imported"), source_name="x")
    assert imported == ["**5 events** come from the file x, as imported: the atlas has not checked them against "
                        "other sources."]


def test_report_sentences_match_the_data():
    rows = load_incidents()
    events = rows.drop_duplicates("event_id")["provenance"].value_counts()
    lines = readable.provenance_sentences(rows)
    assert f"**{events['documented']} of these {events.sum()} events are documented**" in lines[0]
    assert lines[1].startswith(f"**{events['reconstructed']} are reconstructed**")


def test_not_in_belgium_sentence():
    assert readable.not_in_belgium_sentence(0) == ""
    assert readable.not_in_belgium_sentence(1).startswith("1 record is not placed in Belgium")
    assert readable.not_in_belgium_sentence(2).startswith("2 records are not placed in Belgium")


@pytest.mark.parametrize(("url", "label"), [
    ("https://en.wikipedia.org/wiki/X", "en.wikipedia.org"),
    ("http://www.lesoir.be/art/1", "lesoir.be"),
    ("https://evil.example](javascript:alert(1))", "evil.example"),  # only host characters survive
    ("ftp://x.example/", "link"),
])
def test_link_label_is_a_safe_host(url, label):
    assert readable.link_label(url) == label


def test_people_table_says_where_the_link_comes_from():
    rows = load_incidents()
    table = readable.people_table(rows)
    by_site = dict(zip(rows["site_id"], table["Link according to"]))
    assert by_site["S-2015-06-08-oostende"] == "the report"  # Table 1 alone (the fact-check)
    assert by_site["S-2016-03-18-molenbeek"] == "the press"
    # a table without the column (an imported dataset) leaves it empty
    assert set(readable.people_table(rows.drop(columns="link_source"))["Link according to"]) == {""}
