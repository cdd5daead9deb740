# SPDX-License-Identifier: MPL-2.0
"""Every derived figure of a proposal, each computed in exactly one place.

The wording of each rule, with the seed's own definitions, is in ``docs/calculations.md``.
Amounts are in the profile's scale (Copenhagen's 1.000 kr., mio. kr., pounds) and rounded
at its quantum (``profile.money``); savings and income are negative.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from itertools import repeat
from operator import add

from gevinst.core.distribute import apportion, round_whole, row_shares
from gevinst.core.effects import Effect, EffectResult, evaluate
from gevinst.core.memo import per_proposal
from gevinst.core.model import ByKey, Line, LineKind, Parts, Proposal, Section, ToUnit
from gevinst.core.profile import AreaRole, Profile
from gevinst.core.series import EMPTY, ZERO, Series, sum_series
from gevinst.core.template import printing

OPERATING = AreaRole.OPERATING
CAPITAL = AreaRole.CAPITAL

UnitSeries = dict[str, Series]
# a proposal's table as remembered (tables_of), shared by every caller: read, never changed
SharedUnits = Mapping[str, Series]
UNBOOKED = "(ikke fordelt)"  # the row of lines that name no unit, key or parts


# --- Tabel 1 -------------------------------------------------------------------------


def section_lines(
    p: Proposal, section: Section, area: str | None = None, role: AreaRole | None = None
) -> Iterable[Line]:
    """The lines of a section of Tabel 1, or of its part on one styringsområde (by its name
    or by its role in the profile)."""
    return (
        line
        for line in p.lines
        if line.section is section
        and (area is None or line.area == area)
        and (role is None or line.role is role)
    )


def permanent(p: Proposal, area: str | None = None, role: AreaRole | None = None) -> Series:
    """ "Samlet varig ændring" (no area or role) or its part on one styringsområde."""
    return _section_sum(p, Section.PERMANENT, area, role)


def implementation(p: Proposal, area: str | None = None, role: AreaRole | None = None) -> Series:
    """ "Samlede implementeringsomkostninger", in all or on one styringsområde."""
    return _section_sum(p, Section.IMPLEMENTATION, area, role)


def _section_sum(p: Proposal, section: Section, area: str | None, role: AreaRole | None) -> Series:
    if area is None and role is None:
        return _whole_section(p, section)
    return sum_series(line.amounts for line in section_lines(p, section, area, role))


@per_proposal
def _whole_section(p: Proposal, section: Section) -> Series:
    """A section's sum, Tabel 1's subtotal: its rules, its payback and its chart each ask
    for it, several times a proposal."""
    return sum_series(line.amounts for line in section_lines(p, section))


def counted_implementation(p: Proposal, rows: Tables | None = None) -> Series:
    """The implementation costs a payback and a present value count: all of them, less the
    lines of capital funded by borrowing whose financing cost the permanent (revenue) lines
    already hold (``p.appraisal.borrowed_lines``), so that capital counts once; all of them
    is Tabel 1's row, taken from ``rows`` where the caller has it.

    Capital of 1.000 in 2025 borrowed, its financing cost of 140 a year from 2026 in a revenue
    line, savings of -300 a year: the payback counts 140 - 300 = -160 a year from 2026, not
    the 1.000 as well."""
    borrowed = () if p.appraisal is None else p.appraisal.borrowed_lines
    if not borrowed:
        return rows.row("impl") if rows is not None else implementation(p)
    return sum_series(
        line.amounts
        for line in section_lines(p, Section.IMPLEMENTATION, None, None)
        if line.id not in borrowed
    )


def impact(p: Proposal) -> Series:
    """ "Samlet økonomisk påvirkning": permanent changes plus implementation costs."""
    return permanent(p) + implementation(p)


def has_investment(p: Proposal) -> bool:
    """Whether the proposal spends money from the investment pool: only then has it a
    payback time, and the template prints its implementation section and payback rows."""
    return not implementation(p).is_zero()


def steady_state(p: Proposal) -> Decimal:
    """ "Varig virkning": the permanent change in the table's last year."""
    return permanent(p)[p.years[-1]]


