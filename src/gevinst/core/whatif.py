# SPDX-License-Identifier: MPL-2.0
"""What if: change a shared assumption, an effect's parameter or a phase-in, and see every
figure that follows from it change.

A what-if recomputes a proposal *from its calculation basis*: every line that has an effect
model gets the model's series as its amounts, every other line stays as stated, and the
figures (Tabel 1, payback, fordeling på udvalg) follow from those lines by the rules in
:mod:`gevinst.core.calc`. "Before" is the same computation without changes, so a difference
is the change's own effect, never the gap between a stated line and its basis; that gap is
a basis finding of ``gevinst check``, and a comparison notes it.

A changed assumption takes its new value from the date the proposal's assumptions are read
(1 January of its price-level year), through :meth:`Assumptions.with_value`; earlier periods
are kept. Sensitivity and three-point estimates are what-ifs on one input at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.appraisal.risk import pert_mean
from gevinst.core.basis_words import DANISH, Voice, words
from gevinst.core.calc import TABLE1_ROWS, basis_results
from gevinst.core.distribute import ONE, apportion
from gevinst.core.effects import MODELS, Effect, EffectResult, Param, Values
from gevinst.core.errors import GevinstError, InputError, NotFoundError
from gevinst.core.frozen import freeze
from gevinst.core.model import Catalog, Line, Parts, Proposal
from gevinst.core.numbers import amount_problem, dk
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series, sum_series
from gevinst.core.summary import summarise
from gevinst.core.template import printing

Value = Decimal | tuple[Decimal, ...]
PERCENTS = (-25, -10, 10, 25)
BASES = (("service", "serviceeffektivisering"), ("total", "totaløkonomi"))
HUNDRED = Decimal(100)
CHANGED = "ændret i en beregning (hvad-nu-hvis)"


@dataclass(frozen=True)
class Changes:
    """What to change: shared assumptions by name, effect parameters by (line, parameter),
    and phase-ins by line, in whole years (positive is later)."""

    assumptions: Mapping[str, Decimal] = field(default_factory=dict)
    params: Mapping[tuple[str, str], Value] = field(default_factory=dict)
    shifts: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze(self, "assumptions", "params", "shifts")


def uses(p: Proposal, assumption: str) -> bool:
    """Whether any effect of ``p`` refers to the shared assumption by name."""
    return any(param.assumption == assumption for e in p.effects for param in e.params.values())


def assumption_value(profile: Profile, name: str, day: dt.date) -> Decimal:
    """A shared assumption's value as of ``day``, or a :class:`InputError` that says why not."""
    try:
        return profile.assumptions.value(name, day)
    except NotFoundError as e:
        raise InputError(str(e)) from None


# --- recomputing a proposal --------------------------------------------------------------


def _effects_by_line(p: Proposal) -> dict[str, list[Effect]]:
    out: dict[str, list[Effect]] = {}
    for e in p.effects:
        out.setdefault(e.line, []).append(e)
    return out


def evaluated(p: Proposal, profile: Profile) -> list[EffectResult]:
    """Every effect of ``p`` evaluated as ``check`` does, explained in the profile's language;
    a failure as a :class:`InputError`."""
    try:
        return basis_results(p, profile)
    except GevinstError as e:
        raise InputError(f"{p.id}: {e}") from None


def _base_values(p: Proposal, profile: Profile) -> dict[str, Values]:
    """Each line's parameter values as its basis uses them (the last effect wins a name)."""
    out: dict[str, dict[str, Value]] = {}
    for r in evaluated(p, profile):
        out.setdefault(r.effect.line, {}).update(r.values)
    return dict(out)


def _validate_assumptions(profile: Profile, names: Iterable[str]) -> None:
    for name in names:
        if name not in profile.assumptions:
            known = ", ".join(profile.assumptions)
            raise InputError(f"ukendt antagelse {name!r} (kendte: {known})")


def _check_value(name: str, value: Value) -> None:
    """A value in the format's range and not negative: a model's parameters and assumptions
    are magnitudes, and the line's sign (saving, income, cost) gives the direction, so a
    negative value would silently turn a saving into a cost."""
    for v in value if isinstance(value, tuple) else (value,):
        if (problem := amount_problem(v)) is not None:
            raise InputError(f"{name}: {problem}")
        if v < 0:
            raise InputError(
                f"{name} = {dk(v)}: værdien kan ikke være negativ; beregningens fortegn "
                "følger af linjens art (besparelse, indtægt eller udgift)"
            )


