# SPDX-License-Identifier: MPL-2.0
"""The lifecycle of a proposal under Copenhagen's workflow (src/gevinst/profiles/kk.yaml):
every transition allowed and refused with its reason, who may take it, from which state."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.access import Actor, Edits
from gevinst.core.check import check_proposal
from gevinst.core.errors import AccessDeniedError, InputError, TransitionRefusedError
from gevinst.core.lifecycle import Event, Transition, Workflow, current, missing, require_transition
from gevinst.core.model import Catalog, Consultation, LineKind, Proposal, Scope
from gevinst.core.profile import Profile
from gevinst.format.reader import load_profile
from tests.core.builders import line, proposal, series

KK = load_profile("kk")
assert KK.workflow is not None
WF: Workflow = KK.workflow

CFO = Actor(name="CFØ", administration="ØKF", edits=Edits.CATALOG)
TMF_EDITOR = Actor(name="redaktør i TMF", administration="TMF", edits=Edits.OWN)
SOF_EDITOR = Actor(name="redaktør i SOF", administration="SOF", edits=Edits.OWN)
READER = Actor(name="læser", administration="TMF", reads_confidential=True)

CFO_HEARD = Consultation("Center for Økonomi", "cfo", True)
IT_KREDSEN_HEARD = Consultation("IT-kredsen", "it-kredsen", True)
IT_RAADET_HEARD = Consultation("Statens It-råd", "it-raadet", True)

NO_ERRORS = "Ingen fejl i forslagets tal"
CONSULTED = "De hørte, som skabelonen kræver"
TABLES = "De tekniske tabeller, som skabelonen kræver"
CFO_LABEL = "Center for Økonomis endelige godkendelse i Hvem er hørt?"
REVIEW = "Ekstra gennemgang af store investeringer"

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
NO_SCOPE = Scope()  # none of the template's consultations called for


def clean(
    investment: int = 300,
    scope: Scope = NO_SCOPE,
    consultations: tuple[Consultation, ...] = (CFO_HEARD,),
) -> Proposal:
    """A proposal of TMF's that the check finds nothing against that a condition names."""
    p = proposal(
        line("eff", LineKind.EFFICIENCY, series(0, -100, -200, -200, -200, -200)),
        line("inv", LineKind.IMPLEMENTATION, series(investment)),
    )
    return replace(p, presenting=("TMF",), scope=scope, consultations=consultations)


def take(
    p: Proposal, state: str, transition: str, actor: Actor = CFO, profile: Profile = KK
) -> Transition:
    return require_transition(WF, state, transition, actor, p, profile, check_proposal(p, profile))


def refusal(p: Proposal, state: str, transition: str, profile: Profile = KK) -> list[str]:
    with pytest.raises(TransitionRefusedError) as e:
        take(p, state, transition, profile=profile)
    assert str(e.value).startswith(f"'{WF.transition(transition).label}' kan ikke ske endnu: ")
    assert str(e.value).endswith("; ".join(e.value.missing))
    return list(e.value.missing)


def by_actor(t: Transition) -> Actor:
    return TMF_EDITOR if t.by == "own" else CFO


EVERY_STEP = [(t.id, s) for t in WF.transitions for s in t.from_states]


# --- allowed ------------------------------------------------------------------------------


@pytest.mark.parametrize(("transition", "state"), EVERY_STEP)
def test_every_transition_is_allowed_from_each_of_its_states(transition: str, state: str) -> None:
    t = WF.transition(transition)
    assert take(clean(), state, transition, by_actor(t)) == t


def test_a_clean_proposal_goes_from_draft_to_realised() -> None:
    p, events = clean(), list[Event]()
    path = ("submit", "preapprove", "consult", "approve", "circle", "committees", "budget")
    for tid in (*path, "implement", "realise"):
        state = current(WF.initial, events)
        t = take(p, state, tid, by_actor(WF.transition(tid)))
        events.append(Event(transition=t.id, from_state=state, to_state=t.to, who="x", when=NOW))
    assert [e.to_state for e in events] == [
        "submitted",
        "preapproved",
        "consultation",
        "approved_cfo",
        "efficiency_circle",
        "approved_committees",
        "in_budget",
        "implementing",
        "realised",
    ]
    assert WF.available(current(WF.initial, events)) == ()


