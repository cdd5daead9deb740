# SPDX-License-Identifier: MPL-2.0
"""The realisation records (:mod:`gevinst.core.realisation`) as documents: one mapping per
entry with its ``kind``, as a catalog folder's ``realisation.yaml`` lists them and the
database keeps each (docs/format.md, "Gevinstrealisering: realisation.yaml").

>>> from datetime import UTC, datetime
>>> from decimal import Decimal
>>> e = Spending(proposal="BC01", year=2025, committee="ØU", amount=Decimal("700.5"),
...              note="", who="Anna", when=datetime(2026, 3, 1, tzinfo=UTC))
>>> entry_document(e)["amount"]
'700,5'
>>> entry_from_document(entry_document(e), Path("realisation.yaml"), 0) == e
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from gevinst.core.errors import FormatError, Problem
from gevinst.core.realisation import (
    DATE_COLUMN,
    Baseline,
    ColumnMapping,
    Entry,
    GoalRef,
    Measurement,
    Realised,
    Spending,
)
from gevinst.format.reader import DataDocument, parse_document
from gevinst.format.schema import Amount, Date, Identifier, Model, Year
from gevinst.format.writer import Doc, number
from gevinst.format.yamlsource import YamlDocument


def _when(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} er ikke et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ss+00:00)") from None


When = Annotated[dt.datetime, BeforeValidator(_when)]
Goal = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*/[1-9]\d*$")]


class _Recorded(Model):
    who: str
    when: When


class MappingModel(_Recorded):
    kind: Literal["mapping"]
    column: str = Field(min_length=1)
    goal: Goal | Literal["dato"]


class BaselineModel(_Recorded):
    kind: Literal["baseline"]
    goal: Goal
    value: Amount
    date: Date
    source: str


class MeasurementModel(_Recorded):
    kind: Literal["measurement"]
    goal: Goal
    value: Amount
    date: Date
    note: str


class RealisedModel(_Recorded):
    kind: Literal["realised"]
    proposal: Identifier
    year: Year
    committee: str | None
    amount: Amount
    evidence: str = Field(min_length=1)


class SpendingModel(_Recorded):
    kind: Literal["spending"]
    proposal: Identifier
    year: Year
    committee: str | None
    amount: Amount
    note: str


class EntryModel(Model):
    entry: Annotated[
        MappingModel | BaselineModel | MeasurementModel | RealisedModel | SpendingModel,
        Field(discriminator="kind"),
    ]


def _goal(text: str) -> GoalRef:
    proposal, n = text.split("/")
    return GoalRef(proposal, int(n))


def entry_document(e: Entry) -> Doc:
    """An entry as its document: ``kind`` first, then its fields, ``who`` and ``when`` last."""
    recorded = {"who": e.who, "when": e.when.isoformat()}
    if isinstance(e, ColumnMapping):
        goal = DATE_COLUMN if e.goal is None else str(e.goal)
        return {"kind": "mapping", "column": e.column, "goal": goal, **recorded}
    if isinstance(e, Baseline):
        return {
            "kind": "baseline",
            "goal": str(e.goal),
            "value": number(e.value),
            "date": e.day.isoformat(),
            "source": e.source,
            **recorded,
        }
    if isinstance(e, Measurement):
        return {
            "kind": "measurement",
            "goal": str(e.goal),
            "value": number(e.value),
            "date": e.day.isoformat(),
            "note": e.note,
            **recorded,
        }
    kind, text = ("realised", "evidence") if isinstance(e, Realised) else ("spending", "note")
    return {
        "kind": kind,
        "proposal": e.proposal,
        "year": e.year,
        "committee": e.committee,
        "amount": number(e.amount),
        text: e.evidence if isinstance(e, Realised) else e.note,
        **recorded,
    }


def _entry(m: Any) -> Entry:
    if isinstance(m, MappingModel):
        goal = None if m.goal == DATE_COLUMN else _goal(m.goal)
        return ColumnMapping(column=m.column, goal=goal, who=m.who, when=m.when)
    if isinstance(m, BaselineModel):
        return Baseline(
            goal=_goal(m.goal), value=m.value, day=m.date, source=m.source, who=m.who, when=m.when
        )
    if isinstance(m, MeasurementModel):
        return Measurement(
            goal=_goal(m.goal), value=m.value, day=m.date, note=m.note, who=m.who, when=m.when
        )
    if isinstance(m, RealisedModel):
        return Realised(
            proposal=m.proposal,
            year=m.year,
            committee=m.committee,
            amount=m.amount,
            evidence=m.evidence,
            who=m.who,
            when=m.when,
        )
    assert isinstance(m, SpendingModel)
    return Spending(
        proposal=m.proposal,
        year=m.year,
        committee=m.committee,
        amount=m.amount,
        note=m.note,
        who=m.who,
        when=m.when,
    )


_KINDS = {"mapping", "baseline", "measurement", "realised", "spending"}


def _field(field: str, index: int) -> str:
    """A field of an entry as ``entries[3].amount``, without pydantic's step for the kind."""
    steps = field.split(".")[1:]  # the first is the wrapper's "entry"
    if steps and steps[0] in _KINDS:
        steps = steps[1:]
    return ".".join([f"entries[{index}]", *steps])


def entry_from_document(data: Any, path: Path, index: int) -> Entry:
    """The entry of a document; a FormatError naming ``path`` and the entry's place."""
    try:
        model = parse_document(DataDocument(path, {"entry": data}), EntryModel, None)
    except FormatError as e:
        problems = [
            Problem(path, q.line, q.proposal, _field(q.field, index), q.message) for q in e.problems
        ]
        raise FormatError(problems) from None
    return _entry(model.entry)


def entries_from_document(doc: YamlDocument) -> list[Entry]:
    """The entries of ``realisation.yaml``, ``{entries: [...]}``, the oldest first."""
    data = doc.data or {}
    if (
        not isinstance(data, dict)
        or set(data) != {"entries"}
        or not isinstance(data["entries"], list)
    ):
        raise FormatError(
            [Problem(doc.path, None, None, "", "skal være entries: en liste af poster")]
        )
    return [entry_from_document(d, doc.path, i) for i, d in enumerate(data["entries"])]


def entries_document(entries: Sequence[Entry]) -> Doc:
    return {"entries": [entry_document(e) for e in entries]}
