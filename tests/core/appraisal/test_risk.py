# SPDX-License-Identifier: MPL-2.0
"""The risk pool by PERT, by hand: 10, 20, 60 give (10 + 4 × 20 + 60) / 6 = 150 / 6 = 25 (the
triangular mean would be 30); with 0, 6, 12 in 2027 (mean 6) the pool is 25 in 2026 and 6
in 2027."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.appraisal.risk import RiskEstimate, pert_mean, risk_pool
from gevinst.core.errors import InputError

D = Decimal


def test_the_worked_example() -> None:
    a = RiskEstimate("r1", "forsinket leverance", 2026, D(10), D(20), D(60))
    b = RiskEstimate("r2", "ekstra licenser", 2027, D(0), D(6), D(12))
    assert a.expected == 25
    assert dict(risk_pool([a, b])) == {2026: 25, 2027: 6}


def test_values_must_rise() -> None:
    with pytest.raises(InputError, match=r"r1.*værdierne skal stige"):
        RiskEstimate("r1", "x", 2026, D(30), D(20), D(60))


amounts = st.integers(min_value=0, max_value=1_000_000).map(D)


@given(amounts, amounts, amounts)
def test_the_mean_lies_between_low_and_high(a: Decimal, b: Decimal, c: Decimal) -> None:
    low, likely, high = sorted((a, b, c))
    assert low <= pert_mean(low, likely, high) <= high