def operating_costs(p: Proposal) -> Series:
    """The permanent operating costs (positive amounts) of the proposal."""
    return sum_series(line.amounts for line in p.lines if line.kind is LineKind.OPERATING_COST)


TABLE1_ROWS: Mapping[str, tuple[str, Callable[[Proposal], Series]]] = {
    "varig_service": ("Samlet varig ændring, service", partial(permanent, role=OPERATING)),
    "varig": ("Samlet varig ændring", permanent),
    "impl_service": (
        "Samlede implementeringsomkostninger, service",
        partial(implementation, role=OPERATING),
    ),
    "impl_anlaeg": (
        "Samlede implementeringsomkostninger, anlæg",
        partial(implementation, role=CAPITAL),
    ),
    "impl": ("Samlede implementeringsomkostninger", implementation),
    "impact": ("Samlet økonomisk påvirkning", impact),
}


def table1_row(p: Proposal, key: str) -> Series:
    """A row of Tabel 1 by the key findings name it by: a subtotal's (``TABLE1_ROWS``) or a
    line's id."""
    if key in TABLE1_ROWS:
        return TABLE1_ROWS[key][1](p)
    return p.line(key).amounts


def row_total(p: Proposal, amounts: Series) -> Decimal:
    """A row's total over the proposal's years, as a Total column prints it: OBC01's posts
    -154.000 in 2025/26 and -462.000 in each of the nine years after total -4.312.000."""
    return sum((amounts[y] for y in p.years), ZERO)


def explained(p: Proposal, effect: Effect) -> Series:
    """What an effect model must reproduce: its line, or the sum of its lines."""
    return sum_series(p.line(line_id).amounts for line_id in effect.lines)


def basis_results(p: Proposal, profile: Profile) -> list[EffectResult]:
    """Every effect of a proposal evaluated with the profile's assumptions as of the
    proposal's price level (1 January of that year), in the profile's money, explained in its
    language, figures and years."""
    pr = printing(profile)
    return [
        evaluate(e, p.years, profile.assumptions, p.assumptions_date, None, profile.money, pr)
        for e in p.effects
    ]


# --- payback ---------------------------------------------------------------------------


PAYBACK_BASES: Mapping[str, str] = {"service": "serviceeffektivisering", "total": "totaløkonomi"}


@dataclass(frozen=True)
class Payback:
    years: int
    year: int

    def __str__(self) -> str:
        return f"{self.years} år ({self.year})"


def carried(flows: Series, last: int, carry: Decimal, year: int) -> Decimal:
    """The flow of ``year``: as in the table up to its last year ``last``, then ``carry`` (the
    last year's permanent change) each year; implementation costs end with the table."""
    return flows[year] if year <= last else carry


def payback_text(result: Payback | None) -> str:
    """As Tabel 1 prints it: "4 år (2028)", or "ingen" where the money is never paid back."""
    return str(result) if result is not None else "ingen"


PaybackPolicy = Callable[[Series, int, Decimal], Payback | None]


def payback_from_first_amount(
    flows: Series, last: int, carry: Decimal, horizon: int = 100
) -> Payback | None:
    """Count from the first year with any amount through the first year whose cumulative
    flow is <= 0 and stays so; the table ends in ``last``, and each year after it adds
    ``carry`` (the last year's permanent change). None if that never happens within
    ``horizon`` years of the start.

    BC01: flows 0, 1.703, 1.106, -1.474, -1.474, -1.474 (2024-2029) cumulate to 1.703,
    2.809, 1.335, -139 from 2025, so the payback is 4 years, in 2028.

    "Stays so": savings of -100 a year from 2024 and an investment of 1.000 in 2026
    cumulate to -100, -200, 700, ...; the money is not paid back in 2024, before it is
    spent, but when the cumulative flow turns <= 0 for good (2033).
    """
    start = flows.first_year()
    if start is None:
        return None
    cumulative, paid_back = ZERO, None
    for year in range(start, start + horizon):
        cumulative += carried(flows, last, carry, year)
        if cumulative > 0:
            paid_back = None
        elif paid_back is None:
            paid_back = year
        if year >= last and paid_back is not None and carry <= 0:
            return Payback(years=paid_back - start + 1, year=paid_back)
    return None


