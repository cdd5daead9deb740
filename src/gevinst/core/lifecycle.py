# SPDX-License-Identifier: MPL-2.0
"""A proposal's life from draft to realised benefit: its states and the transitions between
them, each guarded by the template's rules, as data in the body's profile (``workflow``).

A proposal's state is not in its document: it is the last of its transitions (events) that
the store keeps beside the documents, or the workflow's first state where there are none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Event:
    """One transition taken: who moved the proposal from which state to which, when, why."""

    transition: str
    from_state: str
    to_state: str
    who: str
    when: dt.datetime
    comment: str = ""


def current(initial: str, events: Sequence[Event]) -> str:
    """The state a proposal is in after ``events`` (oldest first)."""
    return events[-1].to_state if events else initial
