"""What a deployment must do, checked in a real browser through nginx (used by the tests in
``tests/deploy/`` and by ``make scale-check``):

- an editor, signed in at ``/edit/`` and pinned to process 1 by the affinity cookie, imports a
  file and saves it as a dataset;
- a reader pinned to process 2 opens that dataset at ``/`` (it lives in PostGIS, not in the process
  that saved it), and finds no import and no delete on the Data page, even when the browser claims
  the editor role in a header;
- nginx's access log shows which process answered each websocket (one session, one process).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from deploy.local import Offline, wait_for_app
from deploy.nginx import COOKIE, EDITORS_ROUTE

UPLOAD = "[data-testid='stFileUploaderDropzoneInput']"
#: The import wizard's button that applies the column mapping (its words changed once already).
MAPPING_BUTTON = re.compile("Import with this mapping|Check the file with this mapping")


@dataclass
class CrossProcess:
    """What :func:`save_then_open_elsewhere` saw."""

    slug: str = ""
    saved_on: str = ""
    opened_on: str = ""
    title: str = ""
    reader_sees_upload: bool = True
    reader_sees_delete: bool = True
    reader_note: bool = False
    editor_sees_upload: bool = False
    blocked: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)


def _pin(context, url: str, node: int) -> None:
    context.add_cookies([{"name": COOKIE, "value": str(node), "domain": urlsplit(url).hostname, "path": "/"}])


def _node(context) -> str:
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE), "")


def save_then_open_elsewhere(browser, url: str, *, password: str, csv: Path, name: str,
                             user: str = "editor", shots: Path | None = None,
                             timeout_ms: float = 90_000) -> CrossProcess:
    """Save ``csv`` as ``name`` through process 1 (an editor), open it through process 2 (a reader)."""
    seen = CrossProcess()
    offline = Offline()
    editor = browser.new_context(viewport={"width": 1400, "height": 1000},
                                 http_credentials={"username": user, "password": password})
    editor.set_default_timeout(timeout_ms)
    try:
        offline.install(editor)
        _pin(editor, url, 1)
        page = editor.new_page()
        page.goto(f"{url}{EDITORS_ROUTE}data", wait_until="domcontentloaded")
        wait_for_app(page, timeout=timeout_ms)
        page.wait_for_selector("h1", timeout=timeout_ms)
        try:
            page.locator(UPLOAD).wait_for(state="attached", timeout=timeout_ms)
            seen.editor_sees_upload = True
        except Exception:  # noqa: BLE001 (reported, and the upload below fails with the reason)
            seen.editor_sees_upload = False
        page.locator(UPLOAD).set_input_files(str(csv))
        wait_for_app(page, timeout=timeout_ms)
        page.get_by_role("button", name=MAPPING_BUTTON).click()
        wait_for_app(page, timeout=timeout_ms)
        box = page.get_by_label("Dataset name")
        box.fill(name)
        box.press("Enter")
        wait_for_app(page, timeout=timeout_ms)
        page.get_by_role("button", name="Save as a dataset").click()
        page.wait_for_function("() => location.search.includes('dataset=')", timeout=timeout_ms)
        wait_for_app(page, timeout=timeout_ms)
        seen.slug = re.search(r"dataset=([a-z0-9-]+)", page.url).group(1)
        seen.saved_on = _node(editor)
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "deploy-editor-saved.png"), full_page=True)
            seen.screenshots.append(shots / "deploy-editor-saved.png")
    finally:
        editor.close()

    reader = browser.new_context(viewport={"width": 1400, "height": 1000},
                                 extra_http_headers={"X-Atlas-Role": "editor"})  # a claim nginx overwrites
    reader.set_default_timeout(timeout_ms)
    try:
        offline.install(reader)
        _pin(reader, url, 2)
        page = reader.new_page()
        page.goto(f"{url}/?dataset={seen.slug}", wait_until="domcontentloaded")
        wait_for_app(page, timeout=timeout_ms)
        page.wait_for_selector("h1", timeout=timeout_ms)
        seen.title = page.locator("h1").first.inner_text()
        seen.opened_on = _node(reader)
        if shots:
            page.screenshot(path=str(shots / "deploy-reader-overview.png"), full_page=True)
            seen.screenshots.append(shots / "deploy-reader-overview.png")
        page.goto(f"{url}/data?dataset={seen.slug}", wait_until="domcontentloaded")
        wait_for_app(page, timeout=timeout_ms)
        page.wait_for_selector("h1", timeout=timeout_ms)
        seen.reader_sees_upload = page.locator(UPLOAD).count() > 0
        seen.reader_sees_delete = page.get_by_role("button", name="Delete…").count() > 0
        seen.reader_note = page.get_by_text("browsing as a reader").count() > 0
        if shots:
            if seen.reader_note:
                page.get_by_text("browsing as a reader").first.scroll_into_view_if_needed()
            page.screenshot(path=str(shots / "deploy-reader-data.png"), full_page=True)
            seen.screenshots.append(shots / "deploy-reader-data.png")
    finally:
        reader.close()
    seen.blocked = offline.blocked
    return seen


def delete_as_editor(browser, url: str, *, password: str, slug: str, user: str = "editor",
                     timeout_ms: float = 90_000) -> bool:
    """An editor deletes ``slug`` on the Data page, the newest dataset (the dialog asks first);
    True once the dialog has closed and the page has run again."""
    editor = browser.new_context(viewport={"width": 1400, "height": 1000},
                                 http_credentials={"username": user, "password": password})
    editor.set_default_timeout(timeout_ms)
    try:
        Offline().install(editor)
        _pin(editor, url, 1)
        page = editor.new_page()
        page.goto(f"{url}{EDITORS_ROUTE}data?dataset={slug}", wait_until="domcontentloaded")
        wait_for_app(page, timeout=timeout_ms)
        page.get_by_role("button", name="Delete…").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_text("will be deleted for every user").wait_for()
        dialog.get_by_role("button", name="Delete", exact=True).click()
        dialog.wait_for(state="detached")
        wait_for_app(page, timeout=timeout_ms)
        return True
    finally:
        editor.close()


def log_lines(access_log: Path) -> int:
    return len(access_log.read_text(encoding="utf-8", errors="replace").splitlines()) if access_log.exists() else 0


def websocket_upstreams(access_log: Path, *, wait: float = 2.0, skip: int = 0) -> list[tuple[str, str, str]]:
    """(path, upstream, cookie) of every websocket request nginx logged (written when it closes),
    after the first ``skip`` lines."""
    time.sleep(wait)  # the log is flushed every second
    out = []
    for line in access_log.read_text(encoding="utf-8", errors="replace").splitlines()[skip:]:
        hit = re.search(r'"GET (\S*_stcore/stream)\S* HTTP/1.1" (\d+) \d+ upstream=(\S+) cookie=(\S*)', line)
        if hit:
            out.append((hit.group(1), hit.group(3), hit.group(4)))
    return out
