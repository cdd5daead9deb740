# SPDX-License-Identifier: MPL-2.0
"""Reading, saving and restoring proposals through the service, as the acting user may."""

from __future__ import annotations

from typing import Any

import pytest

from gevinst.core.access import LOCAL, Actor, Edits
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.model import Catalog
from gevinst.format.writer import proposal_document
from gevinst.services import proposals
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER


def test_a_save_from_a_stale_version_is_a_conflict(store: MemoryStore) -> None:
    read = proposals.read_proposal(store, LOCAL, "kat", "BC01")
    first, second = read.document, proposals.read_proposal(store, LOCAL, "kat", "BC01").document
    first["title"], second["title"] = "Først", "Anden"
    saved = proposals.save_proposal(
        store, LOCAL, "kat", "BC01", first, base=read.version, why="ny titel"
    )
    with pytest.raises(ConflictError):
        proposals.save_proposal(store, LOCAL, "kat", "BC01", second, base=read.version, why="x")
    assert proposals.read_proposal(store, LOCAL, "kat", "BC01").version == saved.id
    [_, latest] = proposals.list_versions(store, LOCAL, "kat", "BC01")
    assert (latest.who, latest.why) == ("lokal bruger", "ny titel")


def test_restore_makes_a_new_version_equal_to_the_old(store: MemoryStore, seed: Catalog) -> None:
    old = proposals.read_proposal(store, LOCAL, "kat", "F5")
    doc = old.document
    doc["lines"][0]["amounts"][2027] = -1
    edited = proposals.save_proposal(store, LOCAL, "kat", "F5", doc, base=old.version, why="ret")
    restored = proposals.restore_version(store, LOCAL, "kat", "F5", old.version, base=edited.id)
    assert restored.id == old.version
    now = proposals.read_proposal(store, LOCAL, "kat", "F5").document
    assert now == proposal_document(seed.proposal("F5"))
    history = proposals.list_versions(store, LOCAL, "kat", "F5")
    assert [v.id for v in history] == [old.version, edited.id, old.version]
    assert history[-1].why == f"gendannet fra version {old.version[:12]}"
    assert store.catalog("kat") == seed


def test_a_reader_cannot_read_a_confidential_proposal_in_full(
    store: MemoryStore, seed: Catalog
) -> None:
    assert seed.proposal("F1").confidential
    with pytest.raises(AccessDeniedError, match="F1 er fortroligt"):
        proposals.read_proposal(store, READER, "kat", "F1")
    with pytest.raises(AccessDeniedError):
        proposals.list_versions(store, READER, "kat", "F1")
    # what the catalog publishes of it, and every other proposal in full
    shown = proposals.read_catalog(store, READER, "kat")
    assert shown.proposal("F1").catalog_entry_only and not shown.proposal("F1").remarks
    assert shown.proposals[:2] == seed.proposals[:2]
    document = proposals.read_proposal(store, READER, "kat", "BC01").document
    assert document == proposal_document(seed.proposal("BC01"))
    trusted = Actor(name="Revisor", reads_confidential=True)
    assert proposals.read_catalog(store, trusted, "kat") == seed


def test_an_editor_saves_only_their_own_administrations_proposals(
    store: MemoryStore, seed: Catalog
) -> None:
    theirs = proposals.read_proposal(store, OKF_EDITOR, "kat", "F2")  # SOF and BIF present it
    assert "ØKF" not in seed.proposal("F2").presenting
    with pytest.raises(AccessDeniedError, match="Økonom må ikke rette forslag F2"):
        proposals.save_proposal(
            store, OKF_EDITOR, "kat", "F2", theirs.document, base=theirs.version, why="x"
        )
    own = proposals.read_proposal(store, OKF_EDITOR, "kat", "BC01")
    handed = own.document
    handed["presenting"] = ["SOF"]
    with pytest.raises(AccessDeniedError):
        proposals.save_proposal(store, OKF_EDITOR, "kat", "BC01", handed, base=own.version, why="x")
    assert store.catalog("kat") == seed
    mine = proposals.read_proposal(store, OKF_EDITOR, "kat", "BC01").document
    mine["title"] = "Rettet af ØKF"
    proposals.save_proposal(store, OKF_EDITOR, "kat", "BC01", mine, base=own.version, why="titel")
    assert store.catalog("kat").proposal("BC01").title == "Rettet af ØKF"


