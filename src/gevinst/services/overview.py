# SPDX-License-Identifier: MPL-2.0
"""A round on one page (issue 13, done when): where every proposal of a catalog stands, what
blocks it (the steps that wait and what they miss, the consultations not yet answered, the
open review comments, the change requests CFØ has not decided), and which promised savings
are overdue for evidence on a given day: the goals of the proposals that count toward the
targets (:func:`gevinst.core.targets.counted`: approved
in an earlier round, or moved to a state the profile counts).

It composes what the other services give (the check, the lifecycle's status, the follow-up's
due items); it holds no rule of its own. A confidential proposal the actor may not read in
full is counted, not shown: the catalog publishes its row, not where it stands."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from gevinst.core.access import Actor
from gevinst.core.change_requests import ChangeRequest
from gevinst.core.consultation import Asked, Status
from gevinst.core.lifecycle import State, Transition
from gevinst.core.model import Catalog, Proposal
from gevinst.core.rounds import approved_with
from gevinst.core.targets import counted
from gevinst.services.change_requests import list_requests
from gevinst.services.check import check_catalog
from gevinst.services.comments import open_counts
from gevinst.services.consultations import unanswered
from gevinst.services.followup import Item, overdue_items
from gevinst.services.workflow import StatusInfo, status, workflow_of
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Overdue:
    """A follow-up goal with occurrences whose interval has ended without evidence: how many,
    and the end of the oldest (overdue since the day after)."""

    goal: str
    measure: str
    responsible: str
    occurrences: int
    since: date


def _overdue(items: list[Item]) -> tuple[Overdue, ...]:
    """The overdue ``items`` of one proposal by goal, in the order the goals first appear."""
    by_goal: dict[str, list[Item]] = {}
    for i in items:
        by_goal.setdefault(i.goal, []).append(i)
    return tuple(
        Overdue(goal, own[0].measure, own[0].responsible, len(own), min(i.due_to for i in own))
        for goal, own in by_goal.items()
    )


@dataclass(frozen=True)
class Question:
    """A consultation not yet answered: the body asked, by when, and whether that has passed."""

    body: str
    due: date
    overdue: bool


def _questions(asked: list[Asked], as_of: date) -> tuple[Question, ...]:
    return tuple(
        Question(a.request.body, a.request.due, a.status(as_of) is Status.OVERDUE) for a in asked
    )


@dataclass(frozen=True)
class Standing:
    """A proposal's place in the round: its state, the steps that may be taken now, those
    that wait with what each misses, and its follow-up occurrences overdue on the day."""

    proposal: Proposal
    state: str
    label: str
    approved_with: str  # the round the catalog's row names, "" where it names none
    ready: tuple[Transition, ...]
    waiting: tuple[tuple[Transition, tuple[str, ...]], ...]
    overdue: tuple[Overdue, ...]
    consultations: tuple[Question, ...] = ()  # not yet answered
    comments: int = 0  # open review threads
    requests: tuple[ChangeRequest, ...] = ()  # not yet decided


@dataclass(frozen=True)
class Overview:
    """The round as of ``as_of``: how many proposals are in each state (in the workflow's
    order, states with none left out), each proposal's standing, and how many proposals are
    not shown to the actor."""

    catalog: Catalog
    as_of: date
    states: tuple[tuple[State, int], ...]
    standings: tuple[Standing, ...]
    unpublished: int

    @property
    def waiting(self) -> int:
        """How many proposals have a step that waits for something."""
        return sum(1 for s in self.standings if s.waiting)

    @property
    def open_questions(self) -> int:
        """How many consultations are not yet answered."""
        return sum(len(s.consultations) for s in self.standings)

    @property
    def open_requests(self) -> int:
        """How many change requests wait for CFØ's decision."""
        return sum(len(s.requests) for s in self.standings)

    @property
    def overdue(self) -> int:
        """How many follow-up goals are overdue for evidence."""
        return sum(len(s.overdue) for s in self.standings)


@dataclass(frozen=True)
class _Open:
    """What is open in the catalog, by proposal id, as the actor may see it."""

    as_of: date
    overdue: list[Item]
    consultations: dict[str, list[Asked]]
    comments: dict[str, int]
    requests: list[ChangeRequest]


def _standing(p: Proposal, info: StatusInfo, approved: str, still: _Open) -> Standing:
    return Standing(
        p,
        info.state,
        info.label,
        approved,
        tuple(t for t, missing in info.available if not missing),
        tuple((t, missing) for t, missing in info.available if missing),
        _overdue([i for i in still.overdue if i.proposal == p.id]),
        _questions(still.consultations.get(p.id, []), still.as_of),
        still.comments.get(p.id, 0),
        tuple(r for r in still.requests if r.proposal == p.id),
    )


def overview(store: Store, actor: Actor, key: str, as_of: date) -> Overview:
    """The round of catalog ``key`` as ``actor`` may see it on ``as_of``. Raises InputError
    where the profile keeps no lifecycle or a follow-up time phrase cannot be read."""
    checked = check_catalog(store, actor, key)
    catalog = checked.catalog
    workflow = workflow_of(catalog)
    infos = status(store, actor, key, checked.findings)
    # a goal is owed once its saving is promised: where the proposal counts toward the targets
    promised = set(counted(catalog, {pid: i.state for pid, i in infos.items() if i.count}))
    still = _Open(
        as_of,
        [i for i in overdue_items(store, actor, key, as_of) if i.proposal in promised],
        unanswered(store, actor, key),
        open_counts(store, actor, key),
        [r for r in list_requests(store, actor, key) if r.is_open],
    )
    approved = approved_with(catalog)
    standings = tuple(
        _standing(p, infos[p.id], approved.get(p.id, ""), still)
        for p in catalog.proposals
        if p.id in infos
    )
    counts = Counter(s.state for s in standings)
    states = tuple((s, counts[s.id]) for s in workflow.states if counts[s.id])
    return Overview(
        catalog,
        as_of,
        states,
        standings,
        len(catalog.proposals) - len(standings),
    )
