"""Readers and editors: the role a session gets from the proxy's headers, and what the Data page
offers each (AppTest; the browser test through nginx is tests/deploy/test_nginx.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.config import ROOT
from geo.io import pipeline, store
from geo.ui.access import EDITOR, READER, role_of
from tests.ui import entry

SECRET = "correct horse battery staple"


@pytest.mark.parametrize("headers, secret, expected", [
    ({}, None, READER),                                                     # no secret, no single-user setting
    ({"X-Atlas-Role": "editor"}, None, READER),
    ({}, SECRET, READER),                                                   # deployed, nothing said
    ({"X-Atlas-Role": "editor"}, SECRET, READER),                           # a browser claiming a role
    ({"X-Atlas-Role": "editor", "X-Atlas-Proxy-Secret": "guess"}, SECRET, READER),
    ({"X-Atlas-Role": "editor", "X-Atlas-Proxy-Secret": SECRET[:-1]}, SECRET, READER),
    ({"X-Atlas-Role": "reader", "X-Atlas-Proxy-Secret": SECRET}, SECRET, READER),
    ({"X-Atlas-Role": "", "X-Atlas-Proxy-Secret": SECRET}, SECRET, READER),
    ({"X-Atlas-Role": "editor", "X-Atlas-Proxy-Secret": SECRET}, SECRET, EDITOR),
    ({"X-Atlas-Role": " Editor ", "X-Atlas-Proxy-Secret": SECRET}, SECRET, EDITOR),
])
def test_role_of_headers(headers, secret, expected):
    assert role_of(headers, secret) == expected


@pytest.mark.parametrize("headers, secret, expected", [
    ({}, None, EDITOR),                                                     # make run: the one local user
    ({"Host": "localhost:8501", "Accept-Language": "fr"}, None, EDITOR),
    ({"X-Atlas-Role": ""}, None, READER),                                   # a proxy spoke: never the single user
    ({"x-atlas-role": "reader"}, None, READER),
    ({"X-Atlas-Proxy-Secret": "anything"}, None, READER),
    ({"X-Atlas-User": "someone"}, None, READER),
    ({"X-Atlas-Role": "editor"}, None, READER),                             # even claiming to be an editor
    ({}, SECRET, READER),                                                   # a secret wins over the setting
    ({"X-Atlas-Role": "editor", "X-Atlas-Proxy-Secret": SECRET}, SECRET, EDITOR),
])
def test_single_user_mode_only_without_a_proxy(headers, secret, expected):
    assert role_of(headers, secret, single_user=True) == expected


@pytest.mark.parametrize("value, expected", [("", False), ("0", False), ("no", False), ("1", True), ("true", True)])
def test_single_user_is_an_explicit_setting(value, expected, monkeypatch):
    from geo import config

    monkeypatch.setenv("ATLAS_SINGLE_USER", value)
    assert config.single_user() is expected


def test_a_single_user_setting_that_is_not_one_is_refused(monkeypatch):
    from geo import config
    from geo.errors import SettingsError

    monkeypatch.setenv("ATLAS_SINGLE_USER", "maybe")
    with pytest.raises(SettingsError, match="ATLAS_SINGLE_USER"):
        config.single_user()


@pytest.fixture
def saved(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    result = pipeline.import_file(ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv", filename="gtd_belgium.csv")
    return store.configured().save_dataset(result, name="GTD sample")


def data_page() -> AppTest:
    at = entry.app()
    at.run()
    at.switch_page(entry.page("data"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def offers(at: AppTest) -> dict[str, bool]:
    buttons = {b.label for b in at.button}
    return {
        "upload": bool(at.get("file_uploader")),
        "delete": "Delete…" in buttons,
        "rejected rows": any(b.proto.label == "Its rejected rows (CSV)" for b in at.get("download_button")),
        "reader note": any("browsing as a reader" in i.value for i in at.info),
    }


def test_with_the_single_user_setting_the_local_user_may_import_and_delete(saved, monkeypatch):
    monkeypatch.delenv("ATLAS_PROXY_SECRET", raising=False)
    monkeypatch.setenv("ATLAS_SINGLE_USER", "1")
    assert offers(data_page()) == {"upload": True, "delete": True, "rejected rows": True, "reader note": False}


def test_without_a_secret_or_the_setting_every_session_reads_only(saved, monkeypatch):
    monkeypatch.delenv("ATLAS_PROXY_SECRET", raising=False)
    monkeypatch.delenv("ATLAS_SINGLE_USER", raising=False)
    assert offers(data_page()) == {"upload": False, "delete": False, "rejected rows": True, "reader note": True}


def test_behind_the_proxy_a_session_without_the_editor_headers_reads_only(saved, monkeypatch):
    monkeypatch.setenv("ATLAS_PROXY_SECRET", SECRET)
    at = data_page()  # AppTest sends no headers: what a reader's session looks like to the app
    assert offers(at) == {"upload": False, "delete": False, "rejected rows": True, "reader note": True}
    assert saved.slug in {o for s in at.selectbox for o in s.options} or any(
        "GTD sample" in str(o) for s in at.selectbox for o in s.options)  # readers still see the dataset
    assert [d.slug for d in store.configured().list_datasets()] == [saved.slug]


def test_a_saved_dataset_that_cannot_be_read_is_left_out_and_said(saved, tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_PROXY_SECRET", SECRET)  # a reader: everyone is told, not only editors
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "manifest.json").write_text('{"name": "half a manifest"}')
    at = data_page()
    warnings = [w.value for w in at.warning]
    assert any("1 saved dataset cannot be read and is left out: broken (" in w for w in warnings), warnings
    assert [o for s in at.selectbox if s.key == "manage_dataset" for o in s.options] == [saved.name]  # shown by name
