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


# --- labels that never overlap ----------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from geo.maps.classify import (  # noqa: E402
    MIN_CONTRAST,
    PALETTES,
    SCHEMES,
    class_colors,
    contrast,
    max_classes,
    palette_colors,
    parse_breaks,
)


def _label_range(label: str) -> tuple[float, float]:
    """(low, high) of a legend label: "4–6", "7", "up to 1.2", "1.3–3.0"."""
    label = label.replace(",", "")
    if label.startswith("up to "):
        return 0.0, float(label[len("up to "):])
    if "–" in label:
        lo, hi = label.split("–")
        return float(lo), float(hi)
    return float(label), float(label)


def test_equal_interval_counts_read_one_to_three_four_to_six():
    """The reported bug: EqualInterval gave "1–4 | 4–6 | 7–9 | 9–11"."""
    classes = classify(list(range(12)), scheme="EqualInterval", k=4)
    assert classes.labels == ("1–3", "4–6", "7–8", "9–11")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 400), min_size=1, max_size=80), st.sampled_from(SCHEMES), st.integers(2, 5))
def test_every_count_is_in_exactly_one_label_and_that_labels_colour(values, scheme, k):
    classes = classify(values, scheme=scheme, k=k)
    ranges = [_label_range(lab) for lab in classes.labels]
    for lo, hi in ranges:
        assert lo <= hi
    for (_, hi), (lo, _) in zip(ranges, ranges[1:]):
        assert lo > hi  # no whole number is in two labels
    for v in set(values) - {0}:
        holding = [i for i, (lo, hi) in enumerate(ranges) if lo <= v <= hi]
        assert len(holding) == 1, (v, classes.labels)
        assert classes.color_of(v) == classes.colors[holding[0]]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.001, 500, allow_nan=False), min_size=1, max_size=60), st.sampled_from(SCHEMES))
def test_every_rate_as_written_is_in_the_label_of_its_colour(values, scheme):
    classes = classify(values, scheme=scheme, integer=False, k=5)
    decimals = {len(b.split(".")[1]) for lab in classes.labels if not lab.startswith("up to")
                for b in lab.replace(",", "").split("–")} | {classes.decimals}
    assert decimals == {classes.decimals}  # one rounding for the whole legend
    ranges = [_label_range(lab) for lab in classes.labels]
    for (_, hi), (lo, _) in zip(ranges, ranges[1:]):
        assert lo > hi
    for v in values:
        shown = float(classes.format(v).replace(",", ""))
        i = classes.colors.index(classes.color_of(v))
        lo, hi = ranges[i]
        assert lo <= shown <= hi or (i == 0 and shown <= hi), (v, shown, classes.labels)


# --- your own breaks ------------------------------------------------------------------------------


def test_user_breaks_are_upper_bounds_and_the_last_class_reaches_the_maximum():
    classes = classify([0, 1, 2, 3, 50, 100], breaks=[2, 5, 10])
    assert classes.scheme == "UserDefined"
    assert classes.labels == ("1–2", "3–5", "6–10", "11–100")
    assert classes.color_of(2) != classes.color_of(3)
    assert classes.color_of(100) == classes.colors[-1]


def test_user_breaks_above_every_value_keep_their_classes():
    assert classify([1, 2], breaks=[5, 10]).labels == ("1–5", "6–10")


def test_breaks_are_parsed_and_bad_ones_refused():
    assert parse_breaks("2, 5;10") == (2.0, 5.0, 10.0)
    for bad in ("2, x", "5, 2", "0, 3", "2, 2"):
        with pytest.raises(ValueError):
            parse_breaks(bad)


# --- palettes and contrast ----------------------------------------------------------------------


def test_palettes_are_colorbrewer_sequential_schemes():
    from branca.utilities import color_brewer

    for name in PALETTES:
        assert set(palette_colors(name)) <= set(color_brewer(name, 9))
        assert max_classes(name) >= 5


@pytest.mark.parametrize("palette", PALETTES)
def test_lowest_class_stands_out_from_no_incident(palette):
    for n in range(1, max_classes(palette) + 1):
        colors = class_colors(palette, n)
        assert contrast(colors[0], ZERO_COLOR) >= MIN_CONTRAST
        assert len(set(colors)) == n


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_too_many_classes_for_a_palette_are_refused_and_palettes_change_colours():
    with pytest.raises(ValueError, match="palette"):
        classify(list(range(50)), k=9)
    with pytest.raises(ValueError, match="palette"):
        classify([1, 2], palette="Jet")
    assert classify(list(range(50)), palette="Blues").colors != classify(list(range(50))).colors
