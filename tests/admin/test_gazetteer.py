"""The gazetteer: name normalisation, the alias file, the Brussels rule, ambiguity, immutability."""

from __future__ import annotations

import csv
import re
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import vocab
from geo.admin import boundaries, gazetteer, tables
from geo.admin.gazetteer import ALIAS_KINDS, ALIASES_CSV, AliasFileError, normalize


@pytest.fixture(scope="module")
def munis():
    return boundaries.municipalities()


def codes(name: str) -> list[str]:
    return [m.code for m in gazetteer.lookup(name)]


# --- normalize -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "variants",
    [
        ("Sint-Jans-Molenbeek", "St.-Jans-Molenbeek", "SINT JANS MOLENBEEK", "st jans-molenbeek"),
        ("Molenbeek-Saint-Jean", "Molenbeek-St-Jean", "molenbeek st. jean", "MOLENBEEK SAINT JEAN"),
        ("Sankt Vith", "ST VITH", "Saint-Vith", "St.Vith", "sankt-vith"),
        ("Liège", "Liege", "LIÈGE", " liege "),
        ("Sint-Agatha-Berchem", "St-Agatha-Berchem"),
        ("Berchem-Sainte-Agathe", "Berchem-Ste-Agathe", "Berchem Saint Agathe"),
        ("Fontaine-l'Evêque", "Fontaine-l’Evêque", "fontaine l eveque"),
    ],
)
def test_normalize_folds_case_accents_punctuation_and_saints(variants):
    assert len({normalize(v) for v in variants}) == 1


def test_normalize_examples():
    assert normalize("St.-Jans-Molenbeek") == "st jans molenbeek"
    assert normalize("Büllingen") == "bullingen"
    assert normalize("Œuvre  d’art") == "oeuvre d art"
    assert normalize("'s Gravenbrakel") == "s gravenbrakel"
    assert normalize("Saintes") == "saintes"  # a whole word only: Saintes (Tubize) stays itself
    assert normalize("") == ""
    assert normalize(" -- ") == ""


@given(st.text())
def test_normalize_is_idempotent_and_plain(text):
    key = normalize(text)
    assert normalize(key) == key
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)


# --- the alias file ------------------------------------------------------------------------------

