# SPDX-License-Identifier: MPL-2.0
"""A catalog's versions on the web (issue 13, item 3): CFØ freezes the catalog as sent, every
user sees what changed since cell by cell and the catalog as of a frozen version or a day
(a confidential proposal as published), an approved proposal's edit becomes a change request
that CFØ accepts (a stale base a 409) or rejects with a note; every act audited, CSRF kept,
the investment pool on the overview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import unescape

from django.test import Client
from django.utils import timezone

from gevinst.core.access import Actor, Edits
from gevinst.core.lifecycle import Event
from gevinst.services import change_requests
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore
from tests.web.forms import opened

KEY = "kk-budget-2025"
CATALOG = f"/katalog/{KEY}/"
VERSIONS = f"{CATALOG}versioner/"
SENT = "Sendt til ØU 2024-05-14"
Login = Callable[[str], Client]
OKF = Actor(name="editor-okf", administration="ØKF", edits=Edits.OWN)


def _html(client: Client, address: str, status: int = 200) -> str:
    response = client.get(address)
    assert response.status_code == status
    return unescape(response.content.decode())


def _save(ident: str, **changes: object) -> None:
    store = DatabaseStore()
    current = store.proposal(KEY, ident)
    doc = {**current.document, **changes}
    change_requests.submit_edit(store, OKF, KEY, ident, doc, base=current.version, why="rettet")


def _approve(ident: str) -> None:
    when = datetime(2026, 2, 1, tzinfo=UTC)
    event = Event(
        transition="approve",
        from_state="consultation",
        to_state="approved_cfo",
        who="cfo",
        when=when,
    )
    DatabaseStore().add_event(KEY, ident, event, expected_count=0)


def test_cfo_freezes_the_catalog_and_others_may_not(login: Login) -> None:
    cfo, okf = login("cfo"), login("editor-okf")
    assert "frys-navn" not in _html(okf, VERSIONS)
    assert okf.post(VERSIONS + "frys/", {"name": SENT}).status_code == 403
    assert cfo.post(VERSIONS + "frys/", {"name": SENT}).status_code == 302
    html = _html(cfo, VERSIONS)
    assert SENT in html and "Kataloget er frosset som “Sendt til ØU 2024-05-14”." in html
    [frozen] = DatabaseStore().frozen_versions(KEY)
    assert (frozen.name, frozen.who, len(frozen.versions)) == (SENT, "cfo", 9)
    assert AuditEvent.objects.filter(action="freeze", detail__name=SENT).count() == 1
    # the same name again is refused, nothing kept
    assert cfo.post(VERSIONS + "frys/", {"name": SENT.lower()}).status_code == 400
    assert len(DatabaseStore().frozen_versions(KEY)) == 1


def test_a_freeze_without_the_csrf_token_is_refused(login: Login) -> None:
    login("cfo")
    client = Client(enforce_csrf_checks=True)
    client.login(username="cfo", password="demo")
    assert client.post(VERSIONS + "frys/", {"name": SENT}).status_code == 403
    assert DatabaseStore().frozen_versions(KEY) == []


def test_what_changed_since_cell_by_cell(login: Login) -> None:
    cfo, reader = login("cfo"), login("reader")
    cfo.post(VERSIONS + "frys/", {"name": SENT})
    changes = f"{VERSIONS}aendringer/?siden={SENT}"
    assert f"Intet er ændret siden {SENT}." in _html(reader, changes)
    _save("BC02", title="Ladestandere på kommunale ejendomme")
    _save("F7", remarks=["intern note"])
    html = _html(reader, changes)
    assert "Ændringer i BC02, celle for celle" in html
    removed = "<del>Effektivisering ved opsætning af ladestandere til elbiler</del>"
    assert removed in html and "<ins>Ladestandere</ins> på kommunale ejendomme" in html
    assert "<code>remarks[0]</code>" in html  # F7 is not confidential
    assert _html(reader, f"{VERSIONS}aendringer/?siden=Sendt til BR", 404)


def test_a_confidential_change_is_shown_only_as_published(login: Login) -> None:
    cfo, reader = login("cfo"), login("reader")
    cfo.post(VERSIONS + "frys/", {"name": SENT})
    store = DatabaseStore()
    current = store.proposal(KEY, "F1")
    cfo_actor = Actor(name="cfo", edits=Edits.CATALOG, reads_confidential=True)
    doc = {**current.document, "remarks": ["kun for CFØ"]}
    change_requests.submit_edit(store, cfo_actor, KEY, "F1", doc, base=current.version, why="x")
    changes = f"{VERSIONS}aendringer/?siden={SENT}"
    assert "<code>remarks[0]</code>" not in _html(reader, changes)
    assert f"Intet er ændret siden {SENT}." in _html(reader, changes)
    assert "<code>remarks[0]</code>" in _html(cfo, changes)


def test_the_catalog_as_frozen_and_as_of_a_day(login: Login) -> None:
    cfo, reader = login("cfo"), login("reader")
    cfo.post(VERSIONS + "frys/", {"name": SENT})
    _save("BC01", title="Ny titel efter mødet")
    html = _html(reader, f"{VERSIONS}som/?version={SENT}")
    assert f"Kataloget som {SENT}" in html
    assert "Samlet ferieløsning i Serviceportalen" in html and "Ny titel efter mødet" not in html
    assert "Tabel 1. Tværgående investeringsforslag" in html and "Investeringspuljen" in html
    # a day is a day in the application's time zone (Copenhagen): between 23 and 24 UTC the
    # save above is already tomorrow there
    today = timezone.localdate().isoformat()
    assert "Ny titel efter mødet" in _html(reader, f"{VERSIONS}som/?dato={today}")
    assert "Kataloget havde ingen forslag da." in _html(reader, f"{VERSIONS}som/?dato=2020-01-01")
    assert "ikke en dato" in _html(reader, f"{VERSIONS}som/?dato=i-morgen", 400)


def test_the_pool_is_on_the_overview(login: Login) -> None:
    html = _html(login("reader"), CATALOG)
    assert "Investeringspuljen, Budget 2025" in html
    assert '<td class="num">6.072</td>' in html  # BC01 and BC02 ask 4.250 + 1.822


def test_an_approved_proposals_save_in_the_editor_is_a_change_request(login: Login) -> None:
    _approve("BC01")
    okf = login("editor-okf")
    edit = f"{CATALOG}forslag/BC01/rediger/"
    assert "sendes ændringen til CFØ som en ændringsanmodning" in _html(okf, edit)
    assert "som-anmodning" not in _html(okf, f"{CATALOG}forslag/BC02/rediger/")
    data = opened(okf, edit) | {"line-2-2027": "-1.000", "why": "ny beregning", "op": "save"}
    response = okf.post(edit, data)
    assert response.status_code == 302 and response["Location"].endswith(
        f"{CATALOG}aendringsanmodninger/1/"
    )
    assert len(DatabaseStore().versions(KEY, "BC01")) == 1  # nothing saved
    html = _html(okf, response["Location"])
    assert "sendt til CFØ som ændringsanmodning 1" in html and "Afventer CFØ" in html
    assert "<code>lines[e3].amounts[2027]</code>" in html and "-880" in html and "-1000" in html
    assert "afgoer-note" not in html  # the editor does not decide
    assert AuditEvent.objects.filter(action="change-request", proposal="BC01").count() == 1


def test_cfo_accepts_a_change_request(login: Login) -> None:
    _approve("BC01")
    _save("BC01", title="Ferieløsning, revideret")
    cfo, okf = login("cfo"), login("editor-okf")
    decide = f"{CATALOG}aendringsanmodninger/1/afgoer/"
    assert okf.post(decide, {"decision": "accept"}).status_code == 403
    assert "afgoer-note" in _html(cfo, f"{CATALOG}aendringsanmodninger/1/")
    assert cfo.post(decide, {"decision": "accept", "note": ""}).status_code == 302
    assert DatabaseStore().catalog(KEY).proposal("BC01").title == "Ferieløsning, revideret"
    assert DatabaseStore().versions(KEY, "BC01")[-1].who == "cfo"
    html = _html(cfo, f"{CATALOG}aendringsanmodninger/1/")
    assert "Godkendt af cfo" in html and "afgoer-note" not in html
    assert AuditEvent.objects.filter(action="change-accept", proposal="BC01").count() == 1
    assert cfo.post(decide, {"decision": "reject", "note": "nej"}).status_code == 409


def test_a_stale_request_is_a_conflict_and_a_rejection_needs_a_note(login: Login) -> None:
    _approve("BC01")
    _save("BC01", title="Første")
    _save("BC01", title="Anden")
    cfo = login("cfo")
    cfo.post(f"{CATALOG}aendringsanmodninger/1/afgoer/", {"decision": "accept"})
    second = f"{CATALOG}aendringsanmodninger/2/"
    assert "Forslaget er gemt i en nyere version" in _html(cfo, second)
    assert cfo.post(second + "afgoer/", {"decision": "accept"}).status_code == 409
    assert DatabaseStore().catalog(KEY).proposal("BC01").title == "Første"
    assert cfo.post(second + "afgoer/", {"decision": "reject", "note": " "}).status_code == 400
    assert cfo.post(second + "afgoer/", {"decision": "reject", "note": "gammel"}).status_code == 302
    assert "Afvist af cfo" in _html(cfo, second)
    assert AuditEvent.objects.filter(action="change-reject", detail__note="gammel").count() == 1


def test_a_confidential_proposals_request_is_not_shown_to_a_reader(login: Login) -> None:
    _approve("F1")
    store = DatabaseStore()
    current = store.proposal(KEY, "F1")
    cfo_actor = Actor(name="cfo", edits=Edits.CATALOG, reads_confidential=True)
    doc = {**current.document, "remarks": ["kun for CFØ"]}
    change_requests.submit_edit(store, cfo_actor, KEY, "F1", doc, base=current.version, why="x")
    reader = login("reader")
    assert "Anmodning 1" not in _html(reader, VERSIONS)
    assert _html(reader, f"{CATALOG}aendringsanmodninger/1/", 403)
    assert "Anmodning 1" in _html(login("cfo"), VERSIONS)
