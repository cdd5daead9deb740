# SPDX-License-Identifier: MPL-2.0
"""The PDF and Word print a proposal's own words where the seed prints them, complete, and
nothing the seed does not print (issue 7): read back with pdftotext and python-docx, one
proposal at a time."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx

Printed = Callable[[str], str]


def _docx_lines(path: Path) -> list[str]:
    """Every paragraph and table cell of the document, in order."""
    document = docx.Document(str(path))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            parts += (cell.text for row in block.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return parts


def _pdf_lines(path: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8").splitlines()


def _collapsed(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _lines(
    seed: Catalog, folder: Path, render: Callable[[Catalog, ExportOptions], bytes], ext: str
) -> Callable[[str], list[str]]:
    """A proposal's document read back line by line (a PDF's lines, a Word file's paragraphs
    and cells); written once a proposal."""
    done: dict[str, list[str]] = {}

    def lines(pid: str) -> list[str]:
        if pid not in done:
            out = folder / f"{pid}.{ext}"
            out.write_bytes(render(seed, ExportOptions(proposal=pid)))
            done[pid] = _pdf_lines(out) if ext == "pdf" else _docx_lines(out)
        return done[pid]

    return lines


@pytest.fixture(scope="module")
def pdf_lines(
    seed: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], list[str]]:
    return _lines(seed, tmp_path_factory.mktemp("pdf"), render_pdf, "pdf")


@pytest.fixture(scope="module")
def word_lines(
    seed: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], list[str]]:
    return _lines(seed, tmp_path_factory.mktemp("word"), render_docx, "docx")


@pytest.fixture(params=["pdf", "word"])
def lines(request: pytest.FixtureRequest) -> Callable[[str], list[str]]:
    read: Callable[[str], list[str]] = request.getfixturevalue(f"{request.param}_lines")
    return read


@pytest.fixture
def printed(lines: Callable[[str], list[str]]) -> Printed:
    """A proposal's document as one text, whitespace collapsed."""
    return lambda pid: _collapsed(lines(pid))


def test_f3_s_paragraph_is_complete(printed: Printed) -> None:
    assert "herunder fastholde barnet i almene fællesskaber." in printed("F3")


@pytest.mark.parametrize("pid", ["BC02", "F3", "F7"])
def test_no_answer_the_proposal_does_not_give(printed: Printed, pid: str) -> None:
    text = printed(pid)
    for invented in (
        "Ikke angivet",
        "ikke angivet",
        "Samlet risikovurdering",
        "arbejdsprogrammet for administrativ forenkling",
    ):
        assert invented not in text, (pid, invented)


def test_f3_prints_no_administrations_box_it_does_not_have(printed: Printed) -> None:
    assert "Berørte forvaltninger" not in printed("F3")
    assert "Berørte forvaltninger" in printed("F7")


def test_consultations_with_the_source_s_columns(printed: Printed) -> None:
    f7 = printed("F7")
    assert "Dato for orientering" in f7
    assert "Ja/Nej" not in f7 and "Dato for godkendelse" not in f7
    # the answer's own words give the date: printed once, not again in a date column
    assert printed("F3").count("6. februar 2024") == 1
    assert "Dato for godkendelse og evt. høringssvar" in printed("F3")


def test_bc02_s_section_7_prose(printed: Printed) -> None:
    text = printed("BC02")
    assert "Heraf overføres 306 t.kr. til KFU, 101 t.kr. til BUU og 76 t.kr. til SU." in text
    assert "Måltalseffekten er den effekt, udvalgene kan vælge at indregne" in text
    assert "Udfyld tabel D og E såfremt" in text
    # the prose stands above the table it explains, as the seed prints it
    assert text.index("I Tabel B er indregnet") < text.index("Tabel B. Bevillingsmæssig")


def test_f7_s_bilagsoversigt(printed: Printed) -> None:
    text = printed("F7")
    assert "7. Bilagsoversigt Bilag 1: De enkelte effektiviseringers fordeling" in text
    assert "Bilag 2: Link til de enkelte beregninger." in text
    assert "2023-0433101-2 E2024 Indkøbseffektiviseringer – Samlet forslag bilag." in text


def test_the_administrative_appendix_as_printed(printed: Printed) -> None:
    f3 = printed("F3")
    heading = "ADMINISTRATIVT BILAG TIL TVÆRGÅENDE INVESTERINGSFORSLAG"
    assert f3.index(heading) < f3.index("1. Effektivisering på administration")
    assert "2. Hvem er hørt?" in f3 and "3. Tekniske tabeller til korrektioner i Kvantum" in f3
    assert "5. Effektivisering på administration" not in f3
    assert "ADMINISTRATIVT BILAG TIL TVÆRGÅENDE EFFEKTIVISERINGSFORSLAG" in printed("F7")
    assert "ADMINISTRATIVT BILAG" not in printed("BC02")


def test_f3_s_savings_on_lines_of_their_own(lines: Callable[[str], list[str]]) -> None:
    own = [line.strip() for line in lines("F3")]
    for saving in ("2,3", "2,1", "2,2", "1,9"):
        assert f"Samlet besparelse: {saving} mio. kr." in own


def test_headings_and_group_rows_in_the_proposal_s_words(printed: Printed) -> None:
    template_groups = (
        "Varige ændringer (effektiviseringer og drift)",
        "Implementeringsomkostninger (midler fra investeringspuljen)",
    )
    bc01 = printed("BC01")
    assert all(g in bc01 for g in template_groups)
    assert "Grundlag for beregning af effektivisering" in bc01
    f3 = printed("F3")
    assert "Varige ændringer" in f3 and not any(g in f3 for g in template_groups)
    f7 = printed("F7")
    assert not any(g in f7 for g in template_groups)
    for pid in ("BC02", "F7"):
        assert "Grundlag for beregning af effektivisering" not in printed(pid)
    assert "2.1 Fordeling på udvalg" not in f7
    assert "2.1 Fordeling på udvalg" in printed("BC02")


def test_f2_numbers_its_later_sections_as_it_prints_them(printed: Printed) -> None:
    f2 = printed("F2")
    order = [
        "1. Beskrivelse af forslag (fremgangsmåde og effekt)",
        "2. Økonomi",
        "1. Implementering og opfølgning",
        "2. Risikovurdering",
        "ADMINISTRATIVT BILAG TIL TVÆRGÅENDE INVESTERINGSFORSLAG",
        "1. Effektivisering på administration",
        "2. Hvem er hørt?",
        "3. Tekniske tabeller til korrektioner i Kvantum",
    ]
    at = [f2.find(heading) for heading in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at, strict=True))
