"""geo.maps.web.choropleth: what an update sends the browser (values, never geometry), on tiny
hand-made frames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.maps import classify
from geo.maps.model import marks
from geo.maps.model.choropleth import count_text, frame_from, rates_of
from geo.maps.web import choropleth as chor


def _classes():
    return classify.classify([1, 2, 3, 5, 8, 13], k=3)


def _model(counts, recon, metric="count"):
    frames = [frame_from(str(i), c, r, rates_of(c, [1e5] * len(c)), _classes(), metric=metric, unit="sites")
              for i, (c, r) in enumerate(zip(counts, recon))]
    codes = [f"U{i}" for i in range(len(counts[0]))]
    return chor.model(codes, codes, frames, _classes(), view="belgium", level="municipality", title="t {period}",
                      metric=metric)


def test_an_update_lists_only_units_with_something_to_show_and_their_flags():
    data = chor.payload(_model([np.array([0, 1, 4, 0])], [np.array([0, 1, 1, 0])], "per_100k"))["model"]
    rows = data["frames"][0]["rows"]
    assert [r[0] for r in rows] == [1, 2]                     # units 0 and 3: nothing to show
    one, four = rows
    assert one[2] == marks.DASHED | marks.HATCH               # 1 of 1 reconstructed, rate unreliable
    assert four[2] == 0 and data["tips"][four[3]].splitlines()[-1] == "of which reconstructed records: 1"


def test_an_update_sends_only_what_changed_between_periods():
    data = chor.payload(_model([np.array([3, 1, 0]), np.array([3, 0, 1])], [np.zeros(3)] * 2), periods=["a", "b"])
    first, second = (f["rows"] for f in data["model"]["frames"])
    assert [r[0] for r in first] == [0, 1]
    assert [r[:3] for r in second] == [[1, 0, 0], [2, 1, 0]]  # unit 1 went back to "no incident"
    assert data["player"]["interval_ms"] == 800


def test_tooltip_texts_count_sites_events_or_people():
    assert count_text(1, "sites") == "1 incident site"
    assert count_text(2, "events") == "2 events"
    assert [count_text(n, "sites", "killed") for n in (0, 1, 3)] == ["0 people killed", "1 person killed",
                                                                     "3 people killed"]
    assert count_text(2, "sites", "injured") == "2 people injured"


def test_the_legend_keys_only_the_marks_a_frame_uses():
    classes = _classes()
    plain = chor.payload(_model([np.array([1, 0])], [np.zeros(2)]))["model"]["legend"]
    assert [i[0] for i in plain] == ["swatch"] * (len(classes.colors) + 1)
    marked = chor.payload(_model([np.array([1, 0])], [np.array([1, 0])], "per_100k"))["model"]["legend"]
    assert [i[0] for i in marked][-2:] == ["hatch", "dashed"]
    people = chor.model(["A"], ["A"], [], classes, view="belgium", level="municipality", title="t", metric="killed")
    assert people.scales["main"].entries[0].label == "0 (none recorded)"


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
