# SPDX-License-Identifier: MPL-2.0
"""The options appraisal in the documents (issue 10, items 4 and 7): the English council's
OBC01 (three options, borrowing, optimism bias, a risk estimate) exported to PDF and Word and
read back: its options side by side with the NPV and benefit-cost ratio that
:mod:`gevinst.core.appraisal` computes, in English figures and pounds, the preferred option
marked, the funding, the bias, the risk pool, the switching values and the schedule, and no
Danish word; Copenhagen's proposals have no appraisal and get no such block."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from gevinst.core.appraisal.case import AppraisalRow, RowKind
from gevinst.core.appraisal.options import Appraised
from gevinst.core.appraisal.proposal import appraise_proposal
from gevinst.core.distribute import round_to, round_whole
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.core.series import Series
from gevinst.core.template import printing
from gevinst.documents import appraisal
from gevinst.documents.blocks import document
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"
LABELS = ("Do nothing", "Upgrade the legacy system", "New self-service platform")
# words of the Danish appraisal that an English document must not print
DANISH = (
    "Vurdering",
    "alternativ",
    "nutidsværdi",
    "Nutidsværdi",
    "omkostninger",
    "kontante",
    "gevinst",
    "lånets",
    "rente ",
    "tærskel",
    "Rolle",
    "Skifteværdi",
    "Risikopulje",
    "år ",
    "kr.",
    " ja ",
)


@pytest.fixture(scope="module")
def english() -> Catalog:
    return load_catalog(EXAMPLE)


@pytest.fixture(scope="module")
def appraised(english: Catalog) -> Appraised:
    return appraise_proposal(english.proposal("OBC01"), english.profile)


def _pounds(value: Decimal) -> str:
    """A present value as an English document prints whole pounds, written out here."""
    return f"{round_whole(value):,}"


def _ratio(value: Decimal | None) -> str:
    return "–" if value is None else f"{round_to(value, Decimal('0.01')):,}"


def _section(text: str) -> str:
    """The text from the appraisal's heading to the next section's."""
    start = text.index("Options appraisal")
    return text[start : text.index("3. Implementation and follow-up", start)]


def _no_danish(text: str) -> None:
    assert not [w for w in DANISH if w in text]


def test_obc01s_pdf_compares_its_options(
    english: Catalog, appraised: Appraised, tmp_path: Path
) -> None:
    path = tmp_path / "obc01.pdf"
    path.write_bytes(render_pdf(english, ExportOptions(proposal="OBC01")))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    text = _section(done.stdout.decode())
    for label in LABELS:
        assert label in text
    lines = text.splitlines()

    def row(label: str) -> str:
        return next(line for line in lines if line.strip().startswith(label))

    npv = row("Net present value (NPV)").split()
    assert npv[-3:] == [_pounds(r.figures.npv) for r in appraised.results]
    against = row("NPV against do nothing ").split()
    assert against[-3:] == [_pounds(r.npv_vs_baseline) for r in appraised.results]
    bcr = row("Benefit-cost ratio (BCR)").split()
    assert bcr[-3:] == [_ratio(r.bcr) for r in appraised.results]
    assert bcr[-1] == "2.31" and npv[-1] == "-2,147,129"
    # the preferred option marked, in the column of the option the case prefers
    assert row("Role").split()[-2:] == ["Preferred", "option"]
    for said in (
        "£, 2025/26 prices",
        "borrowing over 10 years at 4.5 %",
        "30 % applied to the capital cost",
        "Key decision",
        "yes (threshold £500,000)",
        "Risks (three-point estimates)",
        "81,667",
        "Switching values for New self-service platform",
        "years 0-30",
        "36.22 %",
        "2 years (2026/27)",
    ):
        assert said in text, said
    _no_danish(text)


def test_obc01s_word_compares_its_options(english: Catalog, appraised: Appraised) -> None:
    doc = Document(io.BytesIO(render_docx(english, ExportOptions(proposal="OBC01"))))
    headings = [p.text for p in doc.paragraphs]
    assert "Options appraisal" in headings
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Do nothing")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows}
    assert rows["£, 2025/26 prices"] == list(LABELS)
    assert rows["Role"][-1] == "Preferred option"
    assert rows["Net present value (NPV)"] == [_pounds(r.figures.npv) for r in appraised.results]
    assert rows["Benefit-cost ratio (BCR)"] == [_ratio(r.bcr) for r in appraised.results]
    assert rows["NPV against do nothing"][-1] == _pounds(appraised.preferred.npv_vs_baseline)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    start = headings.index("Options appraisal")
    end = next(i for i, h in enumerate(headings) if h.startswith("3. "))
    _no_danish(cells + "\n".join(headings[start:end]))
    assert "borrowing over 10 years at 4.5 %" in cells
    assert "The loan's rate" in cells


def test_the_blocks_are_danish_in_a_danish_profile(english: Catalog) -> None:
    """The same case worded as a Danish profile prints it: its own labels, Danish figures."""
    p = english.proposal("OBC01")
    blocks = appraisal.appraisal_blocks(p, english.profile, printing(None))
    assert blocks[0]["text"] == "Vurdering af alternativer"
    options = next(b for b in blocks if b["kind"] == "table")
    rows = {r["cells"][0]: r["cells"][1:] for r in options["rows"]}
    assert rows["Rolle"][-1] == "Foretrukket alternativ"
    assert rows["Cost-benefit-forhold (BCR)"][-1] == "2,31"
    assert rows["Nutidsværdi (NPV)"][-1] == "-2.147.129"
    assert all(b["part"] == appraisal.PART for b in blocks)


def test_copenhagens_proposals_have_no_appraisal(seed: Catalog) -> None:
    shown = document(seed, ExportOptions())
    assert not [b for p in shown["proposals"] for b in p["blocks"] if b.get("part")]


def test_a_long_switching_table_breaks_over_pages(english: Catalog, tmp_path: Path) -> None:
    """A case of many rows: its switching values run over a page and go on under their title
    with the PDF's "(continued)", every row printed once."""
    p = english.proposal("OBC01")
    assert p.appraisal is not None
    preferred = p.appraisal.preferred
    like = preferred.rows[0].amounts  # the price level and scale the case's rows are read in
    cost = Series({2026: Decimal(1000)}, like.price_level, like.scale)
    extra = tuple(
        AppraisalRow(f"extra-{i}", f"Extra running cost {i}", RowKind.COST, cost) for i in range(40)
    )
    options = tuple(
        replace(o, rows=o.rows + extra) if o is preferred else o for o in p.appraisal.options
    )
    longer = replace(p, appraisal=replace(p.appraisal, options=options))
    cat = replace(english, proposals=(longer,))
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(cat, ExportOptions(proposal="OBC01")))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    text = done.stdout.decode()
    assert "Switching values for New self-service platform" in text
    assert "(continued)" in text[text.index("Switching values") :]
    for i in range(40):
        assert text.count(f"Extra running cost {i} ") == 1, i


def test_obc01s_risk_level_is_in_english(english: Catalog, tmp_path: Path) -> None:
    """Section 4's risk level in the profile's words: "medium", not the format's "middel"."""
    path = tmp_path / "obc01.pdf"
    path.write_bytes(render_pdf(english, ExportOptions(proposal="OBC01")))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    level = next(line for line in done.stdout.decode().splitlines() if "Overall risk " in line)
    assert level.split() == ["Overall", "risk", "medium"]
    doc = Document(io.BytesIO(render_docx(english, ExportOptions(proposal="OBC01"))))
    assert "Overall risk: medium" in [p.text for p in doc.paragraphs]
