"""The false-discovery-rate correction against hand-checked cases, and esda's cut-off."""

from __future__ import annotations

import numpy as np
import pytest

from geo.stats import fdr, pvalue


def test_q_values_by_hand():
    # sorted: .01 (1) .02 (2) .03 (3) .5 (4); BH q = min over j >= i of p_(j) * 4 / j
    correction = fdr.correct(np.array([0.02, 0.5, 0.01, 0.03]), 0.05)
    assert correction.q == pytest.approx([0.04, 0.5, 0.04, 0.04])
    assert correction.significant.tolist() == [True, False, True, True]
    assert correction.threshold == pytest.approx(0.0375)  # esda.fdr: 3 × 0.05 / 4


def test_nothing_passes_and_untested_units():
    correction = fdr.correct(np.array([0.2, np.nan, 0.04, 0.9]), 0.05)
    assert correction.tests == 3
    assert np.isnan(correction.q[1]) and not correction.significant.any()
    assert correction.q[2] == pytest.approx(0.12)  # 0.04 × 3 / 1
    assert correction.threshold == pytest.approx(0.05 / 3)  # esda: alpha / n when nothing passes


def test_two_sided_p_counts_ties_in_both_tails():
    reference = np.zeros((2, 999))
    reference[1, :10] = 1.0  # ten permutations above an observed 0.5
    p, upper = pvalue.two_sided(np.array([0.0, 0.5]), reference)
    assert p[0] == 1.0  # every permutation ties with the observed 0: nothing extreme
    assert p[1] == pytest.approx(2 * 11 / 1000) and upper[1]


def test_two_sided_p_is_blind_to_last_digit_noise():
    observed = np.array([0.1 + 0.2])  # 0.30000000000000004
    p, _ = pvalue.two_sided(observed, np.full((1, 99), 0.3))
    assert p[0] == 1.0
