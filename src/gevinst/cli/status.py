# SPDX-License-Identifier: MPL-2.0
"""``gevinst status`` as text and JSON: where each proposal stands in its lifecycle, and for
one proposal the transitions taken and those that may be taken next, with what each misses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gevinst.core.lifecycle import Event
from gevinst.core.template import Printing, printing
from gevinst.services.workflow import StatusInfo


def render_states(infos: Mapping[str, StatusInfo]) -> str:
    """One line for each proposal: its id and its state."""
    width = max(len(pid) for pid in infos)
    return "".join(f"{pid:<{width}}  {info.label}\n" for pid, info in infos.items())


def _event_line(e: Event) -> str:
    comment = f": {e.comment}" if e.comment else ""
    step = f"{e.transition} ({e.from_state} -> {e.to_state})"
    return f"  {e.when:%Y-%m-%d %H:%M} {e.who}, {step}{comment}\n"


def render_proposal(
    pid: str, info: StatusInfo, history: Sequence[Event], printed: Printing | None = None
) -> str:
    """The proposal's state, its transitions so far, and the next ones with what they miss;
    the fixed words in the profile's language (the states and steps are the profile's own)."""
    w = (printed or printing(None)).words.term
    lines = [f"{pid}: {info.label}\n"]
    if history:
        lines.append(w("Skift:") + "\n")
        lines += [_event_line(e) for e in history]
    if not info.available:
        lines.append(w("Ingen skift, du kan foretage herfra.") + "\n")
        return "".join(lines)
    lines.append(w("Næste skift (gevinst move KATALOG ID SKIFT):") + "\n")
    for t, missing in info.available:
        ready = w("kan ske nu") if not missing else w("mangler:")
        lines.append(f"  {t.id} ({t.label}): {ready}\n")
        lines += [f"    - {m}\n" for m in missing]
    return "".join(lines)


def status_json(pid: str, info: StatusInfo) -> dict[str, Any]:
    return {
        "id": pid,
        "state": info.state,
        "label": info.label,
        "events": info.count,
        "transitions": [
            {"id": t.id, "label": t.label, "to": t.to, "missing": list(missing)}
            for t, missing in info.available
        ],
    }
