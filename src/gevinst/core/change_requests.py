# SPDX-License-Identifier: MPL-2.0
"""Changes after approval: once a proposal has reached the workflow's
``change_requests_from`` state (CFØ's final approval in Copenhagen's profile) or any state
after it, an edit is not saved directly. It becomes a change request: the proposed document,
the version it was edited from, why, and who asked. Someone who edits the whole catalog (CFØ)
accepts it, and it is saved as a new version from its base (a base that is no longer the
current version is a conflict), or rejects it with a note. A request is decided once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.lifecycle import Workflow


@dataclass(frozen=True, kw_only=True)
class Decision:
    accepted: bool
    who: str
    when: dt.datetime
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ChangeRequest:
    """A proposed new version of a proposal, numbered from 1 in its catalog."""

    number: int
    proposal: str
    base: str  # the version it was edited from
    proposed: str  # the version id of the proposed document
    why: str
    who: str
    when: dt.datetime
    decision: Decision | None = None

    @property
    def is_open(self) -> bool:
        return self.decision is None


def needs_change_request(workflow: Workflow | None, state: str) -> bool:
    """Whether an edit of a proposal in ``state`` must go through a change request: the state
    is the workflow's ``change_requests_from`` or comes after it in the workflow's order.

    >>> from gevinst.core.lifecycle import State
    >>> flow = Workflow("draft", (State("draft", "Kladde"), State("approved", "Godkendt"),
    ...     State("budget", "I budgettet")), (), change_requests_from="approved")
    >>> [needs_change_request(flow, s) for s in ("draft", "approved", "budget")]
    [False, True, True]
    """
    if workflow is None or workflow.change_requests_from is None:
        return False
    order = [s.id for s in workflow.states]
    return order.index(state) >= order.index(workflow.change_requests_from)


def require_decision(actor: Actor, request: ChangeRequest, accepted: bool, note: str) -> None:
    """Raise unless ``actor`` may decide ``request`` so now: only those who edit the whole
    catalog decide, a request is decided once, and a rejection says why."""
    if actor.edits is not Edits.CATALOG:
        raise AccessDeniedError(
            f"{actor.name} må ikke afgøre ændringsanmodning {request.number}; det kan kun de, "
            "der retter hele kataloget"
        )
    if request.decision is not None:
        done = "godkendt" if request.decision.accepted else "afvist"
        raise ConflictError(
            f"ændringsanmodning {request.number} til forslag {request.proposal} er allerede "
            f"{done} af {request.decision.who}"
        )
    if not accepted and not note.strip():
        raise InputError(f"skriv hvorfor ændringsanmodning {request.number} afvises")
