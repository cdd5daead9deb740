# SPDX-License-Identifier: MPL-2.0
"""The proposal editor's form and the document it edits.

The form holds every section a person writes: the texts of sections 1 to 7, the presenting
and affected administrations, the risk level, the economic table (one row a line, with its
text, section, kind, styringsområde, where it is booked and an amount a year), the
distribution keys (a weight per unit), the follow-up goals and the consultations. What the
form does not show (the basis, the effects, the stated figures, ...) is kept as it was in the
version the edit began from. Numbers are read as a Danish reader writes them ("1.144" is one
thousand one hundred and forty-four, "-1.474", "0,5"; "1144" too), and a value that cannot be
read is said at its field; the rest of the form is kept as typed."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from babel.numbers import NumberFormatError, parse_decimal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gevinst.core import calc, numbering
from gevinst.core.model import LineKind, Section
from gevinst.core.profile import Profile
from gevinst.format.writer import Doc, number

# a text field of the form -> its place in the document
TEXTS = {
    "title": ("title",),
    "summary": ("summary",),
    "description": ("description",),
    "economy_text": ("economy_text",),
    "distribution_text": ("distribution_text",),
    "followup_text": ("followup_text",),
    "risk_level": ("risk", "level"),
    "risk_text": ("risk", "text"),
    "admin_text": ("admin", "text"),
    "partners_text": ("partners_text",),
    "technical_text": ("technical_text",),
}
_TEXT_PLACES = {".".join(place): name for name, place in TEXTS.items()}
# a risk level as the format writes it -> as the form names it
RISK_LEVELS = {
    "lav": gettext_lazy("lav"),
    "middel": gettext_lazy("middel"),
    "høj": gettext_lazy("høj"),
}
# what a line's kind is called in the template, and the section a kind belongs to
KINDS = {
    LineKind.EFFICIENCY: gettext_lazy("Effektivisering"),
    LineKind.OPERATING_COST: gettext_lazy("Drift"),
    LineKind.INCOME: gettext_lazy("Indtægt"),
    LineKind.IMPLEMENTATION: gettext_lazy("Implementering"),
}
SECTIONS = {
    Section.PERMANENT: gettext_lazy("Varig"),
    Section.IMPLEMENTATION: gettext_lazy("Implementering"),
}
KEY_KINDS = {
    "shares": gettext_lazy("Andele"),
    "counts": gettext_lazy("Antal"),
    "areas": gettext_lazy("Arealer"),
    "amounts": gettext_lazy("Beløb"),
    "purchases": gettext_lazy("Indkøb"),
    "equal": gettext_lazy("Ligelig fordeling"),
}
HEARD = {"ja": True, "nej": False, "": None}
GOAL_FIELDS = ("phase", "goal", "measure", "responsible", "when")
KEY = "key:"  # a line's booking choice that names a key rather than a unit
_MINUS = str.maketrans({"−": "-", "–": "-", "\u00a0": "", " ": "", "\u202f": ""})
# an amount as most are typed, read as babel's strict Danish reading reads it without babel
# (the recompute reads a form's hundreds of amounts on every keystroke); any other text is
# babel's to read or refuse
_PLAIN_AMOUNT = re.compile(r"-?(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")
_LINE = re.compile(r"^lines\[(\d+)\]\.(\w+)(?:\[(\d{4})\])?")
_ITEM = re.compile(r"^(followup|consultations)\[(\d+)\]\.(\w+)")
_KEY = re.compile(r"^keys\.(.+?)\.(weights|text|kind)(?:\.(.+))?$")
_CHOICE = re.compile(r"^(presenting|affected)(?:\[\d+\])?$")
_DATES = re.compile(r"[,;\s]+")

# a technical table's total row among its units' rows in the form
TOTAL = "total"
# the most rows a list of the form may have: more is not a proposal but a request to make
# the server work (the seed's longest list has 45)
MAX_ROWS = 500


class Post(Protocol):
    """What the browser sent: a field's value, or every value of a field (checkboxes)."""

    def get(self, key: str, default: None = None) -> str | None: ...

    def getlist(self, key: str) -> list[str]: ...


