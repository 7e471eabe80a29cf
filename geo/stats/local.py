"""What every local statistic gives per unit, computed by esda (:mod:`.gi`, :mod:`.moran`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Local:
    """Per unit (in the weights' order): ``statistic`` (Gi* or Ii), ``z``, esda's ``p_sim``, the
    two-sided ``p_value`` the unit is judged by (:mod:`geo.stats.pvalue`), ``upper`` (the value is
    in the upper tail of its permutations) and, for local Moran's I, esda's ``quadrant``
    (1 HH, 2 LH, 3 LL, 4 HL; 0 for Gi*)."""

    statistic: np.ndarray
    z: np.ndarray
    p_sim: np.ndarray
    p_value: np.ndarray
    upper: np.ndarray
    quadrant: np.ndarray
