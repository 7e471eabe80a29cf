"""Cached loaders, shared by every session: the report's incidents and the saved datasets, the
units of a view, the Leaflet assets, and the choices (years, cities, kinds, links) the picked
dataset offers. What they return is shared: never mutate it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import vocab
from geo.errors import DatasetNotFoundError
from geo.i18n import _, number
from geo.incidents import aggregate
from geo.incidents import table as incidents_mod
from geo.io import store
from geo.maps import views, web
from geo.ui import state


@st.cache_resource(show_spinner=False, max_entries=2)
def _report_incidents(mtime: float) -> pd.DataFrame:
    return incidents_mod.load_incidents()


@st.cache_resource(show_spinner=False, max_entries=4)
def _saved_incidents(slug: str, imported_at: str) -> pd.DataFrame:
    return store.load_dataset(slug)


def frame_for(slug: str) -> pd.DataFrame:
    """The shared table of a dataset (raises DatasetNotFoundError for an unknown slug)."""
    if slug == state.REPORT:
        with st.spinner(_("Loading incidents…")):
            return _report_incidents(incidents_mod.INCIDENTS_CSV.stat().st_mtime)
    info = store.get_dataset(slug)
    with st.spinner(_("Loading dataset…")):
        return _saved_incidents(slug, info.imported_at)


def all_incidents() -> pd.DataFrame:
    """Every row of the dataset the sidebar picks (the report's by default). Shared by all
    sessions (one copy in memory, whatever the number of users): never mutate it."""
    try:
        return frame_for(state.dataset_slug())
    except DatasetNotFoundError:
        st.session_state[state.PENDING_DATASET] = state.REPORT
        return frame_for(state.REPORT)


def dataset_names() -> dict[str, str]:
    """The datasets the picker offers: slug -> label."""
    names = {state.REPORT: _("CTC report: Belgium 2014–2017")}
    for info in store.list_datasets():
        names[info.slug] = _("{name} ({n} rows)").format(name=info.name, n=number(info.accepted))
    return names


@st.cache_resource(show_spinner=False)
def view_units(view: views.ViewName, level: str, web: bool = True):
    """Units of a view, shared by every session: never mutate the result (``.copy()`` first)."""
    return views.view_units(view, level=level, web=web)


@st.cache_resource
def leaflet_urls() -> dict[str, str]:
    return web.leaflet_assets()


@st.cache_data(max_entries=8, show_spinner=False)
def _options_cached(slug: str, stamp: str) -> dict:
    frame = all_incidents()
    cities = aggregate.count_by_city(frame).table["city"].tolist()
    years = (int(frame["year"].min()), int(frame["year"].max())) if len(frame) else (2014, 2017)
    kinds, links = set(frame["kind"].unique()), set(frame["link"].unique())
    return {
        "years": years,
        "reconstructed": int((frame["provenance"] == "reconstructed").sum()),
        "plots": bool(frame["plot"].astype(bool).any()),
        "cities": tuple(cities),
        # each city's municipality (for its name in the reader's language; Brussels is the region)
        "city_codes": tuple(frame[frame["city"].isin(cities)].drop_duplicates("city")[["city", "municipality_nis"]]
                            .itertuples(index=False, name=None)),
        "kinds": tuple(k for k in vocab.KIND_LABELS if k in kinds),
        "links": tuple(k for k in vocab.LINK_LABELS if k in links),
    }


def data_options() -> dict:
    """The choices the picked dataset offers (years, cities, kinds, links; how many reconstructed
    rows, whether any row revealed a plot), once per dataset."""
    slug = state.dataset_slug()
    if slug == state.REPORT:
        stamp = str(incidents_mod.INCIDENTS_CSV.stat().st_mtime)
    else:
        try:
            stamp = store.get_dataset(slug).imported_at
        except DatasetNotFoundError:
            stamp = ""
    return _options_cached(slug, stamp)
