"""What only the PostGIS store has, against the real server the test run starts: the readers'
database login cannot write, a failed save leaves nothing behind, the rows are real PostGIS
points, an older table gains the import's new columns, and errors say what to do."""

from __future__ import annotations

import subprocess

import pytest

from geo.config import ROOT
from geo.errors import DatasetError, DatasetNotFoundError, DatasetPermissionError
from geo.io import pipeline, store
from geo.io.store.postgis import PostgisStore
from tests.support.postgis import READER

pytestmark = pytest.mark.postgis
FIXTURES = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture(scope="module")
def acled():
    return pipeline.import_file(FIXTURES / "acled_belgium.csv", filename="acled_belgium.csv")


@pytest.fixture
def editor(postgis_url, tmp_path, monkeypatch) -> PostgisStore:
    monkeypatch.setenv("ATLAS_DATABASE_URL", postgis_url)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "never"))
    monkeypatch.delenv("ATLAS_READER_DATABASE_URL", raising=False)
    yield store.configured()
    assert not (tmp_path / "never").exists()


def count(server, sql: str) -> int:
    return int(server.psql(sql).strip())


def test_the_readers_login_can_read_but_the_database_refuses_its_writes(editor, acled, postgis_server, monkeypatch):
    editor.setup(reader=READER)
    info = editor.save_dataset(acled, name="shared")
    reader_url = postgis_server.url(user=READER)
    monkeypatch.setenv("ATLAS_READER_DATABASE_URL", reader_url)

    session = store.for_session(editor=False)  # what a reader's session gets
    assert isinstance(session, PostgisStore) and session.url == reader_url and session.read_only
    assert [d.slug for d in session.list_datasets()] == [info.slug]
    assert len(session.load_dataset(info.slug)) == 9
    assert session.rejected_csv(info.slug) == acled.rejected_csv()

    # The app refuses first; without that refusal the database itself says no.
    unguarded = PostgisStore(reader_url, read_only=False)
    with pytest.raises(DatasetPermissionError, match="may only read"):
        unguarded.save_dataset(acled, name="by a reader")
    with pytest.raises(DatasetPermissionError, match="may only read"):
        unguarded.delete_dataset(info.slug)
    for sql in ("DELETE FROM atlas_datasets", "UPDATE atlas_incidents SET place = 'x'",
                "INSERT INTO atlas_rejected VALUES ('shared', 99, '[]')", "DROP TABLE atlas_incidents",
                "CREATE TABLE atlas_other (x int)", "TRUNCATE atlas_datasets CASCADE"):
        with pytest.raises(subprocess.CalledProcessError) as refused:
            postgis_server.psql(sql, user=READER)
        assert "permission denied" in refused.value.stderr or "must be owner" in refused.value.stderr, sql
    assert [d.slug for d in editor.list_datasets()] == [info.slug]
    assert count(postgis_server, "SELECT count(*) FROM atlas_incidents") == 9
    assert count(postgis_server, "SELECT count(*) FROM atlas_rejected") == 2


def test_a_reader_login_sees_no_dataset_before_the_tables_exist(postgis_server):
    postgis_server.reset()
    assert PostgisStore(postgis_server.url(user=READER), read_only=True).list_datasets() == []
    with pytest.raises(DatasetNotFoundError):
        PostgisStore(postgis_server.url(user=READER), read_only=True).load_dataset("anything")


@pytest.mark.parametrize("manifest", ['{"name": "bad"}', '"a string"', '[]',
                                      '{"name": "bad", "slug": "bad", "source_file": "x.csv", "imported_at": "now", '
                                      '"rows_in": "many", "accepted": 1, "rejected": 0, "not_located": 0}'])
def test_a_malformed_manifest_row_is_skipped_and_reported(editor, acled, postgis_server, manifest, capsys):
    editor.setup(reader=READER)
    good = editor.save_dataset(acled, name="good")
    editor.save_dataset(acled, name="bad")
    postgis_server.psql(f"UPDATE atlas_datasets SET manifest = '{manifest}' WHERE slug = 'bad'")
    for login in (editor, PostgisStore(postgis_server.url(user=READER), read_only=True)):
        listing = login.list_datasets()  # the listing still works, for everyone
        assert [d.slug for d in listing] == [good.slug]
        assert [p.field for p in listing.skipped] == ["bad"]
        assert "manifest cannot be read" in listing.skipped[0].reason
    from geo.cli.main import main

    assert main(["datasets"]) == 0  # the command line lists the good one and says what it skipped
    out, err = capsys.readouterr()
    assert "1 saved dataset in the" in out and "skipped" in err and "bad" in err


def test_a_save_that_fails_half_way_leaves_nothing(editor, acled, postgis_server):
    editor.setup()
    postgis_server.psql("REVOKE INSERT ON atlas_rejected FROM atlas_editor")  # the last step fails
    try:
        with pytest.raises(DatasetPermissionError):
            editor.save_dataset(acled, name="half")
        assert editor.list_datasets() == []
        assert count(postgis_server, "SELECT count(*) FROM atlas_incidents") == 0
    finally:
        postgis_server.psql("GRANT INSERT ON atlas_rejected TO atlas_editor")
    assert editor.save_dataset(acled, name="half").slug == "half"  # the slug was never taken


def test_rows_are_postgis_points_with_their_coordinates(editor, acled, postgis_server):
    info = editor.save_dataset(acled, name="points")
    assert postgis_server.psql("SELECT Find_SRID('public', 'atlas_incidents', 'geometry')").strip() == "4326"
    rows = postgis_server.psql(
        "SELECT count(*) FILTER (WHERE geometry IS NOT NULL), "
        "count(*) FILTER (WHERE geometry IS NOT NULL AND abs(ST_X(geometry) - lon) < 1e-9 "
        "AND abs(ST_Y(geometry) - lat) < 1e-9), count(*) FILTER (WHERE lat IS NULL AND geometry IS NULL) "
        f"FROM atlas_incidents WHERE dataset = '{info.slug}'").strip()
    frame = editor.load_dataset(info.slug)
    with_point = int((frame["lat"].notna() & frame["lon"].notna()).sum())
    assert rows == f"{with_point}|{with_point}|{len(frame) - with_point}"
    assert with_point > 0


def test_an_older_table_gains_the_new_columns(editor, acled, postgis_server):
    editor.setup()
    postgis_server.psql("ALTER TABLE atlas_incidents DROP COLUMN kind_note")
    info = editor.save_dataset(acled, name="after an upgrade")
    assert editor.load_dataset(info.slug)["kind_note"].tolist() == acled.accepted["kind_note"].tolist()


def test_an_unreachable_database_is_a_readable_error(tmp_path):
    missing = PostgisStore(f"postgresql://someone:hunter2@/atlas?host={tmp_path}&port=1")
    with pytest.raises(DatasetError, match="cannot be reached") as error:
        missing.list_datasets()
    assert "hunter2" not in str(error.value)


def test_only_postgresql_urls_are_taken():
    from geo.errors import SettingsError

    with pytest.raises(SettingsError, match="postgresql://"):
        PostgisStore("mysql://user@host/db")
