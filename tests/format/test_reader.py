# SPDX-License-Identifier: MPL-2.0
"""Broken files get a clear message naming the file, proposal, field and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gevinst.cli.main import main
from gevinst.cli.show import render_proposal
from gevinst.core.check import check_catalog
from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog
from gevinst.format.writer import write_catalog
from tests.format.bc01 import bc01_catalog, edit, problems
from tests.paths import SEED


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return bc01_catalog(tmp_path)


def test_the_unbroken_file_loads(catalog: Path) -> None:
    assert load_catalog(catalog).proposal("BC01").title == "Samlet ferieløsning i Serviceportalen"


def test_a_danish_thousand_separator_is_refused_not_divided(catalog: Path) -> None:
    line = edit(catalog, "2025: -149,", "2025: -1.149,")
    [message] = problems(catalog)
    assert f"BC01.yaml, linje {line}, forslag BC01, felt lines[0].amounts[2025]" in message
    assert "1.149" in message and "tusindtalsprik" in message


def test_an_unknown_committee_names_its_line(catalog: Path) -> None:
    line = edit(catalog, "booking: {unit: Koncernservice}", "booking: {unit: Koncernservise}")
    [message] = problems(catalog)
    assert f"linje {line}" in message
    assert "lines[0].booking.unit" in message and "'Koncernservise'" in message


def test_an_unknown_key_and_a_missing_field_are_both_reported(catalog: Path) -> None:
    edit(catalog, "booking: {key: ledere}", "booking: {key: chefer}")
    edit(catalog, "title: Samlet ferieløsning i Serviceportalen\n", "")
    found = problems(catalog)
    assert any("felt title" in p and "feltet mangler" in p for p in found)


def test_yaml_syntax_error_names_the_line(catalog: Path) -> None:
    line = edit(catalog, "risk:\n", "risk: [\n")
    [message] = problems(catalog)
    assert "BC01.yaml, linje" in message
    assert int(message.split("linje ")[1].split(",")[0].split(":")[0]) >= line


def test_yes_and_no_stay_text(catalog: Path) -> None:
    edit(catalog, "    when: Tredje kvartal 2025", "    when: no")
    assert load_catalog(catalog).proposal("BC01").followup[0].when == "no"


def test_a_missing_proposal_file_is_named(catalog: Path) -> None:
    (catalog / "proposals" / "BC01.yaml").unlink()
    [message] = problems(catalog)
    assert "catalog.yaml, linje 7" in message and "BC01.yaml findes ikke" in message


def test_the_command_reports_without_a_trace(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(catalog, "2025: -149,", "2025: -1.149,")
    assert main(["check", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "lines[0].amounts[2025]" in err


def test_a_missing_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


# --- any damage to a file gives a FormatError, never another exception -----------------------

BC01_TEXT = (SEED / "proposals" / "BC01.yaml").read_text(encoding="utf-8")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    position=st.integers(0, len(BC01_TEXT) - 1),
    length=st.integers(0, 40),
    junk=st.text(
        alphabet=st.sampled_from(list(":-[]{}#'\"\n 0123456789.,abcæøå&*!|>")), max_size=12
    ),
)
def test_damaged_files_never_crash(catalog: Path, position: int, length: int, junk: str) -> None:
    damaged = BC01_TEXT[:position] + junk + BC01_TEXT[position + length :]
    (catalog / "proposals" / "BC01.yaml").write_text(damaged, encoding="utf-8")
    try:
        loaded = load_catalog(catalog)
    except FormatError as e:
        assert all("BC01.yaml" in str(p) for p in e.problems)
    else:
        # whatever loads can be checked, shown and written back
        check_catalog(loaded)
        for p in loaded.proposals:
            render_proposal(p, loaded.profile)
        write_catalog(loaded, catalog / "igen")


def test_years_must_follow_each_other(catalog: Path) -> None:
    line = edit(catalog, "years: [2024, 2025, 2026, 2027, 2028, 2029]", "years: [2025, 2024]")
    [message] = problems(catalog)
    assert f"linje {line}" in message and "årene skal følge hinanden" in message


def test_an_amount_outside_the_years_is_refused(catalog: Path) -> None:
    edit(catalog, "2025: -149,", "2031: -5, 2025: -149,")
    [message] = problems(catalog)
    assert "lines[0].amounts[2031]" in message and "2031 er ikke blandt forslagets år" in message


def test_a_negative_key_weight_is_refused(catalog: Path) -> None:
    edit(catalog, "BIF: 154,", "BIF: -154,")
    [message] = problems(catalog)
    assert "keys.ledere.weights.BIF" in message and "negativ" in message


def test_an_unbooked_implementation_line_is_reported_not_a_crash(catalog: Path) -> None:
    edit(catalog, "    area: Anlæg\n    amounts: {2024: 0, 2025: 750, 2026: 750, 2027: 0, 2028: 0, "
         "2029: 0}\n    booking: {unit: Koncernservice}",
         "    area: Anlæg\n    amounts: {2024: 0, 2025: 750, 2026: 750, 2027: 0, 2028: 0, "
         "2029: 0}")  # fmt: skip
    findings = check_catalog(load_catalog(catalog))
    assert any(f.rule == "booking-missing" for f in findings)


def test_a_basis_that_cannot_be_computed_is_a_finding(catalog: Path) -> None:
    edit(catalog, "hour_norm: {assumption: aarstimenorm}", "hour_norm: 0")
    [finding] = [f for f in check_catalog(load_catalog(catalog)) if f.rule == "basis-error"]
    assert finding.row == "e3" and "deler med nul" in finding.message


def test_a_key_given_twice_is_an_error_with_its_line(catalog: Path) -> None:
    line = edit(catalog, "2025: -149,", "2025: -500, 2025: -149,")
    [message] = problems(catalog)
    assert f"linje {line}" in message and "nøglen 2025 står to gange" in message


@pytest.mark.parametrize("written", ["0x10", "1:30"])
def test_integer_forms_of_yaml_11_are_not_numbers(catalog: Path, written: str) -> None:
    edit(catalog, "2025: -149,", f"2025: {written},")
    [message] = problems(catalog)
    assert "lines[0].amounts[2025]" in message and "er ikke et tal" in message
