# SPDX-License-Identifier: MPL-2.0
"""The options of a case compared side by side against the do-nothing baseline.

For each option, year by year over the case's horizon (year 0 its first year):

- **capital counted** (count capital once): the capital with its optimism bias added; where
  capital is borrowed, the loan's financing cost of that (:mod:`~.financing`) instead of the
  capital itself, never both;
- **costs** = the revenue cost rows (with the optimism bias where the kind of project's bias
  is measured on revenue) + capital counted + the risk pool (:mod:`~.risk`);
- **existing budgets offset** (negative), **cashable** and **non-cashable benefits**
  (negative), each a total of its own; ``cashable + non-cashable`` is every benefit;
- **NPV** = PV costs + PV offsets + PV cashable + PV non-cashable, discounted by the profile's
  schedule as of the proposal's day (:mod:`~.discount`); the **cashable NPV** leaves the
  non-cashable benefits out. Negative is a net gain, as everywhere in gevinst;
- **against the baseline**: the difference of NPVs; the **benefit-cost ratio** = the
  benefits the option adds over the baseline (as a positive amount) divided by the net costs
  it adds (costs + offsets), none where it adds no net cost; the **payback** of the
  difference of the yearly flows, by Tabel 1's rule (``calc.payback_from_first_amount``),
  within the horizon, on all benefits and on cashable ones.

Worked example (``tests/core/appraisal/test_options.py``): at 0 % over 2024-2026, do nothing
has nothing; the preferred option borrows 1.000 in 2024 at 0 % over 2 years (financing cost
500 in 2025 and 2026) and saves 400 cashable and 200 non-cashable a year from 2025. Costs
1.000, cashable -800, non-cashable -400: NPV -200, cashable NPV +200; BCR 1.200 / 1.000 =
1,2; payback on all benefits 1 year (2025: 500 - 600 = -100), on cashable benefits none
(500 - 400 = +100 a year). Counting the capital outlay as well would have given costs of
2.000. From reserves instead, the outlay counts in 2024 and no financing cost: the same NPV
at 0 %, and the payback 3 years (2026: 1.000, then -600 and -600).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.appraisal.case import Appraisal, AppraisalOption, OptionRole, RowKind
from gevinst.core.appraisal.discount import RateSchedule, ScheduleEdition, discounted
from gevinst.core.appraisal.financing import Loan, financing_cost, outstanding
from gevinst.core.appraisal.optimism import BiasBase, OptimismBias, applied, bias_for, uplift
from gevinst.core.appraisal.risk import risk_pool
from gevinst.core.appraisal.settings import AppraisalSettings
from gevinst.core.appraisal.switching import (
    SwitchingRate,
    SwitchingValue,
    bisect,
    switching_value,
)
from gevinst.core.calc import Payback, payback_from_first_amount
from gevinst.core.errors import InputError
from gevinst.core.series import EMPTY, ZERO, Series, sum_series


@dataclass(frozen=True)
class OptionFigures:
    """One option's yearly figures and their present values."""

    option: AppraisalOption
    capital: Series  # as written
    bias: Series  # optimism bias added (to capital or to revenue costs)
    financing: Series  # the financing cost of borrowed capital; empty where from reserves
    capital_counted: Series  # financing, or capital + its bias: counted once
    revenue: Series  # the revenue cost rows (+ bias where it is measured on revenue)
    risk: Series  # the risk pool (PERT means)
    offsets: Series
    cashable: Series
    non_cashable: Series
    outstanding: Decimal  # still owed at the end of the horizon
    pv_costs: Decimal
    pv_offsets: Decimal
    pv_cashable: Decimal
    pv_non_cashable: Decimal

    @property
    def costs(self) -> Series:
        return self.revenue + self.capital_counted + self.risk

    @property
    def benefits(self) -> Series:
        return self.cashable + self.non_cashable

    def net(self, cashable_only: bool = False) -> Series:
        benefits = self.cashable if cashable_only else self.benefits
        return self.costs + self.offsets + benefits

    @property
    def pv_benefits(self) -> Decimal:
        return self.pv_cashable + self.pv_non_cashable

    @property
    def npv(self) -> Decimal:
        return self.pv_costs + self.pv_offsets + self.pv_benefits

    @property
    def npv_cashable(self) -> Decimal:
        return self.pv_costs + self.pv_offsets + self.pv_cashable

    def financing_within(self, years: tuple[int, ...]) -> Decimal:
        """The financing cost paid within ``years`` (the horizon), undiscounted: a loan may
        run beyond the horizon, and what is owed then is :attr:`outstanding`. Worked
        example: 1.000 borrowed in 2024 at 0 % over 2 years, over the horizon 2024-2025,
        is 500 (2025's), with 500 outstanding."""
        return sum((self.financing[y] for y in years), ZERO)


