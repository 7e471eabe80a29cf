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
           "map_button": "Map PNG", "overview": "Overview", "caption": r"Includes \d+ reconstructed records",
           "lat": "lat", "decimal": "."},
    "fr": {"filters": "Filtres", "years": "Années", "belgium": "Belgique", "legend": "Incidents (lieux)",
           "tip": "14 lieux d'incident", "csv": "CSV des incidents", "header": "précision de la date",
           "map_button": "Carte PNG", "overview": "Vue d'ensemble",
           "caption": r"Comprend \d+ enregistrements reconstitués", "lat": "latitude", "decimal": ","},
    "nl": {"filters": "Filters", "years": "Jaren", "belgium": "België", "legend": "Incidenten (locaties)",
           "tip": "14 incidentlocaties", "csv": "CSV met incidenten", "header": "precisie van de datum",
           "map_button": "Kaart PNG", "overview": "Overzicht",
           "caption": r"Bevat \d+ gereconstrueerde records", "lat": "breedtegraad", "decimal": ","},
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
    sep = "," if lang == "en" else ";"  # as the language's spreadsheets read a CSV
    text = _download(page, w["csv"], tmp_path).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    assert w["header"] in rows[0] and len(rows) == 109, rows[0]
    lat = rows[1][rows[0].index(w["lat"])]
    assert re.fullmatch(r"5\d" + re.escape(w["decimal"]) + r"\d+", lat), lat
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
    assert re.search(WORDS[lang]["caption"], svg), re.findall(r">([^<]{20,})<", svg)[:8]  # the count is the data's
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


STREAMLIT_WORDS = {
    "fr": {"skip": "Aller au contenu principal", "button": "Parcourir", "limit": "200 Mo par fichier",
           "help": "Aide pour", "start": "Années — début", "networks": "réseau Zerkani"},
    "nl": {"skip": "Naar de hoofdinhoud", "button": "Bladeren", "limit": "200 MB per bestand",
           "help": "Hulp bij", "start": "Jaren — begin", "networks": "Zerkani-netwerk"},
}
#: Streamlit's English words, visible or read by a screen reader.
STREAMLIT_ENGLISH = re.compile(r"^(Skip to main content|Help for .*|.* — (start|end)|Collapse sidebar|Sidebar|"
                               r"App pages|file upload|Upload|Choose an option|Show/hide columns|Download as CSV|"
                               r"Fullscreen|Link to heading|Open|Zoom in|Zoom out)$|MB per file")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_streamlits_own_words_and_screen_reader_labels_are_in_the_readers_language(server, open_page, lang):
    """The skip link, the labels a screen reader reads (help icons, the years slider's handles, the
    sidebar's buttons), the uploader's button and size line: in the reader's language."""
    w = STREAMLIT_WORDS[lang]
    page = open_page()
    goto(page, server, f"/data?lang={lang}")
    page.wait_for_function(f"""() => document.querySelector("[data-testid='stSkipToContent']")?.textContent
        === {json.dumps(w['skip'])} && document.querySelector("[data-testid='stFileUploaderDropzone'] p")?.textContent
        === {json.dumps(w['button'])} && [...document.querySelectorAll("[aria-label]")].some(
        e => e.getAttribute("aria-label") === {json.dumps(w['start'])})""", timeout=15_000)  # the slider comes last
    said = page.evaluate("""() => {
        const out = [];
        document.querySelectorAll("[aria-label], [placeholder], [title]").forEach(e => {
            for (const a of ["aria-label", "placeholder", "title"]) { if (e.getAttribute(a)) out.push(e.getAttribute(a)); }
        });
        document.querySelectorAll("[data-testid='stSkipToContent'], [data-testid='stFileUploaderDropzone'] p, "
            + "[data-testid='stFileUploaderDropzoneInstructions'] span").forEach(e => out.push(e.textContent));
        return out;
    }""")
    english = [t for t in said if STREAMLIT_ENGLISH.search(t)]
    assert not english, english
    assert w["button"] in said and any(t.startswith(w["limit"]) for t in said), said
    assert any(t.startswith(w["help"]) for t in said) and w["start"] in said, said
    goto(page, server, f"/networks?lang={lang}")
    picked = page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] input").first.input_value()
    assert picked == w["networks"], picked  # the picker, the table and the map's title name it so
    assert page.locator(".atlas-legend-title").first.inner_text().startswith(w["networks"])


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
def test_the_map_and_its_legend_are_within_the_first_screen_of_a_phone(server, open_page, lang):
    """On a 390 x 844 phone, each map page's map starts and its legend ends within the first screen."""
    page = open_page(width=390)
    for path, units in (("/belgium", MUNICIPALITIES), ("/brussels", 19), ("/charleroi", 10), ("/timeline", 100)):
        goto(page, server, f"{path}?lang={lang}")
        wait_for_paths(page, at_least=units)
        page.wait_for_timeout(500)
        box = page.evaluate("""() => {
            const r = s => document.querySelector(s)?.getBoundingClientRect();
            const map = r(".atlas-map .leaflet-container"), legend = r(".atlas-legend");
            return {mapTop: map.top, mapHeight: map.height, legendBottom: legend.bottom, screen: innerHeight};
        }""")
        assert box["mapTop"] < box["screen"] / 2 and box["mapHeight"] >= 240, (path, box)
        assert box["legendBottom"] <= box["screen"], (path, box)


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("width", [1400, 390])
def test_screenshots_in_french_and_dutch(server, open_page, lang, width):
    """Looked at by a person (artifacts/screenshots/); the test checks that the page drew its map and
    that nothing overflows the phone's width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(width=width)
    for path, name, units in (("/", "overview", MUNICIPALITIES), ("/belgium", "belgium", MUNICIPALITIES),
                              ("/brussels", "brussels", 19), ("/data", "data", 0)):
        goto(page, server, f"{path}?lang={lang}")
        if units:
            wait_for_paths(page, at_least=units)
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"i18n-{name}-{lang}-{width}.png"))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} {lang} at {width}px is {overflow}px wider than the screen"
