"""Hot spots: a local statistic on incident counts or rates per unit, judged by conditional
permutation and corrected for the false-discovery rate, behind the power guard.

Counts come from :func:`geo.incidents.aggregate.count_by_unit` and respect precision: a row known
only to its region (42 of the report's 62 Brussels incidents) counts for no municipality; it is
listed in ``not_counted``, never spread over the region's units. At arrondissement level the
Brussels-Capital Region is one arrondissement, so its rows count there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import config
from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.i18n import N_, _
from geo.incidents import aggregate
from geo.stats import cache, clusters, fdr, gi, moran, power, pvalue, weights

Statistic = Literal["gi", "moran"]
Metric = Literal["count", "per_100k"]
STATISTICS: tuple[Statistic, ...] = ("gi", "moran")
METRICS: tuple[Metric, ...] = ("count", "per_100k")
LEVELS: tuple[Level, ...] = ("municipality", "arrondissement")
RUNNERS = {"gi": gi, "moran": moran}
#: Why a test was not run (``Hotspots.refused``), besides "power" (the power guard says it, with its numbers).
REFUSALS = {"flat": N_("Every unit has the same value: there is nothing to test.")}
COLUMNS = ("code", "name_nl", "name_fr", "reg_nis", "population", "count", "value", "statistic", "z",
           "p_sim", "p_value", "q_fdr", "cluster")


@dataclass(frozen=True)
class Hotspots:
    """A local test on one level, and how it was made.

    ``table``: one row per unit (:data:`COLUMNS`): ``value`` (the count or the rate tested),
    ``statistic`` (Gi* or Ii), ``z``, ``p_sim`` (esda's), ``p_value`` (the two-sided p-value the
    unit is judged by), ``q_fdr`` (its Benjamini–Hochberg q-value), ``cluster`` (a class of
    :mod:`geo.stats.clusters`). When the test was refused (``refused``: :data:`REFUSALS`), the
    statistics are empty and every cluster is ``not_significant``: nothing was tested. A result
    is in no language (it is cached and shared by readers of every language): :attr:`refusal` says
    why in the caller's."""

    table: pd.DataFrame
    statistic: Statistic
    level: str
    metric: Metric
    unit: str
    permutations: int
    seed: int
    alpha: float
    events: int
    units_with_events: int
    islands: tuple[str, ...]
    mean_neighbours: float
    not_counted: pd.DataFrame
    fdr_threshold: float = float("nan")
    refused: str | None = None
    power: power.Power | None = field(default=None, compare=False)

    @property
    def tested(self) -> bool:
        return self.refused is None

    @property
    def refusal(self) -> str | None:
        """Why nothing was tested, in the current language (``None``: it was tested)."""
        if self.refused == "power" and self.power is not None:
            return self.power.refusal()
        return _(REFUSALS[self.refused]) if self.refused else None

    @property
    def method(self) -> str:
        return RUNNERS[self.statistic].METHOD

    @property
    def transform(self) -> str:
        """``binary`` (Gi*, own value included) or ``row-standardised`` (local Moran's I)."""
        return "binary" if RUNNERS[self.statistic].TRANSFORM == "B" else "row-standardised"

    @property
    def smallest_p(self) -> float:
        return pvalue.smallest(self.permutations)

    def significant(self) -> pd.DataFrame:
        """The units in a significant class, smallest q first."""
        keep = ~self.table["cluster"].isin(clusters.OTHER)
        return self.table[keep].sort_values(["q_fdr", "code"], ignore_index=True)

    def cluster_counts(self) -> dict[str, int]:
        counts = self.table["cluster"].value_counts()
        return {c: int(counts.get(c, 0)) for c in clusters.classes_of(self.statistic)}


