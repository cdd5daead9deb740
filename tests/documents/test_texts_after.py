# SPDX-License-Identifier: MPL-2.0
"""A text printed right after a table (``texts_after``, review-pdf.md item 16): Forslag 7's
"For budget 2025 er samlet set opnået ..." after its Tabel 1, "Tabel 4 viser, hvad der er
opnået ..." after its Tabel 4, in the PDF (pdftotext) and in Word (python-docx), as the seed
prints them."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.word import render_docx
from tests.documents.test_pdf import render
from tests.format.bc01 import CATALOG, edit, problems
from tests.paths import SEED

# (the table's title, a text the seed prints after it)
F7_ORDER = (
    ("Tabel 1. Fællesaftale indkøbseffektiviseringer", "For budget 2025 er samlet set opnået"),
    ("Tabel 1. Fællesaftale indkøbseffektiviseringer", "For hver af de ovenstående"),
    ("Tabel 1. Fællesaftale indkøbseffektiviseringer", "Note til tabel 1"),
    ("Tabel 3. Fordeling af indkøbseffektiviseringer", "Note til Tabel 3"),
    ("Tabel 3. Fordeling af indkøbseffektiviseringer", "De samlede indkøbseffektiviseringer"),
    ("Tabel 4 viser de samlede indkøbseffektiviseringer", "Note til Tabel 4"),
    ("Tabel 4 viser de samlede indkøbseffektiviseringer", "Tabel 4 viser, hvad der er opnået"),
)


def test_f7_prints_tabel_3_before_tabel_4(seed: Catalog, tmp_path: Path) -> None:
    """Distribution (Tabel 3), then its text introducing Tabel 4, then the target accounting."""
    text = " ".join(render(seed, ExportOptions(proposal="F7"), tmp_path / "f7.pdf"))
    tabel_3 = text.index("Tabel 3. Fordeling af indkøbseffektiviseringer")
    assert tabel_3 < text.index("Tabel 4 viser de samlede indkøbseffektiviseringer")


def test_the_pdf_prints_a_text_after_its_table(seed: Catalog, tmp_path: Path) -> None:
    text = " ".join(render(seed, ExportOptions(proposal="F7"), tmp_path / "f7.pdf"))
    for table, after in F7_ORDER:
        assert text.index(table) < text.index(after), after
        assert text.count(after) == 1, after


def test_word_prints_a_text_after_its_table(seed: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "f7.docx"
    out.write_bytes(render_docx(seed, ExportOptions(proposal="F7")))
    body = [
        "".join(t.text or "" for t in child.iter(qn("w:t")))
        for child in docx.Document(str(out)).element.body
    ]

    def where(start: str) -> int:
        [index] = [i for i, block in enumerate(body) if block.startswith(start)]
        return index

    for table, after in F7_ORDER:
        assert where(table) < where(after), after


def test_a_text_after_an_unknown_table_is_refused(tmp_path: Path) -> None:
    (tmp_path / "proposals").mkdir()
    (tmp_path / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    shutil.copy(SEED / "proposals" / "BC01.yaml", tmp_path / "proposals" / "BC01.yaml")
    edit(tmp_path, "\nremarks:", "\ntexts_after:\n  tabel-9: Tekst.\nremarks:")
    [message] = problems(tmp_path)
    assert "texts_after" in message and "tabel-9" in message
    assert "economy" in message


# BC02's section 2.1: its text, then the basis table it introduces (``in_distribution``)
BC02_ORDER = (
    "Effektiviseringen fra dette forslag fremgår af tabel 2.",
    "Tabel 2 Effektiviseringer",
)


def test_a_basis_table_in_section_2_1_follows_its_text(seed: Catalog, tmp_path: Path) -> None:
    text = " ".join(render(seed, ExportOptions(proposal="BC02"), tmp_path / "bc02.pdf"))
    intro, table = BC02_ORDER
    assert text.index("2.1 Fordeling på udvalg") < text.index(intro) < text.index(table)
    out = tmp_path / "bc02.docx"
    out.write_bytes(render_docx(seed, ExportOptions(proposal="BC02")))
    body = [
        "".join(t.text or "" for t in child.iter(qn("w:t")))
        for child in docx.Document(str(out)).element.body
    ]
    [before] = [i for i, block in enumerate(body) if block.endswith(intro)]
    [after] = [i for i, block in enumerate(body) if block.startswith(table)]
    assert before < after
