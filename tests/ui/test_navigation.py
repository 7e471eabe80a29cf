"""Every page runs inside app.py's frame (st.navigation and the shared sidebar), also when a link
to it is the first request a fresh server gets. The pages folder is not called ``pages/``: that
name, beside app.py, switches on Streamlit's legacy multipage mode, which runs a linked page alone
(the browser test of a shared link on a fresh server shows it end to end)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from geo.config import ROOT


def test_no_legacy_pages_folder_beside_app_py():
    assert not (ROOT / "pages").exists(), (
        "a pages/ folder beside app.py makes Streamlit run a linked page without app.py's frame on a "
        "fresh server: keep the pages in app_pages/")


def test_a_page_opened_by_its_own_path_runs_inside_the_frame():
    # Before every run AppTest re-decides the legacy mode from the folders beside app.py, as a fresh
    # server does; charleroi's URL path is its file name, which the legacy mode would match.
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/charleroi.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Charleroi and its arrondissement"
    assert "Filters" in [h.value for h in at.sidebar.header], "the page ran without app.py's sidebar"
