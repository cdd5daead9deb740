# SPDX-License-Identifier: MPL-2.0
"""Consultations, comments and notifications on the web: CFØ asks IT-kredsen about BC01, a
member answers, the answer is a new version with Hvem er hørt? filled and the requester
told; a stale page is a conflict; who may not is refused; comments shown where they belong,
counted on the overview, kept from who may not read a confidential proposal in every
channel, and never in a PDF, Word file or the document's own HTML."""

from __future__ import annotations

import datetime as dt
import io
import smtplib
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import replace
from html import unescape

import docx
import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, override_settings

from gevinst.core.access import LOCAL
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks, html
from gevinst.format.writer import proposal_document
from gevinst.services import proposals
from gevinst.web.models import AuditEvent, Notification
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
Login = Callable[[str], Client]
DUE = (dt.date.today() + dt.timedelta(days=10)).isoformat()


def _page(ident: str) -> str:
    return f"/katalog/{KEY}/forslag/{ident}/"


def _html(client: Client, address: str) -> str:
    return unescape(client.get(address).content.decode())


def _post(client: Client, ident: str, path: str, data: dict[str, object]) -> int:
    return client.post(_page(ident) + path, data).status_code


def _ask(client: Client, ident: str = "BC01", to: str = "it-kredsen") -> int:
    data = {"to": to, "due": DUE, "note": "Se på arkitekturen"}
    return client.post(_page(ident) + "hoering/", data).status_code


def _answer(client: Client, base: str, number: int = 1, heard: str = "ja") -> int:
    data = {"number": number, "heard": heard, "date": "2026-03-18", "note": "Ingen bemærkninger"}
    return client.post(_page("BC01") + "hoering/svar/", {**data, "base": base}).status_code


def _version(ident: str = "BC01") -> str:
    return DatabaseStore().proposal(KEY, ident).version


def test_a_consultation_from_request_to_answer_fills_hvem_er_hoert(login: Login) -> None:
    cfo, member = login("cfo"), login("it-kredsen")
    assert _ask(cfo) == 302
    assert AuditEvent.objects.filter(action="consult", proposal="BC01").exists()
    told = Notification.objects.get(user__username="it-kredsen")
    assert told.text.startswith("IT-kredsen er bedt om at høre forslag BC01 Samlet ferieløsning")
    [sent] = mail.outbox
    assert sent.to == ["it-kredsen@example.invalid"] and "/forslag/BC01/#hoeringer" in sent.body
    page = _html(member, _page("BC01"))
    assert "Beskeder (1 ulæst)" in page and "Svar fra IT-kredsen" in page
    unanswered = f'<a href="{_page("BC01")}#hoeringer">'
    assert f"{unanswered}1</a>" in _html(cfo, f"/katalog/{KEY}/")
    before = _version()
    assert _answer(member, before) == 302
    after = DatabaseStore().catalog(KEY).proposal("BC01")
    [it] = [c for c in after.consultations if c.kind == "it-kredsen"]
    assert it.heard is True and it.text.endswith("18\\. marts 2026 – Ingen bemærkninger")
    last = DatabaseStore().versions(KEY, "BC01")[-1]
    assert (last.who, last.why, last.id) == (
        "it-kredsen",
        "høringssvar fra IT-kredsen (ja)",
        _version(),
    )
    assert AuditEvent.objects.get(action="answer").detail["version"] == last.id != before
    assert Notification.objects.get(user__username="cfo").text == (
        "IT-kredsen har svaret ja i høringen af forslag BC01 Samlet ferieløsning i Serviceportalen."
    )
    assert f"{unanswered}0</a>" in _html(cfo, f"/katalog/{KEY}/")
    # the page shows the answer in the document's table and as the request's answer
    page = _html(cfo, _page("BC01"))
    assert "Svar: ja, 18. marts 2026 (it-kredsen): Ingen bemærkninger" in page
    assert "<p>18. marts 2026 – Ingen bemærkninger</p>" in page


