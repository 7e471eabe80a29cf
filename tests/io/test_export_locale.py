"""CSV downloads for people: in the reader's language, as that language's spreadsheets read them
(French and Dutch: ``;`` and a decimal comma; English: ``,`` and a point), values in words; and the
CSV for programs, the same in every language. One test opens a French CSV in LibreOffice Calc with a
Belgian French locale (``make system`` installs it) and reads the cells back."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pandas as pd
import pytest
from babel.numbers import parse_decimal

from geo.i18n import using
from geo.incidents import aggregate
from geo.incidents.table import validate_incidents
from geo.io import export
from tests.conftest import make_row, table

HYPERLINK = '=HYPERLINK("http://example.org/x","click")'


@pytest.fixture
def rows(tiny_incidents) -> pd.DataFrame:
    extra = validate_incidents(table(make_row(site_id="R1", event_id="R1", description=HYPERLINK, traveled="true",
                                              connection="local_cell", plot="true")), name="risky.csv")
    return pd.concat([tiny_incidents, extra], ignore_index=True)


def _cells(payload: bytes, sep: str) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline=""), delimiter=sep))


@pytest.mark.parametrize(("lang", "sep", "decimal"), [("fr", ";", ","), ("nl", ";", ","), ("en", ",", ".")])
def test_people_csv_uses_the_languages_separator_and_decimal_mark(rows, lang, sep, decimal):
    with using(lang):
        payload = export.incidents_csv(rows, labelled=True)
        labels = export.column_labels()
    back = _cells(payload, sep)
    assert len(back) == len(rows) and len(back[0]) == len(export.export_columns(rows)) - 1  # no region_nis
    charleroi = next(r for r in back if r[labels["site_id"]] == "S3")
    lat = charleroi[labels["lat"]]
    assert decimal in lat and ({",", "."} - {decimal}).isdisjoint(lat), lat
    assert float(parse_decimal(lat, locale=lang)) == pytest.approx(50.4086)


def test_french_csv_says_values_in_words(rows):
    with using("fr"):
        back = _cells(export.incidents_csv(rows, labelled=True), ";")
        labels = export.column_labels()
    by_site = {r[labels["site_id"]]: r for r in back}
    r1, s2 = by_site["R1"], by_site["S2"]
    assert r1[labels["kind"]] == "Action d'arrestation"
    assert r1[labels["plot"]] == "oui" and by_site["S1"][labels["plot"]] == "non"
    assert r1[labels["traveled"]] == "oui" and by_site["S1"][labels["traveled"]] == "inconnu"
    assert r1[labels["link"]] == "Lié" and r1[labels["connection"]] == "cellule locale"
    assert s2[labels["provenance"]] == "Reconstitué" and s2[labels["date_precision"]] == "année"
    assert s2[labels["geo_precision"]] == "région"
    assert s2[labels["region_name"]] == "Région de Bruxelles-Capitale"
    assert r1[labels["description"]] == "'" + HYPERLINK  # the spreadsheet guard holds
    text = "\n".join(";".join(r.values()) for r in back)
    for code in ("arrest_action", "reconstructed", "true", "linked", "Brussels-Capital Region", "04000"):
        assert code not in text, code


def test_dutch_counts_csv_writes_decimal_commas_and_yes_no(tiny_incidents):
    counted = aggregate.count_by_unit(tiny_incidents)
    with using("nl"):
        back = _cells(export.counts_csv(counted.table, labelled=True), ";")
        labels = export.column_labels()
    molenbeek = next(r for r in back if r[labels["code"]] == "21012")
    rate = counted.table.set_index("code").loc["21012", "per_100k"]
    assert molenbeek[labels["per_100k"]] == f"{rate:.3f}".replace(".", ",")
    assert molenbeek[labels["small"]] == "ja"


def test_csv_for_programs_keeps_codes_in_every_language(rows):
    with using("fr"):
        payload = export.incidents_csv(rows)
    back = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))
    assert {r["kind"] for r in back} == {"arrest_action", "attack"}
    assert {r["plot"] for r in back} == {"true", "false"}
    assert "04000" in {r["region_nis"] for r in back}
    assert all("," not in r["lat"] for r in back if r["lat"])


# --- a French spreadsheet opens it ------------------------------------------------------------

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is missing (make system installs libreoffice-calc-nogui)")
def test_a_french_csv_opens_as_columns_and_numbers_in_a_french_locale_spreadsheet(tiny_incidents, tmp_path):
    """LibreOffice Calc reads the file as a Belgian French spreadsheet does (field separator ``;``,
    locale fr-BE, UTF-8) and the cells come back as columns, numbers as numbers. The same file
    read with an English locale misreads the decimal commas: the test can tell."""
    import openpyxl

    counted = aggregate.count_by_unit(tiny_incidents)
    with using("fr"):
        (tmp_path / "comptes.csv").write_bytes(export.counts_csv(counted.table, labelled=True))
        labels = export.column_labels()

    def open_as(locale_id: int, out: str) -> list[list[object]]:
        subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                        f"--infilter=CSV:59,34,76,1,,{locale_id}", "--convert-to", "xlsx", "--outdir",
                        str(tmp_path / out), str(tmp_path / "comptes.csv")],
                       check=True, capture_output=True, timeout=120)
        sheet = openpyxl.load_workbook(tmp_path / out / "comptes.xlsx").active
        return [[c.value for c in row] for row in sheet.iter_rows()]

    cells = open_as(2060, "fr")  # 2060: French (Belgium)
    header = cells[0]
    assert header == [labels[c] for c in counted.table.columns]
    rows = {str(r[0]): dict(zip(header, r)) for r in cells[1:]}
    assert len(rows) == len(counted.table)
    molenbeek = rows["21012"]
    rate = counted.table.set_index("code").loc["21012", "per_100k"]
    assert isinstance(molenbeek[labels["per_100k"]], float)
    assert molenbeek[labels["per_100k"]] == pytest.approx(round(rate, 3))
    assert molenbeek[labels["count"]] == counted.table.set_index("code").loc["21012", "count"] == 2
    assert molenbeek[labels["small"]] == "oui"
    assert molenbeek[labels["name_fr"]] == "Molenbeek-Saint-Jean"
    # an English-locale spreadsheet would misread the same cell
    english = {str(r[0]): r for r in open_as(1033, "en")[1:]}
    assert english["21012"][header.index(labels["per_100k"])] != pytest.approx(round(rate, 3))


# --- where the app offers them -------------------------------------------------------------------

def test_the_data_page_offers_the_csv_for_programs_and_the_embed_snippet_is_in_french():
    from streamlit.testing.v1 import AppTest

    from tests.ui.test_app import DOWNLOADS_PANEL

    at = AppTest.from_string(DOWNLOADS_PANEL.format(key="data", view=None), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Incidents CSV", "CSV for programs (codes)", "GeoJSON"} <= labels, labels
    at = AppTest.from_string(DOWNLOADS_PANEL.format(key="belgium", view="belgium"), default_timeout=60)
    at.query_params["lang"] = "fr"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    snippet = next(t.value for t in at.text_area if "<iframe" in t.value)
    assert 'src="https://VOTRE-SITE/carte-atlas/index.html"' in snippet and "YOUR" not in snippet
