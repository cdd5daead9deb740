# SPDX-License-Identifier: MPL-2.0
"""The database store keeps the port's contract (tests/stores/test_contract.py) on SQLite
and on PostgreSQL, and keeps its promises under concurrency: two saves from the same
version, at once, never both succeed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import pytest
from django.db import connections

from gevinst.core.errors import ConflictError
from gevinst.core.model import Catalog
from gevinst.importers.bundle import catalog_from_documents
from gevinst.web import store as web_store
from gevinst.web.models import (
    FollowUpAttachment,
    FollowUpRecord,
    ImmutableError,
    WorkflowEvent,
)
from gevinst.web.models import ReviewRecord as StoredReviewRecord
from gevinst.web.models import Version as StoredVersion
from gevinst.web.store import DatabaseStore
from tests.stores.test_contract import *  # noqa: F403 (the contract's tests, run here again)
from tests.stores.test_contract import ASKED, CHANGE, DONE, FILES, SUBMIT, Kept

DATABASES = ["default", "postgres"]
# outside a test transaction, so that threads see each other's commits
pytestmark = pytest.mark.django_db(databases=DATABASES, transaction=True)


def at_once(*writes: Callable[[], object]) -> list[str]:
    """Run ``writes`` at once, each in a thread of its own (and with its own database
    connection, closed after); what each came to, sorted: "conflict" where it raised a
    ConflictError, "saved" otherwise."""
    outcomes: list[str] = []
    start = threading.Barrier(len(writes))

    def run(write: Callable[[], object]) -> None:
        start.wait()
        try:
            write()
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(w,)) for w in writes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


# the contract's tests run with this store in place of the folder and memory stores
@pytest.fixture(params=DATABASES, ids=["sqlite", "postgresql"])  # type: ignore[no-redef]
def kept(request: pytest.FixtureRequest, seed: Catalog) -> Iterator[Kept]:
    store = DatabaseStore(request.param)
    store.create_catalog("kat", seed, CHANGE)
    yield Kept(store, "kat")


def test_a_stored_version_cannot_be_changed_or_deleted(kept: Kept) -> None:
    assert isinstance(kept.store, DatabaseStore)
    stored = StoredVersion.objects.using(kept.store.using).first()
    assert stored is not None
    stored.reason = "omskrevet"
    with pytest.raises(ImmutableError):
        stored.save()
    with pytest.raises(ImmutableError):
        stored.delete()


def test_a_stored_event_cannot_be_changed_or_deleted(kept: Kept) -> None:
    assert isinstance(kept.store, DatabaseStore)
    kept.store.add_event(kept.key, "BC01", SUBMIT, expected_count=0)
    stored = WorkflowEvent.objects.using(kept.store.using).get()
    assert (stored.number, stored.to_state, stored.who) == (1, "submitted", "Anna")
    stored.comment = "omskrevet"
    with pytest.raises(ImmutableError):
        stored.save()
    with pytest.raises(ImmutableError):
        stored.delete()


def test_a_stored_followup_and_its_files_cannot_be_changed_or_deleted(kept: Kept) -> None:
    assert isinstance(kept.store, DatabaseStore)
    kept.store.add_followup(kept.key, "BC01", DONE, FILES, expected_count=0)
    record = FollowUpRecord.objects.using(kept.store.using).get()
    assert (record.number, record.status, record.who) == (1, "done", "Anna")
    files = FollowUpAttachment.objects.using(kept.store.using).filter(record=record)
    assert [(f.name, f.size, f.content_type) for f in files] == [
        ("referat.pdf", 16, "application/pdf"),
        ("udtræk.csv", 26, "text/csv"),  # Ø is two bytes
    ]
    for stored in (record, files[0]):
        with pytest.raises(ImmutableError):
            stored.save()
        with pytest.raises(ImmutableError):
            stored.delete()


def test_a_stored_review_record_cannot_be_changed_or_deleted(kept: Kept) -> None:
    assert isinstance(kept.store, DatabaseStore)
    kept.store.add_review_record(kept.key, "BC01", ASKED, expected_count=0)
    stored = StoredReviewRecord.objects.using(kept.store.using).get()
    assert (stored.number, stored.kind, stored.who) == (1, "request", "CFØ")
    stored.document = {**stored.document, "due": "2099-01-01"}
    with pytest.raises(ImmutableError):
        stored.save()
    with pytest.raises(ImmutableError):
        stored.delete()
    assert kept.store.review_records(kept.key, "BC01") == [ASKED]


@pytest.mark.parametrize("attempt", range(5))
def test_two_saves_at_once_from_the_same_version_never_both_succeed(
    seed: Catalog, attempt: int
) -> None:
    store = DatabaseStore("postgres")
    store.create_catalog("kat", seed, CHANGE)
    base = store.proposal("kat", "BC02")

    def save(title: str) -> None:
        doc = {**base.document, "title": title}
        store.save_proposal("kat", "BC02", doc, base=base.version, change=CHANGE)

    assert at_once(partial(save, "Første"), partial(save, "Anden")) == ["conflict", "saved"]
    assert len(store.versions("kat", "BC02")) == 2


@pytest.mark.parametrize("attempt", range(3))
def test_two_followups_at_once_from_the_same_count_never_both_kept(
    seed: Catalog, attempt: int
) -> None:
    store = DatabaseStore("postgres")
    store.create_catalog("kat", seed, CHANGE)

    def record(note: str) -> None:
        store.add_followup("kat", "BC01", replace(DONE, note=note), FILES, expected_count=0)

    assert at_once(partial(record, "Første"), partial(record, "Anden")) == ["conflict", "saved"]
    [kept] = store.followups("kat", "BC01")
    assert kept.note in ("Første", "Anden") and kept.attachments == DONE.attachments


def test_after_a_save_only_the_saved_version_is_read(
    kept: Kept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalog read back after a save holds the very proposals it held before, but the
    saved one, and is the catalog a reading of every document gives."""
    store = kept.store
    assert isinstance(store, DatabaseStore)
    before = store.catalog(kept.key)
    base = store.proposal(kept.key, "BC02")
    saved = {**base.document, "title": "Ny titel"}
    store.save_proposal(kept.key, "BC02", saved, base=base.version, change=CHANGE)
    after = store.catalog(kept.key)
    assert after.proposal("BC02").title == "Ny titel"
    kept_as_read = [a is b for a, b in zip(before.proposals, after.proposals, strict=True)]
    assert kept_as_read == [p.id != "BC02" for p in before.proposals]
    monkeypatch.setattr(web_store, "_cache", {})
    assert store.catalog(kept.key) == after


