# SPDX-License-Identifier: MPL-2.0
"""Discount-rate schedules: the convention in ``core/appraisal/discount.py``, by hand.

Green Book, year 31: 1,035^30 = 2,806794 (30 years at 3,5 %), × 1,03 (year 31 at 3,0 %) =
2,890998, factor 0,345901. Finansministeriet, year 36: 1,035^35 = 3,333590, × 1,025 =
3,416930, factor 0,292660.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.appraisal.discount import (
    DiscountRates,
    RateBand,
    RateSchedule,
    ScheduleEdition,
    discounted,
    present_value,
)
from gevinst.core.errors import InputError, MissingKeyError
from gevinst.core.npv import npv
from gevinst.core.series import Series

D = Decimal
GREEN_BOOK = RateSchedule((RateBand(0, D("0.035")), RateBand(31, D("0.03"))))
FINANSMINISTERIET = RateSchedule(
    (RateBand(0, D("0.035")), RateBand(36, D("0.025")), RateBand(71, D("0.015")))
)


def test_a_flat_rate_discounts_year_t_by_the_power_t() -> None:
    ten = RateSchedule.constant(D("0.1"))
    assert ten.factor(0) == 1
    assert ten.factor(2) == 1 / D("1.21")
    # 100 in year 0 and -110 in year 1 at 10 %: 100 - 110 / 1,1 = 0
    assert present_value([D(100), D(-110)], ten) == 0


def test_the_green_book_steps_down_after_year_30() -> None:
    assert GREEN_BOOK.rate(30) == D("0.035")
    assert GREEN_BOOK.rate(31) == D("0.03")
    assert GREEN_BOOK.growth(30) == D("1.035") ** 30
    assert GREEN_BOOK.factor(31).quantize(D("0.000001")) == D("0.345901")


def test_finansministeriet_steps_down_after_year_35() -> None:
    assert FINANSMINISTERIET.growth(35) == D("1.035") ** 35
    assert FINANSMINISTERIET.factor(36).quantize(D("0.000001")) == D("0.292660")
    # year 71 is the first at 1,5 %: 35 years at 3,5 %, 35 at 2,5 %, one at 1,5 %
    expected = D("1.035") ** 35 * D("1.025") ** 35 * D("1.015")
    assert FINANSMINISTERIET.growth(71) == expected


def test_described_in_danish() -> None:
    assert GREEN_BOOK.describe() == "3,5 % år 0-30, 3 % fra år 31"


def test_a_series_is_discounted_over_its_years_only() -> None:
    # 2024 is year 0: 121 in 2026 at 10 % is 100; 2027 lies outside
    s = Series({2024: D(0), 2026: D(121), 2027: D(1000)})
    assert discounted(s, RateSchedule.constant(D("0.1")), 2024, 2026) == 100


def test_editions_are_read_as_of_a_day() -> None:
    old = ScheduleEdition(dt.date(2013, 5, 31), RateSchedule.constant(D("0.04")))
    new = ScheduleEdition(dt.date(2021, 1, 7), FINANSMINISTERIET)
    rates = DiscountRates("diskonteringsrente", "Finansministeriet", (old, new))
    assert rates.as_of(dt.date(2025, 1, 1)) is new
    assert rates.as_of(dt.date(2020, 1, 1)) is old
    with pytest.raises(MissingKeyError, match=r"ingen udgave pr\. 2010-01-01"):
        rates.as_of(dt.date(2010, 1, 1))


def test_a_schedule_that_cannot_be_is_refused_in_danish() -> None:
    with pytest.raises(InputError, match="begynde i år 0"):
        RateSchedule((RateBand(1, D("0.03")),))
    with pytest.raises(InputError, match="rækkefølge"):
        RateSchedule((RateBand(0, D("0.03")), RateBand(0, D("0.02"))))
    with pytest.raises(InputError, match="større end -1"):
        RateSchedule.constant(D(-1))
    with pytest.raises(InputError, match="mindst én"):
        RateSchedule(())


amounts = st.integers(min_value=-10_000, max_value=10_000).map(D)
rates = st.sampled_from([D(0), D("0.02"), D("0.025"), D("0.035"), D("0.1")])


@given(st.lists(amounts, min_size=1, max_size=12), rates, st.integers(0, 40))
def test_a_constant_schedule_is_core_npv_and_the_plain_formula(
    flows: list[Decimal], rate: Decimal, horizon: int
) -> None:
    """One rate as a schedule gives core/npv.py's result, and the textbook sum of
    flow / (1 + r)^t, digit for digit."""
    table = Series({2024 + t: x for t, x in enumerate(flows)})
    schedule = RateSchedule.constant(rate)
    counted = [table[2024 + t] for t in range(horizon + 1)]
    plain = sum((x / (1 + rate) ** t for t, x in enumerate(counted)), D(0))
    assert present_value(counted, schedule) == plain
    assert npv(table, rate, 2024, horizon=horizon, last=2024 + len(flows) - 1) == plain


@given(
    st.lists(amounts, min_size=1, max_size=40),
    st.lists(amounts, min_size=40, max_size=40),
    amounts,
)
def test_present_value_is_linear_in_the_flows(
    a: list[Decimal], b: list[Decimal], k: Decimal
) -> None:
    b = b[: len(a)]
    whole = present_value([x + k * y for x, y in zip(a, b, strict=True)], GREEN_BOOK)
    parts = present_value(a, GREEN_BOOK) + k * present_value(b, GREEN_BOOK)
    assert abs(whole - parts) < D("1e-16")


@given(st.integers(0, 120))
def test_factors_fall_and_a_stepped_schedule_lies_between_its_rates(t: int) -> None:
    high, low = RateSchedule.constant(D("0.035")), RateSchedule.constant(D("0.03"))
    assert low.factor(t) >= GREEN_BOOK.factor(t) >= high.factor(t)
    assert GREEN_BOOK.factor(t + 1) < GREEN_BOOK.factor(t)
