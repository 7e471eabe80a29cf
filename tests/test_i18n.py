"""The interface's translations: the French and Dutch catalogs hold every message the code has today
(a fresh extraction with Babel, as `make locales` does), each translated, none fuzzy, with the same
placeholders; the compiled catalogs are in use; and no module hides gettext's ``_`` behind a
variable of the same name."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from geo import i18n
from geo.config import ROOT

LOCALES = ("fr", "nl")
TRANSLATED = tuple(lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT)
#: babel.cfg's sources: every module of the package, the pages and the frame.
METHOD_MAP = [("geo/**.py", "python"), ("pages/**.py", "python"), ("app.py", "python")]


def _key(message_id, context) -> tuple:
    return (context, message_id if isinstance(message_id, str) else tuple(message_id))


@pytest.fixture(scope="module")
def extracted() -> dict[tuple, list[str]]:
    """(context, id) → where the code uses it, from a fresh extraction of the sources."""
    found: dict[tuple, list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(str(ROOT), METHOD_MAP):
        found.setdefault(_key(message, context), []).append(f"{filename}:{lineno}")
    return found


def _catalog(lang: str):
    with open(ROOT / "geo" / "locale" / lang / "LC_MESSAGES" / "atlas.po", "rb") as fh:
        return read_po(fh, locale=lang)


def test_babel_cfg_names_the_sources_the_test_extracts():
    text = (ROOT / "babel.cfg").read_text()
    assert re.findall(r"^\[python: ([^\]]+)\]", text, flags=re.M) == [p for p, _m in METHOD_MAP]


def test_the_extraction_finds_the_interface(extracted):
    assert len(extracted) > 400
    assert (None, "Filters") in extracted and (None, "Years") in extracted
    assert ("CSV column", "date_precision") in extracted  # CSV headers are in the catalog too


@pytest.mark.parametrize("lang", LOCALES)
def test_every_message_is_translated_and_none_is_fuzzy(lang, extracted):
    """Fails on a message the code has and the catalog lacks (run `make locales`), a message left
    untranslated or marked fuzzy (translate it), or a catalog entry the code no longer has."""
    catalog = _catalog(lang)
    entries = {_key(m.id, m.context): m for m in catalog if m.id}
    missing = sorted((k for k in extracted if k not in entries), key=str)
    assert not missing, f"{lang}: not in the catalog (run `make locales`): {missing[:10]}"
    untranslated = [k for k, m in entries.items()
                    if not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert not untranslated, f"{lang}: untranslated: {untranslated[:10]}"
    fuzzy = [k for k, m in entries.items() if m.fuzzy]
    assert not fuzzy, f"{lang}: fuzzy (check the translation, then remove the flag): {fuzzy[:10]}"
    stale = sorted((k for k in entries if k not in extracted), key=str)
    assert not stale, f"{lang}: in the catalog, no longer in the code (run `make locales`): {stale[:10]}"
    assert catalog.num_plurals == 2


def _fields(text: str) -> set[str]:
    """The ``{name}`` fields (with their format spec) and ``%`` directives of a message."""
    out = set()
    for _literal, name, spec, _conv in string.Formatter().parse(text):
        if name is not None:
            out.add(f"{{{name}:{spec}}}")
    out.update(re.findall(r"%[a-zA-Z]", text))
    return out


@pytest.mark.parametrize("lang", LOCALES)
def test_translations_keep_the_placeholders(lang):
    """A translation that drops or renames ``{n}`` would fail at .format() or hide a number."""
    for m in _catalog(lang):
        if not m.id:
            continue
        ids = (m.id,) if isinstance(m.id, str) else tuple(m.id)
        strings = (m.string,) if isinstance(m.string, str) else tuple(m.string)
        want = _fields(ids[-1])  # a plural's forms all need its fields (French uses the singular for 0)
        for s in strings:
            assert _fields(s) == want, (lang, m.id, s)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_compiled_catalogs_are_in_use(lang):
    """`make` compiles the .po files at install; without them the app would speak English."""
    po, mo = (ROOT / "geo" / "locale" / lang / "LC_MESSAGES" / f"atlas.{ext}" for ext in ("po", "mo"))
    assert mo.exists(), "compile the catalogs: make catalogs"
    assert mo.stat().st_mtime >= po.stat().st_mtime, "the .mo is older than its .po: make catalogs"
    with i18n.using(lang):
        words = (i18n._("Filters"), i18n._("Years"), i18n._("Report check"))
        plural = i18n.ngettext("{n} incident site", "{n} incident sites", 2).format(n=2)
        header = i18n.pgettext("CSV column", "date_precision")
    expected = {"fr": ("Filtres", "Années", "Vérification du rapport", "2 lieux d'incident", "précision de la date"),
                "nl": ("Filters", "Jaren", "Controle van het rapport", "2 incidentlocaties",
                       "precisie van de datum")}[lang]
    assert (*words, plural, header) == expected


def test_english_is_the_source_and_unknown_languages_fall_back_to_it():
    with i18n.using("de"):
        assert i18n.language() == "en"
        assert i18n._("Filters") == "Filters"
    assert i18n.use("xx") == "en"


def test_numbers_are_written_as_each_language_writes_them():
    with i18n.using("en"):
        assert i18n.number(12345.678, 1) == "12,345.7"
    with i18n.using("fr"):
        assert i18n.number(12345.678, 1) == "12\u202f345,7"
    with i18n.using("nl"):
        assert i18n.number(12345.678, 1) == "12.345,7"


def test_a_bound_function_keeps_the_language_of_its_request():
    """Download buttons make their files later, in a server thread with no session: the files must
    still be in the reader's language (the request's, carried by Request.bind)."""
    from geo.io.store import LocalStore
    from geo.request import Request

    made = Request(store=LocalStore(read_only=True), language="nl", names="reader").bind(
        lambda: (i18n._("Filters: {filters}"), i18n.names_mode()))
    assert i18n.language() == "en"
    assert made() == ("Filters: {filters}", "reader")
    with i18n.using("fr"):
        assert made()[0] == "Filters: {filters}"  # Dutch has the same word
        assert Request(store=LocalStore(read_only=True), language="fr").bind(lambda: i18n._("Years"))() == "Années"


def _modules() -> list[Path]:
    return sorted([*(ROOT / "geo").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def test_no_module_hides_gettext_behind_a_variable_named_underscore():
    """``for _, x in …`` or ``a, _ = …`` in a module that translates with ``_`` breaks every
    message after it in that function (a TypeError at best, silently untranslated at worst)."""
    bad = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_gettext = any(isinstance(n, ast.ImportFrom) and n.module == "geo.i18n"
                              and any(a.name == "_" for a in n.names) for n in ast.walk(tree))
        if not imports_gettext:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.arg) and node.arg == "_":
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, bad


def test_messages_are_not_built_with_f_strings():
    """``_(f"…")`` can never be in a catalog: the extractor sees no literal."""
    bad = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "ngettext", "N_", "pgettext")
                    and any(isinstance(a, ast.JoinedStr) for a in node.args)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, bad


@pytest.mark.parametrize("lang", LOCALES)
def test_babel_finds_no_format_error(lang):
    """What `pybabel compile` checks (a "20% of" read as a %-placeholder…): an error there stops
    `make` from compiling the catalog."""
    errors = [(m.id, str(e)) for m, errs in _catalog(lang).check() for e in errs]
    assert not errors, errors
