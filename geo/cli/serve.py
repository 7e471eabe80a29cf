"""The app's server: ``streamlit run app.py`` with the data loaded before the first visitor."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """``streamlit run app.py`` with the heavy work done before the first visitor arrives: imports,
    the boundary file read and repaired, the report's incidents validated, the web geometry
    simplified, mapclassify imported — all cached in this process. Streamlit then runs as its own
    command (``python -m streamlit``) in the same process, options passed through untouched."""
    import runpy

    from geo.config import ROOT
    from geo.incidents import table
    from geo.maps import classify, views, web

    for level in ("municipality", "province"):
        views.view_units("belgium", level=level, web=True)
    table.load_incidents()
    classify.classify(list(range(20)))
    web.leaflet_assets()
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *args.streamlit_args]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)
    return 0


def register(sub) -> None:
    srv = sub.add_parser("serve", help="start the app (streamlit run app.py) with its data loaded "
                         "before the first visitor; streamlit options pass through")
    srv.add_argument("streamlit_args", nargs=argparse.REMAINDER)
    srv.set_defaults(func=run)
