# SPDX-License-Identifier: MPL-2.0
"""Tabel 1's Total column (issue 10: an English outline business case prints each row's
total over its ten years): where the profile says so (``template.table1_total``), the PDF,
Word, the Excel sheet (a SUM over the row's years), the web page's HTML and ``gevinst show``
print it for every line, subtotal and the total impact, derived; a total the proposal states
otherwise is marked and listed. Copenhagen's documents print no such column (the seed's
exports are compared byte for byte in tests/documents/test_pdf.py, test_word.py and
test_xlsx.py)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from gevinst.cli.show import render_proposal
from gevinst.core.marks import Marks
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import html
from gevinst.documents.blocks import document
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.reader import load_catalog
from gevinst.importers.xlsx import import_onto
from tests.documents.test_xlsx import libreoffice, stripped
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
ONE = ExportOptions(proposal="OBC01")
# each row of OBC01's Tabel 1 with figures, and its ten years added up
TOTALS = {
    "Contact centre and back-office posts no longer needed (14 FTE)": "-4,312,000",
    "Printing and postage": "-585,000",
    "Platform licences, hosting and support": "1,575,000",
    "Total permanent change": "-4,447,000",
    "Project team, training and backfill": "300,000",
    "Total implementation costs": "1,450,000",
    "Total financial impact": "-2,997,000",
}


@pytest.fixture(scope="module")
def english() -> Catalog:
    return load_catalog(EXAMPLE)


def _planted(tmp_path: Path) -> Catalog:
    """The example with the posts' total typed wrong: -4,321,000 for -4,312,000."""
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "proposals" / "OBC01.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("e1: -4312000", "e1: -4321000", 1), encoding="utf-8")
    return load_catalog(folder)


def _pdf_text(cat: Catalog, tmp_path: Path, options: ExportOptions = ONE) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(render_pdf(cat, options))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _tabel_1(cat: Catalog) -> dict[str, Any]:
    (proposal,) = document(select(cat, ONE), ONE)["proposals"]
    return next(b for b in proposal["blocks"] if b.get("anchor") == "1")


def test_the_blocks_end_each_row_of_figures_with_its_total(english: Catalog) -> None:
    table = _tabel_1(english)
    columns = table["columns"]
    assert columns[-1] == "Total" and len(columns) == 2 + 10 + 1
    rows = _rows(table)
    for label, total in TOTALS.items():
        assert rows[label][-1] == total, label
    # a payback row's label takes the area's cell too (the label column is narrower)
    payback = next(r["cells"] for r in table["rows"] if len(r["cells"]) == 2)
    assert payback[0] == {"text": "Payback period based on revenue savings", "span": 2}
    assert payback[1] == {"text": "4 years (2028/29)", "span": 0, "align": "left"}


def test_the_pdf_prints_the_total_column_on_its_landscape_page(
    english: Catalog, tmp_path: Path
) -> None:
    text = _pdf_text(english, tmp_path)
    header = next(line for line in text.splitlines() if "Budget area" in line)
    assert header.split()[-2:] == ["2034/35", "Total"]
    impact = next(line for line in text.splitlines() if "Total financial impact" in line)
    figures = re.findall(r"-?[\d,]+", impact.split("impact", 1)[1])
    assert figures == ["1,236,000", "-417,000", *["-477,000"] * 8, "-2,997,000"]
    posts = next(line for line in text.splitlines() if "Contact centre and back-" in line)
    assert posts.split()[-1] == "-4,312,000"


def test_word_prints_the_total_column(english: Catalog) -> None:
    doc = Document(io.BytesIO(render_docx(english, ONE)))
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Total")
    assert [c.text for c in table.rows[0].cells][-2:] == ["2034/35", "Total"]
    rows = {r.cells[0].text: r.cells[-1].text for r in table.rows}
    for label, total in TOTALS.items():
        assert rows[label] == total, label


