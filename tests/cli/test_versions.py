# SPDX-License-Identifier: MPL-2.0
"""``gevinst pool``, ``freeze``, ``changes``, ``requests``, ``accept``, ``reject`` and
``carry`` on a copy of the shipped catalog."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from gevinst.cli.main import main
from gevinst.core.access import Actor, Edits
from gevinst.core.lifecycle import Event
from gevinst.format.reader import load_catalog
from gevinst.services import change_requests
from gevinst.stores.folder import FolderStore

OKF = Actor(name="Økonom", administration="ØKF", edits=Edits.OWN)


def test_the_pool_of_budget_2025(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (folder / "catalog.yaml").read_text(encoding="utf-8")
    pool = "pool:\n  source: Budgetaftale 2025\n  amounts: {2024: 500, 2025: 3000, 2026: 3000}\n"
    (folder / "catalog.yaml").write_text(text + pool, encoding="utf-8")
    assert main(["pool", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Investeringspuljen, Budget 2025 (kilde: Budgetaftale 2025)",
        "1.000 kr.                   2024      2025      2026     I alt",
        "Til rådighed                 500     3.000     3.000     6.500",
        "  BC01                         0     2.000     2.250     4.250",
        "  BC02                       422     1.400         0     1.822",
        "Ansøgt i alt                 422     3.400     2.250     6.072",
        "Rest (+) / mangler (-)        78      -400       750       428",
    ]
    assert main(["pool", str(folder), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["years"][1] == {
        "year": 2025,
        "available": 3000,
        "requested": 3400,
        "balance": -400,
    }
    assert [r["proposal"] for r in shown["requests"]] == ["BC01", "BC02"]


def test_a_negative_pool_is_refused_naming_file_field_and_year(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (folder / "catalog.yaml").read_text(encoding="utf-8")
    pool = "pool:\n  source: Budgetaftale 2025\n  amounts: {2025: 3000, 2026: -5}\n"
    (folder / "catalog.yaml").write_text(text + pool, encoding="utf-8")
    assert main(["pool", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "catalog.yaml" in err and "pool.amounts[2026]" in err
    assert "puljens midler kan ikke være negative" in err


def test_freeze_and_what_changed_since(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["freeze", str(folder), "Sendt til ØU 2024-05-14"]) == 0
    assert capsys.readouterr().out == "Frosset som 'Sendt til ØU 2024-05-14' (9 forslag).\n"
    assert main(["changes", str(folder), "--since", "Sendt til ØU 2024-05-14"]) == 0
    assert capsys.readouterr().out == "Intet er ændret siden 'Sendt til ØU 2024-05-14'.\n"
    bc01 = folder / "proposals" / "BC01.yaml"
    text = bc01.read_text(encoding="utf-8")
    bc01.write_text(text.replace("2026: -297", "2026: -300", 1), encoding="utf-8")
    assert main(["changes", str(folder), "--since", "Sendt til ØU 2024-05-14"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Ændret siden 'Sendt til ØU 2024-05-14':",
        "BC01 Samlet ferieløsning i Serviceportalen (ændret)",
        "  lines[e1].amounts[2026]: -297 -> -300",
    ]
    assert (
        main(["changes", str(folder), "--since", "Sendt til ØU 2024-05-14", "--format", "json"])
        == 0
    )
    [changed] = json.loads(capsys.readouterr().out)["proposals"]
    assert changed["cells"] == [{"place": "lines[e1].amounts[2026]", "before": -297, "after": -300}]
    assert main(["changes", str(folder)]) == 0
    assert capsys.readouterr().out.endswith("Sendt til ØU 2024-05-14 (lokal bruger)\n")
    assert main(["freeze", str(folder), "sendt til øu 2024-05-14"]) == 2
    assert "allerede en version ved navn" in capsys.readouterr().err
    assert main(["changes", str(folder), "--since", "Sendt til BR"]) == 2
    assert "ingen version ved navn 'Sendt til BR'" in capsys.readouterr().err
    # the loader reads the catalog as before: the versions kept beside it are not its files
    assert load_catalog(folder).proposal("BC01").lines[0].amounts[2026] == -300


def test_change_requests_accepted_and_rejected(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = FolderStore()
    when = datetime(2026, 2, 1, tzinfo=UTC)
    approved = Event(
        transition="approve",
        from_state="consultation",
        to_state="approved_cfo",
        who="CFØ",
        when=when,
    )
    store.add_event(str(folder), "BC01", approved, expected_count=0)
    for title in ("Første", "Anden"):
        current = store.proposal(str(folder), "BC01")
        doc = {**current.document, "title": title}
        change_requests.submit_edit(
            store, OKF, str(folder), "BC01", doc, base=current.version, why=f"titel {title}"
        )
    assert main(["requests", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "titel Første (åben)",
        "titel Anden (åben)",
    ]
    assert main(["accept", str(folder), "1"]) == 0
    assert capsys.readouterr().out.startswith("Ændringsanmodning 1 er godkendt og gemt")
    assert load_catalog(folder).proposal("BC01").title == "Første"
    # the second was asked from the same version: accepting it now would overwrite the first
    assert main(["accept", str(folder), "2"]) == 2
    assert "forslag BC01 er gemt af en anden" in capsys.readouterr().err
    assert main(["reject", str(folder), "2", "--note", "bygger på en gammel version"]) == 0
    assert main(["requests", str(folder), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out.split("\n", 1)[1])["requests"]
    assert [(r["number"], r["decision"]["accepted"]) for r in shown] == [(1, True), (2, False)]
    kept = yaml.safe_load((folder / "changes.yaml").read_text(encoding="utf-8"))
    assert kept["requests"][1]["decision"]["note"] == "bygger på en gammel version"


def test_carry_makes_the_next_rounds_catalog(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "kk-budget-2026"
    assert main(["carry", str(folder), str(new), "--round", "Budget 2026"]) == 0
    assert capsys.readouterr().out == f"{new}: Budget 2026, 9 forslag videreført.\n"
    catalog = load_catalog(new)
    assert (catalog.id, catalog.round) == ("kk-budget-2026", "Budget 2026")
    rows = {r.proposal: r.approved_with for t in catalog.tables for r in t.rows()}
    assert rows["BC01"] == "Budget 2025" and rows["F2"] == "OFS 23-24"
    assert main(["pool", str(new)]) == 0
    assert "Ansøgt i alt" in capsys.readouterr().out


def test_rounds_count_a_carried_and_revised_proposal_once(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "kk-budget-2026"
    assert main(["carry", str(folder), str(new), "--round", "Budget 2026"]) == 0
    bc01 = new / "proposals" / "BC01.yaml"
    text = bc01.read_text(encoding="utf-8")
    bc01.write_text(text.replace("2027: -297", "2027: -397", 1), encoding="utf-8")  # e1
    capsys.readouterr()
    assert main(["rounds", str(folder), "--format", "json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["rounds", str(folder), str(new), "--format", "json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert len(after["proposals"]) == 9  # not eighteen
    assert after["proposals"][0] == {
        "proposal": "BC01",
        "round": "Budget 2026",
        "effect": {"2024": 0, "2025": 297, "2026": 1144, "2027": 1574, "2028": 1474, "2029": 1474},
    }
    # the revised BC01 replaces its first version in the total: 100 more in 2027, not twice
    assert after["total"]["2027"] - before["total"]["2027"] == 100
    assert after["total"]["2026"] == before["total"]["2026"] == 61465
    assert main(["rounds", str(folder), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("BC01     Budget 2026") and lines[-1].startswith("I alt")
