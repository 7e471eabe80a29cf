"""The app as the server starts it, for AppTest: ``entry/atlas.py`` (which runs app.py, the frame),
not app.py itself, whose neighbour ``pages/`` would switch Streamlit into its legacy multipage mode
(a page switched to then runs alone, without the sidebar). Page files are named relative to the
entry script, as AppTest wants them."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from geo.config import ROOT

ENTRY = ROOT / "entry" / "atlas.py"


def app(timeout: float = 60) -> AppTest:
    """A fresh AppTest of the app (not run yet)."""
    return AppTest.from_file(str(ENTRY), default_timeout=timeout)


def page(name: str) -> str:
    """The path AppTest.switch_page takes for ``pages/<name>.py``."""
    return f"../pages/{name}.py"


def open_page(name: str, query: dict[str, str], *, timeout: float = 120) -> AppTest:
    """Run the app with ``query`` in the URL, switch to ``pages/<name>.py`` and run it; no exception."""
    at = app(timeout=timeout)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page(name))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_model(at: AppTest) -> dict:
    """The map model the page's one map component was given (its JSON, as the browser reads it)."""
    maps = [json.loads(c.proto.json or c.proto.mixed.json) for c in at.get("bidi_component")
            if c.proto.component_name == "atlas_map"]
    assert len(maps) == 1
    return maps[0]["model"]
