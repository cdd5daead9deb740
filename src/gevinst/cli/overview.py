# SPDX-License-Identifier: MPL-2.0
"""``gevinst overview`` as text and JSON: the round on one page, as the web's overview shows
it (services.overview)."""

from __future__ import annotations

from typing import Any

from gevinst.services.overview import Overdue, Overview, Standing


def _overdue_json(o: Overdue) -> dict[str, Any]:
    return {
        "goal": o.goal,
        "measure": o.measure,
        "responsible": o.responsible,
        "occurrences": o.occurrences,
        "since": o.since.isoformat(),
    }


def _standing_json(s: Standing) -> dict[str, Any]:
    return {
        "id": s.proposal.id,
        "state": s.state,
        "label": s.label,
        "approved_with": s.approved_with,
        "ready": [t.id for t in s.ready],
        "waiting": [
            {"id": t.id, "label": t.label, "missing": list(missing)} for t, missing in s.waiting
        ],
        "overdue": [_overdue_json(o) for o in s.overdue],
        "consultations": [
            {"body": q.body, "due": q.due.isoformat(), "overdue": q.overdue}
            for q in s.consultations
        ],
        "open_comments": s.comments,
        "change_requests": [r.number for r in s.requests],
    }


def overview_json(o: Overview) -> dict[str, Any]:
    return {
        "catalog": o.catalog.id,
        "round": o.catalog.round,
        "as_of": o.as_of.isoformat(),
        "states": {state.id: n for state, n in o.states},
        "unpublished": o.unpublished,
        "proposals": [_standing_json(s) for s in o.standings],
    }


def _standing_lines(s: Standing) -> list[str]:
    approved = f" (godkendt med {s.approved_with})" if s.approved_with else ""
    lines = [f"{s.proposal.id}  {s.label}{approved}\n"]
    if s.ready:
        lines.append("  kan ske nu: " + ", ".join(t.id for t in s.ready) + "\n")
    for t, missing in s.waiting:
        lines.append(f"  venter: {t.id} ({t.label})\n")
        lines += [f"    - {m}\n" for m in missing]
    lines += [
        f"  høring af {q.body}, svar senest {q.due}{' (forfalden)' if q.overdue else ''}\n"
        for q in s.consultations
    ]
    if s.comments:
        lines.append(f"  åbne kommentarer: {s.comments}\n")
    lines += [f"  ændringsanmodning {r.number} venter på CFØ\n" for r in s.requests]
    if s.overdue:
        lines.append("  opfølgningsmål uden dokumentation:\n")
        lines += [
            f"    - {o.goal} ({o.responsible}): {o.occurrences} gang(e), ældste frist {o.since}\n"
            for o in s.overdue
        ]
    return lines


def render(o: Overview) -> str:
    """The counts by state, then each proposal: its state, the steps it may take now, those
    that wait with what each misses, and its goals overdue for evidence."""
    states = ", ".join(f"{state.label} {n}" for state, n in o.states)
    lines = [
        f"{o.catalog.round}, set fra {o.as_of}: {len(o.standings)} forslag ({states})\n",
        f"{o.waiting} venter på noget; {o.open_questions} høringer ubesvarede; "
        f"{o.open_requests} ændringsanmodninger venter; "
        f"{o.overdue} opfølgningsmål mangler dokumentation\n",
    ]
    if o.unpublished:
        lines.append(f"{o.unpublished} fortrolige forslag er ikke vist\n")
    for s in o.standings:
        lines.append("\n")
        lines += _standing_lines(s)
    return "".join(lines)
