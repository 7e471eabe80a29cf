"""Compare: hot spots, steady rates, and incidents against foreign-fighter figures on one map
(issue 20). Thin: the page's choices → geo.stats → a map model → the map component."""

import streamlit as st

from geo.i18n import N_, _
from geo.incidents.trend import summary, trend
from geo.layers import foreign_fighters
from geo.maps.model import MapSpec
from geo.stats import compare, maps, rates, scatter
from geo.stats.hotspots import hotspots
from geo.ui import data, display, mapview, partial, sidebar, state
from geo.ui.sidebar import Selection

MODES = {"hotspots": N_("Hot spots"), "rates": N_("Steady rates"),
         "bivariate": N_("Incidents and foreign fighters"), "periods": N_("Two periods")}
LEVELS = {"municipality": N_("Municipality"), "arrondissement": N_("Arrondissement")}
STATISTICS = {"gi": N_("Getis-Ord Gi*"), "moran": N_("local Moran's I")}
MEASURES = {"count": N_("Incidents (events)"), "per_100k": N_("Per 100,000 residents")}
SMOOTHERS = {"national": N_("Towards the national rate"), "spatial": N_("Towards the neighbourhood's rate")}


@st.cache_data(show_spinner=False, max_entries=32)
def _hotspots(_rows, key: str, level: str, statistic: str, metric: str):
    return hotspots(_rows, level=level, statistic=statistic, metric=metric)


@st.cache_data(show_spinner=False, max_entries=32)
def _rates(_rows, key: str, level: str):
    return rates.smoothed_rates(_rows, level=level)


@partial.fragment
def body(sel: Selection) -> None:
    key = f"{state.dataset_slug()}|{sel.filters!r}"
    mode = state.page_choice(_("Analysis"), list(MODES), param="mode", format_func=lambda k: _(MODES[k]))
    c1, c2 = st.columns(2)
    with c1:
        level = state.page_choice(_("Level"), list(LEVELS), param="level", format_func=lambda k: _(LEVELS[k]))
    units = data.view_units("belgium", level)
    spec = MapSpec(view="belgium", level=level, unit="events", filters=sel.filters, all_years=sel.all_years,
                   total_reconstructed=int((sel.all["provenance"] == "reconstructed").sum()))
    result = None
    if mode == "hotspots":
        with c2:
            statistic = state.page_choice(_("Statistic"), list(STATISTICS), param="statistic",
                                          format_func=lambda k: _(STATISTICS[k]))
        metric = state.page_choice(_("Measure"), list(MEASURES), param="metric", format_func=lambda k: _(MEASURES[k]))
        model = maps.hotspot_model(_hotspots(sel.rows, key, level, statistic, metric), sel.rows, spec, units=units)
    elif mode == "rates":
        with c2:
            smoother = state.page_choice(_("Smoothing"), list(SMOOTHERS), param="smoother",
                                         format_func=lambda k: _(SMOOTHERS[k]))
        model = maps.rates_model(_rates(sel.rows, key, level), sel.rows, spec, units=units,
                                 spatial=smoother == "spatial")
    elif mode == "periods":
        first_year, last_year = sel.all_years
        splits = list(range(first_year + 1, last_year + 1)) or [first_year]
        with c2:
            split = state.page_choice(_("Second period from"), splits, param="split", default=splits[len(splits) // 2],
                                      widget="select")
        result = compare.two_periods(sel.rows, (first_year, split - 1), (split, last_year), level=level)
        model = maps.bivariate_model(result, sel.rows, spec, units=units, level=level)
    else:
        placed = foreign_fighters.by_unit(level)
        result = compare.incidents_against_layer(sel.rows, placed, level=level)
        model = maps.bivariate_model(result, sel.rows, spec, units=units, level=level, notes=placed.notes)
    frame = model.frames[0]
    code = mapview.model_map(model, key="compare_map", title=frame.title)
    for note in frame.notes:
        st.caption(note)
    display.provenance_note(sel.rows)
    if result is not None:
        st.altair_chart(scatter.chart(result), use_container_width=True)
    if code:
        t = trend(sel.rows, code, level=level)
        name = mapview.unit_names("belgium", level).get(code, code)
        for line in summary(t, name):
            st.markdown(line)
        yearly = t.yearly.set_index("period")[["documented", "reconstructed"]]
        st.bar_chart(yearly.rename(columns={"documented": _("Documented"), "reconstructed": _("Reconstructed")}))
    else:
        st.caption(_("Click a unit on the map to see its incidents over time."))


sel = sidebar.selection()
st.title(_("Compare"))
body(sel)
