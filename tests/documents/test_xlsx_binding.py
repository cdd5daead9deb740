# SPDX-License-Identifier: MPL-2.0
"""The two writers of the workbook's layout agree: the cells XlsxWriter writes to the file
are the cells the Recorder records (gevinst.format.workbook.recorder), which the import
compares a workbook with."""

from __future__ import annotations

import io

import openpyxl
import pytest

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.workbook.book import record
from gevinst.format.workbook.names import VERSIONS


def _file_cells(data: bytes) -> dict[str, dict[tuple[int, int], object]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {
        ws.title: {
            (c.row - 1, c.column - 1): c.value
            for row in ws.iter_rows()
            for c in row
            # an empty text reads back as "" where XlsxWriter writes it, and shows nothing
            if c.value not in (None, "")
        }
        for ws in wb.worksheets
    }


@pytest.mark.parametrize(
    "options",
    [ExportOptions(include_confidential=True), ExportOptions(), ExportOptions(proposal="BC01")],
)
def test_the_file_holds_the_recorded_cells(seed: Catalog, options: ExportOptions) -> None:
    recorder, _ = record(seed, options)
    in_file = _file_cells(render_xlsx(seed, options))
    assert list(in_file) == [*recorder.sheets, VERSIONS]
    for name, sheet in recorder.sheets.items():
        expected = {
            coord: value if kind != "f" else str(value)
            for coord, (kind, value) in sheet.cells.items()
        }
        assert in_file[name] == expected, name