def test_an_answer_from_a_stale_page_is_a_conflict_and_changes_nothing(login: Login) -> None:
    _ask(login("cfo"))
    seen = _version()
    p = DatabaseStore().catalog(KEY).proposal("BC01")
    document = proposal_document(replace(p, title="Ny titel"))
    proposals.save_proposal(DatabaseStore(), LOCAL, KEY, "BC01", document, base=seen, why="titel")
    member = login("it-kredsen")
    response = member.post(
        _page("BC01") + "hoering/svar/",
        {"number": 1, "heard": "ja", "date": "2026-03-18", "note": "", "base": seen},
    )
    assert response.status_code == 409
    assert "er gemt af en anden" in unescape(response.content.decode())
    assert not AuditEvent.objects.filter(action="answer").exists()
    assert [v.why for v in DatabaseStore().versions(KEY, "BC01")][1:] == ["titel"]


def test_who_may_not_ask_or_answer_is_refused(login: Login) -> None:
    assert _ask(login("editor-okf")) == 403
    _ask(login("cfo"))
    assert _answer(login("editor-okf"), _version()) == 403
    assert _answer(login("reader"), _version()) == 403
    assert _ask(login("cfo"), to="XYZ") == 400
    response = login("cfo").post(_page("BC01") + "hoering/", {"to": "med", "due": "i morgen"})
    assert response.status_code == 400
    assert "'i morgen' er ikke en dato" in unescape(response.content.decode())
    assert Notification.objects.count() == 1  # the one request made


def test_comments_show_where_they_belong_and_are_counted_on_the_overview(login: Login) -> None:
    reader = login("reader")
    cell = {"place": "celle", "table": "1", "row": "varig", "year": "2027"}
    response = reader.post(_page("BC01") + "kommentar/", {**cell, "text": "Hvorfor -1.474?"})
    assert response.status_code == 302 and response["Location"].endswith("#kommentar-1")
    line = {"place": "linje:e3", "text": "Er 880 rigtigt?"}
    assert reader.post(_page("BC01") + "kommentar/", line).status_code == 302
    page = _html(reader, _page("BC01"))
    tabel_1 = page.index('id="tabel-1"')
    marker = page.index('<a href="#kommentar-1">Kommentar 1 (tabel 1, række varig, 2027)</a>')
    # right after Tabel 1, before the distribution's table that follows it
    assert tabel_1 < marker < page.index('id="tabel-2-1"')
    assert tabel_1 < page.index("Kommentar 2 (tabel 1, linje e3)") < page.index('id="tabel-2-1"')
    assert "Kommentarer (2 åbne)" in page
    overview = _html(reader, f"/katalog/{KEY}/")
    assert f'<a href="{_page("BC01")}#kommentarer">2</a>' in overview
    assert _post(reader, "BC01", "kommentar/loes/", {"number": 1, "resolved": "1"}) == 302
    assert f'<a href="{_page("BC01")}#kommentarer">1</a>' in _html(reader, f"/katalog/{KEY}/")
    assert "Kommentar 1 (tabel 1" not in _html(reader, _page("BC01")).split("review-panel")[0]
    actions = AuditEvent.objects.filter(proposal="BC01").values_list("action", flat=True)
    assert {"comment", "resolve"} <= set(actions)


def test_a_reply_notifies_the_thread_and_notifications_are_marked_read(login: Login) -> None:
    reader, cfo = login("reader"), login("cfo")
    reader.post(_page("F6") + "kommentar/", {"place": "afsnit:4", "text": "Risikoen?"})
    # the reader began the thread and may resolve it; another reader may only reply
    assert "Markér som løst" in _html(reader, _page("F6"))
    other = login("it-kredsen")
    assert "Markér som løst" not in _html(other, _page("F6"))
    assert _post(other, "F6", "kommentar/loes/", {"number": 1, "resolved": "1"}) == 403
    page = _html(reader, _page("F6"))
    # after section 4's heading, before section 5's
    marker = page.index("Kommentar 1 (afsnit 4)")
    assert page.index("<h2>4. Risikovurdering</h2>") < marker < page.index("<h2>5. ")
    assert _post(cfo, "F6", "kommentar/svar/", {"number": 1, "text": "Lav."}) == 302
    told = Notification.objects.get(user__username="reader")
    assert told.text.startswith("cfo har svaret i en kommentartråd på forslag F6")
    assert told.link == _page("F6") + "#kommentar-1"
    assert "Risikoen?" not in told.text and "Lav." not in mail.outbox[0].body
    assert "Beskeder (1 ulæst)" in _html(reader, "/beskeder/")
    assert reader.post("/beskeder/", {"id": told.pk}).status_code == 302
    page = _html(reader, "/beskeder/")
    assert "ulæst" not in page.split("</header>")[0] and "Risikoen" not in page
    # a reply that says nothing is refused
    assert cfo.post(_page("F6") + "kommentar/svar/", {"number": 1, "text": " "}).status_code == 400


