"""Benchmarks of the atlas: ``make bench`` (``python -m bench``) runs every ``bench/bench_*.py``.

A bench module has ``run() -> dict``: figure name → value. A value is a number, or a dict with
``value`` and optionally ``unit``, ``target``, ``ok`` (target met) and ``note``. Each module runs
in its own Python process (so "cold" figures are cold) with a hard time limit.
"""