def test_excel_sums_each_row_s_years_and_libreoffice_agrees(
    english: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "en.xlsx"
    path.write_bytes(render_xlsx(english, ONE))
    sheet = openpyxl.load_workbook(path)["OBC01"]
    header = next(r for r in sheet.iter_rows() if r[-1].value == "Total")
    assert [c.value for c in header][-2:] == ["2034/35", "Total"]
    # each row's Total in column M (C to L: the ten years), by its label
    totals = {str(r[0].value): r[0].row for r in sheet.iter_rows() if r[0].value in TOTALS}
    assert set(totals) == set(TOTALS)
    for label, row in totals.items():
        assert sheet[f"M{row}"].value == f"=SUM(C{row}:L{row})", label
    # recalculated by LibreOffice from the formulas alone, the sums are the core's
    out = libreoffice(tmp_path, "xlsx", stripped(path, tmp_path / "stripped.xlsx"))
    values = openpyxl.load_workbook(out / "stripped.xlsx", data_only=True)["OBC01"]
    for label, row in totals.items():
        assert f"{int(str(values[f'M{row}'].value)):,}" == TOTALS[label], label


def test_the_workbook_with_its_total_column_reads_back_unchanged(
    english: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "en.xlsx"
    path.write_bytes(render_xlsx(english, ExportOptions()))
    imported = import_onto(path, english)
    assert imported.catalog == english


def test_the_web_page_and_show_print_the_total_column(english: Catalog) -> None:
    page = html.render([_tabel_1(english)])
    assert ">Total</th>" in page and "-2,997,000" in page and "-4,312,000" in page
    shown = render_proposal(english.proposal("OBC01"), english.profile, "1")
    header = next(line for line in shown.splitlines() if "Budget area" in line)
    assert header.split()[-2:] == ["2034/35", "Total"]
    impact = next(line for line in shown.splitlines() if line.startswith("Total financial impact"))
    assert impact.split()[-1] == "-2,997,000"


def test_a_stated_total_that_differs_is_marked_and_listed(tmp_path: Path) -> None:
    planted = _planted(tmp_path)
    table = _tabel_1(planted)
    rows = _rows(table)
    assert rows["Contact centre and back-office posts no longer needed (14 FTE)"][-1] == (
        "-4,312,000¹"
    )
    (entry,) = Marks(planted).marked
    assert entry.where == (
        "OBC01, Table 1, Contact centre and back-office posts no longer needed (14 FTE), Total"
    )
    assert (entry.mark, entry.stated, entry.computed) == ("¹", "-4,321,000", "-4,312,000")
    assert "the sum of the row's years 2025/26 to 2034/35" in entry.explanation
    # the PDF prints the mark in the cell and the closing list after the proposal
    text = _pdf_text(planted, tmp_path)
    assert "-4,312,000¹" in text and "Differences from the stated figures" in text
    # an archive copy prints the total as stated, marked the same
    as_stated = _tabel_1_as_stated(planted)
    assert as_stated["Contact centre and back-office posts no longer needed (14 FTE)"][-1] == (
        "-4,321,000¹"
    )


def _tabel_1_as_stated(cat: Catalog) -> dict[str, list[Any]]:
    options = ExportOptions(proposal="OBC01", as_stated=True)
    (proposal,) = document(select(cat, options), options)["proposals"]
    return _rows(next(b for b in proposal["blocks"] if b.get("anchor") == "1"))


def _rows(table: dict[str, Any]) -> dict[str, list[Any]]:
    """A table block's rows by their label (a group row's one cell has none)."""
    return {r["cells"][0]: r["cells"] for r in table["rows"] if isinstance(r["cells"][0], str)}


def test_copenhagen_s_tabel_1_has_no_total_column(seed: Catalog) -> None:
    for proposal in document(seed, ExportOptions())["proposals"]:
        for table in (b for b in proposal["blocks"] if b.get("anchor") == "1"):
            assert "I alt" not in table["columns"]
            assert table["columns"][-1].isdigit()
