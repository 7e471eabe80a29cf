"""Import in a real browser, with no network: a file whose description holds HTML is shown as
text on the map and in the table, and no script from it runs."""

from __future__ import annotations

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from tests.support.dialogs import close_dialog, open_downloads  # noqa: E402
from tests.support.server import (  # noqa: E402
    ROOT,
    Offline,
    wait_for_app,
    wait_for_paths,
)

pytestmark = pytest.mark.browser

PAYLOAD = "<img src=x onerror=alert(1)>"
OTHER_FILL = "#6f6f6f"  # geo.vocab.SYMBOLS["other"]



def _upload_and_check(page, server, csv) -> None:
    """Open the Data page, upload ``csv`` and check it with the suggested mapping."""
    page.goto(f"{server.url}/data")
    wait_for_app(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(csv))
    wait_for_app(page)
    page.get_by_role("button", name="Check the file with this mapping").click()
    wait_for_app(page)

def test_imported_html_is_shown_as_text_and_never_run(server, browser, tmp_path):
    csv = tmp_path / "xss.csv"
    csv.write_text(f'id,date,place,description\nx1,2016-03-22,Molenbeek,"{PAYLOAD}"\n', encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        offline = Offline().install(context)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        _upload_and_check(page, server, csv)
        # the check's result, once its run has drawn it (wait_for_app may return before that run starts)
        page.get_by_text("Accepted").first.wait_for(timeout=30_000)
        page.get_by_role("button", name="Save as a dataset").click()
        wait_for_app(page)
        page.wait_for_function("() => location.search.includes('dataset=xss')", timeout=15_000)

        # the table (Data page): the text is there as text; no <img src=x> element was created
        page.get_by_placeholder("Words in place, description, networks, source…").fill("onerror")
        page.keyboard.press("Enter")
        wait_for_app(page)
        assert page.get_by_text("1 of 1 records shown.").count() == 1
        assert page.locator("img[src='x']").count() == 0

        # the map (Overview, Map 1): the symbol's tooltip shows the description as text
        page.goto(f"{server.url}/?dataset=xss")
        wait_for_app(page)
        frame, _ = wait_for_paths(page, at_least=582)
        symbol = frame.locator(f"path.leaflet-interactive[fill='{OTHER_FILL}']")
        assert symbol.count() == 1
        frame.wait_for_function(
            f"() => {{ const p = document.querySelector(\"path.leaflet-interactive[fill='{OTHER_FILL}']\");"
            " return p && p.getAttribute('d') !== 'M0 0'; }", timeout=15_000)
        symbol.first.dispatch_event("mouseover")
        tooltip = frame.locator(".leaflet-tooltip")
        tooltip.first.wait_for(timeout=10_000)
        assert PAYLOAD in tooltip.first.inner_text()
        assert frame.locator("img[src='x']").count() == 0
        page.wait_for_timeout(500)
        shots = ROOT / "artifacts" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "import-xss-map.png"), full_page=True)
    finally:
        context.close()
    assert dialogs == [], f"a script from the file ran: {dialogs}"
    assert offline.blocked == [], offline.blocked


def test_preview_assign_save_and_map_people_killed(server, browser, tmp_path):
    """A new user's path through the wizard: check the file, read the preview, give an unknown
    category a kind, save, and map the people killed on the Belgium page (offline)."""
    csv = tmp_path / "doden.csv"
    csv.write_text("id,date,gemeente,soort,doden\nU1,2016-03-22,Zaventem,bomaanslag,16\n"
                   "U2,2016-03-23,Gent,zwartwerk,0\nU3,2016-03-24,Gent,zwartwerk,\n"
                   "U4,2099-03-25,Charleroi,inbraak,1\n", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 3000})
    shots = ROOT / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        offline = Offline().install(context)
        page = context.new_page()
        _upload_and_check(page, server, csv)
        assert page.get_by_text("The first rows as they will be stored").count() == 1
        # the 2099 row, rejected with its reason (the table draws the cells it shows: scroll to it)
        page.get_by_text("row(s) rejected: each with its row number").scroll_into_view_if_needed()
        page.mouse.wheel(0, 400)
        page.get_by_text("is after").first.wait_for(state="attached", timeout=10_000)
        assert page.get_by_text("'zwartwerk' (2)").count() == 1  # "What the import noticed"
        choice = page.get_by_role("combobox", name="zwartwerk (2 rows)")
        choice.click()
        choice.press_sequentially("Arrest")
        page.get_by_role("option", name="Arrest action").click()
        page.get_by_role("button", name="Apply these kinds and check again").click()
        wait_for_app(page)
        assert page.get_by_text("'zwartwerk' (2)").count() == 0
        page.screenshot(path=str(shots / "import-preview-assigned.png"))
        page.get_by_role("button", name="Save as a dataset").click()
        wait_for_app(page)
        page.wait_for_function("() => location.search.includes('dataset=doden')", timeout=15_000)
        page.goto(f"{server.url}/belgium?dataset=doden&metric=killed")
        wait_for_app(page)
        page.get_by_text("killed: not known").first.wait_for(timeout=15_000)
        assert page.get_by_role("radio", name="People killed").is_checked()  # offered: the dataset has counts
        assert page.get_by_text("killed: not known").count() >= 1  # U3: never counted as 0
        # the map files draw counts and rates: they say so, rather than offer a button that fails
        # (the downloads are drawn in a dialog, on demand: open it, wait for them before counting)
        open_downloads(page)
        page.get_by_role("button", name="Counts CSV").wait_for(timeout=15_000)
        assert page.get_by_text("Map files draw incident counts").count() == 1
        assert page.get_by_role("button", name="Counts CSV").count() == 1
        close_dialog(page)
        # the legend counts people, not incidents
        page.locator(".atlas-legend", has_text="0 (none recorded)").first.wait_for(timeout=15_000)
        page.screenshot(path=str(shots / "belgium-people-killed.png"))
    finally:
        context.close()
    assert offline.blocked == [], offline.blocked
