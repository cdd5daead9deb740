# SPDX-License-Identifier: MPL-2.0
"""A risk pool from three-point estimates: each risk's expected cost, by the year it falls in.

**PERT's mean**, ``(low + 4 × likely + high) / 6``, not the triangular distribution's
``(low + likely + high) / 3``. Why: it is the weighting gevinst already uses for a three-point
estimate of an input (``gevinst whatif --range``, :class:`gevinst.core.whatif.ThreePoint`, as
the Danish state's business case model weighs one), so one case never shows two expected
values for the same three figures; and it weighs the most likely value four times, so a long
tail (a high estimate far above the rest, common for cost risks) moves the pool less than the
triangular mean, whose mean counts the tail as much as the most likely value. Neither the
Green Book nor Finansministeriet prescribes one; the choice is stated wherever the pool is.

Worked examples: low 10, likely 20, high 60: PERT (10 + 80 + 60) / 6 = 25 (the triangular
mean would be 30). Two risks, 25 in 2026 and 0, 6, 12 (mean 6) in 2027, make a pool of 25 in
2026 and 6 in 2027, 31 in all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.errors import InputError
from gevinst.core.numbers import dk
from gevinst.core.series import ZERO, Series


def pert_mean(low: Decimal, likely: Decimal, high: Decimal) -> Decimal:
    """PERT's expected value of a three-point estimate: ``(low + 4 × likely + high) / 6``."""
    return (low + 4 * likely + high) / 6


@dataclass(frozen=True)
class RiskEstimate:
    """A risk's cost if it occurs, estimated low, most likely and high, in the year it falls."""

    id: str
    text: str
    year: int
    low: Decimal
    likely: Decimal
    high: Decimal

    def __post_init__(self) -> None:
        if not self.low <= self.likely <= self.high:
            raise InputError(
                f"risikoen {self.id!r}: værdierne skal stige: lav {dk(self.low)} ≤ "
                f"sandsynlig {dk(self.likely)} ≤ høj {dk(self.high)}"
            )

    @property
    def expected(self) -> Decimal:
        return pert_mean(self.low, self.likely, self.high)


def risk_pool(
    risks: Iterable[RiskEstimate], price_level: int | None = None, scale: int = 1000
) -> Series:
    """The expected cost of the risks, year by year (costs positive)."""
    out: dict[int, Decimal] = {}
    for r in risks:
        out[r.year] = out.get(r.year, ZERO) + r.expected
    return Series(out, price_level, scale)
