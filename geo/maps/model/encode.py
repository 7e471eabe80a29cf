"""A :class:`~geo.maps.model.model.MapModel` as the JSON the browser's map core
(``geo/maps/web/core/atlas-core.js``) reads, the same for the app's component and the published
page.

- ``scales``: per key, ``colors`` (palette) and ``note``.
- ``frames``: per frame ``key`` and, where they say something, ``label`` (default: the key),
  ``title``, ``scale`` (default "main"), ``notes``, ``provenance``, ``total``, ``legend`` (``[mark, colour, label]`` entries: the swatches it uses and the words of
  the marks it draws; with ``legend="all"`` one ``legend`` for the whole model instead) and ``rows``: ``[unit index, palette index, flags, tip index]`` for the
  units that differ from the frame before (the first frame: from the blank state ``[0, 0, 0]``).
- ``tips``: the tooltips' texts (index 0: the blank unit's), ``marks``: flag bit → words.
- ``grid`` (a bivariate map): the legend as a 3 × 3 grid, ``{x, y, cells: [[x class, y class,
  palette index, words]…]}`` (:func:`geo.stats.maps.legend_grid`).
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.maps.model import marks
from geo.maps.model.model import MapModel

Row = tuple[int, int, int, int]


def deltas(frames: Sequence[list[Row]]) -> list[list[Row]]:
    """Each frame as the rows that differ from the frame before (a unit that went back to blank is
    listed with zeros)."""
    out, before = [], {}
    for rows in frames:
        now = {r[0]: r for r in rows}
        changed = [r for i, r in now.items() if before.get(i) != r]
        changed += [(i, 0, 0, 0) for i in before if i not in now]
        out.append(sorted(changed))
        before = now
    return out


def to_json(model: MapModel, *, legend: str = "frame") -> dict:
    """The model for the browser. ``legend``: "frame" (each frame's own legend) or "all" (one
    legend over every frame, the same on each)."""
    tips: dict[str, int] = {model.blank_tip: 0}
    full = []
    for f in model.frames:
        rows = []
        for i, (k, flags, text) in enumerate(zip(f.classes, f.flags, f.tips)):
            t = tips.setdefault(text, len(tips))
            if k or flags or t:
                rows.append((i, int(k), int(flags), t))
        full.append(rows)
    frames = []
    for f, rows in zip(model.frames, deltas(full)):
        frame = {"key": f.key, "rows": [list(r) for r in rows]}
        # only what a frame says (the browser reads a missing label as the key, scale as "main")
        words = {"label": f.label if f.label != f.key else "", "title": f.title,
                 "scale": f.scale if f.scale != "main" else "", "notes": list(f.notes),
                 "provenance": f.provenance, "total": f.total}
        frames.append(frame | {k: v for k, v in words.items() if v})
    if legend == "all":
        every = {"legend": [[e.mark, e.colour, e.label] for e in model.legend()]}
    else:
        every = {}
        for frame, f in zip(frames, model.frames):
            frame["legend"] = [[e.mark, e.colour, e.label] for e in model.legend([f])]
    return every | {
        "kind": model.kind,
        "scales": {k: {"colors": list(s.colors), "note": s.note} for k, s in model.scales.items()},
        "frames": frames,
        "tips": list(tips),
        "marks": {str(m): marks.words(m) for m in marks.ORDER},
        "legendTitle": model.legend_title,
    } | ({"grid": model.extra["grid"]} if "grid" in model.extra else {})
