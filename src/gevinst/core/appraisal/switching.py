# SPDX-License-Identifier: MPL-2.0
"""Switching values: how far a group of figures may move before the preferred option stops
paying back against the do-nothing baseline.

"Paying back" is a net present value against the baseline below zero (gevinst's sign:
savings negative, so a negative value is a net gain). A group (all costs, the cashable
benefits, the non-cashable benefits, one row) has a present value ``pv`` in the preferred
option; scaling the group by ``1 + x`` changes the difference by ``x × pv``, as present values
are linear in the flows. The switching value is the ``x`` that makes the difference zero:

    x = -difference / pv

A cost group's ``x`` is positive (how much more it may cost), a benefit group's negative (how
much of it may fail to come); none where the group is empty (``pv`` 0), and a negative ``x``
below -1 says the option needs the group to change sign.

Worked example: the preferred option's NPV against the baseline is -300 (a net gain of 300);
its costs have a present value of 1.200 and its cashable benefits -1.000. Costs may rise by
300 / 1.200 = 25 % and cashable benefits fall by 300 / 1.000 = 30 % before it stops paying
back: 1.200 × 1,25 = 1.500 and -1.000 × 0,70 = -700 each turn -300 into 0.

**A rate** (the discount rate, a loan's rate) does not act linearly, so its switching value
is found by halving an interval in which the difference changes sign (:func:`bisect`): the
rate, one for every year, at which the difference is zero, or none where it does not change
sign between 0 % and 100 %. Worked example: 1.000 spent in year 0 for a saving of -1.100 in
year 1 switches at a discount rate of 10 % (-1.100 / 1,1 = -1.000); the same 1.000 borrowed
over one year at a rate r costs 1.000 × (1 + r) in year 1 and switches at r = 10 %.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)
TOLERANCE = Decimal("1e-8")  # a rate to a millionth of a percentage point


def switching_value(difference: Decimal, pv: Decimal) -> Decimal | None:
    """The share by which a group of present value ``pv`` must change for the ``difference``
    against the baseline to become zero; None where the group is empty."""
    if pv == 0:
        return None
    return -difference / pv


@dataclass(frozen=True)
class SwitchingValue:
    name: str  # "costs", "cashable", "non_cashable" or a row id
    label: str  # Danish
    pv: Decimal  # the group's present value in the preferred option
    change: Decimal | None  # the switching value as a share (0,25 is +25 %)

    @property
    def pv_at_switch(self) -> Decimal | None:
        """The group's present value where the option stops paying back."""
        return None if self.change is None else self.pv * (1 + self.change)


def bisect(
    f: Callable[[Decimal], Decimal], low: Decimal, high: Decimal, tolerance: Decimal = TOLERANCE
) -> Decimal | None:
    """The ``x`` between ``low`` and ``high`` at which ``f`` is zero, to ``tolerance``, by
    halving the interval in which it changes sign; None where ``f(low)`` and ``f(high)`` have
    the same sign (no switch in the interval, or an even number of them)."""
    f_low, f_high = f(low), f(high)
    if f_low == 0:
        return low
    if f_high == 0:
        return high
    if (f_low > 0) == (f_high > 0):
        return None
    while high - low > tolerance:
        mid = (low + high) / 2
        f_mid = f(mid)
        if f_mid == 0:
            return mid
        if (f_mid > 0) == (f_low > 0):
            low, f_low = mid, f_mid
        else:
            high = mid
    return (low + high) / 2


@dataclass(frozen=True)
class SwitchingRate:
    """The rate at which the preferred option stops paying back, beside the rate used."""

    name: str  # "discount" or "loan"
    label: str  # Danish
    used: Decimal  # the rate of year 1 in the appraisal
    at_switch: Decimal | None  # None: no switch between 0 % and 100 %
