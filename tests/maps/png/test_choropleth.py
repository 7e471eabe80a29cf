"""The static choropleth: size, content, colours where the units are, hatching, legend, format."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geo.admin import boundaries
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.incidents.table import validate_incidents
from geo.maps.classify import ZERO_COLOR
from geo.maps.classify import classify as shared_classify
from geo.maps.model import MapSpec
from geo.maps.png import canvas, choropleth, layout
from geo.maps.views import view_units
from tests.conftest import make_row, table
from tests.maps.png.pixels import LEUVEN, MOLENBEEK, UCCLE, dominant_is, image, rgb


def _unit_pixels(rendered: choropleth.RenderedMap, level: str, code: str, n: int = 15) -> np.ndarray:
    """RGB of the pixels at a grid of points well inside one unit (labels may cover a few)."""
    geom = boundaries.units(level).set_index("code").geometry[code]
    inner = geom.buffer(-0.004) if geom.buffer(-0.004).area > 0 else geom
    minx, miny, maxx, maxy = inner.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, n), np.linspace(miny, maxy, n))
    keep = shapely.contains_xy(inner, xs.ravel(), ys.ravel())
    img = np.asarray(image(rendered.data).convert("RGB")).astype(int)
    pixels = [img[r, c] for c, r in (rendered.pixel_of(x, y) for x, y in zip(xs.ravel()[keep], ys.ravel()[keep]))]
    assert len(pixels) >= 5, "too few sample points inside the unit"
    return np.array(pixels)


def _share_close(pixels: np.ndarray, hex_color: str, tol: int = 6) -> float:
    return float((np.abs(pixels - rgb(hex_color)).max(axis=1) <= tol).mean())


# --- sizes and pixels ------------------------------------------------------------------------


def test_screen_png_is_1600_wide_and_not_blank(tiny_incidents):
    rendered = choropleth.render_map(tiny_incidents, MapSpec())
    assert rendered.format == "png" and rendered.mime == "image/png"
    img = image(rendered.data)
    assert img.format == "PNG"
    assert img.width == 1600 and 900 <= img.height <= 1400
    assert (rendered.width, rendered.height) == img.size
    colours = np.unique(np.asarray(img.convert("RGB")).reshape(-1, 3), axis=0)
    assert len(colours) > 50


def test_print_png_is_300_dpi_and_over_2000_px(tiny_incidents):
    png = choropleth.render_map(tiny_incidents, MapSpec(view="charleroi"), size="print", format="png").data
    img = image(png)
    assert img.width >= 2000
    assert img.info["dpi"] == pytest.approx((300, 300), abs=0.5)


def test_brussels_view_draws_molenbeek_in_its_class_colour(tiny_incidents):
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="brussels"))
    counts = aggregate.count_by_unit(tiny_incidents, units_frame=view_units("brussels")).table
    assert counts.set_index("code").loc[MOLENBEEK, "count"] == 2
    expected = shared_classify(counts["count"].tolist()).color_of(2)
    assert expected != ZERO_COLOR
    molenbeek = _unit_pixels(rendered, "municipality", MOLENBEEK)
    uccle = _unit_pixels(rendered, "municipality", UCCLE)
    assert dominant_is(molenbeek, expected)
    assert dominant_is(uccle, ZERO_COLOR)
    assert _share_close(uccle, expected) == 0


def test_pixel_of_matches_where_the_unit_is_drawn(tiny_incidents):
    """The box of the pixels in Molenbeek's colour is the box of Molenbeek's outline."""
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="brussels"))
    colour = rendered.classes.color_of(2)
    img = np.asarray(image(rendered.data).convert("RGB")).astype(int)
    map_part = img[:, : int(rendered.width * layout.MAP_W)]
    rows, cols = np.nonzero(np.abs(map_part - rgb(colour)).max(axis=2) <= 2)
    geom = boundaries.units("municipality").set_index("code").geometry[MOLENBEEK]
    xy = np.asarray(geom.exterior.coords if geom.geom_type == "Polygon"
                    else [c for g in geom.geoms for c in g.exterior.coords])
    px = np.array([rendered.pixel_of(x, y) for x, y in xy])
    assert abs(cols.min() - px[:, 0].min()) <= 4 and abs(cols.max() - px[:, 0].max()) <= 4
    assert abs(rows.min() - px[:, 1].min()) <= 4 and abs(rows.max() - px[:, 1].max()) <= 4


def test_holes_stay_empty_brussels_inside_flemish_brabant():
    leuven = validate_incidents(table(make_row(municipality_nis=LEUVEN, region_nis="02000")), name="l.csv")
    rendered = choropleth.render_map(leuven, MapSpec(view="belgium", level="province"))
    brabant = rendered.table.set_index("code").loc["20001", "count"]
    assert brabant == 1
    colour = rendered.classes.color_of(1)
    assert dominant_is(_unit_pixels(rendered, "province", "04000"), ZERO_COLOR)
    assert dominant_is(_unit_pixels(rendered, "province", "20001"), colour)


def test_two_filters_give_two_images(tiny_incidents):
    a = Filters(years=(2015, 2015))
    b = Filters(years=(2016, 2016))
    png_a = choropleth.render_map(a.apply(tiny_incidents), MapSpec(view="brussels", filters=a)).data
    png_b = choropleth.render_map(b.apply(tiny_incidents), MapSpec(view="brussels", filters=b)).data
    assert png_a != png_b


# --- legend and hatching ---------------------------------------------------------------------


def test_rates_from_small_counts_are_dashed_and_said_so(tiny_incidents):
    """The web maps' mark for an unreliable rate (a dark dashed outline over the class's own colour,
    which the legend decodes), not a hatch: on every map, diagonal lines mean "mostly
    reconstructed" and nothing else."""
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="brussels", metric="per_100k"))
    row = rendered.table.set_index("code").loc[MOLENBEEK]
    assert row["small"]
    marks = {mark: label for _, label, mark in rendered.legend if mark}
    assert list(marks) == [canvas.SMALL] and "not reliable" in marks[canvas.SMALL]
    colour = rendered.classes.color_of(float(row["per_100k"]))
    pixels = _unit_pixels(rendered, "municipality", MOLENBEEK, n=25)
    tinted = pixels[np.ptp(pixels, axis=1) > 30]  # leave out the unit's label (dark text on a white halo)
    assert len(tinted) >= 10 and _share_close(tinted, colour) > 0.75  # (label edges blend)
    svg = choropleth.render_map(tiny_incidents, MapSpec(view="brussels", metric="per_100k"), format="svg").data.decode()
    plain = choropleth.render_map(tiny_incidents, MapSpec(view="brussels", metric="count"), format="svg").data.decode()
    assert "stroke-dasharray" in svg and "stroke-dasharray" not in plain
    assert all("." in label for _, label, _ in rendered.legend[1:-1])  # rate classes, not integers


def test_counts_legend_matches_shared_classes(tiny_incidents):
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="belgium"))
    shared = shared_classify(rendered.table["count"].tolist())
    assert [(c, lab) for c, lab, _ in rendered.legend] == shared.legend()


# --- what is refused -------------------------------------------------------------------------


def test_bad_view_or_level_is_refused(tiny_incidents):
    with pytest.raises(ValueError, match="levels"):
        choropleth.render_map(tiny_incidents, MapSpec(view="brussels", level="province"))
    with pytest.raises(ValueError, match="metric"):
        choropleth.render_map(tiny_incidents, MapSpec(metric="per_person"))


def test_unknown_format_or_size_is_refused(tiny_incidents):
    with pytest.raises(ValueError, match="format"):
        choropleth.render_map(tiny_incidents, MapSpec(), format="gif")
    with pytest.raises(ValueError, match="size"):
        choropleth.render_map(tiny_incidents, MapSpec(), size="poster")
