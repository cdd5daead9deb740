# SPDX-License-Identifier: MPL-2.0
"""Follow-up recorded (gevinstrealisering, issue 13, items 6 and 7): where one occurrence of a
proposal's follow-up goal stands, as its responsible unit records it, with the evidence.

A :class:`Record` is written once and never changed: a later record of the same occurrence
says where it stands now, and the records before it stay as the history. An occurrence is
named by its proposal, its goal's text and the first day of its interval
(:func:`gevinst.core.followup.occurrences`).

The statuses a record may give (:data:`RECORDED`): ``not_started``, ``on_track``, ``late``
(the unit's own word on the work under way), ``done`` and ``missed`` (the occurrence closed).
A saving counts as realised only with evidence recorded against it: a ``done`` record must
carry an evidence note or an attachment (:func:`new_record` refuses one without).

Where an occurrence stands on a day (:func:`status`), from its interval and the records made
up to that day:

==========================================  ===========
the last record up to the day               status
==========================================  ===========
``done``                                    ``done``
``missed``                                  ``missed``
anything else, or none, the interval ended  ``overdue``
anything else, or none, the day within it   ``due``
anything else, or none, not yet begun       ``upcoming``
==========================================  ===========

>>> from datetime import UTC, date, datetime
>>> r = new_record(proposal="BC01", goal="Ferie i Serviceportalen", due_from=date(2025, 7, 1),
...     due_to=date(2025, 9, 30), status="done", note="Styregruppens referat 3. okt.",
...     attachments=(), who="Anna", when=datetime(2025, 10, 3, 12, 0, tzinfo=UTC))
>>> status(date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 2), [r])
'overdue'
>>> status(date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 3), [r])
'done'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, get_args

from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.model import FollowUp, Proposal
from gevinst.core.profile import Profile

RecordStatus = Literal["not_started", "on_track", "late", "done", "missed"]
RECORDED: tuple[RecordStatus, ...] = get_args(RecordStatus)
Status = Literal["done", "missed", "overdue", "due", "upcoming"]

MAX_ATTACHMENT = 10 * 1024 * 1024  # bytes, each attachment
MAX_ATTACHMENTS = 5  # a record's
MAX_NOTE = 5000  # characters
_NAME_LENGTH = 120


@dataclass(frozen=True, kw_only=True)
class Record:
    """Where one occurrence of a goal stood when ``who`` recorded it: ``status``, the
    evidence (``note``, the ``attachments``' names) and when (``when``, with its offset)."""

    proposal: str
    goal: str
    due_from: date
    due_to: date
    status: RecordStatus
    note: str
    attachments: tuple[str, ...]
    who: str
    when: datetime


@dataclass(frozen=True)
class Attachment:
    """A file recorded as evidence: its name (:func:`attachment_name`), its type as a MIME
    type, and its bytes."""

    name: str
    content_type: str
    content: bytes


def attachment_name(raw: str) -> str:
    """A file's name as it is kept: its last part only (a browser may send a whole path),
    letters, digits, space and ``. _ - ( )`` kept and any other character made ``_``, at most
    120 characters with its extension kept; never hidden (a leading dot) and never empty.

    >>> attachment_name("C:\\\\Users\\\\anna\\\\Referat 3. okt.pdf")
    'Referat 3. okt.pdf'
    >>> attachment_name("../../etc/passwd")
    'passwd'
    >>> attachment_name("rapport<1>.pdf")
    'rapport_1_.pdf'
    """
    last = re.split(r"[/\\]", unicodedata.normalize("NFC", raw))[-1].strip()
    name = re.sub(r"[^\w .()\-]", "_", last).strip(" .")
    if len(name) > _NAME_LENGTH:
        _stem, dot, ext = name.rpartition(".")
        keep = f"{dot}{ext}" if dot and len(ext) <= 10 else ""
        name = name[: _NAME_LENGTH - len(keep)].rstrip(" .") + keep
    if not name:
        raise InputError(f"filnavnet {raw!r} kan ikke bruges; giv filen et navn med bogstaver")
    return name


def require_evidence(status: str, note: str, attachments: Sequence[str]) -> None:
    """A goal recorded ``done`` has an evidence note or an attachment."""
    if status == "done" and not note and not attachments:
        raise InputError(
            "et mål kan kun registreres som nået med dokumentation: skriv en note om, hvad "
            "der viser det (et referat, et udtræk, en rapport), eller vedhæft en fil"
        )


def new_record(
    *,
    proposal: str,
    goal: str,
    due_from: date,
    due_to: date,
    status: str,
    note: str,
    attachments: Sequence[str],
    who: str,
    when: datetime,
) -> Record:
    """A record as a user asks for it, checked: a status of :data:`RECORDED`, a note of at
    most 5.000 characters, at most five attachments with different names, and evidence
    where the goal is ``done``. Raises InputError saying what is wrong."""
    if status not in RECORDED:
        known = ", ".join(RECORDED)
        raise InputError(f"status {status!r} findes ikke; brug en af {known}")
    text = note.strip()
    if len(text) > MAX_NOTE:
        raise InputError(f"noten har {len(text)} tegn; højst {MAX_NOTE} er tilladt")
    names = tuple(attachments)
    if len(names) > MAX_ATTACHMENTS:
        raise InputError(f"højst {MAX_ATTACHMENTS} filer kan vedhæftes en registrering")
    if len(set(names)) != len(names):
        raise InputError("to vedhæftede filer har samme navn; omdøb den ene")
    require_evidence(status, text, names)
    return Record(
        proposal=proposal,
        goal=goal,
        due_from=due_from,
        due_to=due_to,
        status=status,
        note=text,
        attachments=names,
        who=who,
        when=when,
    )


def require_attachment(a: Attachment) -> None:
    """An attachment's size within :data:`MAX_ATTACHMENT` and its name as it is kept."""
    if len(a.content) > MAX_ATTACHMENT:
        mb = MAX_ATTACHMENT // (1024 * 1024)
        raise InputError(f"filen {a.name!r} er større end {mb} MB; vedhæft et mindre udtræk")
    if not a.content:
        raise InputError(f"filen {a.name!r} er tom")
    if attachment_name(a.name) != a.name:
        raise InputError(f"filnavnet {a.name!r} kan ikke bruges")


def of_occurrence(records: Iterable[Record], goal: str, due_from: date) -> list[Record]:
    """The records of one occurrence of ``goal``, in the order they were made."""
    return [r for r in records if r.goal == goal and r.due_from == due_from]


def latest(records: Sequence[Record], as_of: date) -> Record | None:
    """The last of one occurrence's ``records`` (in the order made) made on or before
    ``as_of``; None where none was."""
    made = [r for r in records if r.when.date() <= as_of]
    return made[-1] if made else None


def status(start: date, end: date, as_of: date, records: Sequence[Record]) -> Status:
    """Where the occurrence from ``start`` to ``end`` stands on ``as_of``, given its
    ``records`` in the order made (the module's table)."""
    last = latest(records, as_of)
    if last is not None and last.status in ("done", "missed"):
        return last.status
    if end < as_of:
        return "overdue"
    return "due" if start <= as_of else "upcoming"


def find_goal(p: Proposal, ref: str) -> FollowUp:
    """A goal of ``p`` by its number in section 3 (from 1) or by its text (spacing and case
    aside). Raises NotFoundError naming the proposal."""
    goals = p.followup
    if ref.strip().isdigit():
        n = int(ref)
        if 1 <= n <= len(goals):
            return goals[n - 1]
        raise NotFoundError(f"forslag {p.id} har {len(goals)} opfølgningsmål; der er intet nr. {n}")
    wanted = " ".join(ref.split()).casefold()
    for f in goals:
        if " ".join(f.goal.split()).casefold() == wanted:
            return f
    raise NotFoundError(f"forslag {p.id} har intet opfølgningsmål {ref!r}")


def responsible_administrations(
    text: str, profile: Profile, presenting: Sequence[str]
) -> list[str]:
    """The administrations (their codes) a goal's ``responsible`` names: by code or name as a
    word, or through a unit of theirs (``Koncernservice``, ``KIT``, ``KEJD``: an appropriation
    of the committee an administration answers to); where it names none ("Projektet"), the
    administrations that present the proposal.

    >>> from gevinst.core.profile import Administration, Appropriation
    >>> kk = Profile(id="kk", name="KK", administrations=(
    ...     Administration("ØKF", "Økonomiforvaltningen", "ØU"),
    ...     Administration("BIF", "Beskæftigelses- og Integrationsforvaltningen", "BIU"),
    ...     Administration("SOF", "Socialforvaltningen", "SU")), committees=(),
    ...     appropriations=(Appropriation("Koncern IT", "Koncern IT", "ØU", ("KIT",)),),
    ...     unit_order=(), areas=())
    >>> responsible_administrations("SOF og BIF’s (CBA-stab)", kk, ["ØKF"])
    ['BIF', 'SOF']
    >>> responsible_administrations("KIT Data Science Team", kk, ["BIF"])
    ['ØKF']
    >>> responsible_administrations("Projektet", kk, ["BIF"])
    ['BIF']
    """

    def named(word: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None

    found = {a.code for a in profile.administrations if named(a.code) or named(a.name)}
    for unit in profile.appropriations:
        if any(named(w) for w in (unit.code, unit.name, *unit.aliases)):
            found |= {a.code for a in profile.administrations if a.committee == unit.committee}
    return sorted(found) if found else sorted(presenting)
