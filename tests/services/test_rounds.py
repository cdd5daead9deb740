# SPDX-License-Identifier: MPL-2.0
"""A catalog carried into the next budget round, a proposal revised there counted once, and
the round's pool against its proposals' investments, with the in-memory store."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import AccessDeniedError, InputError
from gevinst.core.model import Pool
from gevinst.core.rounds import carried
from gevinst.core.series import Series
from gevinst.services import proposals, rounds
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
D = Decimal


def test_a_new_round_carries_the_catalog_godkendt_med_its_round(store: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError):
        rounds.carry_round(store, "kat", store, "b26", OKF_EDITOR, "Budget 2026")
    with pytest.raises(InputError, match="budgetrundes navn"):
        rounds.carry_round(store, "kat", store, "b26", CFO, " ")
    new = rounds.carry_round(store, "kat", store, "b26", CFO, "Budget 2026")
    assert store.catalog("b26") == new
    assert (new.round, carried(new)["BC01"], carried(new)["F1"]) == (
        "Budget 2026",
        "Budget 2025",
        "OFS 23-24",
    )


def test_a_proposal_carried_and_revised_is_counted_once(store: MemoryStore) -> None:
    rounds.carry_round(store, "kat", store, "b26", CFO, "Budget 2026")
    before = rounds.total(rounds.counted_once(store, READER, ["kat"]))
    current = proposals.read_proposal(store, OKF_EDITOR, "b26", "BC01")
    doc = current.document
    doc["lines"][0]["amounts"][2027] = -397  # e1: 100 more saved in 2027
    proposals.save_proposal(store, OKF_EDITOR, "b26", "BC01", doc, base=current.version, why="x")
    rows = rounds.counted_once(store, READER, ["kat", "b26"])
    assert len(rows) == 9
    assert {r.proposal.id: r.round for r in rows}["BC01"] == "Budget 2026"
    after = rounds.total(rows)
    # the revision replaces BC01's first version: 100 more, not BC01 twice
    assert after[2027] - before[2027] == 100
    assert after[2026] == before[2026]


def test_the_pool_of_budget_2025(store: MemoryStore, seed: object) -> None:
    balance = rounds.pool(store, READER, "kat")
    assert [(y.year, y.requested) for y in balance.years] == [
        (2024, D(422)),
        (2025, D(3400)),
        (2026, D(2250)),
    ]
    cat = store.catalog("kat")
    pool = Pool(Series({2024: D(500), 2025: D(3000), 2026: D(3000)}, 2025), "Budgetaftale 2025")
    store._kept["kat"].catalog = replace(cat, pool=pool)
    balance = rounds.pool(store, READER, "kat")
    assert [y.balance for y in balance.years] == [D(78), D(-400), D(750)]
    assert balance.total().balance == D(428)
