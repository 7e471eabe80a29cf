"""Brussels: the 19 municipalities with Zaventem (the airport) in view."""

import streamlit as st

from geo import vocab
from geo.i18n import _, ngettext
from geo.incidents import aggregate
from geo.report import figures
from geo.ui import data, display, downloads, mapview, sidebar, state

sel = sidebar.selection()
st.title(_("Brussels-Capital Region and Zaventem"))
metric = display.metric_choice()
units = data.view_units("brussels", "municipality")
counted = aggregate.count_by_unit(sel.rows, level="municipality", units_frame=units)
classes = downloads.classes(counted.table[metric].tolist(), integer=metric == "count")
code = mapview.choropleth("brussels", "municipality", counted, classes, rows=sel.rows, key="brussels_map",
                          title=_(display.METRIC_LABELS[metric]), metric=metric)

in_region = sel.rows[sel.rows["region_nis"] == vocab.BRUSSELS_REGION]
detail = in_region[in_region["geo_precision"] != "region"]
only_region = len(in_region) - len(detail)
quote = ""
if state.dataset_slug() == state.REPORT:  # the report's own figures, quoted from geo.report
    total = int(figures.published("brussels-62"))
    quote = _(" (the report: {n} of {total})").format(
        n=total - int(figures.published("brussels-detail-20")), total=total)
st.markdown(" ".join([
    ngettext("**{n}** incident site in the Brussels-Capital Region;", "**{n}** incident sites in the "
             "Brussels-Capital Region;", len(in_region)).format(n=len(in_region)),
    _("**{n}** known to the municipality and drawn above.").format(n=len(detail)),
    ngettext("**{n}** is known only to the region{quote} and is not spread over its municipalities.",
             "**{n}** are known only to the region{quote} and are not spread over its municipalities.",
             only_region).format(n=only_region, quote=quote)]))
display.provenance_note(sel.rows)
downloads.buttons(sel, key="brussels", view="brussels", metric=metric, counted=counted)
display.unit_incidents(counted, sel.rows, code, units=units)
