"""The maps of the pages: one custom component (``geo/ui/components/atlas_map/``, Streamlit's
components v2: no iframe) that owns a Leaflet map, its geometry and the clicked unit.

- The geometry of each view and level is a static file with a hash in its name, fetched once by
  the browser; every update sends only values (classes, counts, flags), the legend and the texts.
- The choropleth's selected unit: a click on the map or the unit picker under it (a native select
  whose options come with the geometry: an equal way for keyboards and screen readers) picks it; it is kept in the URL as ``unit`` and a shared link
  picks it again. :func:`choropleth` returns its code.
- The Timeline's player (Play, Pause, a period slider) runs in the browser and draws every frame;
  the page follows the period it stops at (:func:`timeline`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from geo import vocab
from geo.admin import names
from geo.i18n import LANGUAGES, _, language
from geo.incidents import aggregate, readable
from geo.incidents.aggregate import Counted
from geo.maps import views
from geo.maps.classify import Classes
from geo.maps.model import MapModel
from geo.maps.model.choropleth import frame_from, rates_of
from geo.maps.web import assets
from geo.maps.web import choropleth as chor
from geo.maps.web import symbols as sym
from geo.ui import data, state
from geo.ui import language as ui_language

HEIGHT = 620
#: An optional basemap, for people online (the sidebar's "Basemap tiles" switch).
TILES = {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap contributors"}
#: Milliseconds per frame of Play: by month at least 2 frames a second.
FRAME_MS = {"year": 900, "month": 450}

# The component's own script is a static file (fetched once, kept by the browser); this loader is
# all the element carries. A module URL must be absolute: the loader runs from a blob: URL.
_LOADER = """
export default function (component) {
  const url = new URL(component.data.assets.js, window.location.href).href;
  const loaded = import(url);
  loaded.then((mod) => mod.render(component)).catch((err) => console.error(err));
  const parent = component.parentElement;
  return () => { loaded.then((mod) => mod.teardown(parent)); };
}
"""
_component = st.components.v2.component("atlas_map", js=_LOADER, isolate_styles=False)


@st.cache_resource(show_spinner=False)
def _assets() -> dict[str, str]:
    return assets.publish_component()


@st.cache_resource(show_spinner=False)
def _geometry_in(view: views.ViewName, level: str, lang: str,
                 mode: names.Mode = "local") -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    units = data.view_units(view, level)
    unit_names = data.shown_names(view, level, lang, mode)
    tag = lang if mode == "local" else f"{lang}-{mode}"  # one file per language and naming
    return assets.publish_geometry(view, level, units, unit_names, language=tag), tuple(units["code"]), unit_names


def _geometry(view: views.ViewName, level: str) -> tuple[str, tuple[str, ...]]:
    """The URL of a view and level's geometry file (names as the reader asked: local, or in the
    reader's language), and the unit codes in its order."""
    url, codes, _names = _geometry_in(view, level, language(), ui_language.names_mode())
    return url, codes


def unit_names(view: views.ViewName, level: str) -> dict[str, str]:
    """Code → the unit's name as the map shows it."""
    _url, codes, shown = _geometry_in(view, level, language(), ui_language.names_mode())
    return dict(zip(codes, shown))


def _bounds(view: views.ViewName) -> list[list[float]]:
    minx, miny, maxx, maxy = views.view_extent(view)
    return [[round(miny, 5), round(minx, 5)], [round(maxy, 5), round(maxx, 5)]]


def _common(view: views.ViewName, level: str, *, label: str, height: int) -> dict:
    url, _codes = _geometry(view, level)
    out = {"assets": _assets(), "geometry": url, "bounds": _bounds(view), "label": label,
           "height": int(height), "lang": language(),
           "error": _("The map could not be loaded. Reload the page to try again.")}
    if state.tiles_on():
        out["tiles"] = TILES
    return out


def _widget(key: str) -> str:
    """The component's own key (a page's ``key`` also names its other widgets, e.g. downloads)."""
    return f"atlas_map:{key}"


def _mount(key: str, payload: dict, **callbacks):
    return _component(key=_widget(key), data=payload, height="content", **callbacks)


# ----------------------------------------------------------------------------- the selected unit
def _unit_key(key: str) -> str:
    return f"{key}_unit"


