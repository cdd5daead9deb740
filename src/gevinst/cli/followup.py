# SPDX-License-Identifier: MPL-2.0
"""``gevinst followup`` as text and JSON: the follow-up goals' occurrences, due, overdue and
upcoming, as a table for each responsible unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gevinst.services.followup import Item

_LABELS = {"overdue": "forfalden", "due": "aktuel", "upcoming": "kommende"}


def item_json(item: Item) -> dict[str, Any]:
    return {
        "proposal": item.proposal,
        "goal": item.goal,
        "measure": item.measure,
        "responsible": item.responsible,
        "due_from": item.due_from.isoformat(),
        "due_to": item.due_to.isoformat(),
        "status": item.status,
    }


def render_by_responsible(items: Sequence[Item]) -> str:
    """A heading for each responsible unit, in the order they first appear, and under it one
    line for each occurrence: its status, its interval, the proposal and the goal."""
    by_unit: dict[str, list[Item]] = {}
    for item in items:
        by_unit.setdefault(item.responsible, []).append(item)
    width = max((len(i.proposal) for i in items), default=0)
    lines = []
    for unit, own in by_unit.items():
        lines.append(f"{unit}\n")
        lines.extend(
            f"  {_LABELS[i.status]:<9}  {i.due_from}–{i.due_to}  {i.proposal:<{width}}  {i.goal}\n"
            for i in own
        )
    return "".join(lines) or "Ingen opfølgningsmål.\n"
