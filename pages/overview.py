"""Overview: headline figures, the report's Map 1, Figure 1 and Figure 2 for the filtered data."""

import streamlit as st

from geo import vocab
from geo.i18n import _, ngettext
from geo.incidents import aggregate
from geo.maps import charts
from geo.stats import presets
from geo.ui import display, downloads, links, mapview, partial, sidebar, state
from geo.ui.sidebar import Selection


@partial.fragment
def map_part(sel: Selection, report: bool) -> None:
    """Map 1 and its downloads: opening the downloads reruns only this."""
    st.subheader(_(vocab.MAP1_TITLE) if report else _("Incident sites, by kind"))
    mapview.symbols(sel.rows, key="overview_map", title=_("Incident sites, by kind"))
    downloads.buttons(sel, key="overview", view="belgium", symbols=True)


sel = sidebar.selection()
st.title(display.dataset_title(_("Islamic State–linked and –inspired incidents in Belgium, {period}").format(
    period=display.report_period())))  # the report's period, quoted from geo.report, in the reader's language
if state.dataset_slug() == state.REPORT:
    st.caption(_("After the Combating Terrorism Center's *Beyond the Caliphate: Belgium* (2018). "
                 "Filters in the sidebar apply to every page."))
report = state.dataset_slug() == state.REPORT
display.headline(sel.rows, of=sel.all)
display.provenance_summary(sel.rows)

map_part(sel, report)

left, right = st.columns(2)
with left:
    per_year = aggregate.count_by_period(sel.rows, period="year", by="kind", unit="events")
    st.altair_chart(charts.figure1(per_year.table, numbered=report), width="stretch")
with right:
    cities = aggregate.count_by_city(sel.rows, unit="sites", min_count=2)
    st.altair_chart(charts.figure2(cities.table, numbered=report, city_names=display.city_names(sel.rows)),
                    width="stretch")
    no_city = int(aggregate.in_belgium(cities.not_counted).sum())
    if no_city:
        st.caption(ngettext("{n} site known only to Flanders or Wallonia belongs to no city.",
                            "{n} sites known only to Flanders or Wallonia belong to no city.", no_city).format(n=no_city))
    if report:  # the report's contrast, in one view of the Compare page
        st.caption(_("The report contrasts Charleroi, its second hot spot though few foreign fighters left "
                     "from it, with Antwerp, which sent about a fifth of them and had few incidents."))
        links.page_link("compare", _("Antwerp and Hainaut on one map"),
                        presets.CONTRAST)
