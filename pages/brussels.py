"""Brussels: the 19 municipalities with Zaventem (the airport) in view."""

import streamlit as st

from geo import ui, vocab
from geo.incidents import aggregate
from geo.maps import classify, web

sel = ui.selection()
st.title("Brussels-Capital Region and Zaventem")
units = ui.view_units("brussels", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = classify.classify(counted.table["count"].tolist())
result = ui.show_map(web.base_map("brussels", tiles=ui.tiles_on()),
                     web.choropleth_layer(units, counted, classes, decimals=5),
                     key="brussels_map", returned=["last_active_drawing"])
ui.legend(classes, title="Incidents (sites) per municipality")

in_region = sel.rows[sel.rows["region_nis"] == vocab.BRUSSELS_REGION]
detail = in_region[in_region["geo_precision"] != "region"]
st.markdown(
    f"**{len(in_region)}** incident sites in the Brussels-Capital Region; **{len(detail)}** are known to "
    f"the municipality and drawn above. **{len(in_region) - len(detail)}** are known only to the region "
    "(the report: 42 of 62) and are not spread over its municipalities."
)
ui.provenance_note(sel.rows)
ui.downloads(sel, key="brussels", view="brussels", counted=counted)
code = ui.clicked_code(result)
if code:
    ui.incident_table(sel.rows[sel.rows["municipality_nis"] == code])
