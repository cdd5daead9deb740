# SPDX-License-Identifier: MPL-2.0
"""Effect models, phase-in and shared assumptions: a worked example per model, the
conventions of the docstrings proved, and invariants that hold for any input."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.assumptions import Assumption, Assumptions, Period
from gevinst.core.distribute import round_to
from gevinst.core.effects import (
    MODELS,
    Effect,
    Param,
    PhaseIn,
    PhaseInProfile,
    Sign,
    Values,
    evaluate,
    parameter_values,
)
from gevinst.core.errors import CalculationError, NotFoundError
from gevinst.core.money import Money
from gevinst.core.numbers import dk
from gevinst.core.series import Series

D = Decimal
YEARS = (2024, 2025, 2026, 2027, 2028, 2029)
DAY = dt.date(2025, 1, 1)
FULL = PhaseIn()

KK = Assumptions(
    [
        Assumption(
            "aarstimenorm",
            "årstimenorm",
            "timer",
            (
                Period(dt.date(2024, 1, 1), D("1262.6"), "budget 2025"),
                Period(dt.date(2026, 1, 1), D("1250"), "en tænkt senere værdi"),
            ),
        ),
        Assumption(
            "direkte_overhead",
            "direkte overheadsats pr. årsværk",
            "t.kr.",
            (Period(dt.date(2024, 1, 1), D(35)),),
        ),
        Assumption(
            "aarsvaerkspris_kit",
            "årsværkspris i KIT",
            "t.kr.",
            (Period(dt.date(2024, 1, 1), D(660)),),
        ),
    ]
)


def params(**values: Decimal | tuple[Decimal, ...] | str) -> dict[str, Param]:
    """Parameters from keyword arguments; a string names a shared assumption."""
    return {
        name: Param(name, assumption=v) if isinstance(v, str) else Param(name, value=v)
        for name, v in values.items()
    }


def effect(
    model: str,
    sign: Sign = Sign.SAVING,
    phase: PhaseIn = FULL,
    **values: Decimal | tuple[Decimal, ...] | str,
) -> Effect:
    return Effect("e1", model, params(**values), sign, phase)


def series(e: Effect, assumptions: Assumptions = KK) -> list[Decimal]:
    result = evaluate(e, YEARS, assumptions, DAY)
    return [result.series[y] for y in YEARS]


# --- worked examples, one per model ------------------------------------------------------------


def test_time_saving_bc01_tabel_i() -> None:
    """(68.500 x 1 + 4.000 x 3) min. = 1.341,7 timer; / 1.262,6 = 1,063 ÅV;
    x (793 + 35) t.kr. = 879,85 t.kr. a year; 2/3 from 2026, in full from 2027."""
    e = effect(
        "time_saving",
        phase=PhaseIn(PhaseInProfile.TWO_THIRDS, 2026),
        cases=(D(68500), D(4000)),
        minutes=(D(1), D(3)),
        hour_norm="aarstimenorm",
        wage=D(793),
        overhead="direkte_overhead",
    )
    result = evaluate(e, YEARS, KK, DAY)
    assert round(result.annual, 2) == D("879.85")
    assert series(e) == [0, 0, -587, -880, -880, -880]
    assert result.steps == (
        "68.500 sager × 1 min. + 4.000 sager × 3 min. = 80.500 minutter = 1.341,7 timer",
        "1.341,7 timer / årstimenorm 1.262,6 timer = 1,063 ÅV",
        "1,063 ÅV × (793 + 35 t.kr. overhead) = 879,9 t.kr. om året",
        "Indfasning (2/3 i startåret, derefter fuldt): 2024: 0 %, 2025: 0 %, 2026: 66,7 %, "
        "2027: 100 %, 2028: 100 %, 2029: 100 %",
    )


def test_fte_bc01_half_an_fte_from_mid_year() -> None:
    """0,5 ÅV x 594 t.kr. = 297; half in 2025 is 148,5, rounded away from zero to -149."""
    e = effect("fte", phase=PhaseIn(PhaseInProfile.FROM_MID_YEAR, 2025), fte=D("0.5"), price=D(594))
    assert series(e) == [0, -149, -297, -297, -297, -297]
    assert evaluate(e, YEARS, KK, DAY).steps[0] == (
        "ÅV × årsværkspris: 0,5 × 594 = 297 t.kr. om året"
    )


def test_fte_as_a_cost_f2_step_up() -> None:
    """2,5 ÅV x 600 t.kr. = 1.500 a year, 1 of the 2,5 (factor 0,4) in 2026-2027."""
    phase = PhaseIn(PhaseInProfile.FACTORS, factors={2026: D("0.4"), 2028: D(1)})
    e = effect("fte", Sign.COST, phase, fte=D("2.5"), price=D(600))
    assert series(e) == [0, 0, 600, 600, 1500, 1500]


def test_fte_with_overhead_f2_price_parts() -> None:
    """2,5 ÅV x (550 + 50) t.kr. = 1.500: the socialrådgiverårsværk plus husleje og ledelse."""
    e = effect("fte_overhead", Sign.COST, fte=D("2.5"), price=D(550), overhead=D(50))
    result = evaluate(e, YEARS, KK, DAY)
    assert result.annual == D(1500)
    assert result.steps[0] == (
        "ÅV gange (årsværkspris plus tillæg): 2,5 × (550 + 50) = 1.500 t.kr. om året"
    )


def test_shortened_courses_f2_children() -> None:
    """(48 x 3 + 48 x 3) forløbsmåneder x 10 t.kr. = 2.880 t.kr. a year."""
    e = effect(
        "shortened_courses",
        cases=(D(48), D(48)),
        months=(D(3), D(3)),
        monthly_price=D(10),
    )
    result = evaluate(e, YEARS, KK, DAY)
    assert result.annual == D(2880)
    assert result.steps[0] == (
        "forløb × måneders afkortning × månedspris: (48 × 3 + 48 × 3) × 10 = 2.880 t.kr. om året"
    )


def test_centralisation_f5_19_to_12_fte() -> None:
    """(19 - 12) ÅV x 660 t.kr. = 4.620 t.kr. a year."""
    e = effect("centralisation", fte_before=D(19), fte_after=D(12), price="aarsvaerkspris_kit")
    result = evaluate(e, YEARS, KK, DAY)
    assert result.annual == D(4620)
    assert "(19 - 12) × 660 = 4.620 t.kr. om året" in result.steps[0]


def test_budget_share_f5_purchases() -> None:
    """8 % of a purchase budget of 22 mio. kr. = 1.760 t.kr. (the prose says 1,8 mio. kr.)."""
    e = effect("budget_share", budget=D(22000), share=D("0.08"))
    assert evaluate(e, YEARS, KK, DAY).annual == D(1760)


def test_the_steps_round_half_away_from_zero_as_the_module_promises() -> None:
    """0,5 x 296,5 = 148,25: the built-in round (half to even) printed 148,2."""
    e = effect("budget_share", budget=D("296.5"), share=D("0.5"))
    assert (
        evaluate(e, YEARS, KK, DAY).steps[0] == "budget × andel: 296,5 × 0,5 = 148,3 t.kr. om året"
    )


def test_subscription_is_in_kroner_per_unit() -> None:
    """(2.320 + 17) devices x 400 kr. / 1.000 = 934,8 t.kr."""
    e = effect("subscription", Sign.COST, units=(D(2320), D(17)), price=(D(400), D(400)))
    result = evaluate(e, YEARS, KK, DAY)
    assert result.annual == D("934.8")
    assert series(e) == [935] * 6
    assert result.steps[0].endswith("/ 1.000 = 934,8 t.kr. om året")


def test_concession_bc02_half_of_the_net_income() -> None:
    """(1.348 - 224) t.kr. x 0,5 = 562 t.kr., an income from 2025."""
    e = effect(
        "concession",
        Sign.INCOME,
        PhaseIn(PhaseInProfile.FULL, 2025),
        income=D(1348),
        cost=D(224),
        share=D("0.5"),
    )
    assert series(e) == [0, -562, -562, -562, -562, -562]


def test_energy_is_kwh_times_kroner_per_kwh() -> None:
    """100.000 kWh x 0,90 kr. + 50.000 kWh x 2,50 kr. = 215.000 kr. = 215 t.kr."""
    e = effect("energy", kwh=(D(100000), D(50000)), price=(D("0.9"), D("2.5")))
    assert evaluate(e, YEARS, KK, DAY).annual == D(215)


def test_procurement_volume_times_price_difference_times_compliance() -> None:
    """10.000 units x (250 - 200) kr. x 80 % / 1.000 = 400 t.kr."""
    e = effect(
        "procurement", volume=D(10000), old_price=D(250), new_price=D(200), compliance=D("0.8")
    )
    assert evaluate(e, YEARS, KK, DAY).annual == D(400)


def test_every_model_has_a_worked_example_above() -> None:
    assert set(MODELS) == {
        "time_saving",
        "fte",
        "fte_overhead",
        "shortened_courses",
        "centralisation",
        "budget_share",
        "subscription",
        "concession",
        "energy",
        "procurement",
    }


# --- phase-in and sign -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "factors"),
    [
        (PhaseIn(), ["1", "1", "1", "1", "1", "1"]),
        (PhaseIn(PhaseInProfile.FULL, 2026), ["0", "0", "1", "1", "1", "1"]),
        (PhaseIn(PhaseInProfile.FROM_MID_YEAR, 2025), ["0", "0.5", "1", "1", "1", "1"]),
        (PhaseIn(PhaseInProfile.LINEAR, 2025, 4), ["0", "0.25", "0.5", "0.75", "1", "1"]),
        (
            PhaseIn(PhaseInProfile.FACTORS, factors={2025: D("0.2"), 2027: D(1), 2029: D(0)}),
            ["0", "0.2", "0.2", "1", "1", "0"],
        ),
    ],
)
def test_phase_profiles(phase: PhaseIn, factors: list[str]) -> None:
    """No start means the table's first year; FACTORS carries the last factor forward and is
    zero before its first year."""
    assert [phase.factor(y, YEARS[0]) for y in YEARS] == [D(f) for f in factors]


def test_two_thirds_is_exactly_two_thirds_in_the_start_year() -> None:
    phase = PhaseIn(PhaseInProfile.TWO_THIRDS, 2026)
    assert phase.factor(2026, 2024) * 3 == 2
    assert phase.factor(2027, 2024) == 1


def test_sign_convention_savings_and_income_negative_costs_positive() -> None:
    for sign, expected in ((Sign.SAVING, -297), (Sign.INCOME, -297), (Sign.COST, 297)):
        assert series(effect("fte", sign, fte=D("0.5"), price=D(594)))[-1] == expected


# --- parameters, assumptions, overrides ----------------------------------------------------------


def test_a_shared_assumption_is_looked_up_as_of_the_day() -> None:
    e = effect("fte", fte=D(1), price="aarsvaerkspris_kit")
    assert parameter_values(e, KK, DAY) == {"fte": D(1), "price": D(660)}
    norm = KK["aarstimenorm"]
    assert norm.value(dt.date(2025, 12, 31)) == D("1262.6")
    assert norm.value(dt.date(2026, 1, 1)) == D(1250)
    assert norm.period(dt.date(2026, 6, 1)).reference == "en tænkt senere værdi"


def test_an_assumption_before_its_first_period_is_a_clear_error() -> None:
    with pytest.raises(
        NotFoundError, match=re.escape("ingen værdi pr. 2023-12-31 (gælder fra 2024-01-01)")
    ):
        KK.value("aarstimenorm", dt.date(2023, 12, 31))
    with pytest.raises(NotFoundError, match="ukendt antagelse: 'timenorm'"):
        KK.value("timenorm", DAY)
    # still a KeyError, so the library behaves as a mapping
    assert "timenorm" not in KK and KK.get("timenorm") is None


def test_with_value_starts_a_new_period_and_leaves_the_old_library_alone() -> None:
    changed = KK.with_value("aarstimenorm", D(1300), dt.date(2025, 7, 1))
    assert changed.value("aarstimenorm", dt.date(2025, 6, 30)) == D("1262.6")
    assert changed.value("aarstimenorm", dt.date(2025, 7, 1)) == D(1300)
    # the later period (2026) is replaced: a what-if holds from its start on
    assert changed.value("aarstimenorm", dt.date(2027, 1, 1)) == D(1300)
    assert changed["aarstimenorm"].periods[-1].reference == "ændret i en beregning (hvad-nu-hvis)"
    assert KK.value("aarstimenorm", dt.date(2025, 7, 1)) == D("1262.6")
    assert set(changed) == set(KK) and changed.value("direkte_overhead", DAY) == D(35)


def test_an_override_replaces_a_parameter_for_one_evaluation() -> None:
    e = effect("fte", fte=D(19), price="aarsvaerkspris_kit")
    result = evaluate(e, YEARS, KK, DAY, overrides={"price": D(669)})
    assert result.annual == D(12711) and result.values["price"] == D(669)


@pytest.mark.parametrize(
    ("e", "message"),
    [
        (effect("fte", fte=D(1)), "modellen 'fte' mangler parametrene price"),
        (Effect("e1", "fte", {"fte": Param("fte", D(1)), "price": Param("price")}), "hverken"),
        (effect("fte", fte=(D(1), D(2)), price=D(1)), "'fte' skal være ét tal"),
        (
            effect("shortened_courses", cases=(D(1),), months=(D(1), D(2)), monthly_price=D(1)),
            "samme længde",
        ),
    ],
)
def test_bad_parameters_give_a_danish_message(e: Effect, message: str) -> None:
    with pytest.raises(CalculationError, match=message):
        evaluate(e, YEARS, KK, DAY)


def test_a_division_by_zero_is_a_calculation_error_not_an_arithmetic_one() -> None:
    e = effect(
        "time_saving", cases=(D(10),), minutes=(D(6),), hour_norm=D(0), wage=D(1), overhead=D(0)
    )
    with pytest.raises(CalculationError, match="deler med nul"):
        evaluate(e, YEARS, KK, DAY)


# --- invariants --------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False)
factors = st.decimals(min_value=0, max_value=10, places=3, allow_nan=False)
positive = st.decimals(min_value=1, max_value=2000, places=1, allow_nan=False)

# For each model, a price-like parameter the annual amount is proportional to.
PRICES = {
    "fte": "price",
    "shortened_courses": "monthly_price",
    "centralisation": "price",
    "budget_share": "share",
    "subscription": "price",
    "concession": "share",
    "energy": "price",
    "procurement": "compliance",
}


def values_for(model: str, x: list[Decimal]) -> Values:
    """Values for every parameter of a model, drawn from ``x``; differences stay >= 0."""
    pair = (x[0], x[1])
    out: dict[str, Decimal | tuple[Decimal, ...]] = {
        "cases": pair,
        "minutes": pair,
        "months": pair,
        "units": pair,
        "kwh": pair,
        "price": (x[2], x[3]) if model in ("subscription", "energy") else x[2],
        "fte": x[0],
        "monthly_price": x[2],
        "fte_before": x[0] + x[1],
        "fte_after": x[1],
        "budget": x[0],
        "share": x[2],
        "income": x[0] + x[1],
        "cost": x[1],
        "volume": x[0],
        "old_price": x[2] + x[3],
        "new_price": x[3],
        "compliance": x[2],
    }
    return {n: out[n] for n in MODELS[model].params}


def scaled(v: Decimal | tuple[Decimal, ...], k: Decimal) -> Decimal | tuple[Decimal, ...]:
    return tuple(k * p for p in v) if isinstance(v, tuple) else k * v


@given(st.sampled_from(sorted(PRICES)), st.lists(amounts, min_size=4, max_size=4), factors)
def test_a_model_is_linear_in_its_price(model: str, x: list[Decimal], k: Decimal) -> None:
    v = values_for(model, x)
    name = PRICES[model]
    annual = MODELS[model].annual
    assert annual({**v, name: scaled(v[name], k)}) == k * annual(v)


@given(st.lists(amounts, min_size=2, max_size=2), positive, positive, factors)
def test_time_saving_is_linear_in_the_wage_and_overhead(
    x: list[Decimal], wage: Decimal, overhead: Decimal, k: Decimal
) -> None:
    base: Mapping[str, Decimal | tuple[Decimal, ...]] = {
        "cases": (x[0], x[1]),
        "minutes": (D(1), D(3)),
        "hour_norm": D("1262.6"),
        "wage": wage,
        "overhead": overhead,
    }
    annual = MODELS["time_saving"].annual
    result = annual({**base, "wage": k * wage, "overhead": k * overhead})
    assert abs(result - k * annual(base)) < D("1e-15")


# each shipped profile's money: (money, the unit its explanation names, the decimals it prints)
MONIES = [
    (Money(), "t.kr.", D("0.1")),
    (Money(scale=1_000_000, decimals=1, label="mio. kr."), "mio. kr.", D("0.01")),
    (Money(currency="GBP", scale=1, label="£"), "£", D("0.1")),
]


@given(
    st.sampled_from(sorted(PRICES)),
    st.lists(amounts, min_size=4, max_size=4),
    st.sampled_from(MONIES),
)
def test_the_steps_print_the_amount_as_the_one_rounding_function_rounds_it(
    model: str, x: list[Decimal], money: tuple[Money, str, Decimal]
) -> None:
    """In the profile's scale and unit, one decimal more than the money has."""
    m, unit, places = money
    v = values_for(model, x)
    amount = round_to(MODELS[model].annual(v, m), places)
    assert MODELS[model].steps(v, m)[-1].endswith(f" = {dk(amount)} {unit} om året")


