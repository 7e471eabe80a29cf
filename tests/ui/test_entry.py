"""The script the server starts (entry/atlas.py) runs app.py's frame around every page, with public
Streamlit only: it sits apart from ``pages/`` (which beside it would switch Streamlit into its
legacy multipage mode) and serves the project's static files. The browser test of a shared link as
the first request of a fresh server is tests/browser/test_browser.py."""

from __future__ import annotations

import os

from geo.config import ROOT, STATIC_DIR
from tests.ui import entry


def test_the_entry_script_sits_apart_from_the_pages_and_serves_the_static_folder():
    assert not (entry.ENTRY.parent / "pages").exists()
    assert (ROOT / "pages").is_dir()  # the page modules keep their folder
    link = entry.ENTRY.parent / "static"
    assert link.is_symlink() and not os.path.isabs(os.readlink(link))  # relative: any checkout
    assert os.path.realpath(link) == os.path.realpath(STATIC_DIR)


def test_a_page_opened_first_runs_inside_the_frame():
    at = entry.app()
    at.run()
    at.switch_page(entry.page("charleroi")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Charleroi and its arrondissement"
    assert "Filters" in [h.value for h in at.sidebar.header], "the page ran without app.py's sidebar"


def test_no_module_of_the_app_reaches_into_streamlit_internals():
    for path in [ROOT / "app.py", entry.ENTRY, *(ROOT / "geo").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert "streamlit.runtime" not in text and "PagesManager" not in text, path
