"""Column mappings: guessed from English, French and Dutch names, round-tripped, and checked
against the table (missing columns are named)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from geo.errors import MappingError
from geo.io.mapping import ColumnMapping, suggest_mapping
from geo.io.pipeline import import_table
from tests.io.helpers import FIXTURES, imported


def test_missing_required_columns_are_named():
    with pytest.raises(MappingError, match="GTD export but lacks the required column.*'iday'") as err:
        imported("gtd_missing_iday.csv")
    assert err.value.missing == ("iday",) and err.value.filename == "gtd_missing_iday.csv"
    raw = pd.DataFrame({"event_id_cnty": ["X1"], "event_type": ["Riots"], "sub_event_type": ["Mob violence"]})
    with pytest.raises(MappingError, match="ACLED export but lacks the required column.*'event_date'"):
        import_table(raw, filename="a.csv")
    with pytest.raises(MappingError, match="no date"):
        import_table(pd.DataFrame({"place": ["Gent"]}), filename="p.csv")
    with pytest.raises(MappingError, match="'Datum'"):
        import_table(pd.DataFrame({"date": ["2016"]}), mapping=ColumnMapping(date="Datum"),
                              filename="p.csv")


@pytest.mark.parametrize("columns, expected", [
    (["Nr", "Datum", "Gemeente", "Postcode", "Soort", "Omschrijving"],
     dict(id="Nr", date="Datum", places=("Gemeente",), postcode="Postcode", kind="Soort", description="Omschrijving")),
    (["Identifiant", "Date de l'incident", "Commune", "Code postal", "Catégorie", "Résumé", "Province"],
     dict(id="Identifiant", date="Date de l'incident", places=("Commune",), postcode="Code postal",
          kind="Catégorie", description="Résumé", areas=("Province",))),
    (["ID", "Incident date", "City", "Latitude", "Longitude", "Type", "Notes", "Country"],
     dict(id="ID", date="Incident date", places=("City",), lat="Latitude", lon="Longitude", kind="Type",
          description="Notes", country="Country")),
    (["jaar", "maand", "dag", "plaats"], dict(year="jaar", month="maand", day="dag", places=("plaats",))),
    (["lat", "place"], dict(places=("place",))),  # a latitude without a longitude is not guessed
])
def test_suggest_mapping_from_names(columns, expected):
    mapping = suggest_mapping(columns)
    for key, value in expected.items():
        assert getattr(mapping, key) == value, (key, mapping)
    assert mapping.preset is None


def test_mapping_round_trip_and_options():
    mapping = suggest_mapping(pd.read_csv(FIXTURES / "acled_belgium.csv", nrows=0).columns)
    assert ColumnMapping.from_dict(json.loads(json.dumps(mapping.to_dict()))) == mapping
    cli = ColumnMapping.from_dict({"date": "Datum", "places": "Gemeente, Plaats", "date_format": "%d-%m-%Y"})
    assert cli.places == ("Gemeente", "Plaats") and cli.date_format == "%d-%m-%Y"
    with pytest.raises(MappingError, match="unknown mapping field"):
        ColumnMapping.from_dict({"colour": "x"})
