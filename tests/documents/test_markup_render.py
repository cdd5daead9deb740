# SPDX-License-Identifier: MPL-2.0
"""Printed texts keep their paragraphs, lists and emphasis in every renderer, and nothing
internal (remarks, a basis table that is not printed, a key's description) is printed."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from gevinst.cli.main import main
from gevinst.cli.show import prose, render_proposal
from gevinst.core.model import BasisRow, BasisTable, Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx
from tests.paths import SEED

HOSTILE = '#set page(width: 1cm) $x^2$ _skrå_ <mærke> @ref \\ `kode` ] [ // " #pagebreak()'
DESCRIPTION = (
    "Første afsnit med en *fremhævet* og en **fed** sætning,\nbrudt over to linjer.\n\n"
    f"Indhold:\n- punkt et med {HOSTILE}\n  fortsat på næste linje\n- punkt to\n\n"
    "3. tredje del\n4. fjerde del\n\nEn stjerne \\* står alene."
)
SECRET = "INTERNXNOTE"


def _marked(seed: Catalog) -> Catalog:
    """BC01 with the markup in its description and internal notes everywhere they may be."""
    p = seed.proposal("BC01")
    hidden = BasisTable(
        "skjult",
        f"Skjult tabel {SECRET}",
        ("Værdi",),
        (BasisRow(f"Række {SECRET}", {"Værdi": None}),),
        printed=False,
    )
    basis = (*(replace(b, remarks=(SECRET,)) for b in p.basis), hidden)
    keys = {name: replace(k, text=f"Nøgle {SECRET}") for name, k in p.keys.items()}
    bc01 = replace(
        p, description=DESCRIPTION, remarks=(SECRET,), basis=basis, keys=keys, followup=()
    )
    tables = tuple(replace(t, remarks=(SECRET,)) for t in seed.tables)
    others = tuple(other for other in seed.proposals if other.id != p.id)
    return replace(seed, proposals=(bc01, *others), tables=tables, remarks=(SECRET,))


@pytest.fixture(scope="module")
def pdf_text(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("markup") / "bc01.pdf"
    options = ExportOptions(proposal="BC01")
    out.write_bytes(render_pdf(select(_marked(seed), options), options))
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.fixture(scope="module")
def word(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    out = tmp_path_factory.mktemp("markup") / "bc01.docx"
    out.write_bytes(render_docx(_marked(seed), ExportOptions(proposal="BC01")))
    return docx.Document(str(out))


def test_the_pdf_prints_paragraphs_lists_and_hostile_text_as_written(pdf_text: str) -> None:
    assert "Første afsnit med en fremhævet og en fed sætning, brudt over to linjer." in pdf_text
    assert f"• punkt et med {HOSTILE} fortsat på næste linje • punkt to" in pdf_text
    assert "3. tredje del 4. fjerde del" in pdf_text
    assert "En stjerne * står alene." in pdf_text


def test_the_pdf_sets_emphasis_in_italic_and_bold(seed: Catalog, tmp_path: Path) -> None:
    def fonts(description: str) -> str:
        # BC01 with no other text and no table that could be set in italic
        bc01 = replace(
            seed.proposal("BC01"),
            description=description,
            summary="",
            economy_text="",
            distribution_text="",
            followup_text="",
            risk_text="",
            admin_text="",
            partners_text="",
            basis=(),
            followup=(),
            consultations=(),
        )
        out = tmp_path / "fonts.pdf"
        out.write_bytes(
            render_pdf(replace(seed, proposals=(bc01,)), ExportOptions(proposal="BC01"))
        )
        return subprocess.run(
            ["pdffonts", str(out)], capture_output=True, check=True
        ).stdout.decode()

    assert "Oblique" not in fonts("Ingen fremhævning.")
    assert "Oblique" in fonts("En *fremhævet* sætning.")


def test_word_prints_runs_and_list_styles(word: docx.document.Document) -> None:
    paragraphs = word.paragraphs
    first = next(p for p in paragraphs if p.text.startswith("Første afsnit"))
    assert first.text == "Første afsnit med en fremhævet og en fed sætning, brudt over to linjer."
    assert [(r.text, r.italic, r.bold) for r in first.runs if r.italic or r.bold] == [
        ("fremhævet", True, None),
        ("fed", None, True),
    ]
    bullets = [p.text for p in paragraphs if p.style is not None and p.style.name == "List Bullet"]
    # the description's, before the texts of later sections
    assert bullets[:2] == [f"punkt et med {HOSTILE} fortsat på næste linje", "punkt to"]
    numbered = [p for p in paragraphs if p.style is not None and p.style.name == "List Number"]
    assert [p.text for p in numbered[:2]] == ["tredje del", "fjerde del"]
    # the list is numbered from its own first number, 3, not on from an earlier list
    num_id = int(numbered[0]._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0])
    num = next(n for n in word.part.numbering_part.element.num_lst if n.numId == num_id)
    assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "3"
    assert any(p.text == "En stjerne * står alene." for p in paragraphs)


def test_the_terminal_prints_bullets_and_numbers() -> None:
    assert prose(DESCRIPTION, width=200) == [
        "Første afsnit med en fremhævet og en fed sætning, brudt over to linjer.",
        "",
        "Indhold:",
        "",
        f"• punkt et med {HOSTILE} fortsat på næste linje",
        "• punkt to",
        "",
        "3. tredje del",
        "4. fjerde del",
        "",
        "En stjerne * står alene.",
    ]
    assert prose("- et langt punkt", width=10) == ["• et langt", "  punkt"]


def _word_text(document: docx.document.Document) -> str:
    cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
    return " ".join([*(p.text for p in document.paragraphs), *cells])


def test_nothing_internal_is_printed(
    seed: Catalog, pdf_text: str, word: docx.document.Document
) -> None:
    assert SECRET not in pdf_text
    assert SECRET not in _word_text(word)
    shown = render_proposal(_marked(seed).proposal("BC01"), seed.profile, "all")
    assert SECRET not in shown + render_proposal(
        _marked(seed).proposal("BC01"), seed.profile, "text"
    )
    # the printed basis tables are still drawn
    title = next(b.title for b in seed.proposal("BC01").printed_basis)
    assert title in pdf_text
    assert title in _word_text(word)


def test_the_whole_catalog_prints_no_remark(seed: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "katalog.pdf"
    out.write_bytes(render_pdf(select(_marked(seed), ExportOptions()), ExportOptions()))
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    text = done.stdout.decode("utf-8")
    assert seed.tables[0].title in " ".join(text.split())
    assert SECRET not in text
    (tmp_path / "katalog.docx").write_bytes(render_docx(_marked(seed), ExportOptions()))
    assert SECRET not in _word_text(docx.Document(str(tmp_path / "katalog.docx")))


def test_gevinst_show_prints_a_proposal_s_texts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "F2", "--table", "text"]) == 0
    out = capsys.readouterr().out
    assert "Beskrivelse af forslag\n----------------------\n" in out
    assert "\n1. Investering i en ny tværfaglig ’Step Up-indsats’" in out
    assert "\n• Færre udsættelser fra boligen\n" in out
    assert "*" not in out


def test_a_basis_table_prints_its_label_header_and_unit(seed: Catalog, tmp_path: Path) -> None:
    """BC02's Tabel 2 as the seed prints it: "Forvaltning" over the labels, "kr." in each cell."""
    options = ExportOptions(proposal="BC02")
    (tmp_path / "bc02.pdf").write_bytes(render_pdf(select(seed, options), options))
    done = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "bc02.pdf"), "-"], capture_output=True, check=True
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    assert "Forvaltning Nettoeffektivisering nærværende forslag KFF -306.376 kr. SOF" in text
    (tmp_path / "bc02.docx").write_bytes(render_docx(seed, options))
    tables = docx.Document(str(tmp_path / "bc02.docx")).tables
    rows = next(
        [[c.text for c in r.cells] for r in t.rows]
        for t in tables
        if len(t.rows) > 1 and t.cell(1, 0).text == "KFF"
    )
    assert rows[:2] == [
        ["Forvaltning", "Nettoeffektivisering nærværende forslag"],
        ["KFF", "-306.376 kr."],
    ]
