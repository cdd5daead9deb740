# SPDX-License-Identifier: MPL-2.0
"""A proposal's lifecycle in a real browser (Debian's chromium, as tests/web/test_browser.py):
Økonomiforvaltningen's editor submits BC01 and F6; CFØ finds BC01's preapproval not yet
possible, with the error findings that stop it, and takes F6 on to Effektiviseringskredsen,
where the committees' approval waits for CFØ's approval in "Hvem er hørt?". The overview's
status column and filter and F6's history show the steps, and the round's overview page
where each stands and what it waits for; axe-core finds no serious violation on the pages
with the status panel or the overview."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.web.test_browser import (  # noqa: F401
    _screenshot,
    _serious,
    browser,
    pytestmark,
    signed_in,
)

CATALOG = "/katalog/kk-budget-2025/"


def _take(page: Page, step: str, comment: str = "") -> None:
    """Take the step ``step`` from the proposal's page and wait for the page it leads to."""
    if comment:
        page.get_by_label("Kommentar til skridtet").fill(comment)
    page.get_by_role("button", name=step, exact=True).click()
    page.get_by_role("status").filter(has_text="har skiftet status").wait_for()


def test_proposals_move_from_draft_through_cfo_with_refusals_explained(
    browser: Browser,  # noqa: F811
    live_server: object,
    seeded: None,
) -> None:
    base = str(live_server)
    okf = signed_in(browser, base, "editor-okf")
    for ident in ("BC01", "F6"):
        okf.goto(f"{base}{CATALOG}forslag/{ident}/")
        assert "Kladde" in okf.locator(".workflow-panel .state").inner_text()
        assert not _serious(okf)
        _take(okf, "Indsend til CFØ", f"{ident} er klar til CFØ")
        assert "Indsendt til CFØ" in okf.locator(".workflow-panel .state").inner_text()
        # the next steps are CFØ's: the editor may only withdraw
        assert okf.get_by_role("button", name="Forhåndsgodkend").count() == 0

    cfo = signed_in(browser, base, "cfo")
    cfo.goto(f"{base}{CATALOG}forslag/BC01/")
    refused = cfo.get_by_role("button", name="Forhåndsgodkend", exact=True)
    assert refused.is_disabled()
    reasons = cfo.locator(f"#{refused.get_attribute('aria-describedby')}").inner_text()
    assert reasons.count("Ingen fejl i forslagets tal:") == 3  # BC01's three error findings
    assert not _serious(cfo)

    cfo.goto(f"{base}{CATALOG}forslag/F6/")
    _take(cfo, "Forhåndsgodkend", "tallene passer")
    _take(cfo, "Send i høring")
    _take(cfo, "Godkend endeligt")
    _take(cfo, "Behandlet i Effektiviseringskredsen", "behandlet 12. marts")
    panel = cfo.locator(".workflow-panel")
    assert "Behandlet i Effektiviseringskredsen" in panel.locator(".state").inner_text()
    committees = cfo.get_by_role("button", name="Godkendt i udvalgene", exact=True)
    assert committees.is_disabled()
    assert "Center for Økonomis endelige godkendelse" in panel.inner_text()
    assert not _serious(cfo)

    cfo.goto(f"{base}{CATALOG}")
    cfo.get_by_label("Status").select_option(label="Behandlet i Effektiviseringskredsen")
    cfo.get_by_role("button", name="Vis").click()
    cfo.wait_for_url("**status=efficiency_circle*")
    listed = cfo.get_by_role("table", name="1 af 9 forslag")
    assert "F6" in listed.inner_text() and "BC01" not in listed.inner_text()
    assert not _serious(cfo)

    cfo.goto(f"{base}{CATALOG}forslag/F6/historik/")
    steps = cfo.get_by_role("table", name="Statusskift, det nyeste sidst").inner_text()
    for text in ("F6 er klar til CFØ", "editor-okf", "tallene passer", "behandlet 12. marts"):
        assert text in steps
    assert steps.index("Indsend til CFØ") < steps.index("Godkend endeligt")
    assert not _serious(cfo)

    _the_overview_shows_the_round(cfo, base)


def _the_overview_shows_the_round(cfo: Page, base: str) -> None:
    """The round on one page: where each stands, what waits and for what, the target met."""
    cfo.goto(f"{base}{CATALOG}")
    cfo.get_by_role("link", name="Overblik over runden").click()
    cfo.get_by_label("Set fra dagen").fill("2025-12-31")
    cfo.get_by_role("button", name="Vis").click()
    cfo.wait_for_url("**dato=2025-12-31*")
    standing = cfo.get_by_role("table", name="Hvert forslags status").inner_text()
    bc01 = next(line for line in standing.splitlines() if line.startswith("BC01"))
    assert "Indsendt til CFØ" in bc01 and "Forhåndsgodkend:" in standing
    assert "Behandlet i Effektiviseringskredsen" in standing
    assert "Hele kommunen" in cfo.get_by_role("table", name="Måltal").inner_text()
    overdue = cfo.get_by_role("table", name="Mål hvis frist var udløbet").inner_text()
    assert "Der er ansat 5 dagin" in overdue  # F3's, approved in OFS 23-24
    assert not _serious(cfo)
    _screenshot(cfo, "overblik")