def _alias_rows() -> list[dict[str, str]]:
    with ALIASES_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_alias_file_shape():
    with ALIASES_CSV.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == ["alias", "nis", "kind", "note"]
    rows = _alias_rows()
    assert rows
    for row in rows:
        assert row["kind"] in ALIAS_KINDS, row
        assert re.fullmatch(r"\d{5}", row["nis"]), row
        assert row["note"].strip(), row
        assert normalize(row["alias"]), row
    pairs = [(normalize(r["alias"]), r["nis"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "duplicate alias rows"


def test_every_alias_code_is_in_the_boundary_file(munis):
    known = set(munis["nis"])
    for row in _alias_rows():
        if row["kind"] == "region":
            assert row["nis"] in vocab.REGION_NAMES, row
        else:
            assert row["nis"] in known, row


def test_every_alias_resolves_to_its_code():
    for row in _alias_rows():
        assert row["nis"] in codes(row["alias"]), row


@pytest.mark.parametrize(
    ("names", "nis"),
    [
        (("Jumet", "Gosselies", "Marcinelle", "Gilly", "Montignies-sur-Sambre", "Marchienne-au-Pont",
          "Mont-sur-Marchienne", "Couillet"), "52011"),
        (("Laeken", "Laken", "Neder-Over-Heembeek", "Haren", "City of Brussels", "Bruxelles-Ville",
          "Brussel-Stad", "Ville de Bruxelles", "Maalbeek metro station", "Maelbeek",
          "Brussels Central Station", "Gare Centrale", "Jewish Museum of Belgium"), "21004"),
        (("Borgerhout", "Deurne", "Berchem", "Hoboken", "Merksem", "Wilrijk", "Ekeren", "Antwerp",
          "Anvers"), "11002"),
        (("Molenbeek", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "St.-Jans-Molenbeek"), "21012"),
        (("Brussels Airport", "Brussels National Airport", "Zaventem airport"), "23094"),
        (("Brussels South Charleroi Airport",), "52011"),
        (("Gare du Midi", "Brussels-South"), "21013"),
        (("Ghent", "Gand"), "44021"),
        (("Bruges", "Brugge"), "31005"),
        (("Ostend", "Ostende"), "35013"),
        (("Liege", "Liège", "Luik", "Lüttich"), "62063"),
        (("Louvain", "Leuven"), "24062"),
        (("Mechlin", "Malines"), "12025"),
        (("Courtrai",), "34022"),
        (("Mons", "Bergen"), "53053"),
        (("Namur", "Namen"), "92094"),
        (("Tournai", "Doornik"), "57081"),
    ],
)
def test_known_names(names, nis):
    for name in names:
        assert codes(name) == [nis], name


def test_heusden_is_ambiguous_and_includes_heusden_zolder():
    assert codes("Heusden") == ["44013", "71070"]
    assert codes("Zolder") == ["71070"]


@pytest.mark.parametrize(
    ("names", "nis"),
    [
        (("Eupen",), "63023"),
        (("Kelmis", "La Calamine"), "63040"),
        (("Lontzen",), "63048"),
        (("Raeren",), "63061"),
        (("Amel", "Amblève"), "63001"),
        (("Büllingen", "Bullange", "Buellingen"), "63012"),
        (("Burg-Reuland",), "63087"),
        (("Bütgenbach", "Butgenbach"), "63013"),
        (("Sankt Vith", "Saint-Vith", "ST VITH"), "63067"),
    ],
)
def test_german_speaking_municipalities(names, nis):
    for name in names:
        assert codes(name) == [nis], name
    assert codes(tables.german_names()[nis]) == [nis]


# --- the Brussels rule and other region names ----------------------------------------------------

@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Brussels", "04000"), ("Bruxelles", "04000"), ("Brussel", "04000"), ("BRÜSSEL", "04000"),
        ("Brussels-Capital Region", "04000"), ("Région de Bruxelles-Capitale", "04000"),
        ("Flanders", "02000"), ("Vlaanderen", "02000"), ("Flandre", "02000"),
        ("Wallonia", "03000"), ("Wallonie", "03000"), ("Wallonië", "03000"),
    ],
)
def test_region_names_resolve_to_the_region_only(name, region):
    found = gazetteer.lookup(name)
    assert [(m.code, m.level) for m in found] == [(region, "region")]


def test_brussels_rule_city_of_brussels_is_the_municipality():
    found = gazetteer.lookup("City of Brussels")
    assert [(m.code, m.level) for m in found] == [("21004", "municipality")]
    assert "21004" not in codes("Bruxelles")  # the official name gives way to the region


def test_ambiguous_name_returns_every_candidate():
    assert codes("Saint-Nicolas") == ["46021", "62093"]  # Sint-Niklaas, and Saint-Nicolas (Liège)
    assert codes("Sint-Niklaas") == ["46021"]
    assert codes("Mariakerke") == ["35013", "44021"]


def test_unknown_name_and_country_suffix():
    assert gazetteer.lookup("Atlantis") == []
    assert gazetteer.lookup("") == []
    assert codes("Jumet, Belgium") == ["52011"]
    assert codes("Charleroi (Belgique)") == ["52011"]


# --- english names, immutability, errors ----------------------------------------------------------

def test_english_names():
    names = gazetteer.english_names()
    assert names["11002"] == "Antwerp"
    assert names["35013"] == "Ostend"
    assert names["62063"] == "Liège"
    assert names["44021"] == "Ghent"
    assert names["31005"] == "Bruges"
    assert names["21004"] == "City of Brussels"
    names["11002"] = "changed"
    assert gazetteer.english_names()["11002"] == "Antwerp"  # a fresh dict every call


def test_gazetteer_is_shared_and_read_only():
    gaz = gazetteer.gazetteer()
    assert gaz is gazetteer.gazetteer()
    assert isinstance(gaz.index, MappingProxyType)
    with pytest.raises(TypeError):
        gaz.index["jumet"] = ()  # type: ignore[index]
    found = gaz.lookup("Jumet")
    found.clear()
    assert codes("Jumet") == ["52011"]


def _build(tmp_path, text: str, name: str = "aliases.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return gazetteer.gazetteer(aliases=path)


def test_malformed_alias_file_lists_every_problem(tmp_path):
    with pytest.raises(AliasFileError) as err:
        _build(tmp_path, "alias,nis,kind,note\nFoo,1234,section,x\nBar,52011,nickname,x\nBaz,52011,section,\n")
    message = str(err.value)
    assert len(err.value.problems) == 3
    assert "row 2" in message and "row 3" in message and "row 4" in message


def test_alias_with_unknown_code_is_refused(tmp_path):
    with pytest.raises(AliasFileError, match="99999"):
        _build(tmp_path, "alias,nis,kind,note\nNowhere,99999,section,not a municipality\n")
    with pytest.raises(AliasFileError, match="region code"):
        _build(tmp_path, "alias,nis,kind,note\nNowhere,52011,region,not a region\n", "other.csv")


def test_alias_file_is_read_again_when_edited(tmp_path):
    first = _build(tmp_path, "alias,nis,kind,note\nThe Black Country,52011,english,Charleroi's nickname\n")
    assert [m.code for m in first.lookup("Black Country")] == []
    assert [m.code for m in first.lookup("The Black Country")] == ["52011"]
    second = _build(tmp_path, "alias,nis,kind,note\nPays Noir,52011,city,\"Charleroi's region, loosely\"\n")
    assert second.lookup("The Black Country") == []
    assert [m.code for m in second.lookup("pays noir")] == ["52011"]


def test_missing_alias_file(tmp_path):
    with pytest.raises(AliasFileError, match="cannot be read"):
        gazetteer.gazetteer(aliases=tmp_path / "nope.csv")


def test_alias_file_with_wrong_header_is_refused(tmp_path):
    with pytest.raises(AliasFileError, match="header"):
        _build(tmp_path, "name,code\nJumet,52011\n")
