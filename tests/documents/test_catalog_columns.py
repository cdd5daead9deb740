# SPDX-License-Identifier: MPL-2.0
"""The catalog summary table prints the profile's columns in the profile's order
(``template.catalog_columns``): the generic Danish municipality's PDF, Word and Excel read
back with its years, "Ved fuld indfasning", the investment on Service and on Anlæg, the
total investment and the payback, in that order; the same in English where the profile's
language is English. Copenhagen's profile names none, and its documents are as always
(tests/documents/test_pdf.py, test_word.py, test_xlsx.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from gevinst.cli.main import main
from tests.paths import ROOT

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"
PROFILE = ROOT / "src" / "gevinst" / "profiles" / "dk-kommune.yaml"
DANISH_HEADER = [
    "Udvalg / forslag",
    "2026",
    "2027",
    "2028",
    "2029",
    "Ved fuld indfasning",
    "Investering, Service",
    "Investering, Anlæg",
    "Samlet investering",
    "Tilbagebetalingstid",
]
# P2: its effect year by year and at full phase-in, its investment on Service and Anlæg (as
# its implementation lines give them), in all, and its payback
P2_ROW = ["0,3", "1,1", "1,1", "1,1", "1,1", "0,8", "1,2", "2,0", "3 år"]


def _export(folder: Path, fmt: str, target: Path) -> Path:
    assert main(["export", str(folder), "--format", fmt, "-o", str(target)]) == 0
    return target


def _summary_table(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    table = next(
        t
        for t in document.tables
        if "Investering, Anlæg" in t.rows[0].cells[-3].text
        or "Investment, Anlæg" in t.rows[0].cells[-3].text
    )
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Danish example catalog with its profile in English."""
    folder = tmp_path_factory.mktemp("english") / "dk"
    shutil.copytree(DK, folder)
    profile = PROFILE.read_text(encoding="utf-8").replace("language: da", "language: en")
    (folder / "profile.yaml").write_text(profile, encoding="utf-8")
    catalog = folder / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8").replace(
        "profile: dk-kommune", "profile: profile.yaml"
    )
    catalog.write_text(text, encoding="utf-8")
    return folder


def test_the_pdf_prints_the_profiles_columns_in_its_order(tmp_path: Path) -> None:
    pdf = _export(DK, "pdf", tmp_path / "dk.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    table = text[text.index("Tabel 1. Effektiviserings") :]
    row = next(line for line in table.splitlines() if line.strip().startswith("2 Automatisk"))
    assert re.findall(r"\d+,\d|\d år", row) == P2_ROW
    total = next(line for line in table.splitlines() if line.strip().startswith("I alt"))
    # the total's parts on Service and Anlæg are blank: P1, P3 and P4 split nothing
    assert re.findall(r"\d+,\d", total) == ["2,8", "7,1", "8,7", "8,7", "9,1", "8,2"]
    header = table[: table.index("Økonomiudvalget")]
    for word in ("indfas", "Investe", "Samlet", "Tilbage"):
        assert word in header
    assert "Godkendt med" not in header  # not among the profile's columns


def test_the_word_document_prints_the_profiles_columns_in_its_order(tmp_path: Path) -> None:
    rows = _summary_table(_export(DK, "docx", tmp_path / "dk.docx"))
    assert rows[0] == DANISH_HEADER
    p2 = next(r for r in rows if r[0].startswith("2 Automatisk"))
    assert p2[1:] == P2_ROW


def test_the_headings_follow_the_profiles_language(english: Path, tmp_path: Path) -> None:
    rows = _summary_table(_export(english, "docx", tmp_path / "en.docx"))
    assert rows[0][5:] == [
        "Full-year effect",
        "Investment, Service",
        "Investment, Anlæg",
        "Total investment",
        "Payback period",
    ]


def test_the_workbook_adds_the_profiles_columns_after_its_own(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_export(DK, "xlsx", tmp_path / "dk.xlsx"))
    sheet = book.worksheets[0]
    header = next([c.value for c in row] for row in sheet.iter_rows() if row[0].value == "Nr.")
    extra = [h for h in header[10:] if h]
    assert extra == [
        "Ved fuld indfasning",
        "Investering, Service",
        "Investering, Anlæg",
        "Tilbagebetalingstid",
    ]
    p2 = next([c.value for c in row] for row in sheet.iter_rows() if row[1].value == "P2")
    assert p2[10:14] == [1.1, 0.8, 1.2, "3 år"]


def test_a_summary_only_proposals_row_has_the_profiles_columns(tmp_path: Path) -> None:
    """P1, known by its row alone, is printed with its row in the profile's columns: no
    "Godkendt med", no area columns (its row splits nothing)."""
    document = docx.Document(str(_export(DK, "docx", tmp_path / "dk.docx")))
    entry = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Forslag, "))
    header = [c.text for c in entry.rows[0].cells]
    assert header[5:] == ["Ved fuld indfasning", "Samlet investering", "Tilbagebetalingstid"]
    assert [c.text for c in entry.rows[1].cells][5:] == ["0,8", "0,3", "1 år"]
