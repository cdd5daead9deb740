# SPDX-License-Identifier: MPL-2.0
"""What must stay together on a page (review-pdf.md items 25 and 26): a heading with the block
it introduces, a short field row ("Kort resumé") whole. Read back from the PDF with pdftotext
and from Word with python-docx."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from gevinst.core import calc, numbering, template
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents import sections
from gevinst.documents.word import render_docx
from tests.documents.test_pdf import render, section

HEADING = "Opnormering af den tværfaglige support"


def _body(page: str) -> str:
    """A page's text above its footer."""
    return page[: page.rindex("Beløb i")].rstrip()


def test_a_heading_in_a_text_never_ends_a_page(seed: Catalog, tmp_path: Path) -> None:
    # the bold heading of F3's text after fillers of one to three lines: over eight pages it
    # comes to every place on a page, the bottom line too (without the fix: page 1's last)
    filler = (
        "Et afsnit om indsatsen, der fylder en hel linje på siden i kataloget, som de andre gør. "
    )
    parts = [
        f"{filler * (1 + k % 3)}\n\n**{HEADING} {k}**\n\nTekst under overskriften."
        for k in range(120)
    ]
    f3 = replace(seed.proposal("F3"), description="\n\n".join(parts))
    cat = replace(seed, proposals=(f3,))
    pages = render(cat, ExportOptions(proposal="F3"), tmp_path / "f3.pdf")
    orphans = [i for i, page in enumerate(pages) if HEADING in _body(page).rsplit(".", 1)[-1]]
    assert [pages[i][-400:] for i in orphans] == []
    assert sum(page.count(HEADING) for page in pages) == 120


@pytest.fixture(scope="module")
def pages(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return render(seed, ExportOptions(), tmp_path_factory.mktemp("pdf") / "katalog.pdf")


def test_a_short_field_row_is_never_split(seed: Catalog, pages: list[str]) -> None:
    for p in seed.proposals:
        if not p.summary:
            continue
        words = p.summary.split()
        first = " ".join(words[:4])
        page = next(page for page in pages if f"Kort resumé {first}" in page)
        # BC02's 'Kort resumé' broke after "For at realisere en"
        assert words[-1] in page, (p.id, first)


def _keeps_with_next(paragraph: Paragraph) -> bool:
    own = paragraph.paragraph_format.keep_with_next
    style = paragraph.style
    return bool(own if own is not None or style is None else style.paragraph_format.keep_with_next)


def test_word_keeps_headings_with_what_follows(seed: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "f3.docx"
    out.write_bytes(render_docx(seed, ExportOptions(proposal="F3")))
    paragraphs = docx.Document(str(out)).paragraphs
    heading = next(p for p in paragraphs if p.text == HEADING)
    assert _keeps_with_next(heading)
    headings = [
        p
        for p in paragraphs
        if p.style is not None and p.style.name.startswith("Heading") and p.text
    ]
    assert headings and all(_keeps_with_next(p) for p in headings)
    # an ordinary paragraph does not
    assert not _keeps_with_next(paragraphs[paragraphs.index(heading) + 1])


CHART = "Akkumuleret økonomisk påvirkning og tilbagebetalingstid"
IMPLEMENTATION = template.SECTIONS[2]  # "3. Implementering og opfølgning"


def test_a_chart_follows_the_tables_it_illustrates(seed: Catalog, pages: list[str]) -> None:
    """The payback chart stands after section 2's Tabel 1, never inside section 3 between its
    heading and its text (F3's chart floated below '3. Implementering og opfølgning')."""
    text = " ".join(pages)
    charted = [p for p in seed.proposals if calc.has_investment(p)]
    assert len(charted) == 6
    for p in charted:
        part = section(text, seed, p.id)
        implementation = sections.heading(p, IMPLEMENTATION) or ""
        economy = part.index(numbering.titles(p).economy)
        assert economy < part.index(CHART) < part.index(implementation), p.id


def test_word_puts_a_chart_after_its_tables(seed: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "f3.docx"
    out.write_bytes(render_docx(seed, ExportOptions(proposal="F3")))
    body = docx.Document(str(out)).element.body
    order = [
        "picture"
        if child.findall(".//" + qn("w:drawing"))
        else "table"
        if child.tag == qn("w:tbl")
        else "".join(t.text or "" for t in child.iter(qn("w:t")))
        for child in body
    ]
    chart = order.index("picture")
    tables = [i for i, kind in enumerate(order) if kind == "table"]
    heading = order.index(IMPLEMENTATION)
    economy = order.index("2. Økonomi")
    # the chart right after section 2's Tabel 1, before section 3's heading
    assert economy < max(i for i in tables if i < chart) < chart < heading
