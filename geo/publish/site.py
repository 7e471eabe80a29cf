"""The published folder: ``index.html`` (the words written in, escaped), ``data.js`` (the page's
data as one JSON object: a script, because browsers refuse ``fetch`` on ``file://``), and
``assets/`` (Leaflet from ``xstatic-leaflet``, the map core ``atlas-core.js``/``.css`` and the
two-measure scatter ``atlas-scatter.js`` — the same files as the app's component loads — and the
page's thin wrapper ``atlas.js`` and ``atlas.css``). A view of the incidents (:func:`build`) and an
analysis's model (:func:`build_model`) make the same page."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from geo import i18n, text
from geo.errors import UsageError
from geo.i18n import _
from geo.maps.model import MapModel, MapSpec
from geo.maps.web import core
from geo.publish.page import PageData, model_data, page_data

ASSET_DIR = Path(__file__).parent / "assets"
#: The folder name inside the zip download.
ZIP_FOLDER = "atlas-map"
#: Fixed time stamp of the zip's entries, so one map gives the same zip on every run.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Published:
    """The files of a published map (relative path → bytes) and what the page shows."""

    files: dict[str, bytes]
    data: PageData

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.files.values())


def _index_html(data: PageData, language: str) -> bytes:
    e = html.escape
    m = data.model
    template = (ASSET_DIR / "index.html").read_text(encoding="utf-8")
    options = "".join(f'<option value="{e(f.key)}">{e(f.label)}</option>' for f in m.frames)
    words = {
        "lang": e(language),
        "title": e(m.title),
        "subtitle": e(m.subtitle),
        "period_label": e(_("Years")),
        "one_period": "hidden" if len(m.frames) == 1 else "",  # an analysis: one map, no year control
        "options": options,
        "map_label": e(_("Map: {title}").format(title=m.title)),
        "filters": e(m.filters),
        "note": e(m.note),
        "source": e(m.source),
        "noscript": e(_("This map needs JavaScript. The same map is in the atlas as PNG, SVG and PDF.")),
        "made_with": e(_("Made with the Belgian incident atlas; map drawn with Leaflet.")),
    }
    # one pass: a placeholder inside a person's text is never filled in
    return re.sub(r"\{\{(\w+)\}\}", lambda m: words[m.group(1)], template).encode("utf-8")


def _data_js(data: PageData) -> bytes:
    # JSON is a JavaScript expression; "</" is escaped so no text can close a script element
    body = json.dumps(data.as_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.ATLAS_DATA = {body};\n".encode()


def build(incidents, spec: MapSpec) -> Published:
    """The published files of one view of ``incidents`` (already filtered) as ``spec`` asks, in
    ``spec.language`` (default: the current one, :func:`geo.i18n.language`)."""
    with i18n.using(spec.language or i18n.language(), names=spec.names) as lang:
        data = page_data(incidents, spec)
        return _files(data, _index_html(data, lang))


def build_model(model: MapModel, *, view: str = "belgium", scatter: dict | None = None) -> Published:
    """The published files of a model already made (an analysis: hot spots, steady rates, two
    measures on one map, :mod:`geo.stats.maps`), with the two-measure ``scatter`` under the map,
    in the current language (the model's words are already in it)."""
    data = model_data(model, view, scatter=scatter)
    return _files(data, _index_html(data, i18n.language()))


def _files(data: PageData, index: bytes) -> Published:
    return Published({
        "index.html": index,
        "data.js": _data_js(data),
        "assets/atlas.js": (ASSET_DIR / "atlas.js").read_bytes(),
        "assets/atlas.css": (ASSET_DIR / "atlas.css").read_bytes(),
        f"assets/{core.SCRIPT}": core.script(),
        f"assets/{core.SCATTER}": core.scatter(),
        f"assets/{core.STYLE}": core.style(),
        **{f"assets/leaflet/{rel}": content for rel, content in core.leaflet_files().items()},
    }, data)


def write(published: Published, folder: Path) -> Path:
    """Write the files into ``folder`` (created; files already there with other names are left
    alone); returns the path of ``index.html``."""
    folder = Path(folder)
    try:
        for rel, payload in published.files.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(payload)
    except OSError as exc:
        raise UsageError(f"cannot write the map into {folder}: {exc.strerror or exc}") from None
    return folder / "index.html"


def zip_bytes(published: Published, folder: str = ZIP_FOLDER) -> bytes:
    """The files in a zip, under one folder (the same bytes for the same map)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel in sorted(published.files):
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, published.files[rel])
    return buf.getvalue()


def embed_snippet(title: str, *, src: str = "https://YOUR-SITE/atlas-map/index.html", height: int = 640) -> str:
    """The ``<iframe>`` that puts the published map in an article (``src``: where you host it)."""
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{int(height)}" '
            'style="border:0" loading="lazy"></iframe>')


def file_name(stem: str) -> str:
    """The zip's file name for an export stem."""
    return text.safe_filename(f"{stem}-interactive.zip")
