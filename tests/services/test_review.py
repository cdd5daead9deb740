# SPDX-License-Identifier: MPL-2.0
"""Consultations and comments by the services, with the in-memory store: a request answered
into BC01's "Hvem er hørt?" as a new version, refusals for who may not, a stale base and a
second answer as conflicts, comments and their counts kept from who may not read."""

from __future__ import annotations

import datetime as dt

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.comments import Address, Comment
from gevinst.core.consultation import Answer, Status
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.model import Catalog
from gevinst.core.review import ReviewRecord
from gevinst.services import comments, consultations, proposals
from gevinst.services.catalogs import copy_catalog
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
IT_MEMBER = Actor(name="Bo", bodies=frozenset({"it-kredsen"}))
DUE = dt.date.today() + dt.timedelta(days=14)


def _ask(store: MemoryStore, pid: str = "BC01", to: str = "it-kredsen") -> int:
    return consultations.request(store, CFO, "kat", pid, to, DUE, "  om arkitekturen ").number


def _answer(store: MemoryStore, actor: Actor, number: int, base: str) -> None:
    consultations.answer(
        store,
        actor,
        "kat",
        "BC01",
        number,
        heard_yes=True,
        date=dt.date(2026, 3, 18),
        note="Ingen bemærkninger",
        base=base,
    )


def test_a_request_answered_fills_hvem_er_hoert_as_a_new_version(store: MemoryStore) -> None:
    number = _ask(store)
    [waiting] = consultations.unanswered(store, CFO, "kat")["BC01"]
    assert (waiting.number, waiting.request.body, waiting.request.note) == (
        1,
        "IT-kredsen",
        "om arkitekturen",
    )
    assert waiting.status(dt.date.today()) is Status.OPEN
    base = store.proposal("kat", "BC01").version
    _answer(store, IT_MEMBER, number, base)
    [it] = [
        c for c in store.catalog("kat").proposal("BC01").consultations if c.kind == "it-kredsen"
    ]
    assert it.heard is True and it.text.endswith("18\\. marts 2026 – Ingen bemærkninger")
    last = store.versions("kat", "BC01")[-1]
    assert (last.who, last.why) == ("Bo", "høringssvar fra IT-kredsen (ja)")
    assert last.id != base
    [done] = consultations.requests(store, READER, "kat", "BC01")
    assert done.answer is not None and done.answer.who == "Bo"
    assert consultations.unanswered(store, CFO, "kat") == {}


def test_who_may_not_ask_or_answer_is_refused_and_nothing_changes(store: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError):
        consultations.request(store, OKF_EDITOR, "kat", "BC01", "it-kredsen", DUE)
    number = _ask(store)
    base = store.proposal("kat", "BC01").version
    hr_member = Actor(name="Hanne", bodies=frozenset({"hr-kredsen"}))
    for actor in (OKF_EDITOR, hr_member, READER):
        with pytest.raises(AccessDeniedError):
            _answer(store, actor, number, base)
    assert store.proposal("kat", "BC01").version == base
    assert len(store.review_records("kat", "BC01")) == 1


def test_an_answer_from_a_stale_version_is_a_conflict_and_changes_nothing(
    store: MemoryStore,
) -> None:
    number = _ask(store)
    seen = store.proposal("kat", "BC01")
    document = dict(seen.document, title="Ny titel")
    proposals.save_proposal(store, CFO, "kat", "BC01", document, base=seen.version, why="titel")
    with pytest.raises(ConflictError, match="forslag BC01 er gemt af en anden"):
        _answer(store, IT_MEMBER, number, seen.version)
    assert consultations.requests(store, CFO, "kat", "BC01")[0].answer is None
    assert store.catalog("kat").proposal("BC01").title == "Ny titel"


def test_a_second_answer_is_refused(store: MemoryStore) -> None:
    number = _ask(store)
    base = store.proposal("kat", "BC01").version
    _answer(store, IT_MEMBER, number, base)
    with pytest.raises(InputError, match="høring 1 af forslag BC01 er besvaret"):
        _answer(store, CFO, number, store.proposal("kat", "BC01").version)
    # from the version the first answer was given on, the save itself is the conflict
    versions = len(store.versions("kat", "BC01"))
    with pytest.raises((ConflictError, InputError)):
        _answer(store, CFO, number, base)
    assert len(store.versions("kat", "BC01")) == versions


