"""Cached loaders, shared by every session: the report's incidents and the saved datasets, the
units of a view, the Leaflet assets, and the choices (years, cities, kinds, links) the picked
dataset offers. What they return is shared: never mutate it.
"""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st

from geo import vocab
from geo.admin import names
from geo.errors import DatasetNotFoundError
from geo.i18n import _, number
from geo.incidents import aggregate
from geo.incidents import table as incidents_mod
from geo.io.store import Store
from geo.maps import views, web
from geo.request import Request
from geo.ui import state

_LOADED = "_atlas_tables_loaded"  # session key: the tables this session has read (see _loading)


@st.cache_resource(show_spinner=False, max_entries=2)
def _report_incidents(stamp: tuple[int, int]) -> pd.DataFrame:
    """The report's incidents, keyed on the file's identity (size, modification time)."""
    return incidents_mod.load_incidents()


def _report_stamp() -> tuple[int, int]:
    seen = incidents_mod.INCIDENTS_CSV.stat()
    return seen.st_size, seen.st_mtime_ns


@st.cache_resource(show_spinner=False, max_entries=4)
def _saved_incidents(_store: Store, source: str, slug: str, imported_at: str) -> pd.DataFrame:
    """The one cache of saved datasets in a process (the stores keep none), keyed on where the data
    lives (``source``: not the login), the slug and the import time (a dataset saved again under the
    same slug is another one)."""
    return _store.load_dataset(slug)


def _loading(key: tuple, text: str):
    """A spinner the first time this session reads the table ``key`` names, none after: the
    table is then in the process's cache (or was just loaded), and a spinner costs every rerun a
    timer thread and two messages to the browser (a sidebar filter change ran two)."""
    seen = st.session_state.setdefault(_LOADED, set())
    if key in seen:
        return contextlib.nullcontext()
    seen.add(key)
    return st.spinner(text)


def _version(slug: str, store: Store | None) -> tuple:
    """What names the version of a dataset now stored: the report's file identity, or a saved
    dataset's source, slug and import time (a dataset saved again under its slug is another)."""
    if slug == state.REPORT:
        return slug, _report_stamp()
    if store is None:
        raise ValueError(f"dataset {slug!r}: reading a saved dataset needs the request's store")
    return store.source, slug, store.get_dataset(slug).imported_at


def frame_for(slug: str, store: Store | None = None) -> pd.DataFrame:
    """The shared table of a dataset, read from ``store`` (the request's: a reader's reads through
    the readers' login); the report's needs none. Raises DatasetNotFoundError for an unknown slug,
    and ValueError for a saved dataset without a store: there is no default store to fall back on."""
    version = _version(slug, store)
    if slug == state.REPORT:
        with _loading(version, _("Loading incidents…")):
            return _report_incidents(version[1])
    with _loading(version, _("Loading dataset…")):
        return _saved_incidents(store, *version)


def version(request: Request) -> str:
    """The version of the dataset :func:`all_incidents` reads for ``request``, as text: a cache
    of what was computed from the rows keys on it (not on the slug, which a new import reuses)."""
    try:
        return repr(_version(request.dataset, request.store))
    except DatasetNotFoundError:
        return repr(_version(state.REPORT, None))


def all_incidents(request: Request) -> pd.DataFrame:
    """Every row of the dataset ``request`` picks (the report's by default). Shared by all
    sessions (one copy in memory, whatever the number of users): never mutate it."""
    try:
        return frame_for(request.dataset, request.store)
    except DatasetNotFoundError:
        st.session_state[state.PENDING_DATASET] = state.REPORT
        return frame_for(state.REPORT)


def dataset_names(request: Request) -> dict[str, str]:
    """The datasets the picker offers: slug -> label. Manifests the store could not read are
    left out (the Data page's saved-datasets panel says which and why)."""
    names = {state.REPORT: _("CTC report: Belgium 2014–2017")}
    for info in request.store.list_datasets():
        names[info.slug] = _("{name} ({n} rows)").format(name=info.name, n=number(info.accepted))
    return names


@st.cache_resource(show_spinner=False)
def view_units(view: views.ViewName, level: str, web: bool = True):
    """Units of a view, shared by every session: never mutate the result (``.copy()`` first)."""
    return views.view_units(view, level=level, web=web)


@st.cache_resource(show_spinner=False)
def shown_names(view: views.ViewName, level: str, lang: str, mode: names.Mode = "local") -> tuple[str, ...]:
    """The names of a view's units (in :func:`view_units`' order) in language ``lang`` and naming
    ``mode``, shared by every session (the map's geometry file and labels use them)."""
    return tuple(names.names_of_units(view_units(view, level), language=lang, mode=mode))


@st.cache_resource
def leaflet_urls() -> dict[str, str]:
    return web.leaflet_assets()


def _options(frame: pd.DataFrame) -> dict:
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


@st.cache_data(max_entries=8, show_spinner=False)
def _options_cached(source: str, slug: str, stamp: str, _frame: pd.DataFrame) -> dict:
    """The choices of one version of one dataset: keyed on where it lives, its slug and its
    version (``stamp``); ``_frame`` is that version's table (not hashed: the key names it). Reads
    and writes no session state."""
    return _options(_frame)


def data_options(request: Request) -> dict:
    """The choices the dataset ``request`` picks offers (years, cities, kinds, links; how many
    reconstructed rows, whether any row revealed a plot), once per dataset version."""
    frame = all_incidents(request)  # the report's when the picked dataset is gone (and says so)
    if request.dataset != state.REPORT:
        try:
            stamp = request.store.get_dataset(request.dataset).imported_at
            return _options_cached(request.store.source, request.dataset, stamp, frame)
        except DatasetNotFoundError:
            pass
    return _options_cached("report", state.REPORT, str(_report_stamp()), frame)
