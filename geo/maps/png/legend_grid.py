"""A bivariate legend on the static maps: a 3 × 3 grid of the cells' colours with the axes' words
(y above the grid with an arrow up, x below it with an arrow right: a long measure name fits,
where the web core writes y upwards beside the grid, ``atlas-core.js`` ``drawGrid``). The model says it in ``model.extra["grid"]`` (:func:`geo.stats.maps.legend_grid`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.patches import Rectangle

from geo.maps.png.layout import Layout

#: One cell: (x class, y class, colour, words).
Cell = tuple[int, int, str, str]
ARROW, UP = " \u2192", "\u2191 "


def grid_cells(grid: Mapping, colours: Sequence[str]) -> tuple[str, str, tuple[Cell, ...]]:
    """The model's grid as (x words, y words, cells with their colours)."""
    cells = tuple((int(x), int(y), colours[int(i)], str(w)) for x, y, i, w in grid["cells"])
    return str(grid["x"]), str(grid["y"]), cells


def draw_grid(fig, legend: tuple[str, str, Sequence[Cell]], *, x: float, top: float, lay: Layout,
              edge: float) -> float:
    """Draw the grid (its y words) with its top at ``top`` and its left side at ``x`` (figure
    fractions); return the figure fraction under it. SVG: each cell is ``legend-cell-X-Y``."""
    W, H = fig.get_size_inches()
    cell_in = 2.0 * lay.text / 72
    gap_in = 0.12 * lay.text / 72
    line_in = 1.35 * lay.text / 72
    x_words, y_words, cells = legend
    fig.text(x, top, UP + y_words, fontsize=lay.text, ha="left", va="top", color="#222222", parse_math=False,
             gid="legend-grid-y")
    bottom = top - (1.3 * line_in + 3 * cell_in + 2 * gap_in) / H
    for cx, cy, colour, _words in cells:
        rect = Rectangle((x + (cx - 1) * (cell_in + gap_in) / W, bottom + (cy - 1) * (cell_in + gap_in) / H),
                         cell_in / W, cell_in / H, transform=fig.transFigure, facecolor=colour,
                         edgecolor="#888888", linewidth=edge)
        rect.set_gid(f"legend-cell-{cx}-{cy}")
        fig.patches.append(rect)
    fig.text(x, bottom - 0.3 * line_in / H, x_words + ARROW, fontsize=lay.text, ha="left", va="top",
             color="#222222", parse_math=False, gid="legend-grid-x")
    return bottom - 1.6 * line_in / H
