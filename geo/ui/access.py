"""Who may change saved datasets in this session: readers browse, filter and export; only editors
import, save and delete.

With no deployment (``ATLAS_PROXY_SECRET`` unset: ``make run``) the one local user is an editor.
Deployed (``deploy/``), the app sits behind nginx, which authenticates editors (HTTP basic auth on
the editors' route ``/edit/``) and passes, on the request that opens the session's websocket,
``X-Atlas-Role: editor`` with ``X-Atlas-Proxy-Secret`` (the shared secret); on every other route
it overwrites both headers, so a browser cannot claim a role. The app reads them through
Streamlit's public ``st.context.headers``: a session is an editor's only with the right secret
and the editor role; anything else (no header, a wrong secret, no session) is a reader's.

:func:`bind` gives each script run its store (:func:`geo.io.store.for_session`): a reader's is
read-only in the app, and goes through the readers' database login (``SELECT`` only) when the
deployment has one, so even a write the page did not stop is refused by the database.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

import streamlit as st

from geo import config
from geo.i18n import _
from geo.io import store

ROLE_HEADER = "X-Atlas-Role"
SECRET_HEADER = "X-Atlas-Proxy-Secret"
USER_HEADER = "X-Atlas-User"
EDITOR, READER = "editor", "reader"
#: The route nginx asks editors to sign in on (deploy/nginx.py writes the same).
EDITORS_ROUTE = "/edit/"


def role_of(headers: Mapping[str, str], secret: str | None) -> str:
    """The role of a session whose websocket request carried ``headers``: :data:`EDITOR` when there
    is no deployment (``secret`` is ``None``) or when the proxy vouched for an editor."""
    if secret is None:
        return EDITOR
    sent = headers.get(SECRET_HEADER) or ""
    if hmac.compare_digest(sent.encode(), secret.encode()) and (headers.get(ROLE_HEADER) or "").strip().lower() == EDITOR:
        return EDITOR
    return READER


def role() -> str:
    """This session's role (see the module's docstring)."""
    secret = config.proxy_secret()
    if secret is None:
        return EDITOR
    try:
        headers = st.context.headers
    except Exception:  # noqa: BLE001 (no session: a reader, never an editor)
        return READER
    return role_of(headers, secret)


def can_edit() -> bool:
    return role() == EDITOR


def bind() -> str:
    """Give this script run the store of its session's role; returns the role. The frame (app.py)
    calls it first in every run; a dialog or fragment, which reruns alone, calls it too."""
    who = role()
    store.use(store.for_session(editor=who == EDITOR))
    return who


def editors_only() -> bool:
    """``True`` for an editor; for a reader, say why the controls that change data are not there
    and return ``False``."""
    if can_edit():
        return True
    st.info(_("You are browsing as a reader: you can filter, look and export. Importing, saving and "
              "deleting datasets is for editors, who sign in at {route}.").format(route=EDITORS_ROUTE))
    return False
