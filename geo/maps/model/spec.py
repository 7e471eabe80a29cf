"""What a person asks of a map, in one object: :class:`MapSpec` replaces the 13–16 keyword
arguments that travelled through the static renderers, the published page and their callers."""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.incidents.filters import Filters
from geo.maps.classify import DEFAULT_PALETTE, Classes, classify

METRICS = ("count", "per_100k")


@dataclass(frozen=True)
class MapSpec:
    """A map request: which view, level and measure, the filters that made the rows (they only
    describe them), the classes (scheme, ``k``, palette, or your own ``breaks``), the person's
    words (``None``: the defaults; an empty subtitle: none), and the language and place-name
    mode of the words and names (``None``: the current ones, :mod:`geo.i18n`)."""

    view: str = "belgium"
    level: str = "municipality"
    metric: str = "count"
    unit: str = "sites"
    filters: Filters | None = None
    #: the data's years (the filters' years are clipped to them); default: the rows'
    all_years: tuple[int, int] | None = None
    #: reconstructed records in the whole table (the provenance line says how many the filters left out)
    total_reconstructed: int | None = None
    scheme: str = "FisherJenks"
    k: int = 5
    palette: str = DEFAULT_PALETTE
    breaks: tuple[float, ...] | None = None
    title: str | None = None
    subtitle: str | None = None
    note: str | None = None
    source: str | None = None
    language: str | None = None
    names: str | None = None

    def __post_init__(self):
        if self.metric not in METRICS:
            raise ValueError(f"metric must be 'count' or 'per_100k', not {self.metric!r}")

    def with_(self, **changes) -> MapSpec:
        """A copy with ``changes`` (e.g. one year's filters)."""
        return replace(self, **changes)

    def classify(self, values) -> Classes:
        """The classes of ``values`` as this request asks (integers for counts)."""
        return classify(list(values), k=self.k, scheme=self.scheme, integer=(self.metric == "count"),
                        palette=self.palette, breaks=self.breaks)
