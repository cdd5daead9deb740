# SPDX-License-Identifier: MPL-2.0
"""``gevinst followup`` on the shipped catalog: the JSON items, the table by responsible unit,
and a bad date or an unreadable time phrase refused with exit 2."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from gevinst.cli.main import main
from tests.paths import SEED

KEYS = {"proposal", "goal", "measure", "responsible", "due_from", "due_to", "status", "recorded"}


def test_the_seed_at_the_end_of_2025_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["followup", str(SEED), "--as-of", "2025-12-31", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert list(shown) == ["items"]
    items = shown["items"]
    assert all(set(i) == KEYS for i in items)
    assert Counter(i["status"] for i in items) == {"overdue": 57, "due": 14, "upcoming": 17}
    assert items[0] == {
        "proposal": "BC01",
        "goal": "Ledergodkendelser er fjernet på fraværsindberetninger.",
        "measure": "Styregruppen får forelagt, at godkendelsestrin er fjernet fra "
        "fraværsløsninger.",
        "responsible": "Koncernservice (projektejer)",
        "due_from": "2025-07-01",
        "due_to": "2025-09-30",
        "status": "overdue",
        "recorded": None,
    }


def test_the_table_is_by_responsible_unit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["followup", str(SEED), "--as-of", "2025-12-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "Koncernservice (projektejer)",
        "  forfalden  2025-07-01–2025-09-30  BC01  "
        "Ledergodkendelser er fjernet på fraværsindberetninger.",
        "  aktuel     2025-10-01–2025-12-31  BC01  "
        "KK’s praksis for dokumentation af ferie på forskud er vedtaget",
        "  kommende   2026-10-01–2026-12-31  BC01  "
        "Ny samlet løsning i Serviceportalen er implementeret.",
    ]
    units = [line for line in lines if not line.startswith("  ")]
    assert len(units) == len(set(units))
    assert sum(line.startswith("  forfalden") for line in lines) == 57


@pytest.mark.parametrize("day", ["2025-13-01", "31-12-2025", "i morgen"])
def test_a_bad_date_exits_2_in_danish(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["followup", str(SEED), "--as-of", day]) == 2
    assert capsys.readouterr().err == f"gevinst: --as-of {day!r} er ikke en dato (ÅÅÅÅ-MM-DD)\n"


def test_an_unreadable_phrase_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kat"
    shutil.copytree(SEED, folder)
    bc01 = folder / "proposals" / "BC01.yaml"
    text = bc01.read_text(encoding="utf-8")
    assert text.count("when: Tredje kvartal 2025") == 1
    bc01.write_text(text.replace("when: Tredje kvartal 2025", "when: Snarest"), encoding="utf-8")
    assert main(["followup", str(folder), "--as-of", "2025-12-31"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gevinst: BC01, målet 'Ledergodkendelser")
    assert "tidspunktet 'Snarest' kan ikke læses som en periode" in err
