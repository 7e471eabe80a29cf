"""Queen contiguity between the units of one level (2019 boundaries), from libpysal.

Two units are neighbours when their polygons share an edge or a corner
(``libpysal.weights.Queen.from_dataframe``). The boundary file's municipalities share their arcs
(a TopoJSON), so contiguity is exact. A unit with no neighbour is an *island*: it is named, and
the local statistics do not test it (:mod:`geo.stats.hotspots`). The neighbour lists are kept as
plain data; each call of :meth:`Contiguity.w` builds a fresh ``W``, because esda sets the
transformation of the ``W`` it is given (binary for Gi*, row-standardised for local Moran's I).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
from libpysal.weights import Queen, W

from geo.admin import boundaries
from geo.admin.boundaries import Level


@dataclass(frozen=True)
class Contiguity:
    """Queen neighbours of each unit, in the order of ``codes`` (the units frame's)."""

    level: str
    codes: tuple[str, ...]
    neighbours: tuple[tuple[str, ...], ...]
    islands: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.codes)

    def w(self) -> W:
        """A fresh binary ``W`` (transformation ``O``), ids = codes, in :attr:`codes` order."""
        return W({c: list(n) for c, n in zip(self.codes, self.neighbours)}, id_order=list(self.codes),
                 silence_warnings=True)

    def neighbours_of(self, code: str) -> tuple[str, ...]:
        return self.neighbours[self.codes.index(code)]

    @property
    def mean_neighbours(self) -> float:
        return sum(len(n) for n in self.neighbours) / self.n if self.n else 0.0


def from_frame(units: gpd.GeoDataFrame, *, level: str = "") -> Contiguity:
    """Queen contiguity of a units frame (``code`` and polygons), islands found."""
    with warnings.catch_warnings():  # libpysal warns about islands: we name them ourselves
        warnings.simplefilter("ignore")
        w = Queen.from_dataframe(units, ids="code", use_index=False)
    codes = tuple(str(c) for c in units["code"])
    neighbours = tuple(tuple(sorted(str(n) for n in w.neighbors[c])) for c in codes)
    islands = tuple(c for c, n in zip(codes, neighbours) if not n)
    return Contiguity(level, codes, neighbours, islands)


@lru_cache(maxsize=8)
def _queen(path: str, level: Level) -> Contiguity:
    return from_frame(boundaries.for_file(path).units(level), level=level)


def queen(level: Level) -> Contiguity:
    """Queen contiguity of the units of ``level`` in the current boundary file (built once per
    file and level; the result is immutable)."""
    return _queen(str(boundaries.boundary_file()), level)
