# SPDX-License-Identifier: MPL-2.0
"""The Excel workbook (docs/xlsx-layout.md) written with XlsxWriter.

:mod:`gevinst.format.workbook` decides which cell holds which input, figure or formula; this
module binds that layout to XlsxWriter: the styles of the cells (yellow inputs, number
formats, grey helper rows), the notes, the sheets' protection, and the very hidden sheet of
what the workbook was exported from.
"""

from __future__ import annotations

import io
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.format.workbook.book import write_book
from gevinst.format.workbook.names import (
    ALL,
    NO,
    PROPERTY_CONFIDENTIAL,
    PROPERTY_PROPOSAL,
    PROPERTY_VERSIONS,
    VERSIONS,
    YES,
)
from gevinst.format.workbook.recorder import RecordedSheet, Recorder
from gevinst.format.workbook.sheetwriter import Coord
from gevinst.format.workbook.styles import Amount, Look, Style
from gevinst.format.workbook.versions import sheet_hash, token, versions_sheet

INPUT_FILL = "#FFF2CC"
# locked cells cannot be edited until the sheet is unprotected (no password); widths and
# heights stay adjustable
_PROTECTION = {"format_columns": True, "format_rows": True}


def number_format(places: int) -> str:
    """Danish Excel shows ``#,##0`` as 1.474 and ``#,##0.0`` as 12,5."""
    if places == 0:
        return "#,##0;-#,##0"
    digits = "0" * places
    return f"#,##0.{digits};-#,##0.{digits}"


# a cell that holds a fraction after an edit shows it (conditional format): 12,5 not 13
FRACTION_FORMAT = "#,##0.0##;-#,##0.0##"


# --- formats ---------------------------------------------------------------------------------


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self._made: dict[tuple[tuple[str, object], ...], Any] = {}
        self.title = self.get(bold=True, font_size=14)
        self.bold = self.get(bold=True)
        self.header = self.get(bold=True, bottom=1, text_wrap=True, valign="bottom")
        self.total_label = self.get(bold=True, top=1, text_wrap=True)
        self.wrap = self.get(text_wrap=True, valign="top")
        self.note = self.get(italic=True)
        self.year = self.get(num_format="0")
        self.fraction = self.get(num_format=FRACTION_FORMAT)
        self.helper = self.get(num_format="#,##0.000;-#,##0.000", font_color="#595959")
        self.styles = {
            Style.TITLE: self.title,
            Style.BOLD: self.bold,
            Style.HEADER: self.header,
            Style.TOTAL_LABEL: self.total_label,
            Style.WRAP: self.wrap,
            Style.NOTE: self.note,
            Style.YEAR: self.year,
            Style.HELPER: self.helper,
        }

    def get(self, **props: object) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self.wb.add_format(dict(props))
        return self._made[key]

    def number(self, places: int, total: bool = False, editable: bool = False) -> Any:
        props: dict[str, object] = {"num_format": number_format(places)}
        if total:
            props |= {"bold": True, "top": 1}
        if editable:
            props |= {"locked": False, "bg_color": INPUT_FILL}
        return self.get(**props)

    def of(self, look: Look | None) -> Any:
        """The format of a style the layout names; None for none."""
        if look is None:
            return None
        if isinstance(look, Amount):
            return self.number(look.places, look.total, look.editable)
        return self.styles[look]


# --- the layout bound to XlsxWriter --------------------------------------------------------------


class _XlsxSheet:
    """A worksheet that also records the cells it writes, so that the versions sheet is made
    from the cells as written, without writing the workbook twice."""

    def __init__(self, ws: Worksheet, f: _Formats, recorded: RecordedSheet) -> None:
        self.ws, self.f, self.recorded = ws, f, recorded

    def write_string(self, row: int, col: int, text: str, fmt: Look | None = None) -> None:
        self.recorded.write_string(row, col, text)
        self.ws.write_string(row, col, text, self.f.of(fmt))

    def write_number(self, row: int, col: int, value: float, fmt: Look | None = None) -> None:
        self.recorded.write_number(row, col, value)
        self.ws.write_number(row, col, value, self.f.of(fmt))

    def write_formula(
        self, row: int, col: int, formula: str, fmt: Look | None, value: float | str
    ) -> None:
        self.recorded.write_formula(row, col, formula, fmt, value)
        self.ws.write_formula(row, col, formula, self.f.of(fmt), value)

    def write_url(self, row: int, col: int, url: str, string: str) -> None:
        self.recorded.write_url(row, col, url, string)
        self.ws.write_url(row, col, url, string=string)

    def write_blank(self, row: int, col: int, fmt: Look) -> None:
        self.ws.write_blank(row, col, None, self.f.of(fmt))

    def write_comment(self, row: int, col: int, text: str) -> None:
        self.ws.write_comment(row, col, text, {"x_scale": 2, "y_scale": 2})

    def set_column(self, first: int, last: int, width: float) -> None:
        self.ws.set_column(first, last, width)

    def freeze_panes(self, row: int, col: int) -> None:
        self.ws.freeze_panes(row, col)

    def autofilter(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        self.ws.autofilter(first_row, first_col, last_row, last_col)

    def show_fractions(self, first: Coord, last: Coord) -> None:
        """A cell in the range that holds a fraction shows its decimals, also after an edit (a
        cell's own format is fixed when it is written)."""
        top_left = f"{xl_col_to_name(first[1])}{first[0] + 1}"
        self.ws.conditional_format(
            *first,
            *last,
            {"type": "formula", "criteria": f"=MOD({top_left},1)<>0", "format": self.f.fraction},
        )

    def protect(self, autofilter: bool = False) -> None:
        # filtering hides rows and changes no cell; sorting would move the links, so it is locked
        self.ws.protect("", {**_PROTECTION, "autofilter": True} if autofilter else _PROTECTION)


class _XlsxBook:
    """The workbook as the layout writes it, recording every sheet's cells."""

    def __init__(self, wb: Workbook) -> None:
        self.wb, self.f, self.recorder = wb, _Formats(wb), Recorder()

    def add_worksheet(self, name: str) -> _XlsxSheet:
        return _XlsxSheet(self.wb.add_worksheet(name), self.f, self.recorder.add_worksheet(name))


# --- what the export was made from ------------------------------------------------------------


def _write_versions(wb: Workbook, versions: RecordedSheet) -> None:
    """The versions sheet, very hidden and protected; its hash in a document property, so
    that an edit of it is found."""
    ws = wb.add_worksheet(VERSIONS)
    for (row, col), (kind, value) in versions.cells.items():
        if kind == "n":
            ws.write_number(row, col, value)
        else:
            ws.write_string(row, col, str(value))
    ws.very_hidden()
    ws.protect("", _PROTECTION)
    hashed = sheet_hash((coord, token(*cell)) for coord, cell in versions.cells.items())
    wb.set_custom_property(PROPERTY_VERSIONS, hashed)


def render_xlsx(cat: Catalog, options: ExportOptions) -> bytes:
    """What ``options`` selects of the catalog, as a workbook."""
    cat = select(cat, options)
    out = io.BytesIO()
    wb = Workbook(out, {"in_memory": True})
    wb.set_properties({"title": cat.title, "author": "gevinst", "company": cat.municipality})
    wb.set_custom_property(PROPERTY_PROPOSAL, options.proposal or ALL)
    wb.set_custom_property(PROPERTY_CONFIDENTIAL, YES if options.include_confidential else NO)
    book = _XlsxBook(wb)
    inputs = write_book(book, cat)
    _write_versions(wb, versions_sheet(cat, book.recorder, inputs))
    wb.close()
    return out.getvalue()
