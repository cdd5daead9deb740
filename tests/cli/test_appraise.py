# SPDX-License-Identifier: MPL-2.0
"""``gevinst appraise`` on the outline business case of tests/data/appraisal (an English
council's ten-year case, £000, Green Book settings), checked by hand.

The preferred option borrows its capital of 1.000 plus optimism bias (equipment/development,
upper bound 200 %, 90 % mitigated: 20 %, so 200) at 4,5 % over 10 years: A = 1.200 × 0,045 /
(1 - 1,045^-10) = 54 / 0,356072 = 151,65 a year in 2026-2035; nine of them fall in the
horizon (1.364,9), and one is owed at its end: 151,65 / 1,045 = 145,12. Its cashable benefits
at 3,5 % (v = 1 / 1,035): -250 v - 400 (v² + ... + v⁹) = -241,55 - 400 × 6,641503 =
-2.898,15.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gevinst.cli.main import main
from tests.format.test_appraisal import english_catalog
from tests.paths import ROOT, SEED

D = Decimal


def test_the_options_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = english_catalog(tmp_path)
    assert main(["appraise", str(folder), "OBC1"]) == 0
    out = capsys.readouterr().out
    assert "1.000 kr. 2025 p/l" in out and "Do nothing    Do minimum  New platform" in out
    assert "Finansiering: lån over 10 år til 4,5 %" in out
    assert "anvendt 20 % på anlægsudgiften" in out
    lines = {line[:44].strip(): line[44:].split() for line in out.splitlines() if len(line) > 44}
    assert lines["Gevinster, kontante (cashable)"] == ["0", "0", "-2.898"]
    assert lines["Finansieringsudgift i horisonten"][2] == "1.365"
    assert lines["Restgæld ved horisontens slutning"][2] == "145"
    assert lines["Risikopulje (PERT, i alt)"] == ["0", "0", "55"]
    assert lines["Optimism bias lagt til (i alt)"] == ["0", "60", "200"]
    assert "Nøglebeslutning (key decision): ja, tærskel 500.000 kr." in out
    assert "  lånets rente: NPV mod nulalternativet er 0 ved " in out


def test_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = english_catalog(tmp_path)
    assert main(["appraise", str(folder), "OBC1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["role"] for o in data["options"]] == ["do_nothing", "do_minimum", "preferred"]
    new = data["options"][2]
    assert D(new["financing_cost"]["2026"]) == D("151.65")
    assert D(new["outstanding"]) == D("145.12")
    assert D(new["pv_benefits_cashable"]) == D("-2898.15")
    # cashable + non-cashable + costs + offsets = NPV, to the penny
    parts = sum(
        D(new[k])
        for k in ("pv_costs", "pv_offsets", "pv_benefits_cashable", "pv_benefits_non_cashable")
    )
    assert abs(parts - D(new["npv"])) <= D("0.02")
    assert data["discount"]["rates"][1] == {"from": 31, "rate": "0.03"}
    assert data["funding"] == {"method": "borrowing", "term": 10, "rate": "0.045"}
    assert data["risk_mean"] == "PERT" and data["key_decision"] is True
    assert [r["name"] for r in data["switching_rates"]] == ["discount", "loan"]
    assert data["switching_rates"][1]["used"] == "0.045"
    assert data["unit"] == "1.000 kr."  # the test profile is Copenhagen's but for appraisal


def test_a_proposal_without_an_appraisal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["appraise", str(SEED), "BC01"]) == 2
    assert "BC01 har ingen vurdering af muligheder (appraisal:)" in capsys.readouterr().err


def test_the_shipped_english_case(capsys: pytest.CaptureFixture[str]) -> None:
    """The English unitary council's example catalog: its outline business case appraised in
    pounds with the Green Book settings of its profile."""
    assert main(["appraise", str(ROOT / "catalogs" / "en-unitary-2025-26"), "OBC01"]) == 0
    out = capsys.readouterr().out
    assert "£, 2025/26 prices" in out and "social time preference rate" in out
    assert "Key decision: yes, threshold £500,000" in out
