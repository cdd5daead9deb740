# SPDX-License-Identifier: MPL-2.0
"""A consultation's kind is one of the profile's consultation_kinds, checked when the
proposal is read with its profile; a risk level is read in either language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gevinst.core.errors import FormatError
from gevinst.core.model import RiskLevel
from gevinst.format.reader import load_catalog
from tests.format.bc01 import bc01_catalog, edit, problems
from tests.paths import ROOT

EN = ROOT / "catalogs" / "en-unitary-2025-26"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return bc01_catalog(tmp_path)


def test_a_kind_outside_the_profile_names_its_field_and_the_allowed_kinds(catalog: Path) -> None:
    line = edit(catalog, "    kind: it-kredsen", "    kind: digital-board")
    [message] = problems(catalog)
    assert f"linje {line}" in message and "consultations[1].kind" in message
    assert "'digital-board'" in message and "consultation_kinds" in message
    assert "cfo, effektiviseringskredsen, it-kredsen" in message


@pytest.mark.parametrize(
    ("word", "level"),
    [
        ("low", RiskLevel.LOW),
        ("medium", RiskLevel.MEDIUM),
        ("High", RiskLevel.HIGH),
        ("lav", RiskLevel.LOW),
        ("middel", RiskLevel.MEDIUM),
        ("høj", RiskLevel.HIGH),
    ],
)
def test_a_risk_level_in_either_language(catalog: Path, word: str, level: RiskLevel) -> None:
    edit(catalog, "  level: null", f"  level: {word}")
    assert load_catalog(catalog).proposal("BC01").risk_level is level


def test_an_unknown_risk_level_names_the_words(catalog: Path) -> None:
    edit(catalog, "  level: null", "  level: moderate")
    [message] = problems(catalog)
    assert "risk.level" in message and "'moderate'" in message
    assert "lav, middel, høj, low, medium, high" in message


def test_the_english_catalog_uses_its_own_kinds_and_a_risk_level(tmp_path: Path) -> None:
    obc01 = load_catalog(EN).proposal("OBC01")
    assert [c.kind for c in obc01.consultations] == [
        "s151",
        "digital-board",
        "design-authority",
        "hr-unions",
    ]
    assert obc01.risk_level is RiskLevel.MEDIUM
    # Copenhagen's kinds are not the council's
    shutil.copytree(EN, tmp_path / "en")
    path = tmp_path / "en" / "proposals" / "OBC01.yaml"
    path.write_text(path.read_text().replace("kind: digital-board", "kind: it-kredsen"))
    with pytest.raises(FormatError, match=r"it-kredsen.*s151, digital-board"):
        load_catalog(tmp_path / "en")
