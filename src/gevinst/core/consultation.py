# SPDX-License-Identifier: MPL-2.0
"""Consultations (høringer): a request to a body to be heard on a proposal by a due date, and
the body's answer, yes or no, on a date with a note, which fills the proposal's "Hvem er
hørt?" table (:attr:`gevinst.core.model.Proposal.consultations`, the rows the lifecycle's
conditions and the template's rules read).

A body is one of the profile's ``consultation_kinds`` (``it-kredsen``, ``hr-kredsen``, ``med``,
``koncern-it``, ...) or an administration, by its code (``SOF``). Requests and answers are
records written once, kept beside the proposal's documents (:mod:`gevinst.core.review`); a
request's number is its place among the proposal's requests, from 1.

Who may do what (decided here, once):

- Request a consultation: only those who edit the whole catalog (CFØ), who run the process.
- Answer: a member of the body asked (:attr:`Actor.bodies` holds the kinds and the code of the
  administration a user answers for), or one who edits the whole catalog, who records an
  answer the body gave by letter or in a meeting. Either must be able to read the proposal
  in full: a body answers on what it has read.
- A request is answered once; a second answer is refused, a new request asks again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from gevinst.core.access import Actor, Edits, may_read_in_full
from gevinst.core.errors import AccessDeniedError, InputError, NotFoundError
from gevinst.core.model import Consultation as Row
from gevinst.core.model import Proposal
from gevinst.core.numbers import dk_date
from gevinst.core.profile import Profile
from gevinst.core.text import escape

OTHER = "other"  # the row kind of a consultation of an administration


@dataclass(frozen=True, kw_only=True)
class Request:
    """A body asked to be heard: ``to`` is a consultation kind of the profile or an
    administration's code; ``kind`` and ``body`` are the row of "Hvem er hørt?" its answer
    fills (an administration's row is of kind ``other``, named by the administration)."""

    to: str
    kind: str
    body: str
    due: dt.date
    note: str = ""
    who: str
    when: dt.datetime


@dataclass(frozen=True, kw_only=True)
class Answer:
    """The answer to request number ``request``: heard (yes) or not (no) on ``date``."""

    request: int
    heard: bool
    date: dt.date
    note: str = ""
    who: str
    when: dt.datetime


class Status(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    ANSWERED = "answered"


@dataclass(frozen=True)
class Asked:
    """A request with its number and its answer, where given."""

    number: int
    request: Request
    answer: Answer | None = None

    def status(self, on: dt.date) -> Status:
        """Answered once answered; overdue from the day after its due date; open before.

        >>> r = Request(to="med", kind="med", body="MED-udvalg", due=dt.date(2026, 3, 1),
        ...             who="CFØ", when=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
        >>> [Asked(1, r).status(dt.date(2026, 3, d)).value for d in (1, 2)]
        ['open', 'overdue']
        """
        if self.answer is not None:
            return Status.ANSWERED
        return Status.OVERDUE if on > self.request.due else Status.OPEN


def asked(records: Iterable[object]) -> list[Asked]:
    """The requests of a proposal's record log, numbered from 1 in the order asked, each
    with its answer."""
    log = list(records)
    answers = {r.request: r for r in log if isinstance(r, Answer)}
    requests = (r for r in log if isinstance(r, Request))
    return [Asked(n, r, answers.get(n)) for n, r in enumerate(requests, start=1)]


def addressee(profile: Profile, to: str) -> tuple[str, str]:
    """The row kind and the body's name of a consultation of ``to``: a consultation kind of
    the profile, or an administration by its code.

    >>> from gevinst.core.profile import Administration
    >>> p = Profile("x", "X", (Administration("SOF", "Socialforvaltningen", "SU"),), (), (), (),
    ...             (), consultation_kinds={"med": "MED-udvalg"})
    >>> addressee(p, "med"), addressee(p, "SOF")
    (('med', 'MED-udvalg'), ('other', 'Socialforvaltningen'))
    """
    if to in profile.consultation_kinds and to != OTHER:
        return to, profile.consultation_kinds[to]
    for a in profile.administrations:
        if to == a.code:
            return OTHER, a.name
    known = [k for k in profile.consultation_kinds if k != OTHER]
    codes = [a.code for a in profile.administrations]
    raise InputError(
        f"{to!r} er hverken et høringsorgan ({', '.join(known)}) eller en forvaltning "
        f"({', '.join(codes)})"
    )


def may_request(actor: Actor) -> bool:
    return actor.edits is Edits.CATALOG


def require_request(actor: Actor, p: Proposal, due: dt.date, when: dt.datetime) -> None:
    """A request is made by one who edits the whole catalog, for a proposal with a
    "Hvem er hørt?" table (not a catalog entry alone), due no earlier than it is made."""
    if not may_request(actor):
        raise AccessDeniedError(
            f"{actor.name} må ikke bede om en høring af forslag {p.id}; det kan kun de, der "
            "retter hele kataloget"
        )
    if p.catalog_entry_only:
        raise InputError(
            f"forslag {p.id} er kun katalogets række; det har ingen tabel over, hvem der er hørt"
        )
    if due < when.date():
        raise InputError(f"fristen {dk_date(due)} for høringen af forslag {p.id} er overskredet")


def may_answer(actor: Actor, p: Proposal, request: Request) -> bool:
    member = request.to in actor.bodies or actor.edits is Edits.CATALOG
    return member and may_read_in_full(actor, p)


def require_answer(actor: Actor, p: Proposal, found: Asked) -> None:
    """``actor`` may answer ``found`` now: a member of its body or one who edits the whole
    catalog, who may read the proposal in full, and it is not answered yet."""
    if not may_answer(actor, p, found.request):
        raise AccessDeniedError(
            f"{actor.name} må ikke besvare høring {found.number} af forslag {p.id}; det kan "
            f"kun medlemmer af {found.request.body} og de, der retter hele kataloget"
        )
    if found.answer is not None:
        raise InputError(
            f"høring {found.number} af forslag {p.id} er besvaret {dk_date(found.answer.date)} "
            f"af {found.answer.who}; bed om en ny høring for at høre igen"
        )


def find(requests: Iterable[Asked], p: Proposal, number: int) -> Asked:
    for a in requests:
        if a.number == number:
            return a
    raise NotFoundError(f"forslag {p.id} har ingen høring nummer {number}")


def answer_text(answer: Answer) -> str:
    r"""The answer as "Hvem er hørt?" prints it, in the format's markup: its date, and its
    note after a dash, printed as typed (:func:`gevinst.core.text.escape`).

    >>> a = Answer(request=1, heard=True, date=dt.date(2026, 3, 2), note="Ingen bemærkninger",
    ...            who="Bo", when=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    >>> answer_text(a)
    '2\\. marts 2026 – Ingen bemærkninger'
    """
    note = answer.note.strip()
    return escape(f"{dk_date(answer.date)} – {note}" if note else dk_date(answer.date))


def heard(rows: tuple[Row, ...], request: Request, answer: Answer) -> tuple[Row, ...]:
    """The rows of "Hvem er hørt?" with ``answer`` written in: the body's row (same kind and
    name) takes the answer's yes or no, its date, and its text as a new paragraph after what
    it said before (a planned date, an earlier answer); a body without a row gets one at the
    end."""
    text = answer_text(answer)
    for i, row in enumerate(rows):
        if row.kind == request.kind and row.body.casefold() == request.body.casefold():
            written = f"{row.text.rstrip()}\n\n{text}" if row.text.strip() else text
            new = replace(row, heard=answer.heard, dates=(*row.dates, answer.date), text=written)
            return (*rows[:i], new, *rows[i + 1 :])
    return (*rows, Row(request.body, request.kind, answer.heard, (answer.date,), text))
