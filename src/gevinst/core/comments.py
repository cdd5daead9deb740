# SPDX-License-Identifier: MPL-2.0
"""Review comments on a proposal: on a section, a line of Tabel 1 or a cell of a table,
threaded (a comment and its replies), resolved and reopened. Comments are internal: no
document prints them.

A comment's address survives new versions of the proposal, because it names what the
template names, never a position in a document: a section by its number in the template
(``"1"`` to ``"7"``), a line by its id (``e1``), a cell by its table as the findings name it
(``"1"``, ``"2.1"``, ``"admin"``, ``"A"`` to ``"E"``), its row's key (a line id, a subtotal's
key, a unit) and its year. Each comment also keeps the version of the proposal it was made
on, so a reader can see what the reviewer saw.

Who may do what (decided here, once): whoever may read the proposal in full may comment and
reply (a confidential proposal's comments are as confidential as its content); a thread is
resolved or reopened by the one who began it or by those who may edit the proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gevinst.core import calc, template
from gevinst.core.access import Actor, may_edit, may_read_in_full
from gevinst.core.errors import AccessDeniedError, InputError, NotFoundError
from gevinst.core.model import Proposal

# the tables a cell comment may name, as the findings and the page's anchors name them
TABLES = ("1", "2.1", "admin", *calc.TECHNICAL_TABLES)
MAX_TEXT = 10_000


@dataclass(frozen=True, kw_only=True)
class Address:
    """Where a comment is: a ``section`` alone; a ``line`` of Tabel 1 (``table`` "1" and
    ``row`` the line's id); or a cell (``table``, ``row`` and ``year``)."""

    section: str = ""
    table: str = ""
    row: str = ""
    year: int | None = None


@dataclass(frozen=True, kw_only=True)
class Comment:
    """A comment, or a reply to comment number ``reply_to`` (the thread's first)."""

    address: Address
    text: str
    version: str  # the proposal's version it was made on
    reply_to: int | None = None
    who: str
    when: dt.datetime


@dataclass(frozen=True, kw_only=True)
class Resolution:
    """Thread number ``comment`` resolved (``resolved``) or reopened."""

    comment: int
    resolved: bool
    who: str
    when: dt.datetime


@dataclass(frozen=True)
class Thread:
    """A comment (by its number among the proposal's threads, from 1, in the order begun),
    its replies and whether it is resolved."""

    number: int
    comment: Comment
    replies: tuple[Comment, ...] = ()
    resolved: bool = False

    @property
    def participants(self) -> tuple[str, ...]:
        """Who wrote in the thread, the first first, each once."""
        return tuple(dict.fromkeys([self.comment.who, *(c.who for c in self.replies)]))


def threads(records: Iterable[object]) -> list[Thread]:
    """The threads of a proposal's record log in the order begun, each with its replies and
    the last resolution's state."""
    found: dict[int, Thread] = {}
    for r in records:
        if isinstance(r, Comment) and r.reply_to is None:
            found[len(found) + 1] = Thread(len(found) + 1, r)
        elif isinstance(r, Comment) and r.reply_to in found:
            t = found[r.reply_to]
            found[t.number] = Thread(t.number, t.comment, (*t.replies, r), t.resolved)
        elif isinstance(r, Resolution) and r.comment in found:
            t = found[r.comment]
            found[t.number] = Thread(t.number, t.comment, t.replies, r.resolved)
    return list(found.values())


def find(found: Iterable[Thread], p: Proposal, number: int) -> Thread:
    for t in found:
        if t.number == number:
            return t
    raise NotFoundError(f"forslag {p.id} har ingen kommentartråd nummer {number}")


def require_address(p: Proposal, a: Address) -> None:
    """``a`` names a section of the template, a line of ``p`` or a cell of one of its tables
    in one of its years; InputError naming the proposal otherwise."""
    sections = [str(n) for n in range(1, len(template.SECTIONS) + 1)]
    if a.section:
        if a.section not in sections or a.table or a.row or a.year is not None:
            raise InputError(f"forslag {p.id}: afsnit {a.section!r} findes ikke (1-7)")
        return
    if a.table not in TABLES:
        raise InputError(f"forslag {p.id}: tabel {a.table!r} findes ikke ({', '.join(TABLES)})")
    if not a.row.strip():
        raise InputError(f"forslag {p.id}: angiv rækken i tabel {a.table}")
    if a.year is None:
        if a.table != "1" or a.row not in {line.id for line in p.lines}:
            raise InputError(f"forslag {p.id} har ingen linje {a.row!r} i tabel 1")
    elif a.year not in p.years:
        raise InputError(f"forslag {p.id} har intet år {a.year} i tabel {a.table}")


def require_comment(actor: Actor, p: Proposal, text: str) -> None:
    """``actor`` may comment on ``p`` (they read it in full) with ``text``."""
    if not may_read_in_full(actor, p):
        raise AccessDeniedError(f"forslag {p.id} er fortroligt; {actor.name} må ikke se det")
    if not text.strip():
        raise InputError(f"skriv en kommentar til forslag {p.id}")
    if len(text) > MAX_TEXT:
        raise InputError(
            f"kommentaren til forslag {p.id} er for lang ({len(text)} tegn, højst {MAX_TEXT})"
        )


def may_resolve(actor: Actor, p: Proposal, thread: Thread) -> bool:
    """The one who began ``thread``, or one who may edit ``p``, resolves or reopens it."""
    return actor.name == thread.comment.who or may_edit(actor, p)


def require_resolve(actor: Actor, p: Proposal, thread: Thread, resolved: bool) -> None:
    """``actor`` may resolve or reopen ``thread`` (:func:`may_resolve`), and it is not in
    that state already."""
    if not may_resolve(actor, p, thread):
        raise AccessDeniedError(
            f"{actor.name} må ikke løse eller genåbne tråd {thread.number} på forslag {p.id}; "
            "det kan den, der begyndte den, og de, der må rette forslaget"
        )
    if thread.resolved == resolved:
        state = "løst" if resolved else "åben"
        raise InputError(f"tråd {thread.number} på forslag {p.id} er allerede {state}")
