"""The statistical maps in a page (issue 20): the model of an analysis for the filtered rows (built
once per dataset and filters, analysis, language and naming, and shared by the sessions: the
999-permutation tests are the expensive part), drawn by the map component with its method lines,
and its export as PNG, SVG or PDF (drawn from the same model, only when a button is clicked).

:mod:`geo.stats.views` (esda, libpysal, mapclassify: about 2 s to import) is imported where an
analysis is asked for, so that the Belgium page's other modes do not wait for it; ``geo serve``
imports it before the first visitor (:func:`preload`)."""

from __future__ import annotations

import streamlit as st

from geo import i18n
from geo.i18n import _
from geo.maps.model import MapModel, MapSpec
from geo.ui import data, display, mapview, state
from geo.ui.sidebar import Selection

FORMATS = {"png": ("PNG", "image/png"), "svg": ("SVG", "image/svg+xml"), "pdf": ("PDF", "application/pdf")}


@st.cache_resource(show_spinner=False, max_entries=64)
def _model(_rows, _spec: MapSpec, key: str, analysis, language: str, names: str):
    """The analysis's model, once per dataset version and filters (``key``), analysis, language and naming,
    with its scatter (what the map core draws under the map) where it has two measures; never
    changed (the model and its parts are frozen). The statistics under it are cached once for
    every language (:mod:`geo.stats.cache`)."""
    from geo.stats import scatter, views

    with i18n.using(language, names=names):
        m, pair = views.build(_rows, _spec, analysis, units=data.view_units(_spec.view, analysis.level))
        return m, pair, (None if pair is None else scatter.payload(pair))


def _parts(sel: Selection, analysis):
    spec = MapSpec(view="belgium", level=analysis.level, unit="events", filters=sel.filters,
                   all_years=sel.all_years, total_reconstructed=int((sel.all["provenance"] == "reconstructed").sum()))
    key = f"{data.version(sel.request)}|{sel.filters!r}"  # a dataset imported again is another
    return _model(sel.rows, spec, key, analysis, i18n.language(), i18n.names_mode())


def model(sel: Selection, analysis):
    """(the map model, the two measures or None, the scatter the map draws under itself or None)
    of ``analysis`` on the selection's rows."""
    return _parts(sel, analysis)


def preload() -> None:
    """What the first analysis of a process would wait for, done before the first visitor (``geo
    serve``): esda and libpysal imported, the queen contiguity of each level a test is made
    at, the foreign-fighter layer read and checked (the two-measure analyses' second measure), and
    the Belgium page's default test (Gi* of the report's events by municipality) in the statistics'
    cache (:mod:`geo.stats.cache`: the numbers only, in no language; its map is made when a reader
    asks, in the reader's language)."""
    from geo.layers import foreign_fighters
    from geo.stats import cache, views, weights
    from geo.stats.hotspots import hotspots

    for level in views.LEVELS_OF["hotspots"]:
        weights.queen(level)
    foreign_fighters.load()
    hotspots(data.frame_for(state.REPORT), results=cache.shared())


def draw(m: MapModel, *, key: str, highlight: tuple[str, ...] = (), scatter: dict | None = None) -> str | None:
    """The model's map (with ``scatter`` under it) and its notes (method, weights, permutations,
    correction, events; the notes in ``highlight`` in one box); a hot-spot test the power guard
    refused says so instead of colouring. Returns the picked unit."""
    frame = m.frames[0]
    result = m.extra.get("hotspots")
    refused = result is not None and not result.tested
    if refused:  # said first, in words, above a map with no cluster coloured
        st.warning(result.refusal)
    code = mapview.model_map(m, key=key, title=frame.title, scatter=scatter)
    notes = [n for n in frame.notes if not (refused and n == result.refusal) and n not in highlight]
    if notes:  # one element, a paragraph each: a change of analysis mounts one, not five or six
        st.caption("\n\n".join(notes))
    if highlight:
        st.info("\n\n".join(highlight))
    return code


def side_by_side(sel: Selection, pair, *, level: str, key: str, scatter: dict | None = None) -> str | None:
    """The two measures of ``pair`` as two maps side by side that pan and zoom together (stacked on
    a phone), ``scatter`` under the first; returns the unit picked on either."""
    from geo.stats import maps

    spec = MapSpec(view="belgium", level=level, filters=sel.filters, all_years=sel.all_years)
    units = data.view_units("belgium", level)
    picked = None
    for col, axis in zip(st.columns(2), ("x", "y")):
        with col:
            m = maps.measure_model(pair, sel.rows, spec, axis=axis, units=units, level=level)
            picked = mapview.model_map(m, key=f"{key}_{axis}", title=m.title, sync=key, url=axis == "x",
                                       scatter=scatter if axis == "x" else None) or picked
    return picked


def export_buttons(sel: Selection, m: MapModel, *, key: str, stem: str, scatter: dict | None = None) -> None:
    """A "Downloads" button that opens the map as PNG, SVG and PDF and as an interactive page (with
    ``scatter`` under the map) in a dialog, as the other map pages' exports
    (:func:`geo.ui.downloads.buttons`): a change of analysis or filter does not draw the buttons.
    Each file is made when its button is clicked."""
    if st.button(_("Downloads"), key=f"{key}_downloads", icon=":material/download:",
                 help=_("This map as an image (PNG, SVG or PDF) or as an interactive page (HTML).")):
        st.dialog(_("Downloads"))(_export_dialog)(sel, m, key, stem, scatter)


def _export_dialog(sel: Selection, m: MapModel, key: str, stem: str, scatter: dict | None) -> None:
    sel.request.activate()  # a dialog reruns alone, without app.py

    def render(fmt: str) -> bytes:
        from geo.maps.png.choropleth import render_model  # matplotlib, on click only

        return render_model(m, format=fmt).data

    def site() -> bytes:
        from geo import publish

        return publish.zip_bytes(publish.build_model(m, view=m.view, scatter=scatter))

    cols = st.columns(len(FORMATS) + 1)
    for col, (fmt, (name, mime)) in zip(cols, FORMATS.items()):
        col.download_button(_("Map {format}").format(format=name), data=sel.request.bind(lambda f=fmt: render(f)),
                            file_name=f"{stem}.{fmt}", mime=mime, on_click="ignore", icon=":material/image:",
                            key=f"{key}_{fmt}")
    cols[-1].download_button(_("Interactive map (HTML)"), data=sel.request.bind(site),
                             file_name=f"{stem}-interactive.zip", mime="application/zip", on_click="ignore",
                             icon=":material/public:", key=f"{key}_site")


def hotspots_mode(sel: Selection, level: str, *, key: str) -> None:
    """The Belgium page's "Hot spots" mode: Getis-Ord Gi* on the events at ``level`` (municipalities
    or arrondissements; at a coarser level, municipalities, and the page says so), its method lines,
    the provenance line and its export."""
    from geo.stats.views import LEVELS_OF, Analysis

    levels = LEVELS_OF["hotspots"]
    if level not in levels:
        st.info(_("Hot spots are tested between municipalities or between arrondissements (a test needs "
                  "many neighbouring units): shown by municipality."))
        level = levels[0]
    m, _pair, _scatter = model(sel, Analysis(mode="hotspots", level=level))
    draw(m, key=key)
    display.provenance_note(sel.rows)
    export_buttons(sel, m, key=f"{key}_export", stem=f"belgium-hotspots-{level}")
