"""geo.admin.lookup: the fast point → municipality lookup (the PointIndex a Boundaries object keeps
per level) gives the answers of a spatial join, and of boundaries.units_containing, including on
borders (the smallest code among touching units)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.admin import boundaries, lookup

N_RANDOM = 20_000
METHODS = ("grid", "tree", "auto")


def municipality_codes(lon, lat, *, level="municipality", **options) -> np.ndarray:
    """The lookup of the current boundary file's index of ``level``."""
    return boundaries.current().index(level).codes_at(lon, lat, **options)


@pytest.fixture(scope="module")
def munis() -> gpd.GeoDataFrame:
    return boundaries.municipalities()


@pytest.fixture(scope="module")
def random_points(munis) -> tuple[np.ndarray, np.ndarray]:
    minx, miny, maxx, maxy = munis.total_bounds
    rng = np.random.default_rng(20240322)
    return rng.uniform(minx, maxx, N_RANDOM), rng.uniform(miny, maxy, N_RANDOM)


@pytest.fixture(scope="module")
def sjoin_codes(munis, random_points) -> np.ndarray:
    lon, lat = random_points
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=boundaries.CRS)
    joined = gpd.sjoin(points, munis[["nis", "geometry"]], predicate="within", how="left")
    assert joined.index.is_unique  # no point within two municipalities
    codes = joined["nis"].to_numpy(dtype=object)
    return np.where(pd.isna(codes), None, codes)


def _brute_force(units: gpd.GeoDataFrame, lon, lat) -> list[str | None]:
    """Smallest code among every unit each point touches: no index, no grid."""
    geoms = units.geometry.values
    out = []
    for x, y in zip(lon, lat):
        touching = units["code"].to_numpy()[shapely.intersects_xy(geoms, x, y)]
        out.append(min(touching) if len(touching) else None)
    return out


@pytest.mark.parametrize("method", METHODS)
def test_random_points_match_a_spatial_join(random_points, sjoin_codes, method):
    lon, lat = random_points
    got = municipality_codes(lon, lat, method=method)
    assert got.dtype == object and got.shape == (N_RANDOM,)
    assert list(got) == list(sjoin_codes)
    inside = sum(c is not None for c in got)
    assert 0.4 * N_RANDOM < inside < 0.6 * N_RANDOM  # Belgium fills about half its bounding box


@pytest.mark.parametrize("cell", [0.02, 0.0137])
def test_answers_do_not_depend_on_the_cell_size(random_points, sjoin_codes, cell):
    lon, lat = random_points
    assert list(municipality_codes(lon, lat, method="grid", cell=cell)) == list(sjoin_codes)


def test_random_points_match_units_containing(random_points):
    lon, lat = random_points
    expected = boundaries.units_containing(shapely.points(lon, lat))
    assert list(municipality_codes(lon, lat)) == list(expected)


@pytest.mark.parametrize(
    ("lon", "lat", "nis"),
    [
        (4.4844, 50.8977, "23094"),  # Brussels Airport, Zaventem
        (4.3525, 50.8467, "21004"),  # Grand-Place, City of Brussels
        (4.3997, 51.2213, "11002"),  # Antwerpen
        (3.7174, 51.0543, "44021"),  # Gent
        (5.5734, 50.6451, "62063"),  # Liège
        (4.4446, 50.4108, "52011"),  # Charleroi
        (2.9186, 51.2300, "35013"),  # Oostende
    ],
)
@pytest.mark.parametrize("method", METHODS)
def test_known_places(lon, lat, nis, method):
    assert municipality_codes(np.array([lon]), np.array([lat]), method=method)[0] == nis


@pytest.mark.parametrize("method", METHODS)
def test_outside_belgium_and_missing_coordinates_answer_none(method):
    places = [
        (5.6909, 50.8514),  # Maastricht (inside Belgium's bounding box)
        (6.0839, 50.7753),  # Aachen
        (3.0573, 50.6292),  # Lille
        (6.1296, 49.6116),  # Luxembourg
        (2.0, 51.5),  # North Sea
        (2.3522, 48.8566),  # Paris, outside the grid
        (-200.0, 95.0),  # not a coordinate at all
        (np.nan, 50.85),
        (4.35, np.nan),
    ]
    lon, lat = np.array(places).T
    assert list(municipality_codes(lon, lat, method=method)) == [None] * len(places)


def test_empty_input():
    for method in METHODS:
        got = municipality_codes(np.array([]), np.array([]), method=method)
        assert got.dtype == object and got.shape == (0,)


