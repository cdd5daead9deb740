# SPDX-License-Identifier: MPL-2.0
"""What is derived from a proposal, remembered for as long as the proposal lives.

A proposal is immutable, and what the core derives from it (its technical tables, its
findings, Tabel 1's section sums) is a function of it and one other value alone (the profile,
the section). A store that keeps the proposals it has
read (the web application's keeps each by the version it was read from) has a page that shows
every proposal derive again only what a save changed. A value is remembered by the proposal's
identity, not its equality: comparing two proposals field by field would cost about what
deriving does. The proposal is held weakly, so remembering keeps nothing alive.

>>> from gevinst.core.model import Proposal, ProposalType
>>> calls = []
>>> @per_proposal
... def title_length(p, profile):
...     calls.append(p.id)
...     return len(p.title)
>>> p = Proposal("X1", "Ferie", ProposalType.EFFICIENCY, years=(), price_level=2025, lines=())
>>> title_length(p, None), title_length(p, None), calls
(5, 5, ['X1'])
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from gevinst.core.model import Proposal

T = TypeVar("T")
A = TypeVar("A")  # what else the value is derived from: the profile, a section of Tabel 1


def per_proposal(derive: Callable[[Proposal, A], T]) -> Callable[[Proposal, A], T]:
    """``derive`` remembered by proposal and its second argument (both by identity) for as
    long as the proposal lives. What it returns is shared by every caller, so it must not be
    changed."""
    found: dict[tuple[int, int], tuple[weakref.ref[Proposal], A, T]] = {}

    @functools.wraps(derive)
    def remembered(p: Proposal, arg: A) -> T:
        key = id(p), id(arg)
        hit = found.get(key)
        if hit is not None and hit[0]() is p and hit[1] is arg:
            return hit[2]
        value = derive(p, arg)

        def forget(ref: weakref.ref[Proposal]) -> None:
            # an id is given again once its object is gone: forget only this proposal's
            if key in found and found[key][0] is ref:
                del found[key]

        found[key] = (weakref.ref(p, forget), arg, value)
        return value

    return remembered
