"""geo.maps.web.choropleth: what an update sends the browser (values, never geometry), on tiny
hand-made frames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.maps import classify
from geo.maps.web import choropleth as chor


def _classes():
    return classify.classify([1, 2, 3, 5, 8, 13], k=3)


def test_rows_list_only_units_with_something_to_show_and_their_flags():
    frame = chor.frame_values(np.array([0, 1, 4, 0]), np.array([0, 1, 1, 0]), np.array([1e5, 1e5, 1e5, 1e5]),
                              "per_100k")
    rows = chor.rows_of(frame, _classes(), "per_100k")
    assert [r[0] for r in rows] == [1, 2]                     # units 0 and 3: nothing to show
    one, four = rows
    assert one[2] == 1 and one[3] == chor.SMALL | chor.MOSTLY_RECONSTRUCTED  # 1 of 1 reconstructed, rate unreliable
    assert four[2] == 4 and four[3] == 0 and four[4] == 1     # 1 of 4 reconstructed: not mostly


def test_an_update_sends_only_what_changed():
    a = [(1, 2, 3, 0, 0), (5, 1, 1, 0, 0)]
    b = [(1, 2, 3, 0, 0), (7, 1, 1, 0, 0)]
    first, second = chor.deltas([a, b])
    assert first == sorted(a)
    assert second == [(5, 0, 0, 0, 0), (7, 1, 1, 0, 0)]      # unit 5 went back to "no incident"


def test_tooltip_texts_count_sites_events_or_people():
    assert chor.count_texts([1, 2], "sites")["1"] == "1 incident site"
    assert chor.count_texts([1, 2], "events")["2"] == "2 events"
    killed = chor.count_texts([0, 1, 3], "sites", "killed")
    assert killed == {"0": "0 people killed", "1": "1 person killed", "3": "3 people killed"}
    assert chor.count_texts([2], "sites", "injured")["2"] == "2 people injured"


def test_the_legend_keys_only_the_marks_a_frame_uses():
    classes = _classes()
    plain = chor.legend(classes, [[(0, 1, 1, 0, 0)]], title="t", metric="count")
    assert [i[0] for i in plain["items"]] == ["swatch"] * (len(classes.colors) + 1)
    marked = chor.legend(classes, [[(0, 1, 1, chor.SMALL | chor.MOSTLY_RECONSTRUCTED, 1)]], title="t",
                         metric="per_100k")
    assert [i[0] for i in marked["items"]][-2:] == ["hatch", "dashed"]
    people = chor.legend(classes, [[]], title="t", metric="killed")
    assert people["items"][0][2] == "0 (none recorded)"


def test_wide_frames_carry_cumulative_counts_into_periods_without_a_column():
    wide = pd.DataFrame({"2014": [1, 0], "2016": [2, 5]}, index=["A", "B"])
    got = chor.wide_frames(wide, ["A", "B", "C"], ["2014", "2015", "2016"], cumulative=True)
    assert got.tolist() == [[1, 0, 0], [1, 0, 0], [2, 5, 0]]
    plain = chor.wide_frames(wide, ["A", "B"], ["2014", "2015", "2016"], cumulative=False)
    assert plain.tolist() == [[1, 0], [0, 0], [2, 5]]


def test_summary_names_the_largest_counts_and_what_is_not_shown():
    text = chor.summary(["A", "B", "C"], [3, 0, 7], {"A": "Aa", "C": "Cee"}, missing=2)
    assert text.startswith("Largest counts: Cee: 7; Aa: 3.")
    assert "2 units on this map have at least one" in text and "Not shown: 2 sites" in text
    assert chor.summary(["A"], [0], {}) == "No incident on this map."
