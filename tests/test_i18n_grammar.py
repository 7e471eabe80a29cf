"""French and Dutch sentences the atlas composes read as whole sentences: no "de le fichier", no
"de enregistrements", a space before the French semicolon of an exported footer. Each was a
glued piece; each is now one message with placeholders (lists through Babel's format_list)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.i18n import using
from geo.incidents import readable
from geo.maps.model import captions
from tests.conftest import make_row, table
from tests.ui.test_app import run_page
from tests.ui.test_trust import imported  # noqa: F401  (the fixture: a saved dataset with no reconstructed rows)


def _imported_rows() -> pd.DataFrame:
    frame = table(make_row(site_id="I1", event_id="I1", provenance="imported"),
                  make_row(site_id="I2", event_id="I2", provenance="imported"))
    return frame


def test_french_says_du_fichier_not_de_le_fichier():
    with using("fr"):
        text = " ".join(readable.provenance_sentences(_imported_rows(), source_name="`x.csv`"))
        bare = " ".join(readable.provenance_sentences(_imported_rows()))
    assert "proviennent du fichier `x.csv`" in text and "de le" not in text, text
    assert "proviennent d'un fichier importé" in bare and "de un" not in bare, bare
    with using("nl"):
        assert "uit het bestand `x.csv`" in " ".join(readable.provenance_sentences(_imported_rows(),
                                                                                   source_name="`x.csv`"))


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "Comprend 1 enregistrement reconstitué (sur 2) ; les filtres excluent 2 autres enregistrements"),
    ("en", "Includes 1 reconstructed record (of 2); the filters leave out 2 other reconstructed records"),
])
def test_the_exported_footer_puts_a_space_before_the_french_semicolon(lang, expected):
    rows = pd.DataFrame({"provenance": ["reconstructed", "documented"]})
    with using(lang):
        line = captions.reconstructed_line(rows, total_reconstructed=3)
    assert line.startswith(expected), line


def test_the_sidebar_lists_what_a_dataset_does_not_record_in_french(imported):  # noqa: F811
    at = run_page("overview", {"dataset": imported, "lang": "fr"})
    text = " ".join(c.value for c in at.sidebar.caption)
    assert "de enregistrements" not in text and "et pas de" not in text, text
    assert "n'a donc pas de filtre pour elles : " in text and "enregistrements reconstitués." in text, text


# --- no English left on French and Dutch screens ------------------------------------------------

def test_the_networks_page_names_the_reports_networks_in_french():
    at = run_page("networks", {"lang": "fr"})
    shown = at.dataframe[0].value
    names = set(shown[shown.columns[0]])
    assert {"réseau Zerkani", "cellule de Paris", "réseau tchétchène d'Ostende"} <= names, names
    assert "Zerkani network" not in names
    assert "cellule de Paris" in at.selectbox(key="p_network").options
    assert any(c.value.startswith("Tableau 1 du rapport, calculé à partir des données : actions") for c in at.caption)


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", {"Skip to main content": "Aller au contenu principal", "Upload": "Parcourir",
            "Collapse sidebar": "Replier la barre latérale", "file upload": "Choisir un fichier à importer"}),
    ("nl", {"Skip to main content": "Naar de hoofdinhoud", "Upload": "Bladeren",
            "Collapse sidebar": "Zijbalk inklappen", "file upload": "Kies een bestand om te importeren"}),
])
def test_streamlits_own_words_are_given_in_the_readers_language(lang, words):
    import json
    import re

    from geo.ui import theme

    with using(lang):
        table = theme.streamlit_words()
        script = theme.words_html()
    for english, said in words.items():
        assert table["exact"][english] == said
    assert table["start"] != "start" and "{label}" in table["help"] and "{n}" in table["perFile"]
    left = [v for v in table["exact"].values() if re.search(r"\b(the|sidebar|upload|file|columns?|screen)\b", v, re.I)]
    assert not left, left
    payload = script.split("window.atlasWords = ", 1)[1].split(";\n", 1)[0]
    assert json.loads(payload) == table and "</" not in payload
    with using("en"):
        assert theme.words_html() == ""  # Streamlit's words are English already


def test_the_import_preview_says_its_notes_in_french():
    from geo.config import ROOT
    from geo.io import pipeline

    fixture = ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv"
    with using("fr"):
        result = pipeline.import_file(fixture, filename=fixture.name)
        preview = result.preview(50)
        notes = " | ".join(map(str, preview.to_numpy().ravel()))
    assert "hors de Belgique (48.8" in notes, notes
    assert "GTD specificity 2\u00a0: précision ramenée à «\u00a0commune\u00a0»" in notes, notes
    assert "GTD specificity 5\u00a0: coordonnées non utilisées ; aucune commune ne porte ce nom" in notes, notes
    for english in ("outside Belgium", "precision", "counted as 'other'", "not in the crosswalk"):
        assert english not in notes, english


@pytest.mark.parametrize(("stored", "french"), [
    ("no category column mapped: counted as 'other'", "aucune colonne de catégorie choisie\u00a0: compté comme «\u00a0autre\u00a0»"),
    ("outside Belgium (48.85661, 2.35222); read as longitude, latitude it would be in Charleroi (52011): "
     "are the columns swapped?", "hors de Belgique (48.85661, 2.35222) ; lu comme longitude, latitude, il serait à "
     "Charleroi (52011)\u00a0: les colonnes sont-elles inversées\u00a0?"),
    ("a clause no table knows", "a clause no table knows"),
])
def test_a_stored_note_is_said_clause_by_clause(stored, french):
    from geo.io.note_words import note_words

    with using("fr"):
        assert note_words(stored) == french


def test_the_reports_english_words_are_marked_as_english_on_french_pages():
    data = run_page("data", {"lang": "fr"})
    columns = list(data.dataframe[0].value.columns)
    assert "Description (en anglais)" in columns and "Source (en anglais)" in columns, columns
    check = run_page("report_check", {"lang": "fr"})
    assert any(c.endswith("(en anglais)") for c in check.dataframe[0].value.columns), check.dataframe[0].value.columns
    english = run_page("data")
    assert "Description" in english.dataframe[0].value.columns  # English readers need no mark


def test_an_imported_datasets_descriptions_are_not_marked(imported):  # noqa: F811
    columns = list(run_page("data", {"lang": "fr", "dataset": imported}).dataframe[0].value.columns)
    assert "Description" in columns and not any("anglais" in c for c in columns), columns


def test_the_timeline_says_its_months_in_words():
    import json

    from tests.ui.test_app import maps_of

    at = run_page("timeline", {"lang": "fr", "step": "month"})
    model = json.dumps(maps_of(at)[0], ensure_ascii=False)
    assert '"label": "août 2015"' in model and '"label": "2015-08"' not in model
    assert at.caption[0].value.startswith("janvier 2015\u00a0: "), at.caption[0].value
    nl = json.dumps(maps_of(run_page("timeline", {"lang": "nl", "step": "month"}))[0], ensure_ascii=False)
    assert '"label": "augustus 2015"' in nl
