"""The committed foreign-fighter layer (``data/foreign_fighters.csv``) on the real 2019 boundaries."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from geo.admin import boundaries
from geo.config import DATA_DIR
from geo.layers import foreign_fighters as ff
from geo.layers.names import INITIALLED_NAME
from geo.layers.schema import COLUMNS, COUNTS
from tests.incidents.test_incident_data import CNN_NAMES, PUBLIC_RECORD_NAMES, REPORT_NAMES, RESEARCH_NOTE_NAMES

CSV = DATA_DIR / "foreign_fighters.csv"
CARD = DATA_DIR / "foreign_fighters.md"


@pytest.fixture(scope="module")
def layer() -> pd.DataFrame:
    return ff.load()


def test_the_file_loads_clean_with_its_columns(layer):
    raw = pd.read_csv(CSV, dtype=str, keep_default_na=False)
    assert tuple(raw.columns) == COLUMNS
    assert len(layer) == len(raw) >= 15
    assert set(layer["counts"]) <= set(COUNTS)


def test_the_four_places_of_the_report_are_covered(layer):
    units = set(layer["unit_nis"])
    assert "11002" in units  # Antwerpen
    assert "23088" in units  # Vilvoorde
    assert "04000" in units and {"21004", "21012", "21015", "21001"} <= units  # Brussels: region and municipalities
    charleroi = layer[layer["place"].str.contains("Charleroi")]
    assert len(charleroi) >= 2
    # Charleroi's published figures are for a judicial arrondissement: on record, inside Hainaut, never mapped
    assert set(charleroi["unit_nis"]) == {"50000"} and set(charleroi["coverage"]) == {"part"}


def test_the_leads_are_recorded_as_published(layer):
    april_2015 = layer[layer["series"] == "researchers-2015-04"].set_index("unit_nis")["count"]
    assert april_2015.to_dict() == {"04000": 83, "11002": 66, "23088": 28}
    jan_2016 = layer[layer["series"] == ff.DEFAULT_SERIES].set_index("unit_nis")["count"]
    assert jan_2016[["04000", "10000", "11002", "21004", "21012", "21015", "23088"]].tolist() == [
        197, 105, 93, 47, 47, 31, 27]


def test_no_person_is_named(layer):
    text = CSV.read_text(encoding="utf-8")
    listed = REPORT_NAMES + CNN_NAMES + PUBLIC_RECORD_NAMES + RESEARCH_NOTE_NAMES
    found = [n for n in listed if re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE)]
    assert not found
    assert not [m for v in layer["note"] + " " + layer["place"] for m in INITIALLED_NAME.findall(v)]


def test_every_row_cites_a_web_address_and_an_outlet(layer):
    assert layer["source_url"].str.match(r"https?://[^ ]+\.[a-z]{2,}/").all()
    assert (layer["outlet"] != "").all() and (layer["note"].str.len() > 40).all()


@pytest.mark.parametrize(("level", "known"), [
    ("municipality", {"11002": 93, "21004": 47, "21012": 47, "21015": 31, "23088": 27}),
    ("arrondissement", {"21000": 197}),
    ("province", {"04000": 197, "10000": 105}),
    ("region", {"02000": 195, "03000": 47, "04000": 197}),
])
def test_default_series_on_real_units(level, known):
    result = ff.by_unit(level)
    table = result.table.set_index("code")
    assert len(table) == len(boundaries.units(level))
    got = {code: int(n) for code, n in result.known.set_index("code")["count"].items()}
    assert got == known
    for code, n in known.items():
        assert table.loc[code, "per_100k"] == pytest.approx(n / table.loc[code, "population"] * 1e5)
    # figures for larger units are reported as not known here, never spread
    placed_rows = set(result.known["row_id"])
    assert placed_rows.isdisjoint(result.not_placed["row_id"])
    assert len(placed_rows) + len(result.not_placed) == 9


def test_a_province_figure_is_not_spread_over_its_municipalities():
    result = ff.by_unit("municipality")
    table = result.table.set_index("code")
    mechelen = table.loc["12025"]
    assert pd.isna(mechelen["count"]) and mechelen["status"] == "only_coarser" and mechelen["figure_unit"] == "10000"
    assert table.loc["52011", "status"] == "only_coarser" and table.loc["52011", "figure_unit"] == "03000"
    reasons = dict(zip(result.not_placed["row_id"], result.not_placed["reason_code"]))
    assert reasons == {"FF10": "coarser", "FF11": "coarser", "FF12": "coarser", "FF18": "coarser"}


def test_charleroi_figures_are_never_a_value_for_hainaut(layer):
    for series in ("official-2017-04", "official-returnees-2017-04"):
        charleroi = layer[(layer["series"] == series) & layer["place"].str.contains("Charleroi")]["row_id"].item()
        for level in ("municipality", "province"):
            result = ff.by_unit(level, series=series)
            assert result.table.set_index("code").loc["50000" if level == "province" else "52011", "status"] == "none"
            assert dict(zip(result.not_placed["row_id"], result.not_placed["reason_code"]))[charleroi] == "part"


def test_hainaut_has_a_returnee_figure_and_charleroi_only_hainauts():
    # The one published figure for the whole province of Hainaut (50000) counts returnees, October 2017;
    # Charleroi (52011) has none of its own: at municipality level it points to Hainaut's, never a share.
    series = "official-returnees-2017-10"
    provinces = ff.by_unit("province", series=series)
    known = provinces.known.set_index("code")
    assert known["count"].to_dict() == {"50000": 8, "10000": 21, "90000": 2}
    assert set(provinces.known["counts"]) == {"returned"} and provinces.not_placed.empty
    table = provinces.table.set_index("code")
    assert table.loc["50000", "per_100k"] == pytest.approx(8 / table.loc["50000", "population"] * 1e5)
    municipalities = ff.by_unit("municipality", series=series).table.set_index("code")
    charleroi = municipalities.loc["52011"]
    assert pd.isna(charleroi["count"]) and charleroi["status"] == "only_coarser" and charleroi["figure_unit"] == "50000"
    # the default series still knows Hainaut only through the Walloon region
    assert ff.by_unit("province").table.set_index("code").loc["50000", "figure_unit"] == "03000"


def test_an_arrondissement_figure_on_real_units():
    result = ff.by_unit("arrondissement", series="official-returnees-2017-04")
    known = result.known.set_index("code")
    assert known["count"].to_dict() == {"21000": 63, "23000": 6}
    assert known.loc["23000", "precision"] == "arrondissement"
    municipalities = ff.by_unit("municipality", series="official-returnees-2017-04").table.set_index("code")
    assert municipalities.loc["23088", "status"] == "only_coarser" and municipalities.loc["23088", "figure_unit"] == "23000"


def test_series_summary_and_card(layer):
    summary = ff.series_summary(layer)
    assert summary["rows"].sum() == len(layer)
    assert ff.DEFAULT_SERIES in set(summary["series"])
    card = CARD.read_text(encoding="utf-8")
    for series in summary["series"]:
        assert f"`{series}`" in card, series
    for counts in COUNTS:
        assert f"`{counts}`" in card, counts


def test_repeated_calls_share_the_work_but_not_the_tables():
    first = ff.by_unit("province")
    first.table.loc[:, "count"] = pd.NA  # a caller changing its copy
    again = ff.by_unit("province")
    assert int(again.known.set_index("code").loc["10000", "count"]) == 105
