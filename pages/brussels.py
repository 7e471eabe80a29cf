"""Brussels: the 19 municipalities with Zaventem (the airport) in view."""

import streamlit as st

from geo.i18n import _
from geo.incidents import aggregate, within
from geo.ui import data, display, downloads, mapview, sidebar, state

sel = sidebar.selection()
st.title(_("Brussels-Capital Region and Zaventem"))
metric = display.metric_choice()
units = data.view_units("brussels", "municipality")
# the map's captions count only the rows of these municipalities and of the Brussels-Capital Region
rows = within.concerning(sel.rows, units["code"])
counted = aggregate.count_by_unit(rows, level="municipality", units_frame=units)
classes = downloads.classes(counted.table[metric].tolist(), integer=metric == "count")
code = mapview.choropleth("brussels", "municipality", counted, classes, rows=rows, key="brussels_map",
                          title=_(display.METRIC_LABELS[metric]), metric=metric)
display.region_detail_note(sel.rows, quote_report=state.dataset_slug() == state.REPORT)
display.provenance_note(rows)  # what this page's rows rest on, not the country's
downloads.buttons(sel, key="brussels", view="brussels", metric=metric, counted=counted)
display.unit_incidents(counted, sel.rows, code, units=units)
