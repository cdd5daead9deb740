# SPDX-License-Identifier: MPL-2.0
"""The follow-up goals on a given day and what is recorded against them (issue 13, items 6
and 7): one item for each occurrence of a goal up to that day, and the next one to come, with
its status (:func:`gevinst.core.evidence.status`): ``done`` or ``missed`` where the last record
made by that day says so, else ``overdue`` where its interval has ended, ``due`` where the day
falls in it, ``upcoming`` where it starts after it. A record (:func:`record`) is made by those
who may edit the proposal; a confidential proposal's goals, records and attachments reach only
those who may read it in full."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from gevinst.core.access import Actor, may_read_in_full, require_edit, require_read_in_full
from gevinst.core.errors import InputError
from gevinst.core.evidence import (
    Attachment,
    Record,
    Status,
    attachment_name,
    find_goal,
    new_record,
    of_occurrence,
    require_attachment,
    responsible_administrations,
    status,
)
from gevinst.core.followup import Due, following, occurrences, parse_when
from gevinst.core.model import FollowUp, Proposal
from gevinst.core.profile import Profile
from gevinst.services import clock
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Item:
    """One occurrence of a proposal's follow-up goal and where it stands on the day asked:
    ``number`` is the goal's row in section 3 (from 1), ``administrations`` those its
    ``responsible`` names (:func:`gevinst.core.evidence.responsible_administrations`),
    ``recorded`` the last record of the occurrence made by the day with its number among
    the proposal's records (from 1), and ``seen`` how many records the proposal had: what a
    record made from this item names as ``expected_count``."""

    proposal: str
    goal: str
    measure: str
    responsible: str
    due_from: date
    due_to: date
    status: Status
    number: int = 0
    administrations: tuple[str, ...] = ()
    recorded: tuple[int, Record] | None = None
    seen: int = 0


def _due(p: Proposal, f: FollowUp, profile: Profile) -> Due:
    if not p.years:
        raise InputError(f"{p.id}: forslaget har ingen år, så {f.when!r} kan ikke dateres")
    try:
        return parse_when(f.when, p.years[0], profile.periods)
    except InputError as e:
        raise InputError(f"{p.id}, målet {f.goal!r}: {e}") from e


def _items(
    p: Proposal, n: int, f: FollowUp, as_of: date, profile: Profile, records: Sequence[Record]
) -> list[Item]:
    due = _due(p, f, profile)
    found = occurrences(due, as_of)
    nxt = following(due, as_of)
    if nxt is not None:
        found.append(nxt)
    administrations = tuple(responsible_administrations(f.responsible, profile, p.presenting))
    result = []
    for start, end in found:
        own = of_occurrence(records, f.goal, start)
        made = [r for r in own if r.when.date() <= as_of]
        last = (records.index(made[-1]) + 1, made[-1]) if made else None
        result.append(
            Item(
                p.id,
                f.goal,
                f.measure,
                f.responsible,
                start,
                end,
                status(start, end, as_of, own),
                n,
                administrations,
                last,
                len(records),
            )
        )
    return result


def due_items(store: Store, actor: Actor, key: str, as_of: date) -> list[Item]:
    """Every follow-up goal's occurrences up to ``as_of`` and its next one, proposal by
    proposal in the catalog's order, with what was recorded by ``as_of``; a confidential
    proposal's goals only where the actor may read it in full. Raises InputError naming a
    time phrase that cannot be read."""
    catalog = store.catalog(key)
    return [
        item
        for p in catalog.proposals
        if may_read_in_full(actor, p)
        for records in (store.followups(key, p.id),)
        for n, f in enumerate(p.followup, start=1)
        for item in _items(p, n, f, as_of, catalog.profile, records)
    ]


def overdue_items(store: Store, actor: Actor, key: str, as_of: date) -> list[Item]:
    """The occurrences overdue on ``as_of``: their interval has ended with no completion
    (``done`` or ``missed``) recorded; as :func:`due_items` otherwise."""
    return [i for i in due_items(store, actor, key, as_of) if i.status == "overdue"]


def reminders(store: Store, actor: Actor, key: str, as_of: date, administration: str) -> list[Item]:
    """What a reminder to ``actor``, a member of ``administration``, lists: the occurrences
    overdue or due on ``as_of`` whose responsible names that administration (or, naming
    none, whose proposal it presents), of the proposals ``actor`` may read in full."""
    return [
        i
        for i in due_items(store, actor, key, as_of)
        if i.status in ("overdue", "due") and administration in i.administrations
    ]


def _occurrence(
    p: Proposal, f: FollowUp, due_from: date | None, today: date, profile: Profile
) -> tuple[date, date]:
    """The occurrence of ``f`` that starts on ``due_from``; without one, the last that has
    started by ``today``, or else the first."""
    due = _due(p, f, profile)
    if due_from is None:
        started = occurrences(due, today)
        start, end = started[-1] if started else (due.start, due.end)
    else:
        found = occurrences(due, due_from)
        if not found or found[-1][0] != due_from:
            raise InputError(
                f"{p.id}, målet {f.goal!r}: ingen forekomst begynder {due_from.isoformat()} "
                f"({f.when!r} begynder {due.start.isoformat()})"
            )
        start, end = found[-1]
    # a continuous goal's one occurrence is kept with its first interval: it stays open
    return start, (due.end if due.recurrence == "continuous" else end)


def record(
    store: Store,
    actor: Actor,
    key: str,
    proposal_id: str,
    goal: str,
    *,
    due_from: date | None,
    status: str,
    note: str,
    files: Sequence[tuple[str, bytes]] = (),
    expected_count: int,
    now: datetime | None = None,
) -> Record:
    """Record where the occurrence of ``goal`` (its number in section 3, or its text) that
    starts on ``due_from`` stands (without ``due_from``: the one under way or last ended),
    with the evidence ``note`` and ``files`` (each a name and its bytes); the proposal must
    still have the ``expected_count`` records its caller saw (ConflictError otherwise).
    Raises AccessDeniedError unless the actor may edit the proposal, InputError for a
    status, a note or a file that is refused (a ``done`` without evidence among them)."""
    catalog = store.catalog(key)
    p = catalog.proposal(proposal_id)
    require_edit(actor, p)
    f = find_goal(p, goal)
    when = now or clock.now()
    start, end = _occurrence(p, f, due_from, when.date(), catalog.profile)
    attachments = [_attachment(name, content) for name, content in files]
    made = new_record(
        proposal=p.id,
        goal=f.goal,
        due_from=start,
        due_to=end,
        status=status,
        note=note,
        attachments=[a.name for a in attachments],
        who=actor.name,
        when=when,
    )
    store.add_followup(key, p.id, made, attachments, expected_count=expected_count)
    return made


def _attachment(name: str, content: bytes) -> Attachment:
    kept = attachment_name(name)
    content_type = mimetypes.guess_type(kept)[0] or "application/octet-stream"
    a = Attachment(kept, content_type, content)
    require_attachment(a)
    return a


def records(store: Store, actor: Actor, key: str, proposal_id: str) -> list[Record]:
    """The proposal's follow-up records in the order made, for who may read it in full."""
    p = store.catalog(key).proposal(proposal_id)
    require_read_in_full(actor, p)
    return store.followups(key, p.id)


def attachment(
    store: Store, actor: Actor, key: str, proposal_id: str, number: int, name: str
) -> Attachment:
    """The file ``name`` of the proposal's record ``number``, for who may read it in full."""
    p = store.catalog(key).proposal(proposal_id)
    require_read_in_full(actor, p)
    return store.attachment(key, p.id, number, name)
