"""The reader's language and how places are named, per session.

- Language: ``?lang=en|fr|nl`` in the URL (a shared link keeps it), else the one the reader picked
  in the sidebar, else the browser's preferred language (``st.context.locale``, the browser's
  ``navigator.language``; the ``Accept-Language`` header where a client sends no locale), else
  English. :func:`apply` reads it for the run's request (:mod:`geo.ui.session`), which makes it
  the active language of the run.
- Place names: ``?names=reader`` names municipalities in the reader's language where they have a
  name in it (Luik, Anvers, Brussels); by default (``local``) in their own language (Liège,
  Antwerpen, Ixelles / Elsene, Eupen), see :mod:`geo.admin.names`.

State lives in ``st.session_state`` and the URL; nothing here keeps module-level mutable state.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from geo import i18n, vocab
from geo.admin import names as names_mod
from geo.i18n import _

K_LANG, K_NAMES = "ui_lang", "ui_names"
_CHOSEN = "_ui_lang_chosen"  # the reader picked a language (or a link named one): the URL keeps it
#: Each language in its own words (the picker shows them whatever the language).
NATIVE = {"en": "English", "fr": "Français", "nl": "Nederlands"}


def _from_tag(tag: str | None) -> str | None:
    """``fr`` for ``fr-BE``, ``nl`` for ``nl_BE``…; None for a language the atlas does not speak."""
    primary = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in i18n.LANGUAGES else None


def browser_language() -> str | None:
    """The browser's preferred language among the atlas's, or None."""
    try:
        chosen = _from_tag(st.context.locale)
        if chosen:
            return chosen
        header = st.context.headers.get("Accept-Language") or ""
    except Exception:  # noqa: BLE001 (no session, e.g. a bare script run: no browser to ask)
        return None
    for part in header.split(","):
        chosen = _from_tag(part.split(";")[0])
        if chosen:
            return chosen
    return None


def apply() -> tuple[str, str]:
    """This run's language and place naming from the session (first run: the URL, else the
    browser), for the run's request (:func:`geo.ui.session.start`, which makes them active). The
    URL's ``lang`` wins when it changes (a link opened in the same tab)."""
    wanted = st.query_params.get("lang")
    if wanted in i18n.LANGUAGES and (st.session_state.get(_CHOSEN) is None
                                     or st.session_state.get("_ui_lang_url") != wanted):
        st.session_state[K_LANG] = wanted
        st.session_state[_CHOSEN] = True
    st.session_state["_ui_lang_url"] = wanted
    if st.session_state.get(K_LANG) not in i18n.LANGUAGES:
        st.session_state[K_LANG] = browser_language() or i18n.DEFAULT
    if K_NAMES not in st.session_state:
        mode = st.query_params.get("names")
        st.session_state[K_NAMES] = mode if mode in names_mod.MODES else "local"
    return st.session_state[K_LANG], st.session_state[K_NAMES]


def names_mode() -> names_mod.Mode:
    """How this run names places: ``local`` (the default) or ``reader`` (the run's request's,
    made active by :func:`geo.ui.session.start`)."""
    mode = i18n.names_mode()
    return mode if mode in names_mod.MODES else "local"


def _picked() -> None:
    st.session_state[_CHOSEN] = True


def picker() -> None:
    """The sidebar's language and place-name choices; both go into the URL (``lang`` once the reader
    picked one or a link named one, ``names`` when not the default)."""
    st.selectbox(_("Language"), i18n.LANGUAGES, key=K_LANG, format_func=NATIVE.get, on_change=_picked)
    st.radio(_("Place names"), names_mod.MODES, key=K_NAMES, horizontal=True,
             format_func={"local": _("local"), "reader": _("in my language")}.get,
             help=_("Local: each municipality in its own language (Liège, Antwerpen, Ixelles / Elsene, Eupen). "
                    "In my language: in the language of the page where it has a name in it (Antwerp, Ghent)."))
    write_query()


def write_query() -> None:
    lang = st.session_state.get(K_LANG)
    if st.session_state.get(_CHOSEN) or lang != i18n.DEFAULT:
        if st.query_params.get("lang") != lang:
            st.query_params["lang"] = lang
        st.session_state["_ui_lang_url"] = lang
    mode = names_mode()
    if mode != "local" and st.query_params.get("names") != mode:
        st.query_params["names"] = mode
    elif mode == "local" and "names" in st.query_params:
        del st.query_params["names"]


def unit_names(units: pd.DataFrame) -> pd.Series:
    """The names of ``units`` (a frame of :func:`geo.ui.data.view_units`) as this session shows them."""
    return names_mod.names_of_units(units, language=i18n.language(), mode=names_mode())


def brussels_city() -> str:
    """The report's "Brussels" (the whole Brussels-Capital Region) as this session names it: both
    names by default, the reader's language's with ``names=reader``."""
    if names_mode() == "reader":
        return _("Brussels")
    return "Brussel / Bruxelles" if i18n.language() == "nl" else "Bruxelles / Brussel"


def city_labels(city_codes: Mapping[str, str]) -> dict[str, str]:
    """The report's cities (city → its municipality's code) as this session names them."""
    from geo.ui import data

    units = data.view_units("belgium", "municipality")  # names as the map shows them, cached per language
    shown = dict(zip(units["code"], data.shown_names("belgium", "municipality", i18n.language(), names_mode())))
    out = {city: shown.get(code, city) for city, code in city_codes.items()}
    out[vocab.BRUSSELS_CITY] = brussels_city()
    return out
