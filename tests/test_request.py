"""The request object (geo.request.Request): what it accepts, what it refuses, and how its language
travels into another thread."""

from __future__ import annotations

import threading

import pytest

from geo import i18n
from geo.incidents.filters import Filters
from geo.io.store import LocalStore
from geo.request import EDITOR, READER, REPORT, Request


def test_a_request_is_frozen_and_normalises_what_it_does_not_know(tmp_path):
    request = Request(store=LocalStore(tmp_path, read_only=True), language="de", names="fancy")
    assert (request.role, request.language, request.names, request.dataset) == (READER, "en", "local", REPORT)
    assert not request.editor
    with pytest.raises(AttributeError):
        request.language = "fr"  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown role"):
        Request(store=LocalStore(tmp_path), role="admin")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a store"):
        Request(store=None)  # type: ignore[arg-type]


def test_with_filters_makes_another_request(tmp_path):
    request = Request(store=LocalStore(tmp_path), role=EDITOR, language="nl")
    narrowed = request.with_filters(Filters(cities=("Charleroi",)), dataset="gtd")
    assert narrowed is not request and request.filters == Filters() and request.dataset == REPORT
    assert (narrowed.filters.cities, narrowed.dataset, narrowed.language, narrowed.store) == (
        ("Charleroi",), "gtd", "nl", request.store)


def test_the_command_line_acts_as_an_editor_of_the_configured_store(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    request = Request.for_command(language="fr", names="reader")
    assert request.editor and not request.store.read_only and isinstance(request.store, LocalStore)
    assert (request.language, request.names) == ("fr", "reader")


def test_bind_carries_the_language_into_a_thread_without_context(tmp_path):
    request = Request(store=LocalStore(tmp_path), language="fr", names="reader")
    made = request.bind(lambda: (i18n._("Years"), i18n.names_mode(), i18n.language()))
    out: list = []
    thread = threading.Thread(target=lambda: out.append(made()))
    thread.start()
    thread.join()
    assert out == [("Années", "reader", "fr")]
    assert i18n.language() == "en"  # this context is untouched
    with request.active():
        assert i18n.language() == "fr"
    assert i18n.language() == "en"
