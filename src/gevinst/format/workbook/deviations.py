# SPDX-License-Identifier: MPL-2.0
"""The sheet ``Afvigelser`` and the notes of marked cells: every figure stated in the data
that differs from the derived one, as :mod:`gevinst.core.marks` numbers them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from gevinst.core.marks import Deviation, Marks, Place
from gevinst.format.workbook.cells import cell_text, number
from gevinst.format.workbook.names import cell_ref, column
from gevinst.format.workbook.sheet import Sheet
from gevinst.format.workbook.sheetwriter import Coord, SheetWriter
from gevinst.format.workbook.styles import Style, amount_style

# a figure as the list prints it, by the document's language: its thousands and decimal signs
_NUMBERS = {
    "da": (re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?"), ".", ","),
    "en": (re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?"), ",", "."),
}


def _figure(text: str, language: str) -> Decimal | None:
    """A figure the list prints ("-1.144", "55,6"; in English "-1,144", "55.6") as a number;
    None for a text ("10 år (2033)", "ikke udfyldt")."""
    pattern, thousands, decimal = _NUMBERS[language]
    if not pattern.fullmatch(text):
        return None
    return Decimal(text.replace(thousands, "").replace(decimal, "."))


def _note(mark: int, found: Sequence[Deviation], book: Mapping[str, str]) -> str:
    lines = [
        book["deviation"].format(stated=d.stated, computed=d.computed, explanation=d.explanation)
        for d in found
    ]
    return cell_text(book["deviation_note"].format(mark=mark) + " / ".join(lines))


def deviations(ws: SheetWriter, marks: Marks, cells: Mapping[Place, tuple[Sheet, Coord]]) -> None:
    """Each marked cell's note, and the sheet that lists every difference with a link to
    the cell that shows it, in the catalog's language (the differences' explanations, the
    check's findings, are Danish)."""
    words = marks.printed.words
    book = words.workbook
    for place, (sheet, (row, col)) in cells.items():
        found = [d for d in marks.deviations if d.place == place]
        mark = marks.number(place)
        assert mark is not None  # only marked places are given
        sheet.ws.write_comment(row, col, _note(mark, found, book))
    ws.write_string(0, 0, words.deviations_title, Style.TITLE)
    ws.write_string(1, 0, book["deviations_intro"], Style.NOTE)
    for col, head in enumerate((*words.deviations_columns, book["cell"])):
        ws.write_string(3, col, head, Style.HEADER)
    if not marks.deviations:
        ws.write_string(4, 1, book["no_deviations"], Style.NOTE)
    for row, d in enumerate(marks.deviations, start=4):
        mark = marks.number(d.place) if d.place is not None else None
        if mark is not None:
            ws.write_number(row, 0, mark)
        ws.write_string(row, 1, cell_text(d.where), Style.WRAP)
        for col, figure in ((2, d.stated), (3, d.computed)):
            amount = _figure(figure, words.language)
            if amount is None:
                ws.write_string(row, col, cell_text(figure))
            else:
                ws.write_number(row, col, number(amount), amount_style(amount))
        ws.write_string(row, 4, cell_text(d.explanation), Style.WRAP)
        if d.place is not None and d.place in cells:
            sheet, (r, c) = cells[d.place]
            ref = f"{sheet.name}!{column(c)}{r + 1}"
            ws.write_url(row, 5, f"internal:{cell_ref(sheet.name, c, r)}", string=ref)
    for col, width in enumerate((8, 40, 14, 14, 70, 12)):
        ws.set_column(col, col, width)
    ws.freeze_panes(4, 0)
    ws.protect()
