# SPDX-License-Identifier: MPL-2.0
"""Optimism bias: a dated, sourced uplift per kind of project on the costs it is measured on.

HM Treasury's supplementary Green Book guidance "Optimism Bias" (2003, Table 2, from Mott
MacDonald's review of large public procurement, 2002) gives upper and lower bounds per kind
of project for capital expenditure and works duration (for outsourcing, for operating
expenditure). The profile holds the upper bounds it uses, each with the day it applies from
and its source; a proposal names its kind of project.

The convention:

- **The percentage applied** is the upper bound reduced by the share of it that the proposal
  shows to be mitigated: ``upper × (1 - mitigation)``, the guidance's own rule ("resultant
  optimism bias = (100 % - reduction) × upper bound").
- **It is added to** the costs it is measured on (``applies_to``): capital expenditure before
  it is funded (so borrowed capital's financing cost is derived from the uplifted capital),
  or the revenue costs for outsourcing; year by year, as an amount of its own, so the
  appraisal shows it.
- **Works duration** is recorded with its source but not applied: gevinst does not move a
  case's years.

Worked example: standard buildings, capital expenditure upper bound 24 %, mitigated by half:
12 % applied; capital 1.000 in year 0 and 500 in year 1 gets 120 and 60 added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gevinst.core.errors import InputError, MissingKeyError
from gevinst.core.numbers import dk
from gevinst.core.series import Series

ONE = Decimal(1)


class BiasBase(StrEnum):
    CAPITAL = "capital"  # capital expenditure (CAPEX)
    REVENUE = "revenue"  # operating expenditure (OPEX): the guidance's outsourcing


@dataclass(frozen=True)
class OptimismBias:
    """One kind of project's upper bound, valid from ``start`` (a newer one supersedes it)."""

    kind: str  # "standard_buildings"
    label: str  # "Standard buildings"
    upper: Decimal  # 0,24 is 24 %
    start: dt.date
    source: str
    applies_to: BiasBase = BiasBase.CAPITAL
    works_duration: Decimal | None = None  # recorded, not applied


def bias_for(biases: Iterable[OptimismBias], kind: str, day: dt.date) -> OptimismBias:
    """The upper bound for ``kind`` valid on ``day``."""
    same = sorted((b for b in biases if b.kind == kind), key=lambda b: b.start)
    if not same:
        raise MissingKeyError(f"profilen har ingen optimism bias for projekttypen {kind!r}")
    valid = [b for b in same if b.start <= day]
    if not valid:
        raise MissingKeyError(
            f"optimism bias for {kind!r} gælder først fra {same[0].start}, ikke pr. {day}"
        )
    return valid[-1]


def applied(bias: OptimismBias, mitigation: Decimal) -> Decimal:
    """The share applied: the upper bound less the mitigated part of it."""
    if not 0 <= mitigation <= 1:
        raise InputError(f"den afbødede andel skal være mellem 0 og 1, ikke {dk(mitigation)}")
    return bias.upper * (ONE - mitigation)


def uplift(costs: Series, share: Decimal) -> Series:
    """The amount added to ``costs`` each year at ``share`` (0,12 adds 12 %)."""
    return Series({y: a * share for y, a in costs.items()}, costs.price_level, costs.scale)