def _validate(p: Proposal, profile: Profile, changes: Changes) -> None:
    _validate_assumptions(profile, changes.assumptions)
    for assumption, number in changes.assumptions.items():
        _check_value(assumption, number)
    for (line_id, param), given in changes.params.items():
        _check_value(f"{line_id}.{param}", given)
    by_line = _effects_by_line(p)
    targets = [*(line for line, _ in changes.params), *changes.shifts]
    for line_id in targets:
        if line_id not in {line.id for line in p.lines}:
            known = ", ".join(line.id for line in p.lines)
            raise InputError(f"linjen {line_id!r} findes ikke i {p.id} (kendte: {known})")
        if line_id not in by_line:
            raise InputError(f"linjen {line_id!r} i {p.id} har intet beregningsgrundlag")
    base = _base_values(p, profile) if changes.params else {}
    for (line_id, name), value in changes.params.items():
        if name not in base[line_id]:
            known = ", ".join(base[line_id])
            raise InputError(f"linjen {line_id!r} har ingen parameter {name!r} (har: {known})")
        _check_shape(f"{line_id}.{name}", base[line_id][name], value)


def _check_shape(name: str, base: Value, value: Value) -> None:
    if isinstance(base, tuple) != isinstance(value, tuple) or (
        isinstance(base, tuple) and isinstance(value, tuple) and len(base) != len(value)
    ):
        count = len(base) if isinstance(base, tuple) else 1
        raise InputError(f"parameteren {name} har {count} tal; angiv {count} tal")


def _changed_effect(e: Effect, changes: Changes, first_year: int) -> Effect:
    params = dict(e.params)
    for (line_id, name), value in changes.params.items():
        if line_id == e.line and name in MODELS[e.model].params:
            params[name] = Param(name, value, source=CHANGED)
    phase = e.phase
    if e.line in changes.shifts:
        phase = phase.shifted(changes.shifts[e.line], first_year)
    return replace(e, params=params, phase=phase)


def _rebooked(line: Line, amounts: Series, quantum: Decimal = ONE) -> Line:
    """The line with new amounts; a split printed unit by unit is scaled to them, each year
    in the proportions of that year's parts (of all years' parts where those add to zero),
    signs kept, so a part that offsets the others still does; the parts are figures of the
    profile's ``quantum`` (0,1 in mio. kr. with one decimal)."""
    amounts = Series(amounts, line.amounts.price_level, line.amounts.scale)
    if not isinstance(line.booking, Parts):
        return replace(line, amounts=amounts)
    parts = line.booking.parts
    overall = {u: s.total() for u, s in parts.items()}
    split: dict[str, dict[int, Decimal]] = {u: {} for u in parts}
    for year, amount in amounts.items():
        base = {u: s[year] for u, s in parts.items()}
        if not sum(base.values()):
            base = overall
        whole = sum(base.values(), ZERO)
        if not whole:
            raise InputError(f"linjen {line.id!r} har ingen fordeling at skalere")
        exact = {u: amount * b / whole for u, b in base.items()}
        for unit, share in apportion(exact, quantum).items():
            split[unit][year] = share
    return replace(line, amounts=amounts, booking=Parts({u: Series(s) for u, s in split.items()}))


def scenario(p: Proposal, profile: Profile, changes: Changes) -> tuple[Proposal, Profile]:
    """The proposal recomputed from its basis with ``changes``, and the profile whose
    assumptions carry the changed values."""
    _validate(p, profile, changes)
    assumptions = profile.assumptions
    for name, value in changes.assumptions.items():
        assumptions = assumptions.with_value(name, value, p.assumptions_date)
    after_profile = replace(profile, assumptions=assumptions)
    effects = tuple(_changed_effect(e, changes, p.years[0]) for e in p.effects)
    changed = replace(p, effects=effects)
    by_line: dict[str, Series] = {}
    for r in evaluated(changed, after_profile):
        # a model of several lines gives their sum; the first line takes what the others
        # do not already hold
        others = sum_series(p.line(line_id).amounts for line_id in r.effect.also)
        by_line[r.effect.line] = by_line.get(r.effect.line, Series()) + r.series - others
    lines = tuple(
        _rebooked(line, by_line[line.id], profile.money.quantum) if line.id in by_line else line
        for line in p.lines
    )
    return replace(changed, lines=lines), after_profile


