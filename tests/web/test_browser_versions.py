# SPDX-License-Identifier: MPL-2.0
"""A change after approval in a real browser (Debian's chromium, as tests/web/test_browser.py):
CFØ freezes the catalog as sent; Økonomiforvaltningen's editor changes the approved BC01's
title in the editor, and the save becomes change request 1; CFØ reviews it, accepts it, and
it is BC01's new version; the catalog's page of changes since the frozen version shows the
old and new title. axe-core finds no serious WCAG 2.1 AA violation on any page on the way."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.sync_api import Browser

from gevinst.core.lifecycle import Event
from gevinst.web.store import DatabaseStore
from tests.web.test_browser import (  # noqa: F401
    _serious,
    browser,
    pytestmark,
    signed_in,
)

KEY = "kk-budget-2025"
CATALOG = f"/katalog/{KEY}/"
SENT = "Sendt til ØU 2024-05-14"


def test_an_approved_proposals_change_is_requested_and_accepted(
    browser: Browser,  # noqa: F811
    live_server: object,
    seeded: None,
) -> None:
    base = str(live_server)
    approved = Event(
        transition="approve",
        from_state="consultation",
        to_state="approved_cfo",
        who="cfo",
        when=datetime(2026, 2, 1, tzinfo=UTC),
    )
    DatabaseStore().add_event(KEY, "BC01", approved, expected_count=0)

    cfo = signed_in(browser, base, "cfo")
    cfo.goto(f"{base}{CATALOG}")
    assert "Investeringspuljen, Budget 2025" in cfo.locator("#pulje").inner_text()
    assert not _serious(cfo)
    cfo.get_by_role("link", name="Versioner: frosne versioner", exact=False).click()
    cfo.get_by_label("Frys kataloget, som det er nu, under navnet").fill(SENT)
    cfo.get_by_role("button", name="Frys", exact=True).click()
    cfo.get_by_role("status").filter(has_text="Kataloget er frosset").wait_for()
    assert not _serious(cfo)

    okf = signed_in(browser, base, "editor-okf")
    okf.goto(f"{base}{CATALOG}forslag/BC01/rediger/")
    okf.get_by_label("Titel", exact=True).fill("Samlet ferieløsning, revideret")
    okf.get_by_label("Hvorfor ændres forslaget?").fill("ny titel efter ØU")
    okf.get_by_role("button", name="Gem ny version").click()
    okf.wait_for_url(f"**{CATALOG}aendringsanmodninger/1/")
    assert "ændringsanmodning 1" in okf.get_by_role("status").inner_text()
    assert "Afventer CFØ" in okf.locator("dl.facts").inner_text()
    assert okf.get_by_role("button", name="Godkend og gem").count() == 0
    assert not _serious(okf)

    cfo.goto(f"{base}{CATALOG}versioner/")
    cfo.get_by_role("link", name="Anmodning 1").click()
    cfo.wait_for_url(f"**{CATALOG}aendringsanmodninger/1/")
    changes = cfo.get_by_role("table", name="Forskelle fra den version, ændringen bygger på")
    assert "revideret" in changes.inner_text()
    assert not _serious(cfo)
    cfo.get_by_role("button", name="Godkend og gem").click()
    cfo.get_by_role("status").filter(has_text="er godkendt").wait_for()
    assert "Godkendt af cfo" in cfo.locator("dl.facts").inner_text()
    assert not _serious(cfo)
    assert DatabaseStore().catalog(KEY).proposal("BC01").title == "Samlet ferieløsning, revideret"

    cfo.goto(f"{base}{CATALOG}versioner/")
    cfo.get_by_role("link", name=f"Ændret siden {SENT}").click()
    since = cfo.get_by_role("table", name="Ændringer i BC01, celle for celle")
    assert "title" in since.inner_text() and "revideret" in since.inner_text()
    assert not _serious(cfo)
