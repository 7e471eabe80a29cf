"""Trust in every view, in a real browser with no network (issue 11): with an imported dataset (a
row in Paris, years 2015–2018, no report figures: ``tests/fixtures/import/trust_2015_2018.csv``)
and with the report's data.

- rows outside Belgium never count as Belgian events or sites (headline, Figure 1, the timeline);
- the Overview says in plain words how many events are documented and how many reconstructed;
- dates read at their precision ("2016", "March 2016", "2016-03-22"); tables use people's words,
  show the description and flag reconstructed rows;
- statements about the report's own figures appear only for the report's dataset;
- choosing or saving a dataset sets the years to that dataset's years (the 2018 row is never
  hidden, in the table or in the CSV);
- controls that do not apply to a dataset are hidden;
- Brussels and Charleroi offer rates per 100,000 (in the URL) and list a clicked unit's incidents
  under a heading that names it;
- the Report check shows each figure's documented support;
- chart axes count in whole numbers.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from geo.config import ROOT  # noqa: E402
from tests.support.dialogs import close_dialog, open_downloads  # noqa: E402
from tests.support.server import Offline, settled_text, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "import" / "trust_2015_2018.csv"
NAME = "Trust sample 2015-2018"
VIEWPORT = {"width": 1400, "height": 1000}
#: what people must never read in a table (internal names and values)
INTERNAL = ("n_arrested", "geo_precision", "date_precision", "arrest_action", "provenance", "region_nis")


@pytest.fixture(scope="module")
def imported(server) -> str:
    """The fixture saved as a dataset in the session server's data folder; its slug."""
    from geo.io import pipeline, store

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATLAS_DATA_DIR", str(server.data_dir))
        result = pipeline.import_file(FIXTURE, filename=FIXTURE.name)
        existing = {i.name: i.slug for i in store.configured().list_datasets()}
        if NAME in existing:
            return existing[NAME]
        return store.configured().save_dataset(result, name=NAME).slug


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(30_000)
    offline = Offline().install(context)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not offline.blocked, offline.blocked
    assert not errors, errors


def goto(page, server, path: str):
    page.goto(server.url + path, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=30_000)
    wait_for_app(page)
    exceptions = page.locator("[data-testid='stException']")
    assert exceptions.count() == 0, exceptions.first.inner_text()
    return page


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def sidebar_text(page) -> str:
    """The sidebar's text, once its last control (the basemap toggle) is drawn."""
    page.locator("[data-testid='stSidebar']").get_by_text("Basemap tiles").wait_for(timeout=15_000)
    return settled_text(page, "[data-testid='stSidebarUserContent']")


def chart_texts(page, index: int) -> list[str]:
    """The text of the ``index``-th chart (axis labels, titles), drawn as SVG by Vega."""
    chart = page.locator("[data-testid='stVegaLiteChart']").nth(index)
    chart.locator("svg").first.wait_for(timeout=15_000)
    return chart.evaluate("e => Array.from(e.querySelectorAll('svg text'), t => t.textContent)")


def axis_numbers(texts: list[str]) -> list[str]:
    return [t for t in texts if re.fullmatch(r"\d+(\.\d+)?", t.replace(",", ""))]


def grid(page, index: int = 0) -> tuple[list[str], list[str]]:
    """(column headers, visible cells) of the ``index``-th table (Glide's accessible DOM)."""
    frame = page.locator("[data-testid='stDataFrame']").nth(index)
    frame.wait_for(timeout=15_000)
    frame.scroll_into_view_if_needed()
    page.wait_for_function(
        "e => e.querySelector('td, [role=gridcell]') !== null", arg=frame.element_handle(), timeout=15_000)
    headers = frame.evaluate("e => Array.from(e.querySelectorAll('th, [role=columnheader]'), t => t.textContent)")
    cells = frame.evaluate("e => Array.from(e.querySelectorAll('td, [role=gridcell]'), t => t.textContent)")
    return headers, cells


