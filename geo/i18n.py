"""Translations of what people read: gettext catalogs (domain ``atlas``) under ``geo/locale/``,
managed with Babel (extract, update, compile).

The language is per script run, not per process: :func:`use` sets it in a context variable (each
Streamlit session runs its script in its own thread, with its own context; the command line sets it
once), and :func:`_` translates into it. Nothing here keeps module-level mutable state.

Write messages so the extractor sees them whole: ``_("{n} sites").format(n=n)``, never
``_(f"{n} sites")``; :func:`ngettext` for plurals; :func:`N_` marks a message written in a table
(translated later, where it is shown).
"""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from functools import lru_cache

from geo.config import PACKAGE_DIR

LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "atlas"
#: The interface languages, the default first.
LANGUAGES: tuple[str, ...] = ("en", "fr", "nl")
DEFAULT = LANGUAGES[0]

_language: ContextVar[str] = ContextVar("atlas_language", default=DEFAULT)


@lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def use(language: str | None) -> str:
    """Translate into ``language`` from now on in this context (unknown: the default); returns the
    language used."""
    chosen = language if language in LANGUAGES else DEFAULT
    _language.set(chosen)
    return chosen


def language() -> str:
    """The language of this context."""
    return _language.get()


def _(message: str) -> str:
    """``message`` in the current language (the English text when no translation exists)."""
    return _catalog(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the current language."""
    return _catalog(_language.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now (it is translated with
    :func:`_` where it is shown)."""
    return message
