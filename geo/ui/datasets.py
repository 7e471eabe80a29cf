"""The saved-datasets panel of the Data page: each dataset's manifest, its rejected rows, and a
delete that asks first.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.io import store
from geo.ui import state


@st.dialog("Delete this dataset?")
def _confirm_delete(slug: str, name: str) -> None:
    st.write(f"**{name}** will be deleted for every user. This cannot be undone.")
    left, right = st.columns(2)
    if left.button("Delete", type="primary", key="confirm_delete"):
        store.delete_dataset(slug)
        if state.dataset_slug() == slug:
            st.session_state[state.PENDING_DATASET] = state.REPORT
        st.rerun()
    if right.button("Cancel", key="cancel_delete"):
        st.rerun()


def panel() -> None:
    """The saved datasets with their manifests; delete asks first."""
    infos = store.list_datasets()
    if not infos:
        st.caption("No saved dataset yet: import one above.")
        return
    table = pd.DataFrame([{"name": i.name, "slug": i.slug, "file": i.source_file, "imported (UTC)": i.imported_at,
                           "rows in": i.rows_in, "accepted": i.accepted, "rejected": i.rejected,
                           "not located": i.not_located, "preset": i.preset or ""} for i in infos])
    st.dataframe(table, hide_index=True, width="stretch")
    names = {i.slug: i.name for i in infos}
    slug = st.selectbox("Dataset", list(names), format_func=names.get, key="manage_dataset")
    left, right = st.columns(2)
    left.download_button("Its rejected rows (CSV)", data=lambda: store.rejected_csv(slug),
                         file_name=f"{slug}-rejected.csv", mime="text/csv", on_click="ignore", key="manage_rejected")
    if right.button("Delete…", key="manage_delete"):
        _confirm_delete(slug, names[slug])