def payback(
    p: Proposal,
    basis: str,
    policy: PaybackPolicy = payback_from_first_amount,
    rows: Tables | None = None,
) -> Payback | None:
    """Payback on ``basis`` "service" (permanent changes on operating spending only) or "total"
    (all permanent changes), both against all implementation costs (capital counted once:
    :func:`counted_implementation`); Tabel 1's rows are taken from ``rows`` where the caller
    has them (the check, which compares them too)."""
    if basis not in PAYBACK_BASES:
        raise ValueError(f"ukendt grundlag for tilbagebetalingstid: {basis!r}")
    row = rows.row if rows is not None else partial(table1_row, p)
    permanent_part = row("varig_service" if basis == "service" else "varig")
    flows = permanent_part + counted_implementation(p, rows)
    return policy(flows, p.years[-1], permanent_part[p.years[-1]])


# --- bookings and the technical tables ----------------------------------------------------


def unbooked(p: Proposal) -> list[Line]:
    """The lines that name no unit, key or parts: tables A to E cannot be computed."""
    return [line for line in p.lines if line.booking is None]


def exact_shares(p: Proposal, profile: Profile, line: Line, year: int) -> dict[str, Decimal]:
    """A line's unrounded share per unit in one year, in the order the booking names the
    units (that order decides ties in :func:`apportion_lines`; the workbook follows it)."""
    return {unit: row[0] for unit, row in exact_rows(p, profile, line, (year,)).items()}


def exact_rows(
    p: Proposal, profile: Profile, line: Line, years: Sequence[int]
) -> dict[str, list[Decimal]]:
    """:func:`exact_shares` of one line in each of ``years`` (in their order): a unit's row
    at a time, with the units its booking names (and a key's weights) resolved once."""
    amounts, booking = line.amounts, line.booking
    if isinstance(booking, ToUnit):
        return {profile.unit(booking.unit): amounts.at(years)}
    if isinstance(booking, Parts):
        out: dict[str, list[Decimal]] = {}
        for name, part in booking.parts.items():
            unit = profile.unit(name)
            out[unit] = _plus(out.get(unit), part.at(years))
        return out
    if isinstance(booking, ByKey):
        weights: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for name, weight in p.keys[booking.key].weights.items():
            weights[profile.unit(name)] += weight
        return row_shares(amounts.at(years), weights)
    # shown on a row of its own, so every table adds up; check reports the missing booking
    return {UNBOOKED: amounts.at(years)}


def _plus(row: list[Decimal] | None, other: list[Decimal]) -> list[Decimal]:
    """Two rows added year by year, a missing row counting as zeros (added, not taken as is,
    so a unit's first figure is ``0 + figure`` as in a running sum)."""
    return list(map(add, row if row is not None else repeat(ZERO), other))


def apportion_lines(p: Proposal, profile: Profile, lines: list[Line]) -> UnitSeries:
    """Split a group of lines between units, year by year, in figures of the profile's
    quantum (whole 1.000 kr.; 0,1 mio. kr.) whose sum is the group's total rounded at it."""
    years = p.years
    exact: dict[str, list[Decimal]] = {}
    for line in lines if years else ():
        for unit, row in exact_rows(p, profile, line, years).items():
            exact[unit] = _plus(exact.get(unit), row)
    quantum = profile.money.quantum
    # each year's column of the units' rows, apportioned in the order the units came
    columns = zip(*exact.values(), strict=True)
    per_year = [apportion(dict(zip(exact, column, strict=True)), quantum) for column in columns]
    return {
        u: Series({y: parts[u] for y, parts in zip(years, per_year, strict=True)}) for u in exact
    }


def _add(into: UnitSeries, unit: str, amounts: Series) -> None:
    into[unit] = into.get(unit, EMPTY) + amounts


