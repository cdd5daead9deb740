# SPDX-License-Identifier: MPL-2.0
"""A proposal, or the whole catalog, as a Word document in the template's structure.

Real Word headings and real Word tables, so that an economist can go on editing the
document in Word. Every figure comes from :mod:`gevinst.core.calc` or
:mod:`gevinst.core.summary`; this module only lays them out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from gevinst.core import calc, layout, marks, model, numbering, template
from gevinst.core import text as markup
from gevinst.core.layout import Kind
from gevinst.core.marks import Marks, Place
from gevinst.core.model import (
    BasisTable,
    Catalog,
    CatalogGroup,
    Proposal,
    TargetRow,
    Targets,
)
from gevinst.core.prices import unconverted_notes
from gevinst.core.profile import Profile
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import Series
from gevinst.core.summary import Summary, SummaryRow, summarise
from gevinst.core.template import Printing, printing
from gevinst.documents import sections
from gevinst.documents.appraisal import appraisal_blocks
from gevinst.documents.charts import catalog_chart, chart_png, proposal_chart
from gevinst.documents.word_pages import Parts, text_width_mm, title_page

FIGURE_MIN_MM = 13.0
LABEL_MIN_MM = 20.0  # a text column narrower than this breaks every word
DIGIT_MM = 1.9  # a digit of 8 pt bold text in a wide fallback font (DejaVu Sans)
CELL_PAD_MM = 3.5  # the cell margins either side, and a little air
CELL_MARGIN_TWIPS = 85  # 1,5 mm either side of a cell's text, so that figures fit
# more year columns than this leave a row label too narrow on a portrait page: the proposal
# is set on landscape pages
PORTRAIT_YEARS = 7
CHART_WIDTH_MM = 160.0
TABLE_STYLE = "Table Grid"
CELL_STYLE = "Tabeltekst"
HEADER_FILL = "D9E2F3"
ZERO_MARK = "-"
# the proofing language of the text (Word's spelling check helps the economist who edits on)
_LANGUAGES = {"da": "da-DK", "en": "en-GB"}
CHECKED, UNCHECKED = "☒", "☐"


# python-docx refuses text that XML 1.0 cannot hold; such characters carry no meaning here.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Cell:
    text: str
    right: bool = False  # figures are right-aligned
    prose: bool = False  # a printed text in the format's markup (paragraphs, lists)


@dataclass(frozen=True)
class Row:
    """A table row; when it has fewer cells than the table, its last cell spans the rest."""

    cells: tuple[Cell, ...]
    bold: bool = False


# The document being written's wording, money and years (the profile's), which nearly every
# function below prints: set once by render_docx for the document it writes, rather than
# passed down through every function that lays out a part of it
_PRINTED: ContextVar[Printing | None] = ContextVar("printed", default=None)


def _words() -> Printing:
    return _PRINTED.get() or printing(None)


def render_docx(cat: Catalog, options: ExportOptions) -> bytes:
    """The catalog's proposals (or only ``options.proposal``) as one Word document, in the
    language, money and years of the catalog's profile."""
    token = _PRINTED.set(printing(cat.profile))
    try:
        return _render(cat, options)
    finally:
        _PRINTED.reset(token)


def _wide(years: Sequence[int], total: bool = False) -> bool:
    """Landscape pages for more year columns (and Tabel 1's Total column, where printed)
    than a portrait page holds (a financial year's label, "2024/25", takes a column of its
    own width)."""
    columns = len(years) + (1 if total else 0)
    return columns > (PORTRAIT_YEARS - 1 if _words().periods.financial else PORTRAIT_YEARS)


def _render(cat: Catalog, options: ExportOptions) -> bytes:
    printed = _words()
    shown = select(cat, options)
    found = Marks(shown, options.as_stated, with_summary=options.proposal is None)
    doc = _new_document()
    single = len(shown.proposals) == 1 and options.proposal is not None
    parts = Parts(doc, single, printed)
    if options.proposal is None:
        parts.start(printed.prices(shown.price_level))
        title_page(doc, shown, printed)
        _intro(doc, shown, found)
    for p in shown.proposals:
        parts.start(
            printed.prices(p.price_level), wide=_wide(p.years, layout.prints_total(cat.profile))
        )
        _start(doc, shown, p)
        if p.catalog_entry_only:
            _entry_only(doc, shown, p, found)
        else:
            _proposal(doc, shown.profile, p, found)
    _deviations(doc, found)
    only = shown.proposals[0] if len(shown.proposals) == 1 else None
    doc.core_properties.title = _clean(f"{only.id} {only.title}" if only else shown.title)
    doc.core_properties.language = _LANGUAGES[printed.words.language]
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- document set-up --------------------------------------------------------------------


def _new_document() -> DocxDocument:
    doc = Document()
    _styles(doc)
    return doc


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.name = "Calibri"  # named, so that a word processor without it picks a sans serif
    # Danish proofing language, so Word's spelling check helps the economist who edits on
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _LANGUAGES[_words().words.language])
    normal.element.get_or_add_rPr().append(lang)
    cell = doc.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(8)
    cell.paragraph_format.space_after = Pt(0)


