# SPDX-License-Identifier: MPL-2.0
"""Where each proposal stands in its lifecycle, and a move to its next state (issue 13,
item 1): the states and transitions are the catalog profile's ``workflow``, the rules that
guard them are :mod:`gevinst.core.lifecycle`'s, and the transitions taken are the store's
events. The conditions are judged on the check's findings over the catalog as the actor may
see it, computed once for each call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gevinst.core.access import Actor, may_read_in_full, require_read_in_full, visible
from gevinst.core.change_requests import needs_change_request
from gevinst.core.check import check_catalog
from gevinst.core.errors import AccessDeniedError, InputError, TransitionRefusedError
from gevinst.core.findings import Finding
from gevinst.core.lifecycle import Event, Transition, Workflow, current, require_transition
from gevinst.core.model import Catalog, Proposal
from gevinst.services import clock
from gevinst.stores.base import Store, require_event_count


@dataclass(frozen=True)
class StatusInfo:
    """A proposal's state, the number of events that put it there (what a move names as
    ``expected_count``), and each transition the actor may take from it with what it still
    misses (empty where it may be taken now)."""

    state: str
    label: str
    count: int
    available: tuple[tuple[Transition, tuple[str, ...]], ...]


def workflow_of(catalog: Catalog) -> Workflow:
    """The catalog profile's workflow; InputError where it keeps none."""
    if catalog.profile.workflow is None:
        raise InputError(
            f"profilen {catalog.profile.id} har intet forløb (workflow); forslagene i "
            f"kataloget {catalog.id} har ingen status"
        )
    return catalog.profile.workflow


def _missing(
    workflow: Workflow,
    state: str,
    t: Transition,
    actor: Actor,
    p: Proposal,
    catalog: Catalog,
    findings: Sequence[Finding],
) -> tuple[str, ...] | None:
    """What ``t`` misses for ``p``; None where ``actor`` may not take it at all."""
    try:
        require_transition(workflow, state, t.id, actor, p, catalog.profile, findings)
    except AccessDeniedError:
        return None
    except TransitionRefusedError as e:
        return e.missing
    return ()


def status(
    store: Store, actor: Actor, key: str, findings: Sequence[Finding] | None = None
) -> dict[str, StatusInfo]:
    """Each proposal's status by its id, in the catalog's order; empty for a catalog whose
    profile has no workflow. A confidential proposal the actor may not read in full has no
    status here: the catalog publishes its row, not where it stands. ``findings`` are the
    visible catalog's, where the caller has checked it already (services.check)."""
    full = store.catalog(key)
    catalog = visible(full, actor)
    workflow = catalog.profile.workflow
    if workflow is None:
        return {}
    if findings is None:
        findings = check_catalog(catalog)
    result = {}
    by_proposal = store.events_by_proposal(key)
    # a proposal the actor may read in full is the same in ``full`` as in ``catalog``
    for p in full.proposals:
        if not may_read_in_full(actor, p):
            continue
        events = by_proposal.get(p.id, [])
        state = current(workflow.initial, events)
        available = []
        for t in workflow.available(state):
            missing = _missing(workflow, state, t, actor, p, catalog, findings)
            if missing is not None:
                available.append((t, missing))
        label = workflow.state(state).label
        result[p.id] = StatusInfo(state, label, len(events), tuple(available))
    return result


def move(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    transition_id: str,
    comment: str,
    *,
    expected_count: int,
) -> Event:
    """Take ``transition_id`` for the proposal, seen with ``expected_count`` events; raises
    ConflictError if it has moved since, InputError if the transition cannot be taken from
    its state, AccessDeniedError if the actor may not take it, TransitionRefusedError with
    the missing conditions."""
    catalog = visible(store.catalog(key), actor)
    workflow = workflow_of(catalog)
    p = catalog.proposal(proposal_id)
    events = store.events(key, p.id)
    # a state judged on events the caller did not see would refuse with a misleading reason
    require_event_count(p.id, expected_count, len(events))
    state = current(workflow.initial, events)
    findings = check_catalog(catalog)
    t = require_transition(workflow, state, transition_id, actor, p, catalog.profile, findings)
    event = Event(
        transition=t.id,
        from_state=state,
        to_state=t.to,
        who=actor.name,
        when=clock.now(),
        comment=comment.strip(),
    )
    store.add_event(key, p.id, event, expected_count=expected_count)
    return event


def history(store: Store, actor: Actor, key: str, proposal_id: str) -> list[Event]:
    """The transitions the proposal has taken, the oldest first."""
    p = store.catalog(key).proposal(proposal_id)
    require_read_in_full(actor, p)
    return store.events(key, p.id)


def requires_change_request(store: Store, key: str, proposal_id: str) -> bool:
    """Whether an edit of the proposal must go through a change request now: its state is at
    or after the workflow's ``change_requests_from`` (gevinst.core.change_requests)."""
    catalog = store.catalog(key)
    flow = catalog.profile.workflow
    if flow is None or flow.change_requests_from is None:
        return False
    pid = catalog.proposal(proposal_id).id
    return needs_change_request(flow, current(flow.initial, store.events(key, pid)))


def require_direct_save(store: Store, key: str, proposal_id: str) -> None:
    """Refuse a direct save of a proposal whose edits go through a change request."""
    if requires_change_request(store, key, proposal_id):
        raise InputError(
            f"forslag {proposal_id} er godkendt; en ændring skal nu gennem en "
            "ændringsanmodning, som Center for Økonomi godkender eller afviser"
        )
