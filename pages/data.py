"""Data: the filtered table, searchable, with the provenance of each row explained."""

import streamlit as st

from geo.incidents import filters, readable
from geo.ui import datasets, display, downloads, importing, sidebar

sel = sidebar.selection()
st.title("Data")
st.markdown("\n".join(f"- {line}" for line in readable.record_kinds(sel.all)))
query = st.text_input("Search", placeholder="Words in place, description, networks, source…")
rows = filters.search(sel.rows, query)
st.caption(f"{len(rows)} of {len(sel.all)} records shown.")
display.provenance_note(rows)
display.incident_table(rows, height=560)
downloads.buttons(sel, key="data", narrow=filters.Narrow(search=query))

st.header("Bring your own incidents")
importing.panel()
st.subheader("Saved datasets")
datasets.panel()
