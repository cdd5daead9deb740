# SPDX-License-Identifier: MPL-2.0
"""A file uploaded on a proposal's page becomes its next version, all or nothing: a workbook
exported by gevinst with a yellow cell changed, or the proposal's YAML or JSON document.
Every problem is shown at its sheet and cell, or its file, line and field; nothing is saved
on any error; only those who may edit the proposal may upload."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from html import unescape
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.xlsx import render_xlsx
from gevinst.services import uploads
from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore
from tests.paths import SEED

KEY = "kk-budget-2025"
BC01 = f"/katalog/{KEY}/forslag/BC01/"
UPLOAD = BC01 + "indlaes/"
CELL = "D8"  # BC01's line e1 in 2025: -149
Login = Callable[[str], Client]


def _workbook(seed: Catalog, value: object, options: ExportOptions) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(seed, options)))
    assert book["BC01"][CELL].value == -149
    book["BC01"][CELL].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _send(client: Client, name: str, content: bytes, why: str = "", base: str = "") -> Any:
    """The response to the upload from the page as it is now (its form names the current
    version), or from a page opened at version ``base`` (django-stubs' test response type
    is private)."""
    base = base or DatabaseStore().proposal(KEY, "BC01").version
    file = SimpleUploadedFile(name, content)
    return client.post(UPLOAD, {"fil": file, "why": why, "base": base})


def _versions() -> int:
    return len(DatabaseStore().versions(KEY, "BC01"))


@pytest.mark.parametrize(
    "options",
    [ExportOptions("BC01", include_confidential=True), ExportOptions()],
    ids=["the-proposal", "the-published-catalog"],
)
def test_a_workbook_with_a_changed_cell_is_a_new_version_with_that_change(
    login: Login, seed: Catalog, options: ExportOptions
) -> None:
    client = login("editor-okf")
    response = _send(client, "BC01-rettet.xlsx", _workbook(seed, -200, options), "ny pris")
    assert response.status_code == 302 and response["Location"] == BC01
    versions = DatabaseStore().versions(KEY, "BC01")
    assert len(versions) == 2 and versions[-1].who == "editor-okf"
    assert versions[-1].why == "indlæst fra BC01-rettet.xlsx: ny pris"
    saved = DatabaseStore().catalog(KEY).proposal("BC01")
    assert saved.line("e1").amounts[2025] == -200
    # nothing else changed: the other lines and years as the seed has them
    before = seed.proposal("BC01")
    assert [ln.amounts for ln in saved.lines[1:]] == [ln.amounts for ln in before.lines[1:]]
    assert saved.line("e1").amounts[2026] == before.line("e1").amounts[2026]
    page = unescape(client.get(BC01).content.decode())
    assert "gemt som en ny version fra BC01-rettet.xlsx (1 ændrede celler)" in page
    assert f"BC01!{CELL}" in page and "-149 -> -200" in page
    assert AuditEvent.objects.filter(action="upload", proposal="BC01").exists()


def test_a_broken_workbook_is_shown_at_its_cell_and_nothing_is_saved(
    login: Login, seed: Catalog
) -> None:
    content = _workbook(seed, "mange", ExportOptions("BC01", include_confidential=True))
    response = _send(login("editor-okf"), "BC01.xlsx", content)
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert "BC01.xlsx er ikke indlæst" in html and "Intet er gemt" in html
    assert f"BC01!{CELL}: " in html and "'mange'" in html
    assert "Traceback" not in html
    assert _versions() == 1


def test_a_workbook_that_changes_another_proposal_too_is_refused(
    login: Login, seed: Catalog
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(seed, ExportOptions())))
    book["BC01"][CELL].value, book["BC02"]["D8"].value = -200, -700
    out = io.BytesIO()
    book.save(out)
    response = _send(login("cfo"), "katalog.xlsx", out.getvalue())
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert "projektmappen ændrer også BC02; her indlæses kun forslag BC01" in html
    assert _versions() == 1 and len(DatabaseStore().versions(KEY, "BC02")) == 1


def test_a_file_that_is_not_a_workbook_is_refused_with_its_name(login: Login) -> None:
    response = _send(login("editor-okf"), "BC01.xlsx", b"PK\x03\x04 not really")
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert "kan ikke læses som en Excel-projektmappe" in html and _versions() == 1


def test_a_yaml_document_of_the_proposal_is_a_new_version(login: Login) -> None:
    text = (SEED / "proposals" / "BC01.yaml").read_text(encoding="utf-8")
    edited = text.replace(
        "title: Samlet ferieløsning i Serviceportalen", "title: En ny ferieløsning"
    )
    response = _send(login("editor-okf"), "BC01.yaml", edited.encode())
    assert response.status_code == 302
    assert DatabaseStore().catalog(KEY).proposal("BC01").title == "En ny ferieløsning"
    assert DatabaseStore().versions(KEY, "BC01")[-1].why == "indlæst fra BC01.yaml"


def test_a_yaml_error_is_shown_with_its_file_line_and_field(login: Login) -> None:
    text = (SEED / "proposals" / "BC01.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("type: investering") + 1
    broken = text.replace("type: investering", "type: gave")
    response = _send(login("editor-okf"), "BC01.yaml", broken.encode())
    html = unescape(response.content.decode())
    assert response.status_code == 422
    assert f'<th scope="row">BC01.yaml, linje {line}, felt type</th>' in html
    assert "skal være 'investering' eller 'effektivisering'" in html and _versions() == 1


def test_a_json_document_of_another_proposal_or_broken_json_is_refused(login: Login) -> None:
    client = login("editor-okf")
    other = DatabaseStore().proposal(KEY, "BC02").document
    html = unescape(_send(client, "x.json", json.dumps(other).encode()).content.decode())
    assert "x.json, linje 1, felt id" in html and "dokumentet er forslag BC02, ikke BC01" in html
    broken = b'{"id": "BC01",\n "title": "x"\n "type": "investering"}'
    html = unescape(_send(client, "BC01.json", broken).content.decode())
    assert "BC01.json, linje 3" in html and "ikke gyldig JSON" in html
    assert _versions() == 1


def test_a_file_that_changes_nothing_saves_nothing(login: Login) -> None:
    content = (SEED / "proposals" / "BC01.yaml").read_bytes()
    response = _send(login("editor-okf"), "BC01.yaml", content)
    assert response.status_code == 422
    assert "ændrer intet i forslag BC01" in response.content.decode()
    assert _versions() == 1


# a file past the limit in a request within it (read up to the limit and skipped), and a
# request too large to be read at all
@pytest.mark.parametrize("size", [5_000, 200_000])
def test_a_file_over_the_limit_is_not_read(
    login: Login, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1000)
    response = _send(login("editor-okf"), "BC01.yaml", b"#" * size)
    assert response.status_code == 413
    assert "Filen er for stor" in response.content.decode()
    assert _versions() == 1


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_only_those_who_may_edit_may_upload(login: Login, seed: Catalog, username: str) -> None:
    client = login(username)
    assert client.get(UPLOAD).status_code == 403
    content = _workbook(seed, -200, ExportOptions())
    assert _send(client, "BC01.xlsx", content).status_code == 403
    assert "upload-fil" not in client.get(BC01).content.decode()
    assert _versions() == 1


def test_the_form_is_on_the_page_of_those_who_may_edit(login: Login) -> None:
    html = login("editor-okf").get(BC01).content.decode()
    assert f'action="{UPLOAD}"' in html and 'enctype="multipart/form-data"' in html
    assert '<label for="upload-fil">' in html


def test_a_document_written_from_an_older_version_never_overwrites_a_later_save(
    login: Login,
) -> None:
    store = DatabaseStore()
    opened = store.proposal(KEY, "BC01")
    theirs = {**opened.document, "summary": "CFØ's resumé"}
    change = Change(who="cfo", when=timezone.now(), why="resumé")
    store.save_proposal(KEY, "BC01", theirs, base=opened.version, change=change)
    mine = json.dumps({**opened.document, "title": "Min titel"}, default=str).encode()
    response = _send(login("editor-okf"), "BC01.json", mine, base=opened.version)
    assert response.status_code == 422
    assert "er gemt af en anden" in unescape(response.content.decode())
    assert store.proposal(KEY, "BC01").document["summary"] == "CFØ's resumé"
