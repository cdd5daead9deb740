# SPDX-License-Identifier: MPL-2.0
"""The follow-up page: what is due and overdue by responsible unit, a record with its
evidence and file (audited), one without evidence refused beside its field, one from a stale
page refused as a conflict, who may record, a confidential proposal's goals and files only
for who may read it in full, and the links to the page."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from gevinst.core.access import Actor, Edits
from gevinst.core.evidence import MAX_ATTACHMENT
from gevinst.services import followup as followup_service
from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent, FollowUpRecord
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
PAGE = f"/katalog/{KEY}/opfoelgning/"
RECORD = PAGE + "registrer/"
DAY = "2025-12-31"
ROW = "r-bc01-1-2025-07-01"  # BC01's first goal, due in the third quarter of 2025
Login = Callable[[str], Client]


def _html(response: Any, status: int = 200) -> str:
    assert response.status_code == status, response.content[:500]
    return unescape(response.content.decode())


def _post(client: Client, **fields: Any) -> Any:
    data = {
        "row": ROW,
        "proposal": "BC01",
        "goal": "1",
        "due_from": "2025-07-01",
        "expected_count": "0",
        "dato": DAY,
        f"{ROW}-status": "done",
        f"{ROW}-note": "Styregruppens referat 14. oktober",
    }
    data.update({k if k in data else f"{ROW}-{k}": v for k, v in fields.items()})
    return client.post(RECORD, data)


def test_the_page_lists_what_is_due_and_overdue_by_responsible_unit(login: Login) -> None:
    html = _html(login("reader").get(PAGE + f"?dato={DAY}"))
    assert "Den 31. december 2025: 57 forfaldne forekomster,\n14 aktuelle." in html
    assert '<h2 id="enhed-1">Koncernservice (projektejer)</h2>' in html
    assert "<caption>Koncernservice (projektejer): 2 forekomster</caption>" in html
    assert f'<tr id="{ROW}" class="overdue">' in html
    # a reader may not record: no form
    assert "Gem registrering" not in html
    everything = _html(login("reader").get(PAGE + f"?dato={DAY}&alle=1"))
    assert "Koncernservice (projektejer): 3 forekomster" in everything


def test_an_editor_records_a_goal_done_with_a_file(login: Login) -> None:
    okf = login("editor-okf")
    form = _html(okf.get(PAGE + f"?dato={DAY}"))
    assert f'<label for="id_{ROW}-note">Dokumentation</label>' in form
    minutes = SimpleUploadedFile("referat 14-10.pdf", b"%PDF-1.7", "application/pdf")
    response = _post(okf, attachment=minutes)
    # a record counts from the day it is made: the page seen from the end of 2025 would not
    # show it, so the page that follows is today's
    today = timezone.localdate().isoformat()
    assert (response.status_code, response["Location"]) == (302, f"{PAGE}?dato={today}#{ROW}")
    html = _html(okf.get(PAGE + "?alle=1"))
    assert "Opfølgningen på BC01 er registreret." in html
    assert f'<tr id="{ROW}" class="done">' in html
    assert "Styregruppens referat 14. oktober" in html
    link = f"/katalog/{KEY}/forslag/BC01/opfoelgning/1/referat%2014-10.pdf"
    assert f'href="{link}"' in html
    download = okf.get(link)
    assert download.content == b"%PDF-1.7"
    assert download["Content-Disposition"] == 'attachment; filename="referat 14-10.pdf"'
    assert download["Content-Security-Policy"] == "sandbox"
    # a reader may read BC01 in full, and so its evidence
    assert login("reader").get(link).status_code == 200
    audited = AuditEvent.objects.filter(action__startswith="followup").order_by("pk")
    assert [(a.action, a.proposal) for a in audited] == [
        ("followup", "BC01"),
        ("followup-download", "BC01"),
        ("followup-download", "BC01"),
    ]
    assert audited[0].detail["attachments"] == ["referat 14-10.pdf"]
    assert audited[0].detail["status"] == "done"


def test_done_without_evidence_is_refused_beside_the_note(login: Login) -> None:
    html = _html(_post(login("editor-okf"), note="  "), 422)
    assert f'aria-describedby="id_{ROW}-note_error"' in html
    error = f'<ul class="errorlist" id="id_{ROW}-note_error"><li>et mål kan kun registreres'
    assert error + " som nået med dokumentation" in html
    assert "<details open>" in html
    assert not FollowUpRecord.objects.exists()


def test_a_file_too_large_is_refused_beside_its_field(login: Login) -> None:
    big = SimpleUploadedFile("stor.pdf", b"x" * (MAX_ATTACHMENT + 1), "application/pdf")
    html = _html(_post(login("editor-okf"), attachment=big), 422)
    assert f'id="id_{ROW}-attachment_error"><li>Filen er større end 10 MB.' in html
    assert not FollowUpRecord.objects.exists()


def test_a_record_from_a_stale_page_is_a_conflict(login: Login) -> None:
    okf = login("editor-okf")
    assert _post(okf, status="late", note="venter").status_code == 302
    html = _html(_post(okf), 409)
    assert "forslag BC01 har fået en ny opfølgning, siden du så det" in html
    assert FollowUpRecord.objects.count() == 1


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_only_those_who_may_edit_the_proposal_record(login: Login, username: str) -> None:
    html = _html(_post(login(username)), 403)
    assert "må ikke rette forslag BC01" in html
    assert not FollowUpRecord.objects.exists()


@pytest.fixture
def confidential_bc01(seeded: None) -> None:
    """BC01 made confidential, with a record and its file, as CFØ may."""
    store = DatabaseStore()
    current = store.proposal(KEY, "BC01")
    document = {**current.document, "confidential": True}
    change = Change(who="cfo", when=timezone.now(), why="fortrolig")
    store.save_proposal(KEY, "BC01", document, base=current.version, change=change)
    followup_service.record(
        store,
        Actor(name="cfo", edits=Edits.CATALOG, reads_confidential=True),
        KEY,
        "BC01",
        "1",
        due_from=None,
        status="done",
        note="Hemmeligt referat",
        files=[("referat.pdf", b"%PDF")],
        expected_count=0,
    )


@pytest.mark.usefixtures("confidential_bc01")
def test_a_confidential_proposals_goals_and_files_only_for_who_may_read_it(login: Login) -> None:
    link = f"/katalog/{KEY}/forslag/BC01/opfoelgning/1/referat.pdf"
    reader = _html(login("reader").get(PAGE + "?alle=1"))
    assert "Ledergodkendelser er fjernet" not in reader and "Hemmeligt" not in reader
    assert login("reader").get(link).status_code == 403
    assert login("editor-sof").get(link).status_code == 403
    okf = _html(login("editor-okf").get(PAGE + "?alle=1"))
    assert "Ledergodkendelser er fjernet" in okf and "Hemmeligt referat" in okf
    assert login("editor-okf").get(link).content == b"%PDF"
    assert AuditEvent.objects.filter(action="read-confidential", proposal="BC01").exists()


def test_the_page_is_linked_from_the_catalog_and_the_site(login: Login) -> None:
    cfo = login("cfo")
    assert f'href="{PAGE}"' in _html(cfo.get(f"/katalog/{KEY}/"))
    response = cfo.get("/opfoelgning/")
    assert (response.status_code, response["Location"]) == (302, PAGE)
    assert 'href="/opfoelgning/"' in _html(cfo.get(PAGE))


def test_an_unknown_file_is_not_found(login: Login) -> None:
    response = login("cfo").get(f"/katalog/{KEY}/forslag/BC01/opfoelgning/1/intet.pdf")
    assert response.status_code == 404


def test_the_page_in_english(login: Login) -> None:
    client = login("editor-okf")
    client.cookies["django_language"] = "en"
    html = _html(client.get(PAGE + f"?dato={DAY}"))
    assert "Benefit follow-up" in html and "Save record" in html
    assert "On Dec. 31, 2025: 57 overdue occurrences" in html


def test_with_several_catalogs_the_site_link_lists_their_pages(login: Login) -> None:
    store = DatabaseStore()
    change = Change(who="cfo", when=timezone.now(), why="kopi")
    store.create_catalog("kopi", store.catalog(KEY), change)
    html = _html(login("reader").get("/opfoelgning/"))
    assert f'href="{PAGE}"' in html and 'href="/katalog/kopi/opfoelgning/"' in html
