"""The scatter of two measures per unit (the bivariate map's companion), as an Altair chart
rendered by Streamlit's own front end, offline: each unit a point in its bivariate cell's colour,
labelled with its name, the class bounds drawn as rules."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from geo.stats.bivariate import Bivariate


def chart(result: Bivariate, *, label_at_most: int = 25) -> alt.Chart:
    """Points (x, y) of the units with both values, their names as labels (the ``label_at_most``
    highest on either measure when there are more), dashed rules at the class bounds."""
    table = result.table[result.table["x"].notna() & result.table["y"].notna()].copy()
    if len(table) > label_at_most:
        rank = table[["x", "y"]].rank(ascending=False).min(axis=1)
        table["label"] = table["name"].where(rank <= label_at_most // 2, "")
    else:
        table["label"] = table["name"]
    x_title, y_title = result.axis_title(result.x_label), result.axis_title(result.y_label)
    x = alt.X("x:Q", title=textwrap.wrap(x_title, 40) or x_title)
    y = alt.Y("y:Q", title=textwrap.wrap(y_title, 40) or y_title)
    base = alt.Chart(table)
    points = base.mark_circle(size=90, opacity=0.9, stroke="#333333", strokeWidth=0.5).encode(
        x=x, y=y, color=alt.Color("colour:N", scale=None), tooltip=["name:N", "x:Q", "y:Q"])
    named = alt.Chart(table[table["label"] != ""])  # a text mark for each name shown, not one per point
    labels = named.mark_text(align="left", dx=7, dy=-6, fontSize=11).encode(x=x, y=y, text="label:N")
    layers = [points, labels]
    bounds_x = pd.DataFrame({"v": list(result.x_axis.bounds[:-1])})
    bounds_y = pd.DataFrame({"v": list(result.y_axis.bounds[:-1])})
    if len(bounds_x):
        layers.append(alt.Chart(bounds_x).mark_rule(strokeDash=[4, 3], color="#888888").encode(x="v:Q"))
    if len(bounds_y):
        layers.append(alt.Chart(bounds_y).mark_rule(strokeDash=[4, 3], color="#888888").encode(y="v:Q"))
    return alt.layer(*layers).properties(height=380)


def spec(result: Bivariate, *, label_at_most: int = 25) -> dict:
    """:func:`chart` as its Vega-Lite spec, made and checked once (a page keeps it and draws it
    again without Altair); its named datasets as tables, not lists of records."""
    out = chart(result, label_at_most=label_at_most).to_dict()
    out["datasets"] = {name: pd.DataFrame.from_records(rows) for name, rows in out.get("datasets", {}).items()}
    return out
