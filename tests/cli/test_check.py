# SPDX-License-Identifier: MPL-2.0
"""`gevinst check` at scale: the findings filtered by severity and proposal, the summary per
proposal, and no progress line where stderr is not a terminal."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from gevinst.cli.main import main
from gevinst.cli.progress import Progress, on_terminal
from tests.paths import SEED


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    status = main(["check", str(SEED), "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def _findings(out: dict[str, object]) -> list[dict[str, object]]:
    findings = out["findings"]
    assert isinstance(findings, list)
    return findings


def test_severity_filter_keeps_only_that_severity(capsys: pytest.CaptureFixture[str]) -> None:
    _, everything = _json(capsys)
    status, errors = _json(capsys, "--severity", "error")
    assert [f for f in _findings(everything) if f["severity"] == "error"] == _findings(errors)
    assert errors["summary"] == {
        "catalog": "kk-budget-2025",
        "proposals": 9,
        "findings": 118,
        "error": 118,
        "warning": 0,
        "info": 0,
    }
    assert status == 1
    # the exit code follows the proposals asked for, not the severities shown
    status, infos = _json(capsys, "--severity", "info", "--severity", "warning")
    assert {f["severity"] for f in _findings(infos)} == {"info", "warning"}
    # 80 warnings of the tables and 8 of what the text says (issue 14), 30 infos
    assert len(_findings(infos)) == 80 + 8 + 30 and status == 1


def test_proposal_filter_is_repeatable_and_ignores_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, everything = _json(capsys)
    status, two = _json(capsys, "--proposal", "bc01", "--proposal", "F6")
    wanted = [f for f in _findings(everything) if f["proposal"] in ("BC01", "F6")]
    assert _findings(two) == wanted
    assert two["summary"]["proposals"] == 2 and two["summary"]["findings"] == len(wanted)  # type: ignore[index]
    # BC01 has errors (its basis), F6 only warnings (CFØ; the text's 38 projects) and an info
    assert status == 1
    status, f6 = _json(capsys, "--proposal", "F6")
    assert Counter(f["severity"] for f in _findings(f6)) == {"warning": 2, "info": 1}
    assert status == 0


def test_an_unknown_proposal_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--proposal", "XX"]) == 2
    assert "forslaget 'XX' findes ikke i kataloget" in capsys.readouterr().err


def test_the_summary_counts_each_proposal_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED), "--proposal", "F6", "--proposal", "F1", "--severity", "info"])
    out, err = capsys.readouterr()
    counts, findings = out.split("\n\n")
    # in the catalog's order, each with its count; no catalog row when proposals are named
    assert [line.split() for line in counts.splitlines()] == [
        ["forslag", "fejl", "advarsler", "info"],
        ["F1", "0", "0", "1"],
        ["F6", "0", "0", "1"],
    ]
    assert findings.splitlines()[-1] == "2 fund i 2 forslag: 0 fejl, 0 advarsler, 2 info"
    assert err == ""  # stderr is captured, not a terminal: no progress line


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    assert on_terminal(io.StringIO(), "kontrollerer") is None
    assert isinstance(on_terminal(_Terminal(), "kontrollerer"), Progress)


def test_progress_line_is_written_over_and_cleared() -> None:
    stream = _Terminal()
    progress = Progress(stream, "kontrollerer", show_after=0)
    progress(1, 3)
    progress(3, 3)
    progress.close()
    text = stream.getvalue()
    assert "kontrollerer: 1/3 forslag (33 %)" in text
    assert "kontrollerer: 3/3 forslag (100 %)" in text
    assert text.endswith("\r") and "\n" not in text


def test_a_short_run_shows_no_progress() -> None:
    stream = _Terminal()
    progress = Progress(stream, "kontrollerer", show_after=60)
    progress(1, 1)
    progress.close()
    assert stream.getvalue() == ""
