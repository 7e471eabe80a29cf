"""The browser's map core: ``atlas-core.js`` (the geometry layer, styles and marks, legend,
tooltips, period control, error message and teardown), ``atlas-symbols.js`` (Map 1's symbols and
boxes, on the core), ``atlas-scatter.js`` (the scatter under a two-measure map, on the core) and
``atlas-core.css``. The app's component and the published page load these
same files, byte for byte; each adds only a thin wrapper. Leaflet comes from the
``xstatic-leaflet`` package (:func:`leaflet_files`), for both."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
SCRIPT, SYMBOLS, SCATTER, STYLE = "atlas-core.js", "atlas-symbols.js", "atlas-scatter.js", "atlas-core.css"


def script() -> bytes:
    return (HERE / SCRIPT).read_bytes()


def symbols() -> bytes:
    return (HERE / SYMBOLS).read_bytes()


def scatter() -> bytes:
    return (HERE / SCATTER).read_bytes()


def style() -> bytes:
    return (HERE / STYLE).read_bytes()


def leaflet_files() -> dict[str, bytes]:
    """Leaflet's script, stylesheet and images: relative path (``leaflet.js``, ``images/…``) → bytes."""
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    files = {name: (base / name).read_bytes() for name in ("leaflet.js", "leaflet.css")}
    images = base / "images"
    if images.is_dir():
        for path in sorted(images.iterdir()):
            if path.is_file():
                files[f"images/{path.name}"] = path.read_bytes()
    return files
