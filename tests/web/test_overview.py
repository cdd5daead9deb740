# SPDX-License-Identifier: MPL-2.0
"""The round on one page: each proposal's state and what its waiting steps miss, the goals
overdue for evidence on the day asked, and nothing of a confidential proposal for a reader
who may only see its row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import unescape

from django.test import Client

from gevinst.core.lifecycle import Event
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
PAGE = f"/katalog/{KEY}/overblik/"
Login = Callable[[str], Client]


def _take(ident: str, *steps: tuple[str, str, str]) -> None:
    """Record ``steps`` (transition, from, to) as taken, as an import of a past round does."""
    store = DatabaseStore()
    for n, (transition, before, after) in enumerate(steps):
        when = datetime(2024, 6, 1, tzinfo=UTC)
        event = Event(
            transition=transition, from_state=before, to_state=after, who="cfo", when=when
        )
        store.add_event(KEY, ident, event, expected_count=n)


def _html(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_cfo_sees_every_state_and_what_a_waiting_step_misses(login: Login) -> None:
    _take("F6", ("submit", "draft", "submitted"))
    html = _html(login("cfo"), PAGE + "?dato=2025-12-31")
    assert "9 forslag:\nKladde 8, Indsendt til CFØ 1." in html
    # BC01 has errors: CFØ's pre-approval of a submitted proposal waits for them
    _take("BC01", ("submit", "draft", "submitted"))
    html = _html(login("cfo"), PAGE + "?dato=2025-12-31")
    assert "Forhåndsgodkend:</p><ul><li>Ingen fejl i forslagets tal:" in html
    assert "<td>Send tilbage til forvaltningen, Forhåndsgodkend, Træk tilbage</td>" in html


def test_a_reader_is_told_a_confidential_proposal_is_left_out(login: Login) -> None:
    html = _html(login("reader"), PAGE)
    assert "1 fortroligt forslag er ikke vist" in html
    assert "/forslag/F1/" not in html
    assert "/forslag/F1/" in _html(login("cfo"), PAGE)


def test_a_day_that_cannot_be_read_is_named(login: Login) -> None:
    response = login("cfo").get(PAGE + "?dato=31-12-2025")
    assert response.status_code == 400
    assert "datoen 31-12-2025 kan ikke læses" in unescape(response.content.decode())


def test_the_catalog_links_to_its_overview_and_it_to_the_rest_of_the_round(
    login: Login,
) -> None:
    assert f'href="{PAGE}"' in _html(login("reader"), f"/katalog/{KEY}/")
    html = _html(login("reader"), PAGE + "?dato=2025-12-31")
    for page in ("opfoelgning/?dato=2025-12-31", "gevinstrealisering/", "versioner/"):
        assert f'href="/katalog/{KEY}/{page}"' in html


def test_the_target_and_the_pool_are_on_the_page(login: Login) -> None:
    html = _html(login("cfo"), PAGE)
    # Forslag 7's Tabel 4: the target 41,9 mio. kr. met with 43,1 on Service
    total = html[html.index("Hele kommunen") :]
    cells = total[: total.index("</tr>")]
    assert [c in cells for c in ("-41.920", "-43.142", "-1.222", "nået")] == [True] * 4
    assert 'id="pulje"' in html
