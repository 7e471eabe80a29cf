"""City pages count only what concerns the city: the map's "not shown" caption and the provenance
note (not the national figures), and the report's Brussels figure is quoted with its period."""

from __future__ import annotations

import pandas as pd

from geo.incidents import within
from geo.incidents.table import load_incidents
from geo.maps import views
from geo.report import figures
from tests.ui.test_app import run_page


def _captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_rows_concerning_brussels_are_its_municipalities_and_its_region_only_rows():
    rows = load_incidents()
    codes = views.view_codes("brussels")
    mine = within.concerning(rows, codes)
    region_only = (rows["geo_precision"] == "region")
    assert within.whole_regions(codes) == {"04000"}
    assert set(mine.loc[mine["geo_precision"] == "region", "region_nis"]) == {"04000"}
    assert len(mine[mine["geo_precision"] == "region"]) == int((region_only & (rows["region_nis"] == "04000")).sum())
    assert int((region_only & (rows["region_nis"] != "04000")).sum()) > 0  # Flanders and Wallonia: left out
    charleroi = within.concerning(rows, views.view_codes("charleroi"))
    assert (charleroi["geo_precision"] != "region").all() and len(charleroi) > 0


def test_brussels_says_not_shown_for_its_own_region_only_sites():
    rows = load_incidents()
    brussels_region_only = int(((rows["geo_precision"] == "region") & (rows["region_nis"] == "04000")).sum())
    national = int((rows["geo_precision"] == "region").sum())
    assert national > brussels_region_only
    text = _captions(run_page("brussels"))
    assert f"Not shown: {brussels_region_only} sites" in text, text
    assert f"Not shown: {national} sites" not in text


def test_charleroi_shows_no_national_not_shown_figure():
    text = _captions(run_page("charleroi"))
    assert "Not shown" not in text, text


def test_city_provenance_note_counts_the_citys_records():
    rows = load_incidents()
    brussels = within.concerning(rows, views.view_codes("brussels"))
    n = int((brussels["provenance"] == "reconstructed").sum())
    text = _captions(run_page("brussels"))
    assert f"Includes **{n} reconstructed** of {len(brussels)} records" in text, text


def test_the_reports_brussels_figure_comes_with_its_period_beside_a_2016_count():
    total = int(figures.published("brussels-62"))
    without = total - int(figures.published("brussels-detail-20"))
    text = " ".join(m.value for m in run_page("brussels", {"years": "2016-2016"}).markdown)
    assert f"The report, for all of Jun 2014 – Oct 2017: {without} of its {total} incidents" in text, text
    rows = load_incidents()
    in_2016 = rows[(rows["year"] == 2016) & (rows["region_nis"] == "04000")]
    assert f"**{len(in_2016)}** incident sites in the Brussels-Capital Region." in text
    assert isinstance(in_2016, pd.DataFrame)


def test_french_brussels_note_is_whole_sentences():
    text = " ".join(m.value for m in run_page("brussels", {"lang": "fr", "years": "2016-2016"}).markdown)
    assert "Le rapport, pour toute la période juin 2014 – oct. 2017" in text, text
