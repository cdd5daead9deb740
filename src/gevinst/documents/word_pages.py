# SPDX-License-Identifier: MPL-2.0
"""The pages of the Word document: the title page, the table of contents, and a section for
each part (the catalog's front matter, every proposal) whose footer gives the part's own price
level and numbers its pages on their own ("Side 1 af 5"), as the seed does.

Page numbers are Word fields, so they stay right while the economist edits on. Each part
restarts the page count, so the contents list links to the parts by name, without page numbers
that would repeat from part to part.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from gevinst.core.model import Catalog
from gevinst.core.template import Printing, printing

PAGE_MM = (210.0, 297.0)  # A4
MARGIN_MM = 20.0


def field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field as begin / instruction / separate / value / end runs; ``shown`` is the
    value until Word or LibreOffice updates it."""
    _char(paragraph, "begin")
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    paragraph.add_run()._r.append(element)
    _char(paragraph, "separate")
    paragraph.add_run(shown)
    _char(paragraph, "end")


def _char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def text_width_mm(doc: DocxDocument) -> float:
    """The width between the margins of the section being written."""
    section = doc.sections[-1]
    width = section.page_width or Mm(PAGE_MM[0])
    return float(Mm(width.mm - 2 * MARGIN_MM).mm)


def _layout(section: Section, wide: bool) -> None:
    short, long = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if wide else (short, long)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    section.footer_distance = Mm(10)


def _footer(section: Section, prices: str, pages: str, printed: Printing) -> None:
    """ "Beløb i ...", then "Side n af N" of this part (in the document's language)."""
    words = printed.words
    before, rest = words.page_of.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    width = Mm((section.page_width.mm if section.page_width else PAGE_MM[0]) - 2 * MARGIN_MM)
    stops = paragraph.paragraph_format.tab_stops
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.add_run(f"{words.amounts_in} {prices}\t{before}")
    field(paragraph, "PAGE")
    paragraph.add_run(middle)
    field(paragraph, pages)
    if after:
        paragraph.add_run(after)
    restart = OxmlElement("w:pgNumType")
    restart.set(qn("w:start"), "1")
    section._sectPr.append(restart)


class Parts:
    """Starts each part of the document in a section of its own."""

    def __init__(self, doc: DocxDocument, single: bool, printed: Printing | None = None) -> None:
        self.doc = doc
        self.printed = printed or printing(None)
        self.count = 0
        # a document of one part counts all its pages (NUMPAGES, which LibreOffice knows too);
        # the catalog counts each section's (SECTIONPAGES, which Word computes)
        self.pages = "NUMPAGES" if single else "SECTIONPAGES"

    def start(self, prices: str, wide: bool = False) -> None:
        """A new part from the next paragraph on; the document's first part takes the first
        section."""
        section = (
            self.doc.sections[0] if self.count == 0 else self.doc.add_section(WD_SECTION.NEW_PAGE)
        )
        _layout(section, wide)
        _footer(section, prices, self.pages, self.printed)
        self.count += 1


def title_page(doc: DocxDocument, cat: Catalog, printed: Printing | None = None) -> None:
    """The catalog's title page, then its table of contents on a page of its own."""
    printed = printed or printing(cat.profile)
    words = printed.words
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph().add_run(cat.municipality.upper()).bold = True
    doc.add_paragraph(cat.title, style="Title")
    doc.add_paragraph().add_run(cat.round).font.size = Pt(14)
    for _ in range(12):
        doc.add_paragraph()
    doc.add_paragraph(f"{words.cover_proposals}: {len(cat.proposals)}")
    doc.add_paragraph(f"{words.cover_amounts}: {printed.prices(cat.price_level)}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # not a heading: the contents list names the parts, not itself
    contents_title = doc.add_paragraph().add_run(words.contents)
    contents_title.bold = True
    contents_title.font.size = Pt(16)
    contents = doc.add_paragraph()
    field(contents, 'TOC \\o "1-1" \\h \\z \\u \\n', shown=words.contents_hint)
    _update_fields_on_open(doc)


def _update_fields_on_open(doc: DocxDocument) -> None:
    # Word fills in the table of contents and the page numbers when the file is opened
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
