"""Core timings: boundaries and incidents loaded, every count computed, the report checked.

Cold = first call in this process (reads and validates files); warm = median of later calls,
which is what a page rerun pays (the loaders are cached; counts are computed each time)."""

from __future__ import annotations

import time

from bench._timing import median_time


def _all_counts():
    from geo.admin import boundaries
    from geo.incidents import aggregate, table
    from geo.report import check

    frame = table.load_incidents()
    for level in boundaries.LEVELS:
        for unit in ("sites", "events"):
            aggregate.count_by_unit(frame, level=level, unit=unit)
    aggregate.count_by_period(frame, period="year", by="kind")
    aggregate.count_by_period(frame, period="month")
    aggregate.count_by_city(frame, min_count=2)
    aggregate.count_networks(frame)
    aggregate.count_by_unit_and_period(frame, period="month")
    check.check_report(frame)


def run() -> dict[str, float]:
    t = time.perf_counter()
    from geo.admin import boundaries

    boundaries.municipalities()
    read_boundaries = time.perf_counter() - t
    t = time.perf_counter()
    _all_counts()
    cold = time.perf_counter() - t
    return {
        "core: read and repair the boundary file, cold (s)": read_boundaries,
        "core: load incidents + every count + report check, first time (s)": cold,
        "core: load incidents + every count + report check, after first load (s)": median_time(_all_counts, repeat=7),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value:.3f}")
