"""Statistical maps are map models: classes, legends, tooltips and the words every such map must
carry (method, weights, permutations, correction, events)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from geo.maps.model import MapSpec, encode, marks
from geo.stats import bivariate, maps, rates
from geo.stats.hotspots import hotspots
from tests.stats.fixtures import corner_block, grid, incidents


@pytest.fixture
def units():
    return grid(7)


def test_hot_spot_model(units):
    rows = incidents(corner_block())
    result = hotspots(rows, units_frame=units)
    model = maps.hotspot_model(result, rows, MapSpec(level="municipality"), units=units)
    frame = model.frames[0]
    assert model.kind == "categorical" and model.codes == tuple(units["code"])
    hot = model.extra["class_of"]["hot"]
    assert model.colors(frame)[model.codes.index("10011")] == "#d7191c"
    assert frame.classes[model.codes.index("10011")] == hot
    assert frame.classes[model.codes.index("10066")] == 0  # not significant: palette index 0
    notes = " ".join(frame.notes)
    for words in ("Getis-Ord Gi*", "999 conditional permutations", "queen contiguity", "binary weights",
                  "Benjamini-Hochberg", "Events counted: 55"):
        assert words in notes
    assert [e.label for e in model.legend()][:3] == ["Hot spot", "Cold spot", "Not significant"]
    assert "q-value (FDR)" in frame.tips[model.codes.index("10011")]
    assert json.dumps(encode.to_json(model))  # the browser's JSON
    assert (frame.flags & marks.HATCH).sum() == 10  # every count here is reconstructed


def test_a_hot_spot_update_lists_only_units_with_incidents_or_a_class(units):
    rows = incidents(corner_block())
    result = hotspots(rows, units_frame=units)
    model = maps.hotspot_model(result, rows, MapSpec(level="municipality"), units=units)
    frame, table = model.frames[0], result.table.set_index("code")
    quiet = [c for c in model.codes if table.at[c, "count"] == 0 and table.at[c, "cluster"] == "not_significant"]
    said = [c for c in model.codes if c not in quiet]
    assert quiet and all(frame.tips[model.codes.index(c)] == model.blank_tip == "0 events" for c in quiet)
    busy = [c for c in said if table.at[c, "count"] > 0]
    assert all("z: " in frame.tips[model.codes.index(c)] and "q-value (FDR)" in frame.tips[model.codes.index(c)]
               for c in busy)  # a unit with incidents keeps its numbers, significant or not
    listed = {model.codes[r[0]] for r in encode.to_json(model)["frames"][0]["rows"]}
    assert listed == set(said)  # the update names only those; the rest are drawn blank


def test_a_refused_test_colours_nothing(units):
    rows = incidents({"10000": 2})
    model = maps.hotspot_model(hotspots(rows, units_frame=units, statistic="moran"), rows, units=units)
    frame = model.frames[0]
    assert set(frame.classes.tolist()) == {0}
    assert [e.label for e in model.legend() if e.mark == "swatch"] == ["Not tested: too few events"]
    assert frame.notes[-1].startswith("The test cannot find clusters here")


def test_rates_model_keeps_raw_rates_and_dashed_outlines(units):
    rows = incidents({"10000": 1, "10011": 4, "10044": 2})
    model = maps.rates_model(rates.smoothed_rates(rows, units_frame=units), rows, units=units)
    frame = model.frames[0]
    i = model.codes.index("10000")
    assert "Raw rate: 10.00 per 100,000" in frame.tips[i] and "Smoothed rate:" in frame.tips[i]
    assert frame.flags[i] & marks.DASHED and not frame.flags[model.codes.index("10011")] & marks.DASHED
    assert frame.notes[0].startswith("Smoothed rate:")
    assert frame.values[i] < 10.0  # pulled towards the national rate


def test_bivariate_model(units):
    codes = list(units["code"])
    frame = pd.DataFrame({"code": codes, "name": codes,
                          "x": np.arange(len(codes), dtype=float), "y": np.arange(len(codes))[::-1].astype(float)})
    frame.loc[0, "y"] = np.nan
    result = bivariate.classify(frame, x_label="incidents", y_label="fighters")
    model = maps.bivariate_model(result, incidents({}), units=units)
    f = model.frames[0]
    assert f.classes[0] == 0 and model.colors(f)[0] == maps.NO_VALUE_COLOUR  # no value
    assert model.colors(f)[-1] == bivariate.PALETTE[(3, 1)]  # highest x, lowest y
    labels = [e.label for e in model.legend()]
    assert len(labels) == 10 and labels[-1] == "No value for one of the two measures"
    assert labels[2] == "incidents: high; fighters: high"
    grid = model.extra["grid"]
    assert (grid["x"], grid["y"]) == ("incidents", "fighters") and len(model.extra["scatter"]) == len(codes) - 1
    assert grid["cells"][0] == [1, 3, 1, "incidents: low; fighters: high"]  # top left, palette index 1
    assert all(  # every cell's palette index is its colour
        model.scales["main"].colors[i] == bivariate.PALETTE[(x, y)] for x, y, i, _w in grid["cells"])
