# SPDX-License-Identifier: MPL-2.0
"""The whole workbook written into a :class:`~gevinst.format.workbook.sheetwriter.BookWriter`:
the XlsxWriter binding, or the :class:`~gevinst.format.workbook.recorder.Recorder`."""

from __future__ import annotations

from gevinst.core.marks import Marks
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.format.workbook.catalog import CatalogSheet, complete_table
from gevinst.format.workbook.deviations import deviations
from gevinst.format.workbook.lines import linjer
from gevinst.format.workbook.names import book_sheets, sheet_names
from gevinst.format.workbook.proposal import ProposalSheet
from gevinst.format.workbook.recorder import Recorder
from gevinst.format.workbook.sheetwriter import BookWriter, Coord
from gevinst.format.workbook.targets import Target


def write_book(wb: BookWriter, cat: Catalog) -> dict[str, dict[Coord, Target]]:
    """Write the sheets of ``cat`` (already selected) into ``wb``, a workbook or a
    :class:`Recorder`; returns each sheet's input cells."""
    names = sheet_names(cat)
    katalog_name, linjer_name, afvigelser_name = book_sheets(cat)
    katalog = wb.add_worksheet(katalog_name)
    sheets: dict[str, ProposalSheet] = {}
    for p in cat.proposals:
        sheets[p.id] = ProposalSheet(wb.add_worksheet(names[p.id]), p, cat.profile, names[p.id])
        sheets[p.id].write()
    catalog_sheet = CatalogSheet(katalog, cat, sheets)
    catalog_sheet.write()
    linjer(wb.add_worksheet(linjer_name), cat, sheets)
    complete = all(complete_table(cat, (r.proposal for r in t.rows())) for t in cat.tables)
    marks = Marks(cat, with_summary=complete)
    cells = {
        place: (sheet, coord)
        for sheet in (catalog_sheet, *sheets.values())
        for place, coord in sheet.places.items()
        if marks.number(place) is not None
    }
    deviations(wb.add_worksheet(afvigelser_name), marks, cells)
    return {s.name: s.inputs for s in sheets.values()}


def record(cat: Catalog, options: ExportOptions) -> tuple[Recorder, dict[str, dict[Coord, Target]]]:
    """What the workbook's writer writes for ``cat`` and ``options``, cell by cell, and what each
    input cell stands for."""
    recorder = Recorder()
    inputs = write_book(recorder, select(cat, options))
    return recorder, inputs
