"""Data: the filtered table, searchable, with the provenance of each row explained."""

import streamlit as st

from geo.i18n import _, number
from geo.incidents import filters, readable
from geo.ui import datasets, display, downloads, importing, sidebar

sel = sidebar.selection()
st.title(_("Data"))
st.markdown("\n".join(f"- {line}" for line in readable.record_kinds(sel.all)))
left, right = st.columns([3, 2])
query = left.text_input(_("Search"), placeholder=_("Words in place, description, networks, source…"))
place = right.text_input(_("Place"), placeholder=_("Any spelling or a postal code: Luik, Schaarbeek, 1080…"),
                         help=_("Official and other names of a municipality in Dutch, French, German or English, "
                                "its sections, or a postal code. Brussels is the whole region."))
narrow = filters.Narrow(search=query, place=place)
rows = narrow.apply(sel.rows)
if place.strip() and filters.in_place(sel.rows, place) is None:
    st.warning(_("No Belgian place is called {place!r}.").format(place=place.strip()))
st.caption(_("{n} of {total} records shown.").format(n=number(len(rows)), total=number(len(sel.all))))
display.provenance_note(rows)
display.incident_table(rows, height=560)
downloads.buttons(sel, key="data", narrow=narrow)

st.header(_("Bring your own incidents"))
importing.panel()
st.subheader(_("Saved datasets"))
datasets.panel(sel.request)
