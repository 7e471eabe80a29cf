"""Charleroi: the city with its arrondissement around it."""

import streamlit as st

from geo import vocab
from geo.i18n import _
from geo.incidents import aggregate, within
from geo.ui import data, display, downloads, mapview, sidebar

sel = sidebar.selection()
st.title(_("Charleroi and its arrondissement"))
metric = display.metric_choice()
units = data.view_units("charleroi", "municipality")
# the map's captions count only the rows of these municipalities (not Wallonia's region-only rows)
rows = within.concerning(sel.rows, units["code"])
counted = aggregate.count_by_unit(rows, level="municipality", units_frame=units)
classes = downloads.classes(counted.table[metric].tolist(), integer=metric == "count")
code = mapview.choropleth("charleroi", "municipality", counted, classes, rows=rows, key="charleroi_map",
                          title=_(display.METRIC_LABELS[metric]), metric=metric)
display.provenance_note(rows)  # what this page's rows rest on, not the country's
downloads.buttons(sel, key="charleroi", view="charleroi", metric=metric, counted=counted)
# the unit clicked on the map, else Charleroi itself
display.unit_incidents(counted, sel.rows, code or vocab.CHARLEROI, units=units)
