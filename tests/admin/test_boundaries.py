from __future__ import annotations

import ast
import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from geo.admin import boundaries
from geo.errors import BoundaryFileError


def test_municipalities_are_the_2019_set_valid_and_typed():
    munis = boundaries.municipalities()
    assert len(munis) == 581
    assert munis.crs.to_epsg() == 4326
    assert set(munis.geom_type) <= {"Polygon", "MultiPolygon"}
    assert munis.is_valid.all()
    assert munis["nis"].str.fullmatch(r"\d{5}").all()
    assert munis["nis"].is_unique
    assert {"21012", "21015", "52011", "23094"} <= set(munis["nis"])
    assert munis["population"].gt(0).all()
    assert munis.loc[munis["nis"] == "21004", "name_nl"].item() == "Brussel"


def test_a_copy_is_returned_each_time():
    first = boundaries.municipalities()
    first["extra"] = 1
    assert "extra" not in boundaries.municipalities()


@pytest.mark.parametrize("level, n", [("municipality", 581), ("arrondissement", 42), ("province", 11), ("region", 3)])
def test_levels_cover_belgium_with_the_same_population(level, n):
    units = boundaries.units(level)
    assert len(units) == n
    assert units["population"].sum() == boundaries.municipalities()["population"].sum()
    assert units["name_nl"].notna().all() and units["name_fr"].notna().all()
    assert units.is_valid.all()


def test_brussels_is_its_own_unit_at_province_level():
    provinces = boundaries.units("province").set_index("code")
    assert provinces.loc["04000", "name_fr"] == "Région de Bruxelles-Capitale"


def test_web_copy_is_lighter_and_keeps_neighbours_gap_free():
    full = boundaries.units("municipality")
    web = boundaries.web_units("municipality")
    assert len(web) == len(full)
    assert shapely.get_num_coordinates(web.geometry.values).sum() < 0.7 * shapely.get_num_coordinates(full.geometry.values).sum()
    # no overlaps: the parts add up to the whole (to 0.1%)
    assert shapely.area(web.geometry.values).sum() == pytest.approx(shapely.union_all(web.geometry.values).area, rel=1e-3)
    # no slivers opened between neighbours: the union has (almost) no holes the original lacks
    union = shapely.union_all(web.geometry.values)
    holes = sum(len(p.interiors) for p in getattr(union, "geoms", [union]))
    original_holes = sum(len(p.interiors) for p in getattr(shapely.union_all(full.geometry.values), "geoms", [shapely.union_all(full.geometry.values)]))
    assert holes <= original_holes


def test_known_points_fall_in_their_municipality():
    pts = np.array([Point(4.4844, 50.8977), Point(4.3772, 50.8434), Point(4.4467, 50.4086), Point(2.0, 51.5)])
    assert list(boundaries.units_containing(pts)) == ["23094", "21004", "52011", None]


def test_border_point_goes_to_the_smallest_code():
    munis = boundaries.municipalities().set_index("nis")
    shared = munis.loc["21012"].geometry.boundary.intersection(munis.loc["21004"].geometry.boundary)
    point = shapely.get_point(shapely.get_parts(shared)[0] if shared.geom_type != "LineString" else shared, 0)
    got = boundaries.units_containing(np.array([point]))
    assert got[0] == "21004"


def test_env_var_pointing_nowhere_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv(boundaries.ENV_VAR, str(tmp_path / "nope.json"))
    with pytest.raises(BoundaryFileError, match="no file there"):
        boundaries.boundary_file()


def test_corrupt_file_gets_a_clear_error(monkeypatch, tmp_path):
    bad = tmp_path / "belgium.json"
    bad.write_text('{"type": "Topology", "objects": {}')
    monkeypatch.setenv(boundaries.ENV_VAR, str(bad))
    with pytest.raises(BoundaryFileError, match="Could not read layer"):
        boundaries.municipalities()


def test_missing_file_without_download_says_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.delenv(boundaries.ENV_VAR, raising=False)
    monkeypatch.setattr(boundaries, "SHARED_BOUNDARIES", tmp_path / "absent.json")
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(BoundaryFileError, match="Looked at") as err:
        boundaries.boundary_file(download=False)
    assert "absent.json" in str(err.value) and "make boundaries" in str(err.value)


def test_download_keeps_only_a_file_with_the_pinned_checksum(tmp_path):
    source = tmp_path / "upstream.json"
    source.write_bytes(b"not the boundaries")
    with pytest.raises(BoundaryFileError, match="sha256"):
        boundaries._download(tmp_path / "cache" / "b.json", url=source.as_uri())
    assert not (tmp_path / "cache" / "b.json").exists()
    good = hashlib.sha256(b"not the boundaries").hexdigest()
    got = boundaries._download(tmp_path / "cache" / "b.json", url=source.as_uri(), sha256=good)
    assert got.read_bytes() == b"not the boundaries"


