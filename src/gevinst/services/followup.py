# SPDX-License-Identifier: MPL-2.0
"""What is due and overdue among the catalog's follow-up goals on a given day (issue 13,
item 7): one item for each occurrence of a goal up to that day, and the next one to come.

No completion is recorded yet (recording completion and evidence is the rest of item 6), so
every occurrence whose interval has ended is ``overdue``; ``due`` is one the day falls in,
``upcoming`` one that starts after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from gevinst.core.access import Actor, may_read_in_full, visible
from gevinst.core.errors import InputError
from gevinst.core.followup import Due, following, occurrences, parse_when
from gevinst.core.model import FollowUp, Proposal
from gevinst.stores.base import Store

Status = Literal["overdue", "due", "upcoming"]


@dataclass(frozen=True)
class Item:
    """One occurrence of a proposal's follow-up goal and where it stands on the day asked."""

    proposal: str
    goal: str
    measure: str
    responsible: str
    due_from: date
    due_to: date
    status: Status


def _status(start: date, end: date, as_of: date) -> Status:
    if end < as_of:
        return "overdue"
    return "due" if start <= as_of else "upcoming"


def _due(p: Proposal, f: FollowUp) -> Due:
    if not p.years:
        raise InputError(f"{p.id}: forslaget har ingen år, så {f.when!r} kan ikke dateres")
    try:
        return parse_when(f.when, p.years[0])
    except InputError as e:
        raise InputError(f"{p.id}, målet {f.goal!r}: {e}") from e


def _items(p: Proposal, f: FollowUp, as_of: date) -> list[Item]:
    due = _due(p, f)
    found = occurrences(due, as_of)
    nxt = following(due, as_of)
    if nxt is not None:
        found.append(nxt)
    return [
        Item(p.id, f.goal, f.measure, f.responsible, start, end, _status(start, end, as_of))
        for start, end in found
    ]


def due_items(store: Store, actor: Actor, key: str, as_of: date) -> list[Item]:
    """Every follow-up goal's occurrences up to ``as_of`` and its next one, proposal by
    proposal in the catalog's order; a confidential proposal's goals only where the actor
    may read it in full. Raises InputError naming a time phrase that cannot be read."""
    full = store.catalog(key)
    catalog = visible(full, actor)
    return [
        item
        for p in catalog.proposals
        if may_read_in_full(actor, full.proposal(p.id))
        for f in p.followup
        for item in _items(p, f, as_of)
    ]
