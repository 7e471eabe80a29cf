"""Parts of a page that rerun alone: the map and the controls that concern only it.

A widget inside a fragment (``st.fragment``) reruns only its fragment, not the page: moving the
level, the metric or the classes, or clicking a unit, does not draw the page's other elements
again. A fragment's own reruns do not go through app.py: a page's fragment is given the page's
:class:`~geo.ui.sidebar.Selection` first, and :func:`fragment` makes its request (language, store)
the active one in every run of the fragment, as a dialog does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from geo.ui.sidebar import Selection


def fragment(fn: Callable[..., None]) -> Callable[..., None]:
    """``fn(sel, ...)`` as a fragment whose own reruns work for ``sel``'s request."""

    @functools.wraps(fn)
    def run(sel: Selection, *args, **kwargs) -> None:
        sel.request.activate()
        fn(sel, *args, **kwargs)

    return st.fragment(run)
