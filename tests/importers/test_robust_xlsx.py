# SPDX-License-Identifier: MPL-2.0
"""An edited workbook's bad amounts (issue 9): a number outside the format's range is refused
at its sheet and cell, and an amount that may be a Danish "1.144" read with English settings
(1,144) is imported with a warning at its cell."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from gevinst.core.errors import FormatError
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.xlsx import render_xlsx
from gevinst.importers.xlsx import import_onto

CELL = "D8"  # BC01's line e1 in 2025: -149


def edited(seed: Catalog, tmp_path: Path, value: object, sheet: str = "BC01") -> Path:
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(seed, ExportOptions(None, True))))
    assert book["BC01"][CELL].value == -149
    book[sheet][CELL].value = value
    path = tmp_path / "katalog.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1e20, "1E+20 er uden for det tilladte område"),
        (10**15, "1000000000000000 er uden for det tilladte område"),
        (0.12345678901234, "har mere end 10 decimaler"),
    ],
)
def test_an_amount_outside_the_range_is_refused_at_its_cell(
    seed: Catalog, tmp_path: Path, value: float, message: str
) -> None:
    with pytest.raises(FormatError) as e:
        import_onto(edited(seed, tmp_path, value), seed)
    [problem] = e.value.problems
    assert problem.message.startswith(f"BC01!{CELL}: ") and message in problem.message


def test_an_amount_like_a_danish_thousand_is_imported_with_a_warning(
    seed: Catalog, tmp_path: Path
) -> None:
    result = import_onto(edited(seed, tmp_path, 1.144), seed)
    assert result.catalog.proposal("BC01").line("e1").amounts[2025] == Decimal("1.144")
    assert [n for n in result.notes if n.startswith(f"BC01!{CELL}")] == [
        f"BC01!{CELL}: beløbet 1,144 har decimaler; er det 1.144 skrevet med dansk "
        "tusindtalsprik i et regneark med engelske indstillinger, så ret cellen til 1144 og "
        "indlæs igen"
    ]


@pytest.mark.parametrize("value", [-150, 12.2504, 0.5])
def test_a_whole_amount_or_a_finer_fraction_imports_without_a_warning(
    seed: Catalog, tmp_path: Path, value: float
) -> None:
    result = import_onto(edited(seed, tmp_path, value), seed)
    assert result.catalog.proposal("BC01").line("e1").amounts[2025] == Decimal(repr(value))
    assert not [n for n in result.notes if "tusindtalsprik" in n]


def test_a_named_pipe_as_workbook_is_refused_without_blocking(
    seed: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "katalog.xlsx"
    os.mkfifo(path)
    with pytest.raises(FormatError, match="ikke en almindelig fil"):
        import_onto(path, seed)
