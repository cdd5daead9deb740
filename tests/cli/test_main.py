# SPDX-License-Identifier: MPL-2.0
"""The `gevinst` command on the shipped catalog, as a finance officer runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gevinst.cli.main import main
from tests.paths import SEED

SEED_IDS = ["BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]
FINDING_KEYS = {
    "proposal",
    "table",
    "row",
    "year",
    "stated",
    "computed",
    "rule",
    "severity",
    "message",
}


def test_check_json_has_findings_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(SEED), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"findings", "summary"}
    assert out["findings"] and all(set(f) == FINDING_KEYS for f in out["findings"])
    assert {f["severity"] for f in out["findings"]} <= {"error", "warning", "info"}
    assert out["summary"]["proposals"] == 9
    assert out["summary"]["findings"] == len(out["findings"])
    # the seed disagrees with itself, so the check fails
    assert out["summary"]["error"] > 0 and status == 1


def test_check_table_names_each_place(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED)])
    counts, findings = capsys.readouterr().out.split("\n\n")
    assert "BC01 tabel 2.1" in findings
    assert "Socialudvalget, 2026: angivet -108, beregnet -107" in findings
    last = findings.rstrip().splitlines()[-1]
    assert last.startswith(f"{findings.count(chr(10)) - 1} fund i 9 forslag")
    # the summary per proposal opens the report: every proposal, then the catalog's own
    rows = [line.split() for line in counts.splitlines()[1:]]
    assert [r[0] for r in rows] == [*SEED_IDS, "katalog"]
    assert sum(int(n) for r in rows for n in r[1:]) == findings.count(chr(10)) - 1


def test_show_bc01_table_1_as_in_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "BC01", "--table", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].rstrip().endswith("4 år (2028)")
    impact = next(line for line in lines if line.startswith("Samlet økonomisk påvirkning"))
    assert impact.split()[-6:] == ["0", "1.703", "1.106", "-1.474", "-1.474", "-1.474"]


def test_show_unknown_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "BC99"]) == 2
    assert "BC99" in capsys.readouterr().err


def test_the_installed_command_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "show", str(SEED), "F4", "--table", "C"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Teknik- og Miljøudvalget" in done.stdout
