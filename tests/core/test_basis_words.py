# SPDX-License-Identifier: MPL-2.0
"""The calculation basis's texts per language (core/basis_words.py): every Danish text has
an English one with the same fields, every model has its label and step in both, and an
English profile's evaluation explains itself, and fails, in English with English figures."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core.assumptions import Assumptions
from gevinst.core.basis_words import DANISH, TEXTS, UNITS, phase_factor, words
from gevinst.core.check import check_catalog
from gevinst.core.effects import (
    MODELS,
    Effect,
    Param,
    PhaseIn,
    PhaseInProfile,
    Sign,
    evaluate,
    model_label,
)
from gevinst.core.errors import CalculationError
from gevinst.core.money import Money, Periods
from gevinst.core.template import ENGLISH, Printing, printing
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

D = Decimal
POUNDS = Money("GBP", 1, 0, "£")
EN = Printing(ENGLISH, POUNDS, Periods(4))
YEARS = (2025, 2026, 2027)
DAY = dt.date(2025, 1, 1)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS["da"]))
def test_every_danish_text_has_an_english_one_with_the_same_fields(key: str) -> None:
    assert key in TEXTS["en"]
    assert _fields(TEXTS["en"][key]) == _fields(TEXTS["da"][key])


def test_the_languages_have_the_same_keys() -> None:
    assert set(TEXTS) == set(UNITS) == {"da", "en"}
    assert set(TEXTS["en"]) == set(TEXTS["da"])


@pytest.mark.parametrize("kind", sorted(MODELS))
@pytest.mark.parametrize("language", sorted(TEXTS))
def test_every_model_has_a_label_and_a_step_in_every_language(kind: str, language: str) -> None:
    assert TEXTS[language][f"model.{kind}"]
    if kind != "time_saving":  # its steps are the time.* texts
        assert TEXTS[language][f"step.{kind}"]


@pytest.mark.parametrize("profile", sorted({str(p) for p in PhaseInProfile}))
def test_every_phase_in_is_named_in_every_language(profile: str) -> None:
    for language in TEXTS:
        assert TEXTS[language][f"phase.{profile}"] and TEXTS[language][f"phased.{profile}"]


def test_the_danish_voice_is_copenhagens() -> None:
    """The default voice writes as the seed's printing does: Danish figures, calendar years."""
    kk = printing(None)
    for amount in (D("33000"), D("0.5"), D("1262.6")):
        assert DANISH.plain(amount) == kk.plain(amount)
    assert DANISH.year(2025) == kk.year(2025) == "2025"
    assert phase_factor(DANISH, 2025, D(1) / 3) == "2025: 33,3 %"
    assert phase_factor(EN, 2025, D(1) / 3) == "2025/26: 33.3 %"


FULL = PhaseIn()


def _effect(model: str, phase: PhaseIn = FULL, **values: Decimal) -> Effect:
    return Effect("e1", model, {n: Param(n, v) for n, v in values.items()}, Sign.SAVING, phase)


def test_an_english_evaluation_explains_itself_in_english() -> None:
    e = _effect("fte", PhaseIn(PhaseInProfile.FROM_MID_YEAR), fte=D(14), price=D(33000))
    result = evaluate(e, YEARS, Assumptions(()), DAY, money=POUNDS, voice=EN)
    assert result.steps == (
        "FTE × cost per FTE: 14 × 33,000 = £462,000 a year",
        "Phase-in (from the middle of the first year): 2025/26: 50 %, 2026/27: 100 %, "
        "2027/28: 100 %",
    )
    danish = evaluate(e, YEARS, Assumptions(()), DAY, money=POUNDS)
    assert danish.steps[0] == "ÅV × årsværkspris: 14 × 33.000 = 462.000 £ om året"
    assert model_label("fte", EN) == "Full-time equivalents" and MODELS["fte"].label == "Årsværk"


def test_a_time_saving_in_english() -> None:
    e = _effect(
        "time_saving",
        cases=D(1000),
        minutes=D(30),
        hour_norm=D(1500),
        wage=D(30000),
        overhead=D(5000),
    )
    steps = evaluate(e, YEARS, Assumptions(()), DAY, money=POUNDS, voice=EN).steps
    assert steps[:3] == (
        "1,000 cases × 30 min. = 30,000 minutes = 500 hours",
        "500 hours / annual hours 1,500 hours = 0.333 FTE",
        "0.333 FTE × (30,000 + 5,000 £ on-costs) = £11,666.7 a year",
    )


def test_a_model_that_cannot_be_computed_says_why_in_the_profiles_language() -> None:
    e = _effect("time_saving", cases=D(1), minutes=D(1), hour_norm=D(0), wage=D(1), overhead=D(1))
    with pytest.raises(CalculationError, match=r"^the calculation divides by zero"):
        evaluate(e, YEARS, Assumptions(()), DAY, money=POUNDS, voice=EN)
    with pytest.raises(CalculationError, match=r"^beregningen deler med nul"):
        evaluate(e, YEARS, Assumptions(()), DAY)
    missing = Effect("e1", "fte", {"fte": Param("fte", D(1))})
    with pytest.raises(CalculationError, match=r"^the model 'fte' lacks the parameters price"):
        evaluate(missing, YEARS, Assumptions(()), DAY, voice=EN)
    listed = _effect("fte", fte=D(1), price=D(1))
    listed = Effect("e1", "fte", {**listed.params, "fte": Param("fte", (D(1), D(2)))})
    with pytest.raises(CalculationError, match=r"^the parameter 'fte' must be one number"):
        evaluate(listed, YEARS, Assumptions(()), DAY, voice=EN)
    assert words(DANISH, "error.lengths") == "listerne skal have samme længde"


def test_the_checks_basis_error_is_in_english_for_an_english_catalog() -> None:
    """A basis that cannot be computed (a list where the model takes one number) is reported
    in English, the model named as the English basis names it."""
    cat = load_catalog(ROOT / "catalogs" / "en-unitary-2025-26")
    p = cat.proposal("OBC01")
    e1 = p.effects[0]
    broken = replace(e1, params={**e1.params, "fte": Param("fte", (D(14), D(2)))})
    p = replace(p, effects=(broken, *p.effects[1:]))
    cat = replace(cat, proposals=tuple(p if q.id == p.id else q for q in cat.proposals))
    errors = [f.message for f in check_catalog(cat) if f.rule == "basis-error"]
    assert len(errors) == 1
    assert errors[0].endswith(
        "(full-time equivalents) cannot be calculated: the parameter 'fte' must be one "
        "number, not a list"
    )
