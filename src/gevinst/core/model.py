# SPDX-License-Identifier: MPL-2.0
"""The domain: a catalog of proposals, each one structured document.

A proposal holds what a person types: texts, yearly lines, bookings and keys, the
calculation basis, follow-up goals, consultations, and the figures the document *states*.
Nothing derived is held here; :mod:`gevinst.core.calc` computes it, and
:mod:`gevinst.core.check` compares the two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from gevinst.core.appraisal.case import Appraisal
from gevinst.core.claims.claim import Claim
from gevinst.core.effects import Effect
from gevinst.core.errors import MissingKeyError, NotFoundError
from gevinst.core.frozen import freeze, read_only
from gevinst.core.profile import AreaRole, Profile
from gevinst.core.series import Series


class ProposalType(StrEnum):
    INVESTMENT = "investering"
    EFFICIENCY = "effektivisering"


class Section(StrEnum):
    PERMANENT = "permanent"  # varige ændringer
    IMPLEMENTATION = "implementation"  # implementeringsomkostninger


class LineKind(StrEnum):
    EFFICIENCY = "efficiency"
    OPERATING_COST = "operating_cost"
    INCOME = "income"
    IMPLEMENTATION = "implementation"


class FollowUpPhase(StrEnum):
    """The phase a follow-up point belongs to (section 4), not an effect's phase-in."""

    IMPLEMENTATION = "implementation"  # implementering og anvendelse af investeringsmidler
    REALISATION = "realisation"  # realisering af effektiviseringer


class RiskLevel(StrEnum):
    LOW = "lav"
    MEDIUM = "middel"
    HIGH = "høj"


@dataclass(frozen=True)
class ToUnit:
    """The whole line is carried by one unit."""

    unit: str


@dataclass(frozen=True)
class ByKey:
    """The line is split each year by a named key of the proposal."""

    key: str


@dataclass(frozen=True)
class Parts:
    """The line is split as the document prints it, unit by unit."""

    parts: Mapping[str, Series]

    def __post_init__(self) -> None:
        freeze(self, "parts")


Booking = ToUnit | ByKey | Parts


@dataclass(frozen=True)
class Key:
    """A distribution key: weights per unit (counts, areas, amounts, shares ...)."""

    name: str
    text: str
    kind: str
    weights: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        freeze(self, "weights")


@dataclass(frozen=True)
class Line:
    id: str
    section: Section
    kind: LineKind
    text: str
    area: str | None
    amounts: Series
    booking: Booking | None = None
    placed: str | None = None  # where an operating cost's or income's budget is placed
    area_assumed: bool = False  # the document leaves the styringsområde blank
    # the area's role in the profile (Profile.role_of), resolved when the line is made: the
    # core's rules ask for a role (operating, capital), never for an area's name. Required by
    # name, so that no line built in code silently counts on no role (None: an area of none)
    role: AreaRole | None = field(kw_only=True)


@dataclass(frozen=True)
class BudgetMove:
    """An existing budget moved between units by the proposal (counts in Tabel B)."""

    from_unit: str
    to_unit: str
    amounts: Series
    text: str = ""


@dataclass(frozen=True)
class BasisRow:
    label: str
    values: Mapping[str, Decimal | str | None]

    def __post_init__(self) -> None:
        freeze(self, "values")


@dataclass(frozen=True)
class TotalRow:
    row: str
    of: tuple[str, ...]


@dataclass(frozen=True)
class BasisTable:
    """A calculation-basis table. ``printed`` is False for a table built from the proposal's
    prose (or otherwise not printed as a table): the effect models and the check use it, no
    document draws it; only its ``text``, the document's prose, is printed where it stands.
    ``remarks`` are internal notes, never printed."""

    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[BasisRow, ...]
    total_column: str | None = None
    total_rows: tuple[TotalRow, ...] = ()
    text: str = ""
    printed: bool = True
    remarks: tuple[str, ...] = ()
    label_column: str = ""  # the header printed over the row labels
    unit: str = ""  # printed after every figure, as the document prints it ("kr.")
    # printed in section 2.1 after its text (BC02's "Tabel 2 Effektiviseringer pr.
    # forvaltning"), not with the other basis tables
    in_distribution: bool = False


@dataclass(frozen=True)
class FollowUp:
    phase: FollowUpPhase
    goal: str
    measure: str
    responsible: str
    when: str


