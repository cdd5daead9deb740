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
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


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
