# SPDX-License-Identifier: MPL-2.0
"""Optimism bias, by hand: standard buildings' capital expenditure upper bound 24 %
(HM Treasury, Supplementary Green Book Guidance: Optimism Bias, 2003, Table 2), mitigated
by half: 12 %; capital 1.000 and 500 get 120 and 60 added."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gevinst.core.appraisal.optimism import OptimismBias, applied, bias_for, uplift
from gevinst.core.errors import InputError, MissingKeyError
from gevinst.core.series import Series

D = Decimal
SOURCE = "HM Treasury, Supplementary Green Book Guidance: Optimism Bias (2003), Table 2"
STANDARD = OptimismBias(
    "standard_buildings",
    "Standard buildings",
    D("0.24"),
    dt.date(2003, 4, 1),
    SOURCE,
    works_duration=D("0.04"),
)


def test_the_worked_example() -> None:
    share = applied(STANDARD, D("0.5"))
    assert share == D("0.12")
    assert dict(uplift(Series({2025: D(1000), 2026: D(500)}), share)) == {2025: 120, 2026: 60}


def test_the_bias_valid_on_the_day() -> None:
    newer = OptimismBias(
        "standard_buildings", "Standard buildings", D("0.2"), dt.date(2030, 1, 1), "later"
    )
    assert bias_for([STANDARD, newer], "standard_buildings", dt.date(2025, 1, 1)) is STANDARD
    assert bias_for([STANDARD, newer], "standard_buildings", dt.date(2030, 1, 1)) is newer
    with pytest.raises(MissingKeyError, match="projekttypen 'roads'"):
        bias_for([STANDARD], "roads", dt.date(2025, 1, 1))
    with pytest.raises(MissingKeyError, match="gælder først fra 2003-04-01"):
        bias_for([STANDARD], "standard_buildings", dt.date(2002, 1, 1))


def test_a_mitigation_outside_0_to_1_is_refused() -> None:
    with pytest.raises(InputError, match="mellem 0 og 1"):
        applied(STANDARD, D("1.5"))
