"""The honesty rules of DESIGN.md §4, checked on the committed ``data/incidents.csv``."""

from __future__ import annotations

import importlib.util
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import vocab
from geo.admin import boundaries
from geo.config import DATA_DIR, ROOT
from geo.errors import IncidentDataError
from geo.incidents import table
from geo.report.check import check_report
from tests.conftest import make_row
from tests.conftest import table as frame_of

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
#: Surnames in the research notes behind the documented rows (suspects, attackers, their
#: relatives, people questioned), some only in the addresses of pages that were not cited for
#: that reason. A test of absence: none may appear anywhere in the table, addresses included.
RESEARCH_NOTE_NAMES = ("El Bali", "Amri", "Attou", "Oulkadi", "Chouaa", "Asufi", "Makhoukhi",
                       "Kraiem", "Farisi", "Chaib", "El Ajmi", "Yaakoubi", "Bakkali", "Siraj",
                       "Kerai", "Hadfi", "Hafdi", "Belkacem", "Bouloudo", "El Abdi",
                       "Taketloune", "Hajaoui", "Aoumeur", "Dahmani", "Bendaoud", "Chadlioui",
                       "Mostefai", "Abdulmajd", "Khazzani", "Haddad", "Hussein")
#: "Firstname X." - how the Belgian press names suspects; no row may name anyone that way either.
INITIALLED_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)? [A-Z]\.(?=[\s,;)]|$)")
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
    assert tuple(raw.columns) == table.REPORT_COLUMNS
    assert tuple(_load_build().COLUMNS) == table.REPORT_COLUMNS
    assert set(table.REPORT_COLUMNS) == set(table.COLUMNS) | set(table.SOURCE_COLUMNS)


def test_build_script_regenerates_the_committed_csv():
    assert _load_build().render_csv() == CSV.read_text(encoding="utf-8")


def test_documented_rows_cite_a_source(raw):
    documented = raw[raw["provenance"] == "documented"]
    for r in documented.itertuples():
        assert re.search(r"https?://\S+", r.source), f"{r.site_id}: no address in its source"
        assert r.description.strip(), f"{r.site_id}: no description"


def test_at_least_50_events_documented_and_40_sites_placed_in_a_month(raw):
    documented = raw[raw["provenance"] == "documented"]
    assert documented["event_id"].nunique() >= 50
    # the monthly timeline places the sites known to the month or the day
    assert documented["date_precision"].isin(["month", "day"]).sum() >= 40
    # every documented event lies in the report's period
    assert documented["date"].between("2014-06-01", "2017-10-31").all()


def test_documented_rows_are_no_more_precise_than_their_sources(raw):
    documented = raw[raw["provenance"] == "documented"]
    assert set(documented["source_date_precision"]) <= set(vocab.DATE_PRECISIONS)
    assert set(documented["source_geo_precision"]) <= set(table.REPORT_GEO_PRECISIONS)
    for r in documented.itertuples():
        assert vocab.DATE_RANK[r.date_precision] <= vocab.DATE_RANK[r.source_date_precision], r.site_id
        assert vocab.GEO_RANK[r.geo_precision] <= vocab.GEO_RANK[r.source_geo_precision], r.site_id
    rec = raw[raw["provenance"] == "reconstructed"]
    assert (rec["source_date_precision"] == "").all() and (rec["source_geo_precision"] == "").all()


def test_the_loader_refuses_a_row_more_precise_than_its_sources():
    # The rule can fail: a day-dated row whose sources give the month, a municipality row whose
    # sources give the region, a documented row that does not say what its sources give, and a
    # reconstructed row that claims a source precision.
    frame = frame_of(
        make_row(site_id="A", event_id="A", source_date_precision="month"),
        make_row(site_id="B", event_id="B", source_geo_precision="region"),
        make_row(site_id="C", event_id="C", source_date_precision="", source_geo_precision=""),
        make_row(site_id="D", event_id="D", date="2016-01-01", date_precision="year",
                 provenance="reconstructed", source_date_precision="year"),
        make_row(site_id="E", event_id="E", date="2016-03-01", date_precision="month",
                 source_date_precision="month", geo_precision="region", municipality_nis="",
                 source_geo_precision="municipality"),  # coarser than its sources: fine
    )
    with pytest.raises(IncidentDataError) as err:
        table.validate_incidents(frame, name="t.csv")
    found = {(p.row, p.field) for p in err.value.problems}
    assert found == {(2, "date_precision"), (3, "geo_precision"), (4, "source_date_precision"),
                     (4, "source_geo_precision"), (5, "provenance")}


def test_every_report_figure_still_matches(typed):
    checked = check_report(typed)
    assert checked["matches"].all(), list(checked.loc[~checked["matches"], "figure"])


def test_reconstructed_rows_claim_no_more_than_the_report(raw):
    rec = raw[raw["provenance"] == "reconstructed"]
    assert len(rec) == 108 - len(raw[raw["provenance"] == "documented"])
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
    # the airport, Maalbeek and Central Station; the two knife attacks are known to their street
    # but no page read gives a position, so they are at municipality precision
    assert sorted(points["site_id"]) == ["S-2016-03-22-airport", "S-2016-03-22-maalbeek",
                                         "S-2017-06-20-central"]
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
    found = _names_in(text, REPORT_NAMES + CNN_NAMES + PUBLIC_RECORD_NAMES + RESEARCH_NOTE_NAMES)
    assert not found, f"person names in incidents.csv: {found}"
    raw = pd.read_csv(CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in ("place", "description"):
        initialled = [m for v in raw[column] for m in INITIALLED_NAME.findall(v)]
        assert not initialled, f"initialled names in {column}: {initialled}"


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
    assert INITIALLED_NAME.findall("arrest of Mohamed K. in Anderlecht") == ["Mohamed K."]
    assert not INITIALLED_NAME.findall("Boulevard Lambermont, Schaerbeek. Liège (2).")
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

