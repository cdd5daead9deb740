# SPDX-License-Identifier: MPL-2.0
"""``gevinst followup-record``: a record with its evidence written to followup.yaml and its
file under followup/, shown by ``gevinst followup``; a done without evidence and a file
that is not there refused with exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gevinst.cli.main import main


def test_a_goal_recorded_done_with_a_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    minutes = tmp_path / "referat 14-10.pdf"
    minutes.write_bytes(b"%PDF-1.7 referat")
    args = ["followup-record", str(folder), "BC01", "--goal", "1", "--status", "done"]
    more = ["--note", "Styregruppens referat", "--attach", str(minutes), "--due-from", "2025-07-01"]
    assert main(args + more) == 0
    out = capsys.readouterr().out
    assert out.startswith("BC01: 2025-07-01–2025-09-30 Ledergodkendelser er fjernet")
    assert out.endswith(": nået (nr. 1)\n")
    kept = (folder / "followup" / "BC01" / "1" / "referat 14-10.pdf").read_bytes()
    assert kept == b"%PDF-1.7 referat"
    text = (folder / "followup.yaml").read_text(encoding="utf-8")
    assert "status: done\n" in text and "- referat 14-10.pdf\n" in text
    assert main(["followup", str(folder), "--as-of", "2099-01-01", "--format", "json"]) == 0
    [first, *_] = json.loads(capsys.readouterr().out)["items"]
    assert first["status"] == "done"
    assert first["recorded"]["number"] == 1
    assert first["recorded"]["attachments"] == ["referat 14-10.pdf"]
    assert first["recorded"]["who"] == "lokal bruger"


@pytest.mark.parametrize(
    ("more", "message"),
    [
        ([], "kun registreres som nået med dokumentation"),
        (["--note", "x", "--attach", "findes-ikke.pdf"], "findes-ikke.pdf"),
        (["--note", "x", "--due-from", "2025-07-02"], "ingen forekomst begynder 2025-07-02"),
        (["--note", "x", "--due-from", "1. juli"], "--due-from '1. juli' er ikke en dato"),
    ],
)
def test_a_refused_record_exits_2_and_writes_nothing(
    folder: Path, more: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["followup-record", str(folder), "BC01", "--goal", "1", "--status", "done"]
    assert main(args + more) == 2
    assert message in capsys.readouterr().err
    assert not (folder / "followup.yaml").exists() and not (folder / "followup").exists()


@pytest.mark.django_db
def test_the_records_and_their_files_go_into_the_database_and_back(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    minutes = tmp_path / "referat.pdf"
    minutes.write_bytes(b"%PDF-1.7 referat")
    on_track = ["--goal", "2", "--status", "on_track", "--due-from", "2025-10-01"]
    assert main(["followup-record", str(folder), "BC01", *on_track]) == 0
    done = ["--goal", "1", "--status", "done", "--attach", str(minutes)]
    assert main(["followup-record", str(folder), "BC01", *done]) == 0
    assert main(["db", "import", str(folder)]) == 0
    assert main(["db", "export", "kk-budget-2025", str(tmp_path / "ud")]) == 0
    out = tmp_path / "ud"
    assert (out / "followup.yaml").read_bytes() == (folder / "followup.yaml").read_bytes()
    assert (out / "followup" / "BC01" / "2" / "referat.pdf").read_bytes() == b"%PDF-1.7 referat"
