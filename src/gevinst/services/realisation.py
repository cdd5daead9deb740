# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering measured (issue 13, item 6): a goal's baseline and measurements, typed
in or imported from an operational system's CSV export; a proposal's realised effect
against its Tabel A and its spending against the investment granted; and the same per
committee for the whole catalog. The rules are :mod:`gevinst.core.realisation`'s.

Who may do what: recording needs the right to edit the proposal (:func:`require_edit`);
a proposal's realisation is shown to those who may read it in full; the catalog's totals
count a confidential proposal the actor may not read in full only as the catalog publishes
it: its planned effect and investment (on its committee where it has one), never what is
recorded against it (listed as ``withheld``).

Every write names the number of the catalog's records its caller saw (``expected_count``):
a write after another one since is a ConflictError and changes nothing.

A CSV import is all or nothing: where a value is rejected, nothing is saved unless the
caller accepts the rejections (``accept_rejections``), and then the accepted values and the
new column mappings are saved in one write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from gevinst.core import realisation as r
from gevinst.core.access import (
    Actor,
    may_edit,
    may_read_in_full,
    require_edit,
    require_read_in_full,
    visible,
)
from gevinst.core.calc import UNBOOKED
from gevinst.core.errors import AccessDeniedError, InputError
from gevinst.core.model import Catalog, FollowUp, Proposal
from gevinst.core.series import Series
from gevinst.services import clock
from gevinst.stores.base import Store
from gevinst.stores.realisation_file import require_realisation_count

# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalProgress:
    """A follow-up goal with its baseline in force and its measurements by date."""

    goal: r.GoalRef
    followup: FollowUp
    baseline: r.Baseline | None
    measurements: tuple[r.Measurement, ...]

    def latest(self) -> r.Measurement | None:
        return self.measurements[-1] if self.measurements else None

    def change(self) -> Decimal | None:
        """The latest measurement minus the baseline, where both are there."""
        last = self.latest()
        if last is None or self.baseline is None:
            return None
        return last.value - self.baseline.value


@dataclass(frozen=True)
class ProposalRealisation:
    proposal: Proposal
    count: int  # the catalog's records seen: what a write from this names as expected_count
    goals: tuple[GoalProgress, ...]
    effect: r.PlanAndOutcome  # realised against Tabel A, per committee
    spending: r.PlanAndOutcome  # spent against the investment granted (D + E), per committee
    realised: tuple[r.Realised, ...]  # every amount recorded, the oldest first
    spent: tuple[r.Spending, ...]
    effect_committees: tuple[str, ...]  # where an amount may be recorded; several: name one
    spending_committees: tuple[str, ...]
    columns: tuple[tuple[str, r.GoalRef | None], ...]  # the CSV columns mapped, as typed


def _order(catalog: Catalog) -> list[str]:
    return [c.code for c in catalog.profile.committees]


def _goals(p: Proposal, entries: Sequence[r.Entry]) -> tuple[GoalProgress, ...]:
    baselines = r.baselines(entries)
    refs = [r.GoalRef(p.id, n) for n in range(1, len(p.followup) + 1)]
    return tuple(
        GoalProgress(g, f, baselines.get(g), tuple(r.measurements(entries, g)))
        for g, f in zip(refs, p.followup, strict=True)
    )


def _named(planned: Mapping[str, Series], catalog: Catalog) -> tuple[str, ...]:
    named = [c for c, s in planned.items() if not s.is_zero()]
    return tuple(r.ordered(named, _order(catalog)))


def _comparisons(
    p: Proposal, catalog: Catalog, entries: Sequence[r.Entry]
) -> tuple[r.PlanAndOutcome, r.PlanAndOutcome]:
    realised = [e for e in r.in_force(entries, r.Realised).values() if e.proposal == p.id]
    spent = [e for e in r.in_force(entries, r.Spending).values() if e.proposal == p.id]
    profile = catalog.profile
    order = _order(catalog)
    planned = r.planned_effect(p, profile)
    effect = r.compare(planned, r.by_committee(realised, UNBOOKED), p.years, order)
    spending = r.compare(r.granted(p, profile), r.by_committee(spent, UNBOOKED), p.years, order)
    return effect, spending


def proposal_realisation(
    store: Store, actor: Actor, key: str, proposal_id: str
) -> ProposalRealisation:
    """A proposal's goals with their measurements, its realised effect and its spending
    against the plan; only for an actor who may read the proposal in full."""
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    require_read_in_full(actor, p)
    entries = store.realisation(key)
    effect, spending = _comparisons(p, catalog, entries)
    own = {r.GoalRef(p.id, n) for n in range(1, len(p.followup) + 1)}
    columns = tuple(
        (e.column, e.goal) for e in _latest_mappings(entries) if e.goal is None or e.goal in own
    )
    return ProposalRealisation(
        proposal=p,
        count=len(entries),
        goals=_goals(p, entries),
        effect=effect,
        spending=spending,
        realised=tuple(e for e in entries if isinstance(e, r.Realised) and e.proposal == p.id),
        spent=tuple(e for e in entries if isinstance(e, r.Spending) and e.proposal == p.id),
        effect_committees=_named(r.planned_effect(p, catalog.profile), catalog),
        spending_committees=_named(r.granted(p, catalog.profile), catalog),
        columns=columns,
    )


