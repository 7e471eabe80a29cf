"""Timeline: move through the years or months; the map and the chart follow."""

import streamlit as st

from geo.i18n import N_, _, ngettext
from geo.incidents import aggregate, filters, readable
from geo.maps import charts
from geo.ui import data, display, downloads, mapview, partial, sidebar, state
from geo.ui.sidebar import Selection

STEP_LABELS = {"year": N_("By year"), "month": N_("By month")}
MODE_LABELS = {"period": N_("In the period"), "cumulative": N_("Cumulative")}


@partial.fragment
def body(sel: Selection) -> None:
    """The map, the chart and what follows: the step, the mode and the map's period rerun only this."""
    c1, c2 = st.columns(2)
    with c1:
        step = state.page_choice(_("Step"), list(STEP_LABELS), param="step", format_func=lambda k: _(STEP_LABELS[k]))
    with c2:
        mode = state.page_choice(_("Show"), list(MODE_LABELS), param="mode", format_func=lambda k: _(MODE_LABELS[k]))
    cumulative = mode == "cumulative"

    per_period = aggregate.count_by_period(sel.rows, period=step, unit="sites", cumulative=cumulative)
    periods = per_period.table["period"].tolist()
    if not periods:
        st.warning(_("No incident matches the filters."))
        return
    map_key = f"timeline_map_{step}"
    current = mapview.period_of(map_key, periods)

    units = data.view_units("belgium", "municipality")
    wide = aggregate.count_by_unit_and_period(sel.rows, period=step, cumulative=cumulative)
    classes = downloads.classes(wide.to_numpy().ravel().tolist() if len(wide) else [])
    narrow = filters.Narrow(period=step, value=current, cumulative=cumulative)
    now = narrow.apply(sel.rows)
    counted = aggregate.count_by_unit(now, level="municipality", units_frame=units)
    mapview.timeline(sel.rows, mapview.Timeline(tuple(periods), step, cumulative), classes, key=map_key,
                     title=(_("Incident sites up to {period} (same classes for every period)") if cumulative
                            else _("Incident sites in {period} (same classes for every period)")))
    display.not_counted_note(counted, level="municipality")
    st.altair_chart(charts.timeline(per_period.table, current=current, cumulative=cumulative),
                    width="stretch")
    year_only = per_period.not_counted[per_period.not_counted["reason"] != aggregate.NOT_IN_BELGIUM]
    if len(year_only):
        st.info(ngettext("{n} site is dated only to the year: it counts in yearly views and is not placed in any "
                         "month.", "{n} sites are dated only to the year: they count in yearly views and are not "
                         "placed in any month.", len(year_only)).format(n=len(year_only)))
        with st.expander(_("Sites dated only to the year")):
            display.incident_table(sel.rows[sel.rows["site_id"].isin(year_only["site_id"])])
    display.provenance_note(sel.rows)
    downloads.buttons(sel, key="timeline", view="belgium", counted=counted,
                      narrow=narrow,
                      title=(_("Incident sites up to {period}") if cumulative else _("Incident sites in {period}")).format(
                          period=readable.period_text(current)),
                      animation={"period": step, "cumulative": cumulative})


sel = sidebar.selection()
st.title(_("Timeline"))
body(sel)
