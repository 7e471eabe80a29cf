"""What the pages show: the headline figures, the provenance and not-counted notes, the page
title of the picked dataset and the incident table (the maps are :mod:`geo.ui.mapview`'s)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.errors import DatasetNotFoundError
from geo.incidents import aggregate
from geo.incidents.aggregate import Counted
from geo.io import store
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


