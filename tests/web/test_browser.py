# SPDX-License-Identifier: MPL-2.0
"""The application in a real browser: Debian's chromium driven by Playwright (never
`playwright install`), against the live test server. Signs in, opens the catalog and BC01,
and finds no serious or critical accessibility violation (axe-core, WCAG 2.1 AA) on any page.

With ``GEVINST_SCREENSHOTS=DIR`` the pages are also saved as PNG there (README's pictures)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# WCAG 2.1 A and AA: what Danish public-sector sites must meet
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# Playwright's synchronous API keeps an event loop on this thread; Django's ORM, called by
# the fixtures on the same thread, must be told that this is not an async context
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def new_page(browser: Browser) -> Page:
    """A page in a browser context of its own: a user of their own, with their own cookies."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1366, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    return opened


@pytest.fixture
def page(browser: Browser, live_server: object, seeded: None) -> Iterator[Page]:
    opened = new_page(browser)
    yield opened
    opened.context.close()


def _serious(page: Page) -> list[str]:
    violations = Axe().run(page, options=WCAG).response["violations"]
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def _screenshot(page: Page, name: str, top: str = "") -> None:
    """The page as it shows, from the element ``top`` down where one is named."""
    folder = os.environ.get("GEVINST_SCREENSHOTS")
    if folder:
        if top:
            page.evaluate(f"window.scrollTo(0, document.querySelector('{top}').offsetTop - 16)")
            page.wait_for_timeout(300)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/katalog/kk-budget-2025/")
    assert "/login/" in page.url
    assert not _serious(page)
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill("demo")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{base}/katalog/kk-budget-2025/")


def signed_in(browser: Browser, base: str, username: str) -> Page:
    """A page of its own (:func:`new_page`) with ``username`` signed in (:func:`_sign_in`)."""
    opened = new_page(browser)
    _sign_in(opened, base, username)
    return opened


def test_an_editor_signs_in_and_reads_bc01(page: Page, live_server: object) -> None:
    base = str(live_server)
    _sign_in(page, base, "editor-okf")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bilag 8")
    assert not _serious(page)
    _screenshot(page, "katalog")
    page.get_by_role("link", name="BC01", exact=True).click()
    page.wait_for_url("**/forslag/BC01/")
    table1 = page.get_by_role("table", name=re.compile("^Tabel 1"))
    assert "-1.474" in table1.inner_text() and "4 år (2028)" in table1.inner_text()
    assert not _serious(page)
    _screenshot(page, "bc01", "article.document .scroll")


def test_a_wrong_password_is_said_at_the_form(page: Page, live_server: object) -> None:
    page.goto(f"{live_server}/login/")
    page.get_by_label("Brugernavn").fill("reader")
    page.get_by_label("Adgangskode").fill("forkert")
    page.get_by_role("button", name="Log ind").click()
    assert "passer ikke sammen" in page.get_by_role("alert").inner_text()
    assert not _serious(page)


