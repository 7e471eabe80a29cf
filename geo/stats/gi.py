"""Getis-Ord Gi* (``esda.G_Local(star=True)``) with conditional permutation.

Weights: queen contiguity, **binary**, each unit's own value included with weight 1 (Gi*, as
Getis and Ord 1995 define it; esda's ``transform="B"``, ``star=True``). ``z`` is esda's ``Zs``,
the standardised Gi* under the normal approximation (the z-score Gi* is known by); the unit is
judged by its conditional permutations (:mod:`geo.stats.pvalue`). ``n_jobs=1``: the same seed gives
the same permutations on every machine.
"""

from __future__ import annotations

import warnings

import esda
import numpy as np

from geo.stats import pvalue
from geo.stats.local import Local
from geo.stats.weights import Contiguity

METHOD = "Getis-Ord Gi*"
TRANSFORM = "B"


def run(values: np.ndarray, contiguity: Contiguity, *, permutations: int, seed: int) -> Local:
    """Gi* of ``values`` (in ``contiguity.codes`` order)."""
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore")  # islands: libpysal's "not fully connected", esda's z_sim of 0/0
        g = esda.G_Local(np.asarray(values, dtype=float), contiguity.w(), transform=TRANSFORM, star=True,
                         permutations=permutations, seed=seed, n_jobs=1, keep_simulations=True)
    p_value, upper = pvalue.two_sided(g.Gs, g.rGs)
    return Local(g.Gs, g.Zs, g.p_sim, p_value, upper, np.zeros(len(values), dtype=int))
