# SPDX-License-Identifier: MPL-2.0
"""A proposal's review as its page shows it to one user: the consultations with their status
today and the forms to ask and answer, the comment threads with their forms, and each open
thread's marker where it belongs in the document (after its section's heading or its table).
Only for a user who may read the proposal in full: a confidential proposal's review is as
confidential as its content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from gevinst.core import template
from gevinst.core.access import Actor, may_read_in_full
from gevinst.core.comments import TABLES, Thread, may_resolve
from gevinst.core.consultation import OTHER, Asked, Status, may_answer, may_request
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.documents import html
from gevinst.services import comments, consultations
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Listed:
    """A consultation as the page lists it: its status today, and whether the user may
    answer it."""

    asked: Asked
    status: Status
    may_answer: bool


@dataclass(frozen=True)
class Panel:
    requests: tuple[Listed, ...]
    threads: tuple[Thread, ...]
    resolvable: frozenset[int]  # the threads the user may resolve or reopen, by number
    may_request: bool
    bodies: tuple[tuple[str, str], ...]  # (what a request names, the body's name)
    sections: tuple[tuple[str, str], ...]  # (number, heading)
    lines: tuple[tuple[str, str], ...]  # (id, text) of Tabel 1's lines
    tables: tuple[str, ...]
    years: tuple[int, ...]
    today: dt.date

    @property
    def open_threads(self) -> int:
        return sum(not t.resolved for t in self.threads)


def _bodies(profile: Profile) -> tuple[tuple[str, str], ...]:
    kinds = [(k, name) for k, name in profile.consultation_kinds.items() if k != OTHER]
    return (*kinds, *((a.code, a.name) for a in profile.administrations))


def panel(store: Store, actor: Actor, key: str, p: Proposal, profile: Profile) -> Panel | None:
    """The review of ``p`` (the proposal as it is) for ``actor``; None where they may not
    read it in full."""
    if not may_read_in_full(actor, p):
        return None
    today = timezone.localdate()
    requests = tuple(
        Listed(a, a.status(today), a.answer is None and may_answer(actor, p, a.request))
        for a in consultations.requests(store, actor, key, p.id)
    )
    threads = tuple(comments.thread_list(store, actor, key, p.id))
    return Panel(
        requests=requests,
        threads=threads,
        resolvable=frozenset(t.number for t in threads if may_resolve(actor, p, t)),
        may_request=may_request(actor) and not p.catalog_entry_only,
        bodies=_bodies(profile),
        sections=tuple((str(n), s) for n, s in enumerate(template.SECTIONS, start=1)),
        lines=tuple((line.id, line.text) for line in p.lines),
        tables=TABLES,
        years=p.years,
        today=today,
    )


def markers(threads: tuple[Thread, ...]) -> Callable[[Mapping[str, Any]], str]:
    """What the page puts after a block of the document: a marker for each open thread on
    the section it heads or the table it is (its lines and cells), linking to the thread."""
    by_place: dict[tuple[str, str], list[Thread]] = {}
    for t in threads:
        if t.resolved:
            continue
        a = t.comment.address
        where = ("section", a.section) if a.section else ("table", a.table)
        by_place.setdefault(where, []).append(t)

    def after(block: Mapping[str, Any]) -> str:
        found = by_place.get(html.place(block) or ("", ""), [])
        if not found:
            return ""
        return render_to_string("gevinst/_comment_markers.html", {"threads": found})

    return after