@dataclass(frozen=True)
class OptionResult:
    figures: OptionFigures
    npv_vs_baseline: Decimal
    npv_cashable_vs_baseline: Decimal
    bcr: Decimal | None  # None: the option adds no net cost over the baseline
    payback: Payback | None
    payback_cashable: Payback | None


@dataclass(frozen=True)
class Appraised:
    """A case appraised: every option against the baseline, and the preferred option's
    switching values."""

    years: tuple[int, ...]
    schedule: ScheduleEdition
    schedule_label: str
    loan: Loan | None
    bias: OptimismBias | None
    bias_share: Decimal  # the share applied (upper bound less mitigation)
    results: tuple[OptionResult, ...]
    switching: tuple[SwitchingValue, ...]
    key_decision: bool | None  # None: the profile has no threshold
    key_decision_threshold: Decimal | None
    switching_rates: tuple[SwitchingRate, ...] = ()

    @property
    def preferred(self) -> OptionResult:
        return next(r for r in self.results if r.figures.option.role is OptionRole.PREFERRED)

    @property
    def baseline(self) -> OptionResult:
        return next(r for r in self.results if r.figures.option.role is OptionRole.DO_NOTHING)


def _sum_rows(o: AppraisalOption, kind: RowKind, cashable: bool | None = None) -> Series:
    return sum_series(r.amounts for r in o.rows_of(kind, cashable))


def option_figures(
    o: AppraisalOption,
    years: tuple[int, ...],
    edition: ScheduleEdition,
    loan: Loan | None,
    bias: OptimismBias | None,
    share: Decimal,
) -> OptionFigures:
    """One option's figures (see the module's convention)."""
    first, last = years[0], years[-1]
    revenue = _sum_rows(o, RowKind.COST)
    on_capital = bias is None or bias.applies_to is BiasBase.CAPITAL
    added = uplift(o.capital if on_capital else revenue, share)
    if not on_capital:
        revenue = revenue + added
    capital = o.capital + added if on_capital else o.capital
    financing = financing_cost(capital, loan) if loan is not None else EMPTY
    counted = financing if loan is not None else capital
    owed = outstanding(capital, loan, last) if loan is not None else ZERO
    risk = risk_pool(o.risks, o.capital.price_level, o.capital.scale)
    offsets = _sum_rows(o, RowKind.OFFSET)
    cashable = _sum_rows(o, RowKind.BENEFIT, True)
    non_cashable = _sum_rows(o, RowKind.BENEFIT, False)

    def pv(s: Series) -> Decimal:
        return discounted(s, edition.schedule, first, last)

    return OptionFigures(
        option=o,
        capital=o.capital,
        bias=added,
        financing=financing,
        capital_counted=counted,
        revenue=revenue,
        risk=risk,
        offsets=offsets,
        cashable=cashable,
        non_cashable=non_cashable,
        outstanding=owed,
        pv_costs=pv(revenue + counted + risk),
        pv_offsets=pv(offsets),
        pv_cashable=pv(cashable),
        pv_non_cashable=pv(non_cashable),
    )


def benefit_cost_ratio(option: OptionFigures, baseline: OptionFigures) -> Decimal | None:
    """The benefits added over the baseline (positive) per unit of net cost added."""
    cost = (option.pv_costs + option.pv_offsets) - (baseline.pv_costs + baseline.pv_offsets)
    if cost <= 0:
        return None
    return -(option.pv_benefits - baseline.pv_benefits) / cost


def _payback(
    option: OptionFigures, baseline: OptionFigures, last: int, cashable_only: bool
) -> Payback | None:
    flows = option.net(cashable_only) - baseline.net(cashable_only)
    inside = Series({y: a for y, a in flows.items() if y <= last}, flows.price_level, flows.scale)
    return payback_from_first_amount(inside, last, ZERO)


def compare(option: OptionFigures, baseline: OptionFigures, last: int) -> OptionResult:
    return OptionResult(
        figures=option,
        npv_vs_baseline=option.npv - baseline.npv,
        npv_cashable_vs_baseline=option.npv_cashable - baseline.npv_cashable,
        bcr=benefit_cost_ratio(option, baseline),
        payback=_payback(option, baseline, last, cashable_only=False),
        payback_cashable=_payback(option, baseline, last, cashable_only=True),
    )


