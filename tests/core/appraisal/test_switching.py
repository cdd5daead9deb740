# SPDX-License-Identifier: MPL-2.0
"""Switching values, by hand: NPV against the baseline -300; costs PV 1.200 may rise by
300 / 1.200 = 25 % (to 1.500), cashable benefits -1.000 fall by 30 % (to -700)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.appraisal.switching import SwitchingValue, bisect, switching_value

D = Decimal


def test_the_worked_example() -> None:
    assert switching_value(D(-300), D(1200)) == D("0.25")
    assert switching_value(D(-300), D(-1000)) == D("-0.3")
    assert SwitchingValue("costs", "omkostninger", D(1200), D("0.25")).pv_at_switch == 1500
    assert SwitchingValue("c", "kontante", D(-1000), D("-0.3")).pv_at_switch == -700
    assert switching_value(D(-300), D(0)) is None


values = st.integers(min_value=-(10**9), max_value=10**9).map(D)


@given(values, values.filter(bool))
def test_a_switching_value_applied_makes_the_difference_zero(diff: Decimal, pv: Decimal) -> None:
    x = switching_value(diff, pv)
    assert x is not None
    assert abs(diff + x * pv) < D("1e-15") * max(abs(diff), D(1))


def test_bisect_finds_where_the_sign_changes() -> None:
    # x² - 2 is zero at √2 = 1,41421356...
    root = bisect(lambda x: x * x - 2, D(0), D(2))
    assert root is not None and abs(root - D(2).sqrt()) < D("1e-8")
    assert bisect(lambda x: x + 1, D(0), D(1)) is None  # no change of sign
    assert bisect(lambda x: x, D(0), D(1)) == 0
