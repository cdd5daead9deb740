# SPDX-License-Identifier: MPL-2.0
"""The proposal editor's form and the document it edits.

The form holds a proposal's words (title, summary, description) and its economic table: one
row a line, with its text, section, kind, styringsområde, where it is booked and an amount
a year. Everything else in the document (keys, stated figures, follow-up, ...) is kept as it
was in the version the edit began from. Numbers are read as a Danish reader writes them
("1.144" is one thousand one hundred and forty-four, "-1.474", "0,5"; "1144" too), and a
figure that cannot be read is said at its cell; the rest of the form is kept as typed."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal

from gevinst.core.model import LineKind, Section
from gevinst.core.profile import Profile
from gevinst.format.writer import Doc, number

TEXTS = ("title", "summary", "description")
# what a line's kind is called in the template, and the section a kind belongs to
KINDS = {
    LineKind.EFFICIENCY: "Effektivisering",
    LineKind.OPERATING_COST: "Drift",
    LineKind.INCOME: "Indtægt",
    LineKind.IMPLEMENTATION: "Implementering",
}
SECTIONS = {Section.PERMANENT: "Varig", Section.IMPLEMENTATION: "Implementering"}
_MINUS = str.maketrans({"−": "-", "–": "-", "\u00a0": "", " ": "", "\u202f": ""})
_PLACE = re.compile(r"^lines\[(\d+)\]\.(\w+)(?:\[(\d{4})\])?")


def parse_amount(text: str) -> Decimal:
    """An amount as typed: Danish thousands separators and decimal comma, a blank is zero.

    >>> parse_amount("1.144"), parse_amount("-1.474"), parse_amount("1144"), parse_amount("0,5")
    (Decimal('1144'), Decimal('-1474'), Decimal('1144'), Decimal('0.5'))
    """
    cleaned = text.translate(_MINUS)
    if not cleaned:
        return Decimal(0)
    try:
        return parse_decimal(cleaned, locale="da_DK", strict=True)
    except NumberFormatError:
        raise ValueError(
            f"{text.strip()!r} er ikke et tal; skriv fx 1.144, -1.474 eller 0,5"
        ) from None


def show_amount(value: Any) -> str:
    """An amount of the document as the form shows it: "1.144", "-1.474", "0,5"."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return "" if value is None else str(value)


@dataclass
class Row:
    """One line of the economic table as the form holds it."""

    id: str
    text: str
    section: str
    kind: str
    area: str
    unit: str  # the unit it is booked to; "" where it is split by a key or by parts
    booking: str  # how a split booking reads ("fordelingsnøgle ledere")
    amounts: dict[int, str]  # as typed
    # a field ("text") or a year's cell (2026) -> what is wrong with it
    errors: dict[str | int, str] = field(default_factory=dict)


@dataclass
class Form:
    base: str
    texts: dict[str, str]
    rows: list[Row]
    why: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # a text field -> message

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(r.errors for r in self.rows)


def _booking_text(booking: Mapping[str, Any] | None) -> str:
    if not booking:
        return ""
    if "key" in booking:
        return f"fordelingsnøgle {booking['key']}"
    if "parts" in booking:
        return "fordelt: " + ", ".join(booking["parts"])
    return ""


def form_of(doc: Doc, base: str) -> Form:
    """The form of a document, as the editor opens it."""
    rows = [
        Row(
            id=line["id"],
            text=line.get("text", ""),
            section=line.get("section", Section.PERMANENT),
            kind=line.get("kind", LineKind.EFFICIENCY),
            area=line.get("area") or "",
            unit=(line.get("booking") or {}).get("unit", ""),
            booking=_booking_text(line.get("booking")),
            amounts={int(y): show_amount(a) for y, a in line.get("amounts", {}).items()},
        )
        for line in doc.get("lines", [])
    ]
    return Form(base, {name: doc.get(name) or "" for name in TEXTS}, rows)


