"""The shared sidebar (dataset picker and filters), drawn once by app.py for every page, and the
``Selection`` every page starts from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from babel.lists import format_list

from geo import vocab
from geo.i18n import _, number
from geo.i18n import language as reader_language
from geo.incidents.filters import Filters
from geo.request import Request
from geo.ui import data, language, session, state


def _dataset_picker(request: Request) -> None:
    names = data.dataset_names(request)
    if state.PENDING_DATASET in st.session_state:  # set by an import or a delete, before the widget exists
        st.session_state[state.K_DATASET] = st.session_state.pop(state.PENDING_DATASET)
    if state.K_DATASET not in st.session_state:
        st.session_state[state.K_DATASET] = st.query_params.get("dataset", state.REPORT)
    if st.session_state[state.K_DATASET] not in names:
        st.session_state[state.K_DATASET] = state.REPORT
    st.selectbox(_("Dataset"), list(names), key=state.K_DATASET, format_func=names.get,
                 help=_("The report's incidents, or a dataset you imported on the Data page."))


def draw() -> None:
    """The shared filters, drawn once by app.py for every page, kept in the URL; then the run's
    request holds them (:func:`geo.ui.session.settle`)."""
    request = session.request()
    with st.sidebar:
        language.picker()
        _dataset_picker(request)
    request = request.with_filters(request.filters, dataset=state.dataset_slug())  # the picker's
    rows = data.all_incidents(request)
    options = data.data_options(request)
    state.init_from_query(options)
    n_recon = options["reconstructed"]
    city_names = language.city_labels(dict(options["city_codes"]))  # Bruxelles / Brussel, Antwerpen…
    with st.sidebar:
        st.header(_("Filters"))
        lo, hi = options["years"]
        if lo < hi:
            st.slider(_("Years"), min_value=lo, max_value=hi, key=state.K_YEARS)
        else:
            st.caption(_("Year: {year}").format(year=lo))
        st.multiselect(_("City"), options["cities"], key=state.K_CITIES, placeholder=_("All cities"),
                       format_func=lambda c: city_names.get(c, c),
                       help=_("The report's grouping: Brussels is the whole Brussels-Capital Region."))
        st.multiselect(_("Kind"), options["kinds"], key=state.K_KINDS, placeholder=_("Attacks and arrest actions"),
                       format_func=lambda k: _(vocab.KIND_LABELS.get(k, k)))
        # Controls that do not apply to this dataset are not drawn; a caption says why.
        absent = []
        if options["links"]:
            st.multiselect(_("Link to the Islamic State"), options["links"], key=state.K_LINKS,
                           placeholder=_("Linked and inspired"), format_func=lambda k: _(vocab.LINK_LABELS.get(k, k)))
        else:
            absent.append(_("link to the Islamic State"))
        if options["plots"]:
            st.toggle(_("Plots only"), key=state.K_PLOTS, help=_("Arrest actions that revealed a plot."))
        else:
            absent.append(_("plots"))
        if n_recon:
            st.toggle(_("Include reconstructed records ({n} of {total})").format(n=number(n_recon), total=number(len(rows))),
                      key=state.K_RECON,
                      help=_("Reconstructed rows make the report's published figures hold; they are not "
                             "events on the public record. See the Data page."))
        else:
            absent.append(_("reconstructed records"))
        if absent:
            st.caption(_("This dataset does not record these, so it has no filter for them: {what}.").format(
                what=format_list(absent, locale=reader_language())))
        st.toggle(_("Basemap tiles (needs network)"), key=state.K_TILES,
                  help=_("Off by default: the app works offline without them."))
    state.write_query(options)
    session.settle()


@dataclass(frozen=True)
class Selection:
    """What a page works on: every row, the filtered rows, and the run's request (its filters,
    language, store and role: pass it on to what needs them)."""

    all: pd.DataFrame
    rows: pd.DataFrame
    request: Request

    @property
    def filters(self) -> Filters:
        return self.request.filters

    @property
    def all_years(self) -> tuple[int, int]:
        return int(self.all["year"].min()), int(self.all["year"].max())


def selection() -> Selection:
    """What a page works on. Every page starts with it."""
    request = session.request()
    rows = data.all_incidents(request)
    return Selection(rows, request.filters.apply(rows), request)
