# SPDX-License-Identifier: MPL-2.0
"""The terminal's own texts in English: each fills in the same fields as its Danish
wording, and none is left in Danish."""

from __future__ import annotations

import re
import string

import pytest

from gevinst.core.model import RiskLevel
from gevinst.core.template import DANISH, ENGLISH


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("danish", sorted(ENGLISH.terminal))
def test_an_english_text_fills_in_the_danish_fields(danish: str) -> None:
    english = ENGLISH.term(danish)
    assert _fields(english) == _fields(danish)
    assert not re.search(r"[æøåÆØÅ]", english)


def test_danish_says_its_texts_as_written() -> None:
    assert DANISH.terminal == {}
    assert DANISH.term("Til rådighed") == "Til rådighed"


def test_risk_levels_in_both_languages() -> None:
    assert set(DANISH.risk_levels) == set(ENGLISH.risk_levels) == set(RiskLevel)
    assert DANISH.risk_levels[RiskLevel.MEDIUM] == "middel"
    assert ENGLISH.risk_levels[RiskLevel.MEDIUM] == "medium"
