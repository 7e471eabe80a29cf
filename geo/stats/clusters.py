"""The classes a local test gives a unit, their words and colours.

Gi*: ``hot`` (significant, value in the upper tail: high values around the unit) or ``cold``.
Local Moran's I: ``high_high``, ``low_low`` (clusters), ``high_low``, ``low_high`` (outliers: the
unit against its neighbours). Otherwise ``not_significant``; an island (no neighbour) is
``no_neighbours``: not tested.
"""

from __future__ import annotations

from geo.i18n import N_, _
from geo.maps.classify import ZERO_COLOR

GI = ("hot", "cold")
MORAN = ("high_high", "low_low", "high_low", "low_high")
OTHER = ("not_significant", "no_neighbours")
ALL = GI + MORAN + OTHER

#: esda's quadrants (``Moran_Local.q``, PySAL scheme): 1 HH, 2 LH, 3 LL, 4 HL.
MORAN_QUADRANTS = {1: "high_high", 2: "low_high", 3: "low_low", 4: "high_low"}

LABELS = {
    "hot": N_("Hot spot"),
    "cold": N_("Cold spot"),
    "high_high": N_("High among high (cluster)"),
    "low_low": N_("Low among low (cluster)"),
    "high_low": N_("High among low (outlier)"),
    "low_high": N_("Low among high (outlier)"),
    "not_significant": N_("Not significant"),
    "no_neighbours": N_("No neighbour: not tested"),
}

#: The usual LISA colours (GeoDa): red and blue for clusters, their pale tints for outliers,
#: light grey for not significant (the grey of a unit with no incident on the count maps, so that
#: switching between a count map and hot spots repaints only the units that differ). Hot/cold
#: take the cluster colours.
COLOURS = {
    "hot": "#d7191c", "cold": "#2c7bb6",
    "high_high": "#d7191c", "low_low": "#2c7bb6", "high_low": "#fdae61", "low_high": "#abd9e9",
    "not_significant": ZERO_COLOR, "no_neighbours": "#ffffff",
}


def classes_of(statistic: str) -> tuple[str, ...]:
    """The classes a statistic can give, in legend order."""
    return (GI if statistic == "gi" else MORAN) + OTHER


def label(cluster: str) -> str:
    """The words of a class in the current language."""
    return _(LABELS[cluster])