@dataclass(frozen=True)
class Consultation:
    body: str
    kind: str
    heard: bool | None
    dates: tuple[dt.date, ...] = ()
    text: str = ""
    # the column header over the answer as printed, where it is not the template's
    header: str = ""


@dataclass(frozen=True)
class AdminRow:
    text: str
    amounts: Series


@dataclass(frozen=True)
class StatedTable:
    """A technical or distribution table exactly as printed: rows by unit, and its total.

    ``rows`` empty and ``total`` None means the table is printed but not filled in.
    """

    rows: Mapping[str, Series]
    total: Series | None
    title: str = ""
    appropriations: Mapping[str, str] = field(default_factory=dict)
    includes_implementation: bool = False
    text: str = ""  # the prose printed above the table (markup)
    # the header of a column giving each row's share of the total (F7's "Fordelingsnøgle")
    key_column: str = ""
    # the table's unit line as printed ("1.000 kr. 2025 p/l"), where it names a price basis
    price_basis: str = ""

    def __post_init__(self) -> None:
        freeze(self, "rows", "appropriations")


@dataclass(frozen=True)
class Stated:
    """Every derived figure as the document prints it; None where it prints none."""

    table1: Mapping[str, Series] = field(default_factory=dict)
    payback: Mapping[str, str] = field(default_factory=dict)
    distribution: StatedTable | None = None
    admin_total: Series | None = None
    technical: Mapping[str, StatedTable] = field(default_factory=dict)
    # Tabel 1's total column as printed: a row (a line's id, a subtotal's key) -> its total
    # over the years (an English outline business case's "Total", typed by hand)
    table1_totals: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze(self, "table1", "payback", "technical", "table1_totals")


class TargetRole(StrEnum):
    ACHIEVED = "achieved"  # opnået varig ændring
    TARGET = "target"  # måltal
    MANKO = "manko"  # as printed
    # "Samlet varig ændring" in the table's own price basis: the proposal's permanent change
    # on all styringsområder, which the check compares with its lines
    TOTAL = "total"
    OTHER = "other"


@dataclass(frozen=True)
class TargetRow:
    label: str
    area: str | None
    role: TargetRole
    values: Series
    # a row under another price basis than the table's ("1.000 kr. 2025 p/l"): the source
    # prints such rows as a table of their own below
    price_basis: str = ""


@dataclass(frozen=True)
class Targets:
    """Target accounting (måltal, achieved, manko) as Forslag 7's Tabel 4 prints it."""

    title: str
    rows: tuple[TargetRow, ...]
    price_basis: str = ""
    # the table's columns: a year printed blank in every row is still a column (Tabel 4 runs
    # to 2029, its last years blank)
    years: tuple[int, ...] = ()

    def _role(self, role: TargetRole) -> Series | None:
        return next((r.values for r in self.rows if r.role is role), None)

    @property
    def achieved(self) -> Series:
        return self._role(TargetRole.ACHIEVED) or Series()

    @property
    def target(self) -> Series:
        return self._role(TargetRole.TARGET) or Series()

    @property
    def stated_manko(self) -> Series | None:
        return self._role(TargetRole.MANKO)

    @property
    def stated_total(self) -> Series | None:
        return self._role(TargetRole.TOTAL)


@dataclass(frozen=True)
class Scope:
    """What the template's rules ask about a proposal; None where it is not known."""

    digitalisation: bool | None = None
    new_it_system: bool | None = None
    m2_change: bool | None = None
    employer_area: bool | None = None


# the template's tables that a text can follow (``Proposal.texts_after``), besides a basis table
ECONOMY_TABLE = "economy"  # Tabel 1, the proposal's total economic consequences
DISTRIBUTION_TABLE = "distribution"  # the distribution over committees (section 2.1)
TARGETS_TABLE = "targets"  # target accounting (Forslag 7's Tabel 4)
TABLES_WITH_TEXT_AFTER = (ECONOMY_TABLE, DISTRIBUTION_TABLE, TARGETS_TABLE)


