# SPDX-License-Identifier: MPL-2.0
"""Changes after approval go through a change request: from Copenhagen's profile's
``change_requests_from`` (CFØ's final approval) on, and only CFØ decides, once."""

from __future__ import annotations

import datetime as dt

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.change_requests import (
    ChangeRequest,
    Decision,
    needs_change_request,
    require_decision,
)
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.model import Catalog

WHEN = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
REQUEST = ChangeRequest(
    number=1, proposal="BC01", base="a", proposed="b", why="ny pris", who="okf", when=WHEN
)
CFO = Actor(name="cfo", edits=Edits.CATALOG, reads_confidential=True)
EDITOR = Actor(name="okf", administration="ØKF", edits=Edits.OWN)


def test_from_cfos_final_approval_on_an_edit_is_a_change_request(seed: Catalog) -> None:
    flow = seed.profile.workflow
    assert flow is not None and flow.change_requests_from == "approved_cfo"
    needs = {s.id for s in flow.states if needs_change_request(flow, s.id)}
    assert needs == {
        "approved_cfo",
        "efficiency_circle",
        "approved_committees",
        "in_budget",
        "implementing",
        "realised",
        "partly_realised",
        "withdrawn",
    }
    assert not needs_change_request(None, "draft")


def test_only_cfo_decides_and_a_rejection_says_why() -> None:
    with pytest.raises(AccessDeniedError, match="okf må ikke afgøre ændringsanmodning 1"):
        require_decision(EDITOR, REQUEST, True, "")
    with pytest.raises(InputError, match="skriv hvorfor"):
        require_decision(CFO, REQUEST, False, " ")
    require_decision(CFO, REQUEST, False, "for sent")
    require_decision(CFO, REQUEST, True, "")


def test_a_request_is_decided_once() -> None:
    decided = ChangeRequest(
        **{**REQUEST.__dict__, "decision": Decision(accepted=True, who="cfo", when=WHEN)}
    )
    assert not decided.is_open and REQUEST.is_open
    with pytest.raises(ConflictError, match="allerede godkendt af cfo"):
        require_decision(CFO, decided, False, "alligevel ikke")
