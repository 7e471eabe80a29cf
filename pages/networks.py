"""Networks: the report's Table 1 computed from the data, and a map of one network's actions."""

import streamlit as st

from geo.i18n import _
from geo.incidents import aggregate, filters
from geo.ui import display, downloads, mapview, sidebar, state

sel = sidebar.selection()
st.title(_("Networks"))
st.caption(_("Table 1 of the report, computed from the data: arrest actions tied to each named network. An action "
             "tied to two networks counts for both.") if state.dataset_slug() == state.REPORT else
           _("Arrest actions tied to each named network. An action tied to two networks counts for both."))
table = aggregate.count_networks(sel.rows)
if table.empty:
    if sel.all["network_list"].map(bool).any():
        st.warning(_("No arrest action with a named network matches the filters."))
    else:
        st.info(_("This dataset names no network: there is no table or map of networks to show."))
    st.stop()
shown = table.assign(network=table["network"].map(display.network_name))
st.dataframe(shown.rename(columns={"network": _("Network"), "arrest_actions": _("Arrest actions")}),
             hide_index=True)
network = state.page_choice(_("Network"), table["network"].tolist(), param="network", widget="select",
                            format_func=display.network_name)
narrow = filters.Narrow(network=network)
rows = narrow.apply(sel.rows)
title = _("{network}: incident sites").format(network=display.network_name(network))
mapview.symbols(rows, key="networks_map", title=title, outlines="province")
display.provenance_note(rows)
downloads.buttons(sel, key="networks", view="belgium", narrow=narrow, symbols=True,
                  title=title)
display.incident_table(rows)
