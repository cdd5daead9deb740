# SPDX-License-Identifier: MPL-2.0
"""``gevinst overview`` as text and JSON: the round on one page, as the web's overview shows
it (services.overview)."""

from __future__ import annotations

from typing import Any

from gevinst.core.template import Printing, printing
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


def _standing_lines(s: Standing, pr: Printing) -> list[str]:
    w = pr.words.term
    approved = (
        w(" (godkendt med {approved_with})").format(approved_with=s.approved_with)
        if s.approved_with
        else ""
    )
    lines = [f"{s.proposal.id}  {s.label}{approved}\n"]
    if s.ready:
        steps = ", ".join(t.id for t in s.ready)
        lines.append("  " + w("kan ske nu: {steps}").format(steps=steps) + "\n")
    for t, missing in s.waiting:
        lines.append("  " + w("venter: {id} ({label})").format(id=t.id, label=t.label) + "\n")
        lines += [f"    - {m}\n" for m in missing]
    lines += [
        "  "
        + w("høring af {body}, svar senest {due}{overdue}").format(
            body=q.body, due=q.due, overdue=w(" (forfalden)") if q.overdue else ""
        )
        + "\n"
        for q in s.consultations
    ]
    if s.comments:
        lines.append("  " + w("åbne kommentarer: {n}").format(n=s.comments) + "\n")
    lines += [
        "  " + w("ændringsanmodning {number} venter på CFØ").format(number=r.number) + "\n"
        for r in s.requests
    ]
    if s.overdue:
        lines.append("  " + w("opfølgningsmål uden dokumentation:") + "\n")
        lines += [
            "    - "
            + w("{goal} ({responsible}): {n} gang(e), ældste frist {since}").format(
                goal=o.goal, responsible=o.responsible, n=o.occurrences, since=o.since
            )
            + "\n"
            for o in s.overdue
        ]
    return lines


def render(o: Overview, printed: Printing | None = None) -> str:
    """The counts by state, then each proposal: its state, the steps it may take now, those
    that wait with what each misses, and its goals overdue for evidence; the fixed words in
    the profile's language (the states and steps are the profile's own)."""
    pr = printed or printing(None)
    w = pr.words.term
    states = ", ".join(f"{state.label} {n}" for state, n in o.states)
    lines = [
        w("{round}, set fra {as_of}: {n} forslag ({states})").format(
            round=o.catalog.round, as_of=o.as_of, n=len(o.standings), states=states
        )
        + "\n",
        w(
            "{waiting} venter på noget; {questions} høringer ubesvarede; {requests} "
            "ændringsanmodninger venter; {overdue} opfølgningsmål mangler dokumentation"
        ).format(
            waiting=o.waiting,
            questions=o.open_questions,
            requests=o.open_requests,
            overdue=o.overdue,
        )
        + "\n",
    ]
    if o.unpublished:
        lines.append(w("{n} fortrolige forslag er ikke vist").format(n=o.unpublished) + "\n")
    for s in o.standings:
        lines.append("\n")
        lines += _standing_lines(s, pr)
    return "".join(lines)