def test_an_administration_is_asked_by_its_code(store: MemoryStore) -> None:
    asked = consultations.request(store, CFO, "kat", "F4", "SOF", DUE)
    assert (asked.request.kind, asked.request.body) == ("other", "Socialforvaltningen")
    with pytest.raises(InputError, match="'XYZ' er hverken et høringsorgan"):
        consultations.request(store, CFO, "kat", "F4", "XYZ", DUE)


def test_a_confidential_proposals_consultations_are_kept_from_who_may_not_read(
    store: MemoryStore,
) -> None:
    comments.comment(store, CFO, "kat", "F1", Address(section="1"), "Internt")
    with pytest.raises(AccessDeniedError):
        consultations.requests(store, READER, "kat", "F1")
    with pytest.raises(AccessDeniedError):
        comments.thread_list(store, READER, "kat", "F1")
    with pytest.raises(AccessDeniedError):
        comments.comment(store, READER, "kat", "F1", Address(section="1"), "?")
    assert "F1" not in comments.open_counts(store, READER, "kat")
    assert comments.open_counts(store, CFO, "kat")["F1"] == 1


def test_a_thread_is_begun_replied_to_resolved_and_counted(store: MemoryStore) -> None:
    cell = Address(table="1", row="varig", year=2027)
    thread = comments.comment(store, CFO, "kat", "BC01", cell, " Hvorfor -1.474? ")
    assert thread.comment.text == "Hvorfor -1.474?"
    assert thread.comment.version == store.proposal("kat", "BC01").version
    comments.comment(store, READER, "kat", "BC01", Address(section="4"), "Risikoen?")
    assert comments.open_counts(store, READER, "kat")["BC01"] == 2
    assert comments.open_counts(store, READER, "kat")["BC02"] == 0
    replied = comments.reply(store, OKF_EDITOR, "kat", "BC01", thread.number, "Tabellen rettes")
    assert replied.participants == ("CFØ", "Økonom")
    with pytest.raises(AccessDeniedError):
        comments.resolve(store, READER, "kat", "BC01", thread.number, True)
    assert comments.resolve(store, OKF_EDITOR, "kat", "BC01", thread.number, True).resolved
    assert comments.open_counts(store, READER, "kat")["BC01"] == 1
    reopened = comments.resolve(store, CFO, "kat", "BC01", thread.number, False)
    assert not reopened.resolved
    with pytest.raises(InputError, match="ingen linje 'e9'"):
        comments.comment(store, CFO, "kat", "BC01", Address(table="1", row="e9"), "?")


def test_a_copied_catalog_keeps_its_review(store: MemoryStore) -> None:
    _ask(store)
    comments.comment(store, CFO, "kat", "F6", Address(section="2"), "Tallene?")
    target = MemoryStore()
    copy_catalog(store, "kat", target, "kopi", CFO, "kopieret")
    for pid in ("BC01", "F6", "F5"):
        assert target.review_records("kopi", pid) == store.review_records("kat", pid)
    assert len(target.review_records("kopi", "F6")) == 1


class _CommentInBetween(MemoryStore):
    """A store where a comment lands just before the first answer is recorded."""

    def add_review_record(
        self, key: str, proposal_id: str, record: ReviewRecord, *, expected_count: int
    ) -> None:
        if isinstance(record, Answer) and not any(
            isinstance(r, Comment) for r in self.review_records(key, proposal_id)
        ):
            between = Comment(
                address=Address(section="6"),
                text="Hørt?",
                version="v",
                who="Læser",
                when=dt.datetime.now(dt.UTC),
            )
            super().add_review_record(key, proposal_id, between, expected_count=expected_count)
        super().add_review_record(key, proposal_id, record, expected_count=expected_count)


def test_an_answer_saved_is_recorded_though_a_comment_came_in_between(seed: Catalog) -> None:
    store = _CommentInBetween()
    store.create_catalog("kat", seed, Change(who="x", when=dt.datetime.now(dt.UTC), why="x"))
    number = _ask(store)
    _answer(store, IT_MEMBER, number, store.proposal("kat", "BC01").version)
    kinds = [type(r).__name__ for r in store.review_records("kat", "BC01")]
    assert kinds == ["Request", "Comment", "Answer"]
    assert consultations.requests(store, CFO, "kat", "BC01")[0].answer is not None
