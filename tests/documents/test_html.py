# SPDX-License-Identifier: MPL-2.0
"""The document's blocks as HTML: every section the PDF prints, the same figures, and no
word of a proposal read as HTML."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks, html


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _page(cat: Catalog, proposal: str) -> _Text:
    options = ExportOptions(proposal, include_confidential=True)
    [shown] = blocks.document(select(cat, options), options)["proposals"]
    parsed = _Text()
    parsed.feed(html.render(shown["blocks"]))
    return parsed


def test_bc01_reads_as_its_document(seed: Catalog) -> None:
    page = _page(seed, "BC01")
    text = " ".join(page.parts)
    for heading in ("1. Beskrivelse af forslag", "2. Økonomi", "6. Hvem er hørt?", "Tabel A"):
        assert heading in text
    assert "-1.474" in text and "4 år (2028)" in text
    assert page.tags.count("table") >= 5 and "svg" in page.tags


def test_a_proposals_words_are_never_read_as_html(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    hostile = replace(bc01, description='<script>alert("x")</script> & <b>fed</b>')
    cat = replace(seed, proposals=(hostile,))
    page = _page(cat, "BC01")
    assert "script" not in page.tags and "b" not in page.tags
    assert '<script>alert("x")</script> & <b>fed</b>' in "".join(page.parts)
