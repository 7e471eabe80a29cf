"""The three interface languages in a real browser with no network (issue 14): ``?lang=`` picks the
language (the sidebar's words, page titles, the map's legend and tooltips, the downloads' CSV
headers and the PNG's caption follow it), the browser's preferred language is the default, the
sidebar's picker changes it and puts it in the URL, the French page's main texts hold no English
sentence, and places are named locally by default or in the reader's language on request (static
map labels are drawn as outlined paths, so their names are tested in tests/maps/png/test_labels.py).

The expected words are written here, not read from the catalogs: an empty catalog must fail.
Screenshots in French and Dutch at 1400 and 390 px go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from geo.config import ROOT  # noqa: E402
from tests.support.dialogs import open_downloads  # noqa: E402
from tests.support.server import MAP, Offline, wait_for_app, wait_for_paths  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = ROOT / "artifacts" / "screenshots"
MUNICIPALITIES = 581
CHARLEROI, IXELLES, ANTWERPEN = "52011", "21009", "11002"

WORDS = {
    "en": {"filters": "Filters", "years": "Years", "belgium": "Belgium", "legend": "Incidents (sites)",
           "tip": "14 incident sites", "csv": "Incidents CSV", "header": "date_precision",
           "map_button": "Map PNG", "overview": "Overview", "caption": "Includes 71 reconstructed records"},
    "fr": {"filters": "Filtres", "years": "Années", "belgium": "Belgique", "legend": "Incidents (lieux)",
           "tip": "14 lieux d'incident", "csv": "CSV des incidents", "header": "précision de la date",
           "map_button": "Carte PNG", "overview": "Vue d'ensemble",
           "caption": "Comprend 71 enregistrements reconstitués"},
    "nl": {"filters": "Filters", "years": "Jaren", "belgium": "België", "legend": "Incidenten (locaties)",
           "tip": "14 incidentlocaties", "csv": "CSV met incidenten", "header": "precisie van de datum",
           "map_button": "Kaart PNG", "overview": "Overzicht",
           "caption": "Bevat 71 gereconstrueerde records"},
}


@pytest.fixture
def open_page(browser):
    """A page in a fresh context (``locale``: the browser's preferred language), offline."""
    made = []

    def make(*, locale: str = "en-US", width: int = 1400):
        context = browser.new_context(viewport={"width": width, "height": 1000 if width > 500 else 844},
                                      locale=locale, accept_downloads=True)
        context.set_default_timeout(30_000)
        offline = Offline().install(context)
        made.append((context, offline))
        return context.new_page()

    yield make
    for context, offline in made:
        assert not offline.blocked, f"requests left localhost: {sorted(set(offline.blocked))}"
        context.close()


def goto(page, server, path: str) -> None:
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=60_000)
    wait_for_app(page, timeout=60_000)


def sidebar_text(page, *words: str) -> str:
    """The sidebar's text, once it holds every one of ``words`` (a rerun may still be drawing it)."""
    if words:
        with contextlib.suppress(playwright_sync.TimeoutError):  # the caller's assertion says what is there
            page.wait_for_function(f"""() => {{
                const t = document.querySelector("[data-testid='stSidebarUserContent']")?.innerText || "";
                return {json.dumps(list(words))}.every(w => t.includes(w));
            }}""", timeout=15_000)
    return page.locator("[data-testid='stSidebarUserContent']").inner_text()


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _download(page, name: str, tmp_path):
    open_downloads(page)  # the exports are drawn in a dialog, on demand
    button = page.get_by_role("button", name=name).first
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as d:
        button.click()
    target = tmp_path / d.value.suggested_filename
    d.value.save_as(target)
    return target


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_url_language_names_the_sidebar_title_legend_tooltip_and_csv(server, open_page, lang, tmp_path):
    w = WORDS[lang]
    page = open_page()
    goto(page, server, f"/belgium?lang={lang}")
    side = sidebar_text(page, w["filters"], w["years"])
    assert w["filters"] in side and w["years"] in side, side[:400]
    assert page.locator("h1").first.inner_text().strip() == w["belgium"]
    assert page.get_by_role("link", name=w["overview"]).count() >= 1  # st.navigation's titles follow
    wait_for_paths(page, at_least=MUNICIPALITIES)
    assert page.locator(f"{MAP} .atlas-legend-title").first.inner_text().strip() == w["legend"]
    page.locator(f"{MAP} path[data-code='{CHARLEROI}']").dispatch_event("mouseover")
    tip = page.locator(".leaflet-tooltip.atlas-tip").last
    tip.wait_for(state="visible", timeout=5_000)
    assert "Charleroi" in tip.inner_text() and w["tip"] in tip.inner_text(), tip.inner_text()
    rows = list(csv.reader(io.StringIO(_download(page, w["csv"], tmp_path).read_text(encoding="utf-8-sig"))))
    assert w["header"] in rows[0] and len(rows) == 109, rows[0]
    assert f"lang={lang}" in page.url or lang == "en"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_png_caption_is_in_the_reader_language(server, open_page, lang, tmp_path):
    """The map file is made later, in a server thread that knows no session: still in the reader's
    language (its words are read back from the SVG, which keeps text as text)."""
    page = open_page()
    goto(page, server, f"/brussels?lang={lang}")
    open_downloads(page)
    page.get_by_text("SVG", exact=True).first.click()
    wait_for_app(page)
    svg = _download(page, WORDS[lang]["map_button"].replace("PNG", "SVG"), tmp_path).read_text(encoding="utf-8")
    assert WORDS[lang]["caption"] in svg, re.findall(r">([^<]{20,})<", svg)[:8]
    assert "Includes" not in svg and "years 2014" not in svg and "Data: CTC" not in svg