@dataclass(frozen=True)
class Proposal:
    id: str
    title: str
    type: ProposalType
    years: tuple[int, ...]
    price_level: int
    lines: tuple[Line, ...]
    scale: int = 1000
    heading: str = ""
    confidential: bool = False
    # the data holds only the proposal's catalog row (its figures by year, its investment,
    # what it states of its payback) and perhaps its summary: nothing that the document itself
    # would state can be checked or derived. Why is said by ``confidential``: the proposal is
    # withheld (FORTROLIG), or, not confidential, the body publishes only this summary
    # (``summary_only``)
    catalog_entry_only: bool = False
    presenting: tuple[str, ...] = ()
    affected: tuple[str, ...] = ()
    innovation: bool | None = None
    innovation_title: str | None = None
    simplification: bool | None = None
    summary: str = ""
    description: str = ""
    economy_text: str = ""
    distribution_text: str = ""
    partners_text: str = ""
    notes: tuple[str, ...] = ()
    # a subtotal of Tabel 1 ("varig_service", "impl_service") that the document prints as one
    # row per administration: administration -> the row's label as printed, in printed order
    table1_split: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    keys: Mapping[str, Key] = field(default_factory=dict)
    budget_moves: tuple[BudgetMove, ...] = ()
    basis: tuple[BasisTable, ...] = ()
    followup: tuple[FollowUp, ...] = ()
    followup_text: str = ""
    risk_level: RiskLevel | None = None
    risk_text: str = ""
    admin_text: str = ""
    admin_rows: tuple[AdminRow, ...] = ()
    consultations: tuple[Consultation, ...] = ()
    # section 7's prose under the technical tables; the "Bilagsoversigt" section; the heading
    # of the administrative appendix (sections 5 to 7), each as printed
    technical_text: str = ""
    appendices_text: str = ""
    appendix_heading: str = ""
    # a printed text that the source prints right after a table, not with the section's other
    # prose: table (TABLES_WITH_TEXT_AFTER or a basis table's id) -> text
    texts_after: Mapping[str, str] = field(default_factory=dict)
    # the template's headings as the proposal prints them: its own wording, or None where it
    # prints none; a heading not named is printed in the template's words
    printed_headings: Mapping[str, str | None] = field(default_factory=dict)
    scope: Scope = Scope()
    targets: Targets | None = None
    effects: tuple[Effect, ...] = ()
    # figures the texts state, each with what in the tables it refers to (issue 14)
    claims: tuple[Claim, ...] = ()
    stated: Stated = Stated()
    remarks: tuple[str, ...] = ()  # internal notes (sources, transcription), never printed
    appraisal: Appraisal | None = None  # funding and options compared (core/appraisal)

    def __post_init__(self) -> None:
        freeze(self, "keys", "texts_after", "printed_headings")
        split = {k: read_only(v) for k, v in self.table1_split.items()}
        object.__setattr__(self, "table1_split", read_only(split))

    @property
    def printed_basis(self) -> tuple[BasisTable, ...]:
        """The basis tables a document draws."""
        return tuple(b for b in self.basis if b.printed)

    @property
    def summary_only(self) -> bool:
        """The body publishes only a summary of the proposal, its catalog row and its short
        text, and the proposal is not confidential: everyone reads all there is, and a document
        prints it as a public summary, never as withheld. Another municipality's summary
        catalog holds every proposal so; the seed's F1 is a catalog row alone because it is
        confidential, so it is not ``summary_only``."""
        return self.catalog_entry_only and not self.confidential

    @property
    def payback_derived(self) -> bool:
        """Whether a payback can be computed from the data: only where the data holds the
        proposal's Tabel 1 year by year. A catalog row gives the investment as one sum with no
        years, so the payback of a proposal known by its row alone is as stated, never
        recomputed (from a stand-in year it would only be invented)."""
        return not self.catalog_entry_only

    @property
    def assumptions_date(self) -> dt.date:
        """The day the proposal's shared assumptions are read: 1 January of its price level,
        so a proposal in 2025 p/l uses the values in force when 2025's budget was made."""
        return dt.date(self.price_level, 1, 1)

    def line(self, line_id: str) -> Line:
        """The line by its id (the first, should two share one)."""
        found = self._lines_by_id.get(line_id)
        if found is None:
            raise MissingKeyError(f"linjen {line_id!r} findes ikke i forslag {self.id}")
        return found

    @cached_property
    def _lines_by_id(self) -> dict[str, Line]:
        """The lines by id, made once: the check looks up the lines of each of a proposal's
        effects, which searched the lines one by one."""
        by_id: dict[str, Line] = {}
        for line in self.lines:
            by_id.setdefault(line.id, line)
        return by_id


