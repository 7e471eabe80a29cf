"""The whole deployment in a real browser: PostgreSQL + PostGIS, two app processes and nginx on
loopback (deploy/run.py's Deployment). An editor saves a dataset through process 1; a reader opens
it through process 2 and can neither import nor delete, even claiming the editor role in a header."""

from __future__ import annotations

import pytest

from deploy.checks import delete_as_editor, save_then_open_elsewhere, websocket_upstreams
from geo.config import ROOT
from tests.support.deployment import running

pytestmark = [pytest.mark.browser, pytest.mark.postgis]
CSV = ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv"


@pytest.fixture(scope="module")
def deployment():
    with running("atlas-deploy-", apps=2) as d:
        yield d


def test_saved_through_one_process_opened_through_the_other_by_a_reader(deployment, browser):
    seen = save_then_open_elsewhere(browser, deployment.proxy.url, password=deployment.editor_password, csv=CSV,
                                    name="Shared GTD", shots=ROOT / "artifacts" / "screenshots")
    assert seen.slug == "shared-gtd"
    assert (seen.saved_on, seen.opened_on) == ("1", "2")
    assert seen.title == "Incidents: Shared GTD"
    assert seen.editor_sees_upload
    assert (seen.reader_sees_upload, seen.reader_sees_delete, seen.reader_note) == (False, False, True)
    assert seen.blocked == []

    sockets = websocket_upstreams(deployment.folder / "nginx" / "access.log")
    ports = {f"127.0.0.1:{a.port}": str(i) for i, a in enumerate(deployment.apps, start=1)}
    served = {(path.startswith("/edit/"), ports[upstream]) for path, upstream, _ in sockets}
    assert served == {(True, "1"), (False, "2")}, sockets  # each session's websocket stayed on its process


def test_an_editor_deletes_through_the_dialog(deployment, browser):
    from geo.io.store.postgis import PostgisStore

    editors = PostgisStore(deployment.database.url())
    seen = save_then_open_elsewhere(browser, deployment.proxy.url, password=deployment.editor_password, csv=CSV,
                                    name="To delete")
    assert seen.slug in {d.slug for d in editors.list_datasets()}
    assert delete_as_editor(browser, deployment.proxy.url, password=deployment.editor_password, slug=seen.slug)
    assert seen.slug not in {d.slug for d in editors.list_datasets()}