def test_the_browser_language_is_the_default_and_the_picker_puts_its_choice_in_the_url(server, open_page):
    page = open_page(locale="fr-BE")
    goto(page, server, "/")
    assert WORDS["fr"]["years"] in sidebar_text(page, WORDS["fr"]["years"])
    assert "lang=fr" in page.url  # a link keeps the language the reader sees
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first
    box.click()
    page.get_by_role("option", name="Nederlands").click()
    page.wait_for_function("() => location.search.includes('lang=nl')")
    wait_for_app(page)
    assert "Jaren" in sidebar_text(page, "Jaren")
    assert page.locator("h1").first.inner_text().startswith("Incidenten verbonden met")
    page.get_by_role("link", name="België").first.click()  # the language stays across pages
    page.wait_for_function("() => location.pathname.endsWith('/belgium')")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "België"
    assert "lang=nl" in page.url


# English words that would give away an untranslated sentence (names and quotations are allowed
# below): the function words of English sentences and the atlas's own nouns.
ENGLISH = re.compile(r"\b(the|and|of|with|are|is|not|per|sites?|events?|records?|incidents? in|arrest|"
                     r"reconstructed|documented|filters?|years?|map|click|shows?|includes?)\b", re.IGNORECASE)
ALLOWED = ("Beyond the Caliphate: Belgium", "Combating Terrorism Center", "Statbel", "data/README.md")


@pytest.mark.parametrize("path", ["/", "/belgium", "/brussels", "/timeline"])
def test_no_english_sentence_is_left_on_the_french_pages(server, open_page, path):
    """The page's own words (title, captions, notes, legend, buttons), not the data: the table of
    incidents (places and descriptions as their sources give them) is left out."""
    page = open_page()
    goto(page, server, f"{path}?lang=fr")
    wait_for_paths(page, at_least=19)
    text = page.evaluate("""() => {
        const main = document.querySelector("[data-testid='stMain']");
        const hidden = Array.from(main.querySelectorAll("[data-testid='stDataFrame'], [data-testid='stCode'], "
            + "[data-testid='stVegaLiteChart'], .atlas-city, select, .leaflet-control-attribution"));
        const before = hidden.map(e => e.style.display);
        hidden.forEach(e => { e.style.display = "none"; });
        const text = main.innerText;
        hidden.forEach((e, i) => { e.style.display = before[i]; });
        return text;
    }""")
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    english = [line for line in text.splitlines() if ENGLISH.search(line)]
    assert not english, english


def test_place_names_are_local_by_default_and_in_the_reader_language_on_request(server, open_page):
    page = open_page()
    goto(page, server, "/?lang=fr")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    cities = page.locator(f"{MAP} .atlas-city").all_inner_texts()
    assert "Antwerpen" in cities and "Liège" in cities and any("Bruxelles / Brussel" in c for c in cities), cities
    goto(page, server, "/?lang=fr&names=reader")
    wait_for_paths(page, at_least=MUNICIPALITIES)
    page.wait_for_function(f"""() => Array.from(document.querySelectorAll("{MAP} .atlas-city"))
        .some(e => e.innerText.includes("Anvers"))""")
    assert page.get_by_role("radio", name="dans ma langue").is_checked()
    goto(page, server, "/brussels?lang=nl")
    wait_for_paths(page, at_least=19)
    page.locator(f"{MAP} path[data-code='{IXELLES}']").dispatch_event("mouseover")
    tip = page.locator(".leaflet-tooltip.atlas-tip").last
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text().startswith("Elsene / Ixelles"), tip.inner_text()


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("width", [1400, 390])
def test_screenshots_in_french_and_dutch(server, open_page, lang, width):
    """Looked at by a person (artifacts/screenshots/); the test checks that the page drew its map and
    that nothing overflows the phone's width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(width=width)
    for path, name in (("/", "overview"), ("/belgium", "belgium")):
        goto(page, server, f"{path}?lang={lang}")
        wait_for_paths(page, at_least=MUNICIPALITIES)
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"i18n-{name}-{lang}-{width}.png"))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} {lang} at {width}px is {overflow}px wider than the screen"
