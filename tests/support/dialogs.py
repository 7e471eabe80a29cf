"""Reach what a page draws in a dialog, in a real browser: the exports are behind each page's
"Downloads" button (geo/ui/downloads.py), drawn only when the reader opens them."""

from __future__ import annotations

DIALOG = "[role='dialog']"
#: the button's element carries its key (``<page>_downloads``) as a class, whatever the language; on
#: a narrow screen Streamlit also keeps a hidden copy of a button that has a tooltip
DOWNLOADS_BUTTON = "[class*='st-key-'][class*='_downloads'] button:visible"


def open_downloads(page, *, timeout: float = 60_000):
    """Open the page's Downloads dialog (once the page has run) unless it is open; return it."""
    from tests.support.server import wait_for_app

    dialog = page.locator(DIALOG)
    if not dialog.count():
        wait_for_app(page, timeout=timeout)
        button = page.locator(DOWNLOADS_BUTTON).first
        button.wait_for(state="visible", timeout=timeout)
        button.scroll_into_view_if_needed()
        button.click()
        dialog.first.wait_for(state="visible", timeout=timeout)
        wait_for_app(page, timeout=timeout)
    return dialog.first


def close_dialog(page, *, timeout: float = 15_000) -> None:
    """Close the open dialog with its close button (as a reader does: after a download the focus
    may have left it, so Escape alone does not reach it), so the page and its sidebar can be used
    again."""
    dialog = page.locator(DIALOG)
    if dialog.count():
        dialog.first.get_by_role("button", name="Close").first.click()
        dialog.first.wait_for(state="detached", timeout=timeout)
