# SPDX-License-Identifier: MPL-2.0
"""Effect models: the calculation basis (grundlag) behind an efficiency, as rules in code.

Each model turns named parameters into a *full-year* amount in the profile's scale (a
positive magnitude: Copenhagen's 1.000 kr., mio. kr., pounds), with the steps of the
computation in the profile's language (:mod:`gevinst.core.basis_words`, Danish by
default). An :class:`Effect` ties a model to a line of Tabel 1: it says which parameters it
uses (numbers, lists of numbers, or shared assumptions by name), whether the line is a
saving, an income or a cost (the sign), and how it is phased in over the years. Evaluating
it gives the yearly series the line should have.

Conventions: amounts are in the profile's scale (``Money``); a model whose prices are per
unit in kroner or pounds (subscription, energy, procurement) is converted from whole currency
units to that scale (/ 1.000 for 1.000 kr., / 1.000.000 for mio. kr., as is for pounds); a
year's amount is rounded at the profile's quantum (whole 1.000 kr., 0,1 mio. kr.; half away
from zero). The explanation names the unit by the money's label ("t.kr." for 1.000 kr.).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from gevinst.core.assumptions import Assumptions
from gevinst.core.basis_words import DANISH, Voice, phase_factor, unit_word, words
from gevinst.core.distribute import round_to
from gevinst.core.errors import CalculationError
from gevinst.core.frozen import freeze
from gevinst.core.money import Money, rescale
from gevinst.core.series import ZERO, Series

ONE = Decimal(1)
SIXTY = Decimal(60)
TENTH = Decimal("0.1")
THOUSANDTH = Decimal("0.001")

Values = Mapping[str, Decimal | tuple[Decimal, ...]]

THOUSANDS = Money()  # Copenhagen's whole 1.000 kr., where no profile's money is given
CURRENCY_WORDS: Mapping[str, str] = {"DKK": "kr.", "GBP": "£", "EUR": "€"}


# --- parameters ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A parameter of an effect: a number, a list of numbers, or a shared assumption."""

    name: str
    value: Decimal | tuple[Decimal, ...] | None = None
    assumption: str | None = None
    source: str = ""  # where the proposal states it ("tabel i"), or why it is assumed
    assumed: bool = False  # the document does not state this value; gevinst says so


