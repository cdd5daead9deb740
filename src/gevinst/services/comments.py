# SPDX-License-Identifier: MPL-2.0
"""Review comments (issue 13, item 2): comments on a proposal's section, line or cell,
replies, a thread resolved or reopened, and the open threads counted. The rules are
:mod:`gevinst.core.comments`'s; the comments are the store's review records. A confidential
proposal's comments reach only those who may read it in full."""

from __future__ import annotations

from gevinst.core.access import Actor, may_read_in_full, require_read_in_full
from gevinst.core.comments import (
    Address,
    Comment,
    Resolution,
    Thread,
    find,
    require_address,
    require_comment,
    require_resolve,
    threads,
)
from gevinst.core.model import Proposal
from gevinst.services import clock
from gevinst.stores.base import Store


def _proposal(store: Store, actor: Actor, key: str, proposal_id: str) -> Proposal:
    p = store.catalog(key).proposal(proposal_id)
    require_read_in_full(actor, p)
    return p


def thread_list(store: Store, actor: Actor, key: str, proposal_id: str) -> list[Thread]:
    """The proposal's threads in the order begun, resolved ones too."""
    p = _proposal(store, actor, key, proposal_id)
    return threads(store.review_records(key, p.id))


def comment(
    store: Store, actor: Actor, key: str, proposal_id: str, address: Address, text: str
) -> Thread:
    """Begin a thread at ``address``, on the proposal's current version."""
    p = _proposal(store, actor, key, proposal_id)
    require_comment(actor, p, text)
    require_address(p, address)
    made = Comment(
        address=address,
        text=text.strip(),
        version=store.proposal(key, p.id).version,
        who=actor.name,
        when=clock.now(),
    )
    records = store.review_records(key, p.id)
    store.add_review_record(key, p.id, made, expected_count=len(records))
    return Thread(len(threads(records)) + 1, made)


def reply(store: Store, actor: Actor, key: str, proposal_id: str, number: int, text: str) -> Thread:
    """Reply in thread ``number``; the thread as it is with the reply."""
    p = _proposal(store, actor, key, proposal_id)
    require_comment(actor, p, text)
    records = store.review_records(key, p.id)
    thread = find(threads(records), p, number)
    made = Comment(
        address=thread.comment.address,
        text=text.strip(),
        version=store.proposal(key, p.id).version,
        reply_to=thread.number,
        who=actor.name,
        when=clock.now(),
    )
    store.add_review_record(key, p.id, made, expected_count=len(records))
    return find(threads([*records, made]), p, number)


def resolve(
    store: Store, actor: Actor, key: str, proposal_id: str, number: int, resolved: bool
) -> Thread:
    """Resolve thread ``number`` (``resolved``) or reopen it."""
    p = _proposal(store, actor, key, proposal_id)
    records = store.review_records(key, p.id)
    thread = find(threads(records), p, number)
    require_resolve(actor, p, thread, resolved)
    made = Resolution(comment=number, resolved=resolved, who=actor.name, when=clock.now())
    store.add_review_record(key, p.id, made, expected_count=len(records))
    return find(threads([*records, made]), p, number)


def open_counts(store: Store, actor: Actor, key: str) -> dict[str, int]:
    """The number of open threads of each proposal ``actor`` may read in full, by id; a
    confidential proposal the actor may not read has no count (not even 0)."""
    catalog = store.catalog(key)
    records = store.review_records_by_proposal(key)
    return {
        p.id: sum(not t.resolved for t in threads(records.get(p.id, [])))
        for p in catalog.proposals
        if may_read_in_full(actor, p)
    }