def parse_amount(text: str) -> Decimal:
    """An amount as typed: Danish thousands separators and decimal comma, a blank is zero.

    >>> parse_amount("1.144"), parse_amount("-1.474"), parse_amount("1144"), parse_amount("0,5")
    (Decimal('1144'), Decimal('-1474'), Decimal('1144'), Decimal('0.5'))
    """
    cleaned = text.translate(_MINUS)
    if not cleaned:
        return Decimal(0)
    if _PLAIN_AMOUNT.fullmatch(cleaned):
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    try:
        return parse_decimal(cleaned, locale="da_DK", strict=True)
    except NumberFormatError:
        said = _("%(typed)r er ikke et tal; skriv fx 1.144, -1.474 eller 0,5")
        raise ValueError(said % {"typed": text.strip()}) from None


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
    unit: str  # the unit it is booked to, or KEY + a key's name; "" where split by parts
    booking: str  # how a split booking reads ("fordelt: SOF, BUF")
    amounts: dict[int, str]  # as typed
    # a field ("text") or a year's cell (2026) -> what is wrong with it
    errors: dict[str | int, str] = field(default_factory=dict)


@dataclass
class Goal:
    """A follow-up goal of section 3 as the form holds it."""

    phase: str
    goal: str
    measure: str
    responsible: str
    when: str
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in GOAL_FIELDS}


@dataclass
class Consultation:
    """A row of section 6, "Hvem er hørt?"; its kind and column header are kept as they
    were (a new row is of the kind "other")."""

    body: str
    heard: str  # "ja", "nej" or "" (not answered)
    dates: str  # ISO dates, separated by commas
    text: str
    kind: str = "other"
    header: str = ""
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class Key:
    """A distribution key: its name (which bookings use), text, kind and a weight per unit."""

    name: str
    text: str
    kind: str
    weights: dict[str, str]  # unit -> weight as typed; a blank leaves the unit out
    errors: dict[str, str] = field(default_factory=dict)  # "name", "weights" or a unit


@dataclass
class Move:
    """An existing budget moved between units by the proposal (it counts in Tabel B)."""

    source: str
    target: str
    text: str
    amounts: dict[int, str]  # as typed
    errors: dict[Any, str] = field(default_factory=dict)


@dataclass
class BasisRow:
    label: str
    values: dict[str, str]  # column -> as typed


@dataclass
class BasisForm:
    """A table of the calculation basis: its words, and its rows as typed."""

    id: str
    title: str
    text: str
    columns: list[str]
    rows: list[BasisRow]
    printed: bool
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class StatedRow:
    """A row of figures the document states (Tabel 1's subtotals, a technical table's unit
    or total), as typed: the check compares them with the derived ones."""

    table: str  # "1", or a technical table "A".."E"
    row: str  # a Tabel 1 row ("varig"), a unit ("ØU"), or TOTAL
    label: str
    amounts: dict[int, str]
    errors: dict[int, str] = field(default_factory=dict)


@dataclass
class Form:
    base: str
    texts: dict[str, str]
    rows: list[Row]
    why: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # a text field or a choice -> message
    presenting: list[str] = field(default_factory=list)
    affected: list[str] = field(default_factory=list)
    followup: list[Goal] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    keys: list[Key] = field(default_factory=list)
    stated: list[StatedRow] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    basis: list[BasisForm] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        items: list[Row | Goal | Consultation | Key | StatedRow | Move | BasisForm] = [
            *self.rows,
            *self.followup,
            *self.consultations,
            *self.keys,
            *self.stated,
            *self.moves,
            *self.basis,
        ]
        return bool(self.errors) or any(item.errors for item in items)


def _parts_text(booking: Mapping[str, Any] | None) -> str:
    if booking and "parts" in booking:
        return _("fordelt: %(units)s") % {"units": ", ".join(booking["parts"])}
    return ""


def _booked_to(booking: Mapping[str, Any] | None) -> str:
    if not booking:
        return ""
    if "key" in booking:
        return KEY + str(booking["key"])
    return str(booking.get("unit") or "")


def _at(doc: Mapping[str, Any], place: Sequence[str]) -> Any:
    for step in place:
        doc = doc.get(step) or {}
    return doc or ""