@given(st.decimals(min_value=0, max_value=1, places=4, allow_nan=False))
def test_the_phase_in_prints_its_percent_as_the_one_rounding_function_rounds_it(
    factor: Decimal,
) -> None:
    phase = PhaseIn(PhaseInProfile.FACTORS, factors={YEARS[0]: factor})
    e = Effect("e1", "fte", params(fte=D(1), price=D(1)), Sign.SAVING, phase)
    percent = dk(round_to(factor * 100, D("0.1")))
    assert evaluate(e, YEARS, KK, DAY).steps[-1].endswith(f"{YEARS[-1]}: {percent} %")


@given(st.sampled_from(sorted(PRICES)), st.lists(amounts, min_size=4, max_size=4))
def test_saving_and_income_are_never_positive_and_a_cost_is_their_mirror(
    model: str, x: list[Decimal]
) -> None:
    v = values_for(model, x)
    ps = {n: Param(n, value=val) for n, val in v.items()}
    saving = evaluate(Effect("e1", model, ps, Sign.SAVING), YEARS, KK, DAY).series
    income = evaluate(Effect("e1", model, ps, Sign.INCOME), YEARS, KK, DAY).series
    cost = evaluate(Effect("e1", model, ps, Sign.COST), YEARS, KK, DAY).series
    assert all(saving[y] <= 0 and cost[y] >= 0 for y in YEARS)
    assert saving == income == Series({y: -cost[y] for y in YEARS})


