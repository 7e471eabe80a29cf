"""The category crosswalk: its coverage of the source vocabularies, forgiving matching, file problems."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import vocab
from geo.errors import CrosswalkFileError
from geo.io import crosswalk


def test_crosswalk_covers_the_source_vocabularies():
    table = crosswalk.crosswalk_table()
    assert list(table.columns) == list(crosswalk.CROSSWALK_COLUMNS)
    assert set(table["kind"]) <= set(vocab.KINDS)
    gtd = set(table.loc[table["source"] == "gtd", "source_value"])
    assert gtd == {"Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
                   "Hostage Taking (Barricade Incident)", "Facility/Infrastructure Attack",
                   "Unarmed Assault", "Hijacking", "Unknown"}
    acled = table[table["source"] == "acled"].set_index("source_value")["kind"]
    assert acled["Explosions/Remote violence"] == "attack"
    assert acled["Violence against civilians"] == "attack"
    assert acled["Arrests"] == "arrest_action"
    assert acled["Disrupted weapons use"] == "plot"
    assert {acled[v] for v in ("Riots", "Protests", "Battles", "Strategic developments",
                               "Looting/property destruction", "Other")} == {"other"}


def test_crosswalk_matching_is_forgiving_and_unknown_is_other():
    values = pd.Series(["  ARRESTATION ", "Attentat déjoué", "attentat dejoue", "Riots", "banana", ""])
    kind, note = crosswalk.map_kinds([("kind", values)], source="generic")
    assert kind.tolist() == ["arrest_action", "plot", "plot", "other", "other", "other"]
    assert note.tolist()[:4] == ["", "", "", ""]
    assert "'banana' is not in the crosswalk" in note.iat[4]
    assert note.iat[5] == "no category given: counted as 'other'"


def test_crosswalk_file_problems(tmp_path):
    bad = tmp_path / "crosswalk.csv"
    bad.write_text("source,source_field,source_value,kind,note\ngtd,attacktype1_txt,Hijacking,attak,\n"
                   "gtd,attacktype1_txt,hijacking,attack,\nnope,x,y,other,\n")
    with pytest.raises(CrosswalkFileError) as err:
        crosswalk.crosswalk_table(bad)
    text = str(err.value)
    assert "row 2, field 'kind'" in text and "row 3, field 'source_value': duplicate of row 2" in text
    assert "row 4, field 'source'" in text
