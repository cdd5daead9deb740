# SPDX-License-Identifier: MPL-2.0
"""Net present value: the convention in ``gevinst.core.npv``'s docstring, proved by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.assumptions import Assumption, Assumptions, Period
from gevinst.core.distribute import round_whole
from gevinst.core.errors import InputError
from gevinst.core.model import LineKind
from gevinst.core.npv import DISCOUNT_RATE, net_present_value, npv
from gevinst.core.series import Series
from tests.core.builders import PROFILE, line, proposal, series

D = Decimal
EFF, IMPL = LineKind.EFFICIENCY, LineKind.IMPLEMENTATION


def test_year_0_is_not_discounted_and_year_1_once() -> None:
    # 100 in 2024 (year 0) and -110 in 2025 (year 1) at 10 %: 100 - 110 / 1,1 = 0
    assert npv(Series({2024: D(100), 2025: D(-110)}), D("0.1"), 2024, horizon=1) == 0


def test_the_last_permanent_change_is_carried_to_the_horizon() -> None:
    # the table holds 2024 only; years 1 and 2 carry -121:
    # -121 / 1,1 - 121 / 1,21 = -110 - 100 = -210
    assert npv(Series({2024: D(0)}), D("0.1"), 2024, horizon=2, carry=D(-121)) == D(-210)


def test_the_horizon_counts_years_0_to_horizon_inclusive() -> None:
    # at 0 %, 1 a year for years 0..35 is 36
    assert npv(Series({2024: D(1)}), D(0), 2024, carry=D(1)) == D(36)


def test_years_after_the_horizon_are_not_counted() -> None:
    assert npv(Series({2024: D(5), 2025: D(7), 2026: D(1000)}), D(0), 2024, horizon=1) == 12


def test_bc01_as_stated() -> None:
    # BC01's påvirkning 0, 1.703, 1.106, -1.474, -1.474, -1.474 (2024-2029) and varig
    # virkning -1.474 carried to 2059 (year 35), at 3,5 %, v = 1 / 1,035 = 0,966184:
    #   1.703 × v            =   1.645,41
    #   1.106 × v²           =   1.032,46
    #   -1.474 × Σ v^t, t = 3..35: the annuity (1 - 1,035^-35) / 0,035 = 20,00066 for
    #   t = 1..35, less v + v² = 1,89969, is 18,10097; × 1.474 = 26.680,83
    #   NPV = 1.645,41 + 1.032,46 - 26.680,83 = -24.002,95
    p = proposal(
        line("e", EFF, series(0, -297, -1144, -1474, -1474, -1474)),
        line("i", IMPL, series(0, 2000, 2250), area="Anlæg"),
    )
    assumptions = Assumptions(
        [Assumption(DISCOUNT_RATE, "rente", "andel", (Period(dt.date(2021, 1, 7), D("0.035")),))]
    )
    pv = net_present_value(p, replace(PROFILE, assumptions=assumptions))
    assert pv.value.quantize(D("0.01")) == D("-24002.95")
    assert round_whole(pv.value) == D(-24003)
    assert (pv.rate, pv.first_year, pv.last_year) == (D("0.035"), 2024, 2059)


def test_the_rate_is_the_one_valid_at_the_price_level() -> None:
    # Finansministeriet: 4 % from 31 May 2013, 3,5 % from 7 January 2021
    periods = (
        Period(dt.date(2013, 5, 31), D("0.04"), "4 pct. for år 0-35"),
        Period(dt.date(2021, 1, 7), D("0.035"), "3,5 pct. for år 0-35"),
    )
    profile = replace(
        PROFILE, assumptions=Assumptions([Assumption(DISCOUNT_RATE, "rente", "andel", periods)])
    )
    p = proposal(line("e", EFF, series(-100)))
    assert net_present_value(p, profile).rate == D("0.035")
    older = net_present_value(replace(p, price_level=2020), profile)
    assert (older.rate, older.source) == (D("0.04"), "rente: 4 pct. for år 0-35")
    given_rate = net_present_value(p, profile, rate=D("0.05"))
    assert (given_rate.rate, given_rate.source) == (D("0.05"), "angivet i beregningen")


def test_errors_are_danish() -> None:
    p = proposal(line("e", EFF, series(-100)))
    with pytest.raises(InputError, match="ingen antagelse 'diskonteringsrente'"):
        net_present_value(p, PROFILE)
    with pytest.raises(InputError, match="større end -1"):
        npv(Series({2024: D(1)}), D(-1), 2024)
    with pytest.raises(InputError, match="horisonten"):
        npv(Series({2024: D(1)}), D(0), 2024, horizon=-1)


def _table(xs: list[Decimal]) -> Series:
    return Series({2024 + i: x for i, x in enumerate(xs)})


amounts = st.integers(min_value=-10_000, max_value=10_000).map(D)
flows = st.lists(amounts, min_size=1, max_size=6).map(_table)
rates = st.sampled_from([D(0), D("0.02"), D("0.035"), D("0.04"), D("0.1")])


same_years = st.integers(min_value=1, max_value=6).flatmap(
    lambda n: st.tuples(
        st.lists(amounts, min_size=n, max_size=n), st.lists(amounts, min_size=n, max_size=n)
    )
)


@given(same_years, amounts, amounts, rates)
def test_npv_is_linear(
    pair: tuple[list[Decimal], list[Decimal]], ca: Decimal, cb: Decimal, r: Decimal
) -> None:
    """The present value of a sum is the sum of the present values (to 18 decimals)."""
    a, b = _table(pair[0]), _table(pair[1])
    whole = npv(a + b, r, 2024, carry=ca + cb)
    parts = npv(a, r, 2024, carry=ca) + npv(b, r, 2024, carry=cb)
    assert abs(whole - parts) < D("1e-18")


@given(flows, amounts)
def test_at_zero_rate_npv_is_the_sum_of_the_flows(f: Series, carry: Decimal) -> None:
    beyond = 35 + 1 - len(f)
    assert npv(f, D(0), 2024, carry=carry) == f.total() + carry * beyond


@given(st.lists(st.integers(min_value=1, max_value=10_000).map(D), min_size=1, max_size=6))
def test_a_higher_rate_weighs_later_savings_less(savings: list[Decimal]) -> None:
    f = _table([-x for x in savings])
    assert npv(f, D("0.035"), 2024, carry=-savings[-1]) > npv(
        f, D("0.02"), 2024, carry=-savings[-1]
    )
