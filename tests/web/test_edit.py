# SPDX-License-Identifier: MPL-2.0
"""The proposal editor: figures follow as typed, a save is a new version, bad figures are
said at their cell, and two saves from the same version merge or ask."""

from __future__ import annotations

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


def _form(client: Client) -> dict[str, Any]:
    return opened(client, EDIT)


def test_the_editor_opens_with_the_lines_as_danish_figures(login: Login) -> None:
    data = _form(login("editor-okf"))
    assert data["lines"] == "5" and data["line-2-2027"] == "-880" and data["line-3-2026"] == "750"


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_only_those_who_may_edit_open_the_editor(login: Login, username: str) -> None:
    response = login(username).get(EDIT)
    assert response.status_code == 403


def test_the_derived_figures_follow_what_is_typed(login: Login) -> None:
    client = login("editor-okf")
    data = _form(client) | {"line-2-2027": "-1.000"}
    html = client.post(EDIT + "beregn/", data).content.decode()
    # Samlet varig ændring 2026 and 2027: -297 - 297 - 1.000 in 2027, 2026 as before
    assert '<td class="num">-1.144</td><td class="num">-1.594</td>' in html


def test_a_save_is_a_new_version_with_its_reason(login: Login) -> None:
    client = login("editor-okf")
    data = _form(client) | {"line-2-2027": "-1.000", "why": "ny beregning", "op": "save"}
    response = client.post(EDIT, data)
    assert response.status_code == 302
    versions = DatabaseStore().versions(KEY, "BC01")
    assert len(versions) == 2 and versions[-1].why == "ny beregning"
    assert versions[-1].who == "editor-okf"
    saved = DatabaseStore().proposal(KEY, "BC01").document
    assert saved["lines"][2]["amounts"][2027] == -1000


def test_a_figure_that_cannot_be_read_is_said_at_its_cell_and_nothing_is_saved(
    login: Login,
) -> None:
    client = login("editor-okf")
    data = _form(client) | {"line-2-2027": "1.14", "why": "fejl", "op": "save"}
    response = client.post(EDIT, data)
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert 'id="err-2-2027"' in html and "'1.14' er ikke et tal" in html
    assert 'value="1.14"' in html  # what was typed is kept
    assert len(DatabaseStore().versions(KEY, "BC01")) == 1


def test_a_save_without_a_reason_is_refused(login: Login) -> None:
    client = login("editor-okf")
    response = client.post(EDIT, _form(client) | {"why": " ", "op": "save"})
    assert response.status_code == 422 and "angiv hvorfor" in unescape(response.content.decode())


def test_a_line_is_added_moved_and_removed(login: Login) -> None:
    client = login("editor-okf")
    data = _form(client)
    added = client.post(EDIT, data | {"op": "lines:add"}).context["form"]
    assert [r.id for r in added.rows][-1] == "n1" and len(added.rows) == 6
    moved = client.post(EDIT, data | {"op": "lines:up-1"}).context["form"]
    assert [r.id for r in moved.rows][:2] == ["e2", "e1"]
    removed = client.post(EDIT, data | {"op": "lines:remove-0"}).context["form"]
    assert removed.rows[0].id == "e2"


def test_two_saves_of_different_places_are_merged(login: Login) -> None:
    okf, cfo = login("editor-okf"), login("cfo")
    mine, theirs = _form(okf), _form(cfo)
    assert (
        cfo.post(EDIT, theirs | {"title": "CFØ's titel", "why": "titel", "op": "save"}).status_code
        == 302
    )
    response = okf.post(EDIT, mine | {"line-2-2027": "-1.000", "why": "tal", "op": "save"})
    assert response.status_code == 409 and "flettet sammen" in unescape(response.content.decode())
    merged = response.context["form"]
    assert merged.texts["title"] == "CFØ's titel" and merged.rows[2].amounts[2027] == "-1.000"
    assert len(DatabaseStore().versions(KEY, "BC01")) == 2  # nothing saved until asked again


def test_two_saves_of_the_same_cell_ask_which_to_keep(login: Login) -> None:
    okf, cfo = login("editor-okf"), login("cfo")
    mine, theirs = _form(okf), _form(cfo)
    cfo.post(EDIT, theirs | {"line-2-2027": "-900", "why": "CFØ", "op": "save"})
    response = okf.post(EDIT, mine | {"line-2-2027": "-1.000", "why": "tal", "op": "save"})
    assert response.status_code == 409
    [conflict] = response.context["conflicts"]
    assert conflict.place == "lines[e3].amounts[2027]"
    assert (conflict.theirs, conflict.mine) == (-900, -1000)
    chosen = okf.post(
        EDIT,
        form_data(response.content.decode())
        | {"op": "resolve", "mine": response.context["mine"], "take": conflict.place, "why": "tal"},
    )
    assert chosen.context["form"].rows[2].amounts[2027] == "-1.000"


def test_a_tampered_edit_sent_back_is_refused_with_a_message(login: Login) -> None:
    """The user's own edit travels back through their browser while they resolve a
    conflict: nesting that would overflow Python's parser is said, not a server error."""
    client = login("editor-okf")
    deep = "[" * 5000 + "]" * 5000
    response = client.post(EDIT, _form(client) | {"op": "resolve", "mine": deep})
    assert response.status_code == 400
    assert "indlejret mere end" in unescape(response.content.decode())


def test_the_live_figures_are_refused_before_the_form_is_read(login: Login) -> None:
    """A reader's post to the recompute is refused at once, whatever it claims to hold."""
    base = DatabaseStore().proposal(KEY, "BC01").version
    response = login("reader").post(EDIT + "beregn/", {"base": base, "lines": "300000"})
    assert response.status_code == 403


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 40])
def test_a_count_that_is_not_a_plain_number_is_no_server_error(login: Login, value: str) -> None:
    client = login("editor-okf")
    data = _form(client) | {"lines": value}
    assert client.post(EDIT + "beregn/", data).status_code == 200
    assert client.post(EDIT, data | {"op": f"lines:remove-{value}"}).status_code == 200


def test_a_stated_figure_is_edited_and_checked_as_typed(login: Login) -> None:
    """BC01's Tabel 1 states no 2027 figure that differs; stating -1.144 for "Samlet varig
    ændring" there makes the check say so at once, and the save keeps it."""
    client = login("editor-okf")
    data = _form(client)
    [row] = [k for k, v in data.items() if k.endswith("-row") and v == "varig"]
    i = row.split("-")[1]
    typed = data | {f"stated-{i}-2027": "-1.144"}
    html = unescape(client.post(EDIT + "beregn/", typed).content.decode())
    assert "angivet -1.144, beregnet -1.474" in html
    response = client.post(EDIT, typed | {"why": "angivet tal", "op": "save"})
    assert response.status_code == 302
    saved = DatabaseStore().proposal(KEY, "BC01").document
    assert saved["stated"]["1"]["varig"][2027] == -1144