def placement_groups(p: Proposal) -> dict[str | None, list[Line]]:
    """The permanent lines grouped by where their budget is placed: Tabel A apportions
    each group together."""
    groups: dict[str | None, list[Line]] = defaultdict(list)
    for line in section_lines(p, Section.PERMANENT, None):
        groups[line.placed].append(line)
    return groups


def table_a(p: Proposal, profile: Profile) -> UnitSeries:
    """Tabel A, måltalseffekt: what is booked to each unit, net of its contribution to
    the permanent operating costs. Lines placed together are apportioned together."""
    out: UnitSeries = {}
    for lines in placement_groups(p).values():
        for unit, amounts in apportion_lines(p, profile, lines).items():
            _add(out, unit, amounts)
    return out


def table_b(p: Proposal, profile: Profile) -> UnitSeries:
    """Tabel B, bevillingsmæssig effekt – varig drift: budget-frame moves.

    For lines whose budget is placed at unit P, each unit of another committee moves its
    share to P (minus where it is financed from, plus where it is placed); shares within
    P's own committee stay where they are. Existing budgets moved by the proposal count too.
    """
    out: UnitSeries = {}
    for placed, lines in placement_groups(p).items():
        if placed is None:
            continue
        home = profile.unit(placed)
        for unit, amounts in apportion_lines(p, profile, lines).items():
            if profile.committee_of(unit) != profile.committee_of(home):
                _add(out, unit, -amounts)
                _add(out, home, amounts)
    for move in p.budget_moves:
        _add(out, profile.unit(move.from_unit), -move.amounts)
        _add(out, profile.unit(move.to_unit), move.amounts)
    return out


def table_c(p: Proposal, profile: Profile) -> UnitSeries:
    """Tabel C, bevillingsmæssig effekt hvis indarbejdes: C = A + B for every unit."""
    return a_plus_b(table_a(p, profile), table_b(p, profile))


def a_plus_b(a: SharedUnits, b: SharedUnits) -> UnitSeries:
    """Tabel C from tables A and B."""
    out = dict(a)
    for unit, amounts in b.items():
        _add(out, unit, amounts)
    return out


def _investment_table(p: Proposal, profile: Profile, role: AreaRole) -> UnitSeries:
    lines = list(section_lines(p, Section.IMPLEMENTATION, role=role))
    return apportion_lines(p, profile, lines)


def table_d(p: Proposal, profile: Profile) -> UnitSeries:
    """Tabel D: the implementation costs on capital (Anlæg) split between units."""
    return _investment_table(p, profile, CAPITAL)


def table_e(p: Proposal, profile: Profile) -> UnitSeries:
    """Tabel E: the implementation costs on operating spending (Service) split between
    units."""
    return _investment_table(p, profile, OPERATING)


TECHNICAL_TABLES: Mapping[str, Callable[[Proposal, Profile], UnitSeries]] = {
    "A": table_a,
    "B": table_b,
    "C": table_c,
    "D": table_d,
    "E": table_e,
}


def by_committee(tables: Iterable[SharedUnits], profile: Profile) -> UnitSeries:
    """Add unit rows up to their committees (Koncernservice counts under ØU)."""
    out: UnitSeries = {}
    for table in tables:
        for unit, amounts in table.items():
            _add(out, profile.committee_of(unit), amounts)
    return out


def distributed(include_implementation: bool) -> tuple[str, ...]:
    """The technical tables that 2.1 adds up per committee: the target effect (A), with the
    implementation costs (D and E) where the proposal's table includes them."""
    return ("A", "D", "E") if include_implementation else ("A",)


def distribution(p: Proposal, profile: Profile, include_implementation: bool) -> SharedUnits:
    """2.1 Fordeling på udvalg: the tables :func:`distributed` names, per committee."""
    return tables_of(p, profile).distribution(include_implementation)


