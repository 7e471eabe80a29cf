"""Output sizes of the static maps: the figure's width, resolution and type sizes of each size
(screen, print, the animation's frames), the map's share of the width, and the symbols' scale."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Size = Literal["screen", "print"]
SIZES: tuple[str, ...] = ("screen", "print")


@dataclass(frozen=True)
class Layout:
    """Figure width and type sizes of one output size (fonts and lines in points). The height
    follows the view's shape."""

    width_in: float
    dpi: int
    title: float
    text: float
    caption: float
    label: float
    stamp: float
    edge: float
    outline: float


LAYOUTS = MappingProxyType({
    # 1600 px wide at 100 dpi
    "screen": Layout(16, 100, 20, 13, 11, 10, 44, 0.25, 0.9),
    # 2250 px wide at 300 dpi: a 7.5 in (19 cm) wide figure for print
    "print": Layout(7.5, 300, 11, 7, 6, 6, 20, 0.12, 0.45),
    # 1000 px wide at 100 dpi: the animation's frames
    "gif": Layout(10, 100, 14, 9.5, 8, 7.5, 36, 0.2, 0.7),
})
#: Share of the figure's width the map takes; the side panel has the rest.
MAP_W = 0.66


def check_size(size: str) -> None:
    if size not in SIZES:
        raise ValueError(f"size must be 'screen' or 'print', not {size!r}")


def symbol_scale(lay: Layout) -> float:
    """Points per CSS pixel of the web map's symbols: 0.75 on the screen layout; other layouts
    scale with their type."""
    return 0.75 * lay.text / LAYOUTS["screen"].text


def symbol_edge(lay: Layout) -> float:
    """The symbols' white ring (1 CSS pixel on the web map), in points."""
    return symbol_scale(lay)
