"""The one place that touches a Streamlit internal: running pages only inside app.py's frame.

Streamlit 1.67 has no public switch for this. ``tests/ui/test_frame.py`` fails loudly when a
Streamlit upgrade removes or renames the attribute, so the workaround is revisited then.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def guard() -> None:
    """Run pages only inside app.py's frame (navigation and shared sidebar).

    Streamlit decides once per process whether the app uses the legacy ``pages/`` folder
    (``PagesManager.uses_pages_directory``, set when a ``pages/`` folder sits next to app.py);
    until ``st.navigation`` has run, the first link to a page (e.g. ``/belgium?cities=Charleroi``
    on a fresh server) runs the page file alone, without the sidebar. Clearing that flag, as
    ``st.navigation`` itself does, and rerunning sends the request through app.py. (Streamlit
    1.67; test_a_shared_link_works_as_the_first_request_of_a_fresh_server covers it.)"""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