@dataclass(frozen=True)
class CatalogRow:
    no: str
    proposal: str | None
    label: str
    effect: Series
    investment: Decimal | None
    approved_with: str
    note_refs: tuple[str, ...] = ()
    marker: str = ""
    # what the row states with no year, as printed: its payback ("3 år", "3,5 år"), its
    # effect at full phase-in ("Effektivisering ved fuld indfasning", a positive contribution
    # as the row's effect); None or "" where the catalog has no such column
    payback: str = ""
    full_effect: Decimal | None = None
    # the row's effect and investment split by styringsområde (the profile's area codes), as
    # printed: {"Service": Series({2026: 0,8}), "Overførsler": Series({2026: 0,4})} beside an
    # effect of 1,2 in 2026; empty where the row states no split. The parts are positive
    # contributions as ``effect``; the check compares them with the row's total and, where
    # the proposal has its own lines, with its lines on each area
    effect_by_area: Mapping[str, Series] = field(default_factory=dict)
    investment_by_area: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze(self, "effect_by_area", "investment_by_area")


@dataclass(frozen=True)
class CatalogGroup:
    committee: str
    rows: tuple[CatalogRow, ...]


@dataclass(frozen=True)
class CatalogTable:
    id: str
    title: str
    years: tuple[int, ...]
    groups: tuple[CatalogGroup, ...]
    total_effect: Series | None
    total_investment: Decimal | None
    notes: tuple[str, ...] = ()
    unit: str = ""
    text: str = ""  # printed prose beside the table
    remarks: tuple[str, ...] = ()  # internal notes, never printed
    total_full_effect: Decimal | None = None  # the printed total at full phase-in

    def rows(self) -> tuple[CatalogRow, ...]:
        return tuple(r for g in self.groups for r in g.rows)


@dataclass(frozen=True)
class Statement:
    """A figure the catalog states in words, e.g. "55,6 mio. kr. i 2025"."""

    text: str
    table: str
    year: int | None  # None: the permanent (varig) effect
    mio_kr: Decimal


class UnknownProposalError(NotFoundError):
    """A proposal id that the catalog does not hold."""

    def __str__(self) -> str:
        return f"forslaget {self.args[0]!r} findes ikke i kataloget"


@dataclass(frozen=True)
class Pool:
    """The investment pool (investeringspuljen) of a catalog's budget round: the money
    available for the round's investments each year (1.000 kr., the catalog's price level),
    and where the figures come from (a budget agreement, a decision)."""

    amounts: Series
    source: str


@dataclass(frozen=True)
class Shares:
    """Each administration's (or committee's) share of a municipality-wide target, as
    weights by name (e.g. its service spending), and where the figures come from."""

    source: str
    weights: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        freeze(self, "weights")


@dataclass(frozen=True)
class Target:
    """A target (måltal) a year, in 1.000 kr. at ``price_level`` p/l, savings negative: per
    committee as set (``committees``, by the profile's unit names), or for the whole
    municipality (``total``), shared out by ``shares`` where they are given. It counts the
    effect on ``area`` (a styringsområde; None: all) of ``proposals`` (None: every approved
    proposal of the catalog)."""

    id: str
    label: str
    source: str
    price_level: int
    area: str | None = None
    proposals: tuple[str, ...] | None = None
    total: Series | None = None
    committees: Mapping[str, Series] = field(default_factory=dict)
    shares: Shares | None = None
    remarks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        freeze(self, "committees")

    @property
    def years(self) -> tuple[int, ...]:
        rows = [self.total] if self.total is not None else list(self.committees.values())
        return tuple(sorted({y for s in rows for y in s}))


@dataclass(frozen=True)
class Catalog:
    id: str
    title: str
    municipality: str
    round: str
    price_level: int
    profile: Profile
    proposals: tuple[Proposal, ...]
    tables: tuple[CatalogTable, ...] = ()
    statements: tuple[Statement, ...] = ()
    intro: str = ""
    scale: int = 1000
    remarks: tuple[str, ...] = ()
    pool: Pool | None = None
    targets: tuple[Target, ...] = ()

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal by its id, in any case (the first, should two differ by case only)."""
        found = self._by_id.get(proposal_id.casefold())
        if found is None:
            raise UnknownProposalError(proposal_id)
        return found

    @cached_property
    def _by_id(self) -> dict[str, Proposal]:
        """The proposals by their ids in one case, made once: a catalog's tables look up each
        of their rows' proposals, which searched every proposal a row (n² for the catalog)."""
        by_id: dict[str, Proposal] = {}
        for p in self.proposals:
            by_id.setdefault(p.id.casefold(), p)
        return by_id

    def table(self, table_id: str) -> CatalogTable:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise MissingKeyError(f"tabellen {table_id!r} findes ikke i kataloget")
