# SPDX-License-Identifier: MPL-2.0
"""A proposal's review records (:mod:`gevinst.core.review`) as documents, in both directions:
what ``review.yaml`` beside a catalog folder holds and what the database keeps as each
record's document (docs/format.md, "Consultations and comments: review.yaml"). Dates are
``ÅÅÅÅ-MM-DD``, times ISO 8601 with their offset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from gevinst.core.comments import Address, Comment, Resolution
from gevinst.core.consultation import Answer, Request
from gevinst.core.errors import FormatError, Problem
from gevinst.core.review import ReviewRecord

FIELDS = {
    "request": {"record", "to", "kind", "body", "due", "note", "who", "when"},
    "answer": {"record", "request", "heard", "date", "note", "who", "when"},
    "comment": {"record", "section", "table", "row", "year", "text", "version", "reply_to"}
    | {"who", "when"},
    "resolution": {"record", "comment", "resolved", "who", "when"},
}


def record_document(r: ReviewRecord) -> dict[str, Any]:
    """A record as its document: a mapping of plain values, ``record`` naming its kind."""
    said = {"who": r.who, "when": r.when.isoformat()}
    if isinstance(r, Request):
        return {
            "record": "request",
            **{"to": r.to, "kind": r.kind, "body": r.body, "due": r.due.isoformat()},
            **{"note": r.note, **said},
        }
    if isinstance(r, Answer):
        return {
            "record": "answer",
            **{"request": r.request, "heard": r.heard, "date": r.date.isoformat()},
            **{"note": r.note, **said},
        }
    if isinstance(r, Comment):
        a = r.address
        return {
            "record": "comment",
            **{"section": a.section, "table": a.table, "row": a.row, "year": a.year},
            **{"text": r.text, "version": r.version, "reply_to": r.reply_to, **said},
        }
    return {"record": "resolution", "comment": r.comment, "resolved": r.resolved, **said}


class _Reader:
    """The fields of one record's document, each checked, every problem naming the file,
    the proposal and the record's place."""

    def __init__(self, data: Mapping[str, Any], path: Path, proposal: str, n: int) -> None:
        self.data, self.path, self.proposal, self.n = data, path, proposal, n

    def problem(self, field: str, message: str) -> FormatError:
        place = f"[{self.n}].{field}" if field else f"[{self.n}]"
        return FormatError([Problem(self.path, None, self.proposal, place, message)])

    def text(self, field: str) -> str:
        value = self.data[field]
        if not isinstance(value, str):
            raise self.problem(field, f"{value!r} skal være en tekst")
        return value

    def number(self, field: str, optional: bool = False) -> Any:
        value = self.data[field]
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.problem(field, f"{value!r} skal være et helt tal fra 1")
        return value

    def flag(self, field: str) -> bool:
        value = self.data[field]
        if not isinstance(value, bool):
            raise self.problem(field, f"{value!r} skal være true eller false")
        return value

    def date(self, field: str) -> dt.date:
        value = self.data[field]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.problem(field, f"{value!r} er ikke en dato (ÅÅÅÅ-MM-DD)") from None

    def time(self, field: str) -> dt.datetime:
        value = self.data[field]
        try:
            when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            when = None
        if when is None or when.tzinfo is None:
            message = f"{value!r} er ikke et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ss+00:00)"
            raise self.problem(field, message)
        return when


def _request(f: _Reader) -> Request:
    return Request(
        to=f.text("to"),
        kind=f.text("kind"),
        body=f.text("body"),
        due=f.date("due"),
        note=f.text("note"),
        who=f.text("who"),
        when=f.time("when"),
    )


def _answer(f: _Reader) -> Answer:
    return Answer(
        request=f.number("request"),
        heard=f.flag("heard"),
        date=f.date("date"),
        note=f.text("note"),
        who=f.text("who"),
        when=f.time("when"),
    )


def _comment(f: _Reader) -> Comment:
    address = Address(
        section=f.text("section"),
        table=f.text("table"),
        row=f.text("row"),
        year=f.number("year", optional=True),
    )
    return Comment(
        address=address,
        text=f.text("text"),
        version=f.text("version"),
        reply_to=f.number("reply_to", optional=True),
        who=f.text("who"),
        when=f.time("when"),
    )


def _resolution(f: _Reader) -> Resolution:
    return Resolution(
        comment=f.number("comment"),
        resolved=f.flag("resolved"),
        who=f.text("who"),
        when=f.time("when"),
    )


READERS: dict[str, Callable[[_Reader], ReviewRecord]] = {
    "request": _request,
    "answer": _answer,
    "comment": _comment,
    "resolution": _resolution,
}


def record_from_document(data: object, path: Path, proposal: str, n: int) -> ReviewRecord:
    """The record of document number ``n`` (from 1) of ``proposal``'s log in ``path``."""
    f = _Reader(data if isinstance(data, Mapping) else {}, path, proposal, n)
    kind = f.data.get("record")
    if not isinstance(data, Mapping) or kind not in READERS:
        raise f.problem("record", f"skal være en af {', '.join(READERS)}")
    if set(data) != FIELDS[kind]:
        raise f.problem("", f"en {kind} skal have netop felterne {', '.join(sorted(FIELDS[kind]))}")
    return READERS[kind](f)
