# SPDX-License-Identifier: MPL-2.0
"""``gevinst status`` and ``gevinst move`` on a copy of the shipped catalog: the states, a
step that is refused with each missing condition, a step taken into workflow.yaml, and the
steps carried through the database and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from gevinst.cli.main import main
from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from tests.cli.test_main import SEED_IDS


def test_status_lists_every_proposal_in_its_first_state(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{pid:<4}  Kladde" for pid in SEED_IDS]
    assert main(["status", str(folder), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["proposals"]
    assert [(p["id"], p["state"], p["events"]) for p in shown] == [
        (pid, "draft", 0) for pid in SEED_IDS
    ]
    assert shown[0]["transitions"] == [
        {"id": "submit", "label": "Indsend til CFØ", "to": "submitted", "missing": []},
        {"id": "withdraw", "label": "Træk tilbage", "to": "withdrawn", "missing": []},
    ]


def test_a_refused_move_names_each_missing_condition_and_exits_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["move", str(folder), "BC01", "submit"]) == 0
    written = (folder / "workflow.yaml").read_bytes()
    capsys.readouterr()
    assert main(["move", str(folder), "BC01", "preapprove"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "gevinst: preapprove kan ikke ske endnu for BC01; mangler:"
    assert err[1] == (
        "  - Ingen fejl i forslagets tal: Grundlaget for 'Effektivisering ved leders godkendelse "
        "og opfølgning på ferie og fravær i forvaltningerne' (tidsbesparelse), 2026: angivet "
        "-550, beregnet -587 (forskel 37; uoverensstemmelse)"
    )
    assert len(err) == 4 and all(line.startswith("  - Ingen fejl") for line in err[1:])
    assert (folder / "workflow.yaml").read_bytes() == written
    # a step from the wrong state is refused with the states it may be taken from
    assert main(["move", str(folder), "BC01", "approve"]) == 2
    assert "'Godkend endeligt' kan kun ske fra i høring" in capsys.readouterr().err


def test_a_move_is_written_to_workflow_yaml_and_shown_by_status(
    folder: Path, seed: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["move", str(folder), "f6", "submit", "--comment", "klar til CFØ"]) == 0
    assert capsys.readouterr().out == "f6: draft -> submitted (submit)\n"
    [event] = yaml.safe_load((folder / "workflow.yaml").read_text(encoding="utf-8"))["F6"]
    assert {k: event[k] for k in ("transition", "from", "to", "who", "comment")} == {
        "transition": "submit",
        "from": "draft",
        "to": "submitted",
        "who": "lokal bruger",
        "comment": "klar til CFØ",
    }
    assert load_catalog(folder) == seed  # the documents are untouched, workflow.yaml not read
    assert main(["status", str(folder)]) == 0
    assert "F6    Indsendt til CFØ" in capsys.readouterr().out.splitlines()
    assert main(["status", str(folder), "F6", "--format", "json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)["proposals"]
    assert (shown["state"], shown["events"]) == ("submitted", 1)
    assert [e["comment"] for e in shown["history"]] == ["klar til CFØ"]
    assert [t["id"] for t in shown["transitions"]] == ["send_back", "preapprove", "withdraw"]
    assert main(["status", str(folder), "F6"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "F6: Indsendt til CFØ"
    assert text[2].endswith("lokal bruger, submit (draft -> submitted): klar til CFØ")
    assert "  preapprove (Forhåndsgodkend): kan ske nu" in text


def test_status_of_an_unknown_proposal_is_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", str(folder), "F99"]) == 2
    assert capsys.readouterr().err == "gevinst: forslaget 'F99' findes ikke i kataloget\n"


@pytest.mark.django_db
def test_the_steps_go_into_the_database_and_back(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["move", str(folder), "F6", "submit", "--comment", "klar"]) == 0
    assert main(["move", str(folder), "F6", "preapprove"]) == 0
    assert main(["db", "import", str(folder)]) == 0
    assert main(["db", "export", "kk-budget-2025", str(tmp_path / "ud")]) == 0
    assert (tmp_path / "ud" / "workflow.yaml").read_bytes() == (
        folder / "workflow.yaml"
    ).read_bytes()