def form_of(doc: Doc, base: str, units: Sequence[str] = ()) -> Form:
    """The form of a document, as the editor opens it; each key offers a weight for its own
    units and then for ``units`` (the administrations)."""
    rows = [
        Row(
            id=line["id"],
            text=line.get("text", ""),
            section=line.get("section", Section.PERMANENT),
            kind=line.get("kind", LineKind.EFFICIENCY),
            area=line.get("area") or "",
            unit=_booked_to(line.get("booking")),
            booking=_parts_text(line.get("booking")),
            amounts={int(y): show_amount(a) for y, a in line.get("amounts", {}).items()},
        )
        for line in doc.get("lines", [])
    ]
    return Form(
        base,
        {name: str(_at(doc, place)) for name, place in TEXTS.items()},
        rows,
        presenting=list(doc.get("presenting", [])),
        affected=list(doc.get("affected", [])),
        followup=[
            Goal(f["phase"], f["goal"], f.get("measure", ""), f.get("responsible", ""), f["when"])
            for f in doc.get("followup", [])
        ],
        consultations=[_consultation_of(c) for c in doc.get("consultations", [])],
        keys=[
            Key(
                name,
                k.get("text", ""),
                k["kind"],
                {u: show_amount(k["weights"].get(u)) for u in [*k["weights"], *units]},
            )
            for name, k in doc.get("keys", {}).items()
        ],
        stated=_stated_rows(doc.get("stated", {})),
        moves=[
            Move(m["from"], m["to"], m.get("text", ""), _typed(m.get("amounts")))
            for m in doc.get("budget_moves", [])
        ],
        basis=[
            BasisForm(
                b["id"],
                b.get("title", ""),
                b.get("text", ""),
                list(b.get("columns", [])),
                _basis_rows(b),
                bool(b.get("printed", True)),
            )
            for b in doc.get("basis", [])
        ],
    )


def _basis_rows(table: Mapping[str, Any]) -> list[BasisRow]:
    """A basis table's rows as the form shows them: a column of years ("Fra": 2025) without
    a thousands separator, as the documents print it."""
    rows = table.get("rows", [])
    years = {
        c
        for c in table.get("columns", [])
        if numbering.is_year_column(
            Decimal(v) if isinstance(v, int) else v for v in (r["values"].get(c) for r in rows)
        )
    }
    return [
        BasisRow(
            r["label"],
            {
                c: str(r["values"].get(c, "")) if c in years else show_amount(r["values"].get(c))
                for c in table.get("columns", [])
            },
        )
        for r in rows
    ]


def _typed(amounts: Mapping[Any, Any] | None) -> dict[int, str]:
    return {int(y): show_amount(a) for y, a in (amounts or {}).items()}


def _stated_rows(stated: Mapping[str, Any]) -> list[StatedRow]:
    """The figures the document states, table by table, in the template's order."""
    rows = [
        StatedRow("1", key, calc.TABLE1_ROWS[key][0] if key in calc.TABLE1_ROWS else key, _typed(a))
        for key, a in stated.get("1", {}).items()
    ]
    for name in calc.TECHNICAL_TABLES:
        table = stated.get(name)
        if not isinstance(table, Mapping) or "rows" not in table:
            continue
        rows += [StatedRow(name, unit, unit, _typed(a)) for unit, a in table["rows"].items()]
        if table.get("total") is not None:
            rows.append(StatedRow(name, TOTAL, _("I alt"), _typed(table["total"])))
    return rows


def _consultation_of(c: Mapping[str, Any]) -> Consultation:
    heard = next((word for word, value in HEARD.items() if value is c.get("heard")), "")
    dates = ", ".join(str(d) for d in c.get("dates", []))
    return Consultation(c["body"], heard, dates, c.get("text", ""), c["kind"], c.get("header", ""))


