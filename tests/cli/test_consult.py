# SPDX-License-Identifier: MPL-2.0
"""``gevinst consult``, ``gevinst answer`` and ``gevinst consultations`` on a copy of the
shipped catalog: a request kept in review.yaml, its answer written into BC01's file's Hvem er
hørt?, the list in text and JSON, and refusals in Danish with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from gevinst.cli.main import main
from gevinst.format.reader import load_catalog


def test_a_consultation_is_asked_listed_and_answered_into_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = ["consult", str(folder), "BC01", "--kind", "it-kredsen", "--due", "2099-03-20"]
    assert main([*asked, "--note", "arkitekturen"]) == 0
    assert capsys.readouterr().out == "BC01: høring 1 af IT-kredsen, frist 20. marts 2099\n"
    [kept] = yaml.safe_load((folder / "review.yaml").read_text(encoding="utf-8"))["BC01"]
    assert (kept["record"], kept["to"], kept["due"], kept["who"]) == (
        "request",
        "it-kredsen",
        "2099-03-20",
        "lokal bruger",
    )
    assert main(["consultations", str(folder), "--as-of", "2099-03-21"]) == 0
    assert capsys.readouterr().out == ("BC01 1. IT-kredsen, frist 20. marts 2099, overskredet\n")
    answer = ["answer", str(folder), "bc01", "1", "--yes", "--date", "2099-03-18"]
    assert main([*answer, "--note", "Ingen bemærkninger"]) == 0
    assert "IT-kredsen svarede ja" in capsys.readouterr().out
    bc01 = load_catalog(folder).proposal("BC01")
    [it] = [c for c in bc01.consultations if c.kind == "it-kredsen"]
    assert it.heard is True and it.text.endswith("18\\. marts 2099 – Ingen bemærkninger")
    assert main(["consultations", str(folder), "BC01", "--format", "json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)["consultations"]
    assert (shown["proposal"], shown["number"], shown["status"], shown["body"]) == (
        "BC01",
        1,
        "answered",
        "IT-kredsen",
    )
    assert shown["answer"]["heard"] is True and shown["answer"]["date"] == "2099-03-18"


def test_refusals_exit_2_in_danish_and_write_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (folder / "proposals" / "BC01.yaml").read_bytes()
    assert main(["consult", str(folder), "BC01", "--kind", "IT", "--due", "2099-01-01"]) == 2
    assert "'IT' er hverken et høringsorgan" in capsys.readouterr().err
    assert main(["consult", str(folder), "BC01", "--kind", "med", "--due", "1. maj"]) == 2
    assert "--due '1. maj' er ikke en dato" in capsys.readouterr().err
    assert main(["consult", str(folder), "F1", "--kind", "med", "--due", "2099-01-01"]) == 2
    assert "forslag F1 er kun katalogets række" in capsys.readouterr().err
    assert main(["answer", str(folder), "BC01", "1", "--no", "--date", "2099-01-01"]) == 2
    assert "forslag BC01 har ingen høring nummer 1" in capsys.readouterr().err
    assert not (folder / "review.yaml").exists()
    assert (folder / "proposals" / "BC01.yaml").read_bytes() == before
    assert main(["consultations", str(folder)]) == 0
    assert capsys.readouterr().out == "Ingen høringer.\n"
