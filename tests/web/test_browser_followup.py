# SPDX-License-Identifier: MPL-2.0
"""Follow-up in a real browser (Debian's chromium, as tests/web/test_browser.py): Økonomi-
forvaltningen's editor opens the follow-up page from the header, finds BC01's first goal
overdue under Koncernservice, tries to record it met without evidence and is told why beside
the note, then records it with the steering group's minutes attached; the page shows it met
with the file to download. axe-core finds no serious WCAG 2.1 AA violation on any page."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.web.test_browser import (  # noqa: F401
    _serious,
    browser,
    pytestmark,
    signed_in,
)

ROW = "#r-bc01-1-2025-07-01"


def test_an_editor_records_an_overdue_goal_with_evidence(
    browser: Browser,  # noqa: F811
    live_server: object,
    seeded: None,
) -> None:
    base = str(live_server)
    page = signed_in(browser, base, "editor-okf")
    page.get_by_role("link", name="Opfølgning", exact=True).click()
    page.wait_for_url("**/opfoelgning/")
    table = page.get_by_role("table", name="Koncernservice (projektejer)", exact=False).first
    row = table.locator(ROW)
    assert "Forfalden" in row.inner_text()
    assert not _serious(page)

    row.get_by_text("Registrér").click()
    row.get_by_label("Status").select_option(label="Nået (kræver dokumentation)")
    row.get_by_role("button", name="Gem registrering").click()
    page.wait_for_url("**/registrer/")
    note = page.locator(ROW).get_by_label("Dokumentation")
    assert note.get_attribute("aria-invalid") == "true"
    error = page.locator(f"#{note.get_attribute('aria-describedby')}")
    assert "kun registreres som nået med dokumentation" in error.inner_text()
    assert not _serious(page)

    row = page.locator(ROW)
    row.get_by_label("Status").select_option(label="Nået (kræver dokumentation)")
    row.get_by_label("Dokumentation").fill("Styregruppens referat af 14. oktober")
    row.get_by_label("Vedhæft fil").set_input_files(
        {"name": "referat.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7"}
    )
    row.get_by_role("button", name="Gem registrering").click()
    page.get_by_role("status").filter(has_text="Opfølgningen på BC01 er registreret").wait_for()
    assert page.locator(ROW).count() == 0  # met: no longer due or overdue
    assert not _serious(page)

    page.get_by_label("Vis også nåede, ikke nåede og kommende").check()
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_url("**alle=1*")
    row = page.locator(ROW)
    assert "Nået" in row.inner_text() and "Styregruppens referat" in row.inner_text()
    with page.expect_download() as download:
        row.get_by_role("link", name="referat.pdf").click()
    assert download.value.suggested_filename == "referat.pdf"
    assert not _serious(page)
    page.context.close()
