"""Saved datasets, in both stores (the data folder and PostGIS, a real server the test run
starts): round trip, listing, deletion, persistence across processes, concurrent saves, slugs
that name nothing, read-only stores; then what only the folder store has (files on disk)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from geo import config
from geo.config import ROOT
from geo.errors import DatasetError, DatasetNotFoundError, DatasetPermissionError, ImportLimitError
from geo.incidents.table import SOURCE_COLUMNS, load_incidents
from geo.io import pipeline, store
from geo.io.result import ImportResult

FIXTURES = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """The folder store in a temporary folder (no database)."""
    folder = tmp_path / "datasets"
    monkeypatch.setenv("ATLAS_DATA_DIR", str(folder))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    monkeypatch.delenv("ATLAS_PROXY_SECRET", raising=False)
    return folder


@pytest.fixture(params=["local", pytest.param("postgis", marks=pytest.mark.postgis)])
def backend(request, data_dir, monkeypatch) -> dict[str, str]:
    """Each test of both stores runs twice: on the folder, then on PostGIS (where the data folder
    must stay absent). Returns the environment a child process needs to see the same store."""
    env = {"ATLAS_DATA_DIR": str(data_dir)}
    if request.param == "postgis":
        url = request.getfixturevalue("postgis_url")
        monkeypatch.setenv("ATLAS_DATABASE_URL", url)
        env["ATLAS_DATABASE_URL"] = url
    yield env
    if request.param == "postgis":
        assert not data_dir.exists(), "the PostGIS store wrote to the local data folder"


@pytest.fixture(scope="module")
def acled() -> ImportResult:
    return pipeline.import_file(FIXTURES / "acled_belgium.csv", filename="acled_belgium.csv")


@pytest.fixture(scope="module")
def gtd() -> ImportResult:
    return pipeline.import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")


def test_save_list_load_round_trip(acled, backend):
    info = store.configured().save_dataset(acled, name="ACLED Belgium, test")
    assert info.slug == "acled-belgium-test"
    assert (info.rows_in, info.accepted, info.rejected, info.not_located) == (11, 9, 2, 1)
    assert info.preset == "acled" and info.source_file == "acled_belgium.csv"
    assert info.mapping["date"] == "event_date" and info.encoding == "utf-8"
    assert info.imported_at.endswith("+00:00")
    assert [d.slug for d in store.configured().list_datasets()] == [info.slug]
    assert store.configured().get_dataset(info.slug) == info

    loaded = store.configured().load_dataset(info.slug)
    pd.testing.assert_frame_equal(loaded, acled.accepted.reset_index(drop=True))
    report = load_incidents().drop(columns=list(SOURCE_COLUMNS))  # the report table's own source fields
    assert list(loaded.columns[: len(report.columns)]) == list(report.columns)
    for column in report.columns:
        assert loaded[column].dtype == report[column].dtype, column
    assert store.configured().rejected_csv(info.slug) == acled.rejected_csv()


def test_the_folder_store_writes_a_manifest_without_paths(acled, data_dir):
    info = store.configured().save_dataset(acled, name="ACLED Belgium, test")
    manifest = json.loads((data_dir / info.slug / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["slug"] == info.slug and manifest["name"] == "ACLED Belgium, test"
    assert not any(str(data_dir) in json.dumps(v) for v in manifest.values())  # no paths stored


def test_loaded_dataset_is_a_fresh_copy(gtd, backend):
    info = store.configured().save_dataset(gtd, name="gtd")
    first = store.configured().load_dataset(info.slug)
    first.loc[0, "place"] = "changed"
    assert store.configured().load_dataset(info.slug).loc[0, "place"] != "changed"


def test_same_name_twice_gets_two_slugs(gtd, backend):
    a = store.configured().save_dataset(gtd, name="GTD")
    b = store.configured().save_dataset(gtd, name="GTD")
    assert (a.slug, b.slug) == ("gtd", "gtd-2")
    assert {d.slug for d in store.configured().list_datasets()} == {"gtd", "gtd-2"}


def test_delete(gtd, backend, data_dir):
    info = store.configured().save_dataset(gtd, name="to delete")
    kept = store.configured().save_dataset(gtd, name="kept")
    store.configured().delete_dataset(info.slug)
    assert [d.slug for d in store.configured().list_datasets()] == [kept.slug]
    assert not (data_dir / info.slug).exists()
    with pytest.raises(DatasetNotFoundError):
        store.configured().load_dataset(info.slug)
    with pytest.raises(DatasetNotFoundError):
        store.configured().delete_dataset(info.slug)
    with pytest.raises(DatasetNotFoundError):
        store.configured().rejected_csv(info.slug)
    with pytest.raises(DatasetNotFoundError):
        store.configured().get_dataset(info.slug)
    assert len(store.configured().load_dataset(kept.slug)) == gtd.summary["accepted"]  # the other one is whole


def test_persists_across_a_fresh_process(gtd, backend):
    info = store.configured().save_dataset(gtd, name="Persisted")
    code = (
        "import json; from geo.io import store\n"
        "infos = store.configured().list_datasets()\n"
        "frame = store.configured().load_dataset(infos[0].slug)\n"
        "print(json.dumps({'slugs': [i.slug for i in infos], 'rows': len(frame),\n"
        "  'ids': sorted(frame['site_id']), 'not_located': int((frame['geo_precision'] == 'none').sum())}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **backend},
                         capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"slugs": [info.slug], "rows": 8, "ids": sorted(gtd.accepted["site_id"]), "not_located": 2}


SAVER = """
import sys
from geo.io import pipeline, store
result = pipeline.import_file(sys.argv[1], filename="duplicates.csv")
for _ in range(int(sys.argv[2])):
    store.configured().save_dataset(result, name="same name")
