# SPDX-License-Identifier: MPL-2.0
"""Capital counted once in Tabel 1's payback and present value (``calc.counted_implementation``).

A proposal over 2024-2029: capital of 1.000 in 2025 (an implementation line on Anlæg),
borrowed; its financing cost, 140 a year from 2026, is a permanent (revenue) line; savings
-300 a year from 2026. Counting the capital as well, the flows are 1.000 in 2025 and -160 a
year after (the varig virkning -160 carried on), cumulated 1.000, 840, 680, ..., 40, -120:
8 years (2032). Counting it once, by its financing cost, the flows are -160 a year from 2026:
1 year (2026). At 0 % over years 0-5 the present value is 1.000 - 4 × 160 = 360 counted
twice, -640 counted once.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core import calc
from gevinst.core.appraisal.case import Appraisal, AppraisalOption, OptionRole
from gevinst.core.appraisal.financing import Loan
from gevinst.core.errors import InputError
from gevinst.core.model import LineKind
from gevinst.core.npv import net_present_value
from tests.core.builders import PROFILE, line, proposal, series

D = Decimal
OPTIONS = (
    AppraisalOption("0", "Do nothing", OptionRole.DO_NOTHING),
    AppraisalOption("1", "Preferred", OptionRole.PREFERRED),
)
P = proposal(
    line("cap", LineKind.IMPLEMENTATION, series(0, 1000), area="Anlæg"),
    line("fin", LineKind.OPERATING_COST, series(0, 0, 140, 140, 140, 140)),
    line("sav", LineKind.EFFICIENCY, series(0, 0, -300, -300, -300, -300)),
)
BORROWED = replace(P, appraisal=Appraisal(OPTIONS, Loan(D("0.045"), 10), borrowed_lines=("cap",)))


def test_the_payback_counts_borrowed_capital_once() -> None:
    assert calc.payback(P, "total") == calc.Payback(8, 2032)
    assert calc.payback(BORROWED, "total") == calc.Payback(1, 2026)
    assert calc.implementation(BORROWED)[2025] == 1000  # Tabel 1 still prints it
    assert calc.counted_implementation(BORROWED).is_zero()


def test_the_present_value_counts_borrowed_capital_once() -> None:
    assert net_present_value(P, PROFILE, rate=D(0), horizon=5).value == 360
    assert net_present_value(BORROWED, PROFILE, rate=D(0), horizon=5).value == -640


def test_only_borrowed_capital_is_left_out() -> None:
    with pytest.raises(InputError, match="method: borrowing"):
        Appraisal(OPTIONS, None, borrowed_lines=("cap",))
