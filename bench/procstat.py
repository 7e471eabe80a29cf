"""CPU and memory of processes and of the machine, from ``/proc`` (no psutil needed), for the load
tests: the servers' RSS and CPU, and the CPU of the processes that play the users (Chromium, the
Playwright driver), sampled during the run so that processes which exit before the end (Chromium's
renderers close with their tabs) are still counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field

CLK_TCK = os.sysconf("SC_CLK_TCK")


def proc_status(pid: int) -> dict[str, int]:
    """RSS (kB) and CPU time (ticks, threads that ended included) of one process."""
    rss = 0
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
                break
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return {"rss_kb": rss, "cpu_ticks": int(fields[11]) + int(fields[12])}  # utime + stime


def descendants_ticks(root: int, skip: tuple[int, ...] = ()) -> dict[int, int]:
    """CPU ticks of every live descendant of ``root``, by pid, leaving out the processes ``skip``
    (the servers) and their children."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(entry.name)] = int(fields[1])
            ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        if pid in skip:
            continue
        out[pid] = ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    return out


def loadavg() -> float:
    """The machine's 1-minute load average (runnable tasks, every job on the machine)."""
    with open("/proc/loadavg", encoding="ascii") as fh:
        return float(fh.read().split()[0])


def machine_busy() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine (every job on it, not only ours)."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


@dataclass
class Sampler:
    """Every second: the servers' RSS and CPU (``pid`` and ``also``, added up), and the CPU of this
    process's other descendants (the load generator's browser). A descendant's ticks are kept at
    their last sampled value after it exits, so renderers that close during the run still count
    (up to the last second before they exit)."""

    pid: int
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (t, rss_kb, cpu_ticks)
    also: tuple[int, ...] = ()
    client_root: int = field(default_factory=os.getpid)
    _client_start: dict[int, int] = field(default_factory=dict)
    _client_last: dict[int, int] = field(default_factory=dict)

    def sample(self) -> dict[str, int]:
        each = [proc_status(pid) for pid in (self.pid, *self.also)]
        s = {"rss_kb": sum(e["rss_kb"] for e in each), "cpu_ticks": sum(e["cpu_ticks"] for e in each)}
        self.samples.append((time.perf_counter(), s["rss_kb"], s["cpu_ticks"]))
        self.sample_clients()
        return s

    def sample_clients(self) -> None:
        for pid, ticks in descendants_ticks(self.client_root, (self.pid, *self.also)).items():
            self._client_last[pid] = max(ticks, self._client_last.get(pid, 0))

    def start_clients(self) -> None:
        """Count the clients' CPU from now on (what they used before is left out)."""
        self.sample_clients()
        self._client_start = dict(self._client_last)

    def client_cpu_s(self) -> float:
        """CPU seconds of the clients since :meth:`start_clients`, exited processes included."""
        self.sample_clients()
        return sum(t - self._client_start.get(pid, 0) for pid, t in self._client_last.items()) / CLK_TCK

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError, ValueError):
                self.sample()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=1.0)

    def peak_kb(self) -> int:
        return max((s[1] for s in self.samples), default=0)

    def at(self, t: float) -> int:
        """RSS (kB) of the first sample at or after ``t`` (perf_counter clock)."""
        return next((s[1] for s in self.samples if s[0] >= t), self.samples[-1][1] if self.samples else 0)