# --- text -------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    paragraph: Paragraph = doc.add_heading(_clean(text), level)
    return paragraph


def _text(doc: DocxDocument, text: str, bold: bool = False) -> None:
    for part in _clean(text).split("\n"):
        if part.strip():
            doc.add_paragraph().add_run(part.strip()).bold = bold or None


NewParagraph = Callable[[str | None], Paragraph]


def _prose(doc: DocxDocument, written: str) -> None:
    """A printed text of the proposal, in the format's markup, as Word paragraphs and lists."""
    _markup(written, doc.part, lambda style: doc.add_paragraph(style=style))


def _markup(written: str, part: DocumentPart, new: NewParagraph) -> None:
    """Paragraphs with italic and bold runs; lists in the styles "List Bullet" and
    "List Number", each numbered list from its own first number."""
    for block in markup.parse(_clean(written)):
        if isinstance(block, markup.Paragraph):
            paragraph = new(None)
            _runs(paragraph, block)
            paragraph.paragraph_format.keep_with_next = block.is_heading or None
            continue
        numbering = None if isinstance(block, markup.BulletList) else _numbering(part, block.start)
        for item in block.items:
            paragraph = new("List Bullet" if numbering is None else "List Number")
            if numbering is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = numbering
            _runs(paragraph, item)


def _runs(paragraph: Paragraph, text: markup.Paragraph) -> None:
    for r in text.runs:
        run = paragraph.add_run(r.text)
        run.italic, run.bold = r.italic or None, r.bold or None


def _numbering(part: DocumentPart, start: int) -> int:
    """A numbering of the "List Number" style of its own, from ``start``: Word would otherwise
    go on counting from the document's previous numbered list."""
    style = part.styles["List Number"].element
    numbering = part.numbering_part.element
    style_num = style.pPr.numPr.numId.val
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return int(num.numId)


def _cell_prose(cell: _Cell, written: str, style: str, bold: bool) -> None:
    """A printed text in a table cell: its first paragraph is the cell's own."""
    first = [cell.paragraphs[0]]
    part = cast(DocumentPart, cell.part)  # the documents' tables are in its body

    def new(list_style: str | None) -> Paragraph:
        paragraph: Paragraph = first.pop() if first else cell.add_paragraph()
        if list_style is None:
            paragraph._p.style = style
        else:
            paragraph.style = part.styles[list_style]
        return paragraph

    _markup(written, part, new)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = run.bold or bold or None