def _take_click(key: str) -> None:
    """A click on a unit, or a choice in the map's unit picker (a trigger of the component), picks
    the unit; the picker's empty choice picks none."""
    code = (st.session_state.get(_widget(key)) or {}).get("click")
    if code is not None:
        st.session_state[_unit_key(key)] = str(code) or None


def _selected(key: str, codes: Sequence[str]) -> str | None:
    """The unit picked on this map: from a click, the picker, or (first run) the URL's ``unit``."""
    k = _unit_key(key)
    if k not in st.session_state:
        st.session_state[k] = st.query_params.get("unit")
    code = st.session_state.get(k)
    if code not in codes:
        code = None
    st.session_state[k] = code
    return code


def _picker() -> dict[str, str]:
    """The texts of the unit picker the map draws under itself (its options are the geometry's
    names, so they cost nothing per update)."""
    return {"label": _("Show the incidents of (the same as a click on the map)"),
            "none": _("None (click a unit on the map)")}


def _write_unit(code: str | None) -> None:
    if code and st.query_params.get("unit") != code:
        st.query_params["unit"] = code
    elif not code and "unit" in st.query_params:
        del st.query_params["unit"]


# ----------------------------------------------------------------------------- choropleths
def _frames_key(payload: dict) -> str:
    raw = json.dumps(payload["model"], separators=(",", ":"), sort_keys=True).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def _classes_note(view: views.ViewName) -> str:
    """Under a city map's legend: its classes are its own (issue 22)."""
    if view == "belgium":
        return ""
    return _("Classes of this page: the same value may have another colour on the Belgium map.")


def choropleth(view: views.ViewName, level: str, counted: Counted, classes: Classes, *, rows: pd.DataFrame,
               key: str, title: str, metric: str = "count", height: int = HEIGHT) -> str | None:
    """A choropleth of ``counted`` (from ``rows``) in ``classes``: its map model (classes, marks,
    tooltips and legend computed once, :mod:`geo.maps.model`), a short text summary and the unit
    picker. Returns the code of the selected unit (or None)."""
    units = data.view_units(view, level)
    url, codes = _geometry(view, level)
    selected = _selected(key, codes)
    shown = unit_names(view, level)
    model = chor.counted_model(counted, rows, classes, units=units, names=[shown[c] for c in codes], view=view,
                               level=level, title=title, metric=metric, note=_classes_note(view))
    payload = chor.payload(model)
    payload |= _common(view, level, label=_("Map: {title}").format(title=title), height=height)
    payload |= {"frames_key": _frames_key(payload), "selected": selected, "clickable": True, "picker": _picker()}
    _mount(key, payload, on_click_change=lambda: _take_click(key))
    st.caption(chor.summary(codes, model.frames[0].counts, shown, missing=len(counted.not_counted)))
    _write_unit(selected)
    return selected


def model_map(model: MapModel, *, key: str, title: str, height: int = HEIGHT, sync: str | None = None,
              url: bool = True, scatter: dict | None = None) -> str | None:
    """Any map model (hot spots, smoothed rates, two measures: :mod:`geo.stats.maps`) drawn by the
    map component, on its view's geometry (the model's units in the geometry's order). Maps given
    the same ``sync`` group pan and zoom together; with ``url`` the picked unit is kept in the URL
    (one map of a page does it); a ``scatter`` (:func:`geo.stats.scatter.payload`) is drawn under
    the map, in place at each update. Returns the selected unit (or None)."""
    _url, codes = _geometry(model.view, model.level)
    if tuple(model.codes) != tuple(codes):
        raise ValueError("the model's units are not the geometry's")
    selected = _selected(key, codes)
    payload = chor.payload(model)
    payload |= _common(model.view, model.level, label=_("Map: {title}").format(title=title), height=height)
    payload |= {"frames_key": _frames_key(payload), "selected": selected, "clickable": True, "picker": _picker(),
                "scatter": scatter}
    if sync:
        payload["sync"] = sync
    _mount(key, payload, on_click_change=lambda: _take_click(key))
    if url:
        _write_unit(selected)
    return selected


@dataclass(frozen=True)
class Timeline:
    periods: tuple[str, ...]
    step: str  # "year" or "month"
    cumulative: bool


