"""The statistics' own cache: a result computed once per what it was computed from, shared by the
sessions and by every language.

A key names the inputs themselves, not where they came from: :func:`fingerprint` digests a table
(for a hot-spot test, the counts per unit and the rows not counted, made first: counting is cheap,
and digesting them costs far less than digesting a million incident rows), so a re-imported
dataset, other filters or an edited row that changes a count is another key, and two selections
with the same counts share one result. What is kept is in no language (a refusal is a reason, put
in words when shown: :attr:`geo.stats.hotspots.Hotspots.refusal`).

One :class:`Results` per boundary file (:func:`shared`, kept by
:meth:`geo.admin.boundaries.Boundaries.derived`): a new file starts empty. It keeps the
:data:`~geo.config.STATS_CACHE_SIZE` results used last; a result is frozen, never changed by a
reader.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

from geo import config
from geo.admin import boundaries

_T = TypeVar("_T")


def fingerprint(frame: pd.DataFrame, columns: tuple[str, ...] | None = None) -> str:
    """A digest of ``frame``'s ``columns`` (those present; default: all), their names and types
    and its rows in order, index left out."""
    cols = [c for c in (columns or tuple(frame.columns)) if c in frame.columns]
    digest = hashlib.sha256(repr((cols, [str(frame[c].dtype) for c in cols], len(frame))).encode())
    if len(frame) and cols:
        digest.update(pd.util.hash_pandas_object(frame[cols], index=False).to_numpy().tobytes())
    return digest.hexdigest()


class Results:
    """The last ``size`` results, by key; safe to share between threads. A result is built outside
    the cache's lock, under a lock of its key only: two sessions asking for the same result compute
    it once, and a session asking for another one (kept or not) does not wait for that test."""

    def __init__(self, size: int = config.STATS_CACHE_SIZE) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size!r}")
        self.size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, object] = OrderedDict()
        self._building: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def _kept_for(self, key: Hashable) -> tuple[bool, object]:
        """(found, result) under the cache's lock, counting a hit."""
        with self._lock:
            if key not in self._kept:
                return False, None
            self._kept.move_to_end(key)
            self.hits += 1
            return True, self._kept[key]

    def get(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """The result kept for ``key``, else ``build()``, kept (the oldest goes beyond ``size``)."""
        found, made = self._kept_for(key)
        if found:
            return made  # type: ignore[return-value]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:  # another session building this key: wait for it, then take its result
            found, made = self._kept_for(key)
            if found:
                return made  # type: ignore[return-value]
            try:
                with self._lock:
                    self.misses += 1
                made = build()
                with self._lock:
                    self._kept[key] = made
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
                return made
            finally:
                with self._lock:
                    self._building.pop(key, None)

    def __len__(self) -> int:
        return len(self._kept)


def shared() -> Results:
    """The results of the current boundary file (one object per file)."""
    return boundaries.current().derived(("stats", "results"), Results)