def form_from_post(post: Post, years: Sequence[int]) -> Form:
    """The form as the browser sent it back."""

    def value(name: str) -> str:
        return post.get(name) or ""

    def count(name: str) -> int:
        text = value(name)
        return min(int(text), MAX_ROWS) if text.isascii() and text.isdigit() else 0

    rows = [
        Row(
            id=value(f"line-{i}-id"),
            text=value(f"line-{i}-text"),
            section=value(f"line-{i}-section") or Section.PERMANENT,
            kind=value(f"line-{i}-kind") or LineKind.EFFICIENCY,
            area=value(f"line-{i}-area"),
            unit=value(f"line-{i}-unit"),
            booking=value(f"line-{i}-booking"),
            amounts={y: value(f"line-{i}-{y}") for y in years},
        )
        for i in range(count("lines"))
    ]
    followup = [
        Goal(
            value(f"goal-{i}-phase"),
            value(f"goal-{i}-goal"),
            value(f"goal-{i}-measure"),
            value(f"goal-{i}-responsible"),
            value(f"goal-{i}-when"),
        )
        for i in range(count("goals"))
    ]
    consultations = [
        Consultation(
            value(f"heard-{i}-body"),
            value(f"heard-{i}-heard"),
            value(f"heard-{i}-dates"),
            value(f"heard-{i}-text"),
            value(f"heard-{i}-kind"),
            value(f"heard-{i}-header"),
        )
        for i in range(count("consultations"))
    ]
    keys = [
        Key(
            value(f"key-{k}-name"),
            value(f"key-{k}-text"),
            value(f"key-{k}-kind"),
            {
                value(f"key-{k}-unit-{j}"): value(f"key-{k}-weight-{j}")
                for j in range(count(f"key-{k}-units"))
            },
        )
        for k in range(count("keys"))
    ]
    stated = [
        StatedRow(
            value(f"stated-{i}-table"),
            value(f"stated-{i}-row"),
            value(f"stated-{i}-label"),
            {y: value(f"stated-{i}-{y}") for y in years},
        )
        for i in range(count("stated"))
    ]
    moves = [
        Move(
            value(f"move-{i}-from"),
            value(f"move-{i}-to"),
            value(f"move-{i}-text"),
            {y: value(f"move-{i}-{y}") for y in years},
        )
        for i in range(count("moves"))
    ]
    basis = []
    for k in range(count("basis")):
        columns = [value(f"basis-{k}-col-{c}") for c in range(count(f"basis-{k}-cols"))]
        table_rows = [
            BasisRow(
                value(f"basis-{k}-row-{r}-label"),
                {col: value(f"basis-{k}-row-{r}-{c}") for c, col in enumerate(columns)},
            )
            for r in range(count(f"basis-{k}-rows"))
        ]
        basis.append(
            BasisForm(
                value(f"basis-{k}-id"),
                value(f"basis-{k}-title"),
                value(f"basis-{k}-text"),
                columns,
                table_rows,
                value(f"basis-{k}-printed") == "1",
            )
        )
    return Form(
        value("base"),
        {name: value(name) for name in TEXTS},
        rows,
        value("why"),
        presenting=post.getlist("presenting"),
        affected=post.getlist("affected"),
        followup=followup,
        consultations=consultations,
        keys=keys,
        stated=stated,
        moves=moves,
        basis=basis,
    )


def apply_op(form: Form, op: str, years: Sequence[int], units: Sequence[str] = ()) -> None:
    """An item of a list added, removed or moved, as the buttons ask: ``lines:add``,
    ``goals:remove-2``, ``consultations:up-2``, ``keys:down-0``. A new line or key gets a
    name no other has; a new key offers a weight for each of ``units``."""
    name, _, action = op.partition(":")
    verb, _, index = action.partition("-")
    items: list[Any]
    if name == "lines":
        items = form.rows
    elif name == "goals":
        items = form.followup
    elif name == "consultations":
        items = form.consultations
    elif name == "keys":
        items = form.keys
    elif name == "moves":
        items = form.moves
    elif name.startswith("basis-") and name[6:].isascii() and name[6:].isdigit():
        if int(name[6:]) >= len(form.basis):
            return
        items = form.basis[int(name[6:])].rows
    else:
        return
    if verb == "add":
        items.append(_new_item(form, name, years, units))
    elif index.isascii() and index.isdigit() and int(index) < len(items):
        _move(items, verb, int(index))


