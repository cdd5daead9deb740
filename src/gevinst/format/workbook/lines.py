# SPDX-License-Identifier: MPL-2.0
"""The sheet ``Linjer``: every line's amount, one row per line and year, linked to the
line's input cell."""

from __future__ import annotations

from collections.abc import Mapping

from gevinst.core.model import Catalog
from gevinst.core.template import KIND_NAMES, booking_label
from gevinst.format.workbook.cells import cell_text, number
from gevinst.format.workbook.names import LINJER_HEADERS, cell_ref
from gevinst.format.workbook.proposal import ProposalSheet
from gevinst.format.workbook.sheetwriter import SheetWriter
from gevinst.format.workbook.styles import Style, amount_style


def linjer(ws: SheetWriter, cat: Catalog, sheets: Mapping[str, ProposalSheet]) -> None:
    """Every line in every year of its proposal's table, its amount linked to the line's
    input cell, for pivot tables and filters."""
    for col, head in enumerate(LINJER_HEADERS):
        ws.write_string(0, col, head, Style.HEADER)
    row = 0
    for p in cat.proposals:
        sheet = sheets[p.id]
        for line in p.lines:
            texts = (p.id, line.id, line.text, KIND_NAMES[line.kind], line.area or "")
            for year in p.years:
                row += 1
                for col, text in enumerate((*texts, booking_label(line.booking))):
                    if text:
                        ws.write_string(row, col, cell_text(text))
                ws.write_number(row, 6, year, Style.YEAR)
                amount = line.amounts[year]
                source = sheet.line_rows.get(line.id)
                fmt = amount_style(amount)
                if source is None:
                    ws.write_number(row, 7, number(amount), fmt)
                else:
                    link = f"={cell_ref(sheet.name, sheet.col(year), source)}"
                    ws.write_formula(row, 7, link, fmt, number(amount))
    ws.show_fractions((1, 7), (max(row, 1), 7))
    ws.autofilter(0, 0, row, len(LINJER_HEADERS) - 1)
    ws.freeze_panes(1, 2)
    for col, width in enumerate((10, 8, 60, 18, 16, 18, 6, 12)):
        ws.set_column(col, col, width)
    ws.protect(autofilter=True)
