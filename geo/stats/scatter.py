"""The scatter of two measures per unit (the bivariate map's companion), as an Altair chart
rendered by Streamlit's own front end, offline: each unit a point in its bivariate cell's colour,
labelled with its name, the class bounds drawn as rules; the units at 0 on both measures counted
above the chart, not drawn.

The chart refers to its data by name (:data:`DATASETS`, each followed by a digest of its table, as
Altair names inline data: another chart's data is another name, which Streamlit's front end draws
anew instead of changing the data of the chart it has; measured, that change took longer); :func:`spec`
gives the Vega-Lite spec with the tables beside it, made and checked by Altair once (a page keeps
it and draws it again without Altair, and without turning the tables into lists of records)."""

from __future__ import annotations

import hashlib
import textwrap

import altair as alt
import pandas as pd

from geo.i18n import ngettext, number
from geo.stats.bivariate import Bivariate

#: The chart's named datasets: the points, the names shown, the class bounds of x and of y.
DATASETS = ("points", "names", "bounds_x", "bounds_y")


def at_origin(result: Bivariate) -> int:
    """How many units have both values at 0: one point at (0, 0) each, hundreds on one spot when
    two periods are compared (most municipalities had no incident in either); not drawn, and the
    chart says how many."""
    return int(((result.table["x"] == 0) & (result.table["y"] == 0)).sum())


def tables(result: Bivariate, *, label_at_most: int = 25) -> dict[str, pd.DataFrame]:
    """The chart's data by name (:data:`DATASETS`): the units with both values, one of them not 0
    (:func:`at_origin`), ``label`` their name for the ``label_at_most`` highest on either measure
    when there are more (else all); the units named; the class bounds."""
    t = result.table
    table = t[t["x"].notna() & t["y"].notna() & ((t["x"] != 0) | (t["y"] != 0))].copy()
    if len(table) > label_at_most:
        rank = table[["x", "y"]].rank(ascending=False).min(axis=1)
        table["label"] = table["name"].where(rank <= label_at_most // 2, "")
    else:
        table["label"] = table["name"]
    points = table[["x", "y", "name", "label", "colour"]].reset_index(drop=True)
    return {"points": points, "names": points[points["label"] != ""].reset_index(drop=True),
            "bounds_x": pd.DataFrame({"v": list(result.x_axis.bounds[:-1])}, dtype=float),
            "bounds_y": pd.DataFrame({"v": list(result.y_axis.bounds[:-1])}, dtype=float)}


def _named(data: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each table under its name and a digest of its content (``points-1a2b…``)."""
    def digest(table: pd.DataFrame) -> str:
        return hashlib.sha256(pd.util.hash_pandas_object(table, index=False).to_numpy().tobytes()
                              + repr(list(table.columns)).encode()).hexdigest()[:16]

    return {f"{name}-{digest(table)}": table for name, table in data.items()}


def chart(result: Bivariate, *, label_at_most: int = 25) -> alt.LayerChart:
    """Points (x, y) of the units with both values, their names as labels (a text mark for each
    name shown), dashed rules at the class bounds; the data by name (:func:`spec`'s datasets)."""
    data = tables(result, label_at_most=label_at_most)
    name = dict(zip(data, _named(data)))
    x_title, y_title = result.axis_title(result.x_label), result.axis_title(result.y_label)
    x = alt.X("x:Q", title=textwrap.wrap(x_title, 40) or x_title)
    y = alt.Y("y:Q", title=textwrap.wrap(y_title, 40) or y_title)
    points = alt.Chart(alt.NamedData(name=name["points"])).mark_circle(
        size=90, opacity=0.9, stroke="#333333", strokeWidth=0.5).encode(
        x=x, y=y, color=alt.Color("colour:N", scale=None), tooltip=["name:N", "x:Q", "y:Q"])
    labels = alt.Chart(alt.NamedData(name=name["names"])).mark_text(align="left", dx=7, dy=-6, fontSize=11).encode(
        x=x, y=y, text="label:N")
    layers = [points, labels]
    if len(data["bounds_x"]):
        layers.append(alt.Chart(alt.NamedData(name=name["bounds_x"])).mark_rule(strokeDash=[4, 3], color="#888888")
                      .encode(x="v:Q"))
    if len(data["bounds_y"]):
        layers.append(alt.Chart(alt.NamedData(name=name["bounds_y"])).mark_rule(strokeDash=[4, 3], color="#888888")
                      .encode(y="v:Q"))
    chart = alt.layer(*layers).properties(height=380)
    hidden = at_origin(result)
    if hidden:  # said above the points, where a reader looks for the missing ones
        chart = chart.properties(title=alt.TitleParams(
            ngettext("Not drawn: {n} unit at 0 on both measures.", "Not drawn: {n} units at 0 on both measures.",
                     hidden).format(n=number(hidden)),
            fontSize=12, fontWeight="normal", anchor="start", color="#555555"))
    return chart


def spec(result: Bivariate, *, label_at_most: int = 25) -> dict:
    """:func:`chart` as its Vega-Lite spec, with its tables as ``datasets`` (by name)."""
    out = chart(result, label_at_most=label_at_most).to_dict()
    out["datasets"] = _named(tables(result, label_at_most=label_at_most))
    # drawn on a canvas: hundreds of points are one element, not one each (Streamlit's front end
    # does so by itself only past 2,000 points); each point keeps its tooltip
    out["usermeta"] = {**out.get("usermeta", {}), "embedOptions": {"renderer": "canvas"}}
    return out
