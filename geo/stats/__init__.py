"""Spatial statistics on the incident counts (DESIGN.md §9), from esda and libpysal, never
hand-written: queen contiguity (:mod:`.weights`), Getis-Ord Gi* (:mod:`.gi`) and local Moran's I
(:mod:`.moran`) with conditional permutation, the p-value they are judged by (:mod:`.pvalue`), a
false-discovery-rate correction (:mod:`.fdr`), the power guard (:mod:`.power`), what comes out
(:mod:`.result`, :mod:`.hotspots`), empirical Bayes rates (:mod:`.rates`) and two measures side by
side (:mod:`.bivariate`); results kept once for every language (:mod:`.cache`).

Every result carries how it was computed (method, weights, permutations, seed, correction, alpha)
and what could not be counted, so that a map or a file can say it."""