def _check(level: str, statistic: str, metric: str, permutations: int, alpha: float) -> None:
    problems = []
    if level not in LEVELS:
        problems.append(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if statistic not in STATISTICS:
        problems.append(f"statistic must be one of {', '.join(STATISTICS)}, not {statistic!r}")
    if metric not in METRICS:
        problems.append(f"metric must be one of {', '.join(METRICS)}, not {metric!r}")
    if not (isinstance(permutations, int) and 99 <= permutations <= 99_999):
        problems.append(f"permutations must be a whole number from 99 to 99999, not {permutations!r}")
    if not 0 < alpha < 1:
        problems.append(f"alpha must be between 0 and 1, not {alpha!r}")
    if problems:
        raise ValueError("; ".join(problems))


def _classes(statistic: str, local, significant: np.ndarray, islands: np.ndarray) -> np.ndarray:
    if statistic == "gi":
        named = np.where(local.upper, "hot", "cold")
    else:
        named = np.array([clusters.MORAN_QUADRANTS.get(int(q), "not_significant") for q in local.quadrant])
    out = np.where(significant, named, "not_significant").astype(object)
    out[islands] = "no_neighbours"
    return out


def hotspots(
    incidents: pd.DataFrame,
    *,
    level: Level = "municipality",
    statistic: Statistic = "gi",
    metric: Metric = "count",
    unit: aggregate.Unit = "events",
    permutations: int = config.HOTSPOT_PERMUTATIONS,
    seed: int = config.HOTSPOT_SEED,
    alpha: float = config.HOTSPOT_ALPHA,
    min_events: int | None = None,
    min_units: int | None = None,
    units_frame: gpd.GeoDataFrame | None = None,
    contiguity: weights.Contiguity | None = None,
    results: cache.Results | None = None,
) -> Hotspots:
    """The local test ``statistic`` (``gi``: Getis-Ord Gi*; ``moran``: local Moran's I) of
    ``metric`` (``count`` or ``per_100k``) per unit of ``level``, ``permutations`` conditional
    permutations from ``seed``, significant at FDR ``alpha``. ``units_frame`` and
    ``contiguity`` default to the boundary file's units of ``level`` and their queen contiguity.

    With ``results`` (a :class:`geo.stats.cache.Results`, e.g. :func:`geo.stats.cache.shared`),
    a test already made on the same counts and rows not counted (:func:`geo.stats.cache.fingerprint`),
    units and settings is given back (the same object) instead of being made again."""
    _check(level, statistic, metric, permutations, alpha)
    units = boundaries.units(level) if units_frame is None else units_frame
    contiguity = contiguity or (weights.queen(level) if units_frame is None else weights.from_frame(units, level=level))
    guard_at = (config.HOTSPOT_MIN_EVENTS if min_events is None else int(min_events),
                config.HOTSPOT_MIN_UNITS_WITH_EVENTS if min_units is None else int(min_units))

    counted = aggregate.count_by_unit(incidents, level=level, unit=unit, units_frame=units)

    def make() -> Hotspots:
        return _test(counted, units, contiguity, level=level, statistic=statistic, metric=metric, unit=unit,
                     permutations=permutations, seed=seed, alpha=alpha, guard_at=guard_at)

    if results is None:
        return make()
    key = ("hotspots", level, statistic, metric, unit, permutations, seed, alpha, guard_at,
           cache.fingerprint(counted.table), cache.fingerprint(counted.not_counted),
           cache.fingerprint(units, UNIT_COLUMNS), contiguity)
    return results.get(key, make)


#: What a test reads of the units besides their contiguity.
UNIT_COLUMNS = ("code", "name_nl", "name_fr", "reg_nis", "population")


def _test(counted: aggregate.Counted, units: gpd.GeoDataFrame, contiguity: weights.Contiguity, *, level: Level,
          statistic: Statistic, metric: Metric, unit: aggregate.Unit, permutations: int, seed: int, alpha: float,
          guard_at: tuple[int, int]) -> Hotspots:
    table = counted.table.merge(pd.DataFrame(units[["code", "reg_nis"]]), on="code", how="left")
    table = table.set_index("code").loc[list(contiguity.codes)].reset_index()
    table["value"] = table[metric].astype(float)
    guard = power.check(counted.total, int((table["count"] > 0).sum()), min_events=guard_at[0], min_units=guard_at[1])
    refused = None if guard.enough else "power"
    if refused is None and np.ptp(table["value"].fillna(0).to_numpy()) == 0:
        refused = "flat"
    islands = np.isin(table["code"], contiguity.islands)
    for column in ("statistic", "z", "p_sim", "p_value", "q_fdr"):
        table[column] = np.nan
    table["cluster"] = "not_significant"
    threshold = float("nan")
    if refused is None:
        local = RUNNERS[statistic].run(table["value"].fillna(0).to_numpy(), contiguity,
                                       permutations=permutations, seed=seed)
        p_value = np.where(islands, np.nan, local.p_value)
        correction = fdr.correct(p_value, alpha)
        table["statistic"], table["z"], table["p_sim"] = local.statistic, local.z, local.p_sim
        table["p_value"], table["q_fdr"] = p_value, correction.q
        table["cluster"] = _classes(statistic, local, correction.significant, islands)
        threshold = correction.threshold
    elif islands.any():
        table.loc[islands, "cluster"] = "no_neighbours"
    return Hotspots(
        table=table[list(COLUMNS)], statistic=statistic, level=level, metric=metric, unit=unit,
        permutations=permutations, seed=seed, alpha=alpha, events=counted.total,
        units_with_events=guard.units_with_events, islands=tuple(contiguity.islands),
        mean_neighbours=contiguity.mean_neighbours, not_counted=counted.not_counted,
        fdr_threshold=threshold, refused=refused, power=guard)
