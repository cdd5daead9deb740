# SPDX-License-Identifier: MPL-2.0
"""``gevinst overview`` on the shipped catalog: the round's proposals with their state and
Godkendt med, the promised savings overdue for evidence, as JSON and as text."""

from __future__ import annotations

import json

import pytest

from gevinst.cli.main import main
from tests.paths import SEED


def test_the_seed_at_the_end_of_2025_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overview", str(SEED), "--as-of", "2025-12-31", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["round"], shown["as_of"], shown["states"]) == (
        "Budget 2025",
        "2025-12-31",
        {"draft": 9},
    )
    by_id = {p["id"]: p for p in shown["proposals"]}
    assert list(by_id) == ["BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    # up for approval in this round: nothing promised yet, so nothing overdue
    assert by_id["BC01"]["approved_with"] == "Budget 2025" and by_id["BC01"]["overdue"] == []
    f3 = by_id["F3"]["overdue"]
    assert [(o["occurrences"], o["since"]) for o in f3] == [(1, "2025-08-31")] * 4
    assert f3[0]["goal"].startswith("Der er ansat 5 dagin")
    assert by_id["BC01"]["ready"] == ["submit", "withdraw"]


def test_the_text_names_each_proposal_and_its_overdue_goals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["overview", str(SEED), "--as-of", "2025-12-31"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Budget 2025, set fra 2025-12-31: 9 forslag (Kladde 9)\n")
    assert "\nF3  Kladde (godkendt med OFS 23-24)\n" in out
    assert "ældste frist 2025-08-31" in out


def test_a_bad_day_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overview", str(SEED), "--as-of", "31-12-2025"]) == 2
    assert "--as-of '31-12-2025' er ikke en dato" in capsys.readouterr().err
