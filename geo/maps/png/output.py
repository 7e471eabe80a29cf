"""What a static renderer hands back: the output formats and their MIME types, a figure written
in a still format (matplotlib's savefig), and the result every renderer returns: the file's
bytes, its format and MIME type, its size in pixels and the map's lon/lat → pixel mapping.

A still format (the choropleth, Map 1, the small multiples) is one entry of
:data:`STILL_FORMATS` (savefig's format name and the metadata that keeps the bytes the same from
run to run), its MIME type and its name in :data:`StillFormat`. Vector formats keep text as text:
SVG writes ``<text>`` elements (``svg.fonttype`` "none"), PDF embeds TrueType fonts (type 42), so
a title can be edited and searched. Animations have their own encoders (GIF, MP4).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from matplotlib import rc_context

from geo.maps.png.canvas import Canvas
from geo.maps.png.geometry import to_draw

StillFormat = Literal["png", "svg", "pdf"]
AnimationFormat = Literal["gif", "mp4"]

MIME_TYPES = MappingProxyType({"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
                               "gif": "image/gif", "mp4": "video/mp4"})
#: Still formats → savefig's metadata for them, as (key, value) pairs: no "Software" or date
#: stamp, so one map gives the same bytes on every run.
STILL_FORMATS = MappingProxyType({
    "png": (("Software", None),),
    "svg": (("Date", None), ("Creator", None)),
    "pdf": (("CreationDate", None), ("Producer", None), ("Creator", None)),
})
ANIMATION_FORMATS: tuple[str, ...] = ("gif", "mp4")
#: What savefig reads while writing: text as text in SVG (not glyph paths), fonts embedded as
#: TrueType in PDF, ids that do not change from run to run.
VECTOR_RC = MappingProxyType({"svg.fonttype": "none", "svg.hashsalt": "atlas", "pdf.fonttype": 42})

PixelMapper = Callable[[float, float], tuple[float, float]]


def check_format(format: str, allowed: Collection[str]) -> None:
    if format not in allowed:
        raise ValueError(f"format must be one of {tuple(allowed)}, not {format!r}")


def pixel_mapper(ax, height: int) -> PixelMapper:
    """lon/lat (EPSG:4326) → (column, row) of the image's pixels, from top-left, as drawn now."""
    trans = ax.transData.frozen()

    def to_pixel(lon: float, lat: float) -> tuple[float, float]:
        x, y = to_draw().transform(lon, lat)
        px, py = trans.transform((x, y))
        return float(px), float(height - py)

    return to_pixel


@dataclass(frozen=True)
class Rendered:
    """A rendered file: its bytes in ``format``, its size in pixels, and lon/lat → pixel."""

    data: bytes
    format: str
    width: int
    height: int
    _to_pixel: PixelMapper = field(repr=False)

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.format]

    def pixel_of(self, lon: float, lat: float) -> tuple[int, int]:
        """(column, row) of the image's pixel at ``lon``/``lat`` (EPSG:4326), 0-based from top-left."""
        x, y = self._to_pixel(lon, lat)
        return int(round(x)), int(round(y))


def write_still(drawn: Canvas, format: str, *, title: str | None = None) -> dict:
    """The figure written in the still ``format`` at its layout's resolution (SVG and PDF carry
    ``title`` in their metadata): the fields of :class:`Rendered` (the pixel mapping is taken once
    the figure is drawn, where the map's axes finally lie)."""
    buf = io.BytesIO()
    dpi = drawn.layout.dpi
    metadata = dict(STILL_FORMATS[format])
    if title and format in ("svg", "pdf"):
        metadata["Title"] = title
    # rc_context sets these only while this figure is saved (PNG ignores them)
    with rc_context(dict(VECTOR_RC)):
        drawn.fig.savefig(buf, format=format, dpi=dpi, facecolor="white", metadata=metadata)
    width, height = (int(round(v)) for v in drawn.fig.get_size_inches() * dpi)
    return dict(data=buf.getvalue(), format=format, width=width, height=height,
                _to_pixel=pixel_mapper(drawn.ax, height))