def _take_period(key: str) -> None:
    period = (st.session_state.get(_widget(key)) or {}).get("period")
    if period:
        st.session_state[f"{key}_period"] = str(period)


def period_of(key: str, periods: Sequence[str]) -> str:
    """The period the timeline shows: where its player or slider stopped (the first at first)."""
    k = f"{key}_period"
    if st.session_state.get(k) not in periods:
        st.session_state[k] = periods[0]
    return st.session_state[k]


def timeline(rows: pd.DataFrame, timeline: Timeline, classes: Classes, *, key: str, title: str,
             height: int = HEIGHT) -> str | None:
    """The Timeline's national municipality map with its player: every period's values are sent
    once (as changes from the period before), and the browser steps through them. ``title`` may
    hold ``{period}``. Returns the selected municipality (or None)."""
    view, level = "belgium", "municipality"
    units = data.view_units(view, level)
    url, codes = _geometry(view, level)
    selected = _selected(key, codes)
    periods = list(timeline.periods)
    wide = aggregate.count_by_unit_and_period(rows, level=level, period=timeline.step, cumulative=timeline.cumulative)
    recon_rows = rows[rows["provenance"] == "reconstructed"]
    wide_recon = aggregate.count_by_unit_and_period(recon_rows, level=level, period=timeline.step,
                                                    cumulative=timeline.cumulative)
    counts = chor.wide_frames(wide, codes, periods, cumulative=timeline.cumulative)
    recon = chor.wide_frames(wide_recon, codes, periods, cumulative=timeline.cumulative)
    population = units["population"].to_numpy(float)
    frames = [frame_from(p, c, r, rates_of(c, population), classes, metric="count", unit="sites",
                         title=title.replace("{period}", readable.period_text(p)), label=readable.period_text(p))
              for p, c, r in zip(periods, counts, recon)]
    model = chor.model(codes, [unit_names(view, level)[c] for c in codes], frames, classes, view=view, level=level,
                       title=title)
    current = period_of(key, periods)
    payload = chor.payload(
        model, periods=periods, index=periods.index(current), interval_ms=FRAME_MS.get(timeline.step, 800),
        player_texts={"play": _("Play"), "pause": _("Pause"), "slider": _("Period")})
    payload |= _common(view, level, label=_("Map: incident sites per municipality, by period"), height=height)
    payload |= {"frames_key": _frames_key(payload), "selected": selected, "clickable": True, "picker": _picker()}
    _mount(key, payload, on_click_change=lambda: _take_click(key), on_period_change=lambda: _take_period(key))
    _write_unit(selected)
    i = periods.index(current)
    located = int(counts[i].sum())
    shown = aggregate.rows_in_period(rows, period=timeline.step, value=current, cumulative=timeline.cumulative)
    st.caption(_("{period}: {summary}").format(
        period=readable.period_text(current),
        summary=chor.summary(codes, counts[i], unit_names(view, level), missing=max(0, len(shown) - located))))
    return selected


# ----------------------------------------------------------------------------- symbol maps
def symbols(rows: pd.DataFrame, *, key: str, title: str, outlines: str = "municipality",
            height: int = HEIGHT) -> None:
    """Map 1 (or a network's map): circles per place and kind over unit outlines, with its legend
    and a short text summary."""
    places = unit_names("belgium", "municipality")
    cities = ui_language.city_labels({**vocab.REPORT_CITIES, vocab.BRUSSELS_CITY: vocab.CITY_OF_BRUSSELS})
    payload = sym.payload(rows, view="belgium", title=title, place_names=places, city_names=cities)
    payload |= _common("belgium", outlines, label=_("Map: {title}").format(title=title), height=height)
    payload |= {"selected": None, "clickable": False}
    _mount(key, payload)
    st.caption(sym.summary(rows, place_names=places))


def preload() -> None:
    """Fill the caches every first visitor would fill (the report's incidents, the units and
    geometry files of every view and level): ``geo serve`` calls it before Streamlit starts, then
    freezes what it built out of the garbage collector's way. Streamlit's caches are the
    process's, so the sessions find them filled."""
    data.frame_for(state.REPORT)
    _assets()
    for view, spec in views.VIEW_SPECS.items():
        for level in spec.levels:
            for lang in LANGUAGES:
                _geometry_in(view, level, lang)
    sym.city_labels()
