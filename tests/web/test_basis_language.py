# SPDX-License-Identifier: MPL-2.0
"""The proposal page's calculation basis speaks the catalog's profile's language (core/
basis_words.py), whatever the interface's: the English council's OBC01 shows its models,
phase-in, parameters' values and steps in English with English figures; Copenhagen's BC01
in Danish."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests.web.conftest import EN, fetched

Login = Callable[[str], Client]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_english_basis_on_the_proposal_page(english: Login, language: str) -> None:
    page = fetched(english("cfo"), f"/katalog/{EN}/forslag/OBC01/", language)
    assert "<li>FTE × cost per FTE: 14 × 33,000 = £462,000 a year</li>" in page
    assert "Full-time equivalents (fte), saving" in page
    assert "in full, from 2026/27" in page
    assert "Phase-in (as given year by year): 2025/26: 33.3 %" in page
    assert not [w for w in ("om året", "ÅV ×", "Indfasning (", "besparelse") if w in page]


def test_copenhagens_basis_stays_danish(login: Login) -> None:
    page = fetched(login("cfo"), "/katalog/kk-budget-2025/forslag/BC01/", "en")
    assert "t.kr. om året</li>" in page and "Indfasning (" in page