def apply(p: Proposal, profile: Profile, changes: Changes) -> Proposal:
    """The proposal with every line that has an effect recomputed with ``changes``."""
    return scenario(p, profile, changes)[0]


# --- comparing before and after --------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One row of figures before and after a change."""

    key: str  # "varig", a line id, a unit
    label: str  # Danish
    before: Series
    after: Series

    @property
    def difference(self) -> Series:
        return self.after - self.before

    @property
    def changed(self) -> bool:
        return not self.difference.is_zero()


@dataclass(frozen=True)
class PaybackChange:
    basis: str  # "service" or "total"
    label: str
    before: calc.Payback | None
    after: calc.Payback | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Comparison:
    before: Proposal  # recomputed from its basis without changes
    after: Proposal
    profile_before: Profile
    profile_after: Profile
    changes: Changes
    described: tuple[str, ...]  # each change in Danish
    figures: tuple[Figure, ...]  # Tabel 1's totals
    paybacks: tuple[PaybackChange, ...]
    committees: tuple[Figure, ...]  # fordeling på udvalg
    lines: tuple[Figure, ...]  # every line with an effect
    notes: tuple[str, ...]

    @property
    def changed(self) -> bool:
        series = (*self.figures, *self.committees, *self.lines)
        return any(r.changed for r in series) or any(r.changed for r in self.paybacks)


def _distribution(p: Proposal, profile: Profile) -> calc.SharedUnits:
    d = p.stated.distribution
    return calc.distribution(p, profile, d is not None and d.includes_implementation)


def _committees(before: Proposal, after: Proposal, profile: Profile) -> tuple[Figure, ...]:
    b, a = _distribution(before, profile), _distribution(after, profile)
    return tuple(
        Figure(u, profile.unit_name(u), b.get(u, Series()), a.get(u, Series()))
        for u in profile.sort_units(set(b) | set(a))
    )


def shown(value: Value, voice: Voice = DANISH) -> str:
    """A value in the voice's number format (Danish by default: "33.000", "0,5"); a list
    separated by semicolons."""
    f = voice.plain
    return "; ".join(f(v) for v in value) if isinstance(value, tuple) else f(value)


def _assumption_changed(
    voice: Voice, label: str, name: str, before: Decimal, after: Decimal, unit: str, unused: str
) -> str:
    f = voice.plain
    return words(
        voice,
        "changed.assumption",
        label=label,
        name=name,
        before=f(before),
        after=f(after),
        unit=unit,
        unused=unused,
    )


def _described(p: Proposal, profile: Profile, changes: Changes) -> tuple[str, ...]:
    pr = printing(profile)
    out = []
    for name, value in changes.assumptions.items():
        a = profile.assumptions[name]
        unused = "" if uses(p, name) else words(pr, "changed.unused")
        old = assumption_value(profile, name, p.assumptions_date)
        out.append(_assumption_changed(pr, a.label, name, old, value, a.unit, unused))
    base = _base_values(p, profile)
    for (line_id, param), new in changes.params.items():
        before, after = shown(base[line_id][param], pr), shown(new, pr)
        out.append(
            words(pr, "changed.param", name=f"{line_id}.{param}", before=before, after=after)
        )
    for line_id, years in changes.shifts.items():
        out.append(words(pr, "changed.shift", line=line_id, years=f"{years:+d}"))
    return tuple(out)


def _unreproduced(stated: Proposal, before: Proposal, voice: Voice = DANISH) -> Iterator[str]:
    f = voice.plain
    for line in stated.lines:
        recomputed = before.line(line.id).amounts
        gaps = [y for y in stated.years if line.amounts[y] != recomputed[y]]
        if gaps:
            years = ", ".join(
                words(
                    voice,
                    "note.gap",
                    year=voice.year(y),
                    computed=f(recomputed[y]),
                    stated=f(line.amounts[y]),
                )
                for y in gaps
            )
            yield words(voice, "note.unreproduced", line=line.id, years=years)


