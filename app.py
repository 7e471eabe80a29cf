"""The Belgian incident atlas: the frame of the app (page config, navigation, shared sidebar)."""

from pathlib import Path

import streamlit as st

from geo.i18n import _
from geo.ui import data, session, sidebar, theme

HERE = Path(__file__).resolve().parent

session.start()  # this run's request: language (URL, choice or browser), role and its store; first
st.set_page_config(page_title=_("Belgian incident atlas"), page_icon="🗺️", layout="wide")  # inline icon: no request
data.leaflet_urls()  # copy Leaflet into static/ before any map asks for it

pages = [
    st.Page(HERE / "pages" / "overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
    st.Page(HERE / "pages" / "belgium.py", title=_("Belgium"), icon=":material/map:", url_path="belgium"),
    st.Page(HERE / "pages" / "brussels.py", title=_("Brussels"), icon=":material/location_city:", url_path="brussels"),
    st.Page(HERE / "pages" / "charleroi.py", title=_("Charleroi"), icon=":material/factory:", url_path="charleroi"),
    st.Page(HERE / "pages" / "timeline.py", title=_("Timeline"), icon=":material/timeline:", url_path="timeline"),
    st.Page(HERE / "pages" / "compare.py", title=_("Compare"), icon=":material/compare:", url_path="compare"),
    st.Page(HERE / "pages" / "networks.py", title=_("Networks"), icon=":material/hub:", url_path="networks"),
    st.Page(HERE / "pages" / "report_check.py", title=_("Report check"), icon=":material/fact_check:", url_path="report-check"),
    st.Page(HERE / "pages" / "data.py", title=_("Data"), icon=":material/table:", url_path="data"),
]
page = st.navigation(pages)
theme.apply()  # compact on phones, visible keyboard focus
sidebar.draw()
page.run()