def _latest_mappings(entries: Sequence[r.Entry]) -> list[r.ColumnMapping]:
    latest: dict[str, r.ColumnMapping] = {}
    for e in entries:
        if isinstance(e, r.ColumnMapping):
            latest[r.column_key(e.column)] = e
    return list(latest.values())


@dataclass(frozen=True)
class ProposalRow:
    """One proposal's totals in the catalog's summary."""

    proposal: str
    title: str
    effect: r.OutcomeRow
    spending: r.OutcomeRow
    withheld: bool  # confidential and not readable by the actor: nothing recorded is shown


@dataclass(frozen=True)
class CatalogRealisation:
    """The catalog's realised effect against its planned effect, and its spending against
    the investment granted, per committee and year; the rows of every committee add up to
    the catalog's total (``effect.total``, ``spending.total``)."""

    effect: r.PlanAndOutcome
    spending: r.PlanAndOutcome
    proposals: tuple[ProposalRow, ...]
    withheld: tuple[str, ...]
    count: int


def catalog_realisation(store: Store, actor: Actor, key: str) -> CatalogRealisation:
    """Per committee and year, for the whole catalog as ``actor`` may see it: planned
    (Tabel A; the investment, D + E) against what is recorded as realised (spent). A
    confidential proposal the actor may not read in full counts only as the catalog
    publishes it: its plan, and nothing recorded against it."""
    full = store.catalog(key)
    catalog = visible(full, actor)
    entries = store.realisation(key)
    withheld = tuple(p.id for p in full.proposals if not may_read_in_full(actor, p))
    shown = [e for e in entries if r.proposal_of(e) not in withheld]
    rows, effects, spendings = [], [], []
    for p in catalog.proposals:
        effect, spending = _comparisons(p, catalog, shown)
        effects.append(effect)
        spendings.append(spending)
        rows.append(ProposalRow(p.id, p.title, effect.total, spending.total, p.id in withheld))
    order = _order(catalog)
    return CatalogRealisation(
        effect=r.combine(effects, order),
        spending=r.combine(spendings, order),
        proposals=tuple(rows),
        withheld=withheld,
        count=len(entries),
    )


# --- recording -------------------------------------------------------------------------------


def _editable(store: Store, actor: Actor, key: str, proposal_id: str) -> tuple[Catalog, Proposal]:
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    require_edit(actor, p)
    return catalog, p


def record_realised(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    year: int,
    amount: Decimal,
    evidence: str,
    committee: str | None = None,
    *,
    expected_count: int,
) -> r.Realised:
    """A proposal's realised effect in ``year`` (1.000 kr., savings negative), with the
    evidence it rests on: refused without evidence. ``committee`` where Tabel A splits the
    effect between committees; a later amount for the same year and committee corrects it."""
    catalog, p = _editable(store, actor, key, proposal_id)
    where = f"{p.id}, {year}"
    # the evidence first: without it nothing else about the amount matters
    proof = r.require_text(evidence, "dokumentation for den realiserede gevinst", where)
    r.require_year(year, p.years, where)
    entry = r.Realised(
        proposal=p.id,
        year=year,
        committee=r.committee_for(committee, r.planned_effect(p, catalog.profile), where),
        amount=r.require_amount(amount, where),
        evidence=proof,
        who=actor.name,
        when=clock.now(),
    )
    store.add_realisation(key, [entry], expected_count=expected_count)
    return entry


def record_spending(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    year: int,
    amount: Decimal,
    note: str = "",
    committee: str | None = None,
    *,
    expected_count: int,
) -> r.Spending:
    """Implementation money actually spent in ``year`` (1.000 kr.), per committee where the
    investment is split between committees (Tabel D and E)."""
    catalog, p = _editable(store, actor, key, proposal_id)
    where = f"{p.id}, {year}"
    r.require_year(year, p.years, where)
    entry = r.Spending(
        proposal=p.id,
        year=year,
        committee=r.committee_for(committee, r.granted(p, catalog.profile), where),
        amount=r.require_amount(amount, where),
        note=note.strip(),
        who=actor.name,
        when=clock.now(),
    )
    store.add_realisation(key, [entry], expected_count=expected_count)
    return entry


def _goal(store: Store, actor: Actor, key: str, goal: str) -> r.GoalRef:
    catalog = store.catalog(key)
    ref = r.parse_goal(goal, [p.id for p in catalog.proposals])
    p = catalog.proposal(ref.proposal)
    require_edit(actor, p)
    r.require_goal(ref, len(p.followup))
    return ref


