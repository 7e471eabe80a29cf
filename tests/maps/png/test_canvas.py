"""The figure's furniture: the scale bar's round lengths."""

from __future__ import annotations

from geo.maps.png import canvas


def test_scale_bar_lengths_are_round():
    assert canvas.nice_length(57_000) == 50_000
    assert canvas.nice_length(3_900) == 2_000
