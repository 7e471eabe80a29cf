"""Unit labels: local names, split compound names, no two labels overlapping."""

from __future__ import annotations

from geo.maps.classify import ZERO_COLOR
from geo.maps.png import canvas, labels, layout
from geo.maps.png.geometry import view_geometry


def test_label_names():
    assert labels.label_text("Woluwe-Saint-Lambert") == "Woluwe-Saint-\nLambert"
    assert labels.label_text("Anderlecht") == "Anderlecht"
    assert labels.local_name("Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "04000") == "Molenbeek-Saint-Jean"
    assert labels.local_name("Zaventem", "Zaventem", "02000") == "Zaventem"


def test_city_labels_do_not_overlap(tiny_incidents):
    """Every Brussels label is drawn, and no two labels' boxes overlap."""
    geo = view_geometry("brussels", "municipality")
    drawn = canvas.build_figure(geo, lay=layout.LAYOUTS["print"], facecolors=[ZERO_COLOR] * len(geo.paths),
                                hatched=None, title="t", legend_title="l", legend_items=[], notes=[],
                                captions=["c"], label_units=True)
    renderer = drawn.canvas.get_renderer()
    names = {t.get_text().replace("\n", "") for t in drawn.ax.texts}
    assert "Molenbeek-Saint-Jean" in names and "Zaventem" in names and "Koekelberg" in names
    boxes = [t.get_window_extent(renderer) for t in drawn.ax.texts if t.get_text() not in ("0", "N")
             and not t.get_text().endswith("km")]
    assert len(boxes) == 20
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
