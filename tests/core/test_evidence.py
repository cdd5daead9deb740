# SPDX-License-Identifier: MPL-2.0
"""Follow-up recorded: a goal done only with evidence, where an occurrence stands on a day
from its interval and its records (over a simulated year, and as invariants), the names
attachments are kept under, the goal a number or a text names, and who is responsible."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.errors import InputError, NotFoundError
from gevinst.core.evidence import (
    MAX_ATTACHMENT,
    RECORDED,
    Attachment,
    Record,
    attachment_name,
    find_goal,
    new_record,
    of_occurrence,
    require_attachment,
    responsible_administrations,
    status,
)
from gevinst.core.followup import occurrences, parse_when
from gevinst.core.model import Catalog

D = date
GOAL = "Ledergodkendelser er fjernet på fraværsindberetninger."


def _record(status: str, day: date, note: str = "", files: tuple[str, ...] = ()) -> Record:
    return new_record(
        proposal="BC01",
        goal=GOAL,
        due_from=D(2025, 7, 1),
        due_to=D(2025, 9, 30),
        status=status,
        note=note,
        attachments=files,
        who="Anna",
        when=datetime.combine(day, time(12), UTC),
    )


def test_done_without_evidence_is_refused_with_what_to_do() -> None:
    with pytest.raises(InputError, match="kun registreres som nået med dokumentation"):
        _record("done", D(2025, 10, 3))
    with pytest.raises(InputError, match="dokumentation"):
        _record("done", D(2025, 10, 3), note="   \n ")
    # a note, or an attachment alone, is evidence
    assert _record("done", D(2025, 10, 3), note="Referat").note == "Referat"
    assert _record("done", D(2025, 10, 3), files=("referat.pdf",)).attachments == ("referat.pdf",)
    # the other statuses need none
    assert [_record(s, D(2025, 8, 1)).status for s in RECORDED if s != "done"] == [
        "not_started",
        "on_track",
        "late",
        "missed",
    ]


@pytest.mark.parametrize(
    ("status_", "note", "files", "message"),
    [
        ("færdig", "x", (), "status 'færdig' findes ikke; brug en af not_started, on_track"),
        ("late", "x" * 5001, (), "noten har 5001 tegn; højst 5000"),
        ("done", "", ("a.pdf", "a.pdf"), "samme navn"),
        ("done", "", tuple(f"{n}.pdf" for n in range(6)), "højst 5 filer"),
    ],
)
def test_a_record_asked_for_wrongly_is_refused(
    status_: str, note: str, files: tuple[str, ...], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        _record(status_, D(2025, 8, 1), note, files)


def test_a_one_time_goal_over_a_simulated_year() -> None:
    """BC01's "Tredje kvartal 2025": the unit says on 1 August it is on track and on
    1 September that it is late; the interval ends with nothing done, so it is overdue from
    1 October; the steering group's minutes are recorded on 15 October, and from that day on
    it is done. A record counts from the day it is made, never before."""
    records = [
        _record("on_track", D(2025, 8, 1)),
        _record("late", D(2025, 9, 1), note="Afventer leverandør"),
        _record("done", D(2025, 10, 15), note="Styregruppens referat 14. oktober"),
    ]
    start, end = D(2025, 7, 1), D(2025, 9, 30)
    year = [D(2025, 1, 1) + timedelta(days=n) for n in range(365)]
    seen = [status(start, end, day, records) for day in year]
    assert seen == ["upcoming"] * 181 + ["due"] * 92 + ["overdue"] * 14 + ["done"] * 78


def test_a_quarterly_goal_over_a_simulated_year() -> None:
    """F2's "Kvartalsvis" from 2025: Q1 done on time, Q2 missed (said on 2 July), Q3 never
    recorded, Q4 done in its last week; each quarter's own records alone count for it."""
    due = parse_when("Kvartalsvis", 2025)
    quarters = occurrences(due, D(2025, 12, 31))

    def made(q: int, s: str, day: date) -> Record:
        start, end = quarters[q]
        return new_record(
            proposal="F2",
            goal="Brug af løsningen",
            due_from=start,
            due_to=end,
            status=s,
            note="Udtræk fra portalen",
            attachments=(),
            who="Bo",
            when=datetime.combine(day, time(9), UTC),
        )

    records = [
        made(0, "done", D(2025, 3, 20)),
        made(1, "missed", D(2025, 7, 2)),
        made(3, "done", D(2025, 12, 24)),
    ]
    at_year_end = [
        status(s, e, D(2025, 12, 31), of_occurrence(records, "Brug af løsningen", s))
        for s, e in quarters
    ]
    assert at_year_end == ["done", "missed", "overdue", "done"]
    on_1_july = [
        status(s, e, D(2025, 7, 1), of_occurrence(records, "Brug af løsningen", s))
        for s, e in quarters[:3]
    ]
    assert on_1_july == ["done", "overdue", "due"]


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31))
recorded = st.lists(st.tuples(st.sampled_from(RECORDED), days), max_size=6)


