# SPDX-License-Identifier: MPL-2.0
"""Tabel 1's Total column in the data format (issue 10: "a stated row total per line"): a
proposal states each row's total as printed (``stated.table1_totals``), read and written back
the same; the profile says whether its Tabel 1 prints the column (``template.table1_total``),
Copenhagen's does not."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog, load_profile
from gevinst.format.writer import write_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"


def test_the_profiles_say_whether_tabel_1_prints_a_total_column() -> None:
    assert load_profile("en-unitary").template.table1_total
    assert not load_profile("kk").template.table1_total
    assert not load_profile("dk-kommune").template.table1_total


def test_the_stated_totals_are_read() -> None:
    p = load_catalog(EXAMPLE).proposal("OBC01")
    totals = p.stated.table1_totals
    assert totals["e1"] == Decimal(-4312000)
    assert totals["impact"] == Decimal(-2997000)
    assert set(totals) == {line.id for line in p.lines} | {
        "varig_service",
        "varig",
        "impl_service",
        "impl_anlaeg",
        "impl",
        "impact",
    }


def test_the_stated_totals_survive_a_round_trip(tmp_path: Path) -> None:
    original = load_catalog(EXAMPLE)
    write_catalog(original, tmp_path / "once")
    again = load_catalog(tmp_path / "once")
    assert again.proposal("OBC01").stated == original.proposal("OBC01").stated
    written = (tmp_path / "once" / "proposals" / "OBC01.yaml").read_text(encoding="utf-8")
    assert "table1_totals:" in written
    write_catalog(again, tmp_path / "twice")
    assert (tmp_path / "twice" / "proposals" / "OBC01.yaml").read_text(encoding="utf-8") == written


def test_a_total_for_a_row_tabel_1_does_not_have_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "proposals" / "OBC01.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("table1_totals: {e1:", "table1_totals: {x9:", 1), "utf-8")
    with pytest.raises(FormatError) as caught:
        load_catalog(folder)
    assert "stated.table1_totals: ukendt række x9" in str(caught.value)
