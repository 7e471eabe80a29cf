"""The saved-datasets panel of the Data page: each dataset's manifest, its rejected rows, and (for
editors) a delete that asks first.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.errors import DatasetError
from geo.i18n import _
from geo.io import store
from geo.ui import access, language, state


def _confirm_delete(slug: str, name: str) -> None:
    """Ask before deleting, in a dialog titled in the reader's language (so made here, per run, not
    when the module is imported)."""
    st.dialog(_("Delete this dataset?"))(_delete_dialog)(slug, name)


def _delete_dialog(slug: str, name: str) -> None:
    # a dialog reruns alone (a fragment), without app.py: this run's language and store again
    language.apply()
    access.bind()
    st.write(_("**{name}** will be deleted for every user. This cannot be undone.").format(name=name))
    left, right = st.columns(2)
    if left.button(_("Delete"), type="primary", key="confirm_delete"):
        try:
            store.delete_dataset(slug)  # a reader's store refuses, whatever the page showed
        except DatasetError as exc:
            st.error(str(exc))
            return
        if state.dataset_slug() == slug:
            st.session_state[state.PENDING_DATASET] = state.REPORT
        st.rerun()
    if right.button(_("Cancel"), key="cancel_delete"):
        st.rerun()


def panel() -> None:
    """The saved datasets with their manifests; editors may delete one (it asks first)."""
    infos = store.list_datasets()
    if not infos:
        st.caption(_("No saved dataset yet: import one above."))
        return
    table = pd.DataFrame([{_("Name"): i.name, _("From the file"): i.source_file,
                           _("Imported (UTC)"): i.imported_at, _("Rows in the file"): i.rows_in,
                           _("Accepted"): i.accepted, _("Rejected"): i.rejected,
                           _("Not placed in Belgium"): i.not_located,
                           _("Recognised as"): (i.preset or "").upper()} for i in infos])
    st.dataframe(table, hide_index=True, width="stretch")
    names = {i.slug: i.name for i in infos}
    slug = st.selectbox(_("Dataset"), list(names), format_func=names.get, key="manage_dataset")
    left, right = st.columns(2)
    left.download_button(_("Its rejected rows (CSV)"), data=lambda: store.rejected_csv(slug),
                         file_name=f"{slug}-rejected.csv", mime="text/csv", on_click="ignore", key="manage_rejected")
    if access.can_edit() and right.button(_("Delete…"), key="manage_delete"):
        _confirm_delete(slug, names[slug])
