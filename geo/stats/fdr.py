"""False-discovery-rate correction (Benjamini–Hochberg) of the local tests, from scipy and esda.

- ``q`` of each unit: its Benjamini–Hochberg adjusted p-value (``scipy.stats.
  false_discovery_control``, method ``bh``); a unit is significant when ``q ≤ alpha``.
- ``threshold``: the p-value cut-off that controls the rate (``esda.fdr``): the units with a
  p-value below it are those with ``q ≤ alpha``. When no unit passes, esda gives ``alpha / n``
  (no p-value is below it).

Units not tested (islands) have no p-value and take no part (``NaN`` in, ``NaN`` out).
"""

from __future__ import annotations

from dataclasses import dataclass

import esda
import numpy as np
from scipy.stats import false_discovery_control


@dataclass(frozen=True)
class Correction:
    q: np.ndarray
    threshold: float
    alpha: float
    tests: int

    @property
    def significant(self) -> np.ndarray:
        return np.nan_to_num(self.q, nan=np.inf) <= self.alpha


NAME = "Benjamini-Hochberg false discovery rate"


def correct(p_values: np.ndarray, alpha: float) -> Correction:
    """q-values and the FDR cut-off of ``p_values`` at ``alpha`` (NaN: not tested)."""
    p = np.asarray(p_values, dtype=float)
    tested = ~np.isnan(p)
    q = np.full(p.shape, np.nan)
    if not tested.any():
        return Correction(q, float("nan"), alpha, 0)
    q[tested] = false_discovery_control(p[tested], method="bh")
    return Correction(q, float(esda.fdr(p[tested], alpha)), alpha, int(tested.sum()))
