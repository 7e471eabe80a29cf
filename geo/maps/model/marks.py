"""The marks a map draws over a unit's class colour, each defined once (DESIGN.md §8): a flag bit,
the rule that sets it and the words that explain it in every legend and tooltip.

- :data:`HATCH`: diagonal lines, the unit's count is mostly (more than half) reconstructed records.
- :data:`DASHED`: a dark dashed outline over the class colour, the unit's rate comes from fewer
  than ``vocab.SMALL_COUNT`` incidents and is not reliable (rates only).
- :data:`HOLLOW`: a hollow symbol (Map 1), every record behind it is reconstructed.

The browser gets the bits as numbers and the words as text (:func:`words`); the static maps map
them to matplotlib hatches and line styles (``geo.maps.png.canvas``).
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np

from geo import vocab
from geo.i18n import _

HATCH, DASHED, HOLLOW = 1, 2, 4
#: The marks in the order legends list them.
ORDER = (HATCH, DASHED, HOLLOW)
#: A mark's name in the legend entries and the browser's styles.
NAMES = MappingProxyType({HATCH: "hatch", DASHED: "dashed", HOLLOW: "hollow"})
#: The look of each mark, shared by every renderer: the hatch's ink and spacing (px), the dashed
#: outline's colour, width and dash pattern (px).
INK = "#333333"
HATCH_SPACING, HATCH_WIDTH = 6, 1.6
DASH_COLOR, DASH_WIDTH, DASH_PATTERN = "#222222", 1.2, (3, 2)
#: The units' own outline.
EDGE_COLOR, EDGE_WIDTH = "#6b6b6b", 0.5
#: A picked unit's outline: a wide halo in white under a dark line, so its fill stays visible.
PICKED_COLOR, PICKED_HALO, PICKED_WIDTH = "#111111", "#ffffff", 2.5


def mostly_reconstructed(counts, reconstructed) -> np.ndarray:
    """Per unit: more than half of a positive count is reconstructed records."""
    counts = np.asarray(counts, dtype=np.int64)
    reconstructed = np.asarray(reconstructed, dtype=np.int64)
    return (counts > 0) & (reconstructed * 2 > counts)


def small_rate(incidents) -> np.ndarray:
    """Per unit: a rate from at least one and fewer than ``vocab.SMALL_COUNT`` incidents."""
    incidents = np.asarray(incidents, dtype=np.int64)
    return (incidents > 0) & (incidents < vocab.SMALL_COUNT)


def flags_of(counts, reconstructed, *, rate: bool, incidents=None) -> np.ndarray:
    """The flag bits of each unit: :data:`HATCH` where mostly reconstructed, :data:`DASHED` where
    the value is a rate (``rate``) from few incidents (``incidents``, default ``counts``)."""
    flags = np.where(mostly_reconstructed(counts, reconstructed), HATCH, 0)
    if rate:
        flags = flags | np.where(small_rate(counts if incidents is None else incidents), DASHED, 0)
    return flags.astype(np.int64)


def words(flag: int) -> str:
    """What a mark means, in the current language (legend and tooltip)."""
    if flag == HATCH:
        return _("Hatched: more than half of the count is reconstructed records")
    if flag == DASHED:
        return _("Dashed outline: fewer than {n} incidents, the rate is not reliable").format(n=vocab.SMALL_COUNT)
    if flag == HOLLOW:
        return _("Hollow: reconstructed records only")
    raise ValueError(f"unknown mark {flag!r}")


def used(flags) -> list[int]:
    """The marks set in any of ``flags``, in legend order."""
    seen = int(np.bitwise_or.reduce(np.asarray(flags, dtype=np.int64).ravel())) if np.size(flags) else 0
    return [m for m in ORDER if seen & m]
