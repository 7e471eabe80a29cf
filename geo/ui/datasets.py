"""The saved-datasets panel of the Data page: each dataset's manifest, its rejected rows, and (for
editors) a delete that asks first. Everything here uses the store of the request it is given.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.errors import DatasetError
from geo.i18n import _, ngettext
from geo.request import Request
from geo.ui import state


def _confirm_delete(request: Request, slug: str, name: str) -> None:
    """Ask before deleting, in a dialog titled in the reader's language (so made here, per run, not
    when the module is imported)."""
    st.dialog(_("Delete this dataset?"))(_delete_dialog)(request, slug, name)


def _delete_dialog(request: Request, slug: str, name: str) -> None:
    # a dialog reruns alone (a fragment), without app.py: it works for the request it was given
    request.activate()
    st.write(_("**{name}** will be deleted for every user. This cannot be undone.").format(name=name))
    left, right = st.columns(2)
    if left.button(_("Delete"), type="primary", key="confirm_delete"):
        try:
            request.store.delete_dataset(slug)  # a reader's store refuses, whatever the page showed
        except DatasetError as exc:
            st.error(str(exc))
            return
        if state.dataset_slug() == slug:
            st.session_state[state.PENDING_DATASET] = state.REPORT
        st.rerun()
    if right.button(_("Cancel"), key="cancel_delete"):
        st.rerun()


def panel(request: Request) -> None:
    """The saved datasets with their manifests (those that cannot be read are named); an editor
    may delete one (it asks first)."""
    listing = request.store.list_datasets()
    if listing.skipped:  # left out, and said: an editor can repair or delete them
        st.warning(ngettext("{n} saved dataset cannot be read and is left out: {which}",
                            "{n} saved datasets cannot be read and are left out: {which}",
                            len(listing.skipped)).format(
            n=len(listing.skipped), which="; ".join(f"{p.field} ({p.reason})" for p in listing.skipped)))
    if not listing:
        st.caption(_("No saved dataset yet: import one above."))
        return
    infos = list(listing)
    table = pd.DataFrame([{_("Name"): i.name, _("From the file"): i.source_file,
                           _("Imported (UTC)"): i.imported_at, _("Rows in the file"): i.rows_in,
                           _("Accepted"): i.accepted, _("Rejected"): i.rejected,
                           _("Not placed in Belgium"): i.not_located,
                           _("Recognised as"): (i.preset or "").upper()} for i in infos])
    st.dataframe(table, hide_index=True, width="stretch")
    names = {i.slug: i.name for i in infos}
    slug = st.selectbox(_("Dataset"), list(names), format_func=names.get, key="manage_dataset")
    left, right = st.columns(2)
    left.download_button(_("Its rejected rows (CSV)"), data=request.bind(lambda: request.store.rejected_csv(slug)),
                         file_name=f"{slug}-rejected.csv", mime="text/csv", on_click="ignore", key="manage_rejected")
    if request.editor and right.button(_("Delete…"), key="manage_delete"):
        _confirm_delete(request, slug, names[slug])
