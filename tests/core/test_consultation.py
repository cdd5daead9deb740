# SPDX-License-Identifier: MPL-2.0
"""Consultations: a request's status on a date, who may ask and who may answer, the body
named from the profile, and an answer written into BC01's "Hvem er hørt?" so that the
template's IT-kredsen rule is met."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.access import Actor, Edits
from gevinst.core.check import check_proposal
from gevinst.core.consultation import (
    Answer,
    Asked,
    Request,
    Status,
    addressee,
    answer_text,
    asked,
    find,
    heard,
    may_answer,
    require_answer,
    require_request,
)
from gevinst.core.errors import AccessDeniedError, InputError, NotFoundError
from gevinst.core.model import Catalog, Consultation
from gevinst.core.text import plain
from gevinst.format.reader import load_profile

KK = load_profile("kk")
WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
OKF_EDITOR = Actor(name="redaktør i ØKF", administration="ØKF", edits=Edits.OWN)
IT_MEMBER = Actor(name="Bo", bodies=frozenset({"it-kredsen"}))
SOF_MEMBER = Actor(name="Sif", bodies=frozenset({"SOF"}))
IT_TO_BC01 = Request(
    to="it-kredsen",
    kind="it-kredsen",
    body="IT-kredsen",
    due=dt.date(2026, 3, 20),
    who="CFØ",
    when=WHEN,
)


def _answer(heard_yes: bool = True, note: str = "", request: int = 1) -> Answer:
    return Answer(
        request=request, heard=heard_yes, date=dt.date(2026, 3, 18), note=note, who="Bo", when=WHEN
    )


@pytest.mark.parametrize(
    ("day", "status"),
    [(19, Status.OPEN), (20, Status.OPEN), (21, Status.OVERDUE)],
)
def test_a_request_is_open_to_its_due_date_and_overdue_after(day: int, status: Status) -> None:
    assert Asked(1, IT_TO_BC01).status(dt.date(2026, 3, day)) is status


@given(st.dates())
def test_an_answered_request_is_answered_on_every_day(day: dt.date) -> None:
    assert Asked(1, IT_TO_BC01, _answer()).status(day) is Status.ANSWERED


def test_the_log_pairs_each_request_with_its_answer_by_number() -> None:
    second = replace(IT_TO_BC01, to="hr-kredsen", kind="hr-kredsen", body="HR-kredsen")
    found = asked([IT_TO_BC01, second, _answer(request=2)])
    assert [(a.number, a.request.to, a.answer is not None) for a in found] == [
        (1, "it-kredsen", False),
        (2, "hr-kredsen", True),
    ]


def test_a_body_is_a_consultation_kind_or_an_administration_of_the_profile() -> None:
    assert addressee(KK, "it-kredsen") == ("it-kredsen", "IT-kredsen")
    assert addressee(KK, "med") == ("med", "MED-udvalg")
    assert addressee(KK, "SOF") == ("other", "Socialforvaltningen")
    with pytest.raises(InputError, match="'IT' er hverken et høringsorgan"):
        addressee(KK, "IT")
    with pytest.raises(InputError):
        addressee(KK, "other")  # a row's kind, not a body one may ask


def test_only_those_who_edit_the_whole_catalog_ask(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    require_request(CFO, bc01, dt.date(2026, 3, 2), WHEN)
    for actor in (OKF_EDITOR, IT_MEMBER):
        with pytest.raises(AccessDeniedError, match="må ikke bede om en høring af forslag BC01"):
            require_request(actor, bc01, dt.date(2026, 3, 20), WHEN)


def test_a_request_due_before_it_is_made_or_of_a_catalog_entry_is_refused(seed: Catalog) -> None:
    with pytest.raises(InputError, match=r"fristen 1\. marts 2026 .* er overskredet"):
        require_request(CFO, seed.proposal("BC01"), dt.date(2026, 3, 1), WHEN)
    with pytest.raises(InputError, match="forslag F1 er kun katalogets række"):
        require_request(CFO, seed.proposal("F1"), dt.date(2026, 3, 20), WHEN)


def test_a_member_of_the_body_or_cfo_answers(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    assert may_answer(IT_MEMBER, bc01, IT_TO_BC01)
    assert may_answer(CFO, bc01, IT_TO_BC01)
    # the proposal's own editor is not the body asked
    assert not may_answer(OKF_EDITOR, bc01, IT_TO_BC01)
    assert not may_answer(SOF_MEMBER, bc01, IT_TO_BC01)
    to_sof = replace(IT_TO_BC01, to="SOF", kind="other", body="Socialforvaltningen")
    assert may_answer(SOF_MEMBER, bc01, to_sof)
    with pytest.raises(AccessDeniedError, match="kun medlemmer af IT-kredsen"):
        require_answer(OKF_EDITOR, bc01, Asked(1, IT_TO_BC01))


def test_a_member_who_may_not_read_a_confidential_proposal_does_not_answer(
    seed: Catalog,
) -> None:
    secret = replace(seed.proposal("BC01"), confidential=True)
    assert not may_answer(IT_MEMBER, secret, IT_TO_BC01)
    assert may_answer(replace(IT_MEMBER, reads_confidential=True), secret, IT_TO_BC01)


def test_a_request_is_answered_once(seed: Catalog) -> None:
    with pytest.raises(InputError, match=r"høring 1 af forslag BC01 er besvaret 18\. marts 2026"):
        require_answer(IT_MEMBER, seed.proposal("BC01"), Asked(1, IT_TO_BC01, _answer()))
    with pytest.raises(NotFoundError, match="forslag BC01 har ingen høring nummer 2"):
        find([Asked(1, IT_TO_BC01)], seed.proposal("BC01"), 2)


def test_an_answer_fills_bc01s_table_and_meets_the_it_kredsen_rule(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    rule = "Digitaliseringsprojekter skal i høring i IT-kredsen"
    assert any(f.message.startswith(rule) for f in check_proposal(bc01, seed.profile))
    rows = heard(bc01.consultations, IT_TO_BC01, _answer(note="Ingen bemærkninger"))
    # BC01's row for IT-kredsen (no, with a remark) takes the answer; the others stay
    [(i, before)] = [(i, c) for i, c in enumerate(bc01.consultations) if c.kind == "it-kredsen"]
    assert (before.heard, before.dates) == (False, ())
    assert rows[:i] + rows[i + 1 :] == bc01.consultations[:i] + bc01.consultations[i + 1 :]
    assert rows[i] == Consultation(
        "IT-kredsen",
        "it-kredsen",
        True,
        (dt.date(2026, 3, 18),),
        f"{before.text}\n\n18\\. marts 2026 – Ingen bemærkninger",
    )
    answered = replace(bc01, consultations=rows)
    assert not any(f.message.startswith(rule) for f in check_proposal(answered, seed.profile))


def test_an_answer_no_is_written_and_the_rule_still_applies(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    answered = replace(bc01, consultations=heard(bc01.consultations, IT_TO_BC01, _answer(False)))
    assert [c.heard for c in answered.consultations if c.kind == "it-kredsen"] == [False]
    assert [c.dates for c in answered.consultations if c.kind == "it-kredsen"] == [
        (dt.date(2026, 3, 18),)
    ]
    rule = "Digitaliseringsprojekter skal i høring i IT-kredsen"
    assert any(f.message.startswith(rule) for f in check_proposal(answered, seed.profile))


def test_a_bodys_row_takes_the_answer_after_what_it_said() -> None:
    planned = Consultation("IT-kredsen", "it-kredsen", None, (), "Planlagt: 2. marts 2026")
    other = Consultation("Center for Økonomi", "cfo", True, (), "godkendt")
    rows = heard((other, planned), IT_TO_BC01, _answer())
    assert rows[0] == other
    assert rows[1] == Consultation(
        "IT-kredsen",
        "it-kredsen",
        True,
        (dt.date(2026, 3, 18),),
        "Planlagt: 2. marts 2026\n\n18\\. marts 2026",
    )


def test_the_answers_text_is_its_date_and_note() -> None:
    assert answer_text(_answer()) == "18\\. marts 2026"
    assert answer_text(_answer(note="  godkendt ")) == "18\\. marts 2026 – godkendt"
    # a note is printed as typed, never read as markup
    typed = answer_text(_answer(note="*ikke* fremhævet\n\n- og ingen liste"))
    assert plain(typed) == "18. marts 2026 – *ikke* fremhævet - og ingen liste"


ROWS = st.lists(
    st.builds(
        Consultation,
        st.sampled_from(["IT-kredsen", "HR-kredsen", "Center for Økonomi", "Socialforvaltningen"]),
        st.sampled_from(["it-kredsen", "hr-kredsen", "cfo", "other"]),
        st.sampled_from([True, False, None]),
    ),
    max_size=6,
)


@given(ROWS, st.booleans())
def test_an_answer_changes_one_row_or_adds_one_and_keeps_the_others(
    rows: list[Consultation], yes: bool
) -> None:
    before = tuple(rows)
    after = heard(before, IT_TO_BC01, _answer(yes))
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert len(after) - len(before) + len(changed) == 1
    [mine] = [after[i] for i in changed] or [after[-1]]
    assert (mine.kind, mine.body, mine.heard) == ("it-kredsen", "IT-kredsen", yes)
    assert dt.date(2026, 3, 18) in mine.dates
