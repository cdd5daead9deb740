# SPDX-License-Identifier: MPL-2.0
"""A proposal's place in its lifecycle as its page shows it to one user: the state, the
transitions the user may take now, and those the user could take but that are not yet
possible, with what each still needs (the workflow service says both)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gevinst.core.access import Actor
from gevinst.core.findings import Finding
from gevinst.core.lifecycle import Transition
from gevinst.services import workflow
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Flow:
    label: str
    count: int  # the events seen: a move from the page names it, to meet one made since
    possible: tuple[Transition, ...]
    blocked: tuple[tuple[Transition, tuple[str, ...]], ...]  # with the reasons, in Danish


@dataclass(frozen=True)
class Refused:
    """A transition refused, with the conditions it misses."""

    label: str
    missing: tuple[str, ...]


def flow(
    store: Store, actor: Actor, key: str, proposal_id: str, findings: Sequence[Finding]
) -> Flow | None:
    """The proposal's state and the steps ``actor`` may take from it; None for a catalog
    whose profile has no workflow. ``findings``: the visible catalog's, checked already."""
    info = workflow.status(store, actor, key, findings).get(proposal_id)
    if info is None:
        return None
    return Flow(
        label=info.label,
        count=info.count,
        possible=tuple(t for t, missing in info.available if not missing),
        blocked=tuple((t, tuple(missing)) for t, missing in info.available if missing),
    )
