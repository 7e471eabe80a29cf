"""Data: the filtered table, searchable, with the provenance of each row explained."""

import streamlit as st

from geo.incidents import filters
from geo.ui import datasets, display, downloads, importing, sidebar

sel = sidebar.selection()
st.title("Data")
st.markdown(
    "- **documented**: an event on the public record, with its real date and place and a citation.\n"
    "- **reconstructed**: a row that makes the report's published aggregates hold. The report gives "
    "no incident list, so these rows carry no more precision than the report: the region or the "
    "municipality, the year (or month), never a name. See the data card (`data/README.md`).\n"
    "- **imported**: a row of a file you imported; `source` names the file and its row."
)
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
