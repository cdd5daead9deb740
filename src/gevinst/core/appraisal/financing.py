# SPDX-License-Identifier: MPL-2.0
"""Capital funded by borrowing: the yearly financing cost an annuity loan gives.

The convention:

- **An annuity**: each year's capital is borrowed at the end of the year it is spent (year
  ``y``) and repaid in ``term`` equal payments at the ends of years ``y + 1`` to ``y + term``,
  each ``A = P × r / (1 - (1 + r) ** -term)`` (``P / term`` at 0 %), interest and repayment
  together: the financing cost that the revenue budget carries.
- **Count capital once**: where capital is borrowed, a payback and a present value count the
  financing cost (revenue) and not the capital outlay as well; where it comes from reserves,
  the outlay in the year it is spent and no financing cost (:mod:`~.options` applies this).
- **Payments after the last year of the case** are not counted by its present value; what is
  still owed then is :func:`outstanding`, shown beside it.

Worked example: 1.000 borrowed at 5 % over 2 years: A = 1.000 × 0,05 / (1 - 1,05^-2) =
50 / 0,0929705 = 537,80 a year; discounted at the loan's own rate, 537,80 / 1,05 + 537,80 /
1,1025 = 512,20 + 487,80 = 1.000, the principal; after one payment 1.000 × 1,05 - 537,80 =
512,20 is still owed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.errors import InputError
from gevinst.core.numbers import dk
from gevinst.core.series import ZERO, Series

ONE = Decimal(1)


@dataclass(frozen=True)
class Loan:
    """Borrowing on an annuity: ``rate`` a year (0,045 is 4,5 %) over ``term`` years."""

    rate: Decimal
    term: int
    source: str = ""  # where the rate comes from (PWLB, the council's treasury strategy)

    def __post_init__(self) -> None:
        if self.term < 1:
            raise InputError(f"et låns løbetid skal være mindst 1 år, ikke {self.term}")
        if self.rate <= -ONE:
            raise InputError(f"et låns rente skal være større end -1, ikke {dk(self.rate)}")

    def payment(self, principal: Decimal) -> Decimal:
        """The yearly annuity on ``principal``, unrounded."""
        if self.rate == 0:
            return principal / self.term
        return principal * self.rate / (ONE - (ONE + self.rate) ** -self.term)

    def balance(self, principal: Decimal, paid: int) -> Decimal:
        """What is still owed on ``principal`` after ``paid`` payments (0 to ``term``)."""
        k = max(0, min(paid, self.term))
        if k == self.term:
            return ZERO
        a = self.payment(principal)
        if self.rate == 0:
            return principal - a * k
        growth = (ONE + self.rate) ** k
        return principal * growth - a * (growth - ONE) / self.rate


def financing_cost(capital: Series, loan: Loan) -> Series:
    """The yearly financing cost of borrowing each year's ``capital`` (costs positive)."""
    out: dict[int, Decimal] = {}
    for year, principal in capital.items():
        if not principal:
            continue
        a = loan.payment(principal)
        for k in range(1, loan.term + 1):
            out[year + k] = out.get(year + k, ZERO) + a
    return Series(out, capital.price_level, capital.scale)


def outstanding(capital: Series, loan: Loan, year: int) -> Decimal:
    """What is still owed at the end of ``year`` on the capital borrowed up to it."""
    return sum((loan.balance(p, year - y) for y, p in capital.items() if y <= year and p), ZERO)
