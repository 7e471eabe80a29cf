"""The map model: every map output (the app's component, the published page, PNG/SVG/PDF, the
grid, GIF/MP4) is drawn from one model computed here, in Python (DESIGN.md §8). Renderers only
draw it; a new map mode (hot spots, bivariate, side by side) is a new model, not a new renderer.

The API (stable; other modules build on it):

- :class:`MapSpec` (``spec``): what a person asks of a map (view, level, metric, unit, filters,
  years, classes, their words, language and place-name mode).
- :class:`MapModel` (``model``): ``codes`` and ``names`` of the units (the geometry's order),
  ``scales`` (key → :class:`Scale`: a palette and the :class:`LegendEntry` s that decode it),
  ``frames`` (:class:`Frame`: per unit a palette index ``classes``, ``flags``, ``tips``, and the
  frame's title, notes, provenance line and total), the legend title, title, subtitle, note,
  source line, filters line and captions. ``model.colors(frame)`` gives each unit's fill,
  ``model.legend([frame])`` the legend entries (swatches used, then the marks drawn).
- :mod:`marks`: ONE definition of each mark: the flag bits ``HATCH`` (mostly reconstructed:
  diagonal lines), ``DASHED`` (a rate from fewer than ``vocab.SMALL_COUNT`` incidents: dark dashed
  outline), ``HOLLOW`` (reconstructed records only: hollow symbol), the rules
  (:func:`marks.mostly_reconstructed`, :func:`marks.flags_of`) and their words (:func:`marks.words`).
- Choropleths (``choropleth``, ``build``): :func:`build.single` (one map), :func:`build.yearly`
  (all years and each year, the published page), :func:`build.build` (any parts: panels, periods),
  :func:`choropleth.frame_of` (a frame from a count table, for the app's pages).
- Categorical maps: :func:`categorical_scale` (colours and legend words of named classes, e.g.
  hot/cold/high-high/… or the nine cells of a bivariate map) and a :class:`Frame` whose
  ``classes`` index it; ``MapModel(kind="categorical", …)``.
- :func:`encode.to_json`: the model as the JSON the browser's map core reads.
"""

from geo.maps.model import marks
from geo.maps.model.model import Frame, LegendEntry, MapModel, Scale, categorical_scale
from geo.maps.model.spec import MapSpec

__all__ = ["Frame", "LegendEntry", "MapModel", "MapSpec", "Scale", "categorical_scale", "marks"]
