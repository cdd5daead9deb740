# SPDX-License-Identifier: MPL-2.0
"""Changes after CFØ's final approval go through a change request, with the in-memory store:
the editor's save becomes a request, a direct save is refused, CFØ accepts (saved from its
base; a stale base is a conflict) or rejects with a note; confidential requests stay so."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.change_requests import ChangeRequest
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.lifecycle import Event
from gevinst.services import change_requests as cr
from gevinst.services import proposals
from gevinst.stores.base import Version
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
APPROVED = Event(
    transition="approve",
    from_state="consultation",
    to_state="approved_cfo",
    who="CFØ",
    when=datetime(2026, 2, 1, tzinfo=UTC),
)


def _approve(store: MemoryStore, pid: str) -> None:
    store.add_event("kat", pid, APPROVED, expected_count=0)


def _ask(store: MemoryStore, actor: Actor, pid: str, title: str) -> Version | ChangeRequest:
    current = proposals.read_proposal(store, actor, "kat", pid)
    doc = {**current.document, "title": title}
    return cr.submit_edit(store, actor, "kat", pid, doc, base=current.version, why="ny titel")


def test_before_approval_the_editors_save_is_a_new_version(store: MemoryStore) -> None:
    saved = _ask(store, OKF_EDITOR, "BC01", "Ny titel")
    assert isinstance(saved, Version)
    assert store.catalog("kat").proposal("BC01").title == "Ny titel"


def test_after_approval_the_editors_save_is_a_change_request(store: MemoryStore) -> None:
    _approve(store, "BC01")
    before = store.proposal("kat", "BC01")
    request = _ask(store, OKF_EDITOR, "BC01", "Ny titel")
    assert isinstance(request, ChangeRequest)
    assert (request.number, request.who, request.why, request.base) == (
        1,
        "Økonom",
        "ny titel",
        before.version,
    )
    assert store.proposal("kat", "BC01").version == before.version  # nothing saved
    with pytest.raises(InputError, match="skal nu gennem en ændringsanmodning"):
        doc = {**before.document, "title": "Direkte"}
        proposals.save_proposal(store, CFO, "kat", "BC01", doc, base=before.version, why="uden om")
    detail = cr.detail(store, OKF_EDITOR, "kat", 1)
    assert [(d.place, d.before, d.after) for d in detail.differences] == [
        ("title", "Samlet ferieløsning i Serviceportalen", "Ny titel")
    ]
    assert not detail.stale


def test_cfo_accepts_and_the_request_is_saved_from_its_base(store: MemoryStore) -> None:
    _approve(store, "BC01")
    _ask(store, OKF_EDITOR, "BC01", "Ny titel")
    with pytest.raises(AccessDeniedError):
        cr.accept(store, OKF_EDITOR, "kat", 1)
    saved = cr.accept(store, CFO, "kat", 1)
    assert store.proposal("kat", "BC01").version == saved.id
    assert store.catalog("kat").proposal("BC01").title == "Ny titel"
    last = store.versions("kat", "BC01")[-1]
    assert (last.who, last.why) == ("CFØ", "ændringsanmodning 1 fra Økonom: ny titel")
    [decided] = cr.list_requests(store, READER, "kat")
    assert decided.decision is not None and decided.decision.accepted
    with pytest.raises(ConflictError, match="allerede godkendt"):
        cr.reject(store, CFO, "kat", 1, "alligevel ikke")


def test_a_request_from_a_stale_base_is_a_conflict_and_stays_open(store: MemoryStore) -> None:
    _approve(store, "BC01")
    _ask(store, OKF_EDITOR, "BC01", "Første")
    _ask(store, OKF_EDITOR, "BC01", "Anden")
    cr.accept(store, CFO, "kat", 1)
    assert cr.detail(store, CFO, "kat", 2).stale
    with pytest.raises(ConflictError, match="forslag BC01 er gemt af en anden"):
        cr.accept(store, CFO, "kat", 2)
    assert store.catalog("kat").proposal("BC01").title == "Første"
    assert cr.list_requests(store, CFO, "kat")[1].is_open
    with pytest.raises(InputError, match="skriv hvorfor"):
        cr.reject(store, CFO, "kat", 2, "")
    rejected = cr.reject(store, CFO, "kat", 2, "  bygger på en gammel version ")
    assert rejected.decision is not None
    assert (rejected.decision.accepted, rejected.decision.note) == (
        False,
        "bygger på en gammel version",
    )


def test_a_confidential_proposals_requests_reach_only_those_who_read_it(
    store: MemoryStore,
) -> None:
    _approve(store, "F1")
    request = _ask(store, CFO, "F1", "Samling af kommunens sagsbehandling")
    assert isinstance(request, ChangeRequest)
    assert cr.list_requests(store, READER, "kat") == []
    assert cr.list_requests(store, CFO, "kat") == [request]
    with pytest.raises(AccessDeniedError):
        cr.detail(store, READER, "kat", 1)


def test_an_editor_asks_only_for_their_own_proposals(store: MemoryStore) -> None:
    _approve(store, "F2")
    with pytest.raises(AccessDeniedError):
        _ask(store, OKF_EDITOR, "F2", "Ikke min")
    assert store.change_requests("kat") == []
