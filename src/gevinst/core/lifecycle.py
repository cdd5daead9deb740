# SPDX-License-Identifier: MPL-2.0
"""A proposal's life from draft to realised benefit: its states and the transitions between
them, each guarded by the template's rules, as data in the body's profile (``workflow``).

A proposal's state is not in its document: it is the last of its transitions (events) that
the store keeps beside the documents, or the workflow's first state where there are none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from gevinst.core import calc
from gevinst.core.access import Actor, Edits, may_edit
from gevinst.core.errors import AccessDeniedError, InputError, TransitionRefusedError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal
from gevinst.core.numbers import dk

if TYPE_CHECKING:
    from gevinst.core.profile import Profile


@dataclass(frozen=True)
class State:
    id: str
    label: str


@dataclass(frozen=True, kw_only=True)
class Transition:
    """A step from any of ``from_states`` to ``to``, taken by those who may edit the proposal
    (``own``) or only by those who edit the whole catalog (``catalog``), once every condition
    it ``requires`` is met."""

    id: str
    from_states: tuple[str, ...]
    to: str
    label: str
    by: Literal["own", "catalog"]
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Condition:
    """What a transition may require: that the check finds nothing of the ``rules`` named,
    nothing of ``severity``, and, for an investment of ``investment_at_least`` (1.000 kr.) or
    more, that a consultation of ``kind`` has answered yes."""

    id: str
    label: str
    rules: tuple[str, ...] = ()
    severity: Severity | None = None
    investment_at_least: Decimal | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Workflow:
    """A body's states and transitions, as its profile states them (states in order)."""

    initial: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    conditions: tuple[Condition, ...] = ()
    # the states in which a proposal's effect counts toward the targets (core.targets)
    counted: tuple[str, ...] = ()
    # from this state on, in the order of ``states``, an edit is a change request for those
    # who edit the whole catalog to accept (gevinst.core.change_requests); None: never
    change_requests_from: str | None = None

    def state(self, id: str) -> State:
        for s in self.states:
            if s.id == id:
                return s
        raise InputError(f"tilstanden {id!r} findes ikke")

    def transition(self, id: str) -> Transition:
        for t in self.transitions:
            if t.id == id:
                return t
        raise InputError(f"overgangen {id!r} findes ikke")

    def condition(self, id: str) -> Condition:
        for c in self.conditions:
            if c.id == id:
                return c
        raise InputError(f"betingelsen {id!r} findes ikke")

    def available(self, state: str) -> tuple[Transition, ...]:
        """The transitions that may be taken from ``state``, whoever asks and whatever is
        missing (:func:`require_transition` says whether one may be taken now)."""
        return tuple(t for t in self.transitions if state in t.from_states)


@dataclass(frozen=True, kw_only=True)
class Event:
    """One transition taken: who moved the proposal from which state to which, when, why."""

    transition: str
    from_state: str
    to_state: str
    who: str
    when: dt.datetime
    comment: str = ""


def current(initial: str, events: Sequence[Event]) -> str:
    """The state a proposal is in after ``events`` (oldest first)."""
    return events[-1].to_state if events else initial


def _blocking(condition: Condition, p: Proposal, findings: Iterable[Finding]) -> list[str]:
    """The messages of the proposal's findings that keep ``condition`` from being met."""
    messages = (
        f.message
        for f in findings
        if f.proposal == p.id and (f.rule in condition.rules or f.severity is condition.severity)
    )
    return list(dict.fromkeys(messages))


def _unreviewed(condition: Condition, p: Proposal, profile: Profile) -> str | None:
    """Why a large investment still needs its review, or None where it does not."""
    if condition.investment_at_least is None or condition.kind is None:
        return None
    investment = calc.implementation(p).total()
    if investment < condition.investment_at_least:
        return None
    if any(c.kind == condition.kind and c.heard for c in p.consultations):
        return None
    body = profile.consultation_kinds.get(condition.kind, condition.kind)
    return f"en investering på {dk(investment)} t.kr. kræver {body} hørt (ja)"


def missing(
    workflow: Workflow,
    transition: Transition,
    p: Proposal,
    profile: Profile,
    findings: Iterable[Finding],
) -> list[str]:
    """Why each condition ``transition`` requires is not met for ``p``, in Danish: one reason
    for each of the check's ``findings`` that blocks it, and one for a missing review; empty
    where the transition may be taken. The rules are the check's (:mod:`gevinst.core.check`),
    never repeated here."""
    seen = tuple(findings)
    reasons: list[str] = []
    for id in transition.requires:
        condition = workflow.condition(id)
        reasons += [f"{condition.label}: {m}" for m in _blocking(condition, p, seen)]
        if (review := _unreviewed(condition, p, profile)) is not None:
            reasons.append(f"{condition.label}: {review}")
    return reasons


def _lowered(label: str) -> str:
    """A label within a sentence: "Kladde" as "kladde", but "CFØ godkendt" as it is."""
    first = label.split(" ", 1)[0]
    return label if len(first) > 1 and first.isupper() else label[:1].lower() + label[1:]


def _may_take(actor: Actor, transition: Transition, p: Proposal) -> bool:
    if transition.by == "catalog":
        return actor.edits is Edits.CATALOG
    return may_edit(actor, p)


def require_transition(
    workflow: Workflow,
    state: str,
    transition_id: str,
    actor: Actor,
    p: Proposal,
    profile: Profile,
    findings: Iterable[Finding],
) -> Transition:
    """The transition ``transition_id`` if ``actor`` may take it now for ``p`` in ``state``;
    InputError if it does not exist or cannot be taken from ``state``, AccessDeniedError if
    ``actor`` may not take it, TransitionRefusedError with what is missing otherwise."""
    t = workflow.transition(transition_id)
    if state not in t.from_states:
        sources = [_lowered(workflow.state(s).label) for s in t.from_states]
        allowed = " eller ".join([", ".join(sources[:-1]), sources[-1]] if sources[1:] else sources)
        raise InputError(
            f"forslaget er {_lowered(workflow.state(state).label)}; "
            f"'{t.label}' kan kun ske fra {allowed}"
        )
    if not _may_take(actor, t, p):
        who = "de, der retter hele kataloget" if t.by == "catalog" else "de, der må rette forslaget"
        raise AccessDeniedError(
            f"{actor.name} må ikke tage skridtet '{t.label}' for forslag {p.id}; det kan kun {who}"
        )
    reasons = missing(workflow, t, p, profile, findings)
    if reasons:
        raise TransitionRefusedError(
            f"'{t.label}' kan ikke ske endnu: " + "; ".join(reasons), reasons
        )
    return t
