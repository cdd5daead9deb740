# SPDX-License-Identifier: MPL-2.0
"""A proposal's lifecycle on the web: its state on the catalog overview (a column and a
filter) and on its page, the transitions the user may take as buttons and those not yet
possible with what they miss, a refused transition (422) and a stale page (409) changing
nothing, every move audited and listed in the history."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from django.conf import settings
from django.test import Client

from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
CATALOG = f"/katalog/{KEY}/"
Login = Callable[[str], Client]


def _page(ident: str) -> str:
    return f"{CATALOG}forslag/{ident}/"


def _move(client: Client, ident: str, transition: str, comment: str = "") -> int:
    """Take ``transition`` as from a page opened now; the response's status."""
    count = len(DatabaseStore().events(KEY, ident))
    response = client.post(
        _page(ident) + "status/",
        {"transition": transition, "comment": comment, "expected_count": count},
    )
    return response.status_code


def _html(client: Client, address: str) -> str:
    return unescape(client.get(address).content.decode())


def test_every_proposal_starts_as_a_draft_with_its_status_on_the_overview(login: Login) -> None:
    html = _html(login("reader"), CATALOG)
    assert '<th scope="col">Status</th>' in html
    # the eight proposals the reader reads in full; where confidential F1 stands is not
    # published, only its row
    assert html.count("<td>Kladde</td>") == 8
    assert _html(login("cfo"), CATALOG).count("<td>Kladde</td>") == 9
    assert 'name="status"' in html and '<option value="submitted"' in html


def test_an_editor_submits_and_the_overview_filters_by_status(login: Login) -> None:
    editor = login("editor-okf")
    html = _html(editor, _page("F6"))
    assert "Forslaget er nu: <strong>Kladde</strong>" in html
    assert 'name="transition" value="submit"' in html
    assert 'value="preapprove"' not in html  # CFØ's step, not the editor's
    assert _move(editor, "F6", "submit", "klar til CFØ") == 302
    assert [e.to_state for e in DatabaseStore().events(KEY, "F6")] == ["submitted"]
    moved = AuditEvent.objects.get(action="move", proposal="F6", user__username="editor-okf")
    assert moved.detail["transition"] == "submit" and moved.detail["to_state"] == "submitted"
    html = _html(editor, _page("F6"))
    assert "Forslaget er nu: <strong>Indsendt til CFØ</strong>" in html
    shown = _html(login("reader"), CATALOG + "?status=submitted")
    assert "1 af 9 forslag" in shown and f'href="{_page("F6")}"' in shown
    assert f'href="{_page("BC01")}"' not in shown


def test_a_refused_step_says_what_is_missing_and_changes_nothing(login: Login) -> None:
    assert _move(login("editor-okf"), "BC01", "submit") == 302
    cfo = login("cfo")
    html = _html(cfo, _page("BC01"))
    # preapproval needs no error findings, and BC01 has some: shown disabled with the reason
    assert "Forhåndsgodkend</button>" in html and "Ingen fejl i forslagets tal" in html
    response = cfo.post(
        _page("BC01") + "status/", {"transition": "preapprove", "expected_count": 1}
    )
    assert response.status_code == 422
    html = unescape(response.content.decode())
    assert "„Forhåndsgodkend“ kan ikke ske endnu" in html
    assert "Ingen fejl i forslagets tal: " in html
    assert [e.to_state for e in DatabaseStore().events(KEY, "BC01")] == ["submitted"]
    assert not AuditEvent.objects.filter(action="move", user__username="cfo").exists()


def test_a_move_from_a_stale_page_is_a_conflict(login: Login) -> None:
    editor = login("editor-okf")
    assert _move(editor, "F6", "submit") == 302
    # a second tab opened before the submit still says draft, with no events seen
    response = login("cfo").post(
        _page("F6") + "status/", {"transition": "withdraw", "expected_count": 0}
    )
    assert response.status_code == 409
    assert "har skiftet status" in unescape(response.content.decode())
    assert [e.to_state for e in DatabaseStore().events(KEY, "F6")] == ["submitted"]


def test_a_reader_may_not_move_a_proposal(login: Login) -> None:
    reader = login("reader")
    assert 'name="transition"' not in _html(reader, _page("F6"))
    assert _move(reader, "F6", "submit") == 403
    assert DatabaseStore().events(KEY, "F6") == []


def test_the_history_lists_every_step_with_who_and_why(login: Login) -> None:
    assert _move(login("editor-okf"), "F6", "submit", "klar til CFØ") == 302
    cfo = login("cfo")
    assert _move(cfo, "F6", "preapprove", "tallene passer") == 302
    assert _move(cfo, "F6", "consult") == 302
    html = _html(login("reader"), _page("F6") + "historik/")
    for text in ("Indsend til CFØ", "klar til CFØ", "editor-okf", "Forhåndsgodkend"):
        assert text in html
    assert "tallene passer" in html and "Send i høring" in html and "I høring" in html
    assert html.index("Indsend til CFØ") < html.index("Send i høring")


def test_the_status_panel_in_english(login: Login) -> None:
    client = login("editor-okf")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = _html(client, _page("F6"))
    assert "The proposal is now: <strong>Kladde</strong>" in html
    assert "Comment on the step" in html


def test_a_step_that_is_not_there_or_not_from_here_is_refused_at_once(login: Login) -> None:
    cfo = login("cfo")
    assert _move(cfo, "F6", "fly") == 400
    response = cfo.post(_page("F6") + "status/", {"transition": "consult", "expected_count": 0})
    assert response.status_code == 400
    assert "'Send i høring' kan kun ske fra forhåndsgodkendt" in unescape(response.content.decode())
    assert cfo.post(_page("F6") + "status/", {"transition": "submit"}).status_code == 400
    assert DatabaseStore().events(KEY, "F6") == []
