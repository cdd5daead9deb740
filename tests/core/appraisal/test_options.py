# SPDX-License-Identifier: MPL-2.0
"""Options compared against the do-nothing baseline: ``core/appraisal/options.py``, by hand.

The case at 10 % over 2025-2027 (v = 1 / 1,1; year 0 undiscounted):

- do nothing: the old system's licences, 100 a year: PV 100 + 90,91 + 82,64 = 273,55.
- do minimum: costs 60 and cashable savings -50 a year: PV (60 - 50) × (1 + v + v²) = 27,36;
  against the baseline 27,36 - 273,55 = -246,20.
- preferred: capital 1.000 in 2025 from reserves, standard buildings' 24 % optimism bias
  mitigated by half, so 12 %: 120 added, 1.120 counted in 2025; licences 50 in 2026-27; a risk
  of 0, 60, 120 in 2026 (PERT mean 60); the licence budget already paid, -30 a year in
  2026-27, offset; cashable savings -800 in 2026-27; non-cashable -100 in 2027.
  PV costs 1.120 + 110 v + 50 v² = 1.261,32; offsets -30 v - 30 v² = -52,07; cashable
  -800 v - 800 v² = -1.388,43; non-cashable -100 v² = -82,64; NPV -261,82; against the
  baseline -261,82 - 273,55 = -535,37. BCR (1.388,43 + 82,64) / (1.261,32 - 52,07 -
  273,55) = 1.471,07 / 935,70 = 1,572. Payback against the baseline: 1.120 - 100 = 1.020,
  then 50 + 60 - 30 - 800 - 100 = -820 and 50 - 30 - 800 - 100 - 100 = -980, cumulated
  1.020, 200, -780: 3 years (2027).
- the same capital borrowed at 10 % over 2 years: A = 1.120 × 0,1 / (1 - 1,1^-2) = 645,33 in
  2026 and 2027, worth 1.120 at 10 %: the same NPV, as it counts the capital once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.core.appraisal.case import (
    Appraisal,
    AppraisalOption,
    AppraisalRow,
    OptionRole,
    RowKind,
)
from gevinst.core.appraisal.discount import DiscountRates, RateSchedule, ScheduleEdition, discounted
from gevinst.core.appraisal.financing import Loan
from gevinst.core.appraisal.optimism import OptimismBias
from gevinst.core.appraisal.options import appraise
from gevinst.core.appraisal.risk import RiskEstimate
from gevinst.core.appraisal.settings import AppraisalSettings
from gevinst.core.calc import Payback
from gevinst.core.errors import InputError
from gevinst.core.series import Series

D = Decimal
CENT = D("0.01")
DAY = dt.date(2025, 1, 1)
YEARS = (2025, 2026, 2027)


def s(**amounts: int) -> Series:
    return Series({int(y[1:]): D(a) for y, a in amounts.items()})


def rates(rate: str) -> DiscountRates:
    edition = ScheduleEdition(dt.date(2020, 1, 1), RateSchedule.constant(D(rate)))
    return DiscountRates("diskonteringsrente", "test", (edition,))


BIAS = OptimismBias(
    "standard_buildings", "Standard buildings", D("0.24"), dt.date(2003, 4, 1), "Green Book"
)
SETTINGS = AppraisalSettings(rates("0.1"), (BIAS,), D(500_000), "Constitution, part 2")

DO_NOTHING = AppraisalOption(
    "a",
    "Do nothing",
    OptionRole.DO_NOTHING,
    (AppraisalRow("old", "old licences", RowKind.COST, s(y2025=100, y2026=100, y2027=100)),),
)
DO_MINIMUM = AppraisalOption(
    "b",
    "Do minimum",
    OptionRole.DO_MINIMUM,
    (
        AppraisalRow("c", "costs", RowKind.COST, s(y2025=60, y2026=60, y2027=60)),
        AppraisalRow("sv", "savings", RowKind.BENEFIT, s(y2025=-50, y2026=-50, y2027=-50), True),
    ),
)
PREFERRED = AppraisalOption(
    "c",
    "New system",
    OptionRole.PREFERRED,
    (
        AppraisalRow("lic", "licences", RowKind.COST, s(y2026=50, y2027=50)),
        AppraisalRow("budget", "licence budget", RowKind.OFFSET, s(y2026=-30, y2027=-30)),
        AppraisalRow("cash", "staff time", RowKind.BENEFIT, s(y2026=-800, y2027=-800), True),
        AppraisalRow("res", "residents' time", RowKind.BENEFIT, s(y2027=-100), False),
    ),
    capital=s(y2025=1000),
    risks=(RiskEstimate("r", "delay", 2026, D(0), D(60), D(120)),),
)
CASE = Appraisal(
    (DO_NOTHING, DO_MINIMUM, PREFERRED), project_kind="standard_buildings", mitigation=D("0.5")
)


def q(x: Decimal | None) -> Decimal | None:
    return None if x is None else x.quantize(CENT)


def test_the_worked_example() -> None:
    done = appraise(CASE, SETTINGS, DAY, YEARS)
    base, minimum, pref = done.results
    assert q(base.figures.npv) == D("273.55")
    assert (q(minimum.figures.npv), q(minimum.npv_vs_baseline)) == (D("27.36"), D("-246.20"))
    f = pref.figures
    assert dict(f.bias) == {2025: 120}
    assert (q(f.pv_costs), q(f.pv_offsets)) == (D("1261.32"), D("-52.07"))
    assert (q(f.pv_cashable), q(f.pv_non_cashable)) == (D("-1388.43"), D("-82.64"))
    assert (q(f.npv), q(pref.npv_vs_baseline)) == (D("-261.82"), D("-535.37"))
    assert pref.bcr is not None and pref.bcr.quantize(D("0.001")) == D("1.572")
    assert pref.payback == Payback(3, 2027)
    assert (done.bias_share, done.bias) == (D("0.12"), BIAS)
    assert base.bcr is None and base.payback is None
    assert done.key_decision is True  # 1.100 (1.000 kr.) spent is 1,1 million, over 500.000


def test_borrowing_at_the_discount_rate_counts_the_capital_once() -> None:
    borrowed = appraise(replace(CASE, loan=Loan(D("0.1"), 2)), SETTINGS, DAY, YEARS)
    f = borrowed.preferred.figures
    assert q(f.financing[2026]) == q(f.financing[2027]) == D("645.33")
    assert f.capital_counted == f.financing  # not the outlay as well
    assert q(f.npv) == D("-261.82")
    assert f.outstanding == 0
    # a longer loan: the payments after 2027 are not counted, and what is owed is shown
    longer = appraise(replace(CASE, loan=Loan(D("0.1"), 4)), SETTINGS, DAY, YEARS).preferred
    assert longer.figures.outstanding > 0
    assert longer.figures.pv_costs < f.pv_costs


def test_the_docstring_example_at_0_percent() -> None:
    zero = AppraisalSettings(rates("0"))
    nothing = AppraisalOption("0", "Do nothing", OptionRole.DO_NOTHING)
    new = AppraisalOption(
        "1",
        "Borrow",
        OptionRole.PREFERRED,
        (
            AppraisalRow("c", "cash", RowKind.BENEFIT, s(y2025=-400, y2026=-400), True),
            AppraisalRow("n", "time", RowKind.BENEFIT, s(y2025=-200, y2026=-200), False),
        ),
        capital=s(y2024=1000),
    )
    case = Appraisal((nothing, new), loan=Loan(D(0), 2))
    pref = appraise(case, zero, DAY, (2024, 2025, 2026)).preferred
    assert (pref.figures.pv_costs, pref.figures.npv, pref.figures.npv_cashable) == (
        D(1000),
        D(-200),
        D(200),
    )
    assert (pref.bcr, pref.payback, pref.payback_cashable) == (D("1.2"), Payback(1, 2025), None)
    reserves = appraise(replace(case, loan=None), zero, DAY, (2024, 2025, 2026)).preferred
    assert (reserves.figures.npv, reserves.payback) == (D(-200), Payback(3, 2026))
    assert appraise(case, zero, DAY, (2024, 2025, 2026)).key_decision is None


def test_the_rates_at_which_the_preferred_option_switches() -> None:
    """1.000 in 2025 for a cashable saving of -1.100 in 2026: at a discount rate of 10 %
    the saving is worth -1.100 / 1,1 = -1.000 and the NPV is 0. Borrowed over one year at a
    rate r, the capital costs 1.000 × (1 + r) in 2026, and the NPV is 0 at r = 10 % whatever
    the discount rate."""
    nothing = AppraisalOption("0", "Do nothing", OptionRole.DO_NOTHING)
    new = AppraisalOption(
        "1",
        "Invest",
        OptionRole.PREFERRED,
        (AppraisalRow("s", "saving", RowKind.BENEFIT, s(y2026=-1100), True),),
        capital=s(y2025=1000),
    )
    reserves = appraise(Appraisal((nothing, new)), SETTINGS, DAY, (2025, 2026))
    (discount,) = reserves.switching_rates
    assert discount.used == D("0.1") and discount.at_switch is not None
    assert abs(discount.at_switch - D("0.1")) < D("1e-8")
    borrowed = appraise(
        Appraisal((nothing, new), loan=Loan(D("0.05"), 1)), SETTINGS, DAY, (2025, 2026)
    )
    _, loan = borrowed.switching_rates
    assert loan.used == D("0.05") and loan.at_switch is not None
    assert abs(loan.at_switch - D("0.1")) < D("1e-8")


def test_a_case_needs_one_baseline_and_one_preferred_option() -> None:
    with pytest.raises(InputError, match="role: do_nothing, ikke 0"):
        Appraisal((PREFERRED,))
    with pytest.raises(InputError, match="role: preferred, ikke 2"):
        Appraisal((DO_NOTHING, PREFERRED, replace(PREFERRED, id="d")))
    bad = AppraisalRow("x", "x", RowKind.BENEFIT, s(y2025=-1))
    with pytest.raises(InputError, match="cashable: true eller false"):
        Appraisal((DO_NOTHING, replace(PREFERRED, rows=(bad,))))


amounts = st.integers(min_value=-5_000, max_value=5_000).map(D)
years3 = st.tuples(amounts, amounts, amounts).map(
    lambda t: Series({2025: t[0], 2026: t[1], 2027: t[2]})
)
row = st.builds(
    lambda kind, amounts, cashable: (kind, amounts, cashable),
    st.sampled_from(list(RowKind)),
    years3,
    st.booleans(),
)


def _option(specs: list[tuple[RowKind, Series, bool]], capital: Series) -> AppraisalOption:
    rows = tuple(
        AppraisalRow(f"r{i}", f"row {i}", kind, a, cash if kind is RowKind.BENEFIT else None)
        for i, (kind, a, cash) in enumerate(specs)
    )
    return AppraisalOption("p", "Preferred", OptionRole.PREFERRED, rows, capital)


@settings(max_examples=60)
@given(
    st.lists(row, min_size=1, max_size=6),
    years3,
    st.sampled_from([D(0), D("0.035"), D("0.1")]),
    st.sampled_from([None, Loan(D("0.04"), 2), Loan(D(0), 5)]),
)
def test_totals_parts_and_switching_values(
    specs: list[tuple[RowKind, Series, bool]], capital: Series, rate: Decimal, loan: Loan | None
) -> None:
    """Cashable + non-cashable = every benefit; NPV = PV of the net flows; each switching
    value applied makes the NPV against the baseline zero."""
    ok = AppraisalSettings(rates(str(rate)))
    nothing = AppraisalOption("0", "Do nothing", OptionRole.DO_NOTHING)
    option = _option(specs, capital)
    case = Appraisal((nothing, option), loan=loan)
    done = appraise(case, ok, DAY, YEARS)
    f = done.preferred.figures
    schedule = RateSchedule.constant(rate)

    def pv(x: Series) -> Decimal:
        return discounted(x, schedule, 2025, 2027)

    tiny = D("1e-18")
    assert f.cashable + f.non_cashable == f.benefits
    benefits = sum((a for k, a, _ in specs if k is RowKind.BENEFIT), Series())
    assert abs(f.pv_cashable + f.pv_non_cashable - pv(benefits)) < tiny
    assert abs(f.npv - pv(f.net())) < D("1e-16")
    for sv in done.switching:
        if sv.change is None or sv.name in ("costs", "cashable", "non_cashable"):
            continue
        moved = tuple(
            replace(r, amounts=Series({y: a * (1 + sv.change) for y, a in r.amounts.items()}))
            if r.id == sv.name
            else r
            for r in option.rows
        )
        again = appraise(
            replace(case, options=(nothing, replace(option, rows=moved))), ok, DAY, YEARS
        )
        assert abs(again.preferred.npv_vs_baseline) < D("1e-12")
    for switch in done.switching_rates:
        if switch.name == "discount" and switch.at_switch is not None:
            flat = AppraisalSettings(rates(str(switch.at_switch)))
            again = appraise(case, flat, DAY, YEARS)
            # to the bisection's tolerance (1e-8 of a rate on flows of at most some 10.000s)
            assert abs(again.preferred.npv_vs_baseline) < D("0.01")
    by_name = {sv.name: sv for sv in done.switching}
    if by_name["cashable"].change is not None:
        # scaling the cashable benefits by 1 + x moves the difference by x × their PV
        x = by_name["cashable"].change
        assert abs(done.preferred.npv_vs_baseline + x * f.pv_cashable) < D("1e-12")
