"""The export commands: formats, small multiples, MP4, your own words and classes, publish, and
file names that say view, level, metric and years."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from geo.cli import exports
from geo.cli.main import main as cli_main
from geo.maps import classify


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_choices_match_the_package():
    assert exports.SCHEME_CHOICES == classify.SCHEMES and exports.PALETTE_CHOICES == classify.PALETTES


def test_svg_with_your_title_and_palette(capsys, tmp_path):
    code, out, err = _run(capsys, "export-png", "--format", "svg", "--view", "brussels", "--years", "2016",
                          "--title", "Brussels, 2016 ($)", "--source", "Source: CTC", "--palette", "Blues",
                          "--out", tmp_path)
    assert code == 0, err
    path = Path(out.strip())
    assert path.name == "brussels-municipality-count-2016.svg"
    texts = ["".join(t.itertext()) for t in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert "Brussels, 2016 ($)" in texts and "Source: CTC" in texts
    assert classify.palette_colors("Blues")[-1] in path.read_text()


def test_pdf_per_year_names_each_file_by_its_year(capsys, tmp_path):
    code, out, err = _run(capsys, "export-png", "--format", "pdf", "--view", "charleroi", "--years", "2015-2016",
                          "--per", "year", "--out", tmp_path / "pdfs")
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "pdfs").iterdir())
    assert names == ["charleroi-municipality-count-2015.pdf", "charleroi-municipality-count-2016.pdf"]
    text = PdfReader(tmp_path / "pdfs" / names[0]).pages[0].extract_text()
    assert "Charleroi and its arrondissement, 2015" in text


def test_grid_png_and_its_name(capsys, tmp_path):
    code, out, err = _run(capsys, "export-png", "--grid", "year", "--years", "2015-2017", "--out", tmp_path)
    assert code == 0, err
    path = Path(out.strip())
    assert path.name == "belgium-municipality-count-2015-2017-grid-year.png"
    assert Image.open(path).width == 1600


def test_grid_svg_has_a_panel_per_year(capsys, tmp_path):
    out = tmp_path / "g.svg"
    code, _, err = _run(capsys, "export-png", "--grid", "year", "--format", "svg", "--view", "brussels", "--out", out)
    assert code == 0, err
    ids = [e.get("id") for e in ET.parse(out).getroot().iter() if (e.get("id") or "").startswith("panel-")]
    assert len(ids) == 4  # 2014–2017


def test_mp4_animation(capsys, tmp_path):
    import imageio_ffmpeg

    code, out, err = _run(capsys, "export-animation", "--format", "mp4", "--view", "brussels", "--cumulative",
                          "--out", tmp_path)
    assert code == 0, err
    path = Path(out.strip())
    assert path.name == "brussels-municipality-count-2014-2017-year-cumulative.mp4"
    frames, _seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 4


def test_publish_writes_a_folder_and_prints_the_embed_snippet(capsys, tmp_path):
    code, out, err = _run(capsys, "publish", "--view", "brussels", "--title", "Brussels", "--out", tmp_path / "site")
    assert code == 0, err
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "assets" / "leaflet" / "leaflet.js").is_file()
    assert '<iframe src="' in out and 'title="Brussels"' in out


@pytest.mark.parametrize(("args", "message"), [
    (["--breaks", "2,x"], "Class breaks must be numbers"),
    (["--breaks", "1,2,3,4,5,6"], "at most 4 breaks with the YlOrRd palette"),
    (["--k", "9"], "gives 1 to 5 classes, not 9"),
    (["--grid", "year", "--per", "year"], "do not go together"),
    (["--format", "svg", "--out", "{tmp}/x.png"], "give a .svg file or a folder"),
])
def test_bad_values_exit_2_with_one_line(capsys, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path)]
    code, out, err = _run(capsys, "export-png", *args)
    assert code == 2 and message in err and out == ""
    assert len(err.strip().splitlines()) == 1


def test_pdf_is_readable(capsys, tmp_path):
    out = tmp_path / "m.pdf"
    code, _, err = _run(capsys, "export-png", "--format", "pdf", "--note", "Note for print", "--out", out)
    assert code == 0, err
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert "Note for print" in reader.pages[0].extract_text()
