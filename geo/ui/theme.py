"""The page style every page shares (``style.css`` beside this module): a compact layout on
phones and a visible keyboard focus. Applied once per run by app.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit as st

STYLE = Path(__file__).with_name("style.css")


@lru_cache(maxsize=1)
def _css() -> str:
    return STYLE.read_text(encoding="utf-8")


def apply() -> None:
    """Add the style to this run's page (a style element only: nothing is drawn)."""
    st.html(f"<style>{_css()}</style>")