@pytest.mark.parametrize("level", boundaries.LEVELS)
@pytest.mark.parametrize("tolerance, decimals", [(0.0008, 5), (0.0015, 4)])
def test_web_copies_hold_polygons_only(level, tolerance, decimals):
    web = boundaries.web_units(level, tolerance=tolerance, decimals=decimals)
    assert set(web.geom_type) <= {"Polygon", "MultiPolygon"}
    assert not web.geometry.is_empty.any()


# --- one Boundaries object per file, everything derived kept on it ------------------------------

def test_one_boundaries_object_per_file(tmp_path):
    current = boundaries.current()
    assert boundaries.current() is current
    assert boundaries.for_file(current.path) is current
    assert boundaries.for_file(str(current.path)) is current
    other = tmp_path / "belgium.json"
    other.write_bytes(current.path.read_bytes())
    copy = boundaries.for_file(other)
    assert copy is not current and copy is boundaries.for_file(other)
    assert copy.path == other.absolute()


def test_derived_parts_are_kept_on_the_object():
    current = boundaries.current()
    assert current.index("municipality") is current.index("municipality")
    assert current.index("region") is not current.index("municipality")
    assert current.municipality_records() is current.municipality_records()
    assert current.municipality_records()["21004"].name_fr == "Bruxelles"
    with pytest.raises(ValueError, match="level"):
        current.units("street")


def test_parts_are_built_once_when_threads_ask_together(tmp_path):
    """Streamlit runs sessions in threads: the first calls of several at once share one build."""
    copy = tmp_path / "belgium.json"
    copy.write_bytes(boundaries.current().path.read_bytes())
    fresh = boundaries.for_file(copy)
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(lambda _: fresh.index("region"), range(6)))
    assert all(index is got[0] for index in got)
    assert list(fresh.units("region")["code"]) == ["02000", "03000", "04000"]


GEO_ADMIN = Path(boundaries.__file__).parent


def _admin_modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(GEO_ADMIN.glob("*.py"))}


def test_an_edited_file_is_another_object_read_anew(tmp_path):
    """The cache of Boundaries objects is keyed on the file's identity (path, size, modification
    time), not on its path alone: an edited file is never answered from the old one."""
    copy = tmp_path / "belgium.json"
    copy.write_bytes(boundaries.current().path.read_bytes())
    first = boundaries.for_file(copy)
    assert boundaries.for_file(copy) is first
    built: list[int] = []
    assert first.derived(("test", "n"), lambda: built.append(1) or len(built)) == 1
    assert first.derived(("test", "n"), lambda: built.append(1) or len(built)) == 1  # kept on the object
    copy.write_bytes(copy.read_bytes() + b"\n")  # edited: another size, another modification time
    second = boundaries.for_file(copy)
    assert second is not first
    assert second.derived(("test", "n"), lambda: built.append(1) or len(built)) == 2  # derived anew


def _cached_functions() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in sorted(GEO_ADMIN.parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = {ast.unparse(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list}
                if names & {"lru_cache", "functools.lru_cache", "cache", "functools.cache"}:
                    found.append((str(path.relative_to(GEO_ADMIN.parent)), node))
    return found


def test_no_cache_outside_boundaries_is_keyed_on_a_boundaries_object():
    """What derives from a boundary file is kept by its Boundaries object (Boundaries.derived), not
    in module-level caches keyed on it that outlive it."""
    cached = _cached_functions()
    assert cached
    keyed_on_boundaries = [f"{m}:{n.name}" for m, n in cached if any(
        "Boundaries" in ast.unparse(a.annotation or ast.Constant("")) for a in n.args.args)]
    assert keyed_on_boundaries == []
    for module, node in cached:
        calls = {ast.unparse(c.func) for c in ast.walk(node) if isinstance(c, ast.Call)}
        assert not calls & {"boundary_file", "boundaries.boundary_file", "current", "boundaries.current"}, (
            f"{module}:{node.name} is cached on its arguments but reads the current boundary file")


def test_the_point_index_does_not_depend_on_the_boundaries():
    """The dependency runs one way: boundaries builds and keeps lookup's index (the import
    cycle tests/test_layout.py forbids is gone, with no function-level import to dodge it)."""
    tree = _admin_modules()["lookup"]
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    assert not {name for name in imported if name and name.startswith("geo.admin")}
