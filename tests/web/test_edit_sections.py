# SPDX-License-Identifier: MPL-2.0
"""The editor covers every section: the texts of sections 1 to 7, the administrations, the
risk level, the follow-up goals, the consultations and the distribution keys round-trip
through a save, lists are added to and removed from, a key's weights move Tabel A, and a
value that cannot be read is said at its field with what was typed kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from django.test import Client

from gevinst.web.store import DatabaseStore
from tests.web.forms import form_data, opened

KEY = "kk-budget-2025"
EDIT = f"/katalog/{KEY}/forslag/BC01/rediger/"
Login = Callable[[str], Client]


def _open(client: Client) -> dict[str, Any]:
    return opened(client, EDIT)


def _saved(client: Client, data: dict[str, Any]) -> dict[str, Any]:
    response = client.post(EDIT, data | {"why": "test", "op": "save"})
    assert response.status_code == 302, unescape(response.content.decode())
    return DatabaseStore().proposal(KEY, "BC01").document


def _weight_field(data: dict[str, Any], key: int, unit: str) -> str:
    [j] = [
        name.rsplit("-", 1)[1]
        for name, value in data.items()
        if name.startswith(f"key-{key}-unit-") and value == unit
    ]
    return f"key-{key}-weight-{j}"


@pytest.mark.parametrize("ident", ["BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7"])
def test_a_save_of_the_form_as_opened_changes_nothing(login: Login, ident: str) -> None:
    client = login("cfo")
    edit = f"/katalog/{KEY}/forslag/{ident}/rediger/"
    before = DatabaseStore().proposal(KEY, ident).document
    data = form_data(client.get(edit).content.decode())
    response = client.post(edit, data | {"why": "uændret", "op": "save"})
    assert response.status_code == 302, unescape(response.content.decode())
    assert DatabaseStore().proposal(KEY, ident).document == before


@pytest.mark.parametrize(
    ("field", "typed", "place", "expected"),
    [
        ("summary", "Nyt resumé.", ("summary",), "Nyt resumé."),
        ("economy_text", "Økonomien i ord.", ("economy_text",), "Økonomien i ord."),
        ("distribution_text", "Fordelt efter tabel ii.", ("distribution_text",), None),
        ("followup_text", "Følges kvartalsvis.", ("followup_text",), None),
        ("risk_level", "middel", ("risk", "level"), None),
        ("risk_text", "Risikoen er lav.", ("risk", "text"), None),
        ("admin_text", "Kun administration.", ("admin", "text"), None),
        ("partners_text", "- KS/KIT", ("partners_text",), None),
        ("technical_text", "Se tabel A.", ("technical_text",), None),
    ],
)
def test_each_text_of_the_sections_round_trips(
    login: Login, field: str, typed: str, place: tuple[str, ...], expected: str | None
) -> None:
    client = login("editor-okf")
    saved: Any = _saved(client, _open(client) | {field: typed})
    for step in place:
        saved = saved[step]
    assert saved == (expected or typed)
    assert form_data(client.get(EDIT).content.decode())[field] == typed


def test_the_administrations_are_ticked_and_unticked(login: Login) -> None:
    client = login("cfo")
    data = _open(client)
    assert data["presenting"] == "ØKF" and "BIF" in data["affected"]
    affected = [c for c in data["affected"] if c != "BIF"]
    saved = _saved(client, data | {"affected": affected, "presenting": ["ØKF", "SOF"]})
    assert saved["affected"] == ["ØKF", "KFF", "BUF", "SUF", "SOF", "TMF"]
    assert saved["presenting"] == ["ØKF", "SOF"]


def test_an_editor_cannot_hand_the_proposal_to_another_administration(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client) | {"presenting": "SOF", "summary": "skrevet", "why": "x", "op": "save"}
    response = client.post(EDIT, data)
    html = unescape(response.content.decode())
    assert response.status_code == 422 and "må ikke rette forslag BC01" in html
    assert form_data(html)["summary"] == "skrevet"  # nothing typed is lost
    assert len(DatabaseStore().versions(KEY, "BC01")) == 1


def test_a_follow_up_goal_is_added_and_removed(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client)
    assert data["goals"] == "6"
    added = form_data(client.post(EDIT, data | {"op": "goals:add"}).content.decode())
    assert added["goals"] == "7" and added["goal-6-phase"] == "realisation"
    goal = {"goal-6-goal": "Ny løsning i brug", "goal-6-measure": "Antal brugere"}
    goal |= {"goal-6-responsible": "Koncernservice", "goal-6-when": "Q4 2027"}
    saved = _saved(client, added | goal)
    assert saved["followup"][6] == {
        "phase": "realisation",
        "goal": "Ny løsning i brug",
        "measure": "Antal brugere",
        "responsible": "Koncernservice",
        "when": "Q4 2027",
    }
    data = _open(client)
    removed = form_data(client.post(EDIT, data | {"op": "goals:remove-0"}).content.decode())
    saved = _saved(client, removed)
    assert len(saved["followup"]) == 6
    assert saved["followup"][0]["goal"].startswith("KK’s praksis")


def test_a_consultation_is_changed_moved_and_added(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client) | {
        "heard-1-heard": "ja",
        "heard-1-dates": "2024-05-01, 2024-05-08",
        "heard-1-text": "Godkendt i IT-kredsen.",
    }
    moved = form_data(client.post(EDIT, data | {"op": "consultations:up-1"}).content.decode())
    added = form_data(client.post(EDIT, moved | {"op": "consultations:add"}).content.decode())
    n = int(added["consultations"]) - 1
    saved = _saved(client, added | {f"heard-{n}-body": "MED-udvalget", f"heard-{n}-heard": "nej"})
    first, last = saved["consultations"][0], saved["consultations"][-1]
    assert first["body"] == "IT-kredsen" and first["heard"] is True
    assert first["dates"] == [dt.date(2024, 5, 1), dt.date(2024, 5, 8)]
    assert first["text"] == "Godkendt i IT-kredsen." and first["kind"] == "it-kredsen"
    assert saved["consultations"][1]["body"].startswith("Center for Økonomi")
    assert last == {
        "body": "MED-udvalget",
        "kind": "other",
        "heard": False,
        "dates": [],
        "text": "",
        "header": "",
    }


def test_a_date_that_does_not_exist_is_said_at_its_field(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client) | {"heard-0-dates": "2024-02-30", "why": "dato", "op": "save"}
    response = client.post(EDIT, data)
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert 'aria-describedby="err-heard-0-dates"' in html
    assert 'id="err-heard-0-dates">' in html and "'2024-02-30' er ikke en gyldig dato" in html
    assert form_data(html)["heard-0-dates"] == "2024-02-30"
    assert len(DatabaseStore().versions(KEY, "BC01")) == 1


def _table_a(client: Client, data: dict[str, Any]) -> dict[str, dict[int, Any]]:
    response = client.post(EDIT + "beregn/", data)
    return {unit: dict(s.items()) for unit, s in response.context["table_a"]}


def test_a_key_weight_moves_tabel_a(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client)
    before = _table_a(client, data)
    assert before["BIU"][2027] != -880
    # e3 (-880 from 2027) split by the key ledere: all of it to BIF when it alone has weight
    weights = {name: "" for name in data if name.startswith("key-0-weight-")}
    only_bif = data | weights | {_weight_field(data, 0, "BIF"): "1"}
    after = _table_a(client, only_bif)
    assert after["BIU"][2027] == -880 and after["BIU"][2026] == -550
    # the other administrations' committees had only their share of e3
    assert "BUU" not in after and "ØU" not in after
    assert after["Koncernservice"] == before["Koncernservice"]
    saved = _saved(client, only_bif)
    assert saved["keys"]["ledere"]["weights"] == {"BIF": 1}


def test_a_line_is_booked_by_a_new_key(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client)
    added = form_data(client.post(EDIT, data | {"op": "keys:add"}).content.decode())
    assert added["keys"] == "2" and added["key-1-name"] == "nøgle1"
    added |= {"key-1-name": "halvt", "key-1-kind": "equal", "key-1-text": "Ligeligt"}
    added |= {_weight_field(added, 1, "SOF"): "1", _weight_field(added, 1, "BUF"): "1"}
    added |= {"line-0-unit": "key:halvt"}  # e1, -297 from 2026, until now to Koncernservice
    before, after = _table_a(client, data), _table_a(client, added)
    moved = {u: after[u][2027] - before[u].get(2027, 0) for u in ("SU", "BUU", "Koncernservice")}
    # e1 leaves Koncernservice and falls in halves (whole t.kr.) on SOF's and BUF's committees
    assert moved["Koncernservice"] == 297 and {moved["SU"], moved["BUU"]} <= {-148, -149}
    assert sum(s[2027] for s in after.values()) == sum(s[2027] for s in before.values())
    saved = _saved(client, added)
    assert saved["lines"][0]["booking"] == {"key": "halvt"}
    assert saved["keys"]["halvt"] == {
        "text": "Ligeligt",
        "kind": "equal",
        "weights": {"SOF": 1, "BUF": 1},
    }


def test_a_weight_that_cannot_be_read_is_said_at_its_cell(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client)
    cell = _weight_field(data, 0, "BIF")
    response = client.post(EDIT, data | {cell: "mange", "why": "vægt", "op": "save"})
    html = unescape(response.content.decode())
    j = cell.rsplit("-", 1)[1]
    assert response.status_code == 422
    assert f'aria-describedby="err-key-0-{j}"' in html and "'mange' er ikke et tal" in html
    assert form_data(html)[cell] == "mange"


def test_a_key_named_twice_is_said_at_its_name(login: Login) -> None:
    client = login("editor-okf")
    data = _open(client)
    added = form_data(client.post(EDIT, data | {"op": "keys:add"}).content.decode())
    response = client.post(EDIT, added | {"key-1-name": "ledere", "why": "x", "op": "save"})
    html = unescape(response.content.decode())
    assert response.status_code == 422 and 'id="err-key-1-name"' in html
    assert "navnet 'ledere' er brugt af en anden nøgle" in html


def test_a_budget_move_and_a_basis_table_row_are_edited(login: Login) -> None:
    """F4 moves 300 t.kr. from Koncern IT to TMU (Tabel B); its basis tables hold the
    development costs per track. A move's amount changed, a basis row added: both saved."""
    client = login("cfo")
    address = f"/katalog/{KEY}/forslag/F4/rediger/"
    data = opened(client, address)
    assert data["move-0-from"] == "Koncern IT" and data["move-0-2025"] == "300"
    [table] = [k for k, v in data.items() if k.endswith("-id") and v == "udvikling"]
    k = table.split("-")[1]
    added = client.post(address, data | {"op": f"basis-{k}:add"})
    assert added.status_code == 200
    data = form_data(added.content.decode())
    rows = int(data[f"basis-{k}-rows"])
    data |= {
        "move-0-2025": "250",
        f"basis-{k}-row-{rows - 1}-label": "Spor 4 ekstern bistand",
        f"basis-{k}-row-{rows - 1}-0": "120",
        f"basis-{k}-row-{rows - 1}-1": "1.250",
        "why": "flytning og spor 4",
        "op": "save",
    }
    assert client.post(address, data).status_code == 302
    saved = DatabaseStore().proposal(KEY, "F4").document
    assert saved["budget_moves"][0]["amounts"][2025] == 250
    [udvikling] = [b for b in saved["basis"] if b["id"] == "udvikling"]
    assert udvikling["rows"][-1] == {
        "label": "Spor 4 ekstern bistand",
        "values": {"Timer": 120, "t. kr.": 1250},
    }
