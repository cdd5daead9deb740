# SPDX-License-Identifier: MPL-2.0
"""``gevinst followup`` as text and JSON: the follow-up goals' occurrences (done, missed,
overdue, due, upcoming) with what was recorded last, as a table for each responsible unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gevinst.core.template import Printing, printing
from gevinst.format.writer import record_document
from gevinst.services.followup import Item

_LABELS = {
    "done": "nået",
    "missed": "ikke nået",
    "overdue": "forfalden",
    "due": "aktuel",
    "upcoming": "kommende",
}
# a record's status as the table says it
RECORDED = {
    "not_started": "ikke begyndt",
    "on_track": "på vej",
    "late": "forsinket",
    "done": "nået",
    "missed": "ikke nået",
}


def item_json(item: Item) -> dict[str, Any]:
    return {
        "proposal": item.proposal,
        "goal": item.goal,
        "measure": item.measure,
        "responsible": item.responsible,
        "due_from": item.due_from.isoformat(),
        "due_to": item.due_to.isoformat(),
        "status": item.status,
        "recorded": _recorded_json(item),
    }


def _recorded_json(item: Item) -> dict[str, Any] | None:
    """The last record of the occurrence made by the day, with its number among the
    proposal's records; None where there is none."""
    if item.recorded is None:
        return None
    number, r = item.recorded
    return {"number": number, **record_document(r)}


def render_by_responsible(items: Sequence[Item], printed: Printing | None = None) -> str:
    """A heading for each responsible unit, in the order they first appear, and under it one
    line for each occurrence: its status, its interval, the proposal and the goal; the
    statuses in the profile's language."""
    t = (printed or printing(None)).words.term
    by_unit: dict[str, list[Item]] = {}
    for item in items:
        by_unit.setdefault(item.responsible, []).append(item)
    width = max((len(i.proposal) for i in items), default=0)
    lines = []
    for unit, own in by_unit.items():
        lines.append(f"{unit}\n")
        lines.extend(
            f"  {t(_LABELS[i.status]):<9}  {i.due_from}–{i.due_to}  {i.proposal:<{width}}  "
            f"{i.goal}{_said(i, printed)}\n"
            for i in own
        )
    return "".join(lines) or t("Ingen opfølgningsmål.") + "\n"


def _said(item: Item, printed: Printing | None = None) -> str:
    """What the last record said, where it said more than the status shows."""
    if item.recorded is None:
        return ""
    _, r = item.recorded
    status = (printed or printing(None)).words.term(RECORDED[r.status])
    return f" [{status} {r.when.date()}, {r.who}]"
