# SPDX-License-Identifier: MPL-2.0
"""Borrowing: the annuity of ``core/appraisal/financing.py``, by hand.

1.000 at 5 % over 2 years: A = 1.000 × 0,05 / (1 - 1,05^-2) = 50 / 0,0929705 = 537,80;
537,80 / 1,05 + 537,80 / 1,1025 = 512,20 + 487,80 = 1.000. After one payment 1.000 × 1,05 -
537,80 = 512,20 is owed. At 0 %, 900 over 3 years is 300 a year.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.appraisal.discount import RateSchedule, present_value
from gevinst.core.appraisal.financing import Loan, financing_cost, outstanding
from gevinst.core.errors import InputError
from gevinst.core.series import Series

D = Decimal
CENT = D("0.01")


def test_the_annuity_worked_example() -> None:
    loan = Loan(D("0.05"), 2)
    assert loan.payment(D(1000)).quantize(CENT) == D("537.80")
    assert loan.balance(D(1000), 1).quantize(CENT) == D("512.20")
    assert loan.balance(D(1000), 2) == 0
    assert Loan(D(0), 3).payment(D(900)) == 300


def test_payments_start_the_year_after_the_capital_is_spent() -> None:
    # 900 in 2025 and 300 in 2026 over 3 years at 0 %: 300 in 2026-2028, 100 in 2027-2029
    cost = financing_cost(Series({2025: D(900), 2026: D(300)}), Loan(D(0), 3))
    assert dict(cost) == {2026: 300, 2027: 400, 2028: 400, 2029: 100}
    # still owed at the end of 2027: 900 - 2 × 300 + 300 - 100 = 500
    assert outstanding(Series({2025: D(900), 2026: D(300)}), Loan(D(0), 3), 2027) == 500


def test_a_loan_that_cannot_be_is_refused_in_danish() -> None:
    with pytest.raises(InputError, match="løbetid"):
        Loan(D("0.05"), 0)
    with pytest.raises(InputError, match="rente"):
        Loan(D(-1), 10)


principals = st.integers(min_value=1, max_value=10_000_000).map(D)
loan_rates = st.sampled_from([D(0), D("0.01"), D("0.035"), D("0.045"), D("0.1")])


@given(principals, loan_rates, st.integers(min_value=1, max_value=50))
def test_the_payments_discounted_at_the_loan_rate_are_the_principal(
    principal: Decimal, rate: Decimal, term: int
) -> None:
    cost = financing_cost(Series({2025: principal}), Loan(rate, term))
    flows = [cost[2025 + t] for t in range(term + 1)]
    pv = present_value(flows, RateSchedule.constant(rate))
    assert abs(pv - principal) <= principal * D("1e-20")


@given(principals, loan_rates, st.integers(min_value=1, max_value=50), st.integers(0, 60))
def test_what_is_owed_is_what_the_remaining_payments_are_worth(
    principal: Decimal, rate: Decimal, term: int, paid: int
) -> None:
    loan = Loan(rate, term)
    left = max(0, term - min(paid, term))
    remaining = [D(0)] + [loan.payment(principal)] * left
    worth = present_value(remaining, RateSchedule.constant(rate))
    assert abs(loan.balance(principal, paid) - worth) <= principal * D("1e-18")
