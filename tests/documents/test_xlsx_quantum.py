# SPDX-License-Identifier: MPL-2.0
"""The workbook of a catalog in mio. kr. with one decimal: its helper rows split a key's
lines at the profile's quantum (0,1 mio. kr.), as the core does, and a spreadsheet
recalculating them gets the values the workbook carries (P2's -1,4 mio. kr. by invoices:
-0,2; -0,3; ... not -1 to one committee)."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from gevinst.core import calc
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.reader import load_catalog
from tests.documents.test_xlsx import FULL, formula_cells, libreoffice, stripped
from tests.paths import ROOT

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx-dk") / "dk.xlsx"
    path.write_bytes(render_xlsx(load_catalog(DK), FULL))
    return path


def test_the_split_in_tenths_is_a_formula_in_tenths(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["P2"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert any("/0.1," in t for t in texts)  # an exact share counted in tenths
    assert any(t.endswith(")*0.1") for t in texts)  # a share multiplied back


def test_the_carried_shares_are_the_cores(book: Path) -> None:
    cat = load_catalog(DK)
    p = cat.proposal("P2")
    (group,) = [g for g in calc.placement_groups(p).values() if any(ln.id == "e1" for ln in g)]
    shares = calc.apportion_lines(p, cat.profile, group)
    # -1,4 by invoices in tenths, the licences' 0,3 on ØU (placed together, split together)
    assert sorted(shares[u][2027] for u in shares) == [
        Decimal(v) for v in ("-0.3", "-0.3", "-0.2", "-0.2", "-0.1", "-0.1", "0.1")
    ]
    ws = openpyxl.load_workbook(book, data_only=True)["P2"]
    carried = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, float)]
    assert -0.3 in carried


def test_a_spreadsheet_recalculating_gets_what_the_workbook_carries(
    book: Path, tmp_path: Path
) -> None:
    """Every formula of P2's sheet, its split in tenths among them."""
    plain = stripped(book, tmp_path / "stripped.xlsx")
    computed = openpyxl.load_workbook(
        libreoffice(tmp_path, "xlsx", plain) / plain.name, data_only=True
    )
    cached = openpyxl.load_workbook(book, data_only=True)
    formulas = openpyxl.load_workbook(book)
    differ = []
    for (sheet, cell), _ in formula_cells(formulas):
        if sheet != "P2":  # the proposal's sheet; the catalog's sheet is not this test's
            continue
        carried, mine = cached[sheet][cell].value, computed[sheet][cell].value
        numbers = isinstance(carried, int | float) and isinstance(mine, int | float)
        if not (carried == mine or (numbers and math.isclose(carried, mine, abs_tol=1e-9))):
            differ.append(f"{sheet}!{cell}: {carried!r} != {mine!r}")
    assert differ == []
