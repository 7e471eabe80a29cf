"""Record what a browser sends the app for a page load and for each of a reader's actions, to
replay it without a browser (:mod:`bench.wsload`).

Streamlit's frontend talks to the server over one websocket (``/_stcore/stream``): it sends
protobuf ``BackMsg`` messages (``streamlit.proto.BackMsg_pb2``) and receives ``ForwardMsg``
messages. A page load, a widget change and a page switch are each a ``rerun_script`` BackMsg
carrying the client's state (query string, page, every widget's value, the browser's locale and
time zone). Widget ids are derived from the widgets' keys and parameters, so the same messages
replayed on a new session of any process of the same app do the same thing.

One headless Chromium (the flags of ``deploy/local.py``, every other host blocked) opens
/belgium and does, in turn, the actions of :data:`STEPS`; the ``rerun_script`` messages it sends
during each step are kept (other BackMsgs, such as heartbeats, are not replayed). The sequence
ends in the state it began with (each change is undone), so a replayed session can repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (name, kind) of each recorded step after the page load, in order; each change is undone later.
STEPS = (
    ("filter", "sidebar filter"),       # the sidebar's Years slider, one step right
    ("filter back", "sidebar filter"),  # and back
    ("metric", "page control"),         # /belgium's Metric radio, next option
    ("metric back", "page control"),    # and back
    ("to timeline", "page switch"),     # the sidebar's link to /timeline
    ("to belgium", "page switch"),      # and back to /belgium
)
LOAD_PATH = "/belgium?level=municipality"
TIMEOUT_MS = 90_000


@dataclass(frozen=True)
class Step:
    name: str
    kind: str  # "page load", "sidebar filter", "page control", "page switch"
    messages: tuple[bytes, ...]  # serialized BackMsg (rerun_script), in the order sent


def is_rerun(payload: bytes) -> bool:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 (not a BackMsg: not replayed)
        return False
    return msg.WhichOneof("type") == "rerun_script"


def record(url: str, browser=None) -> list[Step]:
    """The page load of /belgium and every step of :data:`STEPS`, as a browser sends them to ``url``
    (in ``browser``, a Playwright browser, or in a Chromium started here)."""
    from playwright.sync_api import sync_playwright

    from deploy.local import launch_browser

    if browser is not None:
        return _record(url, browser)
    with sync_playwright() as p:
        started = launch_browser(p)
        try:
            return _record(url, started)
        finally:
            started.close()


def _record(url: str, browser) -> list[Step]:
    from deploy.local import Offline, wait_for_app

    sent: list[bytes] = []

    def on_ws(ws) -> None:
        ws.on("framesent", lambda payload: sent.append(payload if isinstance(payload, bytes) else payload.encode()))

    steps: list[Step] = []

    def keep(name: str, kind: str, mark: int) -> None:
        wait_for_app(page)
        page.wait_for_timeout(300)  # a rerun queued by the URL sync
        wait_for_app(page)
        messages = tuple(m for m in sent[mark:] if is_rerun(m))
        if not messages:
            raise RuntimeError(f"recording {name!r}: the browser sent no rerun")
        steps.append(Step(name, kind, messages))

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.set_default_timeout(TIMEOUT_MS)
        Offline().install(context)
        page = context.new_page()
        page.on("websocket", on_ws)
        page.goto(url + LOAD_PATH, wait_until="commit")
        page.wait_for_function("() => document.querySelectorAll('.atlas-map path[data-code]').length >= 581",
                               timeout=TIMEOUT_MS)
        keep("load /belgium", "page load", 0)
        thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
        metric = page.locator("[data-testid='stMain'] [data-testid='stRadio']").filter(has_text="Metric")
        for name, kind in STEPS:
            mark = len(sent)
            if kind == "sidebar filter":
                thumb.focus()
                page.keyboard.press("ArrowRight" if name == "filter" else "ArrowLeft")
            elif kind == "page control":
                metric.locator("input[type=radio]:checked").first.focus()
                page.keyboard.press("ArrowRight" if name == "metric" else "ArrowLeft")
            else:
                path = "/timeline" if name == "to timeline" else "/belgium"
                page.locator(f"[data-testid='stSidebarNav'] a[href$='{path}']").first.click()
            keep(name, kind, mark)
    finally:
        context.close()
    return steps
