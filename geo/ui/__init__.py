"""Everything Streamlit: cached loaders, the shared sidebar, query-parameter sync, and the small
display helpers the pages use. The only module of ``geo`` that imports streamlit.

State lives in ``st.session_state`` (one per browser session) and in the URL's query parameters;
nothing here keeps module-level mutable state.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import text, vocab
from geo.errors import DatasetError, DatasetNotFoundError, ImportFileError
from geo.incidents import aggregate
from geo.incidents import table as incidents_mod
from geo.incidents.aggregate import Counted
from geo.incidents.filters import Filters, Narrow
from geo.io import store
from geo.maps import views, web
from geo.maps.classify import Classes

# Session-state keys of the shared sidebar (app.py draws it; pages read it).
K_YEARS, K_CITIES, K_KINDS, K_LINKS = "f_years", "f_cities", "f_kinds", "f_links"
K_PLOTS, K_RECON, K_TILES = "f_plots", "f_reconstructed", "f_tiles"
_INIT = "_filters_initialised"


# ---------------------------------------------------------------- cached loaders
REPORT = "report"
K_DATASET = "f_dataset"
_PENDING_DATASET = "_pending_dataset"


@st.cache_resource(show_spinner="Loading incidents…", max_entries=2)
def _report_incidents(mtime: float) -> pd.DataFrame:
    return incidents_mod.load_incidents()


@st.cache_resource(show_spinner="Loading dataset…", max_entries=4)
def _saved_incidents(slug: str, imported_at: str) -> pd.DataFrame:
    return store.load_dataset(slug)


def dataset_slug() -> str:
    return st.session_state.get(K_DATASET) or REPORT


def _frame_for(slug: str) -> pd.DataFrame:
    """The shared table of a dataset (raises DatasetNotFoundError for an unknown slug)."""
    if slug == REPORT:
        return _report_incidents(incidents_mod.INCIDENTS_CSV.stat().st_mtime)
    return _saved_incidents(slug, store.get_dataset(slug).imported_at)


def all_incidents() -> pd.DataFrame:
    """Every row of the dataset the sidebar picks (the report's by default). Shared by all
    sessions (one copy in memory, whatever the number of users): never mutate it."""
    try:
        return _frame_for(dataset_slug())
    except DatasetNotFoundError:
        st.session_state[_PENDING_DATASET] = REPORT
        return _frame_for(REPORT)


def _dataset_names() -> dict[str, str]:
    names = {REPORT: "CTC report: Belgium 2014–2017"}
    for info in store.list_datasets():
        names[info.slug] = f"{info.name} ({info.accepted:,} rows)"
    return names


@st.cache_resource(show_spinner="Preparing boundaries…")
def view_units(view: views.ViewName, level: str, web: bool = True):
    """Units of a view, shared by every session: never mutate the result (``.copy()`` first)."""
    return views.view_units(view, level=level, web=web)


@st.cache_resource
def leaflet_urls() -> dict[str, str]:
    return web.leaflet_assets()


# ---------------------------------------------------------------- sidebar and selection
@st.cache_data(max_entries=8, show_spinner=False)
def _options_cached(slug: str, stamp: str) -> dict:
    frame = all_incidents()
    cities = aggregate.count_by_city(frame).table["city"].tolist()
    years = (int(frame["year"].min()), int(frame["year"].max())) if len(frame) else (2014, 2017)
    kinds, links = set(frame["kind"].unique()), set(frame["link"].unique())
    return {
        "years": years,
        "cities": tuple(cities),
        "kinds": tuple(k for k in vocab.KIND_LABELS if k in kinds),
        "links": tuple(k for k in vocab.LINK_LABELS if k in links),
    }


def _data_options() -> dict:
    """The choices the picked dataset offers (years, cities, kinds, links), once per dataset."""
    slug = dataset_slug()
    if slug == REPORT:
        stamp = str(incidents_mod.INCIDENTS_CSV.stat().st_mtime)
    else:
        try:
            stamp = store.get_dataset(slug).imported_at
        except DatasetNotFoundError:
            stamp = ""
    return _options_cached(slug, stamp)


def _init_from_query(options: dict) -> None:
    if st.session_state.get(_INIT):
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
    st.session_state[_INIT] = True


def _sanitize(options: dict) -> None:
    """Keep the filters valid for the dataset now picked (another dataset has other cities)."""
    for key, name in ((K_CITIES, "cities"), (K_KINDS, "kinds"), (K_LINKS, "links")):
        values = st.session_state.get(key) or []
        kept = [v for v in values if v in options[name]]
        if kept != values:
            st.session_state[key] = kept
    lo, hi = options["years"]
    a, b = st.session_state.get(K_YEARS) or (lo, hi)
    a, b = max(lo, min(a, hi)), min(hi, max(b, lo))
    if (a, b) != tuple(st.session_state.get(K_YEARS) or ()):
        st.session_state[K_YEARS] = (min(a, b), max(a, b))


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


def _dataset_picker() -> None:
    names = _dataset_names()
    if _PENDING_DATASET in st.session_state:  # set by an import or a delete, before the widget exists
        st.session_state[K_DATASET] = st.session_state.pop(_PENDING_DATASET)
    if K_DATASET not in st.session_state:
        st.session_state[K_DATASET] = st.query_params.get("dataset", REPORT)
    if st.session_state[K_DATASET] not in names:
        st.session_state[K_DATASET] = REPORT
    st.selectbox("Dataset", list(names), key=K_DATASET, format_func=names.get,
                 help="The report's incidents, or a dataset you imported on the Data page.")


def sidebar() -> None:
    """The shared filters, drawn once by app.py for every page, kept in the URL."""
    with st.sidebar:
        _dataset_picker()
    frame = all_incidents()
    options = _data_options()
    _init_from_query(options)
    n_recon = int((frame["provenance"] == "reconstructed").sum())
    with st.sidebar:
        st.header("Filters")
        lo, hi = options["years"]
        if lo < hi:
            st.slider("Years", min_value=lo, max_value=hi, key=K_YEARS)
        else:
            st.caption(f"Year: {lo}")
        st.multiselect("City", options["cities"], key=K_CITIES, placeholder="All cities",
                       help="The report's grouping: Brussels is the whole Brussels-Capital Region.")
        st.multiselect("Kind", options["kinds"], key=K_KINDS, placeholder="Attacks and arrest actions",
                       format_func=lambda k: vocab.KIND_LABELS.get(k, k))
        st.multiselect("Link to the Islamic State", options["links"], key=K_LINKS,
                       placeholder="Linked and inspired", format_func=lambda k: vocab.LINK_LABELS.get(k, k))
        st.toggle("Plots only", key=K_PLOTS, help="Arrest actions that revealed a plot.")
        st.toggle(f"Include reconstructed records ({n_recon:,} of {len(frame):,})", key=K_RECON,
                  help="Reconstructed rows make the report's published figures hold; they are not "
                       "events on the public record. See the Data page.")
        st.toggle("Basemap tiles (needs network)", key=K_TILES,
                  help="Off by default: the app works offline without them.")
    _write_query(options)


FILTER_PARAMS = ("years", "cities", "kinds", "links", "plots", "reconstructed", "tiles", "dataset")


def _sync_query(wanted: dict[str, str], owned: Sequence[str]) -> None:
    """Make the URL hold ``wanted`` for the parameters in ``owned``; leave the others alone."""
    current = st.query_params.to_dict()
    for key in owned:
        if key in wanted and current.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in current:
            del st.query_params[key]


def _write_query(options: dict) -> None:
    filters = current_filters()
    params = filters.to_query()
    if filters.years == options["years"]:
        params.pop("years", None)
    if st.session_state.get(K_TILES):
        params["tiles"] = "1"
    if dataset_slug() != REPORT:
        params["dataset"] = dataset_slug()
    _sync_query(params, FILTER_PARAMS)


@dataclass(frozen=True)
class Selection:
    """What a page works on: every row, the filtered rows, and the filters."""

    all: pd.DataFrame
    rows: pd.DataFrame
    filters: Filters

    @property
    def all_years(self) -> tuple[int, int]:
        return int(self.all["year"].min()), int(self.all["year"].max())


def _frame_guard() -> None:
    """Run pages only inside app.py's frame (navigation and shared sidebar).

    Streamlit decides once per process whether the app uses the legacy ``pages/`` folder; until
    ``st.navigation`` has run, the first link to a page (e.g. ``/belgium?cities=Charleroi`` on a
    fresh server) runs the page file alone, without the sidebar. Clearing that flag and rerunning
    sends the request through app.py. (Streamlit 1.67; the browser tests cover it.)"""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def selection() -> Selection:
    """What a page works on. Every page starts with it."""
    _frame_guard()
    frame = all_incidents()
    filters = current_filters()
    return Selection(frame, filters.apply(frame), filters)


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


def tiles_on() -> bool:
    return bool(st.session_state.get(K_TILES, False))


# ---------------------------------------------------------------- display helpers
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
    slug = dataset_slug()
    if slug == REPORT:
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


INCIDENT_COLUMNS = ["date", "date_precision", "kind", "link", "plot", "place", "city", "geo_precision",
                    "networks", "n_arrested", "provenance", "source", "description"]


MAX_TABLE_ROWS = 5_000


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
    import time

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


def downloads(sel: Selection, *, key: str, view: views.ViewName | None = None, level: str = "municipality",
              metric: str = "count", scheme: str = "FisherJenks", narrow: Narrow = Narrow(),
              counted: Counted | None = None, title: str | None = None, animation: dict | None = None,
              symbols: bool = False) -> None:
    """Download buttons for what the page shows: the map as PNG (exactly this view, rendered
    without a browser: the choropleth, or with ``symbols`` the incident symbols of Map 1), the
    counts per unit and the incidents as CSV (spreadsheet-safe) and GeoJSON, and the timeline as
    GIF. Files are made only when a button is clicked, from the shared dataset, the filters and
    ``narrow`` (how the page narrows the rows): no session keeps a copy of the rows for them."""
    from geo.io import export
    from geo.maps.png import render

    slug, filters, all_years = dataset_slug(), sel.filters, sel.all_years

    def filtered() -> pd.DataFrame:
        return filters.apply(_frame_for(slug))

    def rows() -> pd.DataFrame:
        return narrow.apply(filtered())

    def n_recon(frame: pd.DataFrame) -> int:
        return int((frame["provenance"] == "reconstructed").sum())

    recon_all = n_recon(sel.all)
    # The map's "the filters leave out K other reconstructed records" counts what the filters leave
    # out, not what the page narrows further (one network, one period).
    recon_map = recon_all - n_recon(sel.rows) + n_recon(narrow.apply(sel.rows))
    if symbols:
        stem = text.safe_filename(title or f"{view or 'belgium'}-incident-symbols")
    else:
        stem = text.safe_filename("-".join(p for p in (view or "incidents", level if view else "", metric if view else "") if p))
    with st.container(border=True):
        cols = st.columns([1.2, 1, 1, 1, 1])
        if view is not None:
            size = cols[0].radio("PNG size", ["screen", "print"], key=f"{key}_size", horizontal=True,
                                 format_func={"screen": "Screen (1600 px)", "print": "Print (300 dpi)"}.get)
            if symbols:
                def map_png() -> bytes:
                    return render.render_symbols_png(rows(), view=view, filters=filters, size=size, title=title,
                                                     total_reconstructed=recon_map, all_years=all_years)
            else:
                def map_png() -> bytes:
                    return render.render_map_png(
                        rows(), view=view, level=level, metric=metric, scheme=scheme, filters=filters, size=size,
                        title=title, total_reconstructed=recon_map, all_years=all_years)
            cols[1].download_button(
                "Map PNG", data=map_png,
                file_name=f"{stem}.png", mime="image/png", on_click="ignore", icon=":material/image:",
                key=f"{key}_png")
        if counted is not None:
            table = counted.table  # one row per unit: small
            cols[2].download_button("Counts CSV", data=lambda: export.counts_csv(table),
                                    file_name=f"{stem}-counts.csv", mime="text/csv", on_click="ignore",
                                    icon=":material/download:", key=f"{key}_counts")
        cols[3].download_button("Incidents CSV", data=lambda: export.incidents_csv(rows()),
                                file_name="incidents.csv", mime="text/csv", on_click="ignore",
                                icon=":material/download:", key=f"{key}_csv")
        cols[4].download_button("GeoJSON", data=lambda: export.incidents_geojson(rows()),
                                file_name="incidents.geojson", mime="application/geo+json", on_click="ignore",
                                icon=":material/download:", key=f"{key}_geojson")
        if animation is not None:
            st.download_button(
                "Animated timeline (GIF)", data=lambda: render.render_animation_gif(
                    filtered(), filters=filters, total_reconstructed=recon_all, all_years=all_years, **animation),
                file_name=f"timeline-{animation.get('period', 'year')}.gif", mime="image/gif", on_click="ignore",
                icon=":material/animation:", key=f"{key}_gif")


# ---------------------------------------------------------------- import and saved datasets
_NONE = "—"


def _mapping_form(raw: pd.DataFrame, suggested, *, key: str):
    """Show the suggested column mapping for the user to confirm or correct; return the
    confirmed mapping when the form is submitted, else None."""
    from geo.io import importer

    columns = [str(c) for c in raw.columns]
    choices = [_NONE] + columns
    values: dict = {"preset": suggested.preset}
    with st.form(f"{key}_mapping"):
        st.markdown("**Which column gives what?** Check the suggestion, correct it, then import.")
        cols = st.columns(3)
        single = [f for f in importer.ColumnMapping.COLUMN_FIELDS if f not in ("places", "areas")]
        for i, name in enumerate(single):
            current = getattr(suggested, name)
            values[name] = cols[i % 3].selectbox(
                name.replace("_", " "), choices, index=choices.index(current) if current in choices else 0,
                help=importer.MAPPING_HELP.get(name), key=f"{key}_{name}")
        for name in ("places", "areas"):
            values[name] = st.multiselect(name, columns, default=[c for c in getattr(suggested, name) if c in columns],
                                          help=importer.MAPPING_HELP.get(name), key=f"{key}_{name}")
        values["date_format"] = st.text_input("date format (optional)", value=suggested.date_format or "",
                                              help=importer.MAPPING_HELP.get("date_format"), key=f"{key}_fmt")
        submitted = st.form_submit_button("Import with this mapping", type="primary")
    if not submitted:
        return None
    cleaned = {k: (None if v == _NONE else v) for k, v in values.items()}
    return importer.ColumnMapping.from_dict({k: v for k, v in cleaned.items() if v not in (None, "", [])})


def import_panel() -> None:
    """Upload a file, confirm the column mapping, see what was accepted and rejected (and why),
    and save the result as a dataset every page can show."""
    from geo.io import crosswalk, export, importer

    upload = st.file_uploader(
        "Import incidents: CSV (any delimiter; UTF-8 or Latin-1), Excel, GeoJSON or GeoPackage. "
        "GTD and ACLED exports are recognised.",
        type=["csv", "txt", "tsv", "xlsx", "geojson", "json", "gpkg"], key="import_upload")
    with st.expander("How source categories map onto our kinds (crosswalk)"):
        st.dataframe(crosswalk.crosswalk_table(), hide_index=True, width="stretch")
    if upload is None:
        return
    data = upload.getvalue()
    key = "import_" + text.safe_filename(f"{upload.name}-{len(data)}")
    try:
        sheets = importer.list_sheets(data, filename=upload.name)
        sheet = st.selectbox("Sheet or layer", sheets, key=f"{key}_sheet") if len(sheets) > 1 else None
        raw, info = importer.read_table(data, filename=upload.name, sheet=sheet)
    except ImportFileError as exc:
        st.error(str(exc))
        return
    preset = importer.detect_preset(raw.columns)
    suggested = importer.preset_mapping(preset, raw.columns) if preset else importer.suggest_mapping(raw.columns)
    st.caption(f"{upload.name}: {len(raw):,} rows read ({info.format}"
               + (f", {info.encoding}" if info.encoding else "")
               + (f", delimiter {info.delimiter!r}" if info.delimiter else "") + ")"
               + (f"; recognised as a {preset.upper()} export" if preset else "; no preset recognised"))
    mapping = _mapping_form(raw, suggested, key=key)
    if mapping is not None:
        try:
            st.session_state[f"{key}_result"] = importer.import_table(raw, mapping=mapping, filename=upload.name,
                                                                      info=info)
        except ImportFileError as exc:
            st.error(str(exc))
            return
    result = st.session_state.get(f"{key}_result")
    if result is None:
        return
    summary = result.summary
    cols = st.columns(4)
    cols[0].metric("Rows in the file", f"{summary['rows_in']:,}")
    cols[1].metric("Accepted", f"{summary['accepted']:,}")
    cols[2].metric("Rejected", f"{summary['rejected']:,}")
    cols[3].metric("Not located (kept, not mapped)", f"{summary['not_located']:,}")
    if len(result.rejected):
        st.warning(f"{len(result.rejected):,} row(s) rejected: each with its row number, field and reason.")
        st.dataframe(result.rejected, hide_index=True, width="stretch", height=240)
        st.download_button("Rejected rows (CSV)", data=result.rejected_csv(), file_name="rejected.csv",
                           mime="text/csv", on_click="ignore", key=f"{key}_rejected")
    if len(result.not_located):
        with st.expander(f"{len(result.not_located):,} accepted row(s) could not be placed in Belgium"):
            st.dataframe(result.not_located[["source_row", "place", "geocode_note"]], hide_index=True, width="stretch")
    if summary["accepted"]:
        name = st.text_input("Dataset name", value=upload.name.rsplit(".", 1)[0], key=f"{key}_name")
        if st.button("Save as a dataset", type="primary", key=f"{key}_save"):
            try:
                info = store.save_dataset(result, name=name)
            except DatasetError as exc:
                st.error(str(exc))
                return
            st.session_state[_PENDING_DATASET] = info.slug
            st.session_state.pop(f"{key}_result", None)
            st.rerun()


@st.dialog("Delete this dataset?")
def _confirm_delete(slug: str, name: str) -> None:
    st.write(f"**{name}** will be deleted for every user. This cannot be undone.")
    left, right = st.columns(2)
    if left.button("Delete", type="primary", key="confirm_delete"):
        store.delete_dataset(slug)
        if dataset_slug() == slug:
            st.session_state[_PENDING_DATASET] = REPORT
        st.rerun()
    if right.button("Cancel", key="cancel_delete"):
        st.rerun()


def saved_datasets_panel() -> None:
    """The saved datasets with their manifests; delete asks first."""
    infos = store.list_datasets()
    if not infos:
        st.caption("No saved dataset yet: import one above.")
        return
    table = pd.DataFrame([{"name": i.name, "slug": i.slug, "file": i.source_file, "imported (UTC)": i.imported_at,
                           "rows in": i.rows_in, "accepted": i.accepted, "rejected": i.rejected,
                           "not located": i.not_located, "preset": i.preset or ""} for i in infos])
    st.dataframe(table, hide_index=True, width="stretch")
    names = {i.slug: i.name for i in infos}
    slug = st.selectbox("Dataset", list(names), format_func=names.get, key="manage_dataset")
    left, right = st.columns(2)
    left.download_button("Its rejected rows (CSV)", data=lambda: store.rejected_csv(slug),
                         file_name=f"{slug}-rejected.csv", mime="text/csv", on_click="ignore", key="manage_rejected")
    if right.button("Delete…", key="manage_delete"):
        _confirm_delete(slug, names[slug])

