"""The scatter of two measures per unit (the bivariate map's companion), drawn by the map core
under the map (``geo/maps/web/core/atlas-scatter.js``), offline, in the app and the published page
alike: each unit a point in its bivariate cell's colour, labelled with its name, the class bounds
drawn as rules; the units at 0 on both measures counted above the chart, not drawn.
"""

from __future__ import annotations

import pandas as pd

from geo.i18n import _, ngettext, number
from geo.stats.bivariate import Bivariate


def at_origin(result: Bivariate) -> int:
    """How many units have both values at 0: one point at (0, 0) each, hundreds on one spot when
    two periods are compared (most municipalities had no incident in either); not drawn, and the
    chart says how many."""
    return int(((result.table["x"] == 0) & (result.table["y"] == 0)).sum())


def tables(result: Bivariate, *, label_at_most: int = 25) -> dict[str, pd.DataFrame]:
    """The chart's data: ``points``, the units with both values, one of them not 0
    (:func:`at_origin`), ``label`` their name for the ``label_at_most`` highest on either measure
    when there are more (else all); ``bounds_x`` and ``bounds_y``, the class bounds."""
    t = result.table
    table = t[t["x"].notna() & t["y"].notna() & ((t["x"] != 0) | (t["y"] != 0))].copy()
    if len(table) > label_at_most:
        rank = table[["x", "y"]].rank(ascending=False).min(axis=1)
        table["label"] = table["name"].where(rank <= label_at_most // 2, "")
    else:
        table["label"] = table["name"]
    points = table[["x", "y", "name", "label", "colour"]].reset_index(drop=True)
    return {"points": points,
            "bounds_x": pd.DataFrame({"v": list(result.x_axis.bounds[:-1])}, dtype=float),
            "bounds_y": pd.DataFrame({"v": list(result.y_axis.bounds[:-1])}, dtype=float)}


def payload(result: Bivariate, *, label_at_most: int = 25) -> dict:
    """The scatter as the map core draws it (``atlas-scatter.js``, under the map, in place at each
    update): the axes' titles, the points ``[x, y, colour, name, labelled]``, the class bounds,
    a line saying which units are not drawn (:func:`at_origin`) and the chart's accessible name."""
    data = tables(result, label_at_most=label_at_most)
    x_title, y_title = result.axis_title(result.x_label), result.axis_title(result.y_label)
    hidden = at_origin(result)
    points = data["points"]
    return {
        "x": x_title, "y": y_title,
        "label": _("Scatter: {x} against {y}").format(x=x_title, y=y_title),
        "note": ngettext("Not drawn: {n} unit at 0 on both measures.", "Not drawn: {n} units at 0 on both measures.",
                         hidden).format(n=number(hidden)) if hidden else "",
        "points": [[round(float(x), 4), round(float(y), 4), colour, name, int(bool(label))]
                   for x, y, name, label, colour in points[["x", "y", "name", "label", "colour"]].itertuples(
                       index=False, name=None)],
        "bx": [round(float(v), 4) for v in data["bounds_x"]["v"]],
        "by": [round(float(v), 4) for v in data["bounds_y"]["v"]],
    }
