# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering on the web: a proposal's page (tables, charts, the forms of those who
may edit it), a realised amount refused without evidence, a CSV upload whose rejected rows
are named and nothing saved (422) until they are accepted, a stale page (409), every write
audited; the catalog's summary per committee, with confidential F1 only as published."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gevinst.core import realisation as r
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
CATALOG = f"/katalog/{KEY}/"
Login = Callable[[str], Client]
CSV = "Dato;Udlejede ladere\n2025-01-31;12\n31-02-2025;1.300,5\n2025-03-31;mange\n"


def _page(ident: str) -> str:
    return f"{CATALOG}forslag/{ident}/gevinstrealisering/"


def _count() -> int:
    return len(DatabaseStore().realisation(KEY))


def _html(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return unescape(response.content.decode())


def _realised(client: Client, **fields: str) -> int:
    data = {"what": "realised", "expected_count": str(_count()), "year": "2026", **fields}
    return client.post(_page("BC01") + "registrer/", data).status_code


def test_the_page_shows_the_plan_per_committee_with_a_chart_and_the_forms(login: Login) -> None:
    html = _html(login("editor-okf"), _page("BC01"))
    assert "Gevinstrealisering for BC01: Samlet ferieløsning i Serviceportalen" in html
    assert "<caption>Realiseret effekt mod planlagt pr. udvalg</caption>" in html
    assert '<th scope="rowgroup" rowspan="3">SU</th>' in html and "-172" in html
    assert html.count('<div role="img" aria-label="Søjlediagram') == 2 and "<svg" in html
    assert 'name="what" value="realised"' in html and 'id="r-committee"' in html
    assert "BC01/4" in html  # a goal of the follow-up table, by its number
    assert "<code>BC02/4</code> Indtægter fra ladeoperatører" in html  # BC02 is ØKF's too
    assert "<code>F2/7</code>" not in html  # F2 is BIF's and SOF's
    reader = _html(login("reader"), _page("BC01"))
    assert "Tabel A" in reader and 'name="what"' not in reader  # a reader sees, records nothing


def test_a_realised_amount_is_refused_without_evidence_and_kept_with_it(login: Login) -> None:
    editor = login("editor-okf")
    assert _realised(editor, committee="SU", amount="-100", evidence=" ") == 400
    assert _count() == 0
    assert _realised(editor, committee="SU", amount="-1.100,5", evidence="Lønudtræk") == 302
    [kept] = DatabaseStore().realisation(KEY)
    assert isinstance(kept, r.Realised) and kept.amount == r.read_number("-1100,5", True)
    html = _html(editor, _page("BC01"))
    assert "Registreringen er gemt." in html and "Lønudtræk" in html and "-1.100,5" in html
    done = AuditEvent.objects.get(action="realisation-realised", proposal="BC01")
    assert done.user is not None and done.user.username == "editor-okf"
    # a page from before that write is stale: nothing is saved
    stale = {"what": "spending", "expected_count": "0", "year": "2025", "amount": "1"}
    assert editor.post(_page("BC01") + "registrer/", stale).status_code == 409
    assert _count() == 1
    fresh = {**stale, "expected_count": "1", "note": "Konsulentfaktura"}
    assert editor.post(_page("BC01") + "registrer/", fresh).status_code == 302
    html = _html(editor, _page("BC01"))
    assert "<caption>Hver registrering af forbrug" in html and "Konsulentfaktura" in html


def test_an_editor_of_another_administration_may_not_record(login: Login) -> None:
    data = {"what": "spending", "expected_count": "0", "year": "2025", "amount": "1"}
    assert login("editor-okf").post(_page("F2") + "registrer/", data).status_code == 403
    assert _count() == 0


def _upload(client: Client, **fields: str) -> tuple[int, str]:
    data = {
        "fil": SimpleUploadedFile("drift.csv", CSV.encode(), content_type="text/csv"),
        "mapping": "Dato=dato\nUdlejede ladere=BC02/4",
        "expected_count": str(_count()),
        **fields,
    }
    response = client.post(_page("BC02") + "indlaes/", data)
    return response.status_code, unescape(response.content.decode())


def test_a_csv_file_with_rejected_rows_names_them_and_saves_nothing(login: Login) -> None:
    status, html = _upload(login("editor-okf"))
    assert status == 422 and _count() == 0
    assert "2 værdier i filen er afvist. Intet er gemt." in html
    assert (
        '<td>drift.csv</td><th scope="row" class="num">3</th><td>Dato</td>'
        "<td><code>31-02-2025</code></td><td>datoen findes ikke</td>"
    ) in html
    assert (
        '<th scope="row" class="num">4</th><td>Udlejede ladere</td><td><code>mange</code>' in html
    )
    status, html = _upload(login("editor-okf"), accept="on")
    assert status == 302  # saved: back to the page
    kept = DatabaseStore().realisation(KEY)
    assert [type(e).__name__ for e in kept] == ["ColumnMapping", "ColumnMapping", "Measurement"]
    audited = AuditEvent.objects.get(action="realisation-import", proposal="BC02")
    assert audited.detail["measurements"] == 1 and len(audited.detail["rejected"]) == 2
    html = _html(login("editor-okf"), _page("BC02"))
    assert (
        "2025-01-31: 12" in html and '<th scope="row">Udlejede ladere</th><td>BC02/4</td>' in html
    )


def test_the_catalogs_summary_counts_confidential_f1_only_as_published(login: Login) -> None:
    cfo = login("cfo")
    data = {"what": "realised", "expected_count": "0", "year": "2025", "amount": "-6000",
            "evidence": "Regnskab 2025"}  # fmt: skip
    assert cfo.post(f"{CATALOG}forslag/F1/gevinstrealisering/registrer/", data).status_code == 302
    overview = _html(cfo, CATALOG)
    assert f'href="{CATALOG}gevinstrealisering/"' in overview
    full = _html(cfo, f"{CATALOG}gevinstrealisering/")
    assert "Gevinstrealisering pr. udvalg og år" in full and "-6.000" in full
    public = _html(login("reader"), f"{CATALOG}gevinstrealisering/")
    assert "-6.000" not in public
    assert "Fortrolige forslag (F1) indgår kun med deres planlagte tal" in public
    assert login("reader").get(f"{CATALOG}forslag/F1/gevinstrealisering/").status_code == 403
    # CFØ's read of confidential F1 in full is logged
    cfo.get(f"{CATALOG}forslag/F1/gevinstrealisering/")
    assert AuditEvent.objects.filter(action="read-confidential", proposal="F1").exists()


def test_the_pages_in_english(login: Login) -> None:
    client = login("editor-okf")
    client.cookies["django_language"] = "en"
    html = _html(client, _page("BC01"))
    assert "Benefit realisation for BC01" in html and "Planned" in html
    assert "Realised effect against planned per committee" in html
