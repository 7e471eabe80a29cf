"""Static maps: size, content, colours where the units are, honesty lines, animations."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from PIL import Image  # noqa: E402

from geo import vocab
from geo.admin import boundaries
from geo.incidents import aggregate  # noqa: E402
from geo.incidents.filters import Filters  # noqa: E402
from geo.incidents.table import validate_incidents  # noqa: E402
from geo.maps.classify import ZERO_COLOR  # noqa: E402
from geo.maps.classify import classify as shared_classify  # noqa: E402
from geo.maps.png import render
from geo.maps.views import view_units  # noqa: E402
from tests.conftest import make_row, table  # noqa: E402

MOLENBEEK, UCCLE, LEUVEN = "21012", "21016", "24062"


def _rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)])


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def _unit_pixels(rendered: render.RenderedMap, level: str, code: str, n: int = 15) -> np.ndarray:
    """RGB of the pixels at a grid of points well inside one unit (labels may cover a few)."""
    geom = boundaries.units(level).set_index("code").geometry[code]
    inner = geom.buffer(-0.004) if geom.buffer(-0.004).area > 0 else geom
    minx, miny, maxx, maxy = inner.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, n), np.linspace(miny, maxy, n))
    keep = shapely.contains_xy(inner, xs.ravel(), ys.ravel())
    img = np.asarray(_image(rendered.png).convert("RGB")).astype(int)
    pixels = [img[r, c] for c, r in (rendered.pixel_of(x, y) for x, y in zip(xs.ravel()[keep], ys.ravel()[keep]))]
    assert len(pixels) >= 5, "too few sample points inside the unit"
    return np.array(pixels)


def _share_close(pixels: np.ndarray, hex_color: str, tol: int = 6) -> float:
    return float((np.abs(pixels - _rgb(hex_color)).max(axis=1) <= tol).mean())


def _dominant_is(pixels: np.ndarray, hex_color: str, tol: int = 6) -> bool:
    """The unit's most common colour (its fill, around any label) is ``hex_color``. Pure greys
    (the labels' black text and white halo, the edges) are not fills and are left out."""
    fills = pixels[~((pixels[:, 0] == pixels[:, 1]) & (pixels[:, 1] == pixels[:, 2]))]
    assert len(fills) >= 5, "the unit's samples are all label or edge"
    colours, counts = np.unique(fills, axis=0, return_counts=True)
    return bool(np.abs(colours[counts.argmax()] - _rgb(hex_color)).max() <= tol)


def _rows_by_year(years=(2014, 2017)):
    rows = [
        make_row(site_id="A", event_id="A", date=f"{years[0]}-02-03"),
        make_row(site_id="B", event_id="B", date=f"{years[1]}-11-20", municipality_nis=UCCLE),
    ]
    return validate_incidents(table(*rows), name="years.csv")


# --- sizes and pixels ------------------------------------------------------------------------


def test_screen_png_is_1600_wide_and_not_blank(tiny_incidents):
    png = render.render_map_png(tiny_incidents)
    img = _image(png)
    assert img.format == "PNG"
    assert img.width == 1600 and 900 <= img.height <= 1400
    colours = np.unique(np.asarray(img.convert("RGB")).reshape(-1, 3), axis=0)
    assert len(colours) > 50


def test_print_png_is_300_dpi_and_over_2000_px(tiny_incidents):
    png = render.render_map_png(tiny_incidents, view="charleroi", size="print")
    img = _image(png)
    assert img.width >= 2000
    assert img.info["dpi"] == pytest.approx((300, 300), abs=0.5)


def test_brussels_view_draws_molenbeek_in_its_class_colour(tiny_incidents):
    rendered = render.render_map(tiny_incidents, view="brussels")
    counts = aggregate.count_by_unit(tiny_incidents, units_frame=view_units("brussels")).table
    assert counts.set_index("code").loc[MOLENBEEK, "count"] == 2
    expected = shared_classify(counts["count"].tolist()).color_of(2)
    assert expected != ZERO_COLOR
    molenbeek = _unit_pixels(rendered, "municipality", MOLENBEEK)
    uccle = _unit_pixels(rendered, "municipality", UCCLE)
    assert _dominant_is(molenbeek, expected)
    assert _dominant_is(uccle, ZERO_COLOR)
    assert _share_close(uccle, expected) == 0


def test_pixel_of_matches_where_the_unit_is_drawn(tiny_incidents):
    """The box of the pixels in Molenbeek's colour is the box of Molenbeek's outline."""
    rendered = render.render_map(tiny_incidents, view="brussels")
    colour = rendered.classes.color_of(2)
    img = np.asarray(_image(rendered.png).convert("RGB")).astype(int)
    map_part = img[:, : int(rendered.width * render._MAP_W)]
    rows, cols = np.nonzero(np.abs(map_part - _rgb(colour)).max(axis=2) <= 2)
    geom = boundaries.units("municipality").set_index("code").geometry[MOLENBEEK]
    xy = np.asarray(geom.exterior.coords if geom.geom_type == "Polygon"
                    else [c for g in geom.geoms for c in g.exterior.coords])
    px = np.array([rendered.pixel_of(x, y) for x, y in xy])
    assert abs(cols.min() - px[:, 0].min()) <= 4 and abs(cols.max() - px[:, 0].max()) <= 4
    assert abs(rows.min() - px[:, 1].min()) <= 4 and abs(rows.max() - px[:, 1].max()) <= 4


def test_holes_stay_empty_brussels_inside_flemish_brabant():
    leuven = validate_incidents(table(make_row(municipality_nis=LEUVEN, region_nis="02000")), name="l.csv")
    rendered = render.render_map(leuven, view="belgium", level="province")
    brabant = rendered.table.set_index("code").loc["20001", "count"]
    assert brabant == 1
    colour = rendered.classes.color_of(1)
    assert _dominant_is(_unit_pixels(rendered, "province", "04000"), ZERO_COLOR)
    assert _dominant_is(_unit_pixels(rendered, "province", "20001"), colour)


def test_two_filters_give_two_images(tiny_incidents):
    a = Filters(years=(2015, 2015))
    b = Filters(years=(2016, 2016))
    png_a = render.render_map_png(a.apply(tiny_incidents), view="brussels", filters=a)
    png_b = render.render_map_png(b.apply(tiny_incidents), view="brussels", filters=b)
    assert png_a != png_b


# --- what the image says ---------------------------------------------------------------------


def test_caption_lines_name_the_filters_and_reconstructed_records(tiny_incidents):
    lines = render.caption_lines(tiny_incidents, filters=Filters(years=(2015, 2016), kinds=("attack",)),
                                 all_years=(2014, 2017), total_reconstructed=5)
    assert "years 2015–2016" in lines[0] and "Attack" in lines[0]
    assert lines[1].startswith("Includes 2 reconstructed records (of 6)")
    assert "leave out 3 other reconstructed records" in lines[1]
    assert lines[-1] == render.CREDITS
    everything = render.caption_lines(tiny_incidents, all_years=(2014, 2017))
    assert "years 2014–2017" in everything[0]
    assert "leave out" not in everything[1]


def test_rendered_map_carries_its_caption_and_not_counted_note(tiny_incidents):
    f = Filters(years=(2016, 2016))
    rendered = render.render_map(f.apply(tiny_incidents), view="brussels", filters=f, all_years=(2015, 2016))
    assert "years 2016" in rendered.captions[0]
    assert "1 site known only to the Brussels-Capital Region is not shown on municipalities" in rendered.notes
    assert any("outside this view" in n for n in rendered.notes)  # Charleroi


def test_not_counted_lines_by_region():
    missing = __import__("pandas").DataFrame({"region_nis": ["04000"] * 42 + ["03000"], "event_id": range(43)})
    lines = render.not_counted_lines(missing, "municipality")
    assert "42 sites known only to the Brussels-Capital Region are not shown on municipalities" in lines
    assert "1 site known only to Wallonia is not shown on municipalities" in lines
    assert render.not_counted_lines(missing.iloc[:0], "municipality") == []


def test_rates_hatch_small_counts_and_say_so(tiny_incidents):
    rendered = render.render_map(tiny_incidents, view="brussels", metric="per_100k")
    assert rendered.table.set_index("code").loc[MOLENBEEK, "small"]
    hatched = [label for _, label, hatch in rendered.legend if hatch]
    assert hatched and "unreliable" in hatched[0]
    # hatch lines: dark pixels inside Molenbeek that a plain fill would not have
    pixels = _unit_pixels(rendered, "municipality", MOLENBEEK, n=25)
    plain = render.render_map(tiny_incidents, view="brussels", metric="count")
    assert len(np.unique(pixels, axis=0)) > len(np.unique(_unit_pixels(plain, "municipality", MOLENBEEK, n=25), axis=0))
    assert all("." in label for _, label, _ in rendered.legend[1:-1])  # rate classes, not integers


def test_counts_legend_matches_shared_classes(tiny_incidents):
    rendered = render.render_map(tiny_incidents, view="belgium")
    shared = shared_classify(rendered.table["count"].tolist())
    assert [(c, lab) for c, lab, _ in rendered.legend] == shared.legend()


def test_bad_view_or_level_is_refused(tiny_incidents):
    with pytest.raises(ValueError, match="levels"):
        render.render_map_png(tiny_incidents, view="brussels", level="province")
    with pytest.raises(ValueError, match="metric"):
        render.render_map_png(tiny_incidents, metric="per_person")


def test_helpers():
    assert render._nice_length(57_000) == 50_000
    assert render._nice_length(3_900) == 2_000
    assert render._label_text("Woluwe-Saint-Lambert") == "Woluwe-Saint-\nLambert"
    assert render._label_text("Anderlecht") == "Anderlecht"
    assert render.local_name("Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "04000") == "Molenbeek-Saint-Jean"
    assert render.local_name("Zaventem", "Zaventem", "02000") == "Zaventem"


def test_city_labels_do_not_overlap(tiny_incidents):
    """Every Brussels label is drawn, and no two labels' boxes overlap."""
    geo = render._view_geometry("brussels", "municipality")
    drawn = render._build_figure(geo, lay=render.LAYOUTS["print"], facecolors=[ZERO_COLOR] * len(geo.paths),
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


# --- animation -------------------------------------------------------------------------------


def _frames(gif: bytes) -> list[np.ndarray]:
    img = _image(gif)
    out = []
    for i in range(img.n_frames):
        img.seek(i)
        out.append(np.asarray(img.convert("RGB")))
    return out


def _anim_unit_pixels(anim: render.RenderedAnimation, frame: np.ndarray, code: str, n: int = 15) -> np.ndarray:
    geom = boundaries.units("municipality").set_index("code").geometry[code].buffer(-0.004)
    minx, miny, maxx, maxy = geom.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, n), np.linspace(miny, maxy, n))
    keep = shapely.contains_xy(geom, xs.ravel(), ys.ravel())
    return np.array([frame[r, c].astype(int) for c, r in
                     (anim.pixel_of(x, y) for x, y in zip(xs.ravel()[keep], ys.ravel()[keep]))])


def test_yearly_gif_has_one_frame_per_year_including_empty_ones():
    data = _rows_by_year((2014, 2017))
    anim = render.render_animation(data, view="brussels", period="year", frame_seconds=0.5)
    assert anim.periods == ("2014", "2015", "2016", "2017")
    img = _image(anim.gif)
    assert img.format == "GIF" and img.n_frames == 4
    assert 900 <= img.width <= 1100
    assert img.info["duration"] == 500 and img.info["loop"] == 0
    frames = _frames(anim.gif)
    colour = anim.classes.color_of(1)
    # Molenbeek is coloured in 2014 only, Uccle in 2017 only; the years between are empty
    assert [_dominant_is(_anim_unit_pixels(anim, f, MOLENBEEK), colour) for f in frames] == [
        True, False, False, False]
    assert [_dominant_is(_anim_unit_pixels(anim, f, UCCLE), colour) for f in frames] == [
        False, False, False, True]
    assert np.array_equal(frames[1], frames[2]) is False  # the stamp differs


def test_monthly_gif_counts_months_between_first_and_last_and_reports_year_only_rows(tiny_incidents):
    anim = render.render_animation(tiny_incidents, view="brussels", period="month")
    assert anim.periods == ("2016-03", "2016-04", "2016-05", "2016-06", "2016-07", "2016-08")
    assert len(anim.left_out) == 2  # S2 and S5 are dated to the year only
    assert "2 sites dated only to the year are left out of the monthly frames" in anim.captions
    assert _image(anim.gif).n_frames == 6


def test_animation_uses_the_same_classes_on_every_frame():
    rows = [make_row(site_id=f"M{i}", event_id=f"M{i}", date=f"2016-0{1 + i % 3}-0{1 + i}") for i in range(6)]
    rows += [make_row(site_id=f"U{i}", event_id=f"U{i}", date="2016-03-09", municipality_nis=UCCLE)
             for i in range(6)]
    data = validate_incidents(table(*rows), name="m.csv")
    anim = render.render_animation(data, view="brussels", period="month", cumulative=True)
    assert anim.periods == ("2016-01", "2016-02", "2016-03")
    molenbeek = [f.table.set_index("code").loc[MOLENBEEK, "count"] for f in anim.frames]
    assert molenbeek == [2, 4, 6]
    every = shared_classify([v for f in anim.frames for v in f.table["count"]])
    assert anim.classes == every
    frames = _frames(anim.gif)
    for frame, count in zip(frames, molenbeek):
        assert _dominant_is(_anim_unit_pixels(anim, frame, MOLENBEEK), every.color_of(count))
    # Uccle reaches 6 in March only, and then has Molenbeek's March colour: same classes
    uccle = _anim_unit_pixels(anim, frames[2], UCCLE)
    assert _dominant_is(uccle, every.color_of(6))


def test_empty_month_selection_is_refused():
    data = validate_incidents(table(make_row(date="2016-01-01", date_precision="year")), name="y.csv")
    with pytest.raises(ValueError, match="month"):
        render.render_animation_gif(data, period="month")


# --- Map 1: incident symbols -----------------------------------------------------------------

CHARLEROI_ATTACK = (4.4467, 50.4086)  # S3 of tiny_incidents (lon, lat)


def _on_land(hex_color: str) -> np.ndarray:
    """A symbol's colour as drawn: its fill (opacity SYMBOL_ALPHA) over the municipalities' fill."""
    return render.SYMBOL_ALPHA * _rgb(hex_color) + (1 - render.SYMBOL_ALPHA) * _rgb(render.LAND_COLOR)


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
    img = _image(render.render_symbols_png(tiny_incidents))
    assert img.format == "PNG"
    assert img.width == 1600 and 900 <= img.height <= 1400
    assert len(np.unique(np.asarray(img.convert("RGB")).reshape(-1, 3), axis=0)) > 50
    printed = _image(render.render_symbols_png(tiny_incidents, size="print"))
    assert printed.width >= 2000
    assert printed.info["dpi"] == pytest.approx((300, 300), abs=0.5)


def test_symbol_map_paints_the_charleroi_attack_in_the_attack_colour(tiny_incidents):
    from geo.vocab import SYMBOLS as KIND_STYLE

    rendered = render.render_symbols(tiny_incidents)
    img = np.asarray(_image(rendered.png).convert("RGB")).astype(int)
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
    rendered = render.render_symbols(data)
    assert rendered.symbols == ()
    img = np.asarray(_image(rendered.png).convert("RGB")).astype(int)
    map_part = img[:, : int(rendered.width * render._MAP_W)]
    assert all(n == 0 for n in _kind_pixels(map_part).values()), _kind_pixels(map_part)
    for r in rendered.regional.itertuples():  # nothing drawn in a kind's colour at the region's point
        col, row = rendered.pixel_of(r.lon, r.lat)
        assert all(np.abs(img[row, col] - _on_land(c)).max() > 30
                   for k, (_, c, _) in vocab.SYMBOLS.items() if k != "other")
    assert set(rendered.boxes) == {render.region_box_text("Brussels-Capital Region", 2),
                                   render.region_box_text("Wallonia", 1)}
    assert rendered.notes[0].startswith("3 sites known only to their region are counted in a box on the region")


def test_region_box_text_and_symbol_notes_add_up(tiny_incidents):
    assert render.region_box_text("Brussels-Capital Region", 42) == (
        "Brussels-Capital Region\n42 sites with no municipality detail")
    assert render.region_box_text("Wallonia", 1) == "Wallonia\n1 site with no municipality detail"
    symbols, regional = render.web.incident_symbols(tiny_incidents)
    assert render.symbol_notes(len(tiny_incidents), symbols, regional) == [
        "1 site known only to its region is counted in a box on the region, never drawn as points"]
    # a site with no place at all, and sites outside the view, are said so
    notes = render.symbol_notes(len(tiny_incidents) + 1, symbols, regional, outside=2)
    assert "1 site with no known place in Belgium is not shown" in notes
    assert "2 sites lie elsewhere in Belgium, outside this view" in notes
    assert render.inset_note(42) == "Not drawn: 42 sites known only to the region (box on the main map)"


def test_symbol_map_of_a_city_view_says_what_lies_outside(tiny_incidents):
    rendered = render.render_symbols(tiny_incidents, view="charleroi")
    assert [s.category for s in rendered.symbols] == ["attack"]
    assert rendered.boxes == ()  # the Brussels region is not in this view
    assert "5 sites lie elsewhere in Belgium, outside this view" in rendered.notes


def test_symbol_sizes_follow_the_web_map(tiny_incidents):
    import folium

    from geo.maps import web

    radii = {(round(m.location[0], 6), round(m.location[1], 6), m.options["fillColor"]): m.options["radius"]
             for m in web.incidents_layer(tiny_incidents)._children.values() if isinstance(m, folium.CircleMarker)}
    symbols, _ = web.incident_symbols(tiny_incidents)
    assert len(radii) == len(symbols) > 0
    for s in symbols:
        on_web = radii[(round(s.lat, 6), round(s.lon, 6), vocab.SYMBOLS[s.category][1])]
        assert render.symbol_radius_px(s.count, s.category) == pytest.approx(on_web)
    assert render.symbol_radius_px(100, "attack") == 40  # capped, as on the web map
    assert render.size_key(1) == [1]
    assert render.size_key(2) == [1, 2]
    assert render.size_key(11) == [1, 5, 11]
    assert render.size_key(100) == [1, 10, 100]


def test_symbol_map_legend_and_captions_match_the_web_map_and_render_map(tiny_incidents):
    from geo.vocab import SYMBOLS as KIND_STYLE

    f = Filters(years=(2015, 2016))
    rendered = render.render_symbols(f.apply(tiny_incidents), filters=f, all_years=(2014, 2017),
                                      total_reconstructed=3)
    kinds = [(c, lab) for c, lab, _ in rendered.legend[:3]]
    assert kinds == [(KIND_STYLE[k][1], KIND_STYLE[k][0]) for k in ("attack", "plot", "arrest_action")]
    assert [lab for _, lab, _ in rendered.legend[-2:]] == ["Size: sites at one place (attacks drawn a quarter larger)",
                                                           "1 site"]  # one site per place and kind here
    assert list(rendered.captions) == render.caption_lines(f.apply(tiny_incidents), filters=f, all_years=(2014, 2017),
                                                           total_reconstructed=3)
    assert rendered.captions[1].startswith("Includes 2 reconstructed records (of 6)")
    assert rendered.captions[-1] == render.CREDITS