def year_slider(page) -> tuple[int, int]:
    """(first, last) year of the sidebar's Years slider."""
    thumbs = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input[type='range']")
    thumbs.first.wait_for(state="attached", timeout=15_000)
    values = [int(thumbs.nth(i).evaluate("e => e.value")) for i in range(thumbs.count())]
    return min(values), max(values)


def metric(page, label: str) -> int:
    box = page.locator("[data-testid='stMetric']", has_text=label).first
    return int(re.sub(r"[^\d]", "", box.locator("[data-testid='stMetricValue']").inner_text()))


# ----------------------------------------------------------------------------- rows outside Belgium
def test_a_row_outside_belgium_is_never_a_belgian_event(server, imported, page):
    goto(page, server, f"/?dataset={imported}")
    assert year_slider(page) == (2015, 2018)
    # 9 rows imported, one in Paris: 8 events and 8 sites in Belgium
    assert metric(page, "Events") == 8
    assert metric(page, "Sites") == 8
    assert metric(page, "Attacks") == 4
    text = main_text(page)
    assert re.search(r"\b1\b[^.]*not (placed|located) in Belgium", text), text[:1500]
    # Figure 1: Paris is the only 2015 row, so 2015 has no bar and no place on the axis
    fig1 = chart_texts(page, 0)
    assert "2018" in fig1 and "2016" in fig1
    assert "2015" not in fig1, fig1
    # the timeline does not count it either
    goto(page, server, f"/timeline?dataset={imported}&step=year")
    assert "2015" not in chart_texts(page, 0)


def test_chart_axes_count_in_whole_numbers(server, imported, page):
    goto(page, server, f"/?dataset={imported}")
    for index in (0, 1):  # Figure 1 and Figure 2: at most 3 per bar, so Vega would tick at 0.5
        numbers = axis_numbers(chart_texts(page, index))
        assert numbers, f"chart {index} shows no axis numbers"
        assert all("." not in n for n in numbers), (index, numbers)
    goto(page, server, f"/timeline?dataset={imported}&step=month")
    numbers = axis_numbers(chart_texts(page, 0))
    assert numbers and all("." not in n for n in numbers), numbers


# ----------------------------------------------------------------------------- provenance in words
def test_overview_says_how_many_events_are_documented_and_reconstructed(server, page):
    from geo.incidents.table import load_incidents

    rows = load_incidents()
    events = rows.drop_duplicates("event_id")
    documented = int((events["provenance"] == "documented").sum())
    reconstructed = int((events["provenance"] == "reconstructed").sum())
    goto(page, server, "/")
    text = main_text(page)
    assert re.search(rf"\b{documented}\b[^.]*\bdocumented\b", text), text[:2000]
    assert re.search(rf"\b{reconstructed}\b[^.]*\breconstructed\b", text), text[:2000]
    assert re.search(r"(public record|citation)", text)  # what documented means
    assert re.search(r"report's (published )?(figures|aggregates)", text)  # what reconstructed means


def test_an_imported_dataset_says_where_its_rows_come_from(server, imported, page):
    goto(page, server, f"/?dataset={imported}")
    text = main_text(page)
    assert "trust_2015_2018.csv" in text or NAME in text
    assert "reconstructed" not in text.lower(), "an imported dataset has no reconstructed rows to speak of"


# ----------------------------------------------------------------------------- tables for people
def test_the_data_table_reads_dates_at_their_precision_in_peoples_words(server, imported, page):
    goto(page, server, f"/data?dataset={imported}")
    headers, cells = grid(page)
    assert "2016" in cells, cells  # T4: known to the year
    assert "March 2016" in cells, cells  # T3: known to the month
    assert "2016-03-22" in cells, cells  # T2: known to the day
    assert "2016-01-01" not in cells and "2016-03-01" not in cells, cells
    shown = " ".join(headers + cells)
    for name in INTERNAL:
        assert name not in shown, f"{name!r} is shown to people: {headers}"
    assert "Arrest action" in cells
    # the description is on screen, not off to the right
    assert "An arrest known to the year only (test row)." in cells, headers


