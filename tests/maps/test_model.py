"""geo.maps.model: the map model computed once (classes, flags, tooltips, legend, words), on tiny
hand-made counts and on the tiny incidents."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.incidents.aggregate import Counted
from geo.maps import classify
from geo.maps.model import MapModel, MapSpec, build, categorical_scale, encode, marks
from geo.maps.model.choropleth import choropleth_scale, frame_of
from geo.maps.model.model import Frame
from geo.maps.views import view_units
from tests.maps.png.pixels import MOLENBEEK


def _counted(counts, population=(1e5, 1e5, 1e5, 1e5)) -> Counted:
    counts = np.asarray(counts)
    pop = np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(pop > 0, counts / pop * 1e5, np.nan)
    table = pd.DataFrame({"code": [f"U{i}" for i in range(len(counts))], "count": counts, "population": pop,
                          "per_100k": rate})
    table["small"] = (table["count"] > 0) & (table["count"] < 3)
    return Counted(table, pd.DataFrame(), "sites")


def test_one_rule_for_each_mark():
    counts, recon = np.array([0, 1, 4, 2]), np.array([0, 1, 1, 1])
    assert marks.mostly_reconstructed(counts, recon).tolist() == [False, True, False, False]
    assert marks.flags_of(counts, recon, rate=False).tolist() == [0, marks.HATCH, 0, 0]
    assert marks.flags_of(counts, recon, rate=True).tolist() == [0, marks.HATCH | marks.DASHED, 0, marks.DASHED]
    assert marks.used([0, marks.DASHED, marks.HATCH]) == [marks.HATCH, marks.DASHED]
    assert "reconstructed" in marks.words(marks.HATCH) and "3 incidents" in marks.words(marks.DASHED)


def test_a_frame_holds_classes_flags_and_tooltips_computed_once():
    classes = classify.classify([1, 2, 3, 5, 8, 13], k=3)
    frame = frame_of("2016", _counted([0, 1, 4, 0], (1e5, 1e5, 1e5, 0)), [0, 1, 1, 0], classes,
                     metric="per_100k", unit="sites")
    assert frame.classes[0] == 0 and frame.classes[3] == len(classes.colors) + 1  # no incident; no population
    assert frame.flags.tolist() == [0, marks.HATCH | marks.DASHED, 0, 0]
    assert frame.tips[1].splitlines() == ["1 incident site", "Per 100,000 residents: 1",
                                          "of which reconstructed records: 1"]
    assert frame.tips[3].endswith("no population figure")


def test_the_legend_lists_used_optional_swatches_and_the_marks_drawn():
    classes = classify.classify([1, 2, 3, 5, 8, 13], k=3)
    frame = frame_of("x", _counted([0, 1, 4, 0]), [0, 1, 0, 0], classes, metric="count", unit="sites")
    model = MapModel("choropleth", "belgium", "municipality", ("a", "b", "c", "d"), ("A", "B", "C", "D"),
                     {"main": choropleth_scale(classes)}, (frame,), "legend")
    entries = model.legend()
    assert [e.mark for e in entries] == ["swatch"] * (len(classes.colors) + 1) + ["hatch"]
    assert model.flagged(frame, marks.HATCH) == ("b",)
    assert model.colors(frame)[0] == classify.ZERO_COLOR


def test_a_categorical_map_is_a_palette_class_indices_and_legend_words():
    scale = categorical_scale(["#d7191c", "#2c7bb6", "#eeeeee"], ["hot spot", "cold spot", "not significant"])
    frame = Frame("all", "all", "Hot spots", np.array([0, 2, 1]), np.zeros(3, np.int64), ("z 3.1", "", "z -2"))
    model = MapModel("categorical", "belgium", "municipality", ("a", "b", "c"), ("A", "B", "C"), {"main": scale},
                     (frame,), "Gi*")
    assert model.colors(frame) == ["#d7191c", "#eeeeee", "#2c7bb6"]
    assert [e.label for e in model.legend()] == ["hot spot", "cold spot", "not significant"]
    data = encode.to_json(model)
    assert data["frames"][0]["rows"] == [[0, 0, 0, 1], [1, 2, 0, 0], [2, 1, 0, 2]]
    assert data["tips"][1] == "z 3.1"
    with pytest.raises(ValueError):
        categorical_scale(["#000000"], [])


def test_the_published_years_share_classes_and_flag_the_reconstructed_year(tiny_incidents):
    units = view_units("brussels", web=True)
    model = build.yearly(tiny_incidents, MapSpec(view="brussels"), units=units)
    assert [f.key for f in model.frames] == ["all", "2015", "2016"]
    assert [f.scale for f in model.frames] == ["main", "year", "year"]
    i = model.codes.index(MOLENBEEK)
    assert model.frame("2015").flags[i] == marks.HATCH and model.frame("2016").flags[i] == 0
    assert model.frame("2015").title.endswith("2015") and model.frame("all").title.endswith("2015–2016")
    assert model.scales["year"].note and not model.scales["main"].note


def test_the_browser_json_sends_changes_only(tiny_incidents):
    units = view_units("brussels", web=True)
    model = build.yearly(tiny_incidents, MapSpec(view="brussels"), units=units)
    data = encode.to_json(model)
    i = model.codes.index(MOLENBEEK)
    first = {r[0]: r for r in data["frames"][0]["rows"]}
    assert first[i][1] > 0 and data["tips"][first[i][3]].startswith("2 incident sites")
    assert data["marks"][str(marks.HATCH)] == marks.words(marks.HATCH)
    assert ["hatch", "#ffffff", marks.words(marks.HATCH)] in data["frames"][1]["legend"]
    assert any(r[0] == i for r in data["frames"][2]["rows"])  # 2015 → 2016: Molenbeek's flag changes
