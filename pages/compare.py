"""Compare: hot spots, steady rates, and two measures on one map (incidents against foreign-fighter
figures, or two periods), and a picked unit over time (issue 20). Thin: the page's choices →
geo.stats.views → a map model → the map component."""

import streamlit as st

from geo.i18n import N_, _
from geo.incidents.trend import summary, trend
from geo.layers import foreign_fighters
from geo.stats import views
from geo.stats.views import LEVELS, LEVELS_OF, MEASURES, MODES, SMOOTHERS, STATISTICS, Analysis
from geo.ui import analysis as maps
from geo.ui import display, mapview, partial, sidebar, state
from geo.ui.sidebar import Selection

LAYOUTS = {"one": N_("One map, 3 × 3 classes"), "two": N_("Two maps side by side")}
PERIODS = {"year": N_("By year"), "month": N_("By month (rows dated to the year only are left out)")}


@partial.fragment
def body(sel: Selection) -> None:
    mode = state.page_choice(_("Analysis"), list(MODES), param="mode", format_func=lambda k: _(MODES[k]))
    c1, c2 = st.columns(2)
    if st.session_state.get("p_level") not in LEVELS_OF[mode]:  # a level this analysis does not offer
        st.session_state.pop("p_level", None)
    with c1:
        level = state.page_choice(_("Level"), list(LEVELS_OF[mode]), param="level",
                                  format_func=lambda k: _(LEVELS[k]))
    analysis = Analysis(mode=mode, level=level)
    with c2:
        if mode == "hotspots":
            analysis = Analysis(mode, level, statistic=state.page_choice(
                _("Statistic"), list(STATISTICS), param="statistic", format_func=lambda k: _(STATISTICS[k])))
        elif mode == "rates":
            analysis = Analysis(mode, level, smoother=state.page_choice(
                _("Smoothing"), list(SMOOTHERS), param="smoother", format_func=lambda k: _(SMOOTHERS[k])))
        elif mode == "periods":
            first, last = sel.all_years
            splits = list(range(first + 1, last + 1)) or [first]
            analysis = Analysis(mode, level, split=state.page_choice(
                _("Second period from"), splits, param="split", default=splits[len(splits) // 2], widget="select"))
        elif mode == "bivariate":
            series = list(foreign_fighters.series_summary()["series"])
            analysis = Analysis(mode, level, series=state.page_choice(
                _("Foreign-fighter figures (series of the data card)"), series, param="series",
                default=foreign_fighters.DEFAULT_SERIES, widget="select", format_func=foreign_fighters.series_label))
    if mode == "hotspots":
        analysis = Analysis(mode, level, statistic=analysis.statistic, metric=state.page_choice(
            _("Measure"), list(MEASURES), param="metric", format_func=lambda k: _(MEASURES[k])))
    model, pair, scatter = maps.model(sel, analysis)
    two = pair is not None and state.page_choice(_("Maps"), list(LAYOUTS), param="maps",
                                                 format_func=lambda k: _(LAYOUTS[k])) == "two"
    preset = views.contrast_notes(analysis, pair)  # the Overview's Antwerp/Hainaut view: why and what it shows
    code = (maps.side_by_side(sel, pair, level=level, key="compare_pair", scatter=scatter) if two
            else maps.draw(model, key="compare_map", highlight=preset, scatter=scatter))
    if two and preset:
        st.info("\n\n".join(preset))
    display.provenance_note(sel.rows)
    maps.export_buttons(sel, model, key="compare_export", stem=f"compare-{mode}-{level}", scatter=scatter)
    if code:
        t = trend(sel.rows, code, level=level)
        for line in summary(t, mapview.unit_names("belgium", level).get(code, code)):
            st.markdown(line)
        per = state.page_choice(_("Over time"), list(PERIODS), param="per", format_func=lambda k: _(PERIODS[k]))
        counts = (t.yearly if per == "year" else t.monthly).set_index("period")[["documented", "reconstructed"]]
        st.bar_chart(counts.rename(columns={"documented": _("Documented"), "reconstructed": _("Reconstructed")}))
    else:
        st.caption(_("Click a unit on the map to see its incidents over time."))


sel = sidebar.selection()
st.title(_("Compare"))
body(sel)