def test_a_reader_saves_nothing_and_a_save_needs_a_reason(store: MemoryStore) -> None:
    read = proposals.read_proposal(store, READER, "kat", "BC02")
    with pytest.raises(AccessDeniedError):
        proposals.save_proposal(
            store, READER, "kat", "BC02", read.document, base=read.version, why="x"
        )
    with pytest.raises(InputError, match="angiv hvorfor"):
        proposals.save_proposal(
            store, LOCAL, "kat", "BC02", read.document, base=read.version, why=" "
        )
    catalog_editor = Actor(name="CFØ", edits=Edits.CATALOG)
    assert proposals.read_proposal(store, catalog_editor, "kat", "F1").version == (
        store.proposal("kat", "F1").version
    )


def test_a_version_saved_while_confidential_stays_confidential(store: MemoryStore) -> None:
    """Made public later, a proposal's earlier confidential versions are still refused to a
    reader: the history holds what was not to be published."""
    start = proposals.read_proposal(store, LOCAL, "kat", "F5")
    secret = {**start.document, "confidential": True, "summary": "HEMMELIG"}
    hidden = proposals.save_proposal(store, LOCAL, "kat", "F5", secret, base=start.version, why="f")
    public = {**secret, "confidential": False, "summary": start.document["summary"]}
    proposals.save_proposal(store, LOCAL, "kat", "F5", public, base=hidden.id, why="offentlig")
    assert proposals.read_version(store, READER, "kat", "F5", start.version)
    with pytest.raises(AccessDeniedError, match="F5 er fortroligt"):
        proposals.read_version(store, READER, "kat", "F5", hidden.id)
    assert proposals.read_version(store, LOCAL, "kat", "F5", hidden.id)["summary"] == "HEMMELIG"


def test_the_current_version_is_the_document_of_the_proposal_checked(
    store: MemoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor reads its base, the current version, on every keystroke: it is the
    document of the very proposal whose reader was checked, not another read of the store;
    made confidential, its current version is refused to a reader like any other."""
    now = store.proposal("kat", "F5")
    asked: list[str] = []
    at = store.proposal_at

    def proposal_at(key: str, proposal_id: str, version: str) -> dict[str, Any]:
        asked.append(version)
        return at(key, proposal_id, version)

    monkeypatch.setattr(store, "proposal_at", proposal_at)
    assert proposals.read_version(store, READER, "kat", "F5", now.version) == now.document
    assert asked == []
    secret = {**now.document, "confidential": True}
    hidden = proposals.save_proposal(store, LOCAL, "kat", "F5", secret, base=now.version, why="f")
    with pytest.raises(AccessDeniedError, match="F5 er fortroligt"):
        proposals.read_version(store, READER, "kat", "F5", hidden.id)
    assert proposals.read_version(store, LOCAL, "kat", "F5", hidden.id)["confidential"] is True
    assert asked == []  # the current version again, now the confidential one


@pytest.mark.parametrize("field", ["confidential", "catalog_entry_only"])
def test_only_the_whole_catalogs_editors_change_what_is_published(
    store: MemoryStore, field: str
) -> None:
    read = proposals.read_proposal(store, OKF_EDITOR, "kat", "BC01")
    changed = {**read.document, field: True}
    with pytest.raises(AccessDeniedError, match="fortroligt eller offentligt"):
        proposals.save_proposal(
            store, OKF_EDITOR, "kat", "BC01", changed, base=read.version, why="x"
        )
    saved = proposals.save_proposal(
        store, LOCAL, "kat", "BC01", changed, base=read.version, why="x"
    )
    assert saved.id != read.version