def test_the_report_table_flags_reconstructed_rows_and_links_sources(server, page):
    goto(page, server, "/data")
    page.get_by_placeholder("Words in place, description, networks, source…").fill("reconstructed")
    page.keyboard.press("Enter")
    wait_for_app(page)
    headers, cells = grid(page)
    assert "2014" in cells, cells[:60]  # reconstructed rows are dated to the year
    assert not any(re.fullmatch(r"\d{4}-01-01", c) for c in cells), cells[:60]
    assert any(c.strip() == "○ Reconstructed" for c in cells), cells[:60]
    for name in INTERNAL:
        assert name not in " ".join(headers), headers
    goto(page, server, "/data")
    page.get_by_placeholder("Words in place, description, networks, source…").fill("Verviers police raid")
    page.keyboard.press("Enter")
    wait_for_app(page)
    # selecting the row shows it whole: its description and every address of its source, as links
    frame = page.locator("[data-testid='stDataFrame']").first
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 52)  # the row's selection box, left of its first cell
    wait_for_app(page)
    links = page.locator("[data-testid='stMain'] a[href]").evaluate_all("els => els.map(a => a.href)")
    assert "https://en.wikipedia.org/wiki/2015_Verviers_police_raid" in links, links
    assert "http://blog.thedailybeast.com/belgian-terrorists-had-police-uniforms" in links, links


# ----------------------------------------------------------------------------- the report's statements
def test_brussels_states_the_reports_figures_only_for_the_report(server, imported, page):
    from geo.report.figures import FIGURES

    published = {f.id: f.published for f in FIGURES}
    total, detail = published["brussels-62"], published["brussels-detail-20"]
    goto(page, server, "/brussels")
    text = main_text(page)
    assert f"{int(total) - int(detail)} of its {total}" in text, text[:1500]  # the report's figure, with its period
    goto(page, server, f"/brussels?dataset={imported}")
    text = main_text(page)
    assert "the report" not in text.lower(), text[:1500]
    assert f"of its {total}" not in text and f"of {total}" not in text
    # 3 sites in the region, all known to the municipality
    assert re.search(r"\b3\b[^.]*Brussels-Capital Region", text), text[:1500]
    goto(page, server, f"/networks?dataset={imported}")
    assert "Table 1" not in main_text(page)


# ----------------------------------------------------------------------------- the years of a dataset
def _pick_dataset(page, label: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']", has_text="Dataset").first
    box.click()
    page.get_by_role("option", name=re.compile(re.escape(label))).click()
    wait_for_app(page)


def _incidents_csv(page, tmp_path) -> list[dict[str, str]]:
    open_downloads(page)  # the exports are drawn in a dialog, on demand
    button = page.get_by_role("button", name="Incidents CSV").first
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as d:
        button.click()
    target = tmp_path / d.value.suggested_filename
    d.value.save_as(target)
    close_dialog(page)
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))


def test_choosing_a_dataset_sets_the_years_to_its_years(server, imported, page, tmp_path):
    goto(page, server, "/data?years=2014-2015")
    assert year_slider(page) == (2014, 2015)
    _pick_dataset(page, NAME)
    page.wait_for_function(f"() => location.search.includes('dataset={imported}')", timeout=15_000)
    wait_for_app(page)
    assert year_slider(page) == (2015, 2018)
    assert page.get_by_text("9 of 9 records shown.").count() == 1, main_text(page)[:800]
    rows = _incidents_csv(page, tmp_path)
    assert sorted({r["year"] for r in rows}) == ["2015", "2016", "2017", "2018"]
    assert {r["date"] for r in rows if r["year"] == "2016"} >= {"2016-01-01", "2016-03-01"}  # ISO in CSV
    assert "date_precision" in rows[0]
    _pick_dataset(page, "CTC report")
    assert year_slider(page) == (2014, 2017)


def test_saving_an_import_sets_the_years_to_its_years(server, page, tmp_path):
    upload = tmp_path / "trust_saved.csv"
    upload.write_bytes(FIXTURE.read_bytes())
    goto(page, server, "/data?years=2014-2016")
    assert year_slider(page) == (2014, 2016)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(upload))
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Import with this mapping|Check the file with this mapping")).click()
    wait_for_app(page)
    page.get_by_role("button", name="Save as a dataset").click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('dataset=trust-saved')", timeout=15_000)
    wait_for_app(page)
    assert year_slider(page) == (2015, 2018)
    assert "years=2014" not in page.url, page.url
    assert page.get_by_text("9 of 9 records shown.").count() == 1, main_text(page)[:800]
    rows = _incidents_csv(page, tmp_path)
    assert "2018" in {r["year"] for r in rows}


