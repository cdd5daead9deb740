# SPDX-License-Identifier: MPL-2.0
"""A sheet of tables written top down (label, second column, one column a year), and the
pieces of formulas its rows are made of."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from gevinst.core.marks import Place
from gevinst.core.series import ZERO, Series
from gevinst.core.template import Printing, printing
from gevinst.format.workbook.cells import cell_text, number
from gevinst.format.workbook.names import column
from gevinst.format.workbook.sheetwriter import Coord, SheetWriter
from gevinst.format.workbook.styles import Amount, Look, Style, amount_style
from gevinst.format.workbook.targets import Target

# helper rows compare and round at nine decimals: floating point noise stays far below, and
# an amount in 1.000 kr. never needs more
PRECISION = 9
QUANTUM = Decimal(1).scaleb(-PRECISION)
HORIZON = 100  # years a payback is sought within (calc.payback_from_first_amount)


Terms = Callable[[str], str]  # a column's letter -> the terms of a formula in that column


class Sheet:
    """A worksheet of tables: label, second column and one column a year. Formulas that
    refer to rows further down are written last (:meth:`later`)."""

    FIRST_VALUE = 2  # columns A and B hold the label and the styringsområde or unit
    name = ""

    def __init__(
        self, ws: SheetWriter, years: Sequence[int], printed: Printing | None = None
    ) -> None:
        self.ws, self.years, self.row = ws, tuple(years), 0
        # the profile's wording, money and years; Danish in 1.000 kr. without one
        self.printed = printed or printing(None)
        self.words = self.printed.words
        self.book = self.words.workbook
        self.inputs: dict[Coord, Target] = {}
        self.places: dict[Place, Coord] = {}  # the cells that show a figure marks.py may mark
        self._later: list[Callable[[], None]] = []

    def col(self, year: int) -> int:
        return self.FIRST_VALUE + self.years.index(year)

    def place_row(self, proposal: str | None, table: str, key: str, row: int) -> None:
        """The cells of a table's row, one a year, as marks.py names them."""
        for year in self.years:
            self.places[Place(proposal, table, key, year)] = (row, self.col(year))

    def text(self, col: int, text: str, fmt: Look | None = None) -> None:
        if text:
            self.ws.write_string(self.row, col, cell_text(text), fmt)
        elif fmt is not None:
            self.ws.write_blank(self.row, col, fmt)

    def line(self, label: str, fmt: Look | None = None) -> None:
        self.text(0, label, fmt)
        self.row += 1

    def title(self, title: str) -> None:
        self.line(title, Style.BOLD)

    def gap(self) -> None:
        self.row += 1

    def header(self, first: str, second: str) -> None:
        self.text(0, first, Style.HEADER)
        self.text(1, second, Style.HEADER)
        for i, year in enumerate(self.years):
            self.text(self.FIRST_VALUE + i, self.printed.year(year), Style.HEADER)
        self.row += 1

    def label(self, label: str, second: str, total: bool = False) -> int:
        self.text(0, label, Style.TOTAL_LABEL if total else Style.WRAP)
        self.text(1, second, Style.TOTAL_LABEL if total else None)
        return self.row

    def style(self, amount: Decimal, total: bool = False, editable: bool = False) -> Amount:
        """An amount's look: its own decimals, at least the profile's money's."""
        return amount_style(amount, total, editable, self.printed.money.decimals)

    def value(self, row: int, col: int, amount: Decimal, total: bool = False) -> None:
        self.ws.write_number(row, col, number(amount), self.style(amount, total))

    def formula(
        self, row: int, col: int, text: str | None, amount: Decimal, total: bool = False
    ) -> None:
        """``text`` carrying the core's ``amount``; the amount alone where ``text`` is None
        (there is nothing to refer to)."""
        if text is None:
            self.value(row, col, amount, total)
        else:
            fmt = self.style(amount, total)
            self.ws.write_formula(row, col, text, fmt, number(amount))

    def editable(self, row: int, col: int, amount: Decimal | None, target: Target) -> None:
        fmt = self.style(amount or ZERO, editable=True)
        if amount is None:
            self.ws.write_blank(row, col, fmt)
        else:
            self.ws.write_number(row, col, number(amount), fmt)
        self.inputs[row, col] = target

    def inputs_row(
        self, label: str, second: str, amounts: Series, target: Callable[[int], Target]
    ) -> int:
        """A row of input cells, one a year (0 where the series has none)."""
        row = self.label(label, second)
        for year in self.years:
            self.editable(row, self.col(year), amounts[year], target(year))
        self.row += 1
        return row

    def formula_row(
        self, label: str, second: str, amounts: Series, terms: Terms | None, total: bool = True
    ) -> int:
        """A row whose cells are ``=terms(column)``, carrying ``amounts``."""
        row = self.label(label, second, total)
        for year in self.years:
            col = self.col(year)
            self.formula(
                row, col, None if terms is None else f"={terms(column(col))}", amounts[year], total
            )
        self.row += 1
        return row

    def later(self, write: Callable[[], None]) -> None:
        self._later.append(write)

    def finish(self, columns: Sequence[tuple[int, float]], last_value: int) -> None:
        """Write what waited for rows further down; widths; fractions shown; protection."""
        for write in self._later:
            write()
        for col, width in columns:
            self.ws.set_column(col, col, width)
        if last_value >= self.FIRST_VALUE:
            self.ws.show_fractions((0, self.FIRST_VALUE), (max(self.row, 1), last_value))
        self.ws.protect()


def span_sum(col: str, rows: Sequence[int]) -> str:
    """SUM over the rows, each run of adjacent rows as one range: ``SUM(D8:D10,D14:D15)``."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts = [
        f"{col}{r[0] + 1}:{col}{r[-1] + 1}" if len(r) > 1 else f"{col}{r[0] + 1}" for r in runs
    ]
    return f"SUM({','.join(parts)})"


def signed(terms: Iterable[tuple[int, int]]) -> Terms | None:
    """``+E12-E20``: each (sign, row) in the given column; None where there is none."""
    pairs = list(terms)
    if not pairs:
        return None

    def text(col: str) -> str:
        out = "".join(f"{'+' if sign > 0 else '-'}{col}{row + 1}" for sign, row in pairs)
        return out.removeprefix("+")

    return text


def joined(terms: Sequence[Terms]) -> Terms | None:
    """The sum of several terms; None where there is none."""
    if not terms:
        return None
    return lambda col: "+".join(t(col) for t in terms)
