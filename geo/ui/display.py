"""What the pages show: the headline figures, the provenance and not-counted notes, the page
title of the picked dataset, legends, the incident table, a map with a swappable data layer (and
the unit a click picked), and the period player of the timeline.
"""

from __future__ import annotations

import html
import time
from collections.abc import Sequence

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import vocab
from geo.errors import DatasetNotFoundError
from geo.incidents import aggregate
from geo.incidents.aggregate import Counted
from geo.io import store
from geo.maps.classify import Classes
from geo.ui import state

INCIDENT_COLUMNS = ["date", "date_precision", "kind", "link", "plot", "place", "city", "geo_precision",
                    "networks", "n_arrested", "provenance", "source", "description"]
MAX_TABLE_ROWS = 5_000


def headline(rows: pd.DataFrame) -> None:
    h = aggregate.headline(rows)
    cols = st.columns(6)
    cols[0].metric("Events", h["events"])
    cols[1].metric("Sites", h["sites"])
    cols[2].metric("Attacks", h["attacks"])
    cols[3].metric("Arrest actions", h["arrest_actions"])
    cols[4].metric("People arrested", h["arrested"])
    cols[5].metric("Plots revealed", h["plots"])


def provenance_note(rows: pd.DataFrame) -> None:
    """Every view says how many reconstructed records it includes."""
    n = int((rows["provenance"] == "reconstructed").sum())
    if n:
        st.caption(f"Includes **{n:,} reconstructed** of {len(rows):,} records (sites): they make the report's "
                   "aggregates hold, with no more precision than the report gives. Switch them off in the sidebar.")
    else:
        kinds = ", ".join(f"{c:,} {p}" for p, c in rows["provenance"].value_counts().items())
        st.caption(f"Includes no reconstructed records ({kinds or 'no records'}).")


def dataset_title(default: str) -> str:
    """The page title: ``default`` for the report's dataset, else the imported dataset's name."""
    slug = state.dataset_slug()
    if slug == state.REPORT:
        return default
    try:
        return f"Incidents: {store.get_dataset(slug).name}"
    except DatasetNotFoundError:
        return default


def show_map(fmap: folium.Map, layer: folium.FeatureGroup | list[folium.FeatureGroup], *, key: str,
             height: int = 620, returned: Sequence[str] = ()) -> dict:
    """Show a constant base map with a swappable data layer; the view (zoom, pan) is kept."""
    return st_folium(fmap, key=key, height=height, use_container_width=True,
                     feature_group_to_add=layer, returned_objects=list(returned)) or {}


def clicked_code(result: dict) -> str | None:
    feature = result.get("last_active_drawing") or {}
    return (feature.get("properties") or {}).get("code")


def legend(classes: Classes, *, title: str, notes: Sequence[str] = ()) -> None:
    items = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:16px;height:12px;background:{color};border:1px solid #888;margin-right:5px;'
        f'display:inline-block"></span>{html.escape(label)}</span>'
        for color, label in classes.legend()
    )
    st.markdown(f"<div class='atlas-legend'><b>{html.escape(title)}</b><br>{items}</div>",
                unsafe_allow_html=True)
    for note in notes:
        st.caption(note)


def symbol_legend(rows: pd.DataFrame | None = None) -> None:
    kinds = set(rows["kind"]) if rows is not None else {"attack", "arrest_action"}
    styles = [v for k, v in vocab.SYMBOLS.items() if k != "other" or not kinds <= {"attack", "arrest_action"}]
    items = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:12px;height:12px;border-radius:50%;background:{color};margin-right:5px;'
        f'display:inline-block"></span>{html.escape(label)}</span>'
        for label, color, _ in styles
    )
    st.markdown(f"<div class='atlas-legend'>{items}<br><small>Symbol size grows with the number of "
                "sites at that place.</small></div>", unsafe_allow_html=True)


def not_counted_note(counted: Counted, *, what: str) -> None:
    reasons = counted.not_counted["reason"].value_counts() if len(counted.not_counted) else {}
    for reason, n in dict(reasons).items():
        if reason.startswith("known only to the region"):
            st.info(f"{n} site(s) are not on this {what} map: they are known only to their region "
                    "and are never spread over its municipalities.")
        else:
            st.warning(f"{n} site(s) are not on any map: {reason} (see the Data page).")


def incident_table(rows: pd.DataFrame, *, height: int | None = None) -> None:
    """A table of incidents; st.dataframe shows text as text (no HTML is interpreted). Large
    tables show their first rows only (the downloads carry them all)."""
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(f"Showing the first {MAX_TABLE_ROWS:,} of {len(rows):,} rows; the downloads hold them all.")
        rows = rows.head(MAX_TABLE_ROWS)
    shown = rows[INCIDENT_COLUMNS].copy()
    shown["date"] = shown["date"].dt.strftime("%Y-%m-%d")
    st.dataframe(shown, hide_index=True, width="stretch", height=height or "auto")


def period_player(periods: Sequence[str], *, key: str, seconds: float = 0.9) -> str:
    """A slider over ``periods`` with a Play button that steps through them (one rerun a step)."""
    slider_key, play_key, next_key = f"{key}_period", f"{key}_playing", f"{key}_next"
    if next_key in st.session_state:  # a step of Play, set before the slider exists
        st.session_state[slider_key] = st.session_state.pop(next_key)
    if st.session_state.get(slider_key) not in periods:
        st.session_state[slider_key] = periods[0]
    c1, c2 = st.columns([6, 1])
    with c2:
        playing = st.session_state.get(play_key, False)
        if st.button("⏸ Pause" if playing else "▶ Play", key=f"{key}_button", width="stretch"):
            playing = not playing
            st.session_state[play_key] = playing
            if playing and st.session_state[slider_key] == periods[-1]:
                st.session_state[next_key] = periods[0]
                st.rerun()
    with c1:
        current = st.select_slider("Period", options=list(periods), key=slider_key)
    if playing:
        index = list(periods).index(current)
        if index + 1 < len(periods):
            time.sleep(seconds)
            st.session_state[next_key] = periods[index + 1]
            st.rerun()
        st.session_state[play_key] = False
    return current