def _new_item(form: Form, name: str, years: Sequence[int], units: Sequence[str]) -> Any:
    if name == "lines":
        new_id = _free({r.id for r in form.rows}, "n")
        empty = dict.fromkeys(years, "")
        return Row(new_id, "", Section.PERMANENT, LineKind.EFFICIENCY, "", "", "", empty)
    if name == "goals":
        phase = form.followup[-1].phase if form.followup else "implementation"
        return Goal(phase, "", "", "", "")
    if name == "consultations":
        return Consultation("", "", "", "")
    if name == "moves":
        return Move("", "", "", dict.fromkeys(years, ""))
    if name.startswith("basis-"):
        return BasisRow("", dict.fromkeys(form.basis[int(name[6:])].columns, ""))
    return Key(_free({k.name for k in form.keys}, "nøgle"), "", "shares", dict.fromkeys(units, ""))


def _free(taken: set[str], stem: str) -> str:
    return next(f"{stem}{i}" for i in range(1, len(taken) + 2) if f"{stem}{i}" not in taken)


def _move(items: list[Any], verb: str, i: int) -> None:
    if verb == "remove":
        del items[i]
    elif verb == "up" and i > 0:
        items[i - 1], items[i] = items[i], items[i - 1]
    elif verb == "down" and i + 1 < len(items):
        items[i], items[i + 1] = items[i + 1], items[i]


def document_of(form: Form, base: Doc, years: Sequence[int]) -> Doc:
    """The document the form describes: ``base`` with the form's sections; a value that
    cannot be read is noted at its field and left out."""
    doc = copy.deepcopy(dict(base))
    for name, place in TEXTS.items():
        *parents, last = place
        holder = doc
        for step in parents:
            holder = holder.setdefault(step, {})
        holder[last] = form.texts[name] or (None if name == "risk_level" else "")
    doc["presenting"] = _kept_order(base.get("presenting", []), form.presenting)
    doc["affected"] = _kept_order(base.get("affected", []), form.affected)
    old = {line["id"]: line for line in base.get("lines", [])}
    doc["lines"] = [_line(row, old.get(row.id, {}), years) for row in form.rows]
    doc["keys"] = _keys(form.keys)
    doc["followup"] = [goal.fields for goal in form.followup]
    doc["consultations"] = [_consultation(c) for c in form.consultations]
    for row in form.stated:
        _put_stated(doc, row, years)
    doc["budget_moves"] = [_move_doc(m, years) for m in form.moves]
    tables = {b["id"]: b for b in doc.get("basis", [])}
    for table in form.basis:
        if table.id in tables:
            _put_basis(tables[table.id], table)
    return doc


def _move_doc(m: Move, years: Sequence[int]) -> Doc:
    move: Doc = {"from": m.source, "to": m.target, "amounts": _amounts(m.amounts, years, m.errors)}
    if m.text:
        move["text"] = m.text
    return move


def _cell(typed: str) -> int | str:
    """A basis table's cell as typed: a number where it reads as one ("0,5", "1.144"), else
    the words ("medio 2025")."""
    try:
        return number(parse_amount(typed))
    except ValueError:
        return typed.strip()


def _put_basis(table: Doc, form: BasisForm) -> None:
    """The form's words and rows in the basis table where it stood; a blank cell leaves its
    column out of the row."""
    table["title"], table["text"] = form.title, form.text
    table["rows"] = [
        {
            "label": row.label,
            "values": {c: _cell(v) for c, v in row.values.items() if v.strip()},
        }
        for row in form.rows
    ]


def _amounts(
    typed: Mapping[int, str], years: Sequence[int], errors: dict[Any, str]
) -> dict[int, int | str]:
    """Typed amounts read: a year left blank is left out; one that cannot be read is noted
    in ``errors`` at its year."""
    amounts: dict[int, int | str] = {}
    for y in years:
        text = typed.get(y, "")
        if not text.strip():
            continue
        try:
            amounts[y] = number(parse_amount(text))
        except ValueError as e:
            errors[y] = str(e)
    return amounts


def _put_stated(doc: Doc, row: StatedRow, years: Sequence[int]) -> None:
    """A stated row's figures in the document, where it stood: a row the document does not
    have (a form sent back otherwise) is left alone."""
    table = doc.get("stated", {}).get(row.table)
    if not isinstance(table, dict):
        return
    amounts = _amounts(row.amounts, years, row.errors)
    if row.table == "1" and row.row in table:
        table[row.row] = amounts
    elif row.row == TOTAL and "total" in table:
        table["total"] = amounts
    elif row.row in table.get("rows", {}):
        table["rows"][row.row] = amounts


