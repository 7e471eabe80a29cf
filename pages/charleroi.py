"""Charleroi: the city with its arrondissement around it."""

import streamlit as st

from geo import ui, vocab
from geo.incidents import aggregate
from geo.maps import classify, web

sel = ui.selection()
st.title("Charleroi and its arrondissement")
units = ui.view_units("charleroi", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = classify.classify(counted.table["count"].tolist())
ui.show_map(web.base_map("charleroi", tiles=ui.tiles_on()),
            web.choropleth_layer(units, counted, classes, decimals=5), key="charleroi_map")
ui.legend(classes, title="Incidents (sites) per municipality")
ui.provenance_note(sel.rows)
ui.downloads(sel, key="charleroi", view="charleroi", counted=counted)
here = sel.rows[sel.rows["municipality_nis"] == vocab.CHARLEROI]
st.subheader(f"The {len(here)} incident sites in Charleroi")
ui.incident_table(here)
