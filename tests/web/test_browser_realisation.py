# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering in a real browser (Debian's chromium, as tests/web/test_browser.py):
Økonomiforvaltningen's editor opens BC02's realisation page from the proposal, uploads an
operational system's CSV export whose rejected row is named and nothing saved, accepts the
rejection, records a realised amount with its evidence, and finds it on the catalog's
summary per committee; axe-core finds no serious violation on either page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.web.test_browser import (  # noqa: F401
    _serious,
    browser,
    pytestmark,
    signed_in,
)

CATALOG = "/katalog/kk-budget-2025/"
CSV = "Dato;Udlejede ladere\n2025-01-31;12\n31-02-2025;13\n2025-03-31;1.300,5\n"


def test_an_editor_imports_measurements_and_records_a_realised_saving(
    browser: Browser,  # noqa: F811
    live_server: object,
    seeded: None,
    tmp_path: Path,
) -> None:
    base = str(live_server)
    page = signed_in(browser, base, "editor-okf")
    page.goto(f"{base}{CATALOG}forslag/BC02/")
    page.get_by_role("link", name="Gevinstrealisering", exact=True).click()
    page.get_by_role("heading", name="Gevinstrealisering for BC02", exact=False).wait_for()
    assert page.get_by_role("img", name="Søjlediagram: planlagt og realiseret").count() == 1
    assert not _serious(page)

    export = tmp_path / "ladere.csv"
    export.write_text(CSV, encoding="utf-8")
    page.get_by_label("CSV-fil", exact=True).set_input_files(export)
    page.get_by_label("Nye koblinger").fill("Dato=dato\nUdlejede ladere=BC02/4")
    page.get_by_role("button", name="Indlæs målinger").click()
    rejected = page.get_by_role("table", name="Afviste værdier")
    rejected.wait_for()
    assert "3 Dato 31-02-2025 datoen findes ikke" in " ".join(rejected.inner_text().split())
    assert "Intet er gemt." in page.get_by_role("alert").first.inner_text()
    assert not _serious(page)

    page.get_by_label("CSV-fil", exact=True).set_input_files(export)
    page.get_by_label("Gem resten, hvis nogle værdier afvises").check()
    page.get_by_role("button", name="Indlæs målinger").click()
    page.get_by_role("status").filter(has_text="2 målinger er gemt fra ladere.csv").wait_for()
    goals = page.get_by_role("table", name="Hvert mål med sit udgangspunkt")
    assert "2025-03-31: 1.300,5" in goals.inner_text()

    page.get_by_label("År", exact=True).first.select_option("2025")
    page.get_by_label("Udvalg", exact=True).first.select_option("KFU")
    page.get_by_label("Beløb (1.000 kr., besparelser negative)").fill("-250")
    page.get_by_label("Dokumentation (krævet").fill("Regnskab 2025 for KFF's parkeringsindtægter")
    page.get_by_role("button", name="Gem realiseret gevinst").click()
    page.get_by_role("status").filter(has_text="Registreringen er gemt.").wait_for()
    assert "Regnskab 2025" in page.get_by_role("table", name="Hver registrering").inner_text()
    assert not _serious(page)

    page.get_by_role("link", name="Hele katalogets gevinstrealisering").click()
    table = page.get_by_role("table", name="Realiseret effekt mod planlagt pr. udvalg")
    table.wait_for()
    assert "-250" in table.inner_text()
    assert not _serious(page)
