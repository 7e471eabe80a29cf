"""A reader's downloads read through the readers' login, in the thread that makes the file.

Streamlit makes a download button's file later, when it is clicked, in a server thread that knows
nothing of the session (issue: the store was a context variable those threads did not carry, so
they fell back to the configured store: the editors' login). Here the Data page runs as a reader
(AppTest; a real PostgreSQL + PostGIS with the two logins), the files its buttons registered are
made in a fresh thread, as the server does, and every read of the database is recorded with its
login. The editors' URL is broken first: a fallback to it would fail, not pass unseen.
"""

from __future__ import annotations

import threading

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from geo.config import ROOT
from geo.io import pipeline, store
from geo.io.store.postgis import PostgisStore
from geo.request import READER, Request
from tests.support.postgis import READER as READER_LOGIN
from tests.ui import entry

pytestmark = pytest.mark.postgis
SECRET = "a proxy secret for the reader test, long enough"


@pytest.fixture
def deployed(postgis_server, postgis_url, monkeypatch, tmp_path):
    """A saved dataset in PostGIS, and the app's environment behind the proxy: editors' and
    readers' logins, the proxy secret (AppTest sends no header: a reader's session)."""
    monkeypatch.setenv("ATLAS_DATABASE_URL", postgis_url)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "never"))
    editor = store.configured()
    editor.setup(reader=READER_LOGIN)
    result = pipeline.import_file(ROOT / "tests" / "fixtures" / "import" / "acled_belgium.csv",
                                  filename="acled_belgium.csv")
    info = editor.save_dataset(result, name="shared")
    reader_url = postgis_server.url(user=READER_LOGIN)
    monkeypatch.setenv("ATLAS_READER_DATABASE_URL", reader_url)
    monkeypatch.setenv("ATLAS_PROXY_SECRET", SECRET)
    return {"slug": info.slug, "reader_url": reader_url, "rejected": result.rejected_csv()}


@pytest.fixture
def reads(monkeypatch) -> list[tuple[str, str]]:
    """Every read of PostGIS as (login URL, thread name)."""
    seen: list[tuple[str, str]] = []
    original = PostgisStore._reading

    def recording(self, what):
        seen.append((self.url, threading.current_thread().name))
        return original(self, what)

    monkeypatch.setattr(PostgisStore, "_reading", recording)
    return seen


@pytest.fixture
def deferred(monkeypatch) -> dict[str, object]:
    """The callables download buttons registered, by file name (what the server runs on a click)."""
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def keep(self, callable_, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = callable_
        return original(self, callable_, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return made


def in_a_server_thread(function):
    """``function()`` in a new thread with no script-run context, as Streamlit's server runs it."""
    out: dict[str, object] = {}

    def run():
        try:
            out["value"] = function()
        except Exception as exc:  # noqa: BLE001 (reported to the test)
            out["error"] = exc

    thread = threading.Thread(target=run, name="download-thread")
    thread.start()
    thread.join(60)
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_a_readers_download_reads_through_the_readers_login(deployed, reads, deferred, monkeypatch, tmp_path):
    at = entry.app()
    at.run()
    at.switch_page(entry.page("data"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("browsing as a reader" in i.value for i in at.info)  # the page knows who asks
    assert {url for url, _ in reads} == {deployed["reader_url"]}  # the page's own reads

    name = f"{deployed['slug']}-rejected.csv"
    assert name in deferred, sorted(deferred)
    # A fallback to the configured (editors') store would now fail to connect.
    monkeypatch.setenv("ATLAS_DATABASE_URL", f"postgresql://atlas_editor:x@/atlas?host={tmp_path}&port=1")
    reads.clear()
    assert in_a_server_thread(deferred[name]) == deployed["rejected"]
    assert reads == [(deployed["reader_url"], "download-thread")]


def test_a_download_of_the_incidents_uses_the_requests_store_in_its_thread(deployed, reads, monkeypatch, tmp_path):
    """The incidents files of a page (geo.ui.downloads) read the dataset with frame_for and the
    request's store, inside request.bind: the same path, without the page around it."""
    from geo.io import export
    from geo.ui import data

    request = Request(store=store.for_session(editor=False), role=READER, language="fr",
                      dataset=deployed["slug"])
    monkeypatch.setenv("ATLAS_DATABASE_URL", f"postgresql://atlas_editor:x@/atlas?host={tmp_path}&port=1")
    data._saved_incidents.clear()  # the table is read from the database, not from the cache

    made = in_a_server_thread(request.bind(lambda: export.incidents_csv(
        data.frame_for(request.dataset, request.store), labelled=True)))
    assert made.count(b"\n") == 10  # the header and the 9 accepted rows
    assert {url for url, _ in reads} == {deployed["reader_url"]}
    with pytest.raises(ValueError, match="needs the request's store"):
        data.frame_for(deployed["slug"])  # no store given: an error, never a default
