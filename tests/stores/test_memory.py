# SPDX-License-Identifier: MPL-2.0
"""The in-memory store keeps every version (the shared promises are in test_contract.py):
the model of the database store, where a save adds a version and none is ever changed."""

from __future__ import annotations

from datetime import UTC, datetime

from gevinst.core.model import Catalog
from gevinst.format.writer import proposal_document, version
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore


def _change(hour: int, why: str) -> Change:
    return Change(who="Anna", when=datetime(2026, 3, 1, hour, tzinfo=UTC), why=why)


def test_every_save_is_kept_as_a_version(seed: Catalog) -> None:
    store = MemoryStore()
    store.create_catalog("kat", seed, _change(8, "indlæst"))
    first = store.proposal("kat", "BC01")
    edited = first.document
    edited["lines"][0]["amounts"][2026] = -300
    second = store.save_proposal("kat", "BC01", edited, base=first.version, change=_change(9, "ny"))
    # restoring the first: a new version, equal to the first and with its id
    third = store.save_proposal(
        "kat", "BC01", store.proposal_at("kat", "BC01", first.version),
        base=second.id, change=_change(10, "tilbage"),
    )  # fmt: skip
    versions = store.versions("kat", "bc01")  # ids are found as the catalog finds them
    assert [(v.id, v.why, v.when.hour) for v in versions] == [
        (version(seed.proposal("BC01")), "indlæst", 8),
        (second.id, "ny", 9),
        (first.version, "tilbage", 10),
    ]
    assert third.id == first.version != second.id
    assert store.proposal_at("kat", "BC01", second.id) == edited
    assert store.catalog("kat") == seed
    assert store.proposal("kat", "BC01").document == proposal_document(seed.proposal("BC01"))


def test_other_proposals_and_catalogs_are_untouched(seed: Catalog) -> None:
    store = MemoryStore()
    store.create_catalog("a", seed, _change(8, "indlæst"))
    store.create_catalog("b", seed, _change(8, "indlæst"))
    current = store.proposal("a", "F6")
    doc = current.document
    doc["title"] = "Ny"
    store.save_proposal("a", "F6", doc, base=current.version, change=_change(9, "titel"))
    assert store.catalog("b") == seed
    assert store.catalog("a").proposals[:5] == seed.proposals[:5]
    assert [len(store.versions("a", p.id)) for p in seed.proposals] == [1] * 7 + [2, 1]