print("done")
"""


def test_concurrent_saves_in_two_processes_keep_everything(backend, data_dir):
    env = {**os.environ, **backend}
    args = [sys.executable, "-c", SAVER, str(FIXTURES / "duplicates.csv"), "4"]
    procs = [subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    listing = store.configured().list_datasets()
    slugs = {d.slug for d in listing}
    assert slugs == {"same-name", *(f"same-name-{i}" for i in range(2, 9))}
    # What stays unique is the slug, not the name (the README says so): eight datasets, one name,
    # and asking for that name asks for a slug instead.
    assert {d.name for d in listing} == {"same name"}
    with pytest.raises(DatasetNotFoundError, match="8 saved datasets are named 'same name'"):
        store.configured().find("same name")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "names unique" not in readme and "slugs unique even when two people save at once" in readme
    for slug in slugs:
        assert len(store.configured().load_dataset(slug)) == 2
    if "ATLAS_DATABASE_URL" not in backend:
        assert not [p for p in data_dir.iterdir() if p.name.startswith((".tmp-", ".trash-"))]


def test_concurrent_saves_in_threads(gtd, backend):
    infos: list[store.DatasetInfo] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def save() -> None:
        try:
            barrier.wait()
            infos.append(store.configured().save_dataset(gtd, name="threads"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len({i.slug for i in infos}) == 6
    assert {d.slug for d in store.configured().list_datasets()} == {i.slug for i in infos}
    for info in infos:  # no save got another's rows
        assert len(store.configured().load_dataset(info.slug)) == gtd.summary["accepted"]


@pytest.mark.parametrize("slug", ["../../etc", "..", ".", "", "a/b", "/etc/passwd", "..\\..\\x",
                                  "Upper", "-lead", "trail-", "x" * 61, ".lock", ".tmp-1", "a\x00b", "%2e%2e",
                                  "keep-me' OR '1'='1", None, 3])
def test_slugs_name_nothing_outside_the_store(slug, gtd, backend, tmp_path):
    store.configured().save_dataset(gtd, name="keep me")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "manifest.json").write_text("{}")
    chosen = store.configured()
    for call in (chosen.load_dataset, chosen.delete_dataset, chosen.rejected_csv, chosen.get_dataset):
        with pytest.raises(DatasetNotFoundError):
            call(slug)
    assert (outside / "manifest.json").exists()
    assert [d.slug for d in store.configured().list_datasets()] == ["keep-me"]


@pytest.mark.parametrize("name, slug", [
    ("../../etc", "etc"),
    ("Liège — incidents 2016", "liege-incidents-2016"),
    ("  ", "dataset"),
    ("日本語", "dataset"),
    ("A" * 100, "a" * 60),
    ("x-" * 40, ("x-" * 30).strip("-")),
])
def test_slugify(name, slug):
    made = store.slugify(name)
    assert made == slug
    assert len(made) <= 60 and store._SLUG.fullmatch(made)


def test_long_names_with_counter_stay_within_60(gtd, backend):
    a = store.configured().save_dataset(gtd, name="n" * 80)
    b = store.configured().save_dataset(gtd, name="n" * 80)
    assert len(a.slug) == 60 and len(b.slug) <= 60 and b.slug.endswith("-2")


def test_find_by_slug_or_unique_name(gtd, backend):
    a = store.configured().save_dataset(gtd, name="Twice over")
    b = store.configured().save_dataset(gtd, name="twice  over")
    c = store.configured().save_dataset(gtd, name="Once only")
    assert store.configured().find("twice-over-2") == b
    assert store.configured().find("once ONLY") == c
    with pytest.raises(DatasetNotFoundError, match="2 saved datasets are named 'twice over'.*twice-over-2, twice-over[)]"):
        store.configured().find("twice over")
    with pytest.raises(DatasetNotFoundError, match="no saved dataset 'nothing'; saved: .*once-only"):
        store.configured().find("nothing")
    assert store.configured().find(a.slug) == a


def test_a_read_only_store_refuses_before_writing(gtd, backend):
    info = store.configured().save_dataset(gtd, name="kept")
    reader = store.for_session(editor=False)
    assert reader.read_only
    with pytest.raises(DatasetPermissionError):
        reader.save_dataset(gtd, name="not saved")
    with pytest.raises(DatasetPermissionError):
        reader.delete_dataset(info.slug)
    assert [d.slug for d in reader.list_datasets()] == [info.slug]
    assert len(reader.load_dataset(info.slug)) == gtd.summary["accepted"]
    assert [d.slug for d in store.configured().list_datasets()] == [info.slug]


def test_there_is_no_default_store_to_fall_back_on():
    from geo.request import Request

    assert not hasattr(store, "current") and not hasattr(store, "use")  # no context's store
    with pytest.raises(ValueError, match="needs a store"):
        Request(store=None)


def test_unfinished_and_broken_entries_are_ignored(gtd, data_dir):
    info = store.configured().save_dataset(gtd, name="good")
    (data_dir / ".tmp-abc").mkdir()
    (data_dir / "broken").mkdir()
    (data_dir / "broken" / "manifest.json").write_text("{not json")
    (data_dir / "empty").mkdir()
    listing = store.configured().list_datasets()
    assert [d.slug for d in listing] == [info.slug]
    assert [p.field for p in listing.skipped] == ["broken"]  # reported, not silently dropped
    assert "manifest cannot be read" in listing.skipped[0].reason
    with pytest.raises(DatasetError):
        store.configured().get_dataset("broken")


def test_limits_are_enforced_before_anything_is_saved(monkeypatch, backend):
    monkeypatch.setenv("ATLAS_MAX_ROWS", "2")
    with pytest.raises(ImportLimitError, match="gtd_belgium.csv.*more than 2 data rows"):
        pipeline.import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")
    monkeypatch.setenv("ATLAS_MAX_ROWS", "100")
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "0.001")
    with pytest.raises(ImportLimitError, match="acled_belgium.csv.*MB"):
        pipeline.import_file(FIXTURES / "acled_belgium.csv", filename="acled_belgium.csv")
    assert store.configured().list_datasets() == []


def test_default_data_dir_is_git_ignored(monkeypatch, data_dir):
    monkeypatch.delenv("ATLAS_DATA_DIR")
    folder = config.data_dir()
    assert folder == (ROOT / ".cache" / "datasets").resolve()
    ignored = subprocess.run(["git", "check-ignore", "-q", str(folder)], cwd=ROOT)
    assert ignored.returncode == 0


def test_an_import_with_every_row_rejected_can_be_saved_and_loaded(backend):
    result = pipeline.import_table(pd.DataFrame({"date": ["never", "soon"]}), filename="bad.csv")
    info = store.configured().save_dataset(result, name="all rejected")
    assert (info.accepted, info.rejected) == (0, 2)
    assert store.configured().load_dataset(info.slug).empty
    assert list(store.configured().load_dataset(info.slug).columns[:3]) == ["site_id", "event_id", "date"]
    assert store.configured().rejected_csv(info.slug).count(b"\r\n") == 3
    assert store.configured().rejected_csv(info.slug) == result.rejected_csv()
