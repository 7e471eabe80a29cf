"""The app's server: ``streamlit run app.py`` with the data loaded before the first visitor."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """``streamlit run app.py`` with the heavy work done before the first visitor arrives: imports,
    the boundary file read and repaired, the report's incidents validated, the web geometry
    simplified and published as static files, mapclassify imported — all cached in this process.
    Then ``gc.freeze()``: what the preload built (hundreds of thousands of objects that live as
    long as the process) leaves the garbage collector's generations, so the full collection
    Streamlit runs after every script run no longer walks it (``--no-freeze`` to compare; see
    docs/PERFORMANCE.md). Streamlit then runs as its own command (``python -m streamlit``) in the
    same process, options passed through untouched."""
    import gc
    import runpy

    from geo.config import ROOT, check_secrets
    from geo.errors import SettingsError
    from geo.maps import classify
    from geo.ui import analysis, mapview

    try:
        check_secrets()  # a placeholder or short secret or password: refuse to start, saying which
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    streamlit_args = list(args.streamlit_args)
    freeze = not getattr(args, "no_freeze", False)
    if streamlit_args[:1] == ["--no-freeze"]:  # `geo serve --no-freeze …` (the rest is streamlit's)
        freeze, streamlit_args = False, streamlit_args[1:]
    mapview.preload()
    analysis.preload()  # esda imported, contiguity built, the default hot-spot test made
    classify.classify(list(range(20)))
    if freeze:
        gc.collect()
        gc.freeze()
    sys.argv = ["streamlit", "run", str(ROOT / "entry" / "atlas.py"), *streamlit_args]  # runs app.py
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)
    return 0


def register(sub) -> None:
    srv = sub.add_parser("serve", help="start the app (streamlit run app.py) with its data loaded "
                         "before the first visitor; streamlit options pass through")
    srv.add_argument("--no-freeze", action="store_true",
                     help="leave the preloaded data in the garbage collector's generations (to measure gc.freeze)")
    srv.add_argument("streamlit_args", nargs=argparse.REMAINDER)
    srv.set_defaults(func=run)
