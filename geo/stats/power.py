"""The power guard: too few events, or too few units with events, and a local test cannot find
clusters; the atlas then says so instead of colouring noise.

The thresholds are settings in :mod:`geo.config` (:data:`~geo.config.HOTSPOT_MIN_EVENTS`,
:data:`~geo.config.HOTSPOT_MIN_UNITS_WITH_EVENTS`); a caller may pass others.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo import config
from geo.i18n import _


@dataclass(frozen=True)
class Power:
    events: int
    units_with_events: int
    min_events: int
    min_units: int

    @property
    def enough(self) -> bool:
        return self.events >= self.min_events and self.units_with_events >= self.min_units

    def refusal(self) -> str | None:
        """Why the test cannot find clusters, in the current language (``None``: it can run)."""
        if self.enough:
            return None
        return _("The test cannot find clusters here: {events} events counted (at least {min_events} "
                 "needed), {units} units with events (at least {min_units} needed).").format(
            events=self.events, units=self.units_with_events, min_events=self.min_events, min_units=self.min_units)


def check(events: int, units_with_events: int, *, min_events: int | None = None,
          min_units: int | None = None) -> Power:
    """Whether ``events`` in ``units_with_events`` units are enough for a local test."""
    return Power(int(events), int(units_with_events),
                 config.HOTSPOT_MIN_EVENTS if min_events is None else int(min_events),
                 config.HOTSPOT_MIN_UNITS_WITH_EVENTS if min_units is None else int(min_units))
