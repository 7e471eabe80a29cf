"""Charleroi: the city with its arrondissement around it."""

import streamlit as st

from geo import vocab
from geo.incidents import aggregate
from geo.ui import data, display, downloads, mapview, sidebar

sel = sidebar.selection()
st.title("Charleroi and its arrondissement")
units = data.view_units("charleroi", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = downloads.classes(counted.table["count"].tolist())
mapview.choropleth("charleroi", "municipality", counted, classes, rows=sel.rows, key="charleroi_map",
                   title="Incidents (sites) per municipality")
display.provenance_note(sel.rows)
downloads.buttons(sel, key="charleroi", view="charleroi", counted=counted)
here = sel.rows[sel.rows["municipality_nis"] == vocab.CHARLEROI]
st.subheader(f"The {len(here)} incident sites in Charleroi")
display.incident_table(here)
