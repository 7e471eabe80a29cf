"""Translations of what people read: gettext catalogs (domain ``atlas``) under ``geo/locale/``,
managed with Babel (extract, update, compile).

The language is per script run, not per process: the *active* language lives in a context variable
(each Streamlit session runs its script in its own thread, with its own context), and :func:`_`
translates into it. In the app it is derived from the run's request in one place,
:meth:`geo.request.Request.activate` (``active`` for a block, ``bind`` for work done later in
another thread); the command line sets it once with :func:`use`. Nothing here keeps module-level
mutable state.

Write messages so the extractor sees them whole: ``_("{n} sites").format(n=n)``, never
``_(f"{n} sites")``; :func:`ngettext` for plurals; :func:`N_` marks a message written in a table
(translated later, where it is shown).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from babel.dates import format_date
from babel.numbers import format_decimal

#: Beside this module (not from geo.config: geo.errors translates its messages, and config imports errors).
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "atlas"
#: The interface languages, the default first.
LANGUAGES: tuple[str, ...] = ("en", "fr", "nl")
DEFAULT = LANGUAGES[0]

_language: ContextVar[str] = ContextVar("atlas_language", default=DEFAULT)
#: How places are named: "local" (each in its own language: Liège, Antwerpen) or "reader" (in the
#: reader's language where a place has a name in it: Luik, Anvers). See geo.admin.names.
NAME_MODES: tuple[str, ...] = ("local", "reader")
_names: ContextVar[str] = ContextVar("atlas_place_names", default=NAME_MODES[0])
T = TypeVar("T")


@lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def use(language: str | None, *, names: str | None = None) -> str:
    """Translate into ``language`` from now on in this context (unknown: the default), and name
    places the ``names`` way (``local`` or ``reader``; None: unchanged); returns the language used."""
    chosen = language if language in LANGUAGES else DEFAULT
    _language.set(chosen)
    if names is not None:
        _names.set(names if names in NAME_MODES else NAME_MODES[0])
    return chosen


def names_mode() -> str:
    """How places are named in this context: ``local`` (the default) or ``reader``."""
    return _names.get()


@contextmanager
def using(language: str | None, *, names: str | None = None) -> Iterator[str]:
    """Translate into ``language`` (and name places the ``names`` way) inside the ``with`` block
    only; then the language and naming before."""
    token = _language.set(language if language in LANGUAGES else DEFAULT)
    names_token = _names.set(names if names in NAME_MODES else _names.get())
    try:
        yield _language.get()
    finally:
        _names.reset(names_token)
        _language.reset(token)


def language() -> str:
    """The language of this context."""
    return _language.get()


def _(message: str) -> str:
    """``message`` in the current language (the English text when no translation exists)."""
    return _catalog(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the current language."""
    return _catalog(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where the same English words need another translation
    in ``context`` (a CSV header "date" beside the word "Date" of a table)."""
    return _catalog(_language.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now (it is translated with
    :func:`_` where it is shown)."""
    return message


def clauses(parts: Iterable[str]) -> str:
    """Clauses of a list joined as the current language writes them: "years 2014–2017; cities: all"
    (a space before the semicolon in French)."""
    # TRANSLATORS: the separator between the clauses of a list, as in "years 2014–2017; cities: all".
    return _("; ").join(parts)


def number(value: float, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` decimals and written as the current language writes
    numbers: 1,234.5 in English, 1 234,5 in French, 1.234,5 in Dutch (Babel's CLDR data)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=_language.get(),
                          decimal_quantization=True)


def month_year(value: date) -> str:
    """A month and its year as the current language writes them in a title: "Jun 2014",
    "juin 2014", "jun. 2014" (Babel's CLDR data)."""
    return format_date(value, "MMM y", locale=_language.get())
