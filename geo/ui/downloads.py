"""What a page exports, under its map or table: the map as PNG, SVG or PDF with your own title,
subtitle, note and source line (prefilled with the defaults), small multiples (a map per year),
the counts per unit and the incidents as CSV and GeoJSON, the timeline as GIF or MP4, and the
self-contained interactive map (HTML, as a zip) with its ``<iframe>`` snippet. All of them are in a
dialog the page's "Downloads" button opens (nothing of them is drawn until the reader asks), and
files are made only when a button is clicked.

:func:`classes` is the page's classification with the reader's ColorBrewer palette and own class
breaks, kept in the URL (``?palette=Blues&breaks=2,5,10``): the web map and every export share it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import text
from geo.i18n import _
from geo.incidents.aggregate import Counted
from geo.incidents.filters import Narrow
from geo.io import export
from geo.maps import classify as classify_mod
from geo.maps import views
from geo.maps.classify import Classes
from geo.maps.model import MapSpec
from geo.ui import data
from geo.ui.sidebar import Selection

#: The metrics the map files draw (the static renderers and the published map).
STATIC_METRICS = ("count", "per_100k")
FORMATS = {"png": "PNG", "svg": "SVG", "pdf": "PDF"}
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "gif": "image/gif",
        "mp4": "video/mp4", "zip": "application/zip"}
K_PALETTE, K_BREAKS = "p_palette", "p_breaks"


# --- the reader's classes -------------------------------------------------------------------------


def _palette() -> str:
    return st.session_state.get(K_PALETTE) or classify_mod.DEFAULT_PALETTE


def _breaks() -> tuple[float, ...] | None:
    raw = (st.session_state.get(K_BREAKS) or "").strip()
    if not raw:
        return None
    try:
        return classify_mod.parse_breaks(raw)
    except ValueError:
        return None


def _init_from_url() -> None:
    """Palette and breaks from the URL, once per session."""
    if K_PALETTE not in st.session_state:
        wanted = st.query_params.get("palette")
        st.session_state[K_PALETTE] = wanted if wanted in classify_mod.PALETTES else classify_mod.DEFAULT_PALETTE
    if K_BREAKS not in st.session_state:
        st.session_state[K_BREAKS] = st.query_params.get("breaks", "")


def _to_url() -> None:
    wanted = {"palette": _palette() if _palette() != classify_mod.DEFAULT_PALETTE else None,
              "breaks": (st.session_state.get(K_BREAKS) or "").strip() or None}
    for name, value in wanted.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != value:
            st.query_params[name] = value


def classes(values, *, integer: bool = True, scheme: str = "FisherJenks") -> Classes:
    """The page's classes of ``values`` with the reader's palette and breaks, chosen in a small
    "Classes and colours" popover (in the URL, shared by every page and export). Breaks that do
    not parse, or too many for the palette, are reported and left out."""
    _init_from_url()
    with st.popover(_("Classes and colours"), icon=":material/palette:"):
        st.selectbox(_("Palette (ColorBrewer, colour-blind safe)"), classify_mod.PALETTES, key=K_PALETTE)
        st.text_input(_("Your own class breaks (upper bounds)"), key=K_BREAKS, placeholder="2, 5, 10",
                      help=_("Each number ends a class; the last class reaches the largest value. "
                             "Empty: classes from the scheme."))
    _to_url()
    raw = (st.session_state.get(K_BREAKS) or "").strip()
    breaks = _breaks()
    if raw and breaks is None:
        try:
            classify_mod.parse_breaks(raw)
        except ValueError as exc:
            st.warning(str(exc))
    try:
        return classify_mod.classify(values, scheme=scheme, integer=integer, palette=_palette(), breaks=breaks)
    except ValueError as exc:  # too many breaks for the palette
        st.warning(str(exc))
        return classify_mod.classify(values, scheme=scheme, integer=integer, palette=_palette())


# --- the words on an exported map -----------------------------------------------------------------


def _prefilled(key: str, default: str) -> str:
    """A text field's key, prefilled with ``default`` and following it while the reader has not
    changed it (a new filter gives a new default title)."""
    shown, was = f"{key}_value", f"{key}_default"
    if shown not in st.session_state or st.session_state[shown] == st.session_state.get(was):
        st.session_state[shown] = default
    st.session_state[was] = default
    return shown


def _words(key: str, *, title: str, subtitle: str) -> dict:
    from geo.maps.model.captions import credits

    with st.expander(_("Title, subtitle, note and source of the exported map")):
        t = st.text_input(_("Title"), key=_prefilled(f"{key}_title", title))
        s = st.text_input(_("Subtitle"), key=_prefilled(f"{key}_subtitle", subtitle))
        n = st.text_input(_("Note (under the map)"), key=f"{key}_note")
        src = st.text_input(_("Source line"), key=_prefilled(f"{key}_source", credits()))
        st.caption(_("The filters and the number of reconstructed records are always printed on the map."))
    return {"title": t, "subtitle": s, "note": n, "source": src}


# --- the buttons ----------------------------------------------------------------------------------


def buttons(sel: Selection, *, key: str, view: views.ViewName | None = None, level: str = "municipality",
            metric: str = "count", scheme: str = "FisherJenks", narrow: Narrow | None = None,
            counted: Counted | None = None, title: str | None = None, animation: dict | None = None,
            symbols: bool = False) -> None:
    """A "Downloads" button that opens the page's exports in a dialog: drawn only when the reader
    asks, so a page load or a filter change does not draw (or send) the dozen controls of the
    exports, nor the embed snippet. The dialog reruns alone when its controls change."""
    args = {"key": key, "view": view, "level": level, "metric": metric, "scheme": scheme, "narrow": narrow,
            "counted": counted, "title": title, "animation": animation, "symbols": symbols}
    if st.button(_("Downloads"), key=f"{key}_downloads", icon=":material/download:",
                 help=_("The map as an image or an interactive page, the counts and the incidents as files.")):
        # titled in the reader's language, so made here, per run (as geo.ui.datasets' delete dialog)
        st.dialog(_("Downloads"), width="large")(_dialog)(sel, args)


def _dialog(sel: Selection, args: dict) -> None:
    # a dialog reruns alone (a fragment), without app.py: it works for the request it was given
    sel.request.activate()
    panel(sel, **args)


def panel(sel: Selection, *, key: str, view: views.ViewName | None = None, level: str = "municipality",
          metric: str = "count", scheme: str = "FisherJenks", narrow: Narrow | None = None,
          counted: Counted | None = None, title: str | None = None, animation: dict | None = None,
          symbols: bool = False) -> None:
    """Download buttons for what the page shows: the map (exactly this view, rendered without a
    browser: the choropleth, or with ``symbols`` the incident symbols of Map 1) as PNG, SVG or PDF
    with the reader's words, classes and palette; small multiples and the interactive map (HTML)
    of choropleth pages; the counts per unit and the incidents as CSV (spreadsheet-safe) and
    GeoJSON; and with ``animation`` the timeline as GIF and MP4. Files are made only when a button
    is clicked, from the shared dataset, the filters and ``narrow`` (how the page narrows the rows;
    none by default): no session keeps a copy of the rows for them."""
    from geo.maps.model import captions

    if narrow is None:
        narrow = Narrow()
    # the request travels with every file: its store (a reader's login), its language, in the download thread
    request = sel.request
    bind = request.bind
    slug, filters, all_years = request.dataset, sel.filters, sel.all_years
    palette, breaks = _palette(), _breaks()
    look = {"scheme": scheme, "palette": palette, "breaks": breaks}

    def filtered() -> pd.DataFrame:
        return filters.apply(data.frame_for(slug, request.store))

    def rows() -> pd.DataFrame:
        return narrow.apply(filtered())

    def n_recon(frame: pd.DataFrame) -> int:
        return int((frame["provenance"] == "reconstructed").sum())

    recon_all = n_recon(sel.all)
    # The map's "the filters leave out K other reconstructed records" counts what the filters leave
    # out, not what the page narrows further (one network, one period).
    recon_map = recon_all - n_recon(sel.rows) + n_recon(narrow.apply(sel.rows))
    years = captions.shown_years(sel.rows, filters, all_years)
    if symbols:
        stem = text.safe_filename(title or f"{view or 'belgium'}-incident-symbols")
        default_title = title or captions.symbols_title(view or "belgium", years)
    elif view is not None:
        # a page showing one period (the Timeline) names it: "…-2014-2017-upto-2016"
        shown = ("upto-" if narrow.cumulative else "") + narrow.value if narrow.value else ""
        stem = captions.file_stem(view, level, metric, years, shown)
        default_title = title or captions.default_title(view, level, metric, years=years)
    else:
        stem, default_title = "incidents", ""
    with st.container(border=True):
        words = (_words(key, title=default_title, subtitle=captions.default_subtitle(filters))
                 if view is not None else {})
        choropleth = view is not None and not symbols
        if view is not None and metric not in STATIC_METRICS:
            # people killed or injured (imported datasets): on the page's map and in the counts CSV
            st.caption(_("Map files draw incident counts and rates per 100,000 residents; the people killed "
                         "or injured are on this page's map and in the counts CSV."))
            view = None
            choropleth = False
        if view is not None:
            top = st.columns([1.2, 1.4, 1, 1])
            fmt = top[0].radio(_("Format"), list(FORMATS), key=f"{key}_format", horizontal=True,
                               format_func=FORMATS.get)
            size = top[1].radio(_("Size"), ["screen", "print"], key=f"{key}_size", horizontal=True,
                                format_func={"screen": _("Screen (1600 px)"), "print": _("Print (300 dpi)")}.get)
            _map_button(top[2], rows, key=key, view=view, level=level, metric=metric, fmt=fmt, size=size,
                        symbols=symbols, filters=filters, all_years=all_years, recon=recon_map, words=words,
                        look=look, stem=stem, bind=bind)
            if choropleth:
                _grid_button(top[3], filtered, key=key, view=view, level=level, metric=metric, fmt=fmt, size=size,
                             filters=filters, all_years=all_years, recon=recon_all, words=words, look=look,
                             years=years, bind=bind)
        cols = iter(st.columns(4))
        if choropleth:
            _site_button(next(cols), filtered, key=key, view=view, level=level, metric=metric, filters=filters,
                         all_years=all_years, recon=recon_all, words=words, look=look, years=years, bind=bind)
        if counted is not None:
            table = counted.table  # one row per unit: small
            next(cols).download_button(
                _("Counts CSV"), data=bind(lambda: export.counts_csv(table, labelled=True)), file_name=f"{stem}-counts.csv",
                mime="text/csv", on_click="ignore", icon=":material/download:", key=f"{key}_counts")
        next(cols).download_button(_("Incidents CSV"), data=bind(lambda: export.incidents_csv(rows(), labelled=True)),
                                   file_name="incidents.csv", mime="text/csv", on_click="ignore",
                                   icon=":material/download:", key=f"{key}_csv")
        if view is None:  # the Data page: the same rows for programs (field names, codes, "," and ".")
            next(cols).download_button(_("CSV for programs (codes)"), data=bind(lambda: export.incidents_csv(rows())),
                                       file_name="incidents-codes.csv", mime="text/csv", on_click="ignore",
                                       icon=":material/data_object:", key=f"{key}_codes_csv")
        next(cols).download_button(_("GeoJSON"), data=bind(lambda: export.incidents_geojson(rows())),
                                   file_name="incidents.geojson", mime="application/geo+json", on_click="ignore",
                                   icon=":material/download:", key=f"{key}_geojson")
        if choropleth and animation is not None:
            _animation_buttons(filtered, key=key, view=view, level=level, metric=metric, filters=filters,
                               all_years=all_years, recon=recon_all, words=words, look=look, years=years,
                               animation=animation, bind=bind, prefilled=default_title)
        if choropleth:
            _embed(view, level, metric, words, years)


def _map_button(col, rows, *, key, view, level, metric, fmt, size, symbols, filters, all_years, recon, words,
                look, stem, bind) -> None:
    def render() -> bytes:
        # Imported on click: the renderers bring matplotlib (~0.4 s on a process's first page).
        if symbols:
            from geo.maps.png.symbols import render_symbols

            return render_symbols(rows(), MapSpec(view=view, filters=filters, total_reconstructed=recon,
                                                  all_years=all_years, **words), size=size, format=fmt).data
        from geo.maps.png.choropleth import render_map

        return render_map(rows(), MapSpec(view=view, level=level, metric=metric, filters=filters, total_reconstructed=recon,
                                          all_years=all_years, **look, **words), size=size, format=fmt).data

    col.download_button(_("Map {format}").format(format=FORMATS[fmt]), data=bind(render), file_name=f"{stem}.{fmt}",
                        mime=MIME[fmt], on_click="ignore", icon=":material/image:", key=f"{key}_map")


def _grid_button(col, filtered, *, key, view, level, metric, fmt, size, filters, all_years, recon, words, look,
                 years, bind) -> None:
    from geo.maps.model import captions

    def grid() -> bytes:
        from geo.maps.png.grid import render_grid

        return render_grid(filtered(), MapSpec(view=view, level=level, metric=metric, filters=filters, total_reconstructed=recon,
                                               all_years=all_years, **look, **words), by="year", size=size, format=fmt).data

    col.download_button(_("Map per year ({format})").format(format=FORMATS[fmt]), data=bind(grid),
                        file_name=f"{captions.file_stem(view, level, metric, years)}-grid-year.{fmt}", mime=MIME[fmt],
                        on_click="ignore", icon=":material/grid_view:", key=f"{key}_grid")


def animation_title(written: str | None, prefilled: str) -> str | None:
    """The title every frame of an animation carries: the one the reader wrote, else None, so that
    each frame gets its own period in its title. The page's prefilled title is not the reader's: the
    Timeline's names the period on screen ("… in 2014") and would stand over every other frame."""
    title = (written or "").strip()
    return title if title and title != prefilled.strip() else None