def compare(p: Proposal, profile: Profile, changes: Changes) -> Comparison:
    """Every figure of ``p`` recomputed from its basis, before and after ``changes``."""
    before, _ = scenario(p, profile, Changes())
    after, after_profile = scenario(p, profile, changes)
    figures = tuple(
        Figure(key, name, fn(before), fn(after)) for key, (name, fn) in TABLE1_ROWS.items()
    )
    # a proposal known by its catalog row alone states its payback: none is computed here
    paybacks = tuple(
        PaybackChange(basis, label, calc.payback(before, basis), calc.payback(after, basis))
        for basis, label in BASES
        if p.payback_derived
    )
    with_effects = _effects_by_line(p)
    lines = tuple(
        Figure(line.id, line.text, line.amounts, after.line(line.id).amounts)
        for line in before.lines
        if line.id in with_effects
    )
    notes = list(_unreproduced(p, before, printing(profile)))
    committees = _committees(before, after, profile)
    if calc.unbooked(p):
        notes.append(words(printing(profile), "note.unbooked", row=calc.UNBOOKED))
    return Comparison(
        before,
        after,
        profile,
        after_profile,
        changes,
        _described(p, profile, changes),
        figures,
        paybacks,
        committees,
        lines,
        tuple(notes),
    )


# --- the whole catalog ------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogTableChange:
    """A summary table of the catalog: its total contribution before and after."""

    table: str
    title: str
    before: Series
    after: Series
    steady_before: Decimal
    steady_after: Decimal


@dataclass(frozen=True)
class CatalogImpact:
    described: tuple[str, ...]
    proposals: tuple[Comparison, ...]  # every proposal whose basis uses a changed assumption
    tables: tuple[CatalogTableChange, ...]


def impact_of_assumptions(cat: Catalog, values: Mapping[str, Decimal]) -> CatalogImpact:
    """Which proposals and figures change, and by how much, when shared assumptions take
    ``values``; the catalog's summary tables are recomputed from the changed proposals."""
    changes = Changes(assumptions=values)
    _validate_assumptions(cat.profile, values)
    comparisons = tuple(
        compare(p, cat.profile, changes)
        for p in cat.proposals
        if any(uses(p, name) for name in values)
    )
    day = dt.date(cat.price_level, 1, 1)  # the value shown as "before"; each proposal its own
    pr = printing(cat.profile)
    described = tuple(
        _assumption_changed(
            pr, a.label, a.name, assumption_value(cat.profile, a.name, day), v, a.unit, ""
        )
        for a, v in ((cat.profile.assumptions[n], v) for n, v in values.items())
    )
    return CatalogImpact(described, comparisons, _catalog_tables(cat, comparisons))


def _with(cat: Catalog, proposals: Iterable[Proposal]) -> Catalog:
    """The catalog with some of its proposals replaced (by id)."""
    by_id = {p.id: p for p in proposals}
    return replace(cat, proposals=tuple(by_id.get(p.id, p) for p in cat.proposals))


def _catalog_tables(
    cat: Catalog, comparisons: Sequence[Comparison]
) -> tuple[CatalogTableChange, ...]:
    before = _with(cat, (c.before for c in comparisons))
    after = _with(cat, (c.after for c in comparisons))
    out = []
    for t in cat.tables:
        b, a = summarise(before, t.id), summarise(after, t.id)
        out.append(
            CatalogTableChange(
                t.id,
                t.title,
                b.total_effect(),
                a.total_effect(),
                b.total_steady_state(),
                a.total_steady_state(),
            )
        )
    return tuple(out)


# --- sensitivity and three-point estimates ---------------------------------------------------


@dataclass(frozen=True)
class Point:
    """The proposal's result with one input at ``value``."""

    value: Value
    steady_state: Decimal  # varig virkning: the permanent change in the table's last year
    payback_service: calc.Payback | None
    payback_total: calc.Payback | None


@dataclass(frozen=True)
class Input:
    """An input a what-if can vary: a shared assumption, or ``LINE.parameter``."""

    name: str
    label: str  # Danish
    value: Value  # as the basis uses it


