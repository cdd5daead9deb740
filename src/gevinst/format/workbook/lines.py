# SPDX-License-Identifier: MPL-2.0
"""The sheet ``Linjer``: every line's amount, one row per line and year, linked to the
line's input cell."""

from __future__ import annotations

from collections.abc import Mapping

from gevinst.core.model import Catalog
from gevinst.core.template import printing
from gevinst.format.workbook.cells import cell_text, number
from gevinst.format.workbook.names import cell_ref, lines_headers
from gevinst.format.workbook.proposal import ProposalSheet
from gevinst.format.workbook.sheetwriter import SheetWriter
from gevinst.format.workbook.styles import Style, amount_style


def linjer(ws: SheetWriter, cat: Catalog, sheets: Mapping[str, ProposalSheet]) -> None:
    """Every line in every year of its proposal's table, its amount linked to the line's
    input cell, for pivot tables and filters; the year a number, or its label where the
    profile counts financial years ("2024/25")."""
    printed = printing(cat.profile)
    words = printed.words
    headers = lines_headers(printed)
    for col, head in enumerate(headers):
        ws.write_string(0, col, head, Style.HEADER)
    row = 0
    for p in cat.proposals:
        sheet = sheets[p.id]
        for line in p.lines:
            texts = (p.id, line.id, line.text, words.kind_names[line.kind], line.area or "")
            for year in p.years:
                row += 1
                for col, text in enumerate((*texts, words.booking(line.booking))):
                    if text:
                        ws.write_string(row, col, cell_text(text))
                if printed.periods.financial:
                    ws.write_string(row, 6, printed.year(year), Style.YEAR)
                else:
                    ws.write_number(row, 6, year, Style.YEAR)
                amount = line.amounts[year]
                source = sheet.line_rows.get(line.id)
                fmt = amount_style(amount, least=printed.money.decimals)
                if source is None:
                    ws.write_number(row, 7, number(amount), fmt)
                else:
                    link = f"={cell_ref(sheet.name, sheet.col(year), source)}"
                    ws.write_formula(row, 7, link, fmt, number(amount))
    ws.show_fractions((1, 7), (max(row, 1), 7))
    ws.autofilter(0, 0, row, len(headers) - 1)
    ws.freeze_panes(1, 2)
    for col, width in enumerate((10, 8, 60, 18, 16, 18, 6, 12)):
        ws.set_column(col, col, width)
    ws.protect(autofilter=True)
