# SPDX-License-Identifier: MPL-2.0
"""What the layout asks of a workbook: the XlsxWriter binding writes a file, the
:class:`~gevinst.format.workbook.recorder.Recorder` only records the cells."""

from __future__ import annotations

from typing import Protocol

from gevinst.format.workbook.styles import Look

Coord = tuple[int, int]  # row, column (0-based)


class SheetWriter(Protocol):
    def write_string(self, row: int, col: int, text: str, fmt: Look | None = None) -> None: ...

    def write_number(self, row: int, col: int, value: float, fmt: Look | None = None) -> None: ...

    def write_formula(
        self, row: int, col: int, formula: str, fmt: Look | None, value: float | str
    ) -> None:
        """``formula`` carrying ``value``, the figure gevinst computed, for a viewer that
        does not recalculate."""

    def write_url(self, row: int, col: int, url: str, string: str) -> None: ...

    def write_blank(self, row: int, col: int, fmt: Look) -> None:
        """A cell that holds nothing but has a style (an empty input cell)."""

    def write_comment(self, row: int, col: int, text: str) -> None:
        """A note on the cell."""

    def set_column(self, first: int, last: int, width: float) -> None: ...

    def freeze_panes(self, row: int, col: int) -> None: ...

    def autofilter(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None: ...

    def show_fractions(self, first: Coord, last: Coord) -> None:
        """A cell of the range that holds a fraction shows its decimals, also after an edit."""

    def protect(self, autofilter: bool = False) -> None:
        """Only the input cells can be edited; ``autofilter``: filtering stays possible."""


class BookWriter(Protocol):
    def add_worksheet(self, name: str) -> SheetWriter: ...
