"""Belgium: a choropleth at any level, as counts or per 100,000 residents."""

import streamlit as st

from geo.admin import boundaries
from geo.i18n import N_, _
from geo.incidents import aggregate
from geo.io import casualties
from geo.maps import classify
from geo.ui import analysis, data, display, downloads, mapview, partial, sidebar, state
from geo.ui.sidebar import Selection

LEVEL_LABELS = {"municipality": N_("Municipality"), "arrondissement": N_("Arrondissement"),
                "province": N_("Province"), "region": N_("Region")}
METRIC_LABELS = {"count": N_("Incidents (sites)"), "per_100k": N_("Per 100,000 residents"), "hotspots": N_("Hot spots")}


@partial.fragment
def body(sel: Selection) -> None:
    """The map and what follows it: its controls (level, metric, classes) and a click on a unit
    rerun only this part of the page."""
    c1, c2, c3 = st.columns([2, 2, 1])
    with c1:
        level = state.page_choice(_("Level"), boundaries.LEVELS, param="level",
                                  format_func=lambda k: _(LEVEL_LABELS[k]))
    with c2:
        metric = state.page_choice(_("Metric"), list(METRIC_LABELS), param="metric",
                                   format_func=lambda k: _(METRIC_LABELS[k]))
    with c3:
        scheme = state.page_choice(_("Classes"), list(classify.SCHEMES[:3]), param="classes", widget="select",
                                   format_func=lambda k: _(classify.SCHEME_LABELS.get(k, k)))
    if metric == "hotspots":  # Getis-Ord Gi* on the events (geo.stats), its method written under the map
        analysis.hotspots_mode(sel, level, key="belgium_map")  # the same map, updated in place
        return

    units = data.view_units("belgium", level)
    counted = (aggregate.sum_by_unit(sel.rows, metric, level=level, units_frame=units) if metric in casualties.COLUMNS
               else aggregate.count_by_unit(sel.rows, level=level, units_frame=units))
    values = counted.table["per_100k" if metric == "per_100k" else "count"]
    classes = downloads.classes(values.tolist(), scheme=scheme, integer=metric != "per_100k")
    code = mapview.choropleth("belgium", level, counted, classes, rows=sel.rows, metric=metric, key="belgium_map",
                              title=_(METRIC_LABELS[metric]))
    display.not_counted_note(counted, level=level)
    display.provenance_note(sel.rows)
    downloads.buttons(sel, key="belgium", view="belgium", level=level, metric=metric, scheme=scheme, counted=counted)

    if not display.unit_incidents(counted, sel.rows, code, level=level, units=units):
        st.caption(_("Click a unit on the map to list its incidents."))


sel = sidebar.selection()
METRIC_LABELS.update(casualties.metric_labels(sel.rows))  # people killed/injured, where the dataset has them
st.title(_("Belgium"))
body(sel)