class ModelError(CalculationError):
    """Why a model cannot be computed, by its key in :data:`~gevinst.core.basis_words.TEXTS`
    ("error.scalar"), so :func:`evaluate` can say it in the profile's language; as a text,
    Danish."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(words(DANISH, key, **fields))
        self.key = key
        self.fields = fields

    def said(self, voice: Voice) -> CalculationError:
        return CalculationError(words(voice, self.key, **self.fields))


def _scalar(values: Values, name: str) -> Decimal:
    v = values[name]
    if isinstance(v, tuple):
        raise ModelError("error.scalar", name=name)
    return v


def _vector(values: Values, name: str) -> tuple[Decimal, ...]:
    v = values[name]
    return v if isinstance(v, tuple) else (v,)


def _dot(a: Sequence[Decimal], b: Sequence[Decimal]) -> Decimal:
    if len(a) != len(b):
        raise ModelError("error.lengths")
    return sum((x * y for x, y in zip(a, b, strict=True)), ZERO)


# --- the models ------------------------------------------------------------------------------

# a model's computation in words: its values, the money it is computed in, the voice
Steps = Callable[[Values, Money, Voice], list[str]]


def currency_word(money: Money) -> str:
    """One unit of the currency, as a price per unit is stated: "kr.", "£"."""
    return CURRENCY_WORDS.get(money.currency, money.currency)


def shown(amount: Decimal, money: Money, voice: Voice = DANISH) -> str:
    """A model's result as its explanation prints it: one decimal more than the money has
    (148,3 t.kr.; 1,40 mio. kr.), whole figures without decimals."""
    return voice.plain(round_to(amount, money.quantum * TENTH))


def _per_year(amount: Decimal, money: Money, voice: Voice) -> str:
    """A full-year result with its unit: "148,3 t.kr. om året", "£462,000 a year"."""
    return words(
        voice, "per_year", amount=shown(amount, money, voice), unit=unit_word(voice, money)
    )


def _step(voice: Voice, label: str, formula: str, result: str) -> str:
    return words(voice, "step", label=label, formula=formula, result=result)


def model_label(kind: str, voice: Voice = DANISH) -> str:
    """A model's label in ``voice``'s language: "Årsværk", "Full-time equivalents"."""
    return words(voice, f"model.{kind}")


@dataclass(frozen=True)
class Model:
    """A model: ``amount`` is its full-year magnitude in the profile's scale, or, for a model
    ``in_currency`` (prices per unit in kr. or £), in whole currency units, converted to the
    profile's scale by :meth:`annual`; :meth:`steps` is the computation in a voice's
    language."""

    kind: str
    params: tuple[str, ...]
    amount: Callable[[Values], Decimal]
    explanation: Steps
    in_currency: bool = False

    def steps(self, values: Values, money: Money = THOUSANDS, voice: Voice = DANISH) -> list[str]:
        """The computation, one step a line, in ``voice``'s language (Danish by default)."""
        return self.explanation(values, money, voice)

    @property
    def label(self) -> str:
        """The Danish label (:func:`model_label` gives it in another language)."""
        return model_label(self.kind)

    def annual(self, values: Values, money: Money = THOUSANDS) -> Decimal:
        """The full-year magnitude in the profile's scale, unrounded: 50.000 kr. a year is
        50 in 1.000 kr., 0,05 in mio. kr.

        >>> values = {"units": (Decimal(100),), "price": (Decimal(500),)}
        >>> MODELS["subscription"].annual(values, Money())
        Decimal('50')
        >>> MODELS["subscription"].annual(values, Money(scale=1_000_000, decimals=1))
        Decimal('0.05')
        """
        amount = self.amount(values)
        return rescale(amount, 1, money.scale) if self.in_currency else amount


def _time_saving(v: Values) -> Decimal:
    hours = _dot(_vector(v, "cases"), _vector(v, "minutes")) / SIXTY
    return hours / _scalar(v, "hour_norm") * (_scalar(v, "wage") + _scalar(v, "overhead"))


def _time_saving_steps(v: Values, money: Money, voice: Voice) -> list[str]:
    cases, minutes = _vector(v, "cases"), _vector(v, "minutes")
    norm, wage, overhead = (_scalar(v, n) for n in ("hour_norm", "wage", "overhead"))
    total = _dot(cases, minutes)
    hours = voice.plain(round_to(total / SIXTY, TENTH))
    fte = voice.plain(round_to(total / SIXTY / norm, THOUSANDTH))
    f = voice.plain
    parts = " + ".join(
        words(voice, "time.cases", cases=f(c), minutes=f(m))
        for c, m in zip(cases, minutes, strict=True)
    )
    return [
        words(voice, "time.hours", parts=parts, total=f(total), hours=hours),
        words(voice, "time.fte", hours=hours, norm=f(norm), fte=fte),
        words(
            voice,
            "time.cost",
            fte=fte,
            wage=f(wage),
            overhead=f(overhead),
            unit=unit_word(voice, money),
            result=_per_year(_time_saving(v), money, voice),
        ),
    ]


def _product(kind: str, *names: str) -> tuple[Callable[[Values], Decimal], Steps]:
    """A model that is the product of scalar parameters."""

    def annual(v: Values) -> Decimal:
        out = ONE
        for n in names:
            out *= _scalar(v, n)
        return out

    def steps(v: Values, money: Money, voice: Voice) -> list[str]:
        factors = " × ".join(voice.plain(_scalar(v, n)) for n in names)
        label = words(voice, f"step.{kind}")
        return [_step(voice, label, factors, _per_year(annual(v), money, voice))]

    return annual, steps


