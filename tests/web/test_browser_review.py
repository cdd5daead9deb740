# SPDX-License-Identifier: MPL-2.0
"""A consultation in a real browser (Debian's chromium, as tests/web/test_browser.py): CFØ
asks IT-kredsen about BC01; IT-kredsen's member sees the unread message in the header,
follows it to BC01 and answers yes; BC01's "Hvem er hørt?" then says Ja with the answer's
date and note, CFØ is told, and a comment on Tabel 1 shows after the table. axe-core finds
no serious violation on any page on the way."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Browser, Page

from tests.web.test_browser import (  # noqa: F401
    _screenshot,
    _serious,
    browser,
    pytestmark,
    signed_in,
)

BC01 = "/katalog/kk-budget-2025/forslag/BC01/"


def _it_kredsen_row(page: Page) -> str:
    """The row of IT-kredsen in the document's "Hvem er hørt?" table."""
    row = page.locator("article.document tr").filter(has=page.locator("th", has_text="IT-kredsen"))
    return row.inner_text()


def test_a_consultation_from_request_to_answer_fills_hvem_er_hoert(
    browser: Browser,  # noqa: F811
    live_server: object,
    seeded: None,
) -> None:
    base = str(live_server)
    due = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    cfo = signed_in(browser, base, "cfo")
    cfo.goto(f"{base}{BC01}")
    assert _it_kredsen_row(cfo).split("\t")[1] == "Nej"  # as the seed states it
    assert not _serious(cfo)
    cfo.get_by_label("Hvem skal høres").select_option(label="IT-kredsen")
    cfo.get_by_label("Frist").fill(due)
    cfo.get_by_label("Hvad skal de se på?").fill("Løsningens arkitektur")
    cfo.get_by_role("button", name="Bed om høringen").click()
    cfo.get_by_role("status").filter(has_text="IT-kredsen er bedt om at høre forslaget").wait_for()
    assert "Åben" in cfo.locator("#hoering-1").inner_text()
    assert not _serious(cfo)

    member = signed_in(browser, base, "it-kredsen")
    member.get_by_role("link", name="Beskeder (1 ulæst)").click()
    assert not _serious(member)
    member.get_by_role("link", name="IT-kredsen er bedt om at høre forslag BC01").click()
    member.wait_for_url(f"**{BC01}#hoeringer")
    answer = member.locator("#hoering-1")
    answer.get_by_label("Ja", exact=True).check()
    answer.get_by_label("Dato").fill("2026-03-18")
    answer.get_by_label("Bemærkning").fill("Ingen bemærkninger")
    assert not _serious(member)
    answer.get_by_role("button", name="Gem svaret").click()
    member.get_by_role("status").filter(has_text="Svaret er gemt").wait_for()
    row = _it_kredsen_row(member)
    assert row.split("\t")[1] == "Ja"
    assert row.endswith("18. marts 2026 – Ingen bemærkninger")
    assert "Svar: ja, 18. marts 2026 (it-kredsen)" in member.locator("#hoering-1").inner_text()
    assert not _serious(member)
    _screenshot(member, "hoering", "#hoeringer")

    cfo.goto(f"{base}{BC01}")
    assert "Beskeder (1 ulæst)" in cfo.locator("header").inner_text()
    assert _it_kredsen_row(cfo).split("\t")[1] == "Ja"
    cfo.get_by_label("Hvor", exact=True).select_option(
        label="En celle (vælg tabel, række og år herunder)"
    )
    cfo.get_by_label("Række (linjens id, udvalg eller total)").fill("varig")
    cfo.get_by_label("År", exact=True).select_option("2027")
    cfo.get_by_label("Kommentar", exact=True).fill("Hvorfor -1.474 og ikke -1.144?")
    cfo.get_by_role("button", name="Gem kommentaren").click()
    cfo.get_by_role("status").filter(has_text="Kommentaren er gemt").wait_for()
    marker = cfo.locator("#tabel-1 + .comment-markers")
    assert "Kommentar 1 (tabel 1, række varig, 2027)" in marker.inner_text()
    _screenshot(cfo, "kommentar", "#tabel-1")
    # numbered among the comments, not after the consultation's request and answer
    assert cfo.locator("#kommentar-1").count() == 1
    assert not _serious(cfo)
    cfo.goto(f"{base}/katalog/kk-budget-2025/")
    assert not _serious(cfo)
