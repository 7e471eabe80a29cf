"""What a cache of results computed from a dataset keys on (geo.ui.data.version): the version of
the dataset now stored, not its slug, which a new import under the same name takes again."""

from __future__ import annotations

import time

from geo.config import ROOT
from geo.io import pipeline
from geo.io.store import LocalStore
from geo.request import EDITOR, Request
from geo.ui import data

ACLED = ROOT / "tests" / "fixtures" / "import" / "acled_belgium.csv"


def test_a_dataset_imported_again_under_its_slug_is_another_version(tmp_path):
    store = LocalStore(tmp_path)
    result = pipeline.import_file(ACLED, filename=ACLED.name)
    first = store.save_dataset(result, name="acled")
    request = Request(store=store, role=EDITOR, dataset=first.slug)
    before = data.version(request)
    assert data.version(request) == before  # read twice: the same version

    store.delete_dataset(first.slug)
    time.sleep(1.1)  # the import time is kept to the second
    again = store.save_dataset(result, name="acled")
    assert again.slug == first.slug
    assert data.version(request) != before


def test_the_report_and_an_unknown_dataset_have_the_report_version(tmp_path):
    store = LocalStore(tmp_path)
    report = data.version(Request(store=store))
    assert "report" in report
    assert data.version(Request(store=store, dataset="gone")) == report
