# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering measured (issue 13, item 6): what is recorded against a proposal after
it is approved, and how it compares with what the proposal planned.

What is recorded, each entry written once and kept in order (the latest entry for the same
place is the one in force; the earlier ones stay as its history):

- a **column mapping**: a column of an operational system's CSV export, tied once to a
  follow-up goal (or to :data:`DATE_COLUMN`, the column holding each row's date) and reused
  by every later import;
- a **baseline** of a goal's measure (value, date, source) and **measurements** of it
  (value, date, who, note): a goal is named ``PROPOSAL/N``, the N-th row (from 1) of the
  proposal's follow-up table (section 3), e.g. ``BC02/4``;
- a **realised** effect of a proposal in a year, for a committee where the proposal's
  Tabel A splits its effect between committees, with the **evidence** it rests on: an amount
  without evidence is refused, so a saving counts as realised only with evidence;
- the **actual spending** of implementation money in a year, per committee where the
  investment (Tabel D and E) is split between committees.

The comparison: planned is Tabel A per committee (:func:`gevinst.core.calc.table_a`, the
target effect) and the investment granted Tabel D plus E per committee; the difference is
realised minus planned, in the sign convention of the whole format (savings negative): a
positive difference on a saving is a shortfall, as a positive manko is.

>>> planned = {"ØU": Series({2025: Decimal(-297)})}
>>> row = compare(planned, {"ØU": Series({2025: Decimal(-250)})}, (2025,)).rows[0]
>>> row.label, row.difference()[2025]
('ØU', Decimal('47'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from gevinst.core import calc
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.core.numbers import amount_problem
from gevinst.core.profile import Profile
from gevinst.core.series import EMPTY, Series, sum_series

DATE_COLUMN = "dato"  # the target that maps a CSV column to each row's date


# --- goals ------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class GoalRef:
    """A follow-up goal: the proposal's id and the goal's row in its follow-up table, from 1.

    >>> str(parse_goal(" bc02/4 ", ["BC01", "BC02"]))
    'BC02/4'
    """

    proposal: str
    number: int

    def __str__(self) -> str:
        return f"{self.proposal}/{self.number}"


_GOAL = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*/\s*(\d{1,4})\s*")


def parse_goal(text: str, proposals: Iterable[str]) -> GoalRef:
    """A goal as written ``PROPOSAL/N``; the proposal's id as the catalog spells it. Whether
    the proposal has an N-th goal is :func:`require_goal`'s question."""
    found = _GOAL.fullmatch(text)
    if found is None or int(found[2]) < 1:
        raise InputError(f"{text!r} er ikke et mål; skriv forslag/nummer, fx BC02/4")
    ident = next((p for p in proposals if p.casefold() == found[1].casefold()), None)
    if ident is None:
        raise InputError(f"{text!r}: forslaget {found[1]!r} findes ikke i kataloget")
    return GoalRef(ident, int(found[2]))


def require_goal(goal: GoalRef, goals: int) -> None:
    """``goal`` must be one of its proposal's ``goals`` follow-up rows."""
    if goal.number > goals:
        raise InputError(f"ukendt mål {goal}: forslag {goal.proposal} har {goals} opfølgningsmål")


# --- what is recorded ---------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ColumnMapping:
    """A CSV column tied to a goal's measure, or (``goal`` None) to the rows' dates."""

    column: str
    goal: GoalRef | None
    who: str
    when: datetime


@dataclass(frozen=True, kw_only=True)
class Baseline:
    goal: GoalRef
    value: Decimal
    day: date
    source: str
    who: str
    when: datetime


@dataclass(frozen=True, kw_only=True)
class Measurement:
    goal: GoalRef
    value: Decimal
    day: date
    note: str
    who: str
    when: datetime


@dataclass(frozen=True, kw_only=True)
class Realised:
    """A proposal's realised effect in a year (1.000 kr., savings negative), with evidence."""

    proposal: str
    year: int
    committee: str | None
    amount: Decimal
    evidence: str
    who: str
    when: datetime


@dataclass(frozen=True, kw_only=True)
class Spending:
    """Implementation money actually spent in a year (1.000 kr., positive)."""

    proposal: str
    year: int
    committee: str | None
    amount: Decimal
    note: str
    who: str
    when: datetime


Entry = ColumnMapping | Baseline | Measurement | Realised | Spending


def proposal_of(entry: Entry) -> str | None:
    """The proposal an entry is about; None for a column mapping (the catalog's)."""
    if isinstance(entry, ColumnMapping):
        return None
    if isinstance(entry, Baseline | Measurement):
        return entry.goal.proposal
    return entry.proposal


def require_text(text: str, what: str, where: str) -> str:
    """A text that must be given: evidence for a realised amount, a baseline's source."""
    if not text.strip():
        raise InputError(f"{where}: {what} mangler; intet er gemt")
    return text.strip()


def require_amount(value: Decimal, where: str) -> Decimal:
    problem = amount_problem(value)
    if problem:
        raise InputError(f"{where}: {problem}")
    return value


def require_year(year: int, years: Sequence[int], where: str) -> None:
    if year not in years:
        shown = f"{years[0]}-{years[-1]}" if years else "ingen"
        raise InputError(f"{where}: {year} er ikke et af forslagets år ({shown})")


def committee_for(committee: str | None, planned: Mapping[str, Series], where: str) -> str | None:
    """The committee an amount is recorded for: the one the plan names, where it names one
    (then ``committee`` may be left out); one of them, named, where the plan splits the
    amounts between committees; None where it names none.

    >>> one = {"ØU": Series({2025: Decimal(-1)})}
    >>> committee_for(None, one, "BC02"), committee_for("ØU", one, "BC02")
    ('ØU', 'ØU')
    """
    named = sorted(c for c, s in planned.items() if not s.is_zero())
    if committee is None or not committee.strip():
        if len(named) > 1:
            raise InputError(
                f"{where}: beløbet fordeles på flere udvalg ({', '.join(named)}); angiv udvalget"
            )
        return named[0] if named else None
    if committee not in named:
        raise InputError(
            f"{where}: {committee!r} er ikke blandt udvalgene, der bærer beløbet "
            f"({', '.join(named) or 'ingen'})"
        )
    return committee


# --- the latest in force -------------------------------------------------------------------


def mappings(entries: Iterable[Entry]) -> dict[str, GoalRef | None]:
    """Each CSV column's goal (None: the date column), the latest mapping of a column in force.
    A column is matched by its header without regard to case or surrounding spaces."""
    return {column_key(e.column): e.goal for e in entries if isinstance(e, ColumnMapping)}


def column_key(header: str) -> str:
    return " ".join(header.split()).casefold()


def baselines(entries: Iterable[Entry]) -> dict[GoalRef, Baseline]:
    """Each goal's baseline in force: the latest recorded."""
    return {e.goal: e for e in entries if isinstance(e, Baseline)}


def measurements(entries: Iterable[Entry], goal: GoalRef) -> list[Measurement]:
    """A goal's measurements by date."""
    return sorted(
        (e for e in entries if isinstance(e, Measurement) and e.goal == goal),
        key=lambda m: m.day,
    )


Place = tuple[str, int, str | None]  # proposal, year, committee
AmountT = TypeVar("AmountT", Realised, Spending)


def in_force(entries: Iterable[Entry], kind: type[AmountT]) -> dict[Place, AmountT]:
    """The amount of each proposal, year and committee in force: the latest recorded (an
    earlier one is its history, corrected)."""
    return {(e.proposal, e.year, e.committee): e for e in entries if isinstance(e, kind)}


def by_committee(amounts: Iterable[Realised | Spending], unbooked: str) -> dict[str, Series]:
    """Amounts in force as a series per committee; one recorded without a committee (the
    plan names none) on the row ``unbooked``."""
    out: dict[str, dict[int, Decimal]] = {}
    for e in amounts:
        row = out.setdefault(e.committee or unbooked, {})
        row[e.year] = row.get(e.year, Decimal(0)) + e.amount
    return {c: Series(values) for c, values in out.items()}


# --- planned against realised ---------------------------------------------------------------


def planned_effect(p: Proposal, profile: Profile) -> dict[str, Series]:
    """The effect a proposal plans per committee and year: its Tabel A (the target effect),
    its units added up to their committees."""
    return calc.by_committee([calc.tables_of(p, profile)["A"]], profile)


def granted(p: Proposal, profile: Profile) -> dict[str, Series]:
    """The investment granted per committee and year: Tabel D (anlæg) plus E (service)."""
    tables = calc.tables_of(p, profile)
    return calc.by_committee([tables["D"], tables["E"]], profile)


@dataclass(frozen=True)
class OutcomeRow:
    """Planned against realised on one row (a committee, a proposal), by year. ``realised``
    holds only the years something is recorded for: a year without is not yet known."""

    label: str
    planned: Series
    realised: Series

    def difference(self) -> Series:
        """Realised minus planned, in the years realised is known."""
        return Series({y: self.realised[y] - self.planned[y] for y in self.realised})


@dataclass(frozen=True)
class PlanAndOutcome:
    years: tuple[int, ...]
    rows: tuple[OutcomeRow, ...]
    label: str = "I alt"
    total: OutcomeRow = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", total_row(self.label, self.rows))


def plain(s: Series) -> Series:
    """A series without its price level: the catalog's totals add proposals made at their
    own price levels, as its summary tables do (the conversion is issue 13, item 5)."""
    return Series(dict(s))


def total_row(label: str, rows: Iterable[OutcomeRow]) -> OutcomeRow:
    kept = list(rows)
    return OutcomeRow(
        label,
        sum_series(plain(r.planned) for r in kept),
        sum_series(plain(r.realised) for r in kept),
    )


def ordered(labels: Iterable[str], order: Sequence[str]) -> list[str]:
    """``labels`` in ``order`` (the profile's committees), then any other alphabetically:
    the plan's units come out of a set, in no order of their own.

    >>> ordered(["SU", "(ikke fordelt)", "ØU"], ["ØU", "KFU", "SU"])
    ['ØU', 'SU', '(ikke fordelt)']
    """
    kept = set(labels)
    return [c for c in order if c in kept] + sorted(kept - set(order))


def compare(
    planned: Mapping[str, Series],
    realised: Mapping[str, Series],
    years: Sequence[int],
    order: Sequence[str] = (),
) -> PlanAndOutcome:
    """Planned against realised per row (a committee), each row cut to ``years``; the rows
    of the plan and of what is realised, in ``order`` (:func:`ordered`)."""

    def cut(s: Series) -> Series:
        return Series({y: s[y] for y in years if y in s})

    labels = ordered([*planned, *realised], order)
    rows = tuple(
        OutcomeRow(c, cut(planned.get(c, EMPTY)), cut(realised.get(c, EMPTY))) for c in labels
    )
    return PlanAndOutcome(tuple(years), rows)


def combine(comparisons: Iterable[PlanAndOutcome], order: Sequence[str]) -> PlanAndOutcome:
    """Several comparisons (one a proposal) added up row by row (committee by committee),
    the rows in ``order`` (:func:`ordered`)."""
    kept = list(comparisons)
    years = sorted({y for c in kept for y in c.years})
    grouped: dict[str, list[OutcomeRow]] = {}
    for c in kept:
        for r in c.rows:
            grouped.setdefault(r.label, []).append(r)
    labels = ordered(grouped, order)
    return PlanAndOutcome(tuple(years), tuple(total_row(c, grouped[c]) for c in labels))


# --- a CSV export read -------------------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    """A value of a CSV file that is not imported, and why."""

    file: str
    row: int  # the line in the file, the header's being 1
    column: str
    value: str
    why: str

    def __str__(self) -> str:
        return f"{self.file}, række {self.row}, kolonne {self.column!r}: {self.value!r}: {self.why}"


@dataclass(frozen=True)
class Table:
    """A CSV file as read: its header and its rows with their line numbers. ``decimal_comma``:
    the file separates fields with ";", as a Danish export does, so its numbers are Danish."""

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    decimal_comma: bool


_DANISH = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")
_ISO = re.compile(r"[+-]?\d+(\.\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DANISH_DATE = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")


def read_number(text: str, decimal_comma: bool) -> Decimal:
    """A number of a CSV export. In a Danish file (``decimal_comma``) a comma is the decimal
    sign and a point the thousands separator ("1.234,5"), and a point is read as a decimal
    point only where it cannot separate thousands ("12.5", as docs/format.md reads one); in
    an ISO file the point is the decimal sign and there is no separator.

    >>> read_number("1.234,5", True), read_number("1.234", True), read_number("12.5", True)
    (Decimal('1234.5'), Decimal('1234'), Decimal('12.5'))
    >>> read_number("1.234", False), read_number("−7", False)
    (Decimal('1.234'), Decimal('-7'))
    """
    s = text.strip().replace("\u2212", "-")
    if decimal_comma and _DANISH.fullmatch(s):
        value = Decimal(s.replace(".", "").replace(",", "."))
    elif _ISO.fullmatch(s):
        value = Decimal(s)
    else:
        form = "1.234,5 eller 1234,5" if decimal_comma else "1234.5"
        raise InputError(f"ikke et tal (skriv fx {form})")
    problem = amount_problem(value)
    if problem:
        raise InputError(problem)
    return value


def read_date(text: str) -> date:
    """A date as ISO ("2025-01-31") or Danish ("31-01-2025", "31.1.2025", "31/1/2025") writes it.

    >>> read_date("2025-01-31") == read_date("31.1.2025") == date(2025, 1, 31)
    True
    """
    s = text.strip()
    iso, danish = _ISO_DATE.fullmatch(s), _DANISH_DATE.fullmatch(s)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if danish:
            return date(int(danish[3]), int(danish[2]), int(danish[1]))
    except ValueError:
        raise InputError("datoen findes ikke") from None
    raise InputError("ikke en dato (skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ)")


@dataclass(frozen=True)
class ReadRows:
    """What a CSV file gives: the measurements it holds and every value rejected, and the
    columns that no mapping names (not read)."""

    measurements: tuple[Measurement, ...]
    rejections: tuple[Rejection, ...]
    unmapped: tuple[str, ...]


def read_rows(
    table: Table,
    mapping: Mapping[str, GoalRef | None],
    goals: Mapping[str, int],
    recorded: Iterable[Measurement],
    *,
    who: str,
    when: datetime,
) -> ReadRows:
    """The measurements of ``table``: each row's date from the column mapped to
    :data:`DATE_COLUMN`, and a measurement from each column mapped to a goal. ``mapping`` by
    :func:`column_key`; ``goals``: the number of follow-up goals of each proposal;
    ``recorded``: the measurements kept already. An empty cell is no measurement. Rejected,
    each named with its row and column: a row with another number of fields than the header,
    a date or a number that cannot be read, a goal that does not exist, and a measurement of
    a goal and day that is recorded already or earlier in the file."""
    columns = [column_key(h) for h in table.header]
    dates = [i for i, c in enumerate(columns) if c in mapping and mapping[c] is None]
    if len(dates) != 1:
        count = "ingen" if not dates else f"{len(dates)}"
        raise InputError(
            f"{table.file}: der skal være netop én kolonne med datoer (koblet til "
            f"{DATE_COLUMN!r}); filen har {count}"
        )
    targets = [(i, mapping[c]) for i, c in enumerate(columns) if mapping.get(c) is not None]
    if not targets:
        raise InputError(f"{table.file}: ingen af filens kolonner er koblet til et mål")
    seen: dict[tuple[GoalRef, date], str] = {
        (m.goal, m.day): "er allerede registreret" for m in recorded
    }
    taken: list[Measurement] = []
    rejected: list[Rejection] = []
    for line, cells in table.rows:

        def reject(i: int, why: str, line: int = line, cells: tuple[str, ...] = cells) -> None:
            rejected.append(Rejection(table.file, line, table.header[i], cells[i], why))

        if len(cells) != len(columns):
            rejected.append(
                Rejection(
                    table.file,
                    line,
                    "",
                    ";".join(cells),
                    f"rækken har {len(cells)} felter, overskriften {len(columns)}",
                )
            )
            continue
        try:
            day = read_date(cells[dates[0]])
        except InputError as e:
            reject(dates[0], str(e))
            continue
        for i, goal in targets:
            assert goal is not None
            if not cells[i].strip():
                continue
            if goal.number > goals.get(goal.proposal, 0):
                reject(i, f"ukendt mål {goal}")
                continue
            try:
                value = read_number(cells[i], table.decimal_comma)
            except InputError as e:
                reject(i, str(e))
                continue
            if (goal, day) in seen:
                reject(i, f"dublet: {goal} har en måling {day.isoformat()}, der {seen[goal, day]}")
                continue
            seen[goal, day] = f"står i række {line}"
            note = f"indlæst fra {table.file}, række {line}"
            taken.append(
                Measurement(goal=goal, value=value, day=day, note=note, who=who, when=when)
            )
    unmapped = tuple(h for h, c in zip(table.header, columns, strict=True) if c not in mapping)
    return ReadRows(tuple(taken), tuple(rejected), unmapped)
