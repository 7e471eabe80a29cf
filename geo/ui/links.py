"""Links from one page of the app to another with URL parameters (a preset view): the page as
``app.py`` registers it, so the link navigates inside the session (the language and filters held)."""

from __future__ import annotations

import streamlit as st

from geo import config


def page_link(name: str, label: str, query: dict[str, str]) -> None:
    """A link to ``pages/<name>.py`` (registered at ``/<name>``) opening it with ``query``."""
    page = st.Page(config.ROOT / "pages" / f"{name}.py", url_path=name)
    st.page_link(page, label=label, query_params=query, icon=":material/compare:")
