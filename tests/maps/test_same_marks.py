"""One unit, the same marks everywhere (issue 19): a unit with few, mostly reconstructed incidents
carries the hatch and the dashed outline in the app's map update, the published page's data, and
the PNG, SVG and PDF files, all drawn from the one map model."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib

import numpy as np

from geo import publish
from geo.incidents import aggregate
from geo.maps.model import MapSpec, marks
from geo.maps.png import choropleth
from geo.maps.views import view_units
from geo.maps.web import choropleth as web
from tests.maps.png.pixels import MOLENBEEK

SPEC = MapSpec(view="brussels", metric="per_100k")
BOTH = marks.HATCH | marks.DASHED


def _rows(tiny_incidents):
    return tiny_incidents[tiny_incidents["year"] == 2015]  # Molenbeek: one site, reconstructed


def _pdf_content(pdf: bytes) -> bytes:
    """The PDF's drawing operators: its streams, inflated."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return b"\n".join(out)


def _full(frames, n):
    now = [[0, 0, 0]] * n
    for frame in frames:
        now = list(now)
        for i, k, f, t in frame["rows"]:
            now[i] = [k, f, t]
    return now


def test_the_app_and_the_published_page_get_the_same_flags(tiny_incidents):
    rows = _rows(tiny_incidents)
    units = view_units("brussels", web=True)
    counted = aggregate.count_by_unit(rows, units_frame=units)
    classes = SPEC.classify(counted.table["per_100k"].tolist())
    model = web.counted_model(counted, rows, classes, units=units, names=list(units["code"]), view="brussels",
                              level="municipality", title="t", metric="per_100k")
    app = web.payload(model)["model"]
    i = list(units["code"]).index(MOLENBEEK)
    app_flags = [v[1] for v in _full(app["frames"], len(units))]
    assert app_flags[i] == BOTH
    published = publish.build(rows, SPEC)
    page = published.data.as_json()["map"]
    page_flags = [v[1] for v in _full(page["frames"][:1], len(units))]
    assert page_flags == app_flags  # every unit, not only Molenbeek
    assert page["marks"] == app["marks"]  # one wording of each mark
    legend = {e[0] for e in page["frames"][0]["legend"]}
    assert {"hatch", "dashed"} <= legend and {"hatch", "dashed"} <= {e[0] for e in app["legend"]}


def test_the_map_files_draw_the_same_marks(tiny_incidents):
    rows = _rows(tiny_incidents)
    svg = choropleth.render_map(rows, SPEC, format="svg")
    frame = svg.model.frames[0]
    i = svg.model.codes.index(MOLENBEEK)
    assert frame.flags[i] == BOTH and svg.marked == (MOLENBEEK,)
    root = ET.fromstring(svg.data)
    ns = {"s": "http://www.w3.org/2000/svg"}
    lined = root.find(".//s:g[@id='reconstructed']", ns)
    assert lined is not None and len(lined.findall(".//s:path", ns)) == 1  # diagonal lines on one unit
    assert len(re.findall(rb"stroke-dasharray", svg.data)) >= 1  # the dashed outline
    legend = [label for _, label, _ in svg.legend]
    assert marks.words(marks.HATCH) in legend and marks.words(marks.DASHED) in legend
    pdf = _pdf_content(choropleth.render_map(rows, SPEC, format="pdf").data)
    plain_pdf = _pdf_content(choropleth.render_map(rows, SPEC.with_(metric="count"), format="pdf").data)
    assert b"/Pattern" in pdf  # the hatch
    dash = rb"\[\s*[\d.]+\s+[\d.]+\s*\]\s+[\d.]+\s+d"
    assert re.search(dash, pdf) and not re.search(dash, plain_pdf)  # the dashed outline, only for rates
    png = choropleth.render_map(rows, SPEC)
    from tests.maps.png.test_choropleth import _unit_pixels

    pixels = _unit_pixels(png, "municipality", MOLENBEEK, n=30)
    colour = png.model.colors(png.model.frames[0])[i]
    ink = np.array([int(colour[k:k + 2], 16) for k in (1, 3, 5)])
    assert (np.abs(pixels - ink).max(axis=1) > 60).mean() > 0.05  # lines across the fill
