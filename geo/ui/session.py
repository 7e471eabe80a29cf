"""This script run's :class:`geo.request.Request`, made once per run from the URL, the session and
the proxy's headers: the language (:mod:`geo.ui.language`), the role and its store
(:mod:`geo.ui.access`, :func:`geo.io.store.for_session`), the picked dataset and the filters
(:mod:`geo.ui.state`).

app.py calls :func:`start` first in every run; the shared sidebar, once it has settled the filters,
calls :func:`settle`. Pages, dialogs and download buttons take the run's request from
:func:`request` and pass it on explicitly: a dialog gets it as an argument, a download button's
file is made by ``request.bind(...)`` with the request's own store. The request lives in
``st.session_state`` (one per browser session); nothing here keeps module-level mutable state.
"""

from __future__ import annotations

import streamlit as st

from geo.io import store
from geo.request import EDITOR, Request
from geo.ui import access, language, state

_KEY = "_atlas_request"


def start() -> Request:
    """Make this run's request, make its language the active one (:meth:`Request.activate`) and
    keep it for the rest of the run; returns it."""
    lang, names = language.apply()
    role = access.role()
    made = Request(store=store.for_session(editor=role == EDITOR), role=role, language=lang, names=names,
                   dataset=state.dataset_slug(), filters=state.current_filters())
    st.session_state[_KEY] = made
    made.activate()
    return made


def settle() -> Request:
    """The run's request with the filters and dataset the sidebar has just settled."""
    settled = request().with_filters(state.current_filters(), dataset=state.dataset_slug())
    st.session_state[_KEY] = settled
    return settled


def request() -> Request:
    """This run's request (:func:`start` made it; a page run without the frame, as in a test, makes
    it here)."""
    made = st.session_state.get(_KEY)
    return made if isinstance(made, Request) else start()