def _kept_order(old: Sequence[str], chosen: Sequence[str]) -> list[str]:
    """The chosen codes in the document's order, a newly chosen one after them."""
    return [c for c in old if c in chosen] + [c for c in chosen if c not in old]


def _line(row: Row, old: Mapping[str, Any], years: Sequence[int]) -> Doc:
    line: Doc = {**copy.deepcopy(dict(old)), "id": row.id, "text": row.text}
    line.update(section=row.section, kind=row.kind, area=row.area or None)
    # a year left out is zero, printed blank; a typed 0 is printed
    line["amounts"] = _amounts(row.amounts, years, row.errors)
    if row.unit.startswith(KEY):
        line["booking"] = {"key": row.unit.removeprefix(KEY)}
    elif row.unit:
        line["booking"] = {"unit": row.unit}
    if line.get("area") is None:
        line.pop("area")
    return line


def _keys(keys: Sequence[Key]) -> Doc:
    out: Doc = {}
    for key in keys:
        name = key.name.strip()
        if not name:
            key.errors["name"] = _("angiv nøglens navn")
            continue
        if name in out:
            key.errors["name"] = _("navnet %(name)r er brugt af en anden nøgle") % {"name": name}
            continue
        weights: dict[str, int | str] = {}
        for unit, typed in key.weights.items():
            try:
                if typed.strip():
                    weights[unit] = number(parse_amount(typed))
            except ValueError as e:
                key.errors[unit] = str(e)
        out[name] = {"text": key.text, "kind": key.kind, "weights": weights}
    return out


def _consultation(c: Consultation) -> Doc:
    dates: list[dt.date | str] = []
    for text in filter(None, _DATES.split(c.dates.strip())):
        try:
            dates.append(dt.date.fromisoformat(text))
        except ValueError:
            dates.append(text)  # the format says what is wrong with it, at the field
    heard = HEARD.get(c.heard)
    return {
        "body": c.body,
        "kind": c.kind,
        "heard": heard,
        "dates": dates,
        "text": c.text,
        "header": c.header,
    }


def place_problems(form: Form, problems: Sequence[tuple[str, str]]) -> list[str]:
    """Each problem of the format at its field where the form has one ("lines[2].amounts
    [2026]" at line 3's 2026 cell, "keys.ledere.weights.BIF" at the key's weight for BIF);
    the others, returned, are said above the form."""
    return [
        f"{place}: {message}" if place else message
        for place, message in problems
        if not _placed(form, place, message)
    ]


def _placed(form: Form, place: str, message: str) -> bool:
    if m := _LINE.match(place):
        if int(m[1]) < len(form.rows):
            form.rows[int(m[1])].errors.setdefault(int(m[3]) if m[3] else m[2], message)
            return True
    elif m := _ITEM.match(place):
        items: Sequence[Goal | Consultation] = (
            form.followup if m[1] == "followup" else form.consultations
        )
        if int(m[2]) < len(items):
            items[int(m[2])].errors.setdefault(m[3], message)
            return True
    elif m := _KEY.match(place):
        for key in form.keys:
            if key.name.strip() == m[1]:
                where = m[3] if m[2] == "weights" and m[3] in key.weights else m[2]
                key.errors.setdefault(where, message)
                return True
    elif m := _CHOICE.match(place):
        form.errors.setdefault(m[1], message)
        return True
    elif place in TEXTS or place in _TEXT_PLACES:
        form.errors.setdefault(_TEXT_PLACES.get(place, place), message)
        return True
    return False


def unit_choices(profile: Profile) -> list[tuple[str, str]]:
    """Where a line may be booked: each administration and appropriation, by code."""
    return [(a.code, a.name) for a in profile.administrations] + [
        (p.code, p.name) for p in profile.appropriations
    ]


def administration_choices(profile: Profile, form: Form) -> list[tuple[str, str]]:
    """The boxes of the presenting and affected administrations: the profile's, and any
    other the document names (so that saving never drops it)."""
    known = [(a.code, a.name) for a in profile.administrations]
    codes = {code for code, _ in known}
    others = dict.fromkeys(c for c in [*form.presenting, *form.affected] if c not in codes)
    return known + [(c, c) for c in others]
