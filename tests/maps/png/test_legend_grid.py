"""A bivariate map's legend is a 3 × 3 grid with the axes' words, in the app's JSON and in the PNG,
SVG and PDF files drawn from the same model (on the real province boundaries)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zlib

import pytest
from matplotlib.colors import to_rgb
from PIL import Image

from geo.incidents import table
from geo.maps.model import MapSpec, encode
from geo.maps.png.choropleth import render_model
from geo.stats import bivariate, views

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def model():
    m, _pair = views.build(table.load_incidents(), MapSpec(level="province"), views.CONTRAST)
    return m


def test_the_json_carries_the_grid_with_the_axes_words(model):
    grid = encode.to_json(model)["grid"]
    assert (grid["x"], grid["y"]) == ("Incidents", "Foreign fighters")
    colours = encode.to_json(model)["scales"]["main"]["colors"]
    assert {(x, y): colours[i] for x, y, i, _w in grid["cells"]} == bivariate.PALETTE
    assert grid["cells"][0][3] == "Incidents: low; Foreign fighters: high"  # top left: y high, x low


def test_svg_draws_nine_cells_and_the_axes_words_not_nine_swatches(model):
    svg = render_model(model, format="svg").data
    root = ET.fromstring(svg)
    cells = {}
    for g in root.iter(f"{SVG}g"):
        m = re.fullmatch(r"legend-cell-(\d)-(\d)", g.get("id", ""))
        if m:
            path = next(g.iter(f"{SVG}path"))
            fill = re.search(r"fill:\s*(#[0-9a-f]{6})", path.get("style", ""))
            cells[(int(m[1]), int(m[2]))] = fill[1]
    assert cells == bivariate.PALETTE
    text = svg.decode()
    assert 'id="legend-grid-x"' in text and 'id="legend-grid-y"' in text
    assert "Incidents: low; Foreign fighters: high" not in text  # the nine cells' words are not listed
    assert "No value for one of the two measures" in text  # the one other entry still is


def test_png_and_pdf_open_and_hold_the_grid(model):
    png = Image.open(io.BytesIO(render_model(model, format="png").data))
    assert png.size[0] == 1600
    colours = {c for _n, c in png.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert all(tuple(round(255 * v) for v in to_rgb(c)) in colours for c in bivariate.PALETTE.values())
    pdf = render_model(model, format="pdf").data
    assert pdf.startswith(b"%PDF")
    ops = b"\n".join(zlib.decompress(s) for s in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
                     if s[:1] == b"x")
    for colour in bivariate.PALETTE.values():  # each cell's fill (a unit may take a few of them too)
        rgb = [f"{int(v * 100) / 100:.2f}" + r"\d*" for v in to_rgb(colour)]  # 0.909804 → 0.90…
        fill = rf"{rgb[0]} g" if len(set(rgb)) == 1 else rf"{rgb[0]} {rgb[1]} {rgb[2]} rg"  # a grey: one number
        assert re.search(fill.encode(), ops), colour


def test_a_hot_spot_model_renders_with_its_method_and_no_grid():
    """The Belgium page's hot-spot export: the same renderer, the model's legend and method lines."""
    m, _pair = views.build(table.load_incidents(), MapSpec(level="arrondissement"),
                           views.Analysis(mode="hotspots", level="arrondissement"))
    svg = render_model(m, format="svg").data.decode()
    assert "Getis-Ord Gi*" in svg and "conditional permutations (seed" in svg and "legend-cell-" not in svg
    assert Image.open(io.BytesIO(render_model(m, format="png").data)).size[0] == 1600
