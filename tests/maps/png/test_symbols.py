"""Map 1 as a static image: symbols in the web map's colours and sizes, region boxes, notes."""

from __future__ import annotations

import numpy as np
import pytest

from geo import vocab
from geo.incidents.filters import Filters
from geo.incidents.table import validate_incidents
from geo.maps import web
from geo.maps.model import MapSpec, captions
from geo.maps.png import layout, symbols
from tests.conftest import make_row, table
from tests.maps.png.pixels import image, rgb

CHARLEROI_ATTACK = (4.4467, 50.4086)  # S3 of tiny_incidents (lon, lat)


def _on_land(hex_color: str) -> np.ndarray:
    """A symbol's colour as drawn: its fill (opacity SYMBOL_OPACITY) over the municipalities' fill."""
    return vocab.SYMBOL_OPACITY * rgb(hex_color) + (1 - vocab.SYMBOL_OPACITY) * rgb(vocab.LAND_COLOR)


def _kind_pixels(img: np.ndarray, tol: int = 10) -> dict[str, int]:
    """How many pixels of ``img`` have each coloured symbol kind's colour ("other" is a grey, like
    the outlines and the text, so it is left out)."""
    from geo.vocab import SYMBOLS as KIND_STYLE

    return {k: int((np.abs(img - _on_land(c)).max(axis=2) <= tol).sum())
            for k, (_, c, _) in KIND_STYLE.items() if k != "other"}


def _region_only():
    rows = [make_row(site_id="R1", event_id="R1", municipality_nis="", geo_precision="region", place="Brussels"),
            make_row(site_id="R2", event_id="R2", municipality_nis="", geo_precision="region", place="Brussels"),
            make_row(site_id="R3", event_id="R3", municipality_nis="", geo_precision="region", region_nis="03000",
                     place="Wallonia", kind="attack")]
    return validate_incidents(table(*rows), name="regions.csv")


def test_symbol_png_is_1600_wide_or_300_dpi_and_not_blank(tiny_incidents):
    rendered = symbols.render_symbols(tiny_incidents, MapSpec())
    assert rendered.format == "png" and rendered.mime == "image/png"
    img = image(rendered.data)
    assert img.format == "PNG"
    assert img.width == 1600 and 900 <= img.height <= 1400
    assert len(np.unique(np.asarray(img.convert("RGB")).reshape(-1, 3), axis=0)) > 50
    printed = image(symbols.render_symbols(tiny_incidents, MapSpec(), size="print", format="png").data)
    assert printed.width >= 2000
    assert printed.info["dpi"] == pytest.approx((300, 300), abs=0.5)


def test_symbol_map_paints_the_charleroi_attack_in_the_attack_colour(tiny_incidents):
    from geo.vocab import SYMBOLS as KIND_STYLE

    rendered = symbols.render_symbols(tiny_incidents, MapSpec())
    img = np.asarray(image(rendered.data).convert("RGB")).astype(int)
    col, row = rendered.pixel_of(*CHARLEROI_ATTACK)
    pixel = img[row, col]
    assert np.abs(pixel - _on_land(KIND_STYLE["attack"][1])).max() <= 8, pixel
    nearest = min(KIND_STYLE, key=lambda k: np.abs(pixel - _on_land(KIND_STYLE[k][1])).max())
    assert nearest == "attack"
    # and it is a symbol, not a stray dot: the attack colour fills a disc around the point
    disc = img[row - 3:row + 4, col - 3:col + 4]
    assert (np.abs(disc - _on_land(KIND_STYLE["attack"][1])).max(axis=2) <= 8).all()


def test_region_only_rows_are_counted_in_boxes_never_drawn_as_points():
    data = _region_only()
    rendered = symbols.render_symbols(data, MapSpec())
    assert rendered.symbols == ()
    img = np.asarray(image(rendered.data).convert("RGB")).astype(int)
    map_part = img[:, : int(rendered.width * layout.MAP_W)]
    assert all(n == 0 for n in _kind_pixels(map_part).values()), _kind_pixels(map_part)
    for r in rendered.regional.itertuples():  # nothing drawn in a kind's colour at the region's point
        col, row = rendered.pixel_of(r.lon, r.lat)
        assert all(np.abs(img[row, col] - _on_land(c)).max() > 30
                   for k, (_, c, _) in vocab.SYMBOLS.items() if k != "other")
    assert set(rendered.boxes) == {symbols.region_box_text("Brussels-Capital Region", 2),
                                   symbols.region_box_text("Wallonia", 1)}
    assert rendered.notes[0].startswith("3 sites known only to their region are counted in a box on the region")


def test_region_box_text_and_symbol_notes_add_up(tiny_incidents):
    assert symbols.region_box_text("Brussels-Capital Region", 42) == (
        "Brussels-Capital Region\n42 sites with no municipality detail")
    assert symbols.region_box_text("Wallonia", 1) == "Wallonia\n1 site with no municipality detail"
    drawn, regional = web.incident_symbols(tiny_incidents)
    assert symbols.symbol_notes(len(tiny_incidents), drawn, regional) == [
        "1 site known only to its region is counted in a box on the region, never drawn as points"]
    # a site with no place at all, and sites outside the view (on no symbol shown), are said so
    notes = symbols.symbol_notes(len(tiny_incidents) + 1 + 2, drawn, regional, outside=2)
    assert "1 site with no known place in Belgium is not shown" in notes
    assert "2 sites lie elsewhere in Belgium, outside this view" in notes
    assert symbols.inset_note(42) == "Not drawn: 42 sites known only to the region (box on the main map)"


