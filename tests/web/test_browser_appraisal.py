# SPDX-License-Identifier: MPL-2.0
"""The options appraisal panel in a real browser (Debian's chromium, as tests/web/
test_browser.py): OBC01's panel is a region named by its heading, its options table is read
as a table with the options as its columns, and axe finds nothing serious in the panel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, Page

from gevinst.format.reader import load_catalog
from gevinst.stores.base import Change
from gevinst.web.store import DatabaseStore
from tests.paths import ROOT
from tests.web.test_browser import CHROMIUM, WCAG, browser, signed_in

__all__ = ["browser"]  # the module's browser fixture, shared

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")

EN = "en-unitary-2025-26"


@pytest.fixture
def english(live_server: object, seeded: None) -> None:
    catalog = load_catalog(ROOT / "catalogs" / EN)
    change = Change(who="cfo", when=timezone.now(), why="the English example")
    DatabaseStore().create_catalog(catalog.id, catalog, change)


@pytest.fixture
def cfo(browser: Browser, live_server: object, english: None) -> Iterator[Page]:
    opened = signed_in(browser, str(live_server), "cfo")
    yield opened
    opened.context.close()


def test_obc01s_appraisal_panel_reads_as_a_table(cfo: Page, live_server: object) -> None:
    cfo.goto(f"{live_server}/katalog/{EN}/forslag/OBC01/")
    panel = cfo.get_by_role("region", name="Options appraisal")
    table = panel.get_by_role("table", name="The options against do nothing, present values")
    header = table.locator("thead th").all_inner_texts()
    assert header[1:] == ["Do nothing", "Upgrade the legacy system", "New self-service platform"]
    assert "Preferred option" in table.inner_text()
    assert "-2,147,129" in table.inner_text()
    # the whole page: Tabel 1 of ten financial years scrolls sideways at this width, and its
    # scrolling region takes the keyboard's focus by its name
    violations = Axe().run(cfo, options=WCAG).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]
    folder = os.environ.get("GEVINST_SCREENSHOTS")
    if folder:
        panel.screenshot(path=str(Path(folder) / "appraisal.png"))
