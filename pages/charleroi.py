"""Charleroi: the city with its arrondissement around it."""

import streamlit as st

from geo import vocab
from geo.incidents import aggregate
from geo.maps import classify, web
from geo.ui import data, display, downloads, mapview, sidebar, state

sel = sidebar.selection()
st.title("Charleroi and its arrondissement")
units = data.view_units("charleroi", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = classify.classify(counted.table["count"].tolist())
mapview.show_map(web.base_map("charleroi", tiles=state.tiles_on()),
                 web.choropleth_layer(units, counted, classes, decimals=5), key="charleroi_map")
mapview.legend(classes, title="Incidents (sites) per municipality")
display.provenance_note(sel.rows)
downloads.buttons(sel, key="charleroi", view="charleroi", counted=counted)
here = sel.rows[sel.rows["municipality_nis"] == vocab.CHARLEROI]
st.subheader(f"The {len(here)} incident sites in Charleroi")
display.incident_table(here)