def test_too_many_places_are_grouped_by_municipality_and_the_notes_say_so(tiny_incidents):
    one_by_one, regional = web.incident_symbols(tiny_incidents)
    grouped, _ = web.incident_symbols(tiny_incidents, max_places=1)
    assert not any(s.grouped for s in one_by_one) and all(s.grouped for s in grouped)
    said = "Too many places to draw one by one: symbols are grouped by municipality, at a point inside it"
    assert said in symbols.symbol_notes(len(tiny_incidents), grouped, regional)
    assert said not in symbols.symbol_notes(len(tiny_incidents), one_by_one, regional)


def test_symbol_map_of_a_city_view_says_what_lies_outside(tiny_incidents):
    rendered = symbols.render_symbols(tiny_incidents, MapSpec(view="charleroi"))
    assert [s.category for s in rendered.symbols] == ["attack"]
    assert rendered.boxes == ()  # the Brussels region is not in this view
    assert "5 sites lie elsewhere in Belgium, outside this view" in rendered.notes


def test_symbol_sizes_follow_the_web_map(tiny_incidents):
    from geo.maps.web import symbols as web_symbols

    sent = web_symbols.payload(tiny_incidents)  # what the web map draws
    colours = [c for _, c in sent["categories"]]
    radii = {(round(lat, 5), round(lon, 5), colours[cat]): r for lat, lon, cat, r, _, _ in sent["symbols"]}
    drawn, _ = web.incident_symbols(tiny_incidents)
    assert len(radii) == len(drawn) > 0
    for s in drawn:
        on_web = radii[(round(s.lat, 5), round(s.lon, 5), vocab.SYMBOLS[s.category][1])]
        assert web.symbol_radius_px(s.count, s.category) == pytest.approx(on_web, abs=0.05)
    assert web.symbol_radius_px(100, "attack") == 40  # capped, as on the web map
    assert web.symbols.size_key(1) == [1]
    assert web.symbols.size_key(2) == [1, 2]
    assert web.symbols.size_key(11) == [1, 5, 11]
    assert web.symbols.size_key(100) == [1, 10, 100]


def test_symbol_map_legend_and_captions_match_the_web_map_and_render_map(tiny_incidents):
    from geo.vocab import SYMBOLS as KIND_STYLE

    f = Filters(years=(2015, 2016))
    rendered = symbols.render_symbols(f.apply(tiny_incidents), MapSpec(filters=f, all_years=(2014, 2017), total_reconstructed=3))
    kinds = [(c, lab) for c, lab, _ in rendered.legend[:3]]
    assert kinds == [(KIND_STYLE[k][1], KIND_STYLE[k][0]) for k in ("attack", "plot", "arrest_action")]
    assert [lab for _, lab, _ in rendered.legend[-2:]] == ["Size: sites at one place (attacks drawn a quarter larger)",
                                                           "1 site"]  # one site per place and kind here
    assert list(rendered.captions) == captions.caption_lines(f.apply(tiny_incidents), filters=f,
                                                             all_years=(2014, 2017), total_reconstructed=3)
    assert rendered.captions[1].startswith("Includes 2 reconstructed records (of 6)")
    assert rendered.captions[-1] == captions.CREDITS


# --- reconstructed records drawn hollow -----------------------------------------------------------


def test_reconstructed_symbols_are_hollow_and_the_legend_says_so(tiny_incidents):
    """S5 (a reconstructed plot in Molenbeek) gets its own hollow symbol beside S1's filled one."""
    from tests.maps.png.pixels import image

    rendered = symbols.render_symbols(tiny_incidents, MapSpec(view="brussels"))
    hollow = [s for s in rendered.symbols if s.reconstructed]
    assert [(s.category, s.count) for s in hollow] == [("plot", 1)]
    assert any(lab == "Hollow: reconstructed records only" for _, lab, _ in rendered.legend)
    documented = tiny_incidents.assign(provenance="documented")
    plain = symbols.render_symbols(documented, MapSpec(view="brussels"))
    assert not any(s.reconstructed for s in plain.symbols)
    assert not any("Hollow" in lab for _, lab, _ in plain.legend)
    # the hollow symbol's centre is (nearly) white; the same place drawn filled is the plot colour
    x, y = rendered.pixel_of(hollow[0].lon, hollow[0].lat)
    centre = image(rendered.data).convert("RGB").getpixel((x, y))
    assert min(centre) >= 200, centre
    # the region box says how many of its sites are reconstructed (S2)
    assert any(b.endswith("1 of them reconstructed") for b in rendered.boxes)


def test_notes_add_up_in_a_city_view(tiny_incidents):
    rendered = symbols.render_symbols(tiny_incidents, MapSpec(view="charleroi"))
    assert not any("no known place" in n for n in rendered.notes)
