# SPDX-License-Identifier: MPL-2.0
"""What the template's sections print of a proposal, the same in the PDF and Word: its
headings in the proposal's own wording, the fields of section 1 it answers, its tables of
consultations. A field the proposal leaves unanswered is not printed: the document says only
what the source says."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby

from gevinst.core import layout, numbering
from gevinst.core.model import BasisTable, Consultation, Proposal
from gevinst.core.template import DANISH, SECTION_HEADINGS, Printing, Wording

# what a document says of a proposal known by its catalog row alone, by why it is so: a
# confidential proposal is withheld, and the catalog publishes its row; a summary-only one is
# public, and the body publishes no more than its summary (no Tabel 1 is derived for it)
WITHHELD_NOTE = DANISH.entry_withheld
SUMMARY_ONLY_NOTE = DANISH.entry_summary


def entry_note(p: Proposal) -> str:
    """The note over a proposal known by its catalog row alone (``catalog_entry_only``)."""
    return SUMMARY_ONLY_NOTE if p.summary_only else WITHHELD_NOTE


def stated_paybacks(p: Proposal, printed: Printing | None = None) -> list[tuple[str, str]]:
    """The paybacks of a proposal known by its catalog row alone, as it states them, each
    with its label; never computed (``Proposal.payback_derived``). A confidential one shown
    to a reader who may not read it states none (:func:`gevinst.core.confidential.public_view`
    drops them)."""
    return [(row.label, row.text) for row in layout.table1(p, printed=printed) if row.stated]


def heading(p: Proposal, template: str, shown: str | None = None) -> str | None:
    """A template heading (named by its Danish wording) as ``p`` prints it: its own wording,
    or None where it prints none, else ``shown`` (the heading in the document's language)."""
    return p.printed_headings.get(template, template if shown is None else shown)


def answer(value: bool | None, words: Wording = DANISH) -> str:
    return words.answer(value)


@dataclass(frozen=True)
class Consultations:
    """One table of section 6: the column over the answers, and the rows."""

    header: str
    rows: tuple[Consultation, ...]
    words: Wording = DANISH

    @property
    def yes_no(self) -> bool:
        """The Ja/Nej column is printed where the source answers it (not F7's orientering)."""
        return any(c.heard is not None for c in self.rows)

    @property
    def columns(self) -> list[str]:
        return ["", *([self.words.yes_no] if self.yes_no else []), self.header]

    def cells(self, c: Consultation) -> list[str]:
        """A row's plain cells before the answer: the body and, where printed, Ja/Nej."""
        return [c.body, *([answer(c.heard, self.words)] if self.yes_no else [])]


def consultation_tables(p: Proposal, words: Wording = DANISH) -> Iterator[Consultations]:
    """Section 6's tables as the seed prints them: consultations in a row under the same
    column header form one table (Center for Økonomi's "Dato for godkendelse" first)."""

    def header(c: Consultation) -> str:
        return c.header or (words.approval if c.kind == "cfo" else words.approval_and_answer)

    for text, rows in groupby(p.consultations, key=header):
        yield Consultations(text, tuple(rows), words)


def appendices_heading(numbered: list[str], words: Wording = DANISH) -> str:
    """The "Bilagsoversigt" section's heading, numbered after the last numbered section
    heading printed before it (Forslag 7: "7. Bilagsoversigt" after "6. Hvem er hørt?")."""
    last = next((h for h in reversed(numbered) if h.split(".")[0].isdigit()), "0.")
    return f"{int(last.split('.')[0]) + 1}. {words.appendices}"


def table1(
    p: Proposal, rows: Iterable[layout.Row], words: Wording = DANISH
) -> Iterator[layout.Row]:
    """Tabel 1's rows with its group rows in the proposal's own wording (a heading it rewords
    is named by its Danish wording); a group row the proposal does not print is left out
    (Forslag 7 prints none)."""
    danish = {words.section_headings[s]: text for s, text in SECTION_HEADINGS.items()}
    for row in rows:
        if row.kind is not layout.Kind.HEADING:
            yield row
        elif (label := heading(p, danish.get(row.label, row.label), row.label)) is not None:
            yield replace(row, label=label)


def basis_drawn(p: Proposal, b: BasisTable) -> bool:
    """Whether a basis table is drawn as a table: printed, and not drawn elsewhere (Forslag
    7's Tabel 3 is its distribution); otherwise only its prose stands where it would."""
    return b in numbering.basis_tables(p)


def own_basis(p: Proposal) -> list[BasisTable]:
    """The basis tables of section 2's "Grundlag" part (not those printed in 2.1) that print
    anything there: the table, its prose or a text after it. None: no heading."""
    return [
        b
        for b in p.basis
        if not b.in_distribution
        and (basis_drawn(p, b) or b.text.strip() or p.texts_after.get(b.id, "").strip())
    ]