# the groups whose switching values are shown, each with its present value in an option
GROUPS: tuple[tuple[str, str, Callable[[OptionFigures], Decimal]], ...] = (
    ("costs", "omkostninger i alt", lambda f: f.pv_costs),
    ("cashable", "kontante gevinster (cashable)", lambda f: f.pv_cashable),
    ("non_cashable", "ikke-kontante gevinster (non-cashable)", lambda f: f.pv_non_cashable),
)


def appraise(
    case: Appraisal,
    settings: AppraisalSettings,
    day: dt.date,
    years: tuple[int, ...],
    scale: int = 1000,
) -> Appraised:
    """Every option of ``case`` over ``years`` (the case's own where it gives them), with the
    profile's ``settings`` as of ``day``."""
    horizon = case.years or years
    if not horizon:
        raise InputError("vurderingen har ingen år at regne over")
    edition = settings.discount.as_of(day)
    bias = (
        None if case.project_kind is None else bias_for(settings.optimism, case.project_kind, day)
    )
    share = ZERO if bias is None else applied(bias, case.mitigation)
    figures = [option_figures(o, horizon, edition, case.loan, bias, share) for o in case.options]
    base = next(f for f in figures if f.option.role is OptionRole.DO_NOTHING)
    results = tuple(compare(f, base, horizon[-1]) for f in figures)
    preferred = next(r for r in results if r.figures.option.role is OptionRole.PREFERRED)
    threshold = settings.key_decision_threshold
    return Appraised(
        years=horizon,
        schedule=edition,
        schedule_label=settings.discount.label,
        loan=case.loan,
        bias=bias,
        bias_share=share,
        results=results,
        switching=_switching(preferred, edition, horizon),
        key_decision=None if threshold is None else _is_key(preferred.figures, threshold, scale),
        key_decision_threshold=threshold,
        switching_rates=_switching_rates(case, horizon, edition, bias, share),
    )


def _switching(
    preferred: OptionResult, edition: ScheduleEdition, horizon: tuple[int, ...]
) -> tuple[SwitchingValue, ...]:
    f, difference = preferred.figures, preferred.npv_vs_baseline
    out = [
        SwitchingValue(name, label, pv(f), switching_value(difference, pv(f)))
        for name, label, pv in GROUPS
    ]
    for row in f.option.rows:
        row_pv = discounted(row.amounts, edition.schedule, horizon[0], horizon[-1])
        out.append(SwitchingValue(row.id, row.text, row_pv, switching_value(difference, row_pv)))
    return tuple(out)


def _switching_rates(
    case: Appraisal,
    horizon: tuple[int, ...],
    edition: ScheduleEdition,
    bias: OptimismBias | None,
    share: Decimal,
) -> tuple[SwitchingRate, ...]:
    """The discount rate (one for every year) and the loan's rate at which the preferred
    option's NPV against the baseline is zero (:func:`~.switching.bisect`, 0 % to 100 %)."""

    def difference(at: ScheduleEdition, loan: Loan | None) -> Decimal:
        base = option_figures(case.baseline, horizon, at, loan, bias, share)
        return option_figures(case.preferred, horizon, at, loan, bias, share).npv - base.npv

    def at_discount(rate: Decimal) -> Decimal:
        return difference(ScheduleEdition(edition.start, RateSchedule.constant(rate)), case.loan)

    out = [
        SwitchingRate(
            "discount",
            "diskonteringsrente (samme hvert år)",
            edition.schedule.rate(1),
            bisect(at_discount, ZERO, Decimal(1)),
        )
    ]
    loan = case.loan
    if loan is not None:

        def at_loan_rate(rate: Decimal) -> Decimal:
            return difference(edition, Loan(rate, loan.term, loan.source))

        out.append(
            SwitchingRate("loan", "lånets rente", loan.rate, bisect(at_loan_rate, ZERO, Decimal(1)))
        )
    return tuple(out)


def _is_key(f: OptionFigures, threshold: Decimal, scale: int) -> bool:
    """A key decision: the option spends (capital and revenue costs, undiscounted, over the
    horizon) or saves (its benefits) at least the threshold, in whole currency units."""
    spends = (f.capital.total() + f.revenue.total()) * scale
    saves = -f.benefits.total() * scale
    return max(spends, saves) >= threshold
