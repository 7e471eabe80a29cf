from __future__ import annotations

import pytest

from geo.maps.classify import NO_DATA_COLOR, ZERO_COLOR, classify


def test_few_distinct_values_get_one_class_each():
    classes = classify([0, 0, 1, 1, 2, 9])
    assert classes.bins == (1.0, 2.0, 9.0)
    assert classes.labels == ("1", "2", "9")
    assert classes.color_of(0) == ZERO_COLOR
    assert classes.color_of(float("nan")) == NO_DATA_COLOR
    assert len({classes.color_of(v) for v in (1, 2, 9)}) == 3


def test_many_values_use_mapclassify_and_every_value_has_a_class():
    values = list(range(0, 63))
    classes = classify(values, k=5)
    assert len(classes.bins) == 5 and classes.bins[-1] == 62
    legend_colors = {c for c, _ in classes.legend()}
    assert all(classes.color_of(v) in legend_colors for v in values)
    # labels tile the integers with no gap or overlap
    ranges = [lab.split("–") for lab in classes.labels]
    assert int(ranges[0][0]) == 1
    for (_, hi), (lo, _) in zip(ranges, ranges[1:]):
        assert int(lo.replace(",", "")) == int(hi.replace(",", "")) + 1


def test_rates_are_labelled_with_decimals():
    classes = classify([0.0, 0.5, 1.25, 3.0, 10.0, 40.0, 80.5], integer=False, k=3)
    assert all("." in label for label in classes.labels)


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="scheme"):
        classify([1, 2], scheme="Bogus")


def test_a_single_value_is_labelled_as_itself():
    assert classify([0, 0, 14]).labels == ("14",)


def test_many_values_are_classified_fast_the_same_way_every_time():
    import numpy as np

    values = np.random.default_rng(7).integers(0, 5000, 20_000).tolist()
    first, again = classify(values, k=5), classify(values, k=5)
    assert first == again
    assert first.bins[-1] == max(values)
    assert all(first.color_of(v) in {c for c, _ in first.legend()} for v in values[:500])
