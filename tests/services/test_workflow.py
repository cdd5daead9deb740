# SPDX-License-Identifier: MPL-2.0
"""A proposal's moves through Copenhagen's workflow by the service, with the in-memory store:
who may take which step, what a refused step names, a stale view as a conflict, the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import (
    AccessDeniedError,
    ConflictError,
    InputError,
    TransitionRefusedError,
)
from gevinst.core.model import Catalog
from gevinst.services import workflow
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
SOF_EDITOR = Actor(name="Socialøkonom", administration="SOF", edits=Edits.OWN)


def _move(store: MemoryStore, actor: Actor, pid: str, transition: str, comment: str = "") -> None:
    seen = workflow.status(store, actor, "kat")[pid].count
    workflow.move(store, actor, "kat", pid, transition, comment, expected_count=seen)


def test_f6_is_taken_from_draft_to_approved_by_its_editor_and_cfo(store: MemoryStore) -> None:
    before = datetime.now(UTC)
    _move(store, OKF_EDITOR, "F6", "submit", "  klar til CFØ ")
    for step in ("preapprove", "consult", "approve"):
        _move(store, CFO, "F6", step)
    history = workflow.history(store, READER, "kat", "F6")
    assert [(e.transition, e.from_state, e.to_state, e.who) for e in history] == [
        ("submit", "draft", "submitted", "Økonom"),
        ("preapprove", "submitted", "preapproved", "CFØ"),
        ("consult", "preapproved", "consultation", "CFØ"),
        ("approve", "consultation", "approved_cfo", "CFØ"),
    ]
    assert history[0].comment == "klar til CFØ"
    assert all(before.replace(microsecond=0) <= e.when <= datetime.now(UTC) for e in history)
    info = workflow.status(store, CFO, "kat")["F6"]
    assert (info.state, info.label, info.count) == ("approved_cfo", "Godkendt af CFØ", 4)
    assert [(t.id, missing) for t, missing in info.available] == [
        ("circle", ()),
        ("withdraw", ()),
    ]
    # the other proposals have not moved
    assert {i.state for pid, i in workflow.status(store, CFO, "kat").items() if pid != "F6"} == {
        "draft"
    }


def test_a_refused_step_names_each_missing_condition_and_changes_nothing(
    store: MemoryStore,
) -> None:
    _move(store, OKF_EDITOR, "BC01", "submit")
    with pytest.raises(TransitionRefusedError) as refused:
        workflow.move(store, CFO, "kat", "BC01", "preapprove", "", expected_count=1)
    assert str(refused.value).startswith("'Forhåndsgodkend' kan ikke ske endnu: ")
    assert refused.value.missing[0] == (
        "Ingen fejl i forslagets tal: Grundlaget for 'Effektivisering ved leders godkendelse og "
        "opfølgning på ferie og fravær i forvaltningerne' (tidsbesparelse), 2026: angivet -550, "
        "beregnet -587 (forskel 37; uoverensstemmelse)"
    )
    assert len(refused.value.missing) == 3
    assert all(m.startswith("Ingen fejl i forslagets tal: ") for m in refused.value.missing)
    # the status says the same before a move is tried
    available = workflow.status(store, CFO, "kat")["BC01"].available
    assert {t.id: missing for t, missing in available} == {
        "send_back": (),
        "preapprove": refused.value.missing,
        "withdraw": (),
    }
    assert [e.to_state for e in workflow.history(store, CFO, "kat", "BC01")] == ["submitted"]


def test_a_step_from_another_state_is_refused_with_the_states_it_may_be_taken_from(
    store: MemoryStore,
) -> None:
    with pytest.raises(InputError, match="forslaget er kladde; 'Send i høring' kan kun ske fra"):
        workflow.move(store, CFO, "kat", "F5", "consult", "", expected_count=0)
    with pytest.raises(InputError, match="overgangen 'godkend' findes ikke"):
        workflow.move(store, CFO, "kat", "F5", "godkend", "", expected_count=0)
    assert workflow.history(store, CFO, "kat", "F5") == []


def test_a_move_from_a_stale_count_is_a_conflict(store: MemoryStore) -> None:
    seen = workflow.status(store, OKF_EDITOR, "kat")["F7"].count
    workflow.move(store, CFO, "kat", "F7", "withdraw", "opgivet", expected_count=seen)
    with pytest.raises(ConflictError, match="forslag F7 har skiftet status"):
        workflow.move(store, OKF_EDITOR, "kat", "F7", "submit", "", expected_count=seen)
    assert [e.transition for e in workflow.history(store, CFO, "kat", "F7")] == ["withdraw"]


def test_who_may_take_a_step(store: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError, match="Læser må ikke tage skridtet 'Indsend til CFØ'"):
        workflow.move(store, READER, "kat", "BC01", "submit", "", expected_count=0)
    # BC01 is presented by ØKF: not SOF's to submit
    with pytest.raises(AccessDeniedError):
        workflow.move(store, SOF_EDITOR, "kat", "BC01", "submit", "", expected_count=0)
    _move(store, OKF_EDITOR, "F6", "submit")
    with pytest.raises(AccessDeniedError, match="det kan kun de, der retter hele kataloget"):
        workflow.move(store, OKF_EDITOR, "kat", "F6", "preapprove", "", expected_count=1)
    # a reader sees the states and no step; an editor the steps of their own proposals
    assert all(not i.available for i in workflow.status(store, READER, "kat").values())
    mine = {pid for pid, i in workflow.status(store, SOF_EDITOR, "kat").items() if i.available}
    assert mine == {"F2", "F3"}
    assert workflow.history(store, CFO, "kat", "BC01") == []


def test_the_history_of_a_confidential_proposal_is_for_those_who_may_read_it(
    store: MemoryStore, seed: Catalog
) -> None:
    assert seed.proposal("F1").confidential
    _move(store, CFO, "F1", "submit")
    with pytest.raises(AccessDeniedError, match="F1 er fortroligt"):
        workflow.history(store, READER, "kat", "F1")
    assert [e.to_state for e in workflow.history(store, CFO, "kat", "F1")] == ["submitted"]


def test_a_catalog_whose_profile_has_no_workflow_has_no_status(seed: Catalog) -> None:
    store = MemoryStore()
    plain = replace(seed, profile=replace(seed.profile, workflow=None))
    store.create_catalog("kat", plain, Change(who="x", when=datetime.now(UTC), why="x"))
    assert workflow.status(store, CFO, "kat") == {}
    with pytest.raises(InputError, match="profilen kk har intet forløb"):
        workflow.move(store, CFO, "kat", "BC01", "submit", "", expected_count=0)


def test_where_a_confidential_proposal_stands_is_not_shown_to_those_who_may_not_read_it(
    store: MemoryStore,
) -> None:
    """The catalog publishes F1's row, not where it stands in its approval."""
    cfo = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
    assert "F1" in workflow.status(store, cfo, "kat")
    shown = workflow.status(store, READER, "kat")
    assert "F1" not in shown and "BC01" in shown
