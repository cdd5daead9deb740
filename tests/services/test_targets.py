# SPDX-License-Identifier: MPL-2.0
"""services.targets.accounts and services.prices.at_price_level with the memory store: the
seed's target, the lifecycle deciding what counts, a confidential proposal counted only as
the catalog publishes it, a year and a price level asked for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import InputError
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog, Target
from gevinst.core.series import Series
from gevinst.core.targets import Account
from gevinst.services.prices import at_price_level
from gevinst.services.targets import accounts
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

D = Decimal
CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
WHEN = datetime(2026, 3, 1, tzinfo=UTC)
# every counted proposal's effect on Service, the whole municipality set per committee
ALL = Target(
    "alle",
    "Måltal for effektiviseringer",
    "test",
    2025,
    area="Service",
    committees={"BIU": Series({2025: D(-5000)}), "ØU": Series({2025: D(-1000)})},
)


def _store(catalog: Catalog) -> MemoryStore:
    kept = MemoryStore()
    kept.create_catalog("kat", catalog, Change(who="x", when=WHEN, why="x"))
    return kept


def _event(transition: str, from_state: str, to_state: str) -> Event:
    return Event(
        transition=transition, from_state=from_state, to_state=to_state, who="CFØ", when=WHEN
    )


def test_the_seed_reproduces_forslag_7s_tabel_4(store: MemoryStore) -> None:
    (a,) = accounts(store, READER, "kat")
    assert (a.total.target, a.total.achieved, a.total.manko) == (
        Series({2025: D(-41920)}),
        Series({2025: D(-43142)}),
        Series({2025: D(-1222)}),
    )
    assert a.total.met(2025) is True


def test_a_year_without_a_target_is_refused_and_one_with_it_kept(store: MemoryStore) -> None:
    (a,) = accounts(store, READER, "kat", year=2025)
    assert a.years == (2025,)
    with pytest.raises(InputError, match="intet måltal for 2027 \\(måltal for 2025\\)"):
        accounts(store, READER, "kat", year=2027)


def test_at_2024_p_l_the_target_is_the_decisions_40_mio(store: MemoryStore) -> None:
    (a,) = accounts(store, READER, "kat", price_level=2024)
    assert a.total.target == Series({2025: D(-40000)})
    # each committee's share converted and rounded, then added: -43.142 / 1,048 = -41.166,0,
    # nine roundings apart
    assert a.total.achieved == Series({2025: D(-41168)})


def test_the_lifecycle_counts_bc01_once_the_committees_approved_it(seed: Catalog) -> None:
    store = _store(replace(seed, targets=(ALL,)))
    before = accounts(store, CFO, "kat")[0]
    assert "BC01" not in before.counted
    steps = [
        ("submit", "draft", "submitted"),
        ("preapprove", "submitted", "preapproved"),
        ("consult", "preapproved", "consultation"),
        ("approve", "consultation", "approved_cfo"),
        ("circle", "approved_cfo", "efficiency_circle"),
        ("committees", "efficiency_circle", "approved_committees"),
    ]
    for n, step in enumerate(steps):
        store.add_event("kat", "BC01", _event(*step), expected_count=n)
    after = accounts(store, CFO, "kat")[0]
    assert after.counted == ("BC01", *before.counted)
    # BC01's Service effect in 2025 falls on ØU (Koncernservice) and the administrations' keys
    assert after.total.achieved[2025] - before.total.achieved[2025] == D(-297)
    store.add_event("kat", "F2", _event("withdraw", "draft", "withdrawn"), expected_count=0)
    assert "F2" not in accounts(store, CFO, "kat")[0].counted


def test_a_confidential_proposal_counts_as_the_catalog_publishes_it(seed: Catalog) -> None:
    """F1 is confidential: a reader gets its published row (6.419 under BIU) and its
    count by the catalog's "Godkendt med" alone, its lifecycle state unknown to them."""
    store = _store(replace(seed, targets=(ALL,)))
    store.add_event("kat", "F1", _event("withdraw", "draft", "withdrawn"), expected_count=0)
    reader = accounts(store, READER, "kat")[0]
    cfo = accounts(store, CFO, "kat")[0]
    assert "F1" in reader.counted and "F1" not in cfo.counted

    def biu(a: Account) -> Decimal:
        return next(r for r in a.rows if r.committee == "BIU").achieved[2025]

    assert biu(reader) - biu(cfo) == D(-6419)


def test_the_catalog_at_2025_p_l_states_f3s_conversion(store: MemoryStore) -> None:
    shown = at_price_level(store, READER, "kat", 2025)
    (c,) = shown.conversions
    assert (c.proposal, c.from_level, c.to_level, c.factor) == ("F3", 2024, 2025, D("1.048"))
    assert shown.catalog.proposal("F3").price_level == 2025
    assert at_price_level(store, READER, "kat").conversions == ()
    with pytest.raises(InputError, match="intet tal for 2023 p/l"):
        at_price_level(store, READER, "kat", 2023)