standard = st.builds(
    PhaseIn,
    st.sampled_from(
        [
            PhaseInProfile.FULL,
            PhaseInProfile.FROM_MID_YEAR,
            PhaseInProfile.TWO_THIRDS,
            PhaseInProfile.LINEAR,
        ]
    ),
    st.integers(2020, 2035),
    st.integers(1, 10),
)


@given(standard, st.integers(2015, 2025))
def test_standard_profiles_are_between_0_and_1_and_never_fall(phase: PhaseIn, first: int) -> None:
    fs = [phase.factor(y, first) for y in range(first, first + 30)]
    assert all(0 <= f <= 1 for f in fs)
    assert fs == sorted(fs)
    assert fs[-1] == 1


factor_phases = st.builds(
    lambda fs: PhaseIn(PhaseInProfile.FACTORS, factors=fs),
    st.dictionaries(st.integers(2020, 2035), factors, min_size=1),
)


@given(st.one_of(standard, factor_phases), st.integers(-5, 5))
def test_shifting_a_phase_by_n_years_shifts_its_factors(phase: PhaseIn, n: int) -> None:
    moved = phase.shifted(n, YEARS[0])
    for year in range(2015, 2045):
        assert moved.factor(year + n, 2015) == phase.factor(year, 2015)


@given(standard, st.integers(-3, 3), amounts)
def test_shifting_a_phase_shifts_the_series(phase: PhaseIn, n: int, price: Decimal) -> None:
    years = tuple(range(2015, 2045))
    e = effect("fte", phase=phase, fte=D(1), price=price)
    moved = Effect(e.line, e.model, e.params, e.sign, phase.shifted(n, YEARS[0]))
    before = evaluate(e, years, KK, DAY).series
    after = evaluate(moved, years, KK, DAY).series
    assert all(after[y + n] == before[y] for y in years if y + n in years)
