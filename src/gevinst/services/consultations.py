# SPDX-License-Identifier: MPL-2.0
"""Consultations (issue 13, item 2): a body asked to be heard on a proposal by a due date,
and its answer, which saves a new version of the proposal with its "Hvem er hørt?" table
filled. The rules are :mod:`gevinst.core.consultation`'s; the requests and answers are the
store's review records."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gevinst.core.access import Actor, may_read_in_full, require_read_in_full
from gevinst.core.consultation import (
    Answer,
    Asked,
    Request,
    addressee,
    asked,
    find,
    heard,
    require_answer,
    require_request,
)
from gevinst.core.errors import ConflictError
from gevinst.core.model import Proposal
from gevinst.format.writer import proposal_document
from gevinst.services import clock, proposals
from gevinst.stores.base import Store, Version


def requests(store: Store, actor: Actor, key: str, proposal_id: str) -> list[Asked]:
    """The proposal's consultations, the first asked first, each with its answer."""
    p = store.catalog(key).proposal(proposal_id)
    require_read_in_full(actor, p)
    return asked(store.review_records(key, p.id))


def request(
    store: Store, actor: Actor, key: str, proposal_id: str, to: str, due: dt.date, note: str = ""
) -> Asked:
    """Ask ``to`` (a consultation kind of the profile, or an administration's code) to be
    heard on the proposal by ``due``."""
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    when = clock.now()
    require_request(actor, p, due, when)
    kind, body = addressee(catalog.profile, to)
    made = Request(
        to=to, kind=kind, body=body, due=due, note=note.strip(), who=actor.name, when=when
    )
    records = store.review_records(key, p.id)
    store.add_review_record(key, p.id, made, expected_count=len(records))
    return Asked(len(asked(records)) + 1, made)


def answer(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    number: int,
    *,
    heard_yes: bool,
    date: dt.date,
    note: str,
    base: str,
) -> tuple[Asked, Version]:
    """Answer consultation ``number``: the proposal's version ``base`` (the one the answer was
    given on) is saved again with the body's row of "Hvem er hørt?" filled
    (:func:`gevinst.core.consultation.heard`), then the answer is recorded. A stale ``base``
    is a ConflictError and changes nothing; so is a second answer to the same request, whose
    save meets the first one's version."""
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    found = find(asked(store.review_records(key, p.id)), p, number)
    require_answer(actor, p, found)
    given = Answer(
        request=number,
        heard=heard_yes,
        date=date,
        note=note.strip(),
        who=actor.name,
        when=clock.now(),
    )
    document = proposal_document(
        replace(p, consultations=heard(p.consultations, found.request, given))
    )
    why = f"høringssvar fra {found.request.body} ({'ja' if heard_yes else 'nej'})"
    saved = proposals.keep(store, actor, key, p.id, document, base=base, why=why)
    _record(store, actor, key, p, given)
    return replace(found, answer=given), saved


def _record(store: Store, actor: Actor, key: str, p: Proposal, given: Answer) -> None:
    """Record ``given`` after its version is saved, on the records as they are then: a
    comment added in between is no reason to leave the saved answer unrecorded, so the count
    is read again (a few times) while the request is still unanswered."""
    for attempt in range(3):
        records = store.review_records(key, p.id)
        require_answer(actor, p, find(asked(records), p, given.request))
        try:
            store.add_review_record(key, p.id, given, expected_count=len(records))
            return
        except ConflictError:
            if attempt == 2:
                raise


def unanswered(store: Store, actor: Actor, key: str) -> dict[str, list[Asked]]:
    """Each proposal's consultations not yet answered (open or overdue, as
    :meth:`Asked.status` says on a day), by proposal id in the catalog's order, for the
    proposals ``actor`` may read in full; a proposal with none is left out."""
    catalog = store.catalog(key)
    records = store.review_records_by_proposal(key)
    result = {}
    for p in catalog.proposals:
        if not may_read_in_full(actor, p):
            continue
        waiting = [a for a in asked(records.get(p.id, [])) if a.answer is None]
        if waiting:
            result[p.id] = waiting
    return result
