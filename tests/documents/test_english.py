# SPDX-License-Identifier: MPL-2.0
"""Documents follow the profile (issue 10, item 7): an English council's catalog (the shipped
example of the profile en-unitary: whole pounds, financial years from April, a ten-year
outline business case) exported to PDF, Word, Excel, CSV and shown in the terminal, each read
back: English headings, "£", "2025/26" and English figures ("-477,000"), and none of the
Danish template's words."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from gevinst.cli.show import render_proposal, render_summary
from gevinst.core import marks
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.core.summary import summarise
from gevinst.documents.blocks import document
from gevinst.documents.csv_file import render_csv
from gevinst.documents.fdp import render_fdp
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
# words of the Danish template that an English document must not print
DANISH = ("Tabel", "Samlet", "kr.", "Forslagets", "Udvalg", "Tilbagebetaling", "Beløb", "år ")
ENGLISH = (
    "Table 1. Total financial consequences of the proposal",
    "Permanent changes (savings and running costs)",
    "Implementation costs",
    "Total financial impact",
    "Payback period based on total costs",
    "All savings are shown as negative (-) figures.",
    "Who has been consulted?",
    "Risk assessment",
)
TEN_YEARS = [f"{y}/{(y + 1) % 100:02d}" for y in range(2025, 2035)]


@pytest.fixture(scope="module")
def english() -> Catalog:
    return load_catalog(EXAMPLE)


def _no_danish(text: str, where: str) -> None:
    found = [w for w in DANISH if w in text]
    assert not found, f"{where}: {found}"


def test_the_example_is_english(english: Catalog) -> None:
    profile = english.profile
    assert (profile.language, profile.money.label, profile.periods.start_month) == ("en", "£", 4)
    assert len(english.proposal("OBC01").years) == 10


def test_pdf(english: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    path.write_bytes(render_pdf(english, ExportOptions()))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    text = done.stdout.decode("utf-8")
    for heading in (*ENGLISH, "Contents", "Amounts in £, 2025/26 prices", "Page 1 of"):
        assert heading in text, heading
    # the ten financial years in one row of Tabel 1's header, and English figures
    assert re.search(r"\s+".join(TEN_YEARS), text)
    assert "-477,000" in text and "4 years (2028/29)" in text
    _no_danish(text, "pdf")


def test_pdf_ten_years_fit_a_landscape_page(english: Catalog, tmp_path: Path) -> None:
    """The ten-year table is set on landscape pages, every figure apart from the next."""
    path = tmp_path / "en.pdf"
    path.write_bytes(render_pdf(english, ExportOptions(proposal="OBC01")))
    done = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "3", str(path)], capture_output=True, check=True
    )
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", done.stdout.decode())
    assert sizes and all(float(w) > float(h) for w, h in sizes)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    impact = next(line for line in text.splitlines() if "Total financial impact" in line)
    # no two figures run together ("-417,000-477,000")
    assert re.findall(r"-?[\d,]+", impact.split("impact", 1)[1]) == [
        "1,236,000",
        "-417,000",
        *["-477,000"] * 8,
        "-2,997,000",  # the Total column (the profile's template.table1_total)
    ]


def test_word(english: Catalog, tmp_path: Path) -> None:
    doc = Document(io.BytesIO(render_docx(english, ExportOptions())))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    text = paragraphs + "\n" + cells
    for heading in ENGLISH:
        assert heading in text, heading
    assert all(year in cells for year in TEN_YEARS)
    assert "-477,000" in cells and "£, 2025/26 prices" in cells
    footer = doc.sections[-1].footer.paragraphs[0].text
    assert footer.startswith("Amounts in £") and "Page" in footer
    _no_danish(text, "docx")
    wide = [s for s in doc.sections if (s.page_width or 0) > (s.page_height or 0)]
    assert wide, "the ten-year proposal is on landscape pages"


def test_excel(english: Catalog) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(english, ExportOptions())))
    assert {"Catalogue", "Lines", "Deviations"} <= set(book.sheetnames)
    sheet = book["OBC01"]
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    text = "\n".join(values)
    assert "Table 1. Total financial consequences of the proposal" in text
    assert "£, 2025/26 prices" in text and all(year in values for year in TEN_YEARS)
    # the payback is a live formula worded in English
    payback = [v for v in values if "years (" in v and v.startswith("=IF(")]
    assert payback and '"/"' in payback[0]
    lines = book["Lines"]
    assert [c.value for c in lines[1]][-1] == "Amount (£)"
    _no_danish("\n".join(v for v in values if not v.startswith("=")), "xlsx")


def test_csv(english: Catalog) -> None:
    text = render_csv(english, ExportOptions()).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:4] == ["proposal", "proposal_title", "line", "text"]
    years = {r["year"] for r in rows if r["proposal"] == "OBC01"}
    assert years == set(TEN_YEARS)
    assert {r["kind"] for r in rows} <= {"saving", "running cost", "income", "implementation"}
    _no_danish(text, "csv")


def test_show(english: Catalog) -> None:
    shown = render_proposal(english.proposal("OBC01"), english.profile, "1")
    assert "Table 1. Total financial consequences of the proposal" in shown
    assert "£, 2025/26 prices" in shown and "2034/35" in shown
    assert "-477,000" in shown and "4 years (2028/29)" in shown
    summary = render_summary(summarise(english, english.tables[0].id), english.profile)
    assert "Committee / proposal" in summary and "1,450,000" in summary
    _no_danish(shown + summary, "show")


def test_a_marked_figure_widens_its_table_s_years(seed: Catalog) -> None:
    """A mark anywhere in a table (a payback's "4 år (2028)¹" too) sets its year columns at
    their natural width, as before the columns widened for long figures."""
    tables = [
        b
        for p in document(seed, ExportOptions(include_confidential=True))["proposals"]
        for b in p["blocks"]
        if b["kind"] == "table" and b.get("anchor") == "1"
    ]
    marked = [
        t
        for t in tables
        if any(
            marks.MARKED.search(c if isinstance(c, str) else c["text"])
            for r in t["rows"]
            for c in r["cells"][:2]
        )
    ]
    assert marked
    assert all(t["widths"][2:] == ["auto"] * (len(t["widths"]) - 2) for t in marked)


def test_open_data(english: Catalog) -> None:
    files = render_fdp(english, ExportOptions())
    assert set(files) == {"datapackage.json", "data/committees.csv", "data/lines.csv"}
    text = files["datapackage.json"].decode("utf-8")
    package = json.loads(text)
    assert package["countryCode"] == "gb" and package["scale"] == 1
    assert package["fiscalPeriod"] == {"start": "2025-04-01", "end": "2035-03-31"}
    assert "GBP" in text and "DKK" not in text and "Amount (£)" in text
    _no_danish(text, "fdp")


def test_a_deviation_is_listed_under_english_headings(tmp_path: Path) -> None:
    """The closing list's title, columns and figures follow the profile; its explanations
    are the check's findings, in Danish."""
    folder = tmp_path / "en"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "proposals" / "OBC01.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2026: -417000", "2026: -400000", 1), encoding="utf-8")
    document = render_pdf(load_catalog(folder), ExportOptions())
    (tmp_path / "en.pdf").write_bytes(document)
    printed = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "en.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Differences from the stated figures" in printed
    assert "Mark" in printed and "Calculated" in printed
    assert "-400,000" in printed and "-417,000¹" in printed