def test_a_confidential_proposals_review_reaches_only_who_may_read_it(login: Login) -> None:
    cfo, reader = login("cfo"), login("reader")
    assert _post(cfo, "F1", "kommentar/", {"place": "afsnit:1", "text": "HEMMELIG-1"}) == 302
    assert "HEMMELIG-1" in _html(cfo, _page("F1"))
    page = _html(reader, _page("F1"))
    assert "HEMMELIG-1" not in page and "Kommentarer (" not in page
    overview = _html(reader, f"/katalog/{KEY}/")
    assert f"{_page('F1')}#kommentarer" not in overview
    assert f"{_page('F1')}#kommentarer" in _html(cfo, f"/katalog/{KEY}/")
    answer = reader.post(_page("F1") + "kommentar/", {"place": "afsnit:1", "text": "?"})
    assert answer.status_code == 403
    assert _post(reader, "F1", "kommentar/svar/", {"number": 1, "text": "?"}) == 403


def test_a_confidential_proposal_is_named_by_its_id_alone_to_who_may_not_read_it(
    login: Login,
) -> None:
    store = DatabaseStore()
    p = store.catalog(KEY).proposal("BC02")
    secret = proposal_document(replace(p, confidential=True))
    proposals.save_proposal(
        store, LOCAL, KEY, "BC02", secret, base=_version("BC02"), why="fortrolig"
    )
    assert _ask(login("cfo"), "BC02") == 302
    told = Notification.objects.get(user__username="it-kredsen")
    assert told.text.startswith("IT-kredsen er bedt om at høre forslag BC02 (fortroligt) senest")
    [sent] = mail.outbox
    assert p.title not in f"{sent.subject} {sent.body}" and "BC02 (fortroligt)" in sent.body
    # the member cannot read it, so cannot answer it, and sees nothing of its review
    page = _html(login("it-kredsen"), _page("BC02"))
    assert "Svar fra IT-kredsen" not in page and "Se på arkitekturen" not in page


def _pdf_text(content: bytes) -> str:
    pdf = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return pdf.stdout.decode("utf-8")


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_comments_are_never_printed(login: Login) -> None:
    cfo = login("cfo")
    for place in ("afsnit:6", "linje:e1"):
        cfo.post(_page("BC01") + "kommentar/", {"place": place, "text": "INTERN-NOTE"})
    assert "INTERN-NOTE" in _html(cfo, _page("BC01"))
    pdf = cfo.get(_page("BC01") + "eksport.pdf")
    word = cfo.get(_page("BC01") + "eksport.docx")
    assert pdf.status_code == word.status_code == 200
    assert "Samlet ferieløsning" in _pdf_text(pdf.content)
    assert "INTERN-NOTE" not in _pdf_text(pdf.content)
    assert "Samlet ferieløsning" in _docx_text(word.content)
    assert "INTERN-NOTE" not in _docx_text(word.content)
    # the document's own HTML has no marker: the page adds them after its blocks
    cat = DatabaseStore().catalog(KEY)
    options = ExportOptions("BC01", include_confidential=True)
    [shown] = blocks.document(select(cat, options), options)["proposals"]
    assert "kommentar" not in html.render(shown["blocks"]).lower()


def test_the_review_in_english(login: Login) -> None:
    cfo = login("cfo")
    cfo.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _ask(cfo)
    page = _html(cfo, _page("BC01"))
    assert "Consultations" in page and "Request a consultation" in page
    assert "Comments (0 open)" in page and "New comment" in page
    assert "Open comments" in _html(cfo, f"/katalog/{KEY}/")


class FailingMail(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPException("forbindelsen blev afvist")


@override_settings(EMAIL_BACKEND=f"{__name__}.FailingMail")
def test_a_mail_server_that_fails_neither_stops_the_request_nor_its_message(
    login: Login, caplog: pytest.LogCaptureFixture
) -> None:
    assert _ask(login("cfo")) == 302
    assert len(DatabaseStore().review_records(KEY, "BC01")) == 1
    assert Notification.objects.filter(user__username="it-kredsen").count() == 1
    assert "e-mail to it-kredsen not sent: forbindelsen blev afvist" in caplog.text
