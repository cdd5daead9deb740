# SPDX-License-Identifier: MPL-2.0
"""``gevinst realisation``, ``measurements``, ``realised`` and ``spent`` on a copy of the
shipped catalog: a CSV import refused with its rejected rows named (exit 1, nothing
written) and saved when they are accepted, the mapping reused, amounts recorded in
realisation.yaml, and the catalog's summary per committee as JSON and as a table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gevinst.cli.main import main
from tests.paths import SEED

CSV = "Dato;Udlejede ladere;Afdeling\n2025-01-31;12;KS\n31-02-2025;1.300,5;KS\n"


@pytest.fixture
def kat(tmp_path: Path) -> Path:
    shutil.copytree(SEED, tmp_path / "kat")
    (tmp_path / "drift.csv").write_text(CSV, encoding="utf-8")
    return tmp_path / "kat"


def _import(kat: Path, *extra: str) -> int:
    mapping = ["--mapping", "Dato=dato", "--mapping", "Udlejede ladere=BC02/4"]
    return main(
        ["measurements", "import", str(kat), str(kat.parent / "drift.csv"), *mapping, *extra]
    )


def test_an_import_with_a_rejected_row_writes_nothing_and_names_it(
    kat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(kat) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "afvist: drift.csv, række 3, kolonne 'Dato': '31-02-2025': datoen findes ikke",
        "gevinst: intet er gemt: 1 værdier er afvist; ret filen, eller gem resten med "
        "--accept-rejections",
    ]
    assert out == "ikke læst (ikke koblet): Afdeling\n"
    assert not (kat / "realisation.yaml").exists()


def test_accepted_rejections_save_the_rest_and_the_mapping_is_reused(
    kat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(kat, "--accept-rejections") == 0
    assert capsys.readouterr().out.endswith("1 målinger gemt, 1 værdier afvist, 2 nye koblinger\n")
    (kat.parent / "drift.csv").write_text("Dato;Udlejede ladere\n28.02.2025;13\n", encoding="utf-8")
    assert main(["measurements", "import", str(kat), str(kat.parent / "drift.csv")]) == 0
    assert capsys.readouterr().out == "1 målinger gemt, 0 værdier afvist, 0 nye koblinger\n"
    assert main(["realisation", str(kat), "BC02", "--format", "json"]) == 0
    goal = json.loads(capsys.readouterr().out)["goals"][3]
    assert (goal["goal"], goal["text"]) == ("BC02/4", "Indtægter fra ladeoperatører")
    assert [(m["date"], m["value"]) for m in goal["measurements"]] == [
        ("2025-01-31", 12),
        ("2025-02-28", 13),
    ]


def test_a_realised_amount_without_evidence_or_committee_is_refused_with_exit_2(
    kat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["realised", str(kat), "BC01", "2026", "-100", "--evidence", " "]) == 2
    assert "dokumentation for den realiserede gevinst mangler" in capsys.readouterr().err
    assert main(["realised", str(kat), "BC01", "2026", "-100", "--evidence", "udtræk"]) == 2
    assert "angiv udvalget" in capsys.readouterr().err
    assert main(["measurements", "add", str(kat), "BC02/4", "12", "--date", "31-02-2025"]) == 2
    assert "--date '31-02-2025': datoen findes ikke" in capsys.readouterr().err
    assert not (kat / "realisation.yaml").exists()


def test_the_catalogs_realisation_per_committee(
    kat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a negative amount with a thousands separator after --, or argparse takes it for an option
    args = ["realised", str(kat), "--evidence", "udtræk", "--committee", "SU"]
    assert main([*args, "--", "BC01", "2026", "-1.100,5"]) == 0
    assert main(["spent", str(kat), "BC01", "2025", "1800"]) == 0
    assert capsys.readouterr().out == (
        "BC01 2026, SU: realiseret -1.100,5 gemt\nBC01 2025, ØU: forbrug 1.800 gemt\n"
    )
    assert "kind: realised" in (kat / "realisation.yaml").read_text(encoding="utf-8")
    assert main(["realisation", str(kat), "BC01", "--format", "json"]) == 0
    spent = json.loads(capsys.readouterr().out)["spent"]
    assert [(e["year"], e["committee"], e["amount"]) for e in spent] == [(2025, "ØU", 1800)]
    assert main(["realisation", str(kat), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    su = next(c for c in shown["effect"]["committees"] if c["committee"] == "SU")
    assert su["realised"] == {"2026": "-1100,5"}
    assert su["difference"] == {"2026": str(-1100.5 + 9652).replace(".", ",")}
    assert shown["spending"]["total"]["realised"] == {"2025": 1800}
    assert [p["proposal"] for p in shown["proposals"]][:3] == ["BC01", "BC02", "F1"]
    assert main(["realisation", str(kat)]) == 0
    table = capsys.readouterr().out
    assert table.startswith("Realiseret effekt mod planlagt (Tabel A), 1.000 kr.\n")
    assert "  realiseret" in table and "-1.100,5" in table and "8.551,5" in table