def _animation_buttons(filtered, *, key, view, level, metric, filters, all_years, recon, words, look, years,
                       animation, bind, prefilled: str) -> None:
    from geo.maps.model import captions

    period = animation.get("period", "year")
    extra = [period] + (["cumulative"] if animation.get("cumulative") else [])
    stem = captions.file_stem(view, level, "count", years, *extra)
    anim_words = {**words, "title": animation_title(words.get("title"), prefilled)}
    cols = st.columns(4)
    for i, kind in enumerate(("gif", "mp4")):
        def movie(kind: str = kind) -> bytes:
            from geo.maps.png.animation import render_animation

            return render_animation(filtered(), MapSpec(view=view, level=level, filters=filters, total_reconstructed=recon,
                                                        all_years=all_years, **look, **anim_words), format=kind,
                                    **animation).data

        cols[i].download_button(_("Animated timeline ({format})").format(format=kind.upper()), data=bind(movie),
                                file_name=f"{stem}.{kind}", mime=MIME[kind], on_click="ignore",
                                icon=":material/animation:", key=f"{key}_{kind}")


def _site_button(col, filtered, *, key, view, level, metric, filters, all_years, recon, words, look, years,
                 bind) -> None:
    from geo.maps.model import captions

    def site() -> bytes:
        from geo import publish

        return publish.zip_bytes(publish.build(filtered(), MapSpec(view=view, level=level, metric=metric, filters=filters,
                                               all_years=all_years, total_reconstructed=recon, **look, **words)))

    col.download_button(_("Interactive map (HTML)"), data=bind(site),
                        file_name=f"{captions.file_stem(view, level, metric, years)}-interactive.zip",
                        mime=MIME["zip"], on_click="ignore", icon=":material/public:", key=f"{key}_site")


def _embed(view, level, metric, words, years) -> None:
    from geo import publish
    from geo.maps.model import captions

    with st.expander(_("Embed the interactive map in a web page")):
        st.caption(_("Unzip the interactive map on any static web host (no server needed; it also opens from "
                     "the file), then paste this where the map should appear, with your address in src:"))
        # a plain text area, not st.code: st.code makes the browser load a 1.5 MB syntax highlighter
        st.text_area(_("HTML to paste"), value=publish.embed_snippet(
            words.get("title") or captions.default_title(view, level, metric, years=years),
            # TRANSLATORS: the address to replace with one's own, in the embed snippet
            src=_("https://YOUR-SITE/atlas-map/index.html")), height=110)
