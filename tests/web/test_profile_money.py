# SPDX-License-Identifier: MPL-2.0
"""The web's pages print money and years as the catalog's profile does: the English council's
example catalog in pounds and financial years ("£", "2025/26", "1,450,000"), never
Copenhagen's "1.000 kr.", in either language of the interface; Copenhagen's pages as before."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from tests.web.conftest import EN, fetched

CATALOG = f"/katalog/{EN}/"
OBC01 = f"{CATALOG}forslag/OBC01/"

Login = Callable[[str], Client]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_catalog_page_is_in_pounds_and_financial_years(english: Login, language: str) -> None:
    page = fetched(english("cfo"), CATALOG, language)
    assert "1.000 kr." not in page
    lead = re.search(r'<p class="lead">(.*?)</p>', page, re.S)
    assert lead is not None
    amounts = "amounts in £, 2025/26 prices" if language == "en" else "beløb i £, 2025/26 p/l"
    assert amounts in lead.group(1)
    # the summary table's years and figures, the pool's caption and years
    assert '<th scope="col" class="num">2025/26</th>' in page
    assert "1,450,000" in page
    assert re.search(
        r"<caption>[^<]*\(implementation costs\), £</caption>|"
        r"<caption>[^<]*\(implementeringsomkostninger\), £</caption>",
        page,
    )


def test_the_proposal_page_and_its_basis(english: Login) -> None:
    page = fetched(english("cfo"), OBC01)
    assert "1.000 kr." not in page
    assert "Grundlaget mod linjens beløb (£)" in page
    assert '<th scope="col" class="num">2034/35</th>' in page
    assert "-462,000" in page


def test_the_editor(english: Login) -> None:
    page = fetched(english("cfo"), f"{OBC01}rediger/", "en")
    assert "1.000 kr." not in page
    assert "The proposal's economy (£)" in page
    assert '<th scope="col" class="num">2025/26</th>' in page


def test_the_overview(english: Login) -> None:
    page = fetched(english("cfo"), f"{CATALOG}overblik/?dato=2026-06-01")
    assert "1.000 kr." not in page
    assert '<th scope="col" class="num">2025/26</th>' in page


def test_copenhagen_keeps_its_money(login: Login) -> None:
    page = fetched(login("cfo"), "/katalog/kk-budget-2025/")
    assert "beløb i 1.000 kr., 2025 p/l" in page
    assert "(implementeringsomkostninger), 1.000 kr.</caption>" in page
    assert '<th scope="col" class="num">2025</th>' in page
