# SPDX-License-Identifier: MPL-2.0
"""Follow-up recorded through the service: who may record, the occurrence a record is for,
evidence and attachments, a stale count, a confidential proposal's goals, and the statuses
due_items gives over a simulated year."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError, NotFoundError
from gevinst.core.model import Catalog
from gevinst.services import followup
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
SOF_EDITOR = Actor(name="Socialrådgiver", administration="SOF", edits=Edits.OWN)
D = date
GOAL = "Ledergodkendelser er fjernet på fraværsindberetninger."


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), UTC)


def _bc01(items: list[followup.Item], goal: str = GOAL) -> list[followup.Item]:
    return [i for i in items if i.proposal == "BC01" and i.goal == goal]


def test_a_goal_done_with_evidence_is_done_from_that_day(store: MemoryStore) -> None:
    made = followup.record(
        store,
        OKF_EDITOR,
        "kat",
        "BC01",
        "1",
        due_from=D(2025, 7, 1),
        status="done",
        note="Styregruppens referat 14. oktober",
        files=[("C:\\Referater\\styregruppe 14-10.pdf", b"%PDF-1.7")],
        expected_count=0,
        now=_at(D(2025, 10, 15)),
    )
    assert (made.goal, made.due_to, made.who, made.attachments) == (
        GOAL,
        D(2025, 9, 30),
        "Økonom",
        ("styregruppe 14-10.pdf",),
    )
    [before] = _bc01(followup.due_items(store, READER, "kat", D(2025, 10, 14)))
    [after] = _bc01(followup.due_items(store, READER, "kat", D(2025, 10, 15)))
    assert (before.status, before.recorded) == ("overdue", None)
    assert (after.status, after.recorded, after.seen) == ("done", (1, made), 1)
    got = followup.attachment(store, READER, "kat", "BC01", 1, "styregruppe 14-10.pdf")
    assert (got.content_type, got.content) == ("application/pdf", b"%PDF-1.7")
    # an overdue goal is one no completion is recorded for: BC01's first is no longer
    overdue = followup.overdue_items(store, READER, "kat", D(2025, 12, 31))
    assert GOAL not in {i.goal for i in overdue if i.proposal == "BC01"}


def test_done_without_evidence_is_refused_and_nothing_is_kept(store: MemoryStore) -> None:
    with pytest.raises(InputError, match="kun registreres som nået med dokumentation"):
        followup.record(
            store, OKF_EDITOR, "kat", "BC01", "1", due_from=None, status="done", note=" ",
            expected_count=0, now=_at(D(2025, 10, 1)),
        )  # fmt: skip
    assert followup.records(store, CFO, "kat", "BC01") == []


def test_only_those_who_may_edit_the_proposal_record(store: MemoryStore) -> None:
    for actor in (READER, SOF_EDITOR):
        with pytest.raises(AccessDeniedError, match="må ikke rette forslag BC01"):
            followup.record(
                store, actor, "kat", "BC01", "1", due_from=None, status="on_track", note="",
                expected_count=0,
            )  # fmt: skip
    followup.record(
        store, CFO, "kat", "BC01", "1", due_from=None, status="on_track", note="",
        expected_count=0,
    )  # fmt: skip
    assert [r.who for r in followup.records(store, READER, "kat", "BC01")] == ["CFØ"]


def test_a_record_from_a_stale_page_is_a_conflict(store: MemoryStore) -> None:
    def late(by: Actor, seen: int) -> None:
        followup.record(
            store, by, "kat", "BC01", GOAL, due_from=D(2025, 7, 1), status="late",
            note="Afventer leverandøren", expected_count=seen, now=_at(D(2025, 9, 1)),
        )  # fmt: skip

    late(OKF_EDITOR, 0)
    with pytest.raises(ConflictError, match="forslag BC01 har fået en ny opfølgning"):
        late(CFO, 0)
    assert len(followup.records(store, CFO, "kat", "BC01")) == 1


def _quarterly(seed: Catalog) -> str:
    """F2's first quarterly goal (F2's years begin in 2024)."""
    return next(f.goal for f in seed.proposal("F2").followup if f.when == "Kvartalsvis")


def test_the_occurrence_a_record_is_for(store: MemoryStore, seed: Catalog) -> None:
    """F2's quarterly goal: the quarter named, or the one under way; a day that begins no
    quarter is refused with the goal's first."""
    goal = _quarterly(seed)

    def on(due_from: date | None, seen: int) -> tuple[date, date]:
        made = followup.record(
            store, CFO, "kat", "F2", goal, due_from=due_from, status="on_track", note="",
            expected_count=seen, now=_at(D(2025, 8, 20)),
        )  # fmt: skip
        return made.due_from, made.due_to

    assert on(None, 0) == (D(2025, 7, 1), D(2025, 9, 30))
    assert on(D(2024, 4, 1), 1) == (D(2024, 4, 1), D(2024, 6, 30))
    with pytest.raises(InputError, match=r"ingen forekomst begynder 2024-04-02 \('Kvartalsvis'"):
        on(D(2024, 4, 2), 2)
    with pytest.raises(NotFoundError, match="intet opfølgningsmål"):
        followup.record(
            store, CFO, "kat", "F2", "Et andet mål", due_from=None, status="late", note="",
            expected_count=2,
        )  # fmt: skip


