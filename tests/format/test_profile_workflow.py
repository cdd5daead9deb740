# SPDX-License-Identifier: MPL-2.0
"""The profile's ``workflow``: Copenhagen's as kk.yaml states it, and each way a workflow can
name what is not there refused in Danish, with its place."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.errors import FormatError
from gevinst.core.findings import Severity
from gevinst.format import schema as s
from gevinst.format.reader import load_profile

KK_DATA: dict[str, Any] = yaml.safe_load(
    resources.files("gevinst.profiles").joinpath("kk.yaml").read_text(encoding="utf-8")
)


def written(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = copy.deepcopy(KK_DATA)
    change(data)
    path = tmp_path / "profil.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problems(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> list[str]:
    with pytest.raises(FormatError) as e:
        load_profile(str(written(tmp_path, change)))
    return [p.message for p in e.value.problems]


def transition(data: dict[str, Any], id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in data["workflow"]["transitions"] if t["id"] == id)
    return found


def test_copenhagens_workflow() -> None:
    kk = load_profile("kk")
    wf = kk.workflow
    assert wf is not None
    assert wf.initial == "draft"
    assert [st.id for st in wf.states] == [
        "draft",
        "submitted",
        "preapproved",
        "consultation",
        "approved_cfo",
        "efficiency_circle",
        "approved_committees",
        "in_budget",
        "implementing",
        "realised",
        "partly_realised",
        "withdrawn",
    ]
    approve = wf.transition("approve")
    assert (approve.from_states, approve.to, approve.by) == (
        ("consultation",),
        "approved_cfo",
        "catalog",
    )
    assert approve.requires == ("no_errors", "consulted", "tables", "review")
    assert wf.transition("submit").by == "own"
    assert wf.condition("no_errors").severity is Severity.ERROR
    assert wf.condition("cfo").rules == ("template-cfo",)
    review = wf.condition("review")
    assert (review.investment_at_least, review.kind) == (Decimal(15000), "it-raadet")
    assert kk.consultation_kinds["it-raadet"] == "Statens It-råd"


def test_a_profile_without_a_workflow_has_none(tmp_path: Path) -> None:
    assert load_profile(str(written(tmp_path, lambda d: d.pop("workflow")))).workflow is None


def test_a_proposal_may_record_the_it_council() -> None:
    heard = s.ConsultationModel(body="Statens It-råd", kind="it-raadet", heard=True)
    assert heard.kind == "it-raadet"


def test_an_unknown_state_in_a_transition(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        transition(d, "submit")["to"] = "sent"
        transition(d, "consult")["from"] = ["preapproved", "waiting"]

    assert problems(tmp_path, change) == [
        "overgangen 'submit': tilstanden 'sent' findes ikke under states; "
        "overgangen 'consult': tilstanden 'waiting' findes ikke under states"
    ]


def test_an_unknown_initial_state(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["workflow"]["initial"] = "kladde"

    assert problems(tmp_path, change) == ["initial: tilstanden 'kladde' findes ikke under states"]


def test_an_unknown_condition(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        transition(d, "preapprove")["requires"] = ["no_errors", "signed"]

    assert problems(tmp_path, change) == [
        "overgangen 'preapprove': betingelsen 'signed' findes ikke under conditions"
    ]


def test_a_transition_or_state_id_twice(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["workflow"]["transitions"].append(copy.deepcopy(transition(d, "submit")))
        d["workflow"]["states"].append({"id": "draft", "label": "Kladde igen"})

    assert problems(tmp_path, change) == [
        "tilstanden 'draft' står to gange; overgangen 'submit' står to gange"
    ]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ({"label": "Intet"}, "en betingelse skal have rules, severity eller investment_at_least"),
        (
            {"label": "Stor", "investment_at_least": 1000},
            "investment_at_least og kind skal angives sammen",
        ),
        ({"label": "Hørt", "kind": "it-raadet"}, "investment_at_least og kind skal angives sammen"),
    ],
)
def test_a_condition_with_nothing_to_check(
    tmp_path: Path, condition: dict[str, Any], message: str
) -> None:
    def change(d: dict[str, Any]) -> None:
        d["workflow"]["conditions"]["no_errors"] = condition

    with pytest.raises(FormatError) as e:
        load_profile(str(written(tmp_path, change)))
    [problem] = e.value.problems
    assert problem.message == message
    assert problem.field == "workflow.conditions.no_errors"
    assert problem.line == _line_after(problem.path, "    no_errors:")


def _line_after(path: Path, start: str) -> int:
    """The line after the one that begins with ``start``: a block mapping's first line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, start=2) if text.startswith(start))


def test_a_review_by_a_body_the_profile_does_not_know(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["consultation_kinds"].pop("it-raadet")

    assert problems(tmp_path, change) == [
        "workflow.conditions.review: kind 'it-raadet' findes ikke under consultation_kinds"
    ]


def test_who_may_is_own_or_catalog(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        transition(d, "submit")["by"] = "cfo"

    assert problems(tmp_path, change) == ["skal være 'own' eller 'catalog'"]


def test_a_transition_from_nowhere(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        transition(d, "submit")["from"] = []

    assert problems(tmp_path, change) == ["skal have mindst 1 element"]


NAMES = st.sampled_from(["a", "b", "c", "d"])


@given(
    states=st.lists(NAMES, min_size=1, max_size=4, unique=True),
    steps=st.lists(st.tuples(st.lists(NAMES, min_size=1, max_size=3), NAMES), max_size=5),
    initial=NAMES,
)
def test_a_workflow_is_accepted_exactly_when_its_transitions_join_its_states(
    states: list[str], steps: list[tuple[list[str], str]], initial: str
) -> None:
    data = {
        "initial": initial,
        "states": [{"id": x, "label": x.upper()} for x in states],
        "transitions": [
            {"id": f"t{i}", "from": sources, "to": to, "label": f"T{i}", "by": "catalog"}
            for i, (sources, to) in enumerate(steps)
        ],
    }
    named = {initial, *(x for sources, to in steps for x in (*sources, to))}
    if named <= set(states):
        wm = s.WorkflowModel.model_validate(data)
        assert all({*t.from_, t.to} <= set(states) for t in wm.transitions)
    else:
        with pytest.raises(ValueError, match="findes ikke under states"):
            s.WorkflowModel.model_validate(data)
