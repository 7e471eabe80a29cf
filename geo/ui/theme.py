"""The page style every page shares (``style.css`` beside this module): a compact layout on
phones and a visible keyboard focus; and the file uploader's words in the reader's language
(Streamlit 1.67 writes "Drag and drop a file here", "200MB per file" and "Upload" in English and
has no parameter for them: the style hides them and writes the reader's words instead). Applied
once per run by app.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit as st

from geo import config
from geo.i18n import _, number

STYLE = Path(__file__).with_name("style.css")


@lru_cache(maxsize=1)
def _css() -> str:
    return STYLE.read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    """``text`` as a CSS string (quotes, backslashes and line ends escaped; no ``<`` can close the
    style element)."""
    escaped = "".join(c if c.isalnum() or c in " .,;:!?'()«»–-/" or ord(c) > 127 else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def uploader_css() -> str:
    """The file uploader's instructions and button in the current language."""
    limit = _("{n} MB per file").format(n=number(config.max_upload_bytes() / 1_000_000))
    drop, button = _css_string(_("Drag and drop a file here")), _css_string(_("Browse"))
    zone = "[data-testid='stFileUploaderDropzone']"
    return (f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span, "
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] small {{ font-size: 0; }}"
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span::after {{ content: {drop}; "
            "font-size: 0.95rem; }"
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] small::after {{ content: {_css_string(limit)}; "
            "font-size: 0.8rem; }"
            f"{zone} button {{ font-size: 0; }}"
            f"{zone} button::after {{ content: {button}; font-size: 0.9rem; }}")


def apply() -> None:
    """Add the style to this run's page (a style element only: nothing is drawn)."""
    st.html(f"<style>{_css()}{uploader_css()}</style>")