def _divided(money: Money, voice: Voice) -> str:
    """The conversion of an amount in currency units to the profile's scale, as written."""
    return f" / {voice.plain(Decimal(money.scale))}" if money.scale != 1 else ""


def _sum_of_products(
    kind: str, a: str, b: str, per_unit: str | None, in_currency: bool = False
) -> tuple[Callable[[Values], Decimal], Steps]:
    """Σ a_i × b_i (× per_unit): cases × months × price, units × price, ...; a sum
    ``in_currency`` is converted to the profile's scale (/ 1.000 for 1.000 kr.)."""

    def annual(v: Values) -> Decimal:
        total = _dot(_vector(v, a), _vector(v, b))
        return total * (_scalar(v, per_unit) if per_unit else ONE)

    def steps(v: Values, money: Money, voice: Voice) -> list[str]:
        f = voice.plain
        terms = " + ".join(
            f"{f(x)} × {f(y)}" for x, y in zip(_vector(v, a), _vector(v, b), strict=True)
        )
        price = f" × {f(_scalar(v, per_unit))}" if per_unit else ""
        divide, result = "", annual(v)
        if in_currency:
            divide, result = _divided(money, voice), rescale(result, 1, money.scale)
        named = words(voice, f"step.{kind}", currency=currency_word(money))
        formula = f"({terms}){price}{divide}"
        return [_step(voice, named, formula, _per_year(result, money, voice))]

    return annual, steps


def _fte_overhead(v: Values) -> Decimal:
    return _scalar(v, "fte") * (_scalar(v, "price") + _scalar(v, "overhead"))


def _centralisation(v: Values) -> Decimal:
    return (_scalar(v, "fte_before") - _scalar(v, "fte_after")) * _scalar(v, "price")


def _concession(v: Values) -> Decimal:
    return (_scalar(v, "income") - _scalar(v, "cost")) * _scalar(v, "share")


def _procurement(v: Values) -> Decimal:
    """In currency units: the prices are per unit bought."""
    saving_per_unit = _scalar(v, "old_price") - _scalar(v, "new_price")
    return _scalar(v, "volume") * saving_per_unit * _scalar(v, "compliance")


def _steps_of(
    kind: str,
    formula: str,
    fn: Callable[[Values], Decimal],
    names: tuple[str, ...],
    in_currency: bool = False,
) -> Steps:
    def steps(v: Values, money: Money, voice: Voice) -> list[str]:
        # the formula with the values put in, so a reader sees the numbers, not our names
        written = formula.format(**{n: voice.plain(_scalar(v, n)) for n in names})
        result = fn(v)
        if in_currency:
            written, result = written + _divided(money, voice), rescale(result, 1, money.scale)
        label = words(voice, f"step.{kind}")
        return [_step(voice, label, written, _per_year(result, money, voice))]

    return steps


def _model(
    kind: str,
    params: tuple[str, ...],
    pair: tuple[Callable[[Values], Decimal], Steps],
    in_currency: bool = False,
) -> Model:
    return Model(kind, params, pair[0], pair[1], in_currency)