def test_an_editor_changes_a_line_and_sees_the_figures_follow(
    page: Page, live_server: object
) -> None:
    base = str(live_server)
    _sign_in(page, base, "editor-okf")
    page.goto(f"{base}/katalog/kk-budget-2025/forslag/BC01/")
    page.get_by_role("link", name="Ret forslaget").click()
    page.wait_for_url("**/rediger/")
    assert not _serious(page)
    derived = page.locator("#derived-table1")
    assert "-1.474" in derived.inner_text()
    cell = page.get_by_label("Linje 3, 2027")
    cell.fill("-1.000")
    # Samlet varig ændring 2027 follows from the server, without a reload
    page.wait_for_function("document.querySelector('#derived-table1').innerText.includes('-1.594')")
    # a block pasted from a spreadsheet fills the cells to the right and below
    first = page.get_by_label("Linje 1, 2028")
    first.focus()
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.setData('text/plain', '-100\\t-200\\n-300\\t-400\\n');
            document.activeElement.dispatchEvent(
                new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
        }"""
    )
    assert page.get_by_label("Linje 1, 2029").input_value() == "-200"
    assert page.get_by_label("Linje 2, 2028").input_value() == "-300"
    # and the figures follow the pasted ones: 2028 is -100 - 300 - 880
    page.wait_for_function("document.querySelector('#derived-table1').innerText.includes('-1.280')")
    # the arrow keys move between lines in the same year
    page.get_by_label("Linje 1, 2028").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Linje 2, 2028"
    _screenshot(page, "rediger", "#grid-title")
    page.get_by_label("Hvorfor ændres forslaget?").fill("ny beregning af ferie")
    page.get_by_role("button", name="Gem ny version").click()
    page.wait_for_url("**/forslag/BC01/")
    assert "gemt som en ny version" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Historik").click()
    assert "ny beregning af ferie" in page.get_by_role("table").first.inner_text()
    assert not _serious(page)


def test_the_what_if_panel_follows_a_changed_hour_norm(page: Page, live_server: object) -> None:
    base = str(live_server)
    _sign_in(page, base, "reader")
    page.goto(f"{base}/katalog/kk-budget-2025/forslag/BC01/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("årstimenorm (timer) aarstimenorm").fill("1400")
    page.get_by_role("button", name="Beregn").click()
    # the panel comes back from the server without a reload: payback 4 -> 5 years
    payback = page.get_by_role("table", name="Tilbagebetalingstid")
    assert "5 år (2029)" in payback.inner_text()
    assert page.evaluate("window.notReloaded === true")
    assert page.get_by_label("årstimenorm (timer) aarstimenorm").input_value() == "1400"
    assert not _serious(page)


def test_the_language_switch_turns_the_interface_english(page: Page, live_server: object) -> None:
    base = str(live_server)
    page.goto(f"{base}/login/")
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Sign in").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert not _serious(page)
    page.get_by_label("User name").fill("editor-okf")
    page.get_by_label("Password").fill("demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/katalog/kk-budget-2025/")
    assert not _serious(page)
    page.goto(f"{base}/katalog/kk-budget-2025/forslag/BC01/")
    assert page.get_by_role("link", name="History").is_visible()
    assert not _serious(page)
    page.get_by_role("link", name="Edit the proposal").click()
    page.wait_for_url("**/rediger/")
    assert page.get_by_label("Line 3, 2027").is_visible()
    assert not _serious(page)
    # and back: the choice is kept until the user changes it
    page.get_by_role("button", name="Dansk").click()
    page.get_by_role("heading", name="Ret BC01").wait_for()


def test_two_editors_at_once_merge_and_choose(
    browser: Browser, live_server: object, seeded: None
) -> None:
    """CFØ and Økonomiforvaltningen's editor open BC01 at the same time in two browsers.
    CFØ saves first. The editor's save meets it: a change to another place is merged, and
    where both changed the same cell the editor chooses; nothing is overwritten silently."""
    base = str(live_server)
    pages = []
    for username in ("cfo", "editor-okf"):
        opened = signed_in(browser, base, username)
        opened.goto(f"{base}/katalog/kk-budget-2025/forslag/BC01/rediger/")
        pages.append(opened)
    cfo, okf = pages
    cfo.get_by_label("Titel", exact=True).fill("CFØ's titel")
    cfo.get_by_label("Linje 3, 2027").fill("-900")
    cfo.get_by_label("Hvorfor ændres forslaget?").fill("CFØ retter")
    cfo.get_by_role("button", name="Gem ny version").click()
    cfo.wait_for_url("**/forslag/BC01/")
    okf.get_by_label("Linje 3, 2027").fill("-1.000")
    okf.get_by_label("Hvorfor ændres forslaget?").fill("ny beregning")
    okf.get_by_role("button", name="Gem ny version").click()
    # the same cell: the editor is asked, and sees both values
    conflict = okf.locator("fieldset.conflicts")
    assert "lines[e3].amounts[2027]" in conflict.inner_text()
    assert not _serious(okf)
    okf.get_by_label("Brug min værdi i lines[e3].amounts[2027]").check()
    okf.get_by_role("button", name="Læg mine valg ind").click()
    okf.wait_for_function("document.querySelector('fieldset.conflicts') === null")
    # CFØ's title merged in, the editor's own figure chosen
    assert okf.get_by_label("Titel", exact=True).input_value() == "CFØ's titel"
    assert okf.get_by_label("Linje 3, 2027").input_value() == "-1.000"
    okf.get_by_role("button", name="Gem ny version").click()
    okf.wait_for_url("**/forslag/BC01/")
    okf.get_by_role("link", name="Historik").click()
    history = okf.get_by_role("table").first.inner_text()
    assert "CFØ retter" in history and "ny beregning" in history
    for opened in pages:
        opened.context.close()
