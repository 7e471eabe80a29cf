"""The maps of the pages: a map with a swappable data layer (and the unit a click picked), the
legends drawn beside it, and the period player of the timeline."""

from __future__ import annotations

import html
import time
from collections.abc import Sequence

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import vocab
from geo.maps.classify import Classes


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
