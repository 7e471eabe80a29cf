"""Downloads (CSV, GeoJSON, file names) and the export commands of the CLI."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PIL import Image  # noqa: E402

from geo import text
from geo.cli import common
from geo.cli.main import main as cli_main
from geo.config import ROOT
from geo.incidents import aggregate  # noqa: E402
from geo.incidents.table import COLUMNS, validate_incidents  # noqa: E402
from geo.io import export
from geo.maps.model import MapSpec
from tests.conftest import make_row, table  # noqa: E402

HYPERLINK = '=HYPERLINK("http://example.org/x","click")'


@pytest.fixture
def risky(tiny_incidents) -> pd.DataFrame:
    rows = [
        make_row(site_id="R1", event_id="R1", description=HYPERLINK, place="@Molenbeek",
                 weapon="-knife", target="+police", date="2017-05-02"),
        make_row(site_id="R2", event_id="R2", description="Arrestation à Liège; café", place="Liège",
                 municipality_nis="62063", region_nis="03000", date="2014-07-01"),
    ]
    extra = validate_incidents(table(*rows), name="risky.csv")
    return pd.concat([tiny_incidents, extra], ignore_index=True)


def _read_csv(payload: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", keep_default_na=False,
                       dtype={"municipality_nis": str, "region_nis": str, "month": str})


# --- CSV -------------------------------------------------------------------------------------

def test_incidents_csv_round_trips_and_guards_formula_cells(risky):
    payload = export.incidents_csv(risky)
    assert payload.startswith(b"\xef\xbb\xbf")
    back = _read_csv(payload)
    assert list(back.columns) == [*COLUMNS, "year", "month", "city", "municipality_name", "region_name"]
    assert len(back) == len(risky)
    assert back["site_id"].tolist() == risky["site_id"].tolist()
    r1 = back.set_index("site_id").loc["R1"]
    assert r1["description"] == "'" + HYPERLINK
    assert r1["place"] == "'@Molenbeek" and r1["weapon"] == "'-knife" and r1["target"] == "'+police"
    # every other cell is the same value
    guarded = {"description", "place", "weapon", "target"}
    for col in back.columns:
        theirs = back[col] if col not in guarded else back[col].str.removeprefix("'")
        if col == "date":
            mine = risky[col].dt.strftime("%Y-%m-%d")
        elif col == "plot":
            assert back[col].dtype == bool
            mine = risky[col]
        else:
            mine = risky[col]
        if col in ("lat", "lon"):
            assert theirs.tolist() == pytest.approx(mine.tolist())
        else:
            assert theirs.astype(str).tolist() == mine.astype(str).tolist(), col
    # numbers stay numbers (unquoted, unguarded)
    assert back["n_arrested"].dtype.kind == "i" and back["lat"].dtype.kind == "f"
    assert "Arrestation à Liège; café" in payload.decode("utf-8-sig")


def test_negative_numbers_stay_numbers():
    frame = pd.DataFrame({"name": ["-x", "ok", "\tx", "\rx", "=1+1"], "value": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    back = _read_csv(export.counts_csv(frame))
    assert back["value"].tolist() == [-1.5, 2.0, 3.0, 4.0, 5.0]
    assert back["name"].tolist() == ["'-x", "ok", "'\tx", "'\rx", "'=1+1"]


def test_counts_csv_round_trips(tiny_incidents):
    counted = aggregate.count_by_unit(tiny_incidents)
    back = pd.read_csv(io.BytesIO(export.counts_csv(counted.table)), encoding="utf-8-sig",
                       dtype={"code": str}, keep_default_na=False)
    assert len(back) == len(counted.table) == 581
    assert back["code"].tolist() == counted.table["code"].tolist()
    assert back["count"].tolist() == counted.table["count"].tolist()
    assert back["per_100k"].tolist() == pytest.approx(counted.table["per_100k"].round(3).tolist())
    assert back["small"].tolist() == counted.table["small"].tolist()
    assert "true" in export.counts_csv(counted.table).decode("utf-8-sig")  # written as stored


# --- GeoJSON ---------------------------------------------------------------------------------

def test_geojson_round_trips_with_geopandas(risky):
    payload = export.incidents_geojson(risky)
    doc = json.loads(payload)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(risky)
    first = doc["features"][0]["properties"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", first["date"])
    assert isinstance(first["plot"], bool)
    back = gpd.read_file(io.BytesIO(payload))
    assert back.crs.to_epsg() == 4326
    assert len(back) == len(risky)
    assert back["site_id"].tolist() == risky["site_id"].tolist()
    assert back.geometry.x.tolist() == pytest.approx(risky["lon"].tolist())
    assert back.geometry.y.tolist() == pytest.approx(risky["lat"].tolist())
    assert back.set_index("site_id").loc["R1", "description"] == HYPERLINK  # not a spreadsheet
    assert {"year", "month", "city"} <= set(back.columns)


# --- file names ------------------------------------------------------------------------------

def test_safe_filename_examples():
    assert text.safe_filename("belgium-municipality-count-2016.png") == "belgium-municipality-count-2016.png"
    assert text.safe_filename("Liège / Luik") == "Liege-Luik"
    assert text.safe_filename("../../etc/passwd") == "etc-passwd"
    assert text.safe_filename("...") == "export"
    long = text.safe_filename("x" * 200 + ".png")
    assert len(long) == 80 and long.endswith(".png")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_safe_filename_is_always_safe(raw):
    name = text.safe_filename(raw)
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,80}", name)
    assert not name.startswith(".") and "/" not in name and "\\" not in name and ".." not in name


# --- CLI -------------------------------------------------------------------------------------

@pytest.fixture
def data_csv(tmp_path) -> Path:
    """Six sites over 2014–2017 (2015 empty in Charleroi), written as the loader expects."""
    rows = [
        make_row(site_id="A", event_id="A", date="2014-03-04"),
        make_row(site_id="B", event_id="B", date="2016-05-01", date_precision="month", municipality_nis="21001"),
        make_row(site_id="C", event_id="C", date="2016-01-01", date_precision="year", municipality_nis="",
                 geo_precision="region", provenance="reconstructed", source="report"),
        make_row(site_id="D", event_id="D", kind="attack", link="inspired", connection="", n_arrested="0",
                 date="2016-08-06", place="Charleroi", municipality_nis="52011", region_nis="03000"),
        make_row(site_id="E", event_id="E", date="2017-02-01", date_precision="month",
                 place="Antwerpen", municipality_nis="11002", region_nis="02000"),
        make_row(site_id="F", event_id="F", date="2015-06-07", description=HYPERLINK),
    ]
    path = tmp_path / "incidents.csv"
    table(*rows).to_csv(path, index=False)
    return path


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_choices_match_the_package():
    from geo.admin.boundaries import LEVELS
    from geo.maps.views import VIEWS

    assert common.VIEW_CHOICES == VIEWS and common.LEVEL_CHOICES == LEVELS


def test_export_png_writes_one_png(capsys, data_csv, tmp_path):
    out = tmp_path / "map.png"
    code, stdout, err = _run(capsys, "export-png", "--data", data_csv, "--view", "brussels", "--years", "2016",
                             "--kinds", "arrest_action", "--documented-only", "--out", out)
    assert code == 0, err
    assert stdout.strip() == str(out)
    img = Image.open(out)
    assert img.format == "PNG" and img.width == 1600


def test_export_png_into_a_folder_uses_a_default_name(capsys, data_csv, tmp_path):
    code, stdout, _ = _run(capsys, "export-png", "--data", data_csv, "--size", "print", "--metric", "per_100k",
                           "--level", "province", "--out", tmp_path)
    assert code == 0
    written = Path(stdout.strip())
    assert written.name == "belgium-province-per_100k-2014-2017.png"
    assert Image.open(written).width >= 2000


def test_export_png_per_year_writes_every_year(capsys, data_csv, tmp_path):
    folder = tmp_path / "years"
    code, stdout, _ = _run(capsys, "export-png", "--data", data_csv, "--per", "year", "--out", folder)
    assert code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"belgium-municipality-count-{y}.png" for y in (2014, 2015, 2016, 2017)]
    assert len(stdout.split()) == 4
    assert len({(folder / n).read_bytes() for n in names}) == 4


def _cities(data_csv) -> list[str]:
    from geo.incidents.table import load_incidents

    return sorted(load_incidents(data_csv)["city"].unique())


def test_export_png_per_city(capsys, data_csv, tmp_path):
    code, _, _ = _run(capsys, "export-png", "--data", data_csv, "--per", "city", "--out", tmp_path / "c")
    assert code == 0
    cities = _cities(data_csv)
    assert len(cities) == 3 and "Brussels" in cities
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == sorted(
        text.safe_filename(f"belgium-municipality-count-2014-2017-{text.slug(c)}.png".lower()) for c in cities)


def test_export_animation_writes_a_gif(capsys, data_csv, tmp_path):
    out = tmp_path / "anim.gif"
    code, stdout, err = _run(capsys, "export-animation", "--data", data_csv, "--view", "brussels",
                             "--cumulative", "--out", out)
    assert code == 0, err
    assert Image.open(out).n_frames == 4
    code, _, err = _run(capsys, "export-animation", "--data", data_csv, "--period", "month", "--out", out)
    assert code == 0, err
    assert Image.open(out).n_frames == 36  # 2014-03 .. 2017-02; the year-only row is left out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--years", "20x6"], "--years must be YYYY or YYYY-YYYY"),
        (["--years", "2017-2015"], "first year is after the last"),
        (["--years", "2020"], "the data covers 2014–2017"),
        (["--cities", "Nowhere"], "unknown city 'Nowhere'; cities in the data: {cities}"),
        (["--kinds", "bombing"], "unknown kind 'bombing'; kinds: attack, arrest_action"),
        (["--links", "direct"], "unknown link 'direct'"),
        (["--view", "brussels", "--level", "province"], "the brussels view shows level(s) municipality"),
        (["--per", "year", "--out", "{tmp}/x.png"], "--out is a folder"),
        (["--out", "{tmp}/no/such/folder/x.png"], "not an existing folder"),
        (["--out", "{tmp}/x.txt"], "give a .png file or a folder"),
    ],
)
def test_export_png_bad_values_exit_2_with_one_line(capsys, data_csv, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    message = message.replace("{cities}", ", ".join(_cities(data_csv)))
    if "--out" not in args:
        args += ["--out", str(tmp_path / "x.png")]
    code, stdout, err = _run(capsys, "export-png", "--data", data_csv, *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and stdout == ""
    assert not (tmp_path / "x.png").exists()


def test_unknown_view_is_an_argparse_error(capsys, data_csv, tmp_path):
    with pytest.raises(SystemExit) as exc:
        cli_main(["export-png", "--data", str(data_csv), "--view", "gent", "--out", str(tmp_path / "x.png")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'gent'" in err and len(err.strip().splitlines()) == 1


def test_cli_as_a_process(tmp_path):
    bad = subprocess.run([sys.executable, "-m", "geo", "export-png", "--view", "nowhere", "--out",
                          str(tmp_path / "x.png")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--view" in bad.stderr


def test_real_data_renders_when_present(tmp_path):
    """data/incidents.csv (written separately) renders with its honesty lines, when it loads."""
    from geo.errors import IncidentDataError
    from geo.incidents import table
    from geo.maps.png import choropleth

    try:
        data = table.load_incidents()
    except IncidentDataError as exc:
        pytest.skip(f"data/incidents.csv not usable yet: {str(exc).splitlines()[0]}")
    rendered = choropleth.render_map(data, MapSpec(view="belgium"))
    recon = int((data["provenance"] == "reconstructed").sum())
    assert rendered.captions[1].startswith(f"Includes {recon:,} reconstructed record")
    region_only = int((data["geo_precision"] == "region").sum())
    assert sum(int(n.split()[0]) for n in rendered.notes) == region_only
    assert Image.open(io.BytesIO(rendered.data)).width == 1600
