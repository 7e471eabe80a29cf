"""The honesty rules of DESIGN.md §4, checked on the committed ``data/incidents.csv``."""

from __future__ import annotations

import importlib.util
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.admin import boundaries
from geo.config import DATA_DIR, ROOT
from geo.incidents import table

CSV = DATA_DIR / "incidents.csv"
BUILD = DATA_DIR / "build_incidents.py"
SEEDS = ROOT.parent / "shared" / "seeds"

#: People named in the report's text (the seed): checked against it below when it is present.
REPORT_NAMES = ("Nemmouche", "Abaaoud", "Abdeslam", "Bakraoui", "Chaib", "Kriket", "Kassim",
                "Jadaoun", "Attar", "Baghdadi")
#: People named in the CNN article (the other seed).
CNN_NAMES = ("Hagaoui", "Oussaih", "Bounekoub", "Hakimi", "Kouachi", "Merah")
#: People named in the public reports on the documented events (suspects, attackers, the dead).
PUBLIC_RECORD_NAMES = ("Abrini", "Krayem", "Laachraoui", "Ameroud", "Belkaid", "Cheffou",
                       "Babbouri", "Diop", "Saouti", "Karay", "Amghar", "Choukri", "Alaaoui",
                       "Aberkan", "Ayari")
#: "Zerkani" is allowed only inside the network name of Table 1.
ALLOWED_PHRASES = ("Zerkani network",)


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return pd.read_csv(CSV, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def typed() -> pd.DataFrame:
    return table.load_incidents()


def _load_build():
    spec = importlib.util.spec_from_file_location("build_incidents", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_loads_and_validates(typed):
    assert len(typed) == 108
    assert typed["event_id"].nunique() == 107


def test_columns_are_the_loaders(raw):
    assert tuple(raw.columns) == table.COLUMNS
    assert tuple(_load_build().COLUMNS) == table.COLUMNS


def test_build_script_regenerates_the_committed_csv():
    assert _load_build().render_csv() == CSV.read_text(encoding="utf-8")


def test_documented_rows_cite_a_source(raw):
    documented = raw[raw["provenance"] == "documented"]
    assert len(documented) >= 10
    for r in documented.itertuples():
        assert re.search(r"https?://\S+", r.source), f"{r.site_id}: no address in its source"
        assert r.description.strip(), f"{r.site_id}: no description"


def test_reconstructed_rows_claim_no_more_than_the_report(raw):
    rec = raw[raw["provenance"] == "reconstructed"]
    assert len(rec) == 98
    assert set(rec["geo_precision"]) <= {"municipality", "region"}
    assert set(rec["date_precision"]) <= {"year", "month"}
    assert (rec["lat"] == "").all() and (rec["lon"] == "").all()
    assert rec["source"].str.startswith("CTC report").all()
    assert rec["description"].str.contains("reconstructed").all()
    assert (rec["kind"] == "arrest_action").all()


def test_only_attacks_on_public_places_carry_a_point(raw):
    points = raw[raw["lat"] != ""]
    assert (points["kind"] == "attack").all()
    assert (points["geo_precision"] == "point").all()
    arrests = raw[raw["kind"] == "arrest_action"]
    assert (arrests["lat"] == "").all() and (arrests["lon"] == "").all()


def test_attack_points_fall_in_their_municipality(raw):
    points = raw[raw["geo_precision"] == "point"]
    assert len(points) == 5
    geoms = gpd.GeoSeries([shapely.Point(float(x), float(y))
                           for x, y in zip(points["lon"], points["lat"])], crs="EPSG:4326")
    got = boundaries.units_containing(geoms)
    assert list(got) == list(points["municipality_nis"])
    # Coordinates are given to 4-5 decimals, never more (no false precision).
    for v in pd.concat([points["lat"], points["lon"]]):
        assert 4 <= len(v.split(".")[1]) <= 5, v


def _names_in(text: str, names) -> list[str]:
    return [n for n in names if re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE)]


def test_no_person_is_named_in_the_table():
    text = CSV.read_text(encoding="utf-8")
    for phrase in ALLOWED_PHRASES:
        text = re.sub(re.escape(phrase), " ", text, flags=re.IGNORECASE)
    assert not _names_in(text, ("Zerkani",)), "'Zerkani' outside the network name"
    found = _names_in(text, REPORT_NAMES + CNN_NAMES + PUBLIC_RECORD_NAMES)
    assert not found, f"person names in incidents.csv: {found}"


def test_denylist_is_grounded_in_the_seeds():
    report = sorted(SEEDS.glob("004_*.txt"))
    cnn = sorted(SEEDS.glob("000_*.txt"))
    if not report or not cnn:
        pytest.skip("the seed texts are not beside the project")
    report_text, cnn_text = report[0].read_text(encoding="utf-8"), cnn[0].read_text(encoding="utf-8")
    assert _names_in(report_text, REPORT_NAMES) == list(REPORT_NAMES)
    assert _names_in(cnn_text, CNN_NAMES) == list(CNN_NAMES)
    assert "Zerkani network" in report_text


def test_the_denylist_catches_a_name():
    # The check must be able to fail: a description naming a person is caught.
    text = "E-1,...,Arrest of Salah Abdeslam in Molenbeek;Zerkani network"
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    assert _names_in(text, REPORT_NAMES) == ["Abdeslam"]
    assert not _names_in("Table 1: Zerkani network".replace("Zerkani network", " "), ("Zerkani",))


def test_event_attributes_agree_across_sites(raw):
    for event_id, sites in raw.groupby("event_id"):
        for field in table.EVENT_FIELDS:
            assert sites[field].nunique() == 1, (event_id, field)
    march = raw[raw["event_id"] == "E-2016-03-22-attack"]
    assert sorted(march["municipality_nis"]) == ["21004", "23094"]
    assert sorted(march["target"]) == ["airport", "transport"]


def test_attacks_follow_the_conventions(raw):
    attacks = raw[raw["kind"] == "attack"]
    assert (attacks["n_arrested"] == "0").all()
    assert (attacks["plot"] == "false").all()
    assert (attacks["connection"] == "").all() and (attacks["networks"] == "").all()
    assert (attacks["provenance"] == "documented").all()
    assert (attacks["date_precision"] == "day").all()

