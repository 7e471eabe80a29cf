"""Bivariate classes on tiny fixtures: terciles, the zero rule, ties, palette, legend, scatter."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.stats import bivariate


def test_terciles_with_ties_on_a_bound():
    axis = bivariate.classify_axis(np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 3.0]))
    assert axis.rule == "terciles"
    assert axis.classes.tolist() == [1, 1, 1, 2, 2, 2, 3, 3, 3, 1]  # both 3s below the first bound


def test_mostly_zero_measures_split_zero_then_halves():
    axis = bivariate.classify_axis(np.array([0, 0, 0, 0, 0, 1, 2, 5, 9, np.nan]))
    assert axis.rule == "zero_then_halves"
    assert axis.classes.tolist() == [1, 1, 1, 1, 1, 2, 2, 3, 3, 0]
    assert bivariate.classify_axis(np.array([0, 0, 4, 4.0])).classes.tolist() == [1, 1, 3, 3]
    assert bivariate.classify_axis(np.array([2, 2, 2.0])).classes.tolist() == [2, 2, 2]


def test_opposite_corners_and_legend():
    frame = pd.DataFrame({
        "code": ["A", "C", "M", "Z", "Y", "N"], "name": ["Antwerpen", "Charleroi", "Mid", "Zero", "Yonder", "None"],
        "x": [0.8, 6.9, 2.0, 0.0, 0.0, np.nan],   # incidents per 100,000
        "y": [9.0, 0.5, 3.0, 0.0, 0.0, 1.0],      # foreign fighters per 100,000
    })
    result = bivariate.classify(frame, x_label="incidents", y_label="foreign fighters")
    by_code = result.table.set_index("code")
    assert by_code.loc["A", "cell"] == "2-3" and by_code.loc["C", "cell"] == "3-2"
    assert by_code.loc["Z", "cell"] == "1-1" and by_code.loc["Z", "colour"] == "#e8e8e8"
    assert by_code.loc["N", "index"] == -1 and result.missing == 1
    legend = result.legend()
    assert [e["cell"] for e in legend] == ["1-3", "2-3", "3-3", "1-2", "2-2", "3-2", "1-1", "2-1", "3-1"]
    assert legend[2]["colour"] == "#3b4994" and legend[2]["words"] == "incidents: high; foreign fighters: high"
    assert sum(e["units"] for e in legend) == 5
    assert len(set(bivariate.PALETTE.values())) == 9
    scatter = result.scatter()
    assert list(scatter.columns) == ["x", "y", "code", "name"] and len(scatter) == 5


def test_the_scatter_leaves_out_units_at_zero_on_both_and_says_how_many():
    """Two periods of the report's data put hundreds of municipalities on (0, 0): one spot, no
    information, and most of the chart's weight. They are counted above the chart, not drawn."""
    from geo.stats import scatter

    frame = pd.DataFrame({"code": list("ABCDE"), "name": list("ABCDE"),
                          "x": [0.0, 0.0, 0.0, 2.0, 0.0], "y": [0.0, 0.0, 1.0, 0.0, np.nan]})
    result = bivariate.classify(frame, x_label="first", y_label="second")
    assert scatter.at_origin(result) == 2
    points = scatter.tables(result)["points"]
    assert sorted(points["name"]) == ["C", "D"]  # on one axis only: drawn; no second value (E): not
    drawn = scatter.payload(result)
    assert drawn["note"] == "Not drawn: 2 units at 0 on both measures."
    assert sorted(p[3] for p in drawn["points"]) == ["C", "D"] and drawn["x"] == "first" and drawn["y"] == "second"
    assert scatter.payload(bivariate.classify(frame.iloc[2:], x_label="first", y_label="second"))["note"] == ""
