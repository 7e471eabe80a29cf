"""Brussels: the 19 municipalities with Zaventem (the airport) in view."""

import streamlit as st

from geo import vocab
from geo.incidents import aggregate
from geo.ui import data, display, downloads, mapview, sidebar

sel = sidebar.selection()
st.title("Brussels-Capital Region and Zaventem")
units = data.view_units("brussels", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = downloads.classes(counted.table["count"].tolist())
code = mapview.choropleth("brussels", "municipality", counted, classes, rows=sel.rows, key="brussels_map",
                          title="Incidents (sites) per municipality")

in_region = sel.rows[sel.rows["region_nis"] == vocab.BRUSSELS_REGION]
detail = in_region[in_region["geo_precision"] != "region"]
st.markdown(
    f"**{len(in_region)}** incident sites in the Brussels-Capital Region; **{len(detail)}** are known to "
    f"the municipality and drawn above. **{len(in_region) - len(detail)}** are known only to the region "
    "(the report: 42 of 62) and are not spread over its municipalities."
)
display.provenance_note(sel.rows)
downloads.buttons(sel, key="brussels", view="brussels", counted=counted)
if code:
    display.incident_table(sel.rows[sel.rows["municipality_nis"] == code])
