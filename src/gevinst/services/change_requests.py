# SPDX-License-Identifier: MPL-2.0
"""Changes after approval (gevinst.core.change_requests): an edit of a proposal at or after
the workflow's ``change_requests_from`` state is kept as a change request, which those who
edit the whole catalog (CFØ) accept, saving it as a new version from its base, or reject
with a note. A confidential proposal's requests are shown only to those who may read it in
full."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gevinst.core.access import (
    Actor,
    may_read_in_full,
    require_read_in_full,
)
from gevinst.core.change_requests import ChangeRequest, Decision, require_decision
from gevinst.format.diff import Difference, differences
from gevinst.services import clock, proposals
from gevinst.services.workflow import requires_change_request
from gevinst.stores.base import Change, Store, Version, numbered


def request_change(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    document: Mapping[str, Any],
    *,
    base: str,
    why: str,
) -> ChangeRequest:
    """Keep ``document``, edited from version ``base``, as a change request of the proposal:
    checked as a save is (:func:`gevinst.services.proposals.checked_edit`)."""
    current = proposals.checked_edit(store, actor, key, proposal_id, document, why)
    change = Change(who=actor.name, when=clock.now(), why=why.strip())
    return store.add_change_request(key, current.id, document, base=base, change=change)


def submit_edit(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    document: Mapping[str, Any],
    *,
    base: str,
    why: str,
) -> Version | ChangeRequest:
    """The editor's save: a new version, or after approval a change request."""
    if requires_change_request(store, key, proposal_id):
        return request_change(store, actor, key, proposal_id, document, base=base, why=why)
    return proposals.save_proposal(store, actor, key, proposal_id, document, base=base, why=why)


def list_requests(store: Store, actor: Actor, key: str) -> list[ChangeRequest]:
    """The catalog's change requests the actor may see, the oldest first."""
    catalog = store.catalog(key)
    return [
        r
        for r in store.change_requests(key)
        if may_read_in_full(actor, catalog.proposal(r.proposal))
    ]


@dataclass(frozen=True)
class Detail:
    """A change request with its difference from the version it was edited from, and
    whether that version is still the current one (if not, accepting it is a conflict)."""

    request: ChangeRequest
    title: str
    differences: tuple[Difference, ...]
    current: str
    stale: bool


def detail(store: Store, actor: Actor, key: str, number: int) -> Detail:
    request = numbered(store.change_requests(key), number)
    p = store.catalog(key).proposal(request.proposal)
    require_read_in_full(actor, p)
    before = store.proposal_at(key, p.id, request.base)
    after = store.proposal_at(key, p.id, request.proposed)
    current = store.proposal(key, p.id).version
    stale = request.is_open and current != request.base
    return Detail(request, p.title, tuple(differences(before, after)), current, stale)


def accept(store: Store, actor: Actor, key: str, number: int, note: str = "") -> Version:
    """Save the request's document as the proposal's new version from the request's base
    (a base no longer current is a ConflictError, and the request stays open), then record
    the acceptance."""
    request = numbered(store.change_requests(key), number)
    require_decision(actor, request, True, note)
    document = store.proposal_at(key, request.proposal, request.proposed)
    why = f"ændringsanmodning {number} fra {request.who}: {request.why}"
    saved = store.save_proposal(
        key,
        request.proposal,
        document,
        base=request.base,
        change=Change(who=actor.name, when=clock.now(), why=why),
    )
    decision = Decision(accepted=True, who=actor.name, when=clock.now(), note=note.strip())
    store.decide_change_request(key, number, decision)
    return saved


def reject(store: Store, actor: Actor, key: str, number: int, note: str) -> ChangeRequest:
    """Record the rejection with its note; nothing is saved."""
    request = numbered(store.change_requests(key), number)
    require_decision(actor, request, False, note)
    decision = Decision(accepted=False, who=actor.name, when=clock.now(), note=note.strip())
    return store.decide_change_request(key, number, decision)
