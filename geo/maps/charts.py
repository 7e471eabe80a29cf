"""Charts as Altair specifications (rendered by Streamlit's own front end, offline):
the report's Figure 1 (events per year by kind) and Figure 2 (sites per city), and the timeline.

Counts are whole numbers: every count axis ticks at integers only (Vega would otherwise tick at
0.5 when a bar is 1 to 3 high). ``numbered`` names a chart after the report's figure; charts of
another dataset are not the report's figures and carry no number.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd

from geo import vocab
from geo.i18n import _


def _title(text: str, width: int = 48) -> alt.TitleParams:
    """A chart title over as many lines as it needs (Vega cuts a long one short with "…"; French and
    Dutch titles run longer than English)."""
    return alt.TitleParams(textwrap.wrap(text, width) or [text], anchor="start")


def count_axis(title: str) -> alt.Axis:
    """An axis that counts: ticks at whole numbers only, written without decimals."""
    return alt.Axis(title=title, tickMinStep=1, format=",d")


def figure1(by_year_kind: pd.DataFrame, *, numbered: bool = True) -> alt.Chart:
    """Events per year, stacked by kind. Input: ``count_by_period(..., by="kind").table``."""
    labels = {k: _(v) for k, v in vocab.KIND_LABELS.items()}
    data = by_year_kind.assign(kind=by_year_kind["kind"].map(labels).fillna(by_year_kind["kind"]))
    kinds = [k for k in vocab.KINDS if k in set(by_year_kind["kind"])] or list(vocab.REPORT_KINDS)
    colors = {**{k: vocab.SYMBOLS[k][1] for k in vocab.KINDS}, **vocab.KIND_COLORS}
    title = _("Arrest actions and attacks per year (events)") if set(kinds) <= set(vocab.REPORT_KINDS) \
        else _("Incidents per year, by kind (events)")
    if numbered:
        title = _("Figure 1 · {title}").format(title=title)
    return (
        alt.Chart(data, title=_title(title))
        .mark_bar()
        .encode(
            x=alt.X("period:O", title=_("Year")),
            y=alt.Y("count:Q", stack=True, axis=count_axis(_("Events"))),
            color=alt.Color("kind:N", title=_("Kind"),
                            scale=alt.Scale(domain=[labels[k] for k in kinds],
                                            range=[colors[k] for k in kinds])),
            tooltip=[alt.Tooltip("period:O", title=_("Year")), alt.Tooltip("kind:N", title=_("Kind")),
                     alt.Tooltip("count:Q", title=_("Events"))],
        )
    )


def figure2(by_city: pd.DataFrame, *, numbered: bool = True, city_names: Mapping[str, str] | None = None) -> alt.Chart:
    """Sites per city, largest first. Input: ``count_by_city(..., min_count=2).table``; ``city_names``
    names the cities as the reader asked (local names or the reader's language)."""
    if city_names:
        by_city = by_city.assign(city=by_city["city"].map(lambda c: city_names.get(c, c)))
    title = _("Incidents in cities with more than one (sites)")
    if numbered:
        title = _("Figure 2 · {title}").format(title=title)
    return (
        alt.Chart(by_city, title=_title(title))
        .mark_bar(color="#2166ac")
        .encode(
            x=alt.X("count:Q", axis=count_axis(_("Incidents (sites)"))),
            y=alt.Y("city:N", sort="-x", title=None),
            tooltip=[alt.Tooltip("city:N", title=_("City")), alt.Tooltip("count:Q", title=_("Sites"))],
        )
    )


def timeline(counts: pd.DataFrame, *, current: str | None = None, cumulative: bool = False) -> alt.Chart:
    """Incidents per period; the current period is highlighted. Input:
    ``count_by_period(...).table`` (columns ``period``, ``count``)."""
    data = counts.assign(current=counts["period"] == current)
    return (
        alt.Chart(data, title=_title(_("Cumulative incidents") if cumulative else _("Incidents per period")))
        .mark_bar()
        .encode(
            x=alt.X("period:O", title=None),
            y=alt.Y("count:Q", axis=count_axis(_("Incidents"))),
            color=alt.condition("datum.current", alt.value("#b2182b"), alt.value("#9ab3d5")),
            tooltip=[alt.Tooltip("period:O", title=_("Period")), alt.Tooltip("count:Q", title=_("Incidents"))],
        )
    )
