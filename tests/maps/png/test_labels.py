"""Unit labels: local names, split compound names, no two labels overlapping."""

from __future__ import annotations

from geo import i18n
from geo.maps.classify import ZERO_COLOR
from geo.maps.png import canvas, labels, layout
from geo.maps.png.geometry import view_geometry


def test_label_names():
    assert labels.label_text("Woluwe-Saint-Lambert") == "Woluwe-Saint-\nLambert"
    assert labels.label_text("Anderlecht") == "Anderlecht"
    assert labels.label_text("Ixelles / Elsene") == "Ixelles /\nElsene"


def test_label_names_follow_the_language_and_the_naming():
    """Static labels name places as the app does (geo.admin.names): local by default, both names in
    Brussels (French first, Dutch first for a Dutch reader), the reader's language on request."""
    geo = view_geometry("brussels", "municipality")
    code = dict(zip(geo.units["code"], range(len(geo.units))))
    with i18n.using("en"):
        shown = labels.unit_labels(geo.units)
    assert shown[code["21009"]] == "Ixelles / Elsene" and shown[code["23094"]] == "Zaventem"
    with i18n.using("nl"):
        assert labels.unit_labels(geo.units)[code["21009"]] == "Elsene / Ixelles"
    with i18n.using("nl", names="reader"):
        assert labels.unit_labels(geo.units)[code["21009"]] == "Elsene"
    with i18n.using("fr", names="reader"):
        assert labels.unit_labels(geo.units)[code["21012"]] == "Molenbeek-Saint-Jean"


def test_city_labels_do_not_overlap(tiny_incidents):
    """Every Brussels label is drawn, and no two labels' boxes overlap."""
    geo = view_geometry("brussels", "municipality")
    drawn = canvas.build_figure(geo, lay=layout.LAYOUTS["print"], facecolors=[ZERO_COLOR] * len(geo.paths),
                                hatched=None, title="t", legend_title="l", legend_items=[], notes=[],
                                captions=["c"], label_units=True)
    renderer = drawn.canvas.get_renderer()
    names = {t.get_text().replace("\n", "") for t in drawn.ax.texts}
    assert "Molenbeek-Saint-Jean /Sint-Jans-Molenbeek" in names and "Zaventem" in names and "Koekelberg" in names
    boxes = [t.get_window_extent(renderer) for t in drawn.ax.texts if t.get_text() not in ("0", "N")
             and not t.get_text().endswith("km")]
    assert len(boxes) == 20
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