def form_from_post(post: Mapping[str, str], years: Sequence[int]) -> Form:
    """The form as the browser sent it back."""
    count = int(post.get("lines", "0") or 0)
    rows = [
        Row(
            id=post.get(f"line-{i}-id", ""),
            text=post.get(f"line-{i}-text", ""),
            section=post.get(f"line-{i}-section", Section.PERMANENT),
            kind=post.get(f"line-{i}-kind", LineKind.EFFICIENCY),
            area=post.get(f"line-{i}-area", ""),
            unit=post.get(f"line-{i}-unit", ""),
            booking=post.get(f"line-{i}-booking", ""),
            amounts={y: post.get(f"line-{i}-{y}", "") for y in years},
        )
        for i in range(count)
    ]
    texts = {name: post.get(name, "") for name in TEXTS}
    return Form(post.get("base", ""), texts, rows, post.get("why", ""))


def apply_op(form: Form, op: str, years: Sequence[int]) -> None:
    """A row added, removed or moved, as the buttons ask (``add``, ``remove-2``, ``up-2``,
    ``down-2``); a new line gets an id no other line has."""
    verb, _, index = op.partition("-")
    if verb == "add":
        taken = {r.id for r in form.rows}
        new_id = next(f"n{i}" for i in range(1, len(taken) + 2) if f"n{i}" not in taken)
        form.rows.append(
            Row(
                new_id,
                "",
                Section.PERMANENT,
                LineKind.EFFICIENCY,
                "",
                "",
                "",
                dict.fromkeys(years, ""),
            )
        )
        return
    if not index.isdigit() or int(index) >= len(form.rows):
        return
    i = int(index)
    if verb == "remove":
        del form.rows[i]
    elif verb == "up" and i > 0:
        form.rows[i - 1], form.rows[i] = form.rows[i], form.rows[i - 1]
    elif verb == "down" and i + 1 < len(form.rows):
        form.rows[i], form.rows[i + 1] = form.rows[i + 1], form.rows[i]


def document_of(form: Form, base: Doc, years: Sequence[int]) -> Doc:
    """The document the form describes: ``base`` with the form's texts and lines; a figure
    that cannot be read is noted on its row and left out."""
    doc = copy.deepcopy(dict(base))
    for name in TEXTS:
        doc[name] = form.texts[name]
    old = {line["id"]: line for line in base.get("lines", [])}
    doc["lines"] = [_line(row, old.get(row.id, {}), years) for row in form.rows]
    return doc


def _line(row: Row, old: Mapping[str, Any], years: Sequence[int]) -> Doc:
    line: Doc = {**copy.deepcopy(dict(old)), "id": row.id, "text": row.text}
    line.update(section=row.section, kind=row.kind, area=row.area or None)
    amounts: dict[int, int | str] = {}
    for y in years:
        try:
            amounts[y] = number(parse_amount(row.amounts.get(y, "")))
        except ValueError as e:
            row.errors[y] = str(e)
    line["amounts"] = amounts
    if row.unit:
        line["booking"] = {"unit": row.unit}
    if line.get("area") is None:
        line.pop("area")
    return line


def place_problems(form: Form, problems: Sequence[tuple[str, str]]) -> list[str]:
    """Each problem of the format at its field where the form has one ("lines[2].amounts
    [2026]" at line 3's 2026 cell); the others, returned, are said above the form."""
    left = []
    for place, message in problems:
        m = _PLACE.match(place)
        if m and int(m[1]) < len(form.rows):
            row = form.rows[int(m[1])]
            row.errors.setdefault(int(m[3]) if m[3] else m[2], message)
        elif place in TEXTS:
            form.errors.setdefault(place, message)
        else:
            left.append(f"{place}: {message}" if place else message)
    return left


def unit_choices(profile: Profile) -> list[tuple[str, str]]:
    """Where a line may be booked: each administration and appropriation, by code."""
    return [(a.code, a.name) for a in profile.administrations] + [
        (p.code, p.name) for p in profile.appropriations
    ]