def record_baseline(
    store: Store,
    actor: Actor,
    key: str,
    goal: str,
    value: Decimal,
    day: date,
    source: str,
    *,
    expected_count: int,
) -> r.Baseline:
    """A goal's baseline (``PROPOSAL/N``): a later one replaces it."""
    ref = _goal(store, actor, key, goal)
    entry = r.Baseline(
        goal=ref,
        value=r.require_amount(value, str(ref)),
        day=day,
        source=r.require_text(source, "kilden til udgangspunktet", str(ref)),
        who=actor.name,
        when=clock.now(),
    )
    store.add_realisation(key, [entry], expected_count=expected_count)
    return entry


def record_measurement(
    store: Store,
    actor: Actor,
    key: str,
    goal: str,
    value: Decimal,
    day: date,
    note: str = "",
    *,
    expected_count: int,
) -> r.Measurement:
    """A measurement of a goal's measure on ``day``; one a goal and day (a second is a
    duplicate, refused)."""
    ref = _goal(store, actor, key, goal)
    if any(m.day == day for m in r.measurements(store.realisation(key), ref)):
        raise InputError(f"{ref} har allerede en måling {day.isoformat()}; intet er gemt")
    entry = r.Measurement(
        goal=ref,
        value=r.require_amount(value, str(ref)),
        day=day,
        note=note.strip(),
        who=actor.name,
        when=clock.now(),
    )
    store.add_realisation(key, [entry], expected_count=expected_count)
    return entry


@dataclass(frozen=True)
class Imported:
    """What an import read and whether it was saved: nothing is, where a value is rejected
    and the rejections were not accepted."""

    measurements: tuple[r.Measurement, ...]
    rejections: tuple[r.Rejection, ...]
    unmapped: tuple[str, ...]
    mapped: tuple[r.ColumnMapping, ...]  # the new mappings
    saved: bool


def _new_mappings(
    catalog: Catalog, actor: Actor, mapping: Mapping[str, str], when: datetime
) -> list[r.ColumnMapping]:
    ids = [p.id for p in catalog.proposals]
    out = []
    for column, target in mapping.items():
        if not column.strip():
            raise InputError(f"en kobling mangler kolonnens navn (til {target!r})")
        goal = None
        if target.strip().casefold() != r.DATE_COLUMN:
            goal = r.parse_goal(target, ids)
            r.require_goal(goal, len(catalog.proposal(goal.proposal).followup))
        out.append(r.ColumnMapping(column=column.strip(), goal=goal, who=actor.name, when=when))
    return out


def import_measurements(
    store: Store,
    actor: Actor,
    key: str,
    table: r.Table,
    mapping: Mapping[str, str] | None = None,
    *,
    accept_rejections: bool = False,
    expected_count: int,
) -> Imported:
    """The measurements of an operational system's CSV export (``table``, read by
    :func:`gevinst.importers.measurements.read_csv`): each column tied to a goal by the
    stored mappings and the new ``mapping`` (column -> ``PROPOSAL/N``, or ``dato`` for the
    rows' dates), which is stored with the measurements for the next import. Every rejected
    value is named; where there is one, nothing is saved unless ``accept_rejections``.
    AccessDeniedError where a column of the file is tied to a goal of a proposal the actor
    may not edit."""
    catalog = store.catalog(key)
    entries = store.realisation(key)
    require_realisation_count(expected_count, len(entries))
    when = clock.now()
    stored = r.mappings(entries)
    new = [
        m
        for m in _new_mappings(catalog, actor, mapping or {}, when)
        if r.column_key(m.column) not in stored or stored[r.column_key(m.column)] != m.goal
    ]
    merged = {**stored, **{r.column_key(m.column): m.goal for m in new}}
    goals = {p.id: len(p.followup) for p in catalog.proposals}
    for header in table.header:
        goal = merged.get(r.column_key(header))
        if goal is not None and goal.proposal in goals:
            p = catalog.proposal(goal.proposal)
            if not may_edit(actor, p):
                raise AccessDeniedError(
                    f"{table.file}: kolonnen {header!r} hører til {goal}; {actor.name} må ikke "
                    f"registrere for forslag {p.id}; intet er gemt"
                )
    read = r.read_rows(
        table,
        merged,
        goals,
        (e for e in entries if isinstance(e, r.Measurement)),
        who=actor.name,
        when=when,
    )
    saved = not read.rejections or accept_rejections
    if saved:
        store.add_realisation(key, [*new, *read.measurements], expected_count=expected_count)
    return Imported(read.measurements, read.rejections, read.unmapped, tuple(new), saved)


def goal_choices(store: Store, actor: Actor, key: str) -> list[tuple[r.GoalRef, FollowUp]]:
    """The goals the actor may record against, proposal by proposal."""
    return [
        (r.GoalRef(p.id, n), f)
        for p in store.catalog(key).proposals
        if may_edit(actor, p)
        for n, f in enumerate(p.followup, start=1)
    ]