MODELS: Mapping[str, Model] = {
    m.kind: m
    for m in (
        Model(
            "time_saving",
            ("cases", "minutes", "hour_norm", "wage", "overhead"),
            _time_saving,
            _time_saving_steps,
        ),
        _model("fte", ("fte", "price"), _product("fte", "fte", "price")),
        Model(
            "fte_overhead",
            ("fte", "price", "overhead"),
            _fte_overhead,
            _steps_of(
                "fte_overhead",
                "{fte} × ({price} + {overhead})",
                _fte_overhead,
                ("fte", "price", "overhead"),
            ),
        ),
        _model(
            "shortened_courses",
            ("cases", "months", "monthly_price"),
            _sum_of_products("shortened_courses", "cases", "months", "monthly_price"),
        ),
        Model(
            "centralisation",
            ("fte_before", "fte_after", "price"),
            _centralisation,
            _steps_of(
                "centralisation",
                "({fte_before} - {fte_after}) × {price}",
                _centralisation,
                ("fte_before", "fte_after", "price"),
            ),
        ),
        _model(
            "budget_share",
            ("budget", "share"),
            _product("budget_share", "budget", "share"),
        ),
        _model(
            "subscription",
            ("units", "price"),
            _sum_of_products("subscription", "units", "price", None, in_currency=True),
            in_currency=True,
        ),
        Model(
            "concession",
            ("income", "cost", "share"),
            _concession,
            _steps_of(
                "concession",
                "({income} - {cost}) × {share}",
                _concession,
                ("income", "cost", "share"),
            ),
        ),
        _model(
            "energy",
            ("kwh", "price"),
            _sum_of_products("energy", "kwh", "price", None, in_currency=True),
            in_currency=True,
        ),
        Model(
            "procurement",
            ("volume", "old_price", "new_price", "compliance"),
            _procurement,
            _steps_of(
                "procurement",
                "{volume} × ({old_price} - {new_price}) × {compliance}",
                _procurement,
                ("volume", "old_price", "new_price", "compliance"),
                in_currency=True,
            ),
            in_currency=True,
        ),
    )
}


# --- phase-in ----------------------------------------------------------------------------------


class PhaseInProfile(StrEnum):
    """The shape of a phase-in (not the municipality's :class:`~gevinst.core.profile.Profile`)."""

    FULL = "full"  # fully from the start year
    FROM_MID_YEAR = "from_mid_year"  # half in the start year ("indfaset fra medio")
    TWO_THIRDS = "two_thirds"  # 2/3 in the start year, then full
    LINEAR = "linear"  # 1/n, 2/n, ... over ``years`` years
    FACTORS = "factors"  # as given per year; the last factor is carried forward


@dataclass(frozen=True)
class PhaseIn:
    """How an effect's full-year amount is phased in over the table's years."""

    profile: PhaseInProfile = PhaseInProfile.FULL
    start: int | None = None  # None: the table's first year
    years: int = 1  # for LINEAR
    factors: Mapping[int, Decimal] = field(default_factory=dict)  # for FACTORS

    def __post_init__(self) -> None:
        freeze(self, "factors")

    def factor(self, year: int, first: int) -> Decimal:
        start = self.start if self.start is not None else first
        if self.profile is PhaseInProfile.FACTORS:
            known = [y for y in sorted(self.factors) if y <= year]
            return self.factors[known[-1]] if known else ZERO
        if year < start:
            return ZERO
        if self.profile is PhaseInProfile.FROM_MID_YEAR and year == start:
            return Decimal("0.5")
        if self.profile is PhaseInProfile.TWO_THIRDS and year == start:
            return Decimal(2) / Decimal(3)
        if self.profile is PhaseInProfile.LINEAR:
            return min(ONE, Decimal(year - start + 1) / Decimal(self.years))
        return ONE

    def shifted(self, years: int, first: int) -> PhaseIn:
        """The same phase-in, ``years`` later (earlier if negative); a phase-in without a
        start year begins in ``first``, the table's first year."""
        if self.profile is PhaseInProfile.FACTORS:
            return PhaseIn(
                self.profile, None, self.years, {y + years: f for y, f in self.factors.items()}
            )
        start = self.start if self.start is not None else first
        return PhaseIn(self.profile, start + years, self.years)


class Sign(StrEnum):
    SAVING = "saving"
    INCOME = "income"
    COST = "cost"

    @property
    def factor(self) -> Decimal:
        return ONE if self is Sign.COST else -ONE