def _documents_read(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The ids of the proposal documents each catalog read is given in full (not a stand-in
    that names its proposal alone)."""
    read: list[list[str]] = []

    def spy(catalog: Any, documents: Any, *args: Any) -> Catalog:
        read.append([d["id"] for d in documents if set(d) != {"id"}])
        return catalog_from_documents(catalog, documents, *args)

    monkeypatch.setattr(web_store, "catalog_from_documents", spy)
    return read


def test_after_a_save_only_the_saved_document_is_fetched(
    kept: Kept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page after a save fetches and decodes the saved version's document alone, and
    reads the catalog a reading of every document gives."""
    store = kept.store
    assert isinstance(store, DatabaseStore)
    monkeypatch.setattr(web_store, "_cache", {})  # as a new server process meets it
    read = _documents_read(monkeypatch)
    before = store.catalog(kept.key)
    base = store.proposal(kept.key, "BC02")
    saved = {**base.document, "title": "Ny titel"}
    store.save_proposal(kept.key, "BC02", saved, base=base.version, change=CHANGE)
    after = store.catalog(kept.key)
    assert read == [[p.id for p in before.proposals], ["BC02"]]
    monkeypatch.setattr(web_store, "_cache", {})
    assert store.catalog(kept.key) == after


def test_a_proposal_read_under_another_profile_is_read_again_from_its_document(
    kept: Kept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the catalog's profile is no longer the one its proposals were read under, the
    documents left unread are fetched after all: no stand-in is ever read as a proposal."""
    store = kept.store
    assert isinstance(store, DatabaseStore)
    monkeypatch.setattr(web_store, "_cache", {})
    before = store.catalog(kept.key)
    remembered = web_store._cache[store.using, kept.key]
    elsewhere = replace(before, profile=replace(before.profile))
    web_store._cache[store.using, kept.key] = replace(remembered, catalog=elsewhere)
    read = _documents_read(monkeypatch)
    base = store.proposal(kept.key, "BC02")
    saved = {**base.document, "title": "Ny titel"}
    store.save_proposal(kept.key, "BC02", saved, base=base.version, change=CHANGE)
    after = store.catalog(kept.key)
    assert read[-1] == [p.id for p in before.proposals]
    assert after.profile is before.profile and after.proposal("BC02").title == "Ny titel"
    monkeypatch.setattr(web_store, "_cache", {})
    assert store.catalog(kept.key) == after