def _changes_for(name: str, value: Value) -> Changes:
    """An assumption by its name, a parameter as ``LINE.parameter``."""
    if "." in name:
        line_id, param = name.split(".", maxsplit=1)
        return Changes(params={(line_id, param): value})
    if isinstance(value, tuple):
        raise InputError(f"antagelsen {name!r} er ét tal, ikke en liste")
    return Changes(assumptions={name: value})


def _result(value: Value, p: Proposal) -> Point:
    return Point(value, calc.steady_state(p), calc.payback(p, "service"), calc.payback(p, "total"))


def point(p: Proposal, profile: Profile, name: str, value: Value) -> Point:
    """Varig virkning and payback with the input ``name`` at ``value``."""
    return _result(value, apply(p, profile, _changes_for(name, value)))


def inputs(p: Proposal, profile: Profile) -> tuple[Input, ...]:
    """Every shared assumption the proposal's basis uses, then every parameter it states as
    a number (or list of numbers), in the order of its effects."""
    day, pr = p.assumptions_date, printing(profile)
    assumptions: dict[str, Input] = {}
    params: dict[str, Input] = {}
    for e in p.effects:
        for param in e.params.values():
            if param.assumption is not None:
                a = profile.assumptions[param.assumption]
                value = assumption_value(profile, a.name, day)
                assumptions[a.name] = Input(a.name, f"{a.label} ({a.unit})", value)
            elif param.value is not None:
                key = f"{e.line}.{param.name}"
                params[key] = Input(
                    key, words(pr, "input.param", line=e.line, param=param.name), param.value
                )
    return (*assumptions.values(), *params.values())


def _scaled(value: Value, percent: int) -> Value:
    factor = (HUNDRED + percent) / HUNDRED
    return tuple(v * factor for v in value) if isinstance(value, tuple) else value * factor


@dataclass(frozen=True)
class SensitivityRow:
    input: Input
    points: Mapping[int, Point]  # by percent change of the input

    def __post_init__(self) -> None:
        freeze(self, "points")


@dataclass(frozen=True)
class Sensitivity:
    percents: tuple[int, ...]
    base: Point  # every input as the basis states it (its value is empty)
    rows: tuple[SensitivityRow, ...]


def sensitivity(p: Proposal, profile: Profile, percents: Sequence[int] = PERCENTS) -> Sensitivity:
    """Each input changed by each percentage on its own (a list parameter: every number of
    it): the varig virkning and the payback that result."""
    base = _result((), apply(p, profile, Changes()))
    rows = tuple(
        SensitivityRow(
            i, {pct: point(p, profile, i.name, _scaled(i.value, pct)) for pct in percents}
        )
        for i in inputs(p, profile)
    )
    return Sensitivity(tuple(percents), base, rows)


@dataclass(frozen=True)
class ThreePoint:
    """A three-point estimate of one input (lav, mest sandsynlig, høj) and what follows."""

    input: Input
    low: Point
    likely: Point
    high: Point

    @property
    def expected_steady_state(self) -> Decimal:
        """The PERT expected varig virkning, (low + 4 × likely + high) / 6 of the three
        results, as the Danish state's business case model weighs a three-point estimate (the
        rule of :func:`gevinst.core.appraisal.risk.pert_mean`, which the risk pool uses too)."""
        low, likely, high = (pt.steady_state for pt in (self.low, self.likely, self.high))
        return pert_mean(low, likely, high)


def three_point(
    p: Proposal, profile: Profile, name: str, low: Decimal, likely: Decimal, high: Decimal
) -> ThreePoint:
    """Varig virkning and payback at a low, a most likely and a high value of one input."""
    if not low <= likely <= high:
        raise InputError(
            f"{name}: værdierne skal stige: "
            f"lav {dk(low)} ≤ sandsynlig {dk(likely)} ≤ høj {dk(high)}"
        )
    known = {i.name: i for i in inputs(p, profile)}
    if name not in known:
        raise InputError(
            f"{name!r} indgår ikke i {p.id}s beregningsgrundlag (kan varieres: {', '.join(known)})"
        )
    if isinstance(known[name].value, tuple):
        raise InputError(f"parameteren {name} er en liste; et trepunktsestimat gælder ét tal")
    return ThreePoint(known[name], *(point(p, profile, name, v) for v in (low, likely, high)))
