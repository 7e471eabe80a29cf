"""The result of an import: the rejected-rows download is defused."""

from __future__ import annotations

import io

import pandas as pd

from geo import i18n
from geo.io.pipeline import import_table
from geo.io.result import rejected_csv


def test_rejected_csv_download_is_defused():
    raw = pd.DataFrame({"id": ["a", "b", "c"], "date": ["=1+1", "-2", "@SUM(A1)"], "note": ["+cmd", "-3.5", "x"]})
    result = import_table(raw, filename="f.csv")
    data = result.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(back.columns[:3]) == ["row", "field", "reason"]
    assert len(back) == 3
    assert back["date"].tolist() == ["'=1+1", "-2", "'@SUM(A1)"]
    assert back["note"].tolist() == ["'+cmd", "-3.5", "x"]
    assert rejected_csv(result.rejected) == data


def test_the_preview_is_in_the_reader_language_and_leaves_an_unknown_count_empty():
    raw = pd.DataFrame({"date": ["2016-03-22", "2016-05", "2016-13-40"], "place": ["Zaventem", "Gent", "Liège"],
                        "kind": ["attack", "arrest", "attack"], "killed": ["16", "", "1"]})
    with i18n.using("en"):
        result = import_table(raw, filename="f.csv")
        english = result.preview()
    with i18n.using("fr"):
        french = result.preview()
        reason = import_table(raw, filename="f.csv").rejected["reason"].iloc[0]
    assert list(english.columns) == ["row", "date", "date precision", "municipality", "precision", "kind",
                                     "location from", "killed", "injured"]
    assert list(french.columns) == ["ligne", "date", "précision de la date", "commune", "précision", "type",
                                    "lieu trouvé par", "tués", "blessés"]
    assert english["date precision"].tolist() == ["day", "month"]
    assert french["précision de la date"].tolist() == ["jour", "mois"]
    assert french["type"].tolist()[0] == "Attentat"
    assert english["killed"].tolist() == ["16", ""]  # not known: empty, never 0 nor "None"
    assert reason == "le mois 13 n'existe pas (trouvé '2016-13-40')"
