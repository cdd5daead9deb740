# SPDX-License-Identifier: MPL-2.0
"""The round on one page from the service, with the in-memory store: counts by state, the
steps that wait with what they miss, the goals overdue for evidence by goal, and a reader
who may only see a confidential proposal's row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from gevinst.core.access import Actor, Edits
from gevinst.core.comments import Address
from gevinst.core.lifecycle import Event
from gevinst.services import change_requests, comments, consultations
from gevinst.services.overview import overview
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
STEPS = [
    ("submit", "draft", "submitted"),
    ("preapprove", "submitted", "preapproved"),
    ("consult", "preapproved", "consultation"),
    ("approve", "consultation", "approved_cfo"),
    ("circle", "approved_cfo", "efficiency_circle"),
    ("committees", "efficiency_circle", "approved_committees"),
    ("budget", "approved_committees", "in_budget"),
    ("implement", "in_budget", "implementing"),
]


def _take(store: MemoryStore, pid: str, steps: int) -> None:
    """Record the first ``steps`` of the lifecycle as taken, as an import of a past round."""
    for n, (transition, before, after) in enumerate(STEPS[:steps]):
        when = datetime(2024, 6, 1, tzinfo=UTC)
        event = Event(transition=transition, from_state=before, to_state=after, who="x", when=when)
        store.add_event("kat", pid, event, expected_count=n)


def test_the_counts_by_state_follow_the_workflows_order(store: MemoryStore) -> None:
    _take(store, "F6", 1)
    _take(store, "F2", 8)
    shown = overview(store, CFO, "kat", date(2025, 12, 31))
    assert [(s.id, n) for s, n in shown.states] == [
        ("draft", 7),
        ("submitted", 1),
        ("implementing", 1),
    ]
    assert shown.unpublished == 0 and len(shown.standings) == 9


def test_a_waiting_step_says_what_it_misses(store: MemoryStore) -> None:
    _take(store, "BC01", 1)
    bc01 = {s.proposal.id: s for s in overview(store, CFO, "kat", date(2025, 1, 1)).standings}[
        "BC01"
    ]
    assert [t.id for t in bc01.ready] == ["send_back", "withdraw"]
    [(step, missing)] = bc01.waiting
    assert step.id == "preapprove"
    assert missing and all(m.startswith("Ingen fejl i forslagets tal: ") for m in missing)


def test_overdue_goals_are_grouped_with_their_oldest_deadline(store: MemoryStore) -> None:
    _take(store, "F2", 8)
    f2 = {s.proposal.id: s for s in overview(store, CFO, "kat", date(2025, 12, 31)).standings}["F2"]
    sparring = [o for o in f2.overdue if o.goal.startswith("20-25 sparringsmøder")]
    assert [(o.occurrences, o.since) for o in sparring] == [(7, date(2024, 3, 31))]


def test_a_reader_does_not_see_a_confidential_proposals_standing(store: MemoryStore) -> None:
    shown = overview(store, READER, "kat", date(2025, 12, 31))
    assert shown.unpublished == 1
    assert "F1" not in {s.proposal.id for s in shown.standings}
    assert shown.waiting == 0


def test_only_a_promised_saving_is_overdue(store: MemoryStore) -> None:
    """BC01 is up for approval in this round (Godkendt med Budget 2025), F3 was approved in
    OFS 23-24: on the last day of 2025 both have goals whose interval has ended, but only
    F3's saving is promised and so overdue for evidence."""
    standings = {
        s.proposal.id: s for s in overview(store, CFO, "kat", date(2025, 12, 31)).standings
    }
    assert standings["BC01"].approved_with == "Budget 2025" and not standings["BC01"].overdue
    assert standings["F3"].approved_with == "OFS 23-24"
    assert [(o.occurrences, o.since) for o in standings["F3"].overdue] == [
        (1, date(2025, 8, 31))
    ] * 4


def test_what_is_open_is_shown_where_it_belongs(store: MemoryStore) -> None:
    """IT-kredsen asked about BC01 and not yet answered (overdue the day after its due date),
    a comment on F6's Tabel 1, and a change request for F6 after CFØ's approval."""
    due = date.today() + timedelta(days=10)
    consultations.request(store, CFO, "kat", "BC01", "it-kredsen", due)
    comments.comment(store, CFO, "kat", "F6", Address(section="1"), "Er timeprisen rigtig?")
    _take(store, "F6", 4)
    versioned = store.proposal("kat", "F6")
    change_requests.request_change(
        store, CFO, "kat", "F6", versioned.document, base=versioned.version, why="ny pris"
    )
    shown = overview(store, CFO, "kat", due + timedelta(days=1))
    by_id = {s.proposal.id: s for s in shown.standings}
    assert [(q.body, q.due, q.overdue) for q in by_id["BC01"].consultations] == [
        ("IT-kredsen", due, True)
    ]
    assert (by_id["F6"].comments, [r.number for r in by_id["F6"].requests]) == (1, [1])
    assert (shown.open_questions, shown.open_requests) == (1, 1)
    on_time = overview(store, CFO, "kat", due)
    assert not {s.proposal.id: s for s in on_time.standings}["BC01"].consultations[0].overdue
