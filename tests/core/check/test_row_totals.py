# SPDX-License-Identifier: MPL-2.0
"""The rule ``table1-row-total``: a total Tabel 1 states for a row (its Total column, typed by
hand) against the sum of the row's years; one quantum off is a rounding warning, anything
else an error, worded in the profile's language. The English example states every row's
total correctly: no finding."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from gevinst.core.check import check_catalog
from gevinst.core.check.table1 import MESSAGES
from gevinst.core.findings import Finding, Severity
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
RULE = "table1-row-total"


def _planted(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "proposals" / "OBC01.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _row_totals(folder: Path) -> list[Finding]:
    return [f for f in check_catalog(load_catalog(folder)) if f.rule == RULE]


def test_the_english_example_states_its_totals_correctly() -> None:
    assert _row_totals(EXAMPLE) == []


def test_a_wrong_line_total_is_an_error_in_english(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "e1: -4312000", "e1: -4321000")
    (f,) = _row_totals(folder)
    assert (f.proposal, f.table, f.row, f.year) == ("OBC01", "1", "e1", None)
    assert (f.stated, f.computed, f.severity) == (
        Decimal(-4321000),
        Decimal(-4312000),
        Severity.ERROR,
    )
    assert f.message == (
        "Contact centre and back-office posts no longer needed (14 FTE), total: stated "
        "-4,321,000, calculated -4,312,000 (difference -9,000; the calculated figure is the "
        "sum of the row's years 2025/26 to 2034/35)"
    )


def test_a_subtotal_one_pound_off_is_a_rounding_warning(tmp_path: Path) -> None:
    folder = _planted(tmp_path, "impact: -2997000", "impact: -2997001")
    (f,) = _row_totals(folder)
    assert (f.row, f.severity) == ("impact", Severity.WARNING)
    assert f.message == (
        "Total financial impact, total: stated -2,997,001, calculated -2,997,000 (difference "
        "-1; rounding difference)"
    )


def test_the_danish_message_names_the_same_fields() -> None:
    assert MESSAGES["da"]["row-total"].startswith("{row}, i alt: angivet {stated}")