# ----------------------------------------------------------------------------- controls that apply
def test_controls_that_do_not_apply_to_a_dataset_are_hidden(server, imported, page):
    goto(page, server, "/")
    text = sidebar_text(page)
    assert "Include reconstructed records" in text and "Link to the Islamic State" in text
    goto(page, server, f"/?dataset={imported}")
    text = sidebar_text(page)
    assert "Include reconstructed records" not in text, text
    assert page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']",
                        has_text="Link to the Islamic State").count() == 0, text


# ----------------------------------------------------------------------------- Brussels and Charleroi
@pytest.mark.parametrize("path", ["/brussels", "/charleroi"])
def test_city_pages_offer_rates_per_100k_in_the_url(server, imported, page, path):
    for query in ("", f"&dataset={imported}"):
        goto(page, server, f"{path}?metric=per_100k{query}")
        radio = page.get_by_role("radio", name="Per 100,000 residents")
        radio.first.wait_for(state="attached", timeout=15_000)
        assert radio.count() == 1, main_text(page)[:800]
        assert radio.is_checked()
        assert "metric=per_100k" in page.url
        assert "per 100,000" in main_text(page).lower()
        page.locator("[data-testid='stMain'] [data-testid='stRadio']").get_by_text("Incidents (sites)").click()
        page.wait_for_function("() => !location.search.includes('metric=per_100k')", timeout=15_000)
        wait_for_app(page)
        assert not page.get_by_role("radio", name="Per 100,000 residents").is_checked()


@pytest.mark.parametrize(("path", "unit", "name", "count"), [
    ("/brussels", "21012", "Molenbeek-Saint-Jean", 1),
    ("/charleroi", "52012", "Châtelet", 1),
])
def test_a_selected_unit_lists_its_incidents_under_its_name(server, imported, page, path, unit, name, count):
    """The unit picked on the map (here by a shared link: ``?unit=``) is listed under a heading
    that names it and gives its count."""
    goto(page, server, f"{path}?dataset={imported}&unit={unit}")
    heading = page.locator("[data-testid='stMain'] h2, [data-testid='stMain'] h3", has_text=name)
    heading.first.wait_for(timeout=15_000)
    assert re.search(rf"\b{count}\b", heading.first.inner_text()), heading.first.inner_text()
    _, cells = grid(page, page.locator("[data-testid='stDataFrame']").count() - 1)
    # a date at its precision: a year, a month in words ("March 2016") or a day
    dates = [c for c in cells if re.fullmatch(r"\d{4}(-\d\d){0,2}|[A-Z][a-z]+ \d{4}", c)]
    assert len(dates) == count, cells


def test_charleroi_lists_its_own_incidents_under_its_name(server, imported, page):
    goto(page, server, f"/charleroi?dataset={imported}")
    heading = page.locator("[data-testid='stMain'] h2, [data-testid='stMain'] h3", has_text="Charleroi:")
    heading.first.wait_for(timeout=15_000)
    assert re.search(r"\b2 incident sites\b", heading.first.inner_text()), heading.first.inner_text()


# ----------------------------------------------------------------------------- the report check
def test_report_check_shows_the_documented_support_of_each_figure(server, page):
    from geo.report import check

    table = check.check_report()
    only = check.by_construction(table)["reconstructed only"]
    goto(page, server, "/report-check")
    text = main_text(page)
    assert re.search(r"reconstructed rows were (allocated|built|made)", text), text[:1500]
    assert re.search(rf"\b{only}\b[^.]*only on reconstructed rows", text), text[:1500]
    headers, _ = grid(page)
    assert any("Documented" in h for h in headers), headers
    assert not any(h in ("documented", "reconstructed", "support", "matches") for h in headers), headers
