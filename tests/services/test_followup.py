# SPDX-License-Identifier: MPL-2.0
"""What is due and overdue among the seed's follow-up goals on a given day."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog
from gevinst.services.followup import due_items
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
D = date


def _store(catalog: Catalog) -> MemoryStore:
    kept = MemoryStore()
    kept.create_catalog("kat", catalog, Change(who="x", when=datetime.now(UTC), why="x"))
    return kept


def test_bc01_at_the_end_of_2025(store: MemoryStore) -> None:
    items = [i for i in due_items(store, READER, "kat", D(2025, 12, 31)) if i.proposal == "BC01"]
    assert [(i.goal[:30], i.due_from, i.due_to, i.status) for i in items] == [
        ("Ledergodkendelser er fjernet p", D(2025, 7, 1), D(2025, 9, 30), "overdue"),
        ("KK’s praksis for dokumentation", D(2025, 10, 1), D(2025, 12, 31), "due"),
        ("Ny samlet løsning i Servicepor", D(2026, 10, 1), D(2026, 12, 31), "upcoming"),
        ("Effektivisering 1 gennemført", D(2026, 4, 1), D(2026, 6, 30), "upcoming"),
        ("Effektivisering 2 gennemført", D(2026, 4, 1), D(2026, 6, 30), "upcoming"),
        ("Effektivisering 3 gennemført", D(2027, 1, 1), D(2027, 3, 31), "upcoming"),
    ]
    assert items[0].responsible == "Koncernservice (projektejer)"


def test_a_quarterly_goal_has_each_quarter_since_the_first_year_and_the_next(
    store: MemoryStore, seed: Catalog
) -> None:
    """F2's years begin in 2024; its "Kvartalsvis" goals recur from then."""
    goal = next(f.goal for f in seed.proposal("F2").followup if f.when == "Kvartalsvis")
    items = [i for i in due_items(store, READER, "kat", D(2025, 12, 31)) if i.goal == goal]
    assert [(i.due_from, i.status) for i in items] == [
        *((D(2024, m, 1), "overdue") for m in (1, 4, 7, 10)),
        *((D(2025, m, 1), "overdue") for m in (1, 4, 7)),
        (D(2025, 10, 1), "due"),
        (D(2026, 1, 1), "upcoming"),
    ]


def test_the_seed_at_the_end_of_2025(store: MemoryStore) -> None:
    items = due_items(store, READER, "kat", D(2025, 12, 31))
    assert Counter(i.status for i in items) == {"overdue": 57, "due": 14, "upcoming": 17}
    assert Counter(i.proposal for i in items if i.status == "overdue") == {
        "F2": 33,
        "F4": 13,
        "F3": 4,
        "F5": 4,
        "BC02": 2,
        "BC01": 1,
    }


def test_a_one_time_goal_over_a_simulated_year(store: MemoryStore) -> None:
    """BC01's "Tredje kvartal 2025": upcoming until 1 July, due to 30 September, then
    overdue, and never anything else."""
    goal = "Ledergodkendelser er fjernet på fraværsindberetninger."
    seen = []
    for day in (D(2025, 1, 1) + timedelta(days=n) for n in range(365)):
        (item,) = [i for i in due_items(store, READER, "kat", day) if i.goal == goal]
        seen.append(item.status)
    assert seen == ["upcoming"] * 181 + ["due"] * 92 + ["overdue"] * 92


def test_a_confidential_proposals_goals_only_for_those_who_may_read_it(seed: Catalog) -> None:
    secret = replace(seed.proposal("BC01"), confidential=True)
    store = _store(replace(seed, proposals=(secret, *seed.proposals[1:])))
    assert seed.proposals[0].id == "BC01"
    assert "BC01" not in {i.proposal for i in due_items(store, READER, "kat", D(2025, 12, 31))}
    assert "BC01" in {i.proposal for i in due_items(store, CFO, "kat", D(2025, 12, 31))}


def test_an_unreadable_phrase_names_the_proposal_goal_and_phrase(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    vague = replace(bc01, followup=(replace(bc01.followup[0], when="Snarest"),))
    store = _store(replace(seed, proposals=(vague, *seed.proposals[1:])))
    with pytest.raises(InputError, match=r"BC01, målet 'Ledergodkendelser.*'Snarest'"):
        due_items(store, READER, "kat", D(2025, 12, 31))
