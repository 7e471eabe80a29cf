"""Local Moran's I (``esda.Moran_Local``) with conditional permutation.

Weights: queen contiguity, **row-standardised** (each unit's neighbours weigh 1/k; esda's
``transformation="r"``), the unit itself left out. ``z`` is esda's ``z_sim``: Ii standardised by
the mean and standard deviation of its own permutations. The quadrant (high-high, low-low,
high-low, low-high) is esda's ``q``: the unit's value and its neighbours' mean, each above or
below the mean of all units. ``n_jobs=1``: the same seed gives the same permutations everywhere.
"""

from __future__ import annotations

import warnings

import esda
import numpy as np

from geo.stats import pvalue
from geo.stats.local import Local
from geo.stats.weights import Contiguity

METHOD = "Local Moran's I"
TRANSFORM = "r"


def run(values: np.ndarray, contiguity: Contiguity, *, permutations: int, seed: int) -> Local:
    """Local Moran's I of ``values`` (in ``contiguity.codes`` order)."""
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore")  # islands: esda's z_sim of 0/0
        m = esda.Moran_Local(np.asarray(values, dtype=float), contiguity.w(), transformation=TRANSFORM,
                             permutations=permutations, seed=seed, n_jobs=1, keep_simulations=True)
    p_value, upper = pvalue.two_sided(m.Is, m.rlisas)
    return Local(m.Is, m.z_sim, m.p_sim, p_value, upper, np.asarray(m.q, dtype=int))
