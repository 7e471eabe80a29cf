"""Charts as Altair specifications (rendered by Streamlit's own front end, offline):
the report's Figure 1 (events per year by kind) and Figure 2 (sites per city), and the timeline."""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo import vocab


def figure1(by_year_kind: pd.DataFrame) -> alt.Chart:
    """Events per year, stacked by kind. Input: ``count_by_period(..., by="kind").table``."""
    data = by_year_kind.assign(kind=by_year_kind["kind"].map(vocab.KIND_LABELS).fillna(by_year_kind["kind"]))
    return (
        alt.Chart(data, title="Figure 1 · Arrest actions and attacks per year (events)")
        .mark_bar()
        .encode(
            x=alt.X("period:O", title="Year"),
            y=alt.Y("count:Q", title="Events", stack=True),
            color=alt.Color("kind:N", title="Kind", scale=alt.Scale(domain=[vocab.KIND_LABELS[k] for k in vocab.KIND_COLORS],
                                                                     range=list(vocab.KIND_COLORS.values()))),
            tooltip=[alt.Tooltip("period:O", title="Year"), alt.Tooltip("kind:N", title="Kind"),
                     alt.Tooltip("count:Q", title="Events")],
        )
    )


def figure2(by_city: pd.DataFrame) -> alt.Chart:
    """Sites per city, largest first. Input: ``count_by_city(..., min_count=2).table``."""
    return (
        alt.Chart(by_city, title="Figure 2 · Incidents in cities with more than one (sites)")
        .mark_bar(color="#2166ac")
        .encode(
            x=alt.X("count:Q", title="Incidents (sites)"),
            y=alt.Y("city:N", sort="-x", title=None),
            tooltip=[alt.Tooltip("city:N", title="City"), alt.Tooltip("count:Q", title="Sites")],
        )
    )


def timeline(counts: pd.DataFrame, *, current: str | None = None, cumulative: bool = False) -> alt.Chart:
    """Incidents per period; the current period is highlighted. Input:
    ``count_by_period(...).table`` (columns ``period``, ``count``)."""
    data = counts.assign(current=counts["period"] == current)
    return (
        alt.Chart(data, title="Cumulative incidents" if cumulative else "Incidents per period")
        .mark_bar()
        .encode(
            x=alt.X("period:O", title=None),
            y=alt.Y("count:Q", title="Incidents"),
            color=alt.condition("datum.current", alt.value("#b2182b"), alt.value("#9ab3d5")),
            tooltip=[alt.Tooltip("period:O", title="Period"), alt.Tooltip("count:Q", title="Incidents")],
        )
    )
