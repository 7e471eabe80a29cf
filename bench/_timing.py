"""Shared timing helper of the bench modules."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(fn: Callable[[], object], *, repeat: int = 5) -> float:
    """Median wall-clock seconds of ``repeat`` calls of ``fn`` (call it once before to warm up)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
