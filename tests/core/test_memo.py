# SPDX-License-Identifier: MPL-2.0
"""A value derived from a proposal is remembered while the proposal lives, for that proposal
and profile alone, and keeps no proposal alive."""

from __future__ import annotations

import gc
import weakref
from dataclasses import replace

from gevinst.core import calc
from gevinst.core.memo import per_proposal
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile


def test_a_value_is_derived_once_a_proposal_and_profile(seed: Catalog) -> None:
    derived: list[tuple[str, int]] = []

    @per_proposal
    def lines(p: Proposal, profile: Profile) -> int:
        derived.append((p.id, id(profile)))
        return len(p.lines)

    bc01, profile = seed.proposals[0], seed.profile
    other_profile = replace(profile)
    assert lines(bc01, profile) == lines(bc01, profile) == len(bc01.lines)
    assert derived == [("BC01", id(profile))]
    lines(bc01, other_profile)  # another profile: derived again
    copy = replace(bc01)
    assert copy == bc01
    lines(copy, profile)  # an equal proposal is another proposal
    assert derived == [("BC01", id(profile)), ("BC01", id(other_profile)), ("BC01", id(profile))]


def test_remembering_keeps_no_proposal_alive(seed: Catalog) -> None:
    @per_proposal
    def title(p: Proposal, profile: Profile) -> str:
        return p.title

    gone = replace(seed.proposals[1])
    assert (
        title(gone, seed.profile)
        == "Effektivisering ved opsætning af ladestandere til elbiler på kommunale ejendomme"
    )
    held = weakref.ref(gone)
    del gone
    gc.collect()
    assert held() is None


def test_remembered_tables_keep_no_proposal_alive(seed: Catalog) -> None:
    # a remembered value that held its proposal would keep it, and itself, for ever
    gone = replace(seed.proposals[0])
    assert calc.tables_of(gone, seed.profile)["A"] == calc.table_a(seed.proposals[0], seed.profile)
    held = weakref.ref(gone)
    del gone
    gc.collect()
    assert held() is None


def test_a_value_is_remembered_for_each_second_argument_until_the_proposal_dies(
    seed: Catalog,
) -> None:
    class Section:  # a second argument that can be held weakly, to see whether it is kept
        pass

    derived: list[int] = []

    @per_proposal
    def tagged(p: Proposal, section: Section) -> int:
        derived.append(id(section))
        return id(section)

    gone, first, second = replace(seed.proposals[0]), Section(), Section()
    for section in (first, second, first, second):
        assert tagged(gone, section) == id(section)
    assert derived == [id(first), id(second)]  # each remembered, neither pushed out
    kept = [weakref.ref(first), weakref.ref(second)]
    del gone, first, second, section
    gc.collect()
    assert [ref() for ref in kept] == [None, None]  # forgotten with their proposal
