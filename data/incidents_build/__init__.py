"""The pieces of ``data/build_incidents.py``: the columns and row templates (``common``), the
documented rows (``documented_attacks``, ``documented_2014_2015``, ``documented_2016_2017``), the
reconstructed rows (``reconstructed``) and the checks run before anything is written (``checks``).
Standard library only, no randomness: the build is deterministic."""