def test_the_available_transitions_follow_the_profile() -> None:
    assert [t.id for t in WF.available("draft")] == ["submit", "withdraw"]
    assert [t.id for t in WF.available("consultation")] == ["send_back", "approve", "withdraw"]
    assert [t.id for t in WF.available("implementing")] == ["realise", "realise_partly"]
    assert WF.available("withdrawn") == ()


def test_a_transition_that_requires_nothing_is_not_held_back_by_errors(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    assert take(bc01, "preapproved", "consult").to == "consultation"
    assert take(bc01, "draft", "submit").to == "submitted"


def test_another_proposals_findings_do_not_block(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    others = check_proposal(bc01, seed.profile)
    assert any(f.severity == "error" for f in others)
    assert missing(WF, WF.transition("approve"), clean(), KK, others) == []


# --- refused, with the reason ---------------------------------------------------------------


def test_preapproval_is_refused_for_bc01_with_its_error_findings(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    errors = [f.message for f in check_proposal(bc01, seed.profile) if f.severity == "error"]
    assert errors
    assert refusal(bc01, "submitted", "preapprove") == [f"{NO_ERRORS}: {m}" for m in errors]


def test_final_approval_of_f4_names_each_missing_condition(seed: Catalog) -> None:
    reasons = refusal(seed.proposal("F4"), "consultation", "approve")
    assert {r.split(": ", 1)[0] for r in reasons} == {NO_ERRORS, CONSULTED}
    assert (
        f"{CONSULTED}: Nye it-systemer skal vurderes af Koncern IT, før Center for Økonomi kan "
        "godkende endeligt" in reasons
    )
    assert any(
        r.startswith(f"{CONSULTED}: Effektiviseringer på arbejdsgiverområdet") for r in reasons
    )
    assert any("Tilbagebetalingstid" in r for r in reasons if r.startswith(NO_ERRORS))


def test_final_approval_of_f2_calls_for_the_it_council(seed: Catalog) -> None:
    reasons = refusal(seed.proposal("F2"), "consultation", "approve")
    assert f"{REVIEW}: en investering på 30.100 t.kr. kræver Statens It-råd hørt (ja)" in reasons


def test_digitalisation_without_it_kredsen_is_not_consulted() -> None:
    digital = Scope(digitalisation=True)
    assert refusal(clean(scope=digital), "consultation", "approve") == [
        f"{CONSULTED}: Digitaliseringsprojekter skal i høring i IT-kredsen, før Center for "
        "Økonomi kan godkende endeligt"
    ]
    unheard = replace(IT_KREDSEN_HEARD, heard=False)
    refused = clean(scope=digital, consultations=(CFO_HEARD, unheard))
    assert len(refusal(refused, "consultation", "approve")) == 1
    heard = clean(scope=digital, consultations=(CFO_HEARD, IT_KREDSEN_HEARD))
    assert take(heard, "consultation", "approve").to == "approved_cfo"


def test_operating_costs_without_tables_a_b_c_are_refused() -> None:
    p = clean()
    p = replace(p, lines=(*p.lines, line("drift", LineKind.OPERATING_COST, series(0, 50, 50))))
    assert refusal(p, "consultation", "approve") == [
        f"{TABLES}: Forslaget har varige driftsudgifter, men Tabel {t} er ikke udfyldt"
        for t in "ABC"
    ]


@pytest.mark.parametrize("heard", [None, False])
def test_a_large_investment_needs_the_it_council_answered_yes(heard: bool | None) -> None:
    council = replace(IT_RAADET_HEARD, heard=heard)
    p = clean(investment=15000, consultations=(CFO_HEARD, council))
    assert refusal(p, "consultation", "approve") == [
        f"{REVIEW}: en investering på 15.000 t.kr. kræver Statens It-råd hørt (ja)"
    ]


def test_the_review_threshold_is_the_profiles_amount() -> None:
    assert take(clean(investment=14999), "consultation", "approve").to == "approved_cfo"
    reviewed = clean(investment=15000, consultations=(CFO_HEARD, IT_RAADET_HEARD))
    assert take(reviewed, "consultation", "approve").to == "approved_cfo"
    lower = replace(WF.condition("review"), investment_at_least=Decimal(100))
    other = replace(WF, conditions=(*(c for c in WF.conditions if c.id != "review"), lower))
    assert missing(other, other.transition("approve"), clean(), KK, []) == [
        f"{REVIEW}: en investering på 300 t.kr. kræver Statens It-råd hørt (ja)"
    ]


def test_no_committee_approval_before_cfos_final_approval() -> None:
    p = clean(consultations=())
    assert refusal(p, "efficiency_circle", "committees") == [
        f"{CFO_LABEL}: Forslaget er ikke godkendt i endelig form af Center for Økonomi "
        "(skal ske før udvalgsgodkendelse)"
    ]
    # CFØ's approval is asked at the committees, not before
    assert take(p, "consultation", "approve").to == "approved_cfo"


# --- who may --------------------------------------------------------------------------------


@pytest.mark.parametrize(("transition", "state"), EVERY_STEP)
def test_an_editor_of_the_presenting_administration_takes_only_own_steps(
    transition: str, state: str
) -> None:
    t = WF.transition(transition)
    if t.by == "own":
        assert take(clean(), state, transition, TMF_EDITOR) == t
    else:
        with pytest.raises(AccessDeniedError, match="kun de, der retter hele kataloget"):
            take(clean(), state, transition, TMF_EDITOR)


@pytest.mark.parametrize(("transition", "state"), EVERY_STEP)
@pytest.mark.parametrize("actor", [SOF_EDITOR, READER], ids=["other-administration", "reader"])
def test_who_may_not_edit_the_proposal_takes_no_step(
    transition: str, state: str, actor: Actor
) -> None:
    with pytest.raises(AccessDeniedError) as e:
        take(clean(), state, transition, actor)
    assert str(e.value).startswith(
        f"{actor.name} må ikke tage skridtet '{WF.transition(transition).label}'"
    )


def test_access_is_asked_before_the_conditions(seed: Catalog) -> None:
    with pytest.raises(AccessDeniedError):
        take(seed.proposal("BC01"), "submitted", "preapprove", TMF_EDITOR)


# --- from a wrong state, an unknown transition -------------------------------------------------


def test_a_transition_from_a_wrong_state_names_where_it_may_start() -> None:
    with pytest.raises(InputError) as e:
        take(clean(), "draft", "approve")
    assert type(e.value) is InputError
    assert str(e.value) == "forslaget er kladde; 'Godkend endeligt' kan kun ske fra i høring"
    with pytest.raises(InputError) as e:
        take(clean(), "realised", "withdraw", TMF_EDITOR)
    assert str(e.value) == (
        "forslaget er realiseret; 'Træk tilbage' kan kun ske fra kladde, indsendt til CFØ, "
        "forhåndsgodkendt af CFØ, i høring, godkendt af CFØ eller behandlet i "
        "Effektiviseringskredsen"
    )


@pytest.mark.parametrize(("transition", "state"), EVERY_STEP)
def test_no_transition_is_taken_from_a_state_it_does_not_leave(transition: str, state: str) -> None:
    t = WF.transition(transition)
    for other in WF.states:
        if other.id not in t.from_states:
            with pytest.raises(InputError, match="kan kun ske fra"):
                take(clean(), other.id, transition)


def test_a_label_that_begins_with_an_abbreviation_keeps_it() -> None:
    named = replace(WF.state("submitted"), label="CFØ har forslaget")
    other = replace(WF, states=tuple(named if s.id == named.id else s for s in WF.states))
    p = clean()
    with pytest.raises(InputError) as e:
        require_transition(other, "submitted", "submit", CFO, p, KK, check_proposal(p, KK))
    assert (
        str(e.value) == "forslaget er CFØ har forslaget; 'Indsend til CFØ' kan kun ske fra kladde"
    )


def test_an_unknown_transition_is_refused() -> None:
    with pytest.raises(InputError) as e:
        take(clean(), "draft", "publish")
    assert str(e.value) == "overgangen 'publish' findes ikke"


# --- properties ---------------------------------------------------------------------------


@given(st.sampled_from([s.id for s in WF.states]))
def test_every_available_transition_leaves_the_state_for_a_state(state: str) -> None:
    ids = {s.id for s in WF.states}
    for t in WF.available(state):
        assert state in t.from_states
        assert t.to in ids
        assert set(t.from_states) <= ids


@given(st.lists(st.integers(min_value=0, max_value=20), max_size=15))
def test_current_follows_the_last_event_of_a_walk(choices: list[int]) -> None:
    state, events = WF.initial, list[Event]()
    assert current(WF.initial, events) == WF.initial
    for choice in choices:
        available = WF.available(state)
        if not available:
            break
        t = take(clean(), state, available[choice % len(available)].id)
        events.append(Event(transition=t.id, from_state=state, to_state=t.to, who="x", when=NOW))
        state = t.to
        assert current(WF.initial, events) == events[-1].to_state == state