def test_files_refused_by_size_or_name(store: MemoryStore) -> None:
    big = b"x" * (10 * 1024 * 1024 + 1)
    for files, message in (([("stor.pdf", big)], "større end 10 MB"), ([("..", b"x")], "navn")):
        with pytest.raises(InputError, match=message):
            followup.record(
                store, CFO, "kat", "BC01", "1", due_from=None, status="done", note="",
                files=files, expected_count=0,
            )  # fmt: skip
    assert followup.records(store, CFO, "kat", "BC01") == []


@pytest.fixture
def secret(seed: Catalog) -> MemoryStore:
    """The seed with BC01 confidential, and a record with a file against its first goal."""
    bc01 = replace(seed.proposal("BC01"), confidential=True)
    proposals = tuple(bc01 if p.id == "BC01" else p for p in seed.proposals)
    kept = MemoryStore()
    kept.create_catalog(
        "kat", replace(seed, proposals=proposals), Change(who="x", when=_at(D(2025, 1, 1)), why="x")
    )
    followup.record(
        kept, OKF_EDITOR, "kat", "BC01", "1", due_from=None, status="done", note="Hemmeligt",
        files=[("referat.pdf", b"%PDF")], expected_count=0, now=_at(D(2025, 10, 2)),
    )  # fmt: skip
    return kept


def test_a_confidential_proposals_goals_and_files_only_for_who_may_read_it(
    secret: MemoryStore,
) -> None:
    day = D(2025, 12, 31)
    assert _bc01(followup.due_items(secret, READER, "kat", day), GOAL) == []
    # a reminder to one who may not read BC01 never names its goals, whatever unit they are in
    assert [i for i in followup.reminders(secret, SOF_EDITOR, "kat", day, "ØKF")
            if i.proposal == "BC01"] == []  # fmt: skip
    [shown] = _bc01(followup.due_items(secret, OKF_EDITOR, "kat", day))
    assert shown.status == "done"
    for call in (
        lambda: followup.records(secret, READER, "kat", "BC01"),
        lambda: followup.attachment(secret, READER, "kat", "BC01", 1, "referat.pdf"),
    ):
        with pytest.raises(AccessDeniedError, match="fortroligt"):
            call()
    assert followup.attachment(secret, CFO, "kat", "BC01", 1, "referat.pdf").content == b"%PDF"


def test_a_reminder_lists_what_an_administration_answers_for(store: MemoryStore) -> None:
    day = D(2025, 12, 31)
    okf = followup.reminders(store, OKF_EDITOR, "kat", day, "ØKF")
    assert {i.status for i in okf} == {"overdue", "due"}
    assert all("ØKF" in i.administrations for i in okf)
    assert Counter(i.proposal for i in okf) == Counter(
        i.proposal
        for i in followup.due_items(store, OKF_EDITOR, "kat", day)
        if i.status in ("overdue", "due") and "ØKF" in i.administrations
    )
    assert {i.responsible for i in okf if i.proposal == "BC01"} == {"Koncernservice (projektejer)"}


def test_the_seeds_statuses_over_a_simulated_year_as_records_are_made(
    store: MemoryStore, seed: Catalog
) -> None:
    """Through 2025, day by day: Koncernservice says BC01's first goal is on track in August
    and records it done with the minutes on 15 October; F2's quarterly goal of Q1 2025 is
    recorded missed on 2 April. Every other occurrence keeps the status the calendar gives."""
    f2_goal = _quarterly(seed)
    plan = {
        D(2025, 8, 1): ("BC01", "1", None, "on_track", ""),
        D(2025, 10, 15): ("BC01", "1", D(2025, 7, 1), "done", "Referat"),
        D(2025, 4, 2): ("F2", f2_goal, D(2025, 1, 1), "missed", "Portalen ikke i drift"),
    }
    bc01, f2, totals = [], [], []
    for day in (D(2025, 1, 1) + timedelta(days=n) for n in range(365)):
        if day in plan:
            pid, goal, start, status, note = plan[day]
            seen = len(followup.records(store, CFO, "kat", pid))
            followup.record(
                store, CFO, "kat", pid, goal, due_from=start, status=status, note=note,
                expected_count=seen, now=_at(day),
            )  # fmt: skip
        items = followup.due_items(store, READER, "kat", day)
        [first] = _bc01(items)
        bc01.append(first.status)
        f2.append(
            next(
                i.status
                for i in items
                if i.goal == f2_goal and i.proposal == "F2" and i.due_from == D(2025, 1, 1)
            )
        )
        totals.append(Counter(i.status for i in items))
    assert bc01 == ["upcoming"] * 181 + ["due"] * 92 + ["overdue"] * 14 + ["done"] * 78
    assert f2 == ["due"] * 90 + ["overdue"] + ["missed"] * 274
    assert totals[-1] == {"overdue": 55, "due": 14, "upcoming": 17, "done": 1, "missed": 1}
