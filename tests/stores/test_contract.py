# SPDX-License-Identifier: MPL-2.0
"""The port's contract, run against every store: what the folder store and the in-memory
store (and so the database store modelled on it) must do alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gevinst.core.errors import ConflictError, FormatError, GevinstError, InputError, NotFoundError
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog
from gevinst.format.writer import document_version, proposal_document, version, write_catalog
from gevinst.stores.base import Change, Store
from gevinst.stores.folder import FolderStore
from gevinst.stores.memory import MemoryStore

CHANGE = Change(who="Anna", when=datetime(2026, 3, 1, 9, 30, tzinfo=UTC), why="rettet titel")


@dataclass
class Kept:
    store: Store
    key: str


@pytest.fixture(params=["folder", "memory"])
def kept(request: pytest.FixtureRequest, seed: Catalog, tmp_path: Path) -> Iterator[Kept]:
    if request.param == "folder":
        write_catalog(seed, tmp_path / "kat")
        yield Kept(FolderStore(tmp_path), "kat")
    else:
        store = MemoryStore()
        store.create_catalog("kat", seed, CHANGE)
        yield Kept(store, "kat")


def test_the_catalog_reads_as_it_was_kept(kept: Kept, seed: Catalog) -> None:
    assert kept.store.catalogs() == ["kat"]
    assert kept.store.catalog(kept.key) == seed


def test_a_proposal_is_its_document_and_its_content_hash(kept: Kept, seed: Catalog) -> None:
    current = kept.store.proposal(kept.key, "BC01")
    assert current.document == proposal_document(seed.proposal("BC01"))
    # the same id an exported workbook records, so an import can tell what changed since
    assert current.version == version(seed.proposal("BC01"))
    assert kept.store.proposal_at(kept.key, "BC01", current.version) == current.document


def test_a_save_from_the_current_version_is_the_new_current(kept: Kept) -> None:
    current = kept.store.proposal(kept.key, "BC02")
    doc = current.document
    doc["title"] = "Ny titel"
    doc["lines"][0]["amounts"][2026] = -300
    saved = kept.store.save_proposal(kept.key, "BC02", doc, base=current.version, change=CHANGE)
    assert saved.id == document_version(doc) != current.version
    assert kept.store.proposal(kept.key, "BC02").version == saved.id
    p = kept.store.catalog(kept.key).proposal("BC02")
    assert p.title == "Ny titel" and p.lines[0].amounts[2026] == -300
    assert kept.store.versions(kept.key, "BC02")[-1].id == saved.id


def test_a_save_from_a_replaced_version_is_a_conflict_and_changes_nothing(
    kept: Kept, seed: Catalog
) -> None:
    first = kept.store.proposal(kept.key, "BC01")
    mine, theirs = first.document, kept.store.proposal(kept.key, "BC01").document
    theirs["title"] = "Deres titel"
    kept.store.save_proposal(kept.key, "BC01", theirs, base=first.version, change=CHANGE)
    mine["title"] = "Min titel"
    with pytest.raises(ConflictError, match="forslag BC01 er gemt af en anden"):
        kept.store.save_proposal(kept.key, "BC01", mine, base=first.version, change=CHANGE)
    assert kept.store.catalog(kept.key).proposal("BC01").title == "Deres titel"


def test_a_document_that_does_not_load_is_refused_and_changes_nothing(
    kept: Kept, seed: Catalog
) -> None:
    current = kept.store.proposal(kept.key, "F4")
    doc = current.document
    doc["lines"][0]["amounts"][2026] = "mange"
    with pytest.raises(FormatError) as caught:
        kept.store.save_proposal(kept.key, "F4", doc, base=current.version, change=CHANGE)
    [problem] = caught.value.problems
    assert (problem.proposal, problem.field) == ("F4", "lines[0].amounts[2026]")
    assert kept.store.proposal(kept.key, "F4").version == current.version
    assert kept.store.catalog(kept.key) == seed


def test_a_document_must_keep_its_id(kept: Kept, seed: Catalog) -> None:
    current = kept.store.proposal(kept.key, "F5")
    doc = current.document
    doc["id"] = "F55"
    with pytest.raises(FormatError, match="skal svare til filnavnet"):
        kept.store.save_proposal(kept.key, "F5", doc, base=current.version, change=CHANGE)
    assert kept.store.catalog(kept.key) == seed


def test_a_document_handed_out_is_a_copy(kept: Kept, seed: Catalog) -> None:
    kept.store.proposal(kept.key, "BC01").document["title"] = "ændret uden at gemme"
    assert kept.store.proposal(kept.key, "BC01").document["title"] == seed.proposal("BC01").title


def test_unknown_names_are_user_errors(kept: Kept) -> None:
    with pytest.raises(NotFoundError):
        kept.store.proposal(kept.key, "BC99")
    with pytest.raises(NotFoundError):
        kept.store.proposal_at(kept.key, "BC01", "0" * 64)
    with pytest.raises(GevinstError):
        kept.store.catalog("findes-ikke")


def test_a_new_catalog_never_replaces_one(kept: Kept, seed: Catalog) -> None:
    with pytest.raises(InputError, match="findes allerede"):
        kept.store.check_new_catalog(kept.key)
    with pytest.raises(InputError, match="findes allerede"):
        kept.store.create_catalog(kept.key, seed, CHANGE)
    kept.store.create_catalog("kopi", seed, CHANGE)
    assert kept.store.catalogs() == ["kat", "kopi"]
    assert kept.store.catalog("kopi") == seed


SUBMIT = Event(
    transition="submit",
    from_state="draft",
    to_state="submitted",
    who="Anna",
    when=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    comment="klar til CFØ",
)
PREAPPROVE = Event(
    transition="preapprove",
    from_state="submitted",
    to_state="preapproved",
    who="Bo",
    when=datetime(2026, 3, 3, 14, 15, tzinfo=UTC),
    comment="",
)


def test_events_are_kept_in_the_order_taken_beside_the_documents(kept: Kept, seed: Catalog) -> None:
    assert kept.store.events(kept.key, "BC01") == []
    kept.store.add_event(kept.key, "BC01", SUBMIT, expected_count=0)
    kept.store.add_event(kept.key, "bc01", PREAPPROVE, expected_count=1)
    assert kept.store.events(kept.key, "BC01") == [SUBMIT, PREAPPROVE]
    assert kept.store.events(kept.key, "BC02") == []
    # a move changes neither the documents nor their versions
    assert kept.store.catalog(kept.key) == seed
    assert kept.store.proposal(kept.key, "BC01").version == version(seed.proposal("BC01"))


def test_an_event_added_from_a_stale_count_is_a_conflict_and_changes_nothing(kept: Kept) -> None:
    kept.store.add_event(kept.key, "F4", SUBMIT, expected_count=0)
    with pytest.raises(ConflictError, match="forslag F4 har skiftet status"):
        kept.store.add_event(kept.key, "F4", PREAPPROVE, expected_count=0)
    with pytest.raises(ConflictError):
        kept.store.add_event(kept.key, "F4", PREAPPROVE, expected_count=2)
    assert kept.store.events(kept.key, "F4") == [SUBMIT]


def test_events_of_an_unknown_proposal_are_not_found(kept: Kept) -> None:
    with pytest.raises(NotFoundError):
        kept.store.events(kept.key, "BC99")
    with pytest.raises(NotFoundError):
        kept.store.add_event(kept.key, "BC99", SUBMIT, expected_count=0)


def test_a_new_catalog_keeps_the_events_it_is_given(kept: Kept, seed: Catalog) -> None:
    kept.store.create_catalog("kopi", seed, CHANGE, events={"F6": [SUBMIT, PREAPPROVE]})
    assert kept.store.events("kopi", "F6") == [SUBMIT, PREAPPROVE]
    assert kept.store.events("kopi", "F5") == []
    assert kept.store.catalog("kopi") == seed