def _caption(doc: DocxDocument, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(_clean(text)).bold = True
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(6)


def _confidential_mark(p: Proposal) -> str:
    shown = p.confidential and not p.catalog_entry_only
    return _words().words.confidential_mark if shown else ""


# --- tables -----------------------------------------------------------------------------


def _years(weights: Sequence[float], years: int) -> list[float | None]:
    """Text columns of the given weights, then ``years`` figure columns."""
    return [*weights, *[None] * years]


def _widths(
    columns: Sequence[float | None], rows: Sequence[Row], header: Sequence[Cell], width: float
) -> list[float]:
    """Column widths in mm within ``width``: a figure column (None) as wide as the widest
    figure in the rows, so that "-43.142" is never broken over two lines; text columns share
    the rest by weight, each at least as wide as the longest word of its header, so that a
    header is never broken in the middle of a word."""
    longest = max((_figure_chars(c.text) for r in rows for c in r.cells if c.right), default=0)
    figure = max(FIGURE_MIN_MM, CELL_PAD_MM + DIGIT_MM * longest)
    words = [_word_mm(c.text) for c in header] or [0.0] * len(columns)
    fixed = [max(figure, words[i]) if c is None else 0.0 for i, c in enumerate(columns)]
    weights = [c for c in columns if c is not None]
    left = width - sum(fixed)
    shares = [0.0 if c is None else left * c / sum(weights) for c in columns]
    short = [
        max(0.0, words[i] - shares[i]) if c is not None else 0.0 for i, c in enumerate(columns)
    ]
    # a text column too narrow for its header's longest word takes it from the widest one
    if any(short):
        widest = max(range(len(columns)), key=lambda i: shares[i])
        shares = [s + short[i] for i, s in enumerate(shares)]
        shares[widest] -= sum(short)
    return _fit([fixed[i] or shares[i] for i in range(len(columns))], columns, width)


def _figure_chars(text: str) -> float:
    """A figure's width in digits: a mark's superscript digits are set at about half size."""
    return len(text) - sum(ch in marks.SUPERSCRIPT_DIGITS for ch in text) / 2


def _fit(widths: list[float], columns: Sequence[float | None], width: float) -> list[float]:
    """Widths that fit ``width`` with every text column at least ``LABEL_MIN_MM``: where many
    years of large amounts ask for more than the page has, every column gives up the same
    share, so a figure may wrap but no column vanishes."""
    floored = [
        w if c is None else max(w, LABEL_MIN_MM) for w, c in zip(widths, columns, strict=True)
    ]
    total = sum(floored)
    return floored if total <= width else [w * width / total for w in floored]


def _word_mm(text: str) -> float:
    """The width of a header cell's longest word in 8 pt bold."""
    return CELL_PAD_MM + DIGIT_MM * max((len(w) for w in text.split()), default=0)


def _table(
    doc: DocxDocument,
    header: Sequence[Cell] | None,
    rows: Iterable[Row],
    columns: Sequence[float | None],
) -> None:
    """A table of real Word rows; ``columns`` as for :func:`_widths`."""
    body = list(rows)
    widths = _widths(columns, body, header or [], text_width_mm(doc))
    head = [] if header is None else [Row(tuple(header), bold=True)]
    content = [*head, *body]
    table: Table = doc.add_table(rows=len(content), cols=len(widths))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _narrow_margins(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    # python-docx looks a style up by name slowly; the id is looked up once per table
    style = doc.styles[CELL_STYLE].style_id
    for row, values in zip(table.rows, content, strict=True):
        _fill(row, values, widths, style)
        _row_property(row, "w:cantSplit")  # a row broken over two pages is hard to read
    if head:
        # Word repeats a header row at the top of every page that the table spans
        _row_property(table.rows[0], "w:tblHeader")
        for cell in table.rows[0].cells:
            _shade(cell)
    doc.add_paragraph()  # Word joins two tables that touch; a paragraph keeps them apart


def _narrow_margins(table: Table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # the schema fixes the order of a table's properties; Word rejects a file that breaks it
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _fill(row: _Row, content: Row, widths: Sequence[float], style: str) -> None:
    cells = row.cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = Mm(width)
    if len(content.cells) < len(cells):
        cells[len(content.cells) - 1].merge(cells[-1])
    for cell, value in zip(cells, content.cells, strict=False):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style
        if value.right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if value.prose:
            _cell_prose(cell, value.text, style, content.bold)
        else:
            paragraph.add_run(_clean(value.text)).bold = content.bold or None


def _row_property(row: _Row, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _figure(amount: Decimal | None, zero: str = "0") -> Cell:
    return Cell(zero if amount == 0 else _words().figure(amount), right=True)


def _figures(series: Series, years: Sequence[int], zero: str = "0") -> tuple[Cell, ...]:
    return tuple(_figure(series[y], zero) for y in years)


def _marked(texts: Iterable[str]) -> tuple[Cell, ...]:
    """Figures as :class:`gevinst.core.marks.Marks` prints them, with their marks."""
    return tuple(Cell(t, right=True) for t in texts)


def _plain(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


def _area_header() -> str:
    # Word breaks a long header word itself: no soft hyphen, as the PDF's narrow column needs
    return _words().words.area_header.replace("\u00ad", "")


def _year_header(first: Sequence[str], years: Sequence[int]) -> list[Cell]:
    """Text columns' headers, then the years as the profile names them ("2024/25")."""
    return [*_plain(*first), *(Cell(_words().year(y), right=True) for y in years)]


def _unit_rows(
    profile: Profile,
    rows: calc.SharedUnits,
    p: Proposal,
    bevilling: dict[str, str],
    found: Marks,
    table: str,
) -> list[Row]:
    # zeros as the source shows them in this table ("-", or a blank cell)
    stated = p.stated.technical.get(table)
    zero = numbering.zero_mark(stated, p.years, ZERO_MARK)

    def figures(unit: str, amounts: Series) -> tuple[Cell, ...]:
        return _marked(found.amounts(p.id, table, unit, amounts, p.years, zero))

    sums = calc.column_total(rows)
    total = _marked(
        [
            found.figure(
                Place(p.id, table, "total", y), sums[y], numbering.total_zero(stated, y, zero)
            )
            for y in p.years
        ]
    )

    # every unit row of the template, so that the economist finds the row to fill in
    units = set(rows) | set(profile.unit_order) | found.rows(p.id, table)
    out = [
        Row(
            (
                Cell(profile.unit_name(unit)),
                Cell(bevilling.get(unit, "")),
                *figures(unit, rows.get(unit, Series())),
            )
        )
        for unit in profile.sort_units(list(units))
    ]
    out.append(Row((Cell(_words().words.total), Cell(""), *total), bold=True))
    return out


# --- the catalog's front matter ----------------------------------------------------------


def _intro(doc: DocxDocument, cat: Catalog, found: Marks) -> None:
    """The intro as the catalog prints it: its text, its summary tables (Tabel 1 and 2,
    recomputed and marked where they differ) and the chart of the target effect."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(doc, _words().words.overview, 1)
    _prose(doc, found.intro(cat.intro))
    for table in cat.tables:
        _summary_table(doc, summarise(cat, table.id), found)
        _prose(doc, table.text)
        for note in unconverted_notes(cat, table.id):
            _prose(doc, note)
    _chart(doc, chart_png(catalog_chart(cat, _words())))


def _summary_cells(
    summary: Summary, found: Marks, r: SummaryRow | None, key: str, zero: str, years_zero: str
) -> list[Cell]:
    """A summary table's row (None: its total) in the profile's columns (``key``: the row as
    the marks name it; ``zero``: how a 0 is printed, ``years_zero`` in the years)."""
    t, printed = summary.table, _words()
    effect = summary.total_effect() if r is None else r.effect
    out: list[Cell] = []
    for c in summary.columns():
        if c.kind == "effect_years":
            out += _marked(found.amounts(None, t.id, key, effect, t.years, years_zero))
        elif c.kind == "investment":
            spent = summary.total_investment() if r is None else r.investment
            place = Place(None, t.id, key, marks.INVESTMENT)
            out.append(Cell(found.figure(place, spent, zero), right=True))
        elif c.kind == "full_effect":
            full = summary.total_full_effect() if r is None else r.row.full_effect
            out.append(Cell("" if full is None else printed.figure(full), right=True))
        elif c.kind == "payback":
            out.append(Cell("" if r is None else r.row.payback, right=True))
        elif c.kind == "approved_with":
            out.append(Cell("" if r is None else r.row.approved_with))
        else:
            # a part on an area, as the core gives it: none is marked
            part = summary.area_part(r, c)
            text = "" if part is None else zero if part == 0 else printed.figure(part)
            out.append(Cell(text, right=True))
    return out


def _summary_header(
    summary: Summary, first: str, approved_width: float
) -> tuple[list[Cell], list[float | None]]:
    """A summary table's header in the profile's columns, and the columns' widths."""
    printed = _words()
    header = _plain(first)
    widths: list[float | None] = [3]
    for c in summary.columns():
        if c.kind == "effect_years":
            header += _year_header((), summary.table.years)
            widths += [None] * len(summary.table.years)
        else:
            header.append(Cell(summary.heading(c, printed), right=c.numeric))
            widths.append(None if c.numeric else approved_width)
    return header, widths


def _summary_table(doc: DocxDocument, summary: Summary, found: Marks) -> None:
    """A catalog summary table with the columns the profile says (``Summary.columns``)."""
    t = summary.table
    printed = _words()

    def cells(r: SummaryRow | None, row: str, zero: str) -> list[Cell]:
        return _summary_cells(summary, found, r, row, zero, zero)

    words = printed.words
    _caption(doc, t.title)
    if t.unit:
        _text(doc, f"{words.summary_unit}, {t.unit}")
    rows: list[Row] = []
    for group in summary.groups:
        rows += [Row((Cell(group.committee),), bold=True)] if group.committee else []
        rows += [
            Row(
                (
                    Cell(numbering.catalog_row_label(r.row)),
                    *cells(r, r.row.proposal or "", ZERO_MARK),
                )
            )
            for r in group.rows
        ]
    rows.append(Row((Cell(words.in_all), *cells(None, "total", "0")), bold=True))
    header, widths = _summary_header(summary, words.summary_columns[0], 1.2)
    _table(doc, header, rows, widths)
    for note in t.notes:
        _text(doc, note)


def _chart(doc: DocxDocument, png: bytes) -> None:
    doc.add_picture(io.BytesIO(png), width=Mm(min(CHART_WIDTH_MM, text_width_mm(doc))))
    picture = doc.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = False


# --- a proposal -------------------------------------------------------------------------


def _start(doc: DocxDocument, cat: Catalog, p: Proposal) -> None:
    """The page heading as printed above the title, then the title as the catalog names the
    proposal ("Forslag 2 ...", "BC01 ...")."""
    if p.heading and not p.catalog_entry_only:
        doc.add_paragraph().add_run(_clean(p.heading.upper())).bold = True
    _heading(doc, f"{numbering.printed_name(p, cat)} {p.title}" + _confidential_mark(p), 1)


def _proposal(doc: DocxDocument, profile: Profile, p: Proposal, found: Marks) -> None:
    _description(doc, profile, p)
    _economy(doc, profile, p, found)
    _appraisal(doc, profile, p)
    _followup(doc, p)
    _risk(doc, p)
    if p.appendix_heading:
        _text(doc, p.appendix_heading.upper(), bold=True)
    _admin(doc, profile, p, found)
    _consultations(doc, p)
    _technical(doc, profile, p, found)
    _appendices(doc, p)


def _section_heading(doc: DocxDocument, p: Proposal, number: int) -> None:
    """Section ``number`` (1 to 7)'s heading as the proposal prints it, if it prints one."""
    _sub_heading(doc, p, template.SECTIONS[number - 1], _words().words.sections[number - 1], 2)


def _sub_heading(doc: DocxDocument, p: Proposal, template: str, shown: str, level: int = 3) -> None:
    """A heading of the template (named by its Danish wording) in the document's language."""
    text = sections.heading(p, template, shown)
    if text:
        _heading(doc, text, level)


def _appendices(doc: DocxDocument, p: Proposal) -> None:
    """The "Bilagsoversigt" section (Forslag 7), numbered after the last section printed."""
    if not p.appendices_text.strip():
        return
    _heading(doc, sections.appendices_heading([_last_section(doc)], _words().words), 2)
    _prose(doc, p.appendices_text)


def _last_section(doc: DocxDocument) -> str:
    for block in reversed(list(doc.iter_inner_content())):
        if isinstance(block, Paragraph) and block._p.style == "Heading2":
            return block.text
    return ""


def _description(doc: DocxDocument, profile: Profile, p: Proposal) -> None:
    words = _words().words
    _section_heading(doc, p, 1)
    _prose(doc, p.description)
    innovation = words.yes + (f" ({p.innovation_title})" if p.innovation_title else "")
    _question(doc, words.innovation_question, p.innovation, innovation)
    _question(doc, words.simplification_question, p.simplification, words.yes)
    _summary_fields(doc, profile, p)


def _question(doc: DocxDocument, question: str, answer: bool | None, yes: str) -> None:
    if answer is None:
        return
    _text(doc, question)
    paragraph = doc.add_paragraph()
    no = _words().words.no
    paragraph.add_run(_clean(f"{_box(answer is True)}{yes}\n{_box(answer is False)}{no}"))


def _box(ticked: bool) -> str:
    return CHECKED if ticked else UNCHECKED


def _administration_name(profile: Profile, code: str) -> str:
    try:
        return profile.administration(code).name
    except KeyError:
        return code  # not in the profile: shown as written rather than lost


def _affected_boxes(profile: Profile, p: Proposal) -> list[str]:
    known = {a.code for a in profile.administrations} | {a.name for a in profile.administrations}
    boxes = [
        f"{_box(a.code in p.affected or a.name in p.affected)} {a.name}"
        for a in profile.administrations
    ]
    return boxes + [f"{CHECKED} {code}" for code in p.affected if code not in known]


# --- 2. Økonomi -------------------------------------------------------------------------


def _economy(doc: DocxDocument, profile: Profile, p: Proposal, found: Marks) -> None:
    _section_heading(doc, p, 1 + 1)
    _prose(doc, p.economy_text)
    _table1(doc, p, profile, found)
    _notes(doc, p)
    _prose(doc, p.texts_after.get(model.ECONOMY_TABLE, ""))
    # no investment, no payback and no payback chart (F6, Forslag 7), as in the PDF
    if calc.has_investment(p):
        _chart(doc, chart_png(proposal_chart(p, _words())))
    # a table that is not printed leaves only its prose, where the table stands
    basis = sections.own_basis(p)
    if basis:
        _sub_heading(doc, p, template.BASIS, _words().words.basis)
        for b in basis:
            _basis_part(doc, p, b, found)
    _distribution(doc, profile, p, found)
    for b in p.basis:
        if b.in_distribution:
            _basis_part(doc, p, b, found)
    _prose(doc, p.texts_after.get(model.DISTRIBUTION_TABLE, ""))
    # the target accounting (Forslag 7's Tabel 4) after its Tabel 3, as the source prints it
    if p.targets is not None:
        _targets(doc, p, p.targets, found)
    _prose(doc, p.texts_after.get(model.TARGETS_TABLE, ""))


def _appraisal(doc: DocxDocument, profile: Profile, p: Proposal) -> None:
    """The options appraisal after the financial section: the blocks the PDF prints
    (:mod:`gevinst.documents.appraisal`), as Word paragraphs and tables; nothing for a
    proposal without an ``appraisal:`` section."""
    for b in appraisal_blocks(p, profile, _words()):
        kind = b["kind"]
        if kind == "heading":
            _heading(doc, b["text"], b["level"])
        elif kind == "prose" and p.appraisal is not None:
            # the block's one text is the case's, in the format's markup
            _prose(doc, p.appraisal.text)
        elif kind == "fields":
            rows = [Row((Cell(label), Cell(value))) for label, value in b["rows"]]
            _table(doc, None, rows, (1, 2.8))
        elif kind == "table":
            _block_table(doc, b)


def _block_table(doc: DocxDocument, b: dict[str, Any]) -> None:
    """A table block (:mod:`gevinst.documents.blocks`' vocabulary): its title, its unit, the
    table with a column a figure right-aligned as the block says, and its notes."""
    if b["title"]:
        _caption(doc, b["title"])
    if b["unit"]:
        _text(doc, b["unit"])
    right = [a == "right" for a in b["align"]]
    header = [Cell(c, right=r) for c, r in zip(b["columns"], right, strict=True)]
    rows = [
        Row(
            tuple(Cell(str(c), right=r) for c, r in zip(row["cells"], right, strict=False)),
            bold=row["style"] in ("sub", "total"),
        )
        for row in b["rows"]
    ]
    # a weight as the PDF's, a column the PDF sets at its natural width as wide as its
    # longest figure or text
    columns = [
        float(w) if not isinstance(w, str) else (None if r else 1.0)
        for w, r in zip(b["widths"], right, strict=True)
    ]
    _table(doc, header, rows, columns)
    for note in b["notes"]:
        _text(doc, note)


def _basis_part(doc: DocxDocument, p: Proposal, b: BasisTable, found: Marks) -> None:
    """A basis table and the text after it; a table that is not printed leaves its prose."""
    if sections.basis_drawn(p, b):
        _basis(doc, p, b, found)
    else:
        _prose(doc, b.text)
    _prose(doc, p.texts_after.get(b.id, ""))


def _table1(doc: DocxDocument, p: Proposal, profile: Profile, found: Marks) -> None:
    """Tabel 1, with a column of each row's total over its years where the profile's
    template prints one (``template.table1_total``)."""
    printed = _words()
    _caption(doc, numbering.titles(p, printed.words).economy)
    total = layout.prints_total(profile)
    header = _year_header((printed.prices(p.price_level), _area_header()), p.years)
    if total:
        header.append(Cell(printed.words.row_total, right=True))
    figures = len(p.years) + (1 if total else 0)
    _table(doc, header, _table1_rows(p, profile, found, total), _years((3, 1.3), figures))


def _table1_rows(p: Proposal, profile: Profile, found: Marks, total: bool = False) -> list[Row]:
    rows = []
    printed = _words()
    for row in sections.table1(p, layout.table1(p, profile, printed), printed.words):
        if row.kind is Kind.HEADING:
            rows.append(Row((Cell(row.label),), bold=True))
        elif row.kind is Kind.PAYBACK:
            payback = found.text(Place(p.id, "1", row.key, None), row.text)
            rows.append(Row((Cell(row.label), Cell(payback))))
        else:
            amounts = row.amounts if row.amounts is not None else Series()
            texts = found.amounts(p.id, "1", row.key, amounts, p.years)
            if total:
                texts.append(found.row_total(p, row.key, amounts))
            figures = _marked(texts)
            rows.append(Row((Cell(row.label), Cell(row.area), *figures), row.kind is not Kind.LINE))
    return rows


def _notes(doc: DocxDocument, p: Proposal) -> None:
    for note in numbering.economy_notes(p, _words().words):
        _text(doc, note)


def _targets(doc: DocxDocument, p: Proposal, targets: Targets, found: Marks) -> None:
    """Target accounting (Forslag 7's Tabel 4): the rows as printed, the manko computed."""
    _caption(doc, targets.title)
    years = numbering.target_years(p)

    def cells(row: TargetRow) -> tuple[Cell, ...]:
        derived = layout.target_derived(p, row)
        if derived is None:
            return tuple(_figure(row.values[y]) if y in row.values else Cell("") for y in years)
        key, values = derived
        return tuple(
            Cell(found.figure(Place(p.id, marks.TARGETS_TABLE, key, y), values[y]), right=True)
            if y in values
            else Cell("")
            for y in years
        )

    # one table a price basis, as the source prints Tabel 4
    for basis, rows in layout.target_blocks(targets):
        first = basis or _words().prices(p.price_level)
        header = _year_header((first, _area_header()), years)
        body = [Row((Cell(r.label), Cell(r.area or ""), *cells(r))) for r in rows]
        _table(doc, header, body, _years((3, 1.3), len(years)))


def _basis(doc: DocxDocument, p: Proposal, basis: BasisTable, found: Marks) -> None:
    _caption(doc, basis.title)
    _prose(doc, basis.text)
    years = {
        c for c in basis.columns if numbering.is_year_column(r.values.get(c) for r in basis.rows)
    }

    def cell(row: str, column: str, value: Decimal | str | None) -> Cell:
        shown = _basis_cell(value, column in years, basis.unit)
        mark = found.mark(Place(p.id, marks.BASIS_TABLE + basis.id, row, column))
        return replace(shown, text=shown.text + mark) if mark else shown

    rows = [
        Row(
            (
                Cell(row.label),
                *(cell(row.label, column, row.values.get(column)) for column in basis.columns),
            )
        )
        for row in basis.rows
    ]
    weights = [2.5] + [1.0] * len(basis.columns)
    _table(doc, _plain(basis.label_column, *basis.columns), rows, weights)


def _basis_cell(value: Decimal | str | None, year: bool, unit: str) -> Cell:
    if isinstance(value, Decimal):
        # a year is never printed with a thousands separator: "2025", not "2.025"
        if year:
            return Cell(str(int(value)), right=True)
        return Cell(f"{_figure(value).text} {unit}".rstrip(), right=True)
    return Cell(value or "")


def _distribution(doc: DocxDocument, profile: Profile, p: Proposal, found: Marks) -> None:
    printed = "2.1" in marks.printed_tables(p, profile)
    # no empty heading: 2.1 is shown where the proposal has its text or its table
    if p.distribution_text.strip() or printed:
        _sub_heading(doc, p, template.DISTRIBUTION, _words().words.distribution)
    _prose(doc, p.distribution_text)
    stated = p.stated.distribution
    if not printed:
        return
    _caption(doc, numbering.titles(p, _words().words).distribution)
    zero = numbering.zero_mark(stated, p.years, "0")
    key = (stated.key_column,) if stated is not None and stated.key_column else ()
    out = [
        Row(
            (
                Cell(row.label),
                *(Cell(row.share, right=True) for _ in key),
                *_marked(found.amounts(p.id, "2.1", row.key, row.amounts, p.years, zero)),
            ),
            bold=row.key == "total",
        )
        for row in layout.distribution(p, profile, found.rows(p.id, "2.1"))
    ]
    unit = f"{_words().words.committee}, {_words().prices(p.price_level)}"
    header = _year_header((unit, *key), p.years)
    _table(doc, header, out, _years((1, *(1.4 for _ in key)), len(p.years)))


# --- 3. to 6. ---------------------------------------------------------------------------


def _followup(doc: DocxDocument, p: Proposal) -> None:
    _section_heading(doc, p, 3)
    if p.followup_text:
        _prose(doc, p.followup_text)
    if not p.followup:
        return
    words = _words().words
    rows: list[Row] = []
    for phase, title in words.followup_phases.items():
        goals = [f for f in p.followup if f.phase is phase]
        # a phase without goals gets no empty heading row
        rows += [Row((Cell(title),), bold=True)] if goals else []
        rows += [
            Row(tuple(Cell(t, prose=True) for t in (f.goal, f.measure, f.responsible, f.when)))
            for f in goals
        ]
    numbered = numbering.titles(p, words).followup
    if numbered:
        _caption(doc, numbered)
    _table(doc, _plain(*words.followup_columns), rows, (3, 4, 2, 2))


def _risk(doc: DocxDocument, p: Proposal) -> None:
    _section_heading(doc, p, 4)
    # a level is printed only where the proposal states one
    if p.risk_level is not None:
        words = _words().words
        _text(doc, f"{words.risk_level}: {words.risk_levels[p.risk_level]}")
    _prose(doc, p.risk_text)


def _admin(doc: DocxDocument, profile: Profile, p: Proposal, found: Marks) -> None:
    # a proposal whose template has no section 5 (Forslag 5) gets no empty heading
    if not p.admin_text and not p.admin_rows:
        return
    _section_heading(doc, p, 5)
    _prose(doc, p.admin_text)
    if "admin" not in marks.printed_tables(p, profile):
        return
    printed = _words()
    _caption(doc, numbering.titles(p, printed.words).admin)
    # an input row's year left out is printed blank, as the source leaves it (BC02)
    rows = [
        Row(
            (
                Cell(r.text),
                *(_figure(r.amounts[y]) if y in r.amounts else Cell("") for y in p.years),
            )
        )
        for r in p.admin_rows
    ]
    total = _marked(found.amounts(p.id, "admin", "total", calc.admin_total(p), p.years))
    rows.append(Row((Cell(printed.words.admin_total), *total), bold=True))
    net = printed.words.admin_net.format(prices=printed.prices(p.price_level))
    header = _year_header((net,), p.years)
    _table(doc, header, rows, _years((1,), len(p.years)))
    _text(doc, printed.words.admin_note)


def _consultations(doc: DocxDocument, p: Proposal) -> None:
    _section_heading(doc, p, 6)
    # the answer's own words carry its dates: they are not printed a second time
    for t in sections.consultation_tables(p, _words().words):
        rows = [
            Row((*(Cell(text) for text in t.cells(c)), Cell(c.text, prose=True))) for c in t.rows
        ]
        _table(doc, _plain(*t.columns), rows, (3, *((1.2,) if t.yes_no else ()), 7.3))
    partners = sections.heading(p, template.PARTNERS, _words().words.partners)
    if p.partners_text and partners:
        _caption(doc, partners)
    _prose(doc, p.partners_text)


# --- 7. technical tables ------------------------------------------------------------------


def _technical(doc: DocxDocument, profile: Profile, p: Proposal, found: Marks) -> None:
    shown = marks.printed_tables(p, profile)
    if not set(shown) & set(calc.TECHNICAL_TABLES):
        return
    words = _words().words
    _section_heading(doc, p, 7)
    for name in calc.TECHNICAL_TABLES:
        if name not in shown:
            continue
        stated = p.stated.technical.get(name)
        title = (
            stated.title if stated is not None and stated.title else words.technical_titles[name]
        )
        _prose(doc, stated.text if stated is not None else "")
        _caption(doc, title + found.mark(Place(p.id, name, "", None)))
        bevilling = dict(stated.appropriations) if stated is not None else {}
        rows = _unit_rows(profile, calc.tables_of(p, profile)[name], p, bevilling, found, name)
        header = _year_header(
            (f"{words.committee}, {found.price_basis(p, name)}", words.appropriation_header),
            p.years,
        )
        _table(doc, header, rows, _years((2, 1.2), len(p.years)))
        _text(doc, found.empty_note(p, name))
        _text(doc, words.technical_note)
    _prose(doc, p.technical_text)


# --- a proposal known only from the catalog ----------------------------------------------


def _entry_only(doc: DocxDocument, cat: Catalog, p: Proposal, found: Marks) -> None:
    """A proposal known by its catalog row alone: a confidential one said to be withheld, a
    public summary (``Proposal.summary_only``) said to be one, with its texts; then its row
    and the paybacks it states, never computed."""
    words = _words().words
    _text(doc, words.confidential if p.confidential else words.entry_summary, bold=True)
    if p.summary_only:
        _summary_texts(doc, cat.profile, p)
    entry = _catalog_entry(cat, p)
    if entry is None:
        _published_totals(doc, p)
    else:
        _entry_row(doc, p, found, entry)
    paybacks = sections.stated_paybacks(p, _words())
    stated = [Row((Cell(label), Cell(text))) for label, text in paybacks]
    if stated:
        _table(doc, None, stated, (1, 2.8))


def _summary_texts(doc: DocxDocument, profile: Profile, p: Proposal) -> None:
    """A public summary's texts, as section 1 prints them, without the template's heading."""
    _prose(doc, p.description)
    _summary_fields(doc, profile, p)


def _summary_fields(doc: DocxDocument, profile: Profile, p: Proposal) -> None:
    """Section 1's fields: the summary, who presents the proposal and whom it affects; a
    field the proposal leaves unanswered (its template does not ask it) is not printed."""
    presenting = ", ".join(_administration_name(profile, code) for code in p.presenting)
    summary, _, _, presenting_label, affected = _words().words.summary_fields
    fields = (
        (summary, p.summary),
        (presenting_label, presenting),
        (affected, "\n".join(_affected_boxes(profile, p)) if p.affected else ""),
    )
    rows = [Row((Cell(label), Cell(value))) for label, value in fields if value]
    if rows:
        _table(doc, None, rows, (1, 2.8))


def _entry_row(doc: DocxDocument, p: Proposal, found: Marks, summary: Summary) -> None:
    """The proposal's row of a catalog table, in the profile's columns; what the row states
    with no year (its effect at full phase-in, its payback) is printed as stated."""
    words = _words().words
    table, (row,) = summary.table, summary.rows()
    _caption(doc, table.title)
    first = f"{words.entry_first}, {table.unit}" if table.unit else words.entry_first
    header, widths = _summary_header(summary, first, 1)
    label = Cell(f"{row.row.no} {row.row.label}".strip())
    cells = (label, *_summary_cells(summary, found, row, p.id, ZERO_MARK, "0"))
    _table(doc, header, [Row(cells)], widths)
    _text(doc, words.entry_note)


def _catalog_entry(cat: Catalog, p: Proposal) -> Summary | None:
    """The proposal's row of a catalog summary table, recomputed by the core; only that row
    is summarised (the table's printed totals left out: its columns are the row's), since
    the exported catalog may hold this proposal alone."""
    for table in cat.tables:
        for group in table.groups:
            for row in group.rows:
                if row.proposal == p.id:
                    alone = replace(
                        table,
                        groups=(CatalogGroup(group.committee, (row,)),),
                        total_effect=None,
                        total_investment=None,
                        total_full_effect=None,
                    )
                    return summarise(replace(cat, tables=(alone,)), table.id)
    return None


def _published_totals(doc: DocxDocument, p: Proposal) -> None:
    printed = _words()
    words = printed.words
    rows = [Row((Cell(words.entry_permanent), *_figures(calc.permanent(p), p.years)))]
    invest = calc.implementation(p)
    if not invest.is_zero():
        rows.append(Row((Cell(words.entry_implementation), *_figures(invest, p.years))))
    header = _year_header((printed.prices(p.price_level),), p.years)
    _table(doc, header, rows, _years((1,), len(p.years)))
    _text(doc, words.sign_note)


# --- the closing list ---------------------------------------------------------------------


def _deviations(doc: DocxDocument, found: Marks) -> None:
    """ "Afvigelser fra de angivne tal": every stated figure that differs, where, and why."""
    if not found.deviations:
        return
    words = _words().words
    _heading(doc, words.deviations_title, 1).paragraph_format.page_break_before = True
    _text(doc, words.deviations_intro_as_stated if found.as_stated else words.deviations_intro)
    rows = [
        Row(
            (
                Cell(d.mark),
                Cell(d.where),
                Cell(d.stated, right=True),
                Cell(d.computed, right=True),
                Cell(d.explanation),
            )
        )
        for d in found.marked
    ]
    _table(doc, _plain(*words.deviations_columns), rows, (0.5, 2.2, 1.1, 1.1, 4.5))
    if not found.outside:
        return
    _heading(doc, words.outside_title, 2)
    _text(doc, words.outside_intro)
    outside = [
        Row(
            (
                Cell(d.where),
                Cell(d.stated, right=True),
                Cell(d.computed, right=True),
                Cell(d.explanation),
            )
        )
        for d in found.outside
    ]
    _table(doc, _plain(*words.outside_columns), outside, (2.7, 1.1, 1.1, 4.5))