def _made(kept: list[tuple[str, date]]) -> list[Record]:
    return [_record(s, day, note="Dokumentation") for s, day in sorted(kept, key=lambda k: k[1])]


@given(days, st.integers(0, 200), days, recorded)
def test_status_follows_the_last_record_made_by_the_day(
    start: date, length: int, as_of: date, kept: list[tuple[str, date]]
) -> None:
    end = start + timedelta(days=length)
    records = _made(kept)
    made = [r for r in records if r.when.date() <= as_of]
    got = status(start, end, as_of, records)
    if made and made[-1].status in ("done", "missed"):
        assert got == made[-1].status
    else:
        # without a closing record the interval alone says; a record after the day is unseen
        assert got == status(start, end, as_of, [])
        assert got == ("overdue" if end < as_of else "due" if start <= as_of else "upcoming")


@given(days, st.integers(0, 200), recorded, days, days)
def test_an_occurrence_never_closed_stays_overdue_and_a_closed_one_closed(
    start: date, length: int, kept: list[tuple[str, date]], first: date, second: date
) -> None:
    end = start + timedelta(days=length)
    records = _made(kept)
    early, late = sorted((first, second))
    before, after = status(start, end, early, records), status(start, end, late, records)
    if before == "overdue" and not any(early < r.when.date() <= late for r in records):
        assert after == "overdue"
    if before in ("done", "missed") and not any(early < r.when.date() for r in records):
        assert after == before


@given(st.text(max_size=300))
def test_an_attachment_name_stays_in_its_folder(raw: str) -> None:
    try:
        name = attachment_name(raw)
    except InputError:
        return
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert 0 < len(name) <= 120 and name not in (".", "..")
    assert name.isprintable()
    assert attachment_name(name) == name  # a kept name is kept as it is


def test_attachments_of_a_size_and_a_name() -> None:
    require_attachment(Attachment("referat.pdf", "application/pdf", b"%PDF"))
    with pytest.raises(InputError, match="større end 10 MB"):
        require_attachment(Attachment("stor.pdf", "application/pdf", b"x" * (MAX_ATTACHMENT + 1)))
    with pytest.raises(InputError, match="er tom"):
        require_attachment(Attachment("tom.pdf", "application/pdf", b""))
    with pytest.raises(InputError, match="kan ikke bruges"):
        require_attachment(Attachment("../x.pdf", "application/pdf", b"x"))
    long = attachment_name("r" * 200 + ".xlsx")
    assert len(long) == 120 and long.endswith(".xlsx")


def test_a_goal_by_its_number_or_its_text(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    assert find_goal(bc01, "1").goal == GOAL
    assert (
        find_goal(bc01, "  ledergodkendelser er   fjernet på fraværsindberetninger. ").goal == GOAL
    )
    with pytest.raises(NotFoundError, match=r"BC01 har 6 opfølgningsmål; der er intet nr\. 7"):
        find_goal(bc01, "7")
    with pytest.raises(NotFoundError, match="intet opfølgningsmål 'Noget andet'"):
        find_goal(bc01, "Noget andet")


def test_who_is_responsible_for_each_goal_of_the_seed(seed: Catalog) -> None:
    found = {
        f.responsible: responsible_administrations(f.responsible, seed.profile, p.presenting)
        for p in seed.proposals
        for f in p.followup
    }
    assert found["Koncernservice (projektejer)"] == ["ØKF"]
    assert found["KEJD"] == ["ØKF"]
    assert found["KIT Data Science Team"] == ["ØKF"]
    assert found["Den fælles projektledelse i BUF og SOF"] == ["BUF", "SOF"]
    assert found["SOF (BBU-stab) og BIF’s (CBA-stab)"] == ["BIF", "SOF"]
    assert found["TMF projektledelse og projektejer/KIT"] == ["TMF", "ØKF"]
    assert found["TMF, Stab"] == ["TMF"]
    # names no administration: those presenting the proposal
    assert all(found[r] for r in ("Projektet", "CFØ"))
