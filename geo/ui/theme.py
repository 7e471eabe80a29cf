"""The page style every page shares (``style.css`` beside this module): a compact layout on
phones and a visible keyboard focus; and Streamlit's own words in the reader's language
(``words.js`` beside this module: Streamlit 1.67 writes its skip link, screen-reader labels,
the uploader's "Upload" and "200MB per file" and the select boxes' "Choose an option" in English
and has no setting for them). Applied once per run by app.py."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import streamlit as st

from geo.i18n import DEFAULT, _, language

STYLE = Path(__file__).with_name("style.css")


@lru_cache(maxsize=1)
def _css() -> str:
    return STYLE.read_text(encoding="utf-8")


SCRIPT = Path(__file__).with_name("words.js")


@lru_cache(maxsize=1)
def _script() -> str:
    return SCRIPT.read_text(encoding="utf-8")


def streamlit_words() -> dict:
    """Streamlit's own English words (screen-reader labels, the skip link, the uploader, the select
    boxes' placeholder) in the current language, for ``words.js``."""
    return {
        "exact": {
            "Skip to main content": _("Skip to main content"), "Sidebar": _("Sidebar"),
            "Collapse sidebar": _("Collapse sidebar"), "Expand sidebar": _("Expand sidebar"),
            "App pages": _("App pages"), "Open": _("Open"), "Close": _("Close"),
            "Link to heading": _("Link to heading"), "Choose an option": _("Choose an option"),
            "Show/hide columns": _("Show or hide columns"), "Download as CSV": _("Download as CSV"),
            "Search": _("Search"), "Fullscreen": _("Full screen"), "Close fullscreen": _("Leave full screen"),
            "file upload": _("Choose a file to import"), "Upload": _("Browse"), "Clear all": _("Clear all"),
            "Zoom in": _("Zoom in"), "Zoom out": _("Zoom out"),
        },
        # TRANSLATORS: a screen reader's label of a help icon; {label} is the field's label.
        "help": _("Help for {label}"),
        # TRANSLATORS: a screen reader's words for the two handles of a range slider ("Years — start").
        "start": _("start"), "end": _("end"),
        "perFile": _("{n} MB per file"),
    }


def words_html() -> str:
    """The script that writes Streamlit's words in the current language (nothing in English)."""
    if language() == DEFAULT:
        return ""
    payload = json.dumps(streamlit_words(), ensure_ascii=False).replace("<", "\\u003c")
    return f"<script>window.atlasWords = {payload};\n{_script()}</script>"


def apply() -> None:
    """Add the style to this run's page (a style element only: nothing is drawn)."""
    st.html(f"<style>{_css()}</style>")
    script = words_html()
    if script:
        st.html(script, unsafe_allow_javascript=True)