class Tables:
    """One proposal's technical tables and its distribution on committees, each computed on
    first use and then kept: a check asks for Tabel A for A itself, for C and for 2.1, and
    for D and E for the template's rules and for 2.1; apportioning the lines again for each
    was most of the check's time. Tabel 1's rows likewise: the check compares them, their
    totals and the paybacks counted from them. The tables are the functions' above, never
    another sum."""

    __slots__ = ("_distributions", "_proposal", "_rows", "_tables", "profile")

    def __init__(self, p: Proposal, profile: Profile) -> None:
        # held weakly: tables_of keeps a proposal's tables while the proposal lives, which
        # would be for ever if its tables held it
        self._proposal = weakref.ref(p)
        self.profile = profile
        self._tables: dict[str, UnitSeries] = {}
        self._distributions: dict[bool, UnitSeries] = {}
        self._rows: dict[str, Series] = {}

    @property
    def proposal(self) -> Proposal:
        p = self._proposal()
        if p is None:
            raise ReferenceError("tabellerne er spurgt efter deres forslag er væk")
        return p

    def row(self, key: str) -> Series:
        """A row of Tabel 1 by its key (:func:`table1_row`)."""
        if key not in self._rows:
            self._rows[key] = table1_row(self.proposal, key)
        return self._rows[key]

    def __getitem__(self, name: str) -> SharedUnits:
        if name not in self._tables:
            if name == "C":
                self._tables[name] = a_plus_b(self["A"], self["B"])
            else:
                self._tables[name] = TECHNICAL_TABLES[name](self.proposal, self.profile)
        return self._tables[name]

    def distribution(self, include_implementation: bool) -> SharedUnits:
        if include_implementation not in self._distributions:
            tables = [self[t] for t in distributed(include_implementation)]
            self._distributions[include_implementation] = by_committee(tables, self.profile)
        return self._distributions[include_implementation]


tables_of = per_proposal(Tables)
"""A proposal's :class:`Tables`, remembered while the proposal lives (:mod:`.memo`): the
check, the catalog's chart and its page each ask for Tabel A and 2.1 of every proposal, and
after a save only the saved proposal is apportioned again."""


def distribution_on_area(
    p: Proposal, profile: Profile, include_implementation: bool, area: str
) -> UnitSeries:
    """2.1 for the lines on one styringsområde only, for a table that prints a committee's
    row per styringsområde (F7: BIU "Service" -1.614, "Efterspørgselsstyret indsats" -422)."""
    lines = [
        line
        for line in p.lines
        if line.area == area and (include_implementation or line.section is Section.PERMANENT)
    ]
    return by_committee([apportion_lines(p, profile, lines)], profile)


def whole_percent(part: Decimal, whole: Decimal) -> Decimal:
    """A share as a whole percent, half up, as F7's "Fordelingsnøgle" prints it ("8%")."""
    if not whole:
        return ZERO
    return round_whole(part * 100 / whole)


_SPLIT_SECTIONS = {"varig_service": Section.PERMANENT, "impl_service": Section.IMPLEMENTATION}


def subtotal_by_administration(p: Proposal, profile: Profile, key: str) -> dict[str, Series]:
    """A service subtotal of Tabel 1 ("varig_service" or "impl_service") as the proposal
    prints it, one row per administration: what the section's service lines book to the
    administration's committee (F3: "Samlet varig ændring, service SOF" -1.000 in 2025)."""
    lines = list(section_lines(p, _SPLIT_SECTIONS[key], role=OPERATING))
    booked = by_committee([apportion_lines(p, profile, lines)], profile)
    return {
        admin: booked.get(profile.committee_of(profile.unit(admin)), Series())
        for admin in p.table1_split[key]
    }


def column_total(table: Mapping[str, Series]) -> Series:
    return sum_series(table.values())


def admin_total(p: Proposal) -> Series:
    """Tabel 2 "Varige ændringer totalt, administration": the sum of its rows."""
    return sum_series(row.amounts for row in p.admin_rows)


# --- targets --------------------------------------------------------------------------


def manko(achieved: Series, target: Series) -> Series:
    """Manko: the achieved permanent change minus the target (måltal), both negative as
    savings; a negative manko means the target is exceeded, a positive one a shortfall.

    Forslag 7, 2025: achieved -43.142, target -41.920, manko -1.222.
    """
    return achieved - target
