# SPDX-License-Identifier: MPL-2.0
"""A workbook without a file: the cells the layout writes, as the import compares them."""

from __future__ import annotations

from gevinst.format.workbook.sheetwriter import Coord
from gevinst.format.workbook.styles import Look

Expected = tuple[str, object]  # ("s", text), ("n", number) or ("f", formula)


class RecordedSheet:
    """The cells a sheet would get, as the importer compares them. Widths, panes, filters,
    notes, protection and styles do not change what a cell holds: they are not recorded."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[Coord, Expected] = {}

    def write_string(self, row: int, col: int, text: str, fmt: Look | None = None) -> None:
        if text:  # XlsxWriter writes no value for an empty text
            self.cells[row, col] = ("s", text)

    def write_number(self, row: int, col: int, value: float, fmt: Look | None = None) -> None:
        self.cells[row, col] = ("n", value)

    def write_formula(
        self, row: int, col: int, formula: str, fmt: Look | None, value: float | str
    ) -> None:
        self.cells[row, col] = ("f", formula)

    def write_url(self, row: int, col: int, url: str, string: str) -> None:
        self.cells[row, col] = ("s", string)

    def write_blank(self, row: int, col: int, fmt: Look) -> None:
        """A blank cell holds nothing."""

    def write_comment(self, row: int, col: int, text: str) -> None:
        """A note is not a cell's content."""

    def set_column(self, first: int, last: int, width: float) -> None:
        """A width is not a cell's content."""

    def freeze_panes(self, row: int, col: int) -> None:
        """Frozen panes are not a cell's content."""

    def autofilter(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """A filter is not a cell's content."""

    def show_fractions(self, first: Coord, last: Coord) -> None:
        """A conditional format is not a cell's content."""

    def protect(self, autofilter: bool = False) -> None:
        """Protection is not a cell's content."""


class Recorder:
    """Stands in for a workbook: records every sheet's cells."""

    def __init__(self) -> None:
        self.sheets: dict[str, RecordedSheet] = {}

    def add_worksheet(self, name: str) -> RecordedSheet:
        self.sheets[name] = RecordedSheet(name)
        return self.sheets[name]
