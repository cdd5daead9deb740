# SPDX-License-Identifier: MPL-2.0
"""The PDF and Word print a proposal's own words where the seed prints them, complete, and
nothing the seed does not print (issue 7): read back with pdftotext and python-docx, one
proposal at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from gevinst.core.model import Catalog
from gevinst.io.export import ExportOptions
from gevinst.io.word import write_docx
from tests.io.test_pdf import render

Printed = Callable[[str], str]


def _docx_text(path: Path) -> str:
    """Every paragraph and table cell of the document, in order, whitespace collapsed."""
    document = docx.Document(str(path))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            parts += (cell.text for row in block.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def pdf(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """A proposal's PDF as text, whitespace collapsed; rendered once a proposal."""
    done: dict[str, str] = {}

    def text(pid: str) -> str:
        if pid not in done:
            out = tmp_path_factory.mktemp("pdf") / f"{pid}.pdf"
            done[pid] = " ".join(render(seed, ExportOptions(proposal=pid), out))
        return done[pid]

    return text


@pytest.fixture(scope="module")
def word(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    done: dict[str, str] = {}

    def text(pid: str) -> str:
        if pid not in done:
            out = tmp_path_factory.mktemp("word") / f"{pid}.docx"
            write_docx(seed, out, ExportOptions(proposal=pid))
            done[pid] = _docx_text(out)
        return done[pid]

    return text


@pytest.fixture(params=["pdf", "word"])
def printed(request: pytest.FixtureRequest) -> Printed:
    fixture: Printed = request.getfixturevalue(request.param)
    return fixture


def test_f3_s_paragraph_is_complete(printed: Printed) -> None:
    assert "herunder fastholde barnet i almene fællesskaber." in printed("F3")
