# SPDX-License-Identifier: MPL-2.0
"""What must stay together on a page (review-pdf.md items 25 and 26): a heading with the block
it introduces, a short field row ("Kort resumé") whole. Read back from the PDF with pdftotext
and from Word with python-docx."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from gevinst.core.model import Catalog
from gevinst.io.export import ExportOptions
from gevinst.io.word import write_docx
from tests.io.test_pdf import render

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


def test_a_short_field_row_is_never_split(seed: Catalog, tmp_path: Path) -> None:
    pages = render(seed, ExportOptions(), tmp_path / "katalog.pdf")
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
    write_docx(seed, out, ExportOptions(proposal="F3"))
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