def _border_points(munis: gpd.GeoDataFrame, n_pairs: int = 25) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of one municipality that the neighbour touches too (exactly on their border),
    for a sample of neighbouring pairs, plus every point where three municipalities meet among
    them."""
    geoms = munis.set_index("nis").geometry
    tree = shapely.STRtree(munis.geometry.values)
    left, right = tree.query(munis.geometry.values, predicate="touches")
    pairs = sorted({(munis["nis"].iat[a], munis["nis"].iat[b]) for a, b in zip(left, right) if a < b})
    rng = np.random.default_rng(5)
    chosen = [pairs[i] for i in rng.choice(len(pairs), size=n_pairs, replace=False)]
    chosen.append(("21004", "21012"))  # City of Brussels and Molenbeek
    xs, ys = [], []
    for a, b in chosen:
        coords = shapely.get_coordinates(geoms[a])
        on_both = coords[shapely.intersects_xy(geoms[b], coords[:, 0], coords[:, 1])]
        assert len(on_both), (a, b)
        pick = on_both[rng.choice(len(on_both), size=min(4, len(on_both)), replace=False)]
        xs.extend(pick[:, 0])
        ys.extend(pick[:, 1])
    return np.array(xs), np.array(ys)


@pytest.mark.parametrize("method", METHODS)
def test_border_points_go_to_the_smallest_touching_code(munis, method):
    lon, lat = _border_points(munis)
    units = boundaries.units("municipality")
    expected = _brute_force(units, lon, lat)
    touching = [int(shapely.intersects_xy(units.geometry.values, x, y).sum()) for x, y in zip(lon, lat)]
    assert min(touching) >= 2  # every constructed point is on a shared border
    got = municipality_codes(lon, lat, method=method)
    assert list(got) == expected
    assert list(got) == list(boundaries.units_containing(shapely.points(lon, lat)))


def test_a_spatial_join_within_finds_no_unit_for_border_points(munis):
    """Why the rule is needed: 'within' excludes the boundary, so sjoin answers nothing there."""
    lon, lat = _border_points(munis, n_pairs=5)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=boundaries.CRS)
    joined = gpd.sjoin(points, munis[["nis", "geometry"]], predicate="within", how="left")
    assert joined["nis"].isna().all()
    assert all(c is not None for c in municipality_codes(lon, lat))


def test_grid_cell_corners_are_answered_exactly(munis):
    """Points exactly on the grid's cell edges (where rounding of the cell index could bite)."""
    grid = boundaries.current().index("municipality").grid(lookup.CELL)
    rng = np.random.default_rng(11)
    i = rng.integers(0, grid.nx, 3000)
    j = rng.integers(0, grid.ny, 3000)
    lon, lat = grid.x0 + i * grid.cell, grid.y0 + j * grid.cell
    expected = boundaries.units_containing(shapely.points(lon, lat))
    assert list(municipality_codes(lon, lat, method="grid")) == list(expected)


@pytest.mark.parametrize("level", ["arrondissement", "province", "region"])
def test_other_levels_match_units_containing(random_points, level):
    lon, lat = (a[:4000] for a in random_points)
    expected = list(boundaries.units_containing(shapely.points(lon, lat), level=level))
    assert list(municipality_codes(lon, lat, level=level, method="tree")) == expected
    assert list(municipality_codes(lon, lat, level=level, method="grid", cell=0.02)) == expected


def test_codes_of_points_takes_geometries():
    geoms = gpd.GeoSeries([shapely.Point(4.4844, 50.8977), None, shapely.Point(), shapely.Point(2.0, 51.5),
                           shapely.box(4.30, 50.80, 4.50, 50.90)], crs=boundaries.CRS)
    got = boundaries.current().index().codes_of_points(geoms)
    assert list(got[:4]) == ["23094", None, None, None]
    assert got[4] == boundaries.units_containing(np.array([geoms.iloc[4]]))[0]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="same length"):
        municipality_codes(np.zeros(3), np.zeros(2))
    with pytest.raises(ValueError, match="level"):
        municipality_codes(np.zeros(1), np.zeros(1), level="street")
    with pytest.raises(ValueError, match="method"):
        municipality_codes(np.zeros(1), np.zeros(1), method="fast")


def test_cached_grid_is_read_only():
    grid = boundaries.current().index("municipality").grid(lookup.CELL)
    with pytest.raises(ValueError):
        grid.state[0] = 0
    stats = boundaries.current().index().grid_stats()
    assert stats["interior"] + stats["border"] + stats["outside"] == stats["cells"]
    assert stats["interior"] > stats["border"] > 0
