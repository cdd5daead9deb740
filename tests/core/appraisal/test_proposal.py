# SPDX-License-Identifier: MPL-2.0
"""A proposal appraised with its profile's settings, as of 1 January of its price level: a
proposal without an appraisal, or a profile without settings, is told so in Danish."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core.appraisal.case import Appraisal, AppraisalOption, OptionRole
from gevinst.core.appraisal.discount import DiscountRates, RateSchedule, ScheduleEdition
from gevinst.core.appraisal.proposal import appraise_proposal
from gevinst.core.appraisal.settings import AppraisalSettings
from gevinst.core.errors import InputError
from gevinst.core.model import LineKind
from tests.core.builders import PROFILE, line, proposal, series

D = Decimal
OPTIONS = (
    AppraisalOption("0", "Do nothing", OptionRole.DO_NOTHING),
    AppraisalOption("1", "Preferred", OptionRole.PREFERRED),
)
P = proposal(line("e", LineKind.EFFICIENCY, series(-100)))
RATES = DiscountRates(
    "rente",
    "test",
    (
        ScheduleEdition(dt.date(2013, 5, 31), RateSchedule.constant(D("0.04"))),
        ScheduleEdition(dt.date(2021, 1, 7), RateSchedule.constant(D("0.035"))),
    ),
)


def test_the_edition_valid_at_the_price_level_and_the_proposals_years() -> None:
    profile = replace(PROFILE, appraisal=AppraisalSettings(RATES))
    done = appraise_proposal(replace(P, appraisal=Appraisal(OPTIONS)), profile)
    assert done.schedule.schedule.rate(0) == D("0.035") and done.years == P.years
    older = appraise_proposal(replace(P, price_level=2020, appraisal=Appraisal(OPTIONS)), profile)
    assert older.schedule.schedule.rate(0) == D("0.04")


def test_what_is_missing_is_said() -> None:
    with pytest.raises(InputError, match=r"ingen vurdering af muligheder \(appraisal:\)"):
        appraise_proposal(P, PROFILE)
    with pytest.raises(InputError, match="profilen 'test' har ingen indstillinger"):
        appraise_proposal(replace(P, appraisal=Appraisal(OPTIONS)), PROFILE)
