# SPDX-License-Identifier: MPL-2.0
"""A profile's appraisal settings: its discount-rate schedule in dated editions, the optimism
bias per kind of project, and the key-decision threshold, each with its source."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.appraisal.discount import DiscountRates
from gevinst.core.appraisal.optimism import OptimismBias


@dataclass(frozen=True)
class AppraisalSettings:
    discount: DiscountRates
    optimism: tuple[OptimismBias, ...] = ()
    # a decision that spends or saves at least this, in whole units of the currency (500000
    # is £500.000, whatever scale a proposal is written in), is a key decision (an English
    # council's constitution says its own figure); None: the body has no such threshold
    key_decision_threshold: Decimal | None = None
    key_decision_source: str = ""
