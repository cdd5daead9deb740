# SPDX-License-Identifier: MPL-2.0
"""A large catalog's PDF laid out in parts, each in a process of its own, and joined: the
same document as laid out at once, its contents list, links and bookmarks leading to the
pages where each proposal stands, its pages numbered through."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from bench.generate import write_portfolio
from pikepdf import Array, Pdf, Rectangle

from gevinst.core.model import Catalog
from gevinst.core.numbering import printed_name
from gevinst.core.selection import ExportOptions
from gevinst.documents.pdf import render_pdf
from gevinst.format.reader import load_catalog
from tests.documents.test_pdf import pdf_pages

_SIDE = re.compile(r"Side (\d+) af (\d+) (\d+)$")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _pages(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / name
    out.write_bytes(pdf)
    return pdf_pages(out)


@pytest.fixture(scope="module")
def seed_in_parts(seed: Catalog) -> bytes:
    return render_pdf(seed, ExportOptions(), part_size=4)


def test_the_seed_in_parts_reads_as_the_seed_at_once(
    seed: Catalog, seed_in_parts: bytes, tmp_path: Path
) -> None:
    """Nine proposals in parts of four: every page's text as the one document's, the cover,
    the contents list and every footer's "Side X af Y" and page number too."""
    at_once = _pages(render_pdf(seed, ExportOptions()), tmp_path, "whole.pdf")
    assert _pages(seed_in_parts, tmp_path, "parts.pdf") == at_once


def test_contents_links_and_bookmarks_lead_to_each_proposal(
    seed: Catalog, seed_in_parts: bytes, tmp_path: Path
) -> None:
    pages = _pages(seed_in_parts, tmp_path, "parts.pdf")
    pdf = Pdf.open(io.BytesIO(seed_in_parts))
    index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    marks = {}
    for item in pdf.open_outline().root:
        assert isinstance(item.destination, Array)
        marks[item.title] = index[item.destination[0].objgen]
    targets = [
        index[link.Dest[0].objgen]
        for page in pdf.pages[:3]
        for link in page.obj.get("/Annots", [])
        if "/Dest" in link
    ]
    # the front's language, title and metadata are the joined document's, with its pages
    assert pdf.Root.Lang == "da" and pdf.docinfo.Title == seed.title
    assert pdf.open_metadata()["{http://ns.adobe.com/xap/1.0/t/pg/}NPages"] == str(len(pages))
    for p in seed.proposals:
        title = f"{printed_name(p, seed)} {p.title}"
        at = marks[title]
        assert title in pages[at] and at in targets
        # the contents list names the page in the margin of the page where the title stands
        assert pages[at].endswith(f" {at + 1}")


def test_a_generated_catalog_in_parts_is_numbered_through(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    [folder] = write_portfolio(tmp_path_factory.mktemp("portfolio"), 1, 7, seed=5)
    cat = load_catalog(folder)
    pages = _pages(render_pdf(cat, ExportOptions(), part_size=3), tmp_path, "parts.pdf")
    numbered = [_SIDE.search(page) for page in pages]
    assert all(numbered)
    margin = [int(m[3]) for m in numbered if m]
    assert margin == list(range(1, len(pages) + 1))
    # each part (the front, each proposal, the closing list) counts its own pages 1..n
    sides = [(int(m[1]), int(m[2])) for m in numbered if m]
    runs = [i for i, (side, _) in enumerate(sides) if side == 1]
    for start, end in zip(runs, [*runs[1:], len(sides)], strict=True):
        assert sides[start:end] == [(k, end - start) for k in range(1, end - start + 1)]
    assert len(runs) >= 1 + len(cat.proposals)


def _margin_numbers(pdf: bytes, tmp_path: Path, name: str) -> list[tuple[str, tuple[float, ...]]]:
    """Each page's rightmost word, the number in its margin, with its box (points, to 0,01)."""
    out = tmp_path / name
    out.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, check=True)
    pages = done.stdout.decode("utf-8").split("<page ")[1:]
    found = []
    for page in pages:
        *box, text = max(_WORD.findall(page), key=lambda word: float(word[2]))
        found.append((text, tuple(round(float(edge), 2) for edge in box)))
    return found


def test_the_margin_numbers_stand_where_the_document_at_once_has_them(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """A catalog laid out in parts gets its margin's numbers drawn over its pages after the
    layout: each stands where the catalog laid out at once has it, on portrait and landscape
    pages alike."""
    [folder] = write_portfolio(tmp_path_factory.mktemp("portfolio"), 1, 5, seed=3)
    cat = load_catalog(folder)
    in_parts = render_pdf(cat, ExportOptions(), part_size=2)
    boxes = [Rectangle(page.mediabox) for page in Pdf.open(io.BytesIO(in_parts)).pages]
    shapes = {box.width > box.height for box in boxes}
    assert shapes == {False, True}
    parts = _margin_numbers(in_parts, tmp_path, "parts.pdf")
    at_once = _margin_numbers(render_pdf(cat, ExportOptions()), tmp_path, "whole.pdf")
    assert parts == at_once
    assert [text for text, _ in parts] == [str(n) for n in range(1, len(parts) + 1)]