# --- an effect -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    line: str  # the id of the Tabel 1 line it explains
    model: str  # a kind in MODELS
    params: Mapping[str, Param]
    sign: Sign = Sign.SAVING
    phase: PhaseIn = PhaseIn()
    text: str = ""
    # further lines it explains together with ``line``: the model gives their sum (a
    # centralisation's saved and new FTE, a concession's income and its operating cost)
    also: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        freeze(self, "params")

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.line, *self.also)


@dataclass(frozen=True)
class EffectResult:
    effect: Effect
    values: Values  # every parameter's value as used
    annual: Decimal  # full-year magnitude in the profile's scale, unrounded
    series: Series  # signed, phased, rounded at the profile's quantum
    years: tuple[int, ...]  # the table's years, for the phase-in's explanation
    money: Money = THOUSANDS  # the scale and unit it is computed in
    voice: Voice = DANISH  # the language, figures and years its explanation is written in

    def __post_init__(self) -> None:
        freeze(self, "values")

    @cached_property
    def steps(self) -> tuple[str, ...]:
        """The explanation in the voice's language: written only when it is shown, since the
        check evaluates every effect and its figures in words cost more than its arithmetic."""
        phase, voice = self.effect.phase, self.voice
        first = self.years[0]
        factors = ", ".join(phase_factor(voice, y, phase.factor(y, first)) for y in self.years)
        model = MODELS[self.effect.model]
        name = words(voice, f"phase.{phase.profile}")
        return (
            *model.steps(self.values, self.money, voice),
            words(voice, "phase.step", name=name, factors=factors),
        )


def parameter_values(effect: Effect, assumptions: Assumptions, as_of: dt.date) -> Values:
    """The value of each parameter, shared assumptions looked up as of ``as_of``."""
    model = MODELS[effect.model]
    missing = [n for n in model.params if n not in effect.params]
    if missing:
        raise ModelError("error.missing", model=effect.model, names=", ".join(missing))
    out: dict[str, Decimal | tuple[Decimal, ...]] = {}
    for name, p in effect.params.items():
        if p.assumption is not None:
            out[name] = assumptions.value(p.assumption, as_of)
        elif p.value is not None:
            out[name] = p.value
        else:
            raise ModelError("error.no_value", name=name)
    return out


def evaluate(
    effect: Effect,
    years: Sequence[int],
    assumptions: Assumptions,
    as_of: dt.date,
    overrides: Mapping[str, Decimal] | None = None,
    money: Money | None = None,
    voice: Voice = DANISH,
) -> EffectResult:
    """The yearly series an effect gives over ``years`` in ``money``'s scale, each year
    rounded at its quantum (None: Copenhagen's whole 1.000 kr.), with its explanation; values
    it cannot be computed with raise :class:`CalculationError`, an unknown shared assumption
    :class:`~gevinst.core.errors.NotFoundError`; its explanation and errors are in
    ``voice``'s language (the profile's :class:`~gevinst.core.template.Printing`).

    2,8 FTE at 0,5 mio. kr., 3/7 in the first year: 0,6 and 1,4 mio. kr., not 1 and 1."""
    model = MODELS[effect.model]
    money = money if money is not None else THOUSANDS
    try:
        values = {**parameter_values(effect, assumptions, as_of), **(overrides or {})}
        annual = model.annual(values, money)
        # the signed full-year amount once (sign × annual, as it was multiplied each year),
        # then phased in year by year
        signed, phase, quantum = effect.sign.factor * annual, effect.phase, money.quantum
        series = Series({y: round_to(signed * phase.factor(y, years[0]), quantum) for y in years})
    except ModelError as problem:
        raise problem.said(voice) from None
    except ZeroDivisionError:
        # a parameter of zero where a model divides by it (an annual hour norm of 0)
        raise ModelError("error.zero").said(voice) from None
    except ArithmeticError:
        # a result past the 28 digits gevinst computes with (a wage of 29 digits)
        raise ModelError("error.range").said(voice) from None
    return EffectResult(effect, values, annual, series, tuple(years), money, voice)
