"""Session state and the URL: the session keys of the shared sidebar, the picked dataset, the
filters the sidebar holds, their sync with the URL's query parameters, and a page's own choice
kept in the URL (``page_choice``).

State lives in ``st.session_state`` (one per browser session) and in the URL's query parameters;
nothing here keeps module-level mutable state.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from geo.incidents.filters import Filters

# Session-state keys of the shared sidebar (app.py draws it; pages read it).
K_YEARS, K_CITIES, K_KINDS, K_LINKS = "f_years", "f_cities", "f_kinds", "f_links"
K_PLOTS, K_RECON, K_TILES = "f_plots", "f_reconstructed", "f_tiles"
_INIT = "_filters_initialised"
_FILTERS_FOR = "_filters_dataset"  # the dataset the year range was set for

REPORT = "report"  # the slug of the report's own dataset
K_DATASET = "f_dataset"
PENDING_DATASET = "_pending_dataset"  # a dataset to pick on the next run (set before the picker exists)

FILTER_PARAMS = ("years", "cities", "kinds", "links", "plots", "reconstructed", "tiles", "dataset")


def dataset_slug() -> str:
    return st.session_state.get(K_DATASET) or REPORT


def tiles_on() -> bool:
    return bool(st.session_state.get(K_TILES, False))


def current_filters() -> Filters:
    """The filters the sidebar holds now (defaults before it was drawn)."""
    years = st.session_state.get(K_YEARS)
    return Filters(
        years=tuple(years) if years else None,
        cities=tuple(st.session_state.get(K_CITIES, ())),
        kinds=tuple(st.session_state.get(K_KINDS, ())),
        links=tuple(st.session_state.get(K_LINKS, ())),
        plots_only=bool(st.session_state.get(K_PLOTS, False)),
        include_reconstructed=bool(st.session_state.get(K_RECON, True)),
    )


def init_from_query(options: dict) -> None:
    """Fill the filters from the URL on a session's first run; later, keep them valid for the
    dataset now picked. Choosing, saving or opening another dataset sets the years to all of that
    dataset's years: a range kept from the previous dataset would silently hide rows."""
    if st.session_state.get(_INIT):
        if st.session_state.get(_FILTERS_FOR) != dataset_slug():
            st.session_state[K_YEARS] = tuple(options["years"])
            st.session_state[_FILTERS_FOR] = dataset_slug()
        _sanitize(options)
        return
    f = Filters.from_query(st.query_params.to_dict(), allowed=options)
    st.session_state[K_YEARS] = f.years or options["years"]
    st.session_state[K_CITIES] = list(f.cities)
    st.session_state[K_KINDS] = list(f.kinds)
    st.session_state[K_LINKS] = list(f.links)
    st.session_state[K_PLOTS] = f.plots_only
    st.session_state[K_RECON] = f.include_reconstructed
    st.session_state[K_TILES] = st.query_params.get("tiles") == "1"
    st.session_state[_FILTERS_FOR] = dataset_slug()
    st.session_state[_INIT] = True
    _sanitize(options)


def _sanitize(options: dict) -> None:
    """Keep the filters valid for the dataset now picked (another dataset has other cities)."""
    for key, name in ((K_CITIES, "cities"), (K_KINDS, "kinds"), (K_LINKS, "links")):
        values = st.session_state.get(key) or []
        kept = [v for v in values if v in options[name]]
        if kept != values:
            st.session_state[key] = kept
    if not options.get("reconstructed"):  # the toggle is hidden: never leave rows out with it
        st.session_state[K_RECON] = True
    if not options.get("plots", True):  # no plot in the dataset: the toggle is hidden
        st.session_state[K_PLOTS] = False
    lo, hi = options["years"]
    a, b = st.session_state.get(K_YEARS) or (lo, hi)
    a, b = max(lo, min(a, hi)), min(hi, max(b, lo))
    if (a, b) != tuple(st.session_state.get(K_YEARS) or ()):
        st.session_state[K_YEARS] = (min(a, b), max(a, b))


def _sync_query(wanted: dict[str, str], owned: Sequence[str]) -> None:
    """Make the URL hold ``wanted`` for the parameters in ``owned``; leave the others alone."""
    current = st.query_params.to_dict()
    for key in owned:
        if key in wanted and current.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in current:
            del st.query_params[key]


def write_query(options: dict) -> None:
    """Put the sidebar's filters and dataset in the URL (defaults left out)."""
    filters = current_filters()
    params = filters.to_query()
    if filters.years == options["years"]:
        params.pop("years", None)
    if st.session_state.get(K_TILES):
        params["tiles"] = "1"
    if dataset_slug() != REPORT:
        params["dataset"] = dataset_slug()
    _sync_query(params, FILTER_PARAMS)


def page_choice(label: str, options: Sequence, *, param: str, default=None, format_func=str,
                horizontal: bool = True, widget: str = "radio"):
    """A page's own choice (level, metric…), kept in the URL as ``param``."""
    key = f"p_{param}"
    if key not in st.session_state:
        raw = st.query_params.get(param)
        match = [o for o in options if str(o) == raw]
        st.session_state[key] = match[0] if match else (default if default is not None else options[0])
    if widget == "select":
        value = st.selectbox(label, options, key=key, format_func=format_func)
    else:
        value = st.radio(label, options, key=key, format_func=format_func, horizontal=horizontal)
    _sync_query({param: str(value)}, [param])
    return value
