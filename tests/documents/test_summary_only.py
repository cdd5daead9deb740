# SPDX-License-Identifier: MPL-2.0
"""Summary-only proposals: known by their catalog row alone, as a summary catalog publishes
every proposal, and not confidential (issue 10, item 3).

The test catalog (``tests/data/summary-catalog``, written for these tests) has two public
summaries stating paybacks, S1 (its investment only in the row) and S2 (its investment typed
as an implementation line in a stand-in year, from which a payback would come out as 4 år
(2028) instead of the stated 3 år), and a confidential proposal S3 known by its row. The check
finds nothing false, no output computes a payback or prints a Tabel 1 for them, and only the
confidential one is printed as withheld.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from gevinst.core import calc, layout, whatif
from gevinst.core.check import check_catalog
from gevinst.core.findings import Severity
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.core.summary import summarise
from gevinst.documents import blocks, html
from gevinst.documents.pdf import render_pdf
from gevinst.documents.sections import SUMMARY_ONLY_NOTE, WITHHELD_NOTE
from gevinst.documents.word import render_docx
from gevinst.documents.xlsx import render_xlsx
from gevinst.format.reader import load_catalog
from gevinst.format.writer import catalog_document, write_catalog
from tests.paths import ROOT

SUMMARY_CATALOG = ROOT / "tests" / "data" / "summary-catalog"
PUBLIC = ("S1", "S2")
STATED = {"S1": "2,5 år", "S2": "3 år"}
# what S2's stand-in year would give, were its payback recomputed
INVENTED = "4 år (2028)"
# a payback row that does not say it is as stated
COMPUTED_PAYBACK = re.compile(r"baseret på (?:serviceeffektivisering|totaløkonomi)(?! \(angivet\))")


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(SUMMARY_CATALOG)


def test_the_reason_is_explicit(cat: Catalog) -> None:
    for pid in PUBLIC:
        p = cat.proposal(pid)
        assert p.catalog_entry_only and p.summary_only and not p.payback_derived
    s3 = cat.proposal("S3")
    assert s3.catalog_entry_only and s3.confidential and not s3.summary_only


def test_the_check_reports_nothing_false(cat: Catalog) -> None:
    # S2's stand-in year is there: a payback computed from it would disagree
    assert calc.payback_text(calc.payback(cat.proposal("S2"), "total")) == INVENTED
    findings = check_catalog(cat)
    assert [f for f in findings if f.severity is not Severity.INFO] == []
    # S3 is the seed's F1 again: its blank styringsområde is read as Service, and said so
    assert [(f.proposal, f.rule) for f in findings] == [("S3", "area-blank")]


def test_a_stated_payback_stays_stated(cat: Catalog) -> None:
    for pid, text in STATED.items():
        rows = [r for r in layout.table1(cat.proposal(pid)) if r.kind is layout.Kind.PAYBACK]
        assert [(r.text, r.stated) for r in rows] == [(text, True)]
        assert rows[0].label.endswith("(angivet)")


def test_a_what_if_computes_no_payback_either(cat: Catalog) -> None:
    assert whatif.compare(cat.proposal("S2"), cat.profile, whatif.Changes()).paybacks == ()


def test_full_phase_in_is_the_varig_virkning_of_a_row_alone(cat: Catalog) -> None:
    summary = summarise(cat, "catalog-1")
    assert [r.steady_state for r in summary.rows()] == [1500, 1000, 300]
    assert summary.total_full_effect() == 2800
    assert summary.states_payback and summary.states_full_effect


def test_the_row_round_trips(cat: Catalog, tmp_path: Path) -> None:
    write_catalog(cat, tmp_path / "again")
    again = load_catalog(tmp_path / "again")
    assert again.tables == cat.tables
    row = catalog_document(cat)["tables"][0]["groups"][0]["rows"][0]
    assert (row["payback"], row["full_effect"]) == ("2,5 år", 1500)


# --- the documents, read back ---------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html(cat: Catalog, pid: str) -> str:
    options = ExportOptions(pid)
    [shown] = blocks.document(select(cat, options), options)["proposals"]
    parsed = _Text()
    parsed.feed(html.render(shown["blocks"]))
    return " ".join(" ".join(parsed.parts).split())


def _pdf(cat: Catalog, pid: str, out: Path) -> str:
    options = ExportOptions(pid)
    out.write_bytes(render_pdf(select(cat, options), options))
    done = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def _word(cat: Catalog, pid: str, out: Path) -> str:
    out.write_bytes(render_docx(cat, ExportOptions(pid)))
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(texts).split())


def _texts(cat: Catalog, pid: str, folder: Path) -> dict[str, str]:
    return {
        "html": _html(cat, pid),
        "pdf": _pdf(cat, pid, folder / f"{pid}.pdf"),
        "docx": _word(cat, pid, folder / f"{pid}.docx"),
    }


@pytest.mark.parametrize("pid", PUBLIC)
def test_a_public_summary_is_printed_as_one(cat: Catalog, pid: str, tmp_path: Path) -> None:
    summary = cat.proposal(pid).summary
    for fmt, text in _texts(cat, pid, tmp_path).items():
        assert "fortrolig" not in text.casefold(), fmt
        assert WITHHELD_NOTE not in text, fmt
        assert SUMMARY_ONLY_NOTE in text and summary in text, fmt
        assert STATED[pid] in text and INVENTED not in text, fmt
        # no Tabel 1 of the template, no technical table, no payback but the stated one
        assert "samlede økonomiske konsekvenser" not in text and "Tabel A" not in text, fmt
        assert COMPUTED_PAYBACK.search(text) is None, fmt


def test_a_confidential_one_is_still_withheld(cat: Catalog, tmp_path: Path) -> None:
    texts = _texts(cat, "S3", tmp_path)
    for fmt, text in texts.items():
        assert "FORTROLIG" in text, fmt
        assert SUMMARY_ONLY_NOTE not in text, fmt
    assert WITHHELD_NOTE in texts["pdf"] and WITHHELD_NOTE in texts["html"]


def test_the_workbook_computes_no_payback(cat: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "katalog.xlsx"
    out.write_bytes(render_xlsx(cat, ExportOptions()))
    book = openpyxl.load_workbook(out)
    cells = [
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value
    ]
    assert "Tilbagebetalingstid baseret på totaløkonomi (angivet)" in cells
    assert "3 år" in cells and "2,5 år" in cells
    assert not any("Beregning af tilbagebetalingstid" in c or INVENTED in c for c in cells)
