"""Who may change saved datasets in this session: readers browse, filter and export; only editors
import, save and delete.

Deployed (``deploy/``), the app sits behind nginx, which authenticates editors (HTTP basic auth on
the editors' route ``/edit/``) and passes, on the request that opens the session's websocket,
``X-Atlas-Role: editor`` with ``X-Atlas-Proxy-Secret`` (the shared secret); on every other route
it overwrites both headers, so a browser cannot claim a role. The app reads them through
Streamlit's public ``st.context.headers``: a session is an editor's only with the right secret
and the editor role; anything else (no header, a wrong secret, no session) is a reader's.

Without a proxy secret, every session is a reader's, unless the app was started for one local user
with the explicit setting ``ATLAS_SINGLE_USER=1`` (``make run``); even then a session whose request
carries a proxy's role or secret header is a reader's: an app behind nginx that forgot its secret
never hands out editors.

The role goes into the run's :class:`geo.request.Request` (:mod:`geo.ui.session`), with the store
of that role (:func:`geo.io.store.for_session`): a reader's is read-only in the app, and goes
through the readers' database login (``SELECT`` only) when the deployment has one, so even a write
the page did not stop is refused by the database.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

import streamlit as st

from geo import config
from geo.i18n import _
from geo.request import EDITOR, READER, Request, Role

ROLE_HEADER = "X-Atlas-Role"
SECRET_HEADER = "X-Atlas-Proxy-Secret"
USER_HEADER = "X-Atlas-User"
#: The route nginx asks editors to sign in on (deploy/nginx.py writes the same).
EDITORS_ROUTE = "/edit/"


def _proxied(headers: Mapping[str, str]) -> bool:
    """Did a proxy speak on this request (its role, secret or user header, even empty)?"""
    names = {str(k).lower() for k in headers}
    return bool(names & {ROLE_HEADER.lower(), SECRET_HEADER.lower(), USER_HEADER.lower()})


def role_of(headers: Mapping[str, str], secret: str | None, *, single_user: bool = False) -> Role:
    """The role of a session whose websocket request carried ``headers``: :data:`EDITOR` when the
    proxy vouched for an editor (the right ``secret`` and the editor role), or, with no ``secret``,
    for the one local user of ``single_user`` mode when no proxy header is seen; else :data:`READER`."""
    if secret is None:
        return EDITOR if single_user and not _proxied(headers) else READER
    sent = headers.get(SECRET_HEADER) or ""
    if hmac.compare_digest(sent.encode(), secret.encode()) and (headers.get(ROLE_HEADER) or "").strip().lower() == EDITOR:
        return EDITOR
    return READER


def role() -> Role:
    """This session's role (see the module's docstring)."""
    secret, single = config.proxy_secret(), config.single_user()
    if secret is None and not single:
        return READER
    try:
        headers = st.context.headers
    except Exception:  # noqa: BLE001 (no request: with a secret a reader, never an editor)
        headers = None
    if headers is None:
        return EDITOR if secret is None and single else READER
    return role_of(headers, secret, single_user=single)


def editors_only(request: Request) -> bool:
    """``True`` for an editor's ``request``; for a reader's, say why the controls that change data
    are not there and return ``False``."""
    if request.editor:
        return True
    st.info(_("You are browsing as a reader: you can filter, look and export. Importing, saving and "
              "deleting datasets is for editors, who sign in at {route}.").format(route=EDITORS_ROUTE))
    return False
