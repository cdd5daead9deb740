# SPDX-License-Identifier: MPL-2.0
"""Every text the documents print from the seed catalog is the seed document's own words.

The texts are collected from the catalog's data, field by field, as the renderers print them
(docs/format.md, "Printed and internal"): nothing internal may be among them, so a
transcription note left in a printed field fails here. Each is compared with the seed
document (text extracted from the real PDF) after both are normalised: markup stripped,
whitespace, soft hyphens and the extraction's line-end hyphenation removed.

A text that is not found whole is checked sentence by sentence: a page break (its header and
footer) may fall inside a paragraph. The extraction also reads a page's columns and boxes line
by line, so a sentence in a table cell, or beside a box, may be broken up by another column's
words; a sentence that is not found whole must then be found as pieces in order, each a
printed line or more, one near the other (``interleaved``). A wrong word breaks the
sentence where it stands, and the piece that starts with it is not found.

A proposal's page heading and title are printed in capitals, as the seed prints them, each on
lines of its own: they are compared without regard to case, and must be found whole.
Superscripts (footnote marks) are compared as the digits the extraction gives.

No text of the catalog is a label of the template that the seed lacks: the template's own
labels (headings, column headers, notes) are the renderers', not the catalog's, so none is
let through here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

import pytest

from gevinst.core import text as markup
from gevinst.core.model import Catalog, Proposal
from tests.paths import SEED_DOCUMENT

# hyphens and soft hyphens: the extraction breaks words at the line end with a hyphen
_DROPPED = re.compile("[\\s\u00ad\u2010\u2011-]+")
# a sentence ends before a capital, a digit or a quote, not in "bl.a. medfører"
_SENTENCE_END = re.compile(r"(?<=[.:;!?])\s+(?=[A-ZÆØÅ0-9”“\"'’(])")
# the shortest piece of an interleaved sentence: a short line of a narrow cell
PIECE = 8
# how far the next piece may lie from the last: the other columns' words between them
NEAR = 700


class Printed(NamedTuple):
    where: str
    text: str
    capitals: bool = False  # printed in capitals, on lines of its own


def normalised(text: str) -> str:
    # NFKC: a superscript 1 is the extraction's 1, a ligature its letters
    return _DROPPED.sub("", unicodedata.normalize("NFKC", text))


def _prose(where: str, written: str) -> Iterator[Printed]:
    for paragraph in markup.paragraphs(markup.parse(written)):
        yield Printed(where, paragraph.text)


def _labels(where: str, *texts: str | None) -> Iterator[Printed]:
    yield from (Printed(where, t) for t in texts if t)


def _basis(p: Proposal) -> Iterator[Printed]:
    for b in p.basis:
        where = f"{p.id} basis {b.id}"
        yield from _prose(f"{where} text", b.text)
        if not b.printed:
            continue
        yield from _labels(f"{where} title", b.title)
        yield from _labels(f"{where} columns", b.label_column, *b.columns, b.unit)
        for r in b.rows:
            cells = (v for v in r.values.values() if isinstance(v, str))
            yield from _labels(f"{where} row {r.label!r}", r.label, *cells)


def _stated_titles(p: Proposal) -> Iterator[Printed]:
    tables = {"2.1": p.stated.distribution, **p.stated.technical}
    for name, t in tables.items():
        if t is not None:
            yield from _labels(f"{p.id} tabel {name}", t.title, *t.appropriations.values())
            yield from _prose(f"{p.id} tabel {name} text", t.text)


def proposal_texts(p: Proposal) -> Iterator[Printed]:
    """The texts a document prints of one proposal, each with where it comes from."""
    yield from (
        Printed(f"{p.id} {name}", t, capitals=True)
        for name, t in (
            ("heading", p.heading),
            ("title", p.title),
            ("appendix_heading", p.appendix_heading),
        )
        if t
    )
    if p.catalog_entry_only:
        return
    for field in (
        "summary",
        "description",
        "economy_text",
        "distribution_text",
        "followup_text",
        "partners_text",
        "risk_text",
        "admin_text",
        "technical_text",
        "appendices_text",
    ):
        yield from _prose(f"{p.id} {field}", getattr(p, field))
    for table, written in p.texts_after.items():
        yield from _prose(f"{p.id} texts_after {table}", written)
    yield from _labels(f"{p.id} innovation_title", p.innovation_title)
    yield from _labels(f"{p.id} printed_headings", *p.printed_headings.values())
    yield from _labels(f"{p.id} notes", *p.notes)
    yield from _labels(f"{p.id} lines", *(line.text for line in p.lines))
    yield from _basis(p)
    for i, f in enumerate(p.followup):
        for name in ("goal", "measure", "responsible", "when"):
            yield from _prose(f"{p.id} followup[{i}].{name}", getattr(f, name))
    yield from _labels(f"{p.id} admin rows", *(r.text for r in p.admin_rows))
    for i, c in enumerate(p.consultations):
        yield from _labels(f"{p.id} consultations[{i}].body", c.body, c.header)
        yield from _prose(f"{p.id} consultations[{i}].text", c.text)
    yield from _stated_titles(p)
    if p.targets is not None:
        t = p.targets
        yield from _labels(f"{p.id} targets", t.title, t.price_basis)
        for r in t.rows:
            yield from _labels(f"{p.id} targets", r.label, r.area)


def catalog_texts(cat: Catalog) -> Iterator[Printed]:
    """The texts a document prints of the catalog itself."""
    yield from _labels("catalog", cat.title, cat.municipality, cat.round)
    yield from _prose("catalog intro", cat.intro)
    for t in cat.tables:
        where = f"catalog {t.id}"
        yield from _labels(where, t.title, t.unit, *t.notes)
        yield from _prose(f"{where} text", t.text)
        for g in t.groups:
            yield from _labels(where, g.committee)
            for r in g.rows:
                yield from _labels(f"{where} row {r.no}", r.no, r.label, r.approved_with)


def printed_texts(cat: Catalog) -> list[Printed]:
    return [
        *catalog_texts(cat),
        *(pair for p in cat.proposals for pair in proposal_texts(p)),
    ]


@pytest.fixture(scope="module")
def seed_document() -> str:
    return normalised(SEED_DOCUMENT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_folded(seed_document: str) -> str:
    return seed_document.casefold()


def interleaved(text: str, document: str) -> bool:
    """Whether ``text`` (normalised) is in the document as pieces in order, each at least a
    short line long and near the one before; each piece is taken as long as it is found."""
    start, end = 0, len(document)
    while text:
        size, at = 0, -1
        while size < len(text):
            found = document.find(text[: size + 1], start, end)
            if found < 0:
                break
            size, at = size + 1, found
        if size < min(PIECE, len(text)):
            return False
        text = text[size:]
        start = at + size
        end = start + NEAR + len(text)
    return True


def missing(written: str, document: str) -> list[str]:
    """The parts of a text the document does not hold: none, or the sentences not found."""
    if normalised(written) in document:
        return []
    sentences = _SENTENCE_END.split(written)
    return [s for s in sentences if not interleaved(normalised(s), document)]


def not_found(printed: Printed, document: str, folded: str) -> list[str]:
    """What of a printed text the seed document does not hold."""
    if printed.capitals:
        whole = normalised(printed.text).casefold() in folded
        return [] if whole else [printed.text]
    return missing(printed.text, document)


def test_the_collector_finds_the_texts_of_every_field(seed: Catalog) -> None:
    texts = printed_texts(seed)
    wheres = {t.where.split(" ")[1] if " " in t.where else t.where for t in texts}
    for field in (
        "description",
        "economy_text",
        "lines",
        "notes",
        "tabel",
        "technical_text",
        "appendices_text",
        "appendix_heading",
        "texts_after",
        "printed_headings",
    ):
        assert field in wheres
    assert len(texts) > 400


def test_a_transcription_note_is_not_in_the_seed(seed_document: str) -> None:
    assert missing("Printed in kr. (not 1.000 kr.), with negative sign.", seed_document)
    assert missing("Udvikling af systemunderstøttelse (afsnit 2, prosa)", seed_document)
    assert not missing("Samlet ferieløsning i Serviceportalen", seed_document)


def test_an_interleaved_sentence_is_found_and_a_wrong_word_is_not(seed_document: str) -> None:
    # the seed prints this cell's lines between those of the next column
    cell = "Samarbejde om 10-15 pct. af de borgere, der sparres om via ’step up-indsatsen’."
    assert not missing(cell, seed_document)
    assert missing(cell.replace("sparres", "drøftes"), seed_document)
    assert missing(cell.replace("10-15", "10-16"), seed_document)


def test_every_printed_text_is_the_seed_s_own(
    seed: Catalog, seed_document: str, seed_folded: str
) -> None:
    wrong = [
        f"{printed.where}: {part!r}"
        for printed in printed_texts(seed)
        for part in not_found(printed, seed_document, seed_folded)
    ]
    assert not wrong, f"{len(wrong)} trykte tekster står ikke i seed-dokumentet:\n" + "\n".join(
        wrong
    )
