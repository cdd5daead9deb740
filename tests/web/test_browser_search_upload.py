# SPDX-License-Identifier: MPL-2.0
"""Search and upload in a real browser (Debian's chromium, as tests/web/test_browser.py):
the header's search box by keyboard, the results page, and a workbook uploaded on BC01's
page; axe-core finds no serious violation on the results, the proposal page with its upload
form, or the upload page showing a problem."""

from __future__ import annotations

import io

import openpyxl
from playwright.sync_api import FilePayload, Page

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.xlsx import render_xlsx
from gevinst.web.store import DatabaseStore
from tests.web.test_browser import _serious, _sign_in, browser, page, pytestmark  # noqa: F401

BC01 = "/katalog/kk-budget-2025/forslag/BC01/"


def _xlsx(name: str, content: bytes) -> FilePayload:
    return FilePayload(name=name, mimeType="application/octet-stream", buffer=content)


def test_a_reader_searches_from_the_header_by_keyboard(page: Page, live_server: object) -> None:  # noqa: F811
    base = str(live_server)
    _sign_in(page, base, "reader")
    box = page.get_by_role("searchbox", name="Søg i forslagene")
    box.focus()
    page.keyboard.type("stedfortræder")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sog/?q=*")
    results = page.get_by_role("list", name="1 forslag med „stedfortræder“")
    assert results.locator("mark").first.inner_text() == "stedfortræder"
    assert "BC01 Samlet ferieløsning" in results.get_by_role("link").first.inner_text()
    assert not _serious(page)


def test_an_editor_uploads_a_workbook_on_bc01s_page(
    page: Page,  # noqa: F811
    live_server: object,
    seed: Catalog,
) -> None:
    base = str(live_server)
    _sign_in(page, base, "editor-okf")
    page.goto(base + BC01)
    assert not _serious(page)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(seed, ExportOptions("BC01", True))))
    book["BC01"]["D8"].value = -200
    edited = io.BytesIO()
    book.save(edited)
    form = page.locator("form.upload")
    form.get_by_label("Fil", exact=True).set_input_files(files=_xlsx("BC01.xlsx", b"x"))
    form.get_by_role("button", name="Indlæs som ny version").click()
    page.wait_for_url("**/indlaes/")
    assert "BC01.xlsx er ikke indlæst" in page.get_by_role("alert").inner_text()
    assert not _serious(page)
    form = page.locator("form.upload")
    form.get_by_label("Fil", exact=True).set_input_files(
        files=_xlsx("BC01.xlsx", edited.getvalue())
    )
    form.get_by_label("Hvorfor").fill("ny pris")
    form.get_by_role("button", name="Indlæs som ny version").click()
    page.wait_for_url("**" + BC01)
    assert "gemt som en ny version fra BC01.xlsx" in page.get_by_role("status").first.inner_text()
    assert (
        DatabaseStore().versions("kk-budget-2025", "BC01")[-1].why
        == "indlæst fra BC01.xlsx: ny pris"
    )
