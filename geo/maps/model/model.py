"""The map model: what a map shows, computed once in Python, drawn by every renderer.

A :class:`MapModel` holds the units (codes and names, in the order of the geometry), the
:class:`Scale` s (a palette and the legend entries that decode it), and one :class:`Frame` per
state (a period, a panel): per unit a palette index, flag bits (:mod:`.marks`), the value and
counts, and the tooltip's lines; the frame's title, notes, provenance line and total. A
categorical map (hot spots, a bivariate 3×3 map) is the same model with its own palette, class
indices and legend words: nothing else to write (:func:`categorical_scale`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from geo.maps.model import marks

NO_INDEX = -1


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a swatch of ``colour`` (``mark`` "swatch") or a mark ("hatch",
    "dashed", "hollow": see :mod:`.marks`), and its words."""

    mark: str
    colour: str
    label: str


@dataclass(frozen=True)
class Scale:
    """A palette (palette index → colour) and its legend swatches: ``entries[j]`` decodes palette
    index ``indices[j]``. Indices in ``optional`` are listed only when a frame uses them (no data).
    ``note`` is said under the legend (e.g. that every year has the same classes)."""

    colors: tuple[str, ...]
    entries: tuple[LegendEntry, ...]
    indices: tuple[int, ...]
    optional: frozenset[int] = frozenset()
    note: str = ""

    def legend(self, used: set[int] | None = None) -> list[LegendEntry]:
        return [e for e, i in zip(self.entries, self.indices)
                if i not in self.optional or used is None or i in used]


def categorical_scale(colors: Sequence[str], labels: Sequence[str], *, note: str = "",
                      optional: Sequence[int] = ()) -> Scale:
    """A scale of named classes (hot/cold…, the nine cells of a bivariate map): class ``i`` is
    drawn in ``colors[i]`` and listed as ``labels[i]``."""
    if len(colors) != len(labels):
        raise ValueError("one label per colour")
    return Scale(tuple(colors), tuple(LegendEntry("swatch", c, lab) for c, lab in zip(colors, labels)),
                 tuple(range(len(colors))), frozenset(optional), note)


@dataclass(frozen=True)
class Frame:
    """One state of the map. Arrays are per unit, in the model's unit order."""

    key: str
    label: str
    title: str
    classes: np.ndarray  # palette index into the frame's scale
    flags: np.ndarray  # marks.HATCH | marks.DASHED …
    tips: tuple[str, ...]  # the tooltip's lines after the name ("\n" between lines)
    scale: str = "main"
    values: np.ndarray | None = None  # the value that picked the class (count, rate, z…); NaN: none
    counts: np.ndarray | None = None
    reconstructed: np.ndarray | None = None
    notes: tuple[str, ...] = ()
    provenance: str = ""
    total: str = ""


@dataclass(frozen=True)
class MapModel:
    """A whole map. ``kind`` is "choropleth" (ordered classes) or "categorical"."""

    kind: str
    view: str
    level: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    scales: Mapping[str, Scale]
    frames: tuple[Frame, ...]
    legend_title: str
    title: str = ""
    subtitle: str = ""
    note: str = ""
    source: str = ""
    filters: str = ""
    captions: tuple[str, ...] = ()
    #: the tooltip of a unit with nothing to show (palette index 0, no flag)
    blank_tip: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)

    def frame(self, key: str | int) -> Frame:
        if isinstance(key, int):
            return self.frames[key]
        return next(f for f in self.frames if f.key == key)

    def scale_of(self, frame: Frame) -> Scale:
        return self.scales[frame.scale]

    def colors(self, frame: Frame) -> list[str]:
        """Each unit's fill colour in ``frame``."""
        palette = self.scale_of(frame).colors
        return [palette[int(k)] for k in frame.classes]

    def legend(self, frames: Sequence[Frame] | None = None) -> list[LegendEntry]:
        """The legend of ``frames`` (default: all; they share one scale): the scale's swatches
        (optional ones where used), then the words of each mark that any of them draws."""
        frames = list(self.frames if frames is None else frames)
        scale = self.scale_of(frames[0])
        used = {int(k) for f in frames for k in np.unique(f.classes)}
        entries = scale.legend(used)
        flags = np.concatenate([f.flags for f in frames]) if frames else np.zeros(0, np.int64)
        entries += [LegendEntry(marks.NAMES[m], "#ffffff", marks.words(m)) for m in marks.used(flags)]
        return entries

    def flagged(self, frame: Frame, flag: int) -> tuple[str, ...]:
        """The codes of the units that carry ``flag`` in ``frame``."""
        return tuple(c for c, f in zip(self.codes, frame.flags) if int(f) & flag)
