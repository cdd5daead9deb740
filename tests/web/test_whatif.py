# SPDX-License-Identifier: MPL-2.0
"""The what-if panel of a proposal's page: an assumption, a parameter or a phase-in changed,
payback and the committee split follow as `gevinst whatif` computes them, nothing is saved,
and a value that cannot be used is said at its field with what was typed kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gevinst.cli.main import main
from gevinst.services.whatif import parse_number
from gevinst.stores.base import Change
from gevinst.web import whatif
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore
from tests.paths import SEED
from tests.web.forms import form_data

KEY = "kk-budget-2025"
PAGE = f"/katalog/{KEY}/forslag/BC01/"
WHATIF = PAGE + "hvad-nu-hvis/"
HTMX = {"HX-Request": "true"}
Login = Callable[[str], Client]


def _fields(client: Client) -> dict[str, Any]:
    response = client.get(PAGE)
    assert response.status_code == 200
    return form_data(response.content.decode(), "whatif-form")


def _asked(client: Client, changes: dict[str, str]) -> tuple[Any, str]:
    response = client.post(WHATIF, _fields(client) | changes, headers=HTMX)
    assert response.status_code == 200
    return response.context["whatif"], unescape(response.content.decode())


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["whatif", str(SEED), "BC01", *args, "--format", "json"]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)["comparison"]
    return out


def test_the_panel_shows_the_basis_as_it_is(login: Login) -> None:
    fields = _fields(login("reader"))
    assert fields["set-aarstimenorm"] == "1262,6"
    assert fields["set-e3.cases"] == "68500; 4000" and fields["shift-e3"] == "0"


def test_a_changed_hour_norm_moves_payback_and_the_committees_as_the_command_line_does(
    login: Login, capsys: pytest.CaptureFixture[str]
) -> None:
    panel, html = _asked(login("reader"), {"set-aarstimenorm": "1400"})
    expected = _cli(capsys, "--set", "aarstimenorm=1400")
    c = panel.report.comparison
    assert expected["payback"]["total"] == {"before": "4 år (2028)", "after": "5 år (2029)"}
    assert {pb.basis: {"before": str(pb.before), "after": str(pb.after)} for pb in c.paybacks} == (
        expected["payback"]
    )
    committees = {f.key: {str(y): int(a) for y, a in f.after.items()} for f in c.committees}
    assert committees == {k: v["after"] for k, v in expected["committees"].items()}
    # as the page shows them: the payback after, and Økonomiudvalget's -764 from 2027
    assert "<strong>5 år (2029)</strong>" in html
    assert '<td class="num">-764</td>' in html and "1.262,6 → 1.400 timer" in html
    assert len(DatabaseStore().versions(KEY, "BC01")) == 1  # nothing saved


def test_a_phase_in_shifted_a_year_moves_payback(
    login: Login, capsys: pytest.CaptureFixture[str]
) -> None:
    panel, _ = _asked(login("editor-okf"), {"shift-e3": "+1"})
    expected = _cli(capsys, "--shift", "e3=+1")
    assert (
        [str(pb.after) for pb in panel.report.comparison.paybacks]
        == [
            expected["payback"]["service"]["after"],
            expected["payback"]["total"]["after"],
        ]
        == ["5 år (2029)", "5 år (2029)"]
    )


def test_a_parameter_of_a_line_is_changed(login: Login) -> None:
    panel, html = _asked(login("reader"), {"set-e3.cases": "68500; 8000"})
    [e3] = [f for f in panel.report.comparison.lines if f.key == "e3"]
    # (68.500 x 1 + 8.000 x 3) / 60 / 1.262,6 x 828 = 1.011,1 t.kr. a year from 2027
    assert e3.after[2027] == -1011
    assert "e3.cases: 68.500; 4.000 → 68.500; 8.000" in html


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("set-aarstimenorm", "1.300", "'1.300' er tvetydigt"),
        ("set-aarstimenorm", "mange", "'mange' er ikke et tal"),
        ("set-aarstimenorm", "-1262", "værdien kan ikke være negativ"),
        ("set-aarstimenorm", "0", "deler med nul"),
        ("set-e3.cases", "68500", "angiv 2 tal"),
        ("shift-e3", "et", "antal år skal være et helt tal"),
    ],
)
def test_a_value_that_cannot_be_used_is_said_at_its_field(
    login: Login, name: str, typed: str, message: str
) -> None:
    panel, html = _asked(login("reader"), {name: typed})
    [field] = [f for f in panel.fields if f.error]
    assert message in field.error and panel.report is None
    kind, number = (
        ("shift", panel.shifts.index(field))
        if name.startswith("shift")
        else (
            "set",
            panel.inputs.index(field),
        )
    )
    assert f'aria-describedby="whatif-err-{kind}-{number + 1}"' in html
    assert f'id="whatif-err-{kind}-{number + 1}">' in html
    assert form_data(html, "whatif-form")[name] == typed  # what was typed is kept


def test_nothing_changed_asks_for_a_change(login: Login) -> None:
    panel, html = _asked(login("reader"), {})
    assert panel.report is None and "Ret en antagelse" in html


def test_without_script_the_whole_page_comes_back_with_the_result(login: Login) -> None:
    client = login("reader")
    response = client.post(WHATIF, _fields(client) | {"set-aarstimenorm": "1400"})
    html = unescape(response.content.decode())
    assert response.status_code == 200 and "<h1>" in html and "<strong>5 år (2029)</strong>" in html


def test_a_confidential_proposal_has_no_what_if_for_those_who_may_not_read_it(
    login: Login,
) -> None:
    store = DatabaseStore()
    current = store.proposal(KEY, "BC01")
    document = {**current.document, "confidential": True}
    change = Change(who="cfo", when=timezone.now(), why="fortrolig")
    store.save_proposal(KEY, "BC01", document, base=current.version, change=change)
    reader = login("reader")
    assert "whatif-form" not in reader.get(PAGE).content.decode()
    assert reader.post(WHATIF, {"set-aarstimenorm": "1400"}, headers=HTMX).status_code == 403
    editor = login("editor-okf")
    assert "whatif-form" in editor.get(PAGE).content.decode()
    reads = AuditEvent.objects.filter(action="read-confidential", proposal="BC01").count()
    editor.post(WHATIF, {"set-aarstimenorm": "1400"}, headers=HTMX)
    assert AuditEvent.objects.filter(action="read-confidential", proposal="BC01").count() == (
        reads + 1
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [("1262.6", "1262,6"), ("1.035", "1,0350"), ("0.035", "0,035"), ("68500", "68500")],
)
def test_a_value_is_shown_so_that_it_reads_back_as_itself(value: str, text: str) -> None:
    assert whatif.shown(Decimal(value)) == text
    assert parse_number(text) == Decimal(value)
