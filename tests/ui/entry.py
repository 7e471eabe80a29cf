"""The app as the server starts it, for AppTest: ``entry/atlas.py`` (which runs app.py, the frame),
not app.py itself, whose neighbour ``pages/`` would switch Streamlit into its legacy multipage mode
(a page switched to then runs alone, without the sidebar). Page files are named relative to the
entry script, as AppTest wants them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from geo.config import ROOT

ENTRY = ROOT / "entry" / "atlas.py"


def app(timeout: float = 60) -> AppTest:
    """A fresh AppTest of the app (not run yet)."""
    return AppTest.from_file(str(ENTRY), default_timeout=timeout)


def page(name: str) -> str:
    """The path AppTest.switch_page takes for ``pages/<name>.py``."""
    return f"../pages/{name}.py"
