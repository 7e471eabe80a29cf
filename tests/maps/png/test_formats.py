"""Vector exports and your own words: the SVG has a path per unit and text as text, the PDF is a
one-page document whose text can be read back, titles and source lines are yours, file names say
what the file shows."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from pypdf import PdfReader

from geo.incidents.filters import Filters
from geo.incidents.table import validate_incidents
from geo.maps.model import MapSpec, captions
from geo.maps.png import choropleth
from geo.maps.views import view_units
from tests.conftest import make_row, table
from tests.maps.png.pixels import MOLENBEEK, image

SVG = "{http://www.w3.org/2000/svg}"


def _svg(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def _group(root: ET.Element, gid: str) -> ET.Element:
    found = [e for e in root.iter() if e.get("id") == gid]
    assert len(found) == 1, f"{len(found)} elements with id {gid!r}"
    return found[0]


def _fill(path: ET.Element) -> str:
    match = re.search(r"fill:\s*(#[0-9a-f]{6})", path.get("style", ""))
    return match.group(1) if match else path.get("fill", "")


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_svg_has_a_path_per_unit_in_its_class_colour_and_text_as_text(tiny_incidents):
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="belgium", title="My own title", subtitle="A subtitle", note="A note", source="Source: me"), format="svg")
    assert rendered.mime == "image/svg+xml" and rendered.data.lstrip().startswith(b"<?xml")
    root = _svg(rendered.data)
    paths = list(_group(root, "units").iter(f"{SVG}path"))
    assert len(paths) == len(view_units("belgium")) == 581
    expected = [rendered.classes.color_of(v) for v in rendered.table["count"]]
    assert [_fill(p) for p in paths] == expected
    texts = _texts(root)
    assert "My own title" in texts and "A subtitle" in texts
    lines = texts[texts.index("Includes 2 reconstructed records (of 6)"):]  # the caption, a <text> per line
    assert lines[1:3] == ["A note", "Source: me"]
    assert captions.CREDITS not in texts  # the source line replaces the credits
    # text as text: no glyph outlines
    assert not any((e.get("id") or "").startswith("DejaVu") for e in root.iter())


def test_svg_of_a_city_view_draws_its_units_only(tiny_incidents):
    root = _svg(choropleth.render_map(tiny_incidents, MapSpec(view="brussels"), format="svg").data)
    assert len(list(_group(root, "units").iter(f"{SVG}path"))) == len(view_units("brussels")) == 20


def test_pdf_is_one_page_with_the_title_as_text(tiny_incidents):
    rendered = choropleth.render_map(tiny_incidents, MapSpec(view="charleroi", title="Charleroi (print)"), format="pdf", size="print")
    assert rendered.mime == "application/pdf" and rendered.data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(rendered.data))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(7.5 * 72, abs=1)  # 7.5 in wide
    text = page.extract_text()
    assert "Charleroi (print)" in text
    assert "Includes 2 reconstructed records (of 6)" in text.replace("\n", " ")
    assert reader.metadata.title == "Charleroi (print)"


def test_vector_files_are_the_same_on_every_run(tiny_incidents):
    for fmt in ("svg", "pdf"):
        a = choropleth.render_map(tiny_incidents, MapSpec(view="brussels"), format=fmt).data
        b = choropleth.render_map(tiny_incidents, MapSpec(view="brussels"), format=fmt).data
        assert a == b, fmt


def test_user_text_is_drawn_as_written(tiny_incidents):
    """A "$" would start matplotlib's mathtext; "<" and "&" must survive SVG."""
    weird = "Cost $5 & <more> than 50%"
    root = _svg(choropleth.render_map(tiny_incidents, MapSpec(view="brussels", title=weird), format="svg").data)
    assert weird in _texts(root)


def test_default_title_says_the_years_and_subtitle_the_filters(tiny_incidents):
    f = Filters(years=(2016, 2016), kinds=("attack",), include_reconstructed=False)
    rendered = choropleth.render_map(f.apply(tiny_incidents), MapSpec(view="belgium", filters=f, all_years=(2015, 2016)))
    assert rendered.title == "Incident sites per municipality — Belgium, 2016"
    assert rendered.subtitle == "Only kinds: Attack; documented records only"
    every = choropleth.render_map(tiny_incidents, MapSpec(view="belgium", all_years=(2015, 2016)))
    assert every.title.endswith("Belgium, 2015–2016") and every.subtitle == ""


def test_file_stem_says_view_level_metric_and_years():
    assert captions.file_stem("belgium", "province", "per_100k", (2014, 2017)) == "belgium-province-per_100k-2014-2017"
    assert captions.file_stem("brussels", "municipality", "count", (2016, 2016), "grid-year") == \
        "brussels-municipality-count-2016-grid-year"


# --- reconstructed records marked ---------------------------------------------------------------


def _molenbeek_distinct_colours(rendered) -> int:
    from tests.maps.png.test_choropleth import _unit_pixels

    return len(np.unique(_unit_pixels(rendered, "municipality", MOLENBEEK, n=30), axis=0))


def test_units_mostly_reconstructed_are_lined_and_the_legend_says_so():
    def rows(provenance: str):
        return validate_incidents(table(*[
            make_row(site_id=f"R{i}", event_id=f"R{i}", provenance=provenance, source="report",
                     date="2016-03-01", date_precision="month")
            for i in range(3)]), name="m.csv")

    recon = choropleth.render_map(rows("reconstructed"), MapSpec(view="brussels"))
    documented = choropleth.render_map(rows("documented"), MapSpec(view="brussels"))
    assert recon.marked == (MOLENBEEK,) and documented.marked == ()
    assert any("reconstructed" in label and hatch for _, label, hatch in recon.legend)
    assert not any("reconstructed" in label for _, label, _ in documented.legend)
    # the lines are drawn: more colours inside Molenbeek than its plain fill
    assert _molenbeek_distinct_colours(recon) > _molenbeek_distinct_colours(documented)
    assert image(recon.data).size == image(documented.data).size


def test_half_reconstructed_is_not_mostly():
    rows = [make_row(site_id="D", event_id="D"),
            make_row(site_id="R", event_id="R", provenance="reconstructed", source="report",
                     date="2016-03-01", date_precision="month")]
    rendered = choropleth.render_map(validate_incidents(table(*rows), name="h.csv"), MapSpec(view="brussels"))
    assert rendered.marked == ()
