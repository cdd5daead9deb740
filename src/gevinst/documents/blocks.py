# SPDX-License-Identifier: MPL-2.0
"""The catalog as a document of blocks, laid out like the seed's proposals (sections 1 to 7):
headings, prose, tables with their marks, fields, charts and notices, each a JSON-ready
mapping with Danish-formatted figures.

This module decides what a document shows and asks the core for every figure; a renderer
decides only how it looks: the PDF's typst template (:mod:`gevinst.documents.pdf`) and the
web application's proposal page lay out the same blocks, so the page reads like the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from gevinst.core import calc, layout, marks, model, numbering, template
from gevinst.core import text as markup
from gevinst.core.layout import Kind
from gevinst.core.marks import Marks, Place
from gevinst.core.model import (
    BasisTable,
    Catalog,
    CatalogGroup,
    CatalogTable,
    Proposal,
    StatedTable,
    TargetRole,
    TargetRow,
)
from gevinst.core.prices import unconverted_notes
from gevinst.core.profile import Profile
from gevinst.core.selection import ExportOptions
from gevinst.core.series import Series
from gevinst.core.summary import Summary, SummaryRow, summarise
from gevinst.core.template import Printing
from gevinst.documents import sections
from gevinst.documents.appraisal import appraisal_blocks
from gevinst.documents.block_kinds import Block, Cell
from gevinst.documents.block_kinds import para as _para
from gevinst.documents.block_kinds import prose as _prose
from gevinst.documents.block_kinds import row as _row
from gevinst.documents.block_kinds import table as _table
from gevinst.documents.charts import catalog_chart, proposal_chart

YEAR_WIDTH = "1.35cm"
# a catalog table's year and figure columns where it splits figures by area (more columns)
NARROW_YEAR, NARROW = "1.1cm", "1.75cm"
# the longest figure a year column of YEAR_WIDTH holds in bold: "-43.564"
FIGURE_CHARS = 7
_MARK = re.compile(f"[{marks.SUPERSCRIPT_DIGITS}]+$")  # a figure's mark: "¹³³"
# more year columns than this leave a row label too narrow for a word a line on a portrait
# page (16,8 cm of text): the proposal is laid out on landscape pages
PORTRAIT_YEARS = 7
# a text column no longer than this is set at its natural width, on one line
SHORT_TEXT = 24
AREA_WIDTH = "2.5cm"
ZERO_MARK = "-"


# --- blocks: the vocabulary the template lays out --------------------------------------------


def _heading(text: str, level: int = 2) -> Block:
    return {"kind": "heading", "level": level, "text": text}


def _prose_cell(written: str) -> Cell:
    """A table cell holding a printed text in the markup (a consultation's answer)."""
    return {"text": markup.plain(written), "prose": _prose(written)}


def _group(text: str) -> Block:
    # span 0: the row's one cell spans the whole table
    return _row([{"text": text, "span": 0}], "group")


def _anchored(table: Block, anchor: str) -> Block:
    """A table named as the findings name it ("1", "2.1", "admin", "A".."E"), so that a
    renderer can point at it (the web page links each finding to its table)."""
    return {**table, "anchor": anchor}


def _cell_text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else str(cell["text"])


def _amounts(series: Series, years: Sequence[int], printed: Printing, zero: str = "0") -> list[str]:
    return [printed.figure(series[y]) if series[y] else zero for y in years]


def _written(series: Series, years: Sequence[int], printed: Printing) -> list[str]:
    """An input row's figures, blank where it leaves a year out (BC02's administration)."""
    return [printed.figure(series[y]) if y in series else "" for y in years]


def _long_figures(figures: Iterable[str]) -> bool:
    """Whether a figure, without its mark, is longer than a year column of YEAR_WIDTH holds
    (whole pounds: "-1,150,000")."""
    return any(len(_MARK.sub("", f)) > FIGURE_CHARS for f in figures)


def _year_table(
    title: str,
    first: Sequence[str],
    rows: Sequence[Block],
    years: Sequence[int],
    printed: Printing,
    unit: str = "",
    notes: Iterable[str] = (),
    total: str = "",
) -> Block:
    """A table of text columns (``first``) followed by one right-aligned column a year, each
    headed by the year as the profile names it ("2025", "2024/25"), and where ``total`` names
    it, a column of each row's total over the years (its last cell)."""
    # a figure with a mark ("-43.564¹³³"), or of more digits than 1.000 kr. need (whole
    # pounds: "-1,150,000"), is wider than the column the seed's figures need
    marked = any(marks.MARKED.search(_cell_text(c)) for r in rows for c in r["cells"])
    wide = _long_figures(_cell_text(c) for r in rows for c in r["cells"][len(first) :])
    figures = len(years) + (1 if total else 0)
    widths: list[float | str] = [
        1,
        *([AREA_WIDTH] * (len(first) - 1)),
        *(["auto" if marked or wide else YEAR_WIDTH] * figures),
    ]
    align = ["left"] * len(first) + ["right"] * figures
    columns = [*first, *(printed.year(y) for y in years), *([total] if total else [])]
    return _table(title, columns, rows, widths, align, unit, notes)


def _section_heading(p: Proposal, number: int, printed: Printing) -> list[Block]:
    """Section ``number`` (1 to 7)'s heading as the proposal prints it, if it prints one,
    naming the section (``section``: "1".."7", as a review comment's address names it)."""
    shown = printed.words.sections[number - 1]
    text = sections.heading(p, template.SECTIONS[number - 1], shown)
    return [{**_heading(text), "section": str(number)}] if text else []


def _sub_heading(p: Proposal, template: str, shown: str) -> list[Block]:
    """A heading of the template (``template``: its Danish wording, by which a proposal
    rewords it) in the document's language (``shown``)."""
    text = sections.heading(p, template, shown)
    return [_heading(text, 3)] if text else []


# --- section 1 --------------------------------------------------------------------------------


def _administrations(codes: Iterable[str], profile: Profile) -> str:
    names = {a.code: a.name for a in profile.administrations}
    return ", ".join(names.get(code, code) for code in codes)


def _checkboxes(p: Proposal, profile: Profile) -> list[str]:
    known = [a.code for a in profile.administrations]
    others = [code for code in p.affected if code not in known]
    names = {a.code: a.name for a in profile.administrations}
    return [
        f"{'☒' if code in p.affected else '☐'} {names.get(code, code)}" for code in known + others
    ]


def _origin(p: Proposal, printed: Printing) -> str:
    answer = sections.answer(p.innovation, printed.words)
    return f"{answer} ({p.innovation_title})" if p.innovation and p.innovation_title else answer


def _section_1(p: Proposal, profile: Profile, printed: Printing) -> list[Block]:
    # a question the proposal does not answer (its template does not ask it) is not printed
    summary, innovation, simplification, presenting, affected = printed.words.summary_fields
    fields: list[tuple[str, str | list[str]]] = [
        (summary, p.summary),
        (innovation, _origin(p, printed)),
        (simplification, sections.answer(p.simplification, printed.words)),
        (presenting, _administrations(p.presenting, profile)),
        (affected, _checkboxes(p, profile) if p.affected else ""),
    ]
    answered = [list(f) for f in fields if f[1]]
    return [
        *_section_heading(p, 1, printed),
        *_para(p.description),
        *([{"kind": "fields", "rows": answered}] if answered else []),
    ]


# --- section 2 --------------------------------------------------------------------------------


_STYLES = {Kind.LINE: "", Kind.SUBTOTAL: "sub", Kind.TOTAL: "total", Kind.PAYBACK: "sub"}


def _tabel_1_row(row: layout.Row, p: Proposal, found: Marks, total: bool = False) -> Block:
    """A row of Tabel 1; with ``total``, its total over the years in a last column."""
    if row.kind is Kind.HEADING:
        return _group(row.label)
    if row.kind is Kind.PAYBACK:
        text = found.text(Place(p.id, "1", row.key, None), row.text)
        if not total:
            return _row([row.label, {"text": text, "span": 0}], _STYLES[row.kind])
        # the Total column narrows the label's: a payback's label takes its empty area cell,
        # and its text stays left over the year columns
        label = {"text": row.label, "span": 2}
        return _row([label, {"text": text, "span": 0, "align": "left"}], _STYLES[row.kind])
    amounts = row.amounts if row.amounts is not None else Series()
    figures = found.amounts(p.id, "1", row.key, amounts, p.years)
    if total:
        figures.append(found.row_total(p, row.key, amounts))
    return _row([row.label, row.area, *figures], _STYLES[row.kind])


def _tabel_1(p: Proposal, profile: Profile, found: Marks) -> Block:
    printed = found.printed
    words = printed.words
    own = sections.table1(p, layout.table1(p, profile, printed), words)
    total = layout.prints_total(profile)
    rows = [_tabel_1_row(row, p, found, total) for row in own]
    table = _year_table(
        numbering.titles(p, words).economy,
        [printed.prices(p.price_level), words.area_header],
        rows,
        p.years,
        printed,
        notes=numbering.economy_notes(p, words),
        total=words.row_total if total else "",
    )
    return _anchored(table, "1")


def _basis_cell(value: Decimal | str | None, year: bool, unit: str, printed: Printing) -> str:
    if isinstance(value, Decimal):
        # a year is never printed with a thousands separator: "2025", not "2.025"
        return str(int(value)) if year else f"{printed.plain(value)} {unit}".rstrip()
    return value or ""


def _text_width(column: Sequence[str], numeric: bool) -> float | str:
    """A basis column's width: figures and short texts (a row number, "BUF", an address) take
    the room they need; long texts share the rest, the longer the wider (F6's Bilag 1)."""
    longest = max((len(text) for text in column), default=0)
    if numeric or longest <= SHORT_TEXT:
        return "auto"
    return 1 + longest / (4 * SHORT_TEXT)


def _basis_table(b: BasisTable, p: Proposal, found: Marks) -> list[Block]:
    blocks = [_heading(b.title, 3), *_para(b.text)]
    if not b.rows:
        return blocks
    numeric = [all(not isinstance(r.values.get(c), str) for r in b.rows) for c in b.columns]
    years = [numbering.is_year_column(r.values.get(c) for r in b.rows) for c in b.columns]
    rows = [
        _row(
            [
                r.label,
                *(
                    _basis_cell(r.values.get(c), year, b.unit, found.printed)
                    + found.mark(Place(p.id, marks.BASIS_TABLE + b.id, r.label, c))
                    for c, year in zip(b.columns, years, strict=True)
                ),
            ]
        )
        for r in b.rows
    ]
    align = ["left", *("right" if n else "left" for n in numeric)]
    texts = [[_cell_text(c) for c in r["cells"]] for r in rows]
    widths = [
        _text_width(column, numeric=i > 0 and numeric[i - 1])
        for i, column in enumerate(zip(*texts, strict=True))
    ]
    return [
        *blocks,
        _table("", [b.label_column, *b.columns], rows, widths, align, continues=b.title),
    ]


def _unit_rows(
    rows: Mapping[str, Series],
    p: Proposal,
    profile: Profile,
    found: Marks,
    table: str,
    stated: StatedTable | None,
    appropriations: Mapping[str, str] | None = None,
) -> list[Block]:
    """One row a unit in the profile's order (and a row the document states that gevinst
    computes as nothing, so its mark is seen, or that the source prints with nothing in it),
    then "Total"; zeros shown as the source shows them in this table; with
    ``appropriations`` a "Bevilling" column as well."""
    zero = numbering.zero_mark(stated, p.years, ZERO_MARK)

    def extra(unit: str) -> list[str]:
        return [] if appropriations is None else [appropriations.get(unit, "")]

    def figures(unit: str, amounts: Series) -> list[str]:
        return found.amounts(p.id, table, unit, amounts, p.years, zero)

    units = set(rows) | found.rows(p.id, table) | numbering.kept_units(stated, profile)
    out = [
        _row([profile.unit_name(u), *extra(u), *figures(u, rows.get(u, Series()))])
        for u in profile.sort_units(list(units))
    ]
    sums = calc.column_total(rows)
    total = [
        found.figure(Place(p.id, table, "total", y), sums[y], numbering.total_zero(stated, y, zero))
        for y in p.years
    ]
    out.append(_row([found.printed.words.total, *extra(""), *total], "total"))
    return out


def _distribution(p: Proposal, profile: Profile, found: Marks) -> list[Block]:
    stated = p.stated.distribution
    text = _para(p.distribution_text)
    printed = found.printed
    heading = _sub_heading(p, template.DISTRIBUTION, printed.words.distribution)
    if stated is None or "2.1" not in marks.printed_tables(p, profile):
        return [*heading, *text] if text else []
    zero = numbering.zero_mark(stated, p.years, ZERO_MARK)
    key = [stated.key_column] if stated.key_column else []
    rows = [
        _row(
            [
                row.label,
                *([row.share] if key else []),
                *found.amounts(p.id, "2.1", row.key, row.amounts, p.years, zero),
            ],
            "total" if row.key == "total" else "",
        )
        for row in layout.distribution(p, profile, found.rows(p.id, "2.1"))
    ]
    return [
        *heading,
        *text,
        _anchored(
            _year_table(
                numbering.titles(p, printed.words).distribution,
                [f"{printed.words.committee} ({printed.prices(p.price_level)})", *key],
                rows,
                p.years,
                printed,
            ),
            "2.1",
        ),
    ]


def _section_2(p: Proposal, profile: Profile, found: Marks) -> list[Block]:
    printed = found.printed
    blocks = [
        *_section_heading(p, 2, printed),
        *_para(p.economy_text),
        _tabel_1(p, profile, found),
        *_after(p, model.ECONOMY_TABLE),
    ]
    # no investment, no payback and no payback chart (F6, Forslag 7), as the template prints
    if calc.has_investment(p):
        blocks.append(
            {
                "kind": "chart",
                "chart": proposal_chart(p, printed).as_json(),
                "caption": printed.words.proposal_chart_caption,
            }
        )
    # a table that is not printed leaves only its prose, where the table stands
    basis = [
        [
            *(_basis_table(b, p, found) if sections.basis_drawn(p, b) else _para(b.text)),
            *_after(p, b.id),
        ]
        for b in p.basis
    ]
    own = sections.own_basis(p)
    if own:
        blocks += _sub_heading(p, template.BASIS, printed.words.basis)
        for b, part in zip(p.basis, basis, strict=True):
            if b in own:
                blocks += part
    # the distribution (Forslag 7's Tabel 3) before the target accounting (its Tabel 4), as
    # the source prints them
    return [
        *blocks,
        *_distribution(p, profile, found),
        *(
            block
            for b, part in zip(p.basis, basis, strict=True)
            if b.in_distribution
            for block in part
        ),
        *_after(p, model.DISTRIBUTION_TABLE),
        *_targets(p, found),
        *_after(p, model.TARGETS_TABLE),
    ]


def _after(p: Proposal, table: str) -> list[Block]:
    """The text the proposal prints right after ``table`` (``texts_after``)."""
    return _para(p.texts_after.get(table, ""))


def _targets(p: Proposal, found: Marks) -> list[Block]:
    """Target accounting (Forslag 7's Tabel 4) as printed, its manko recomputed."""
    t = p.targets
    if t is None:
        return []
    years = numbering.target_years(p)

    def row(r: TargetRow) -> Block:
        derived = layout.target_derived(p, r)
        if derived is None:
            return _row([r.label, r.area or "", *_amounts(r.values, years, found.printed, "")])
        key, series = derived
        shown = found.amounts(p.id, marks.TARGETS_TABLE, key, series, years, zero="")
        return _row([r.label, r.area or "", *shown], "sub" if r.role is TargetRole.MANKO else "")

    # one table a price basis, as the source prints Tabel 4; the title above the first
    return [
        _year_table(
            t.title if i == 0 else "",
            [basis or found.printed.prices(p.price_level), found.printed.words.area_header],
            [row(r) for r in rows],
            years,
            found.printed,
        )
        for i, (basis, rows) in enumerate(layout.target_blocks(t))
    ]


# --- sections 3 to 6 --------------------------------------------------------------------------


def _section_3(p: Proposal, printed: Printing) -> list[Block]:
    blocks = [*_section_heading(p, 3, printed), *_para(p.followup_text)]
    if not p.followup:
        return blocks
    rows: list[Block] = []
    for phase, label in printed.words.followup_phases.items():
        goals = [f for f in p.followup if f.phase is phase]
        if goals:
            rows.append(_group(label))
            rows += [
                _row([_prose_cell(t) for t in (f.goal, f.measure, f.responsible, f.when)])
                for f in goals
            ]
    title = numbering.titles(p, printed.words).followup
    columns = list(printed.words.followup_columns)
    return [*blocks, _table(title, columns, rows, [1.3, 2.2, 1.2, 1], ["left"] * 4)]


def _section_4(p: Proposal, printed: Printing) -> list[Block]:
    # a level is printed only where the proposal states one
    # in the profile's words ("medium"; Danish "middel", as the data format writes it)
    level = (
        [[printed.words.risk_level, printed.words.risk_levels[p.risk_level]]]
        if p.risk_level
        else []
    )
    return [
        *_section_heading(p, 4, printed),
        *([{"kind": "fields", "rows": level}] if level else []),
        *_para(p.risk_text),
    ]


def _section_5(p: Proposal, profile: Profile, found: Marks) -> list[Block]:
    # a proposal whose template has no section 5 (Forslag 5) gets no empty heading
    if not p.admin_text and not p.admin_rows:
        return []
    printed = found.printed
    words = printed.words
    blocks = [*_section_heading(p, 5, printed), *_para(p.admin_text)]
    if "admin" not in marks.printed_tables(p, profile):
        return blocks
    rows = [_row([r.text, *_written(r.amounts, p.years, printed)]) for r in p.admin_rows]
    rows.append(
        _row(
            [
                words.admin_total,
                *found.amounts(p.id, "admin", "total", calc.admin_total(p), p.years),
            ],
            "total",
        )
    )
    table = _year_table(
        numbering.titles(p, words).admin,
        [words.admin_net.format(prices=printed.prices(p.price_level))],
        rows,
        p.years,
        printed,
        notes=[words.admin_note],
    )
    table = _anchored(table, "admin")
    return [*blocks, table]


def _section_6(p: Proposal, printed: Printing) -> list[Block]:
    # the answer's own words carry its dates: they are not printed a second time
    blocks = _section_heading(p, 6, printed)
    for t in sections.consultation_tables(p, printed.words):
        rows = [_row([*t.cells(c), _prose_cell(c.text)]) for c in t.rows]
        widths: list[float | str] = [1.3, *(["auto"] if t.yes_no else []), 2.6]
        blocks.append(_table("", t.columns, rows, widths, ["left"] * len(widths)))
    if p.partners_text:
        partners = _sub_heading(p, template.PARTNERS, printed.words.partners)
        blocks += [*partners, *_para(p.partners_text)]
    return blocks


# --- section 7 --------------------------------------------------------------------------------


def _section_7(p: Proposal, profile: Profile, found: Marks) -> list[Block]:
    blocks: list[Block] = []
    shown = marks.printed_tables(p, profile)
    words = found.printed.words
    for name in calc.TECHNICAL_TABLES:
        if name not in shown:
            continue
        stated = p.stated.technical.get(name)
        title = (stated.title if stated else "") or words.technical_titles[name]
        empty = found.empty_note(p, name)
        blocks += _para(stated.text if stated else "")
        blocks.append(
            _anchored(
                _year_table(
                    title + found.mark(Place(p.id, name, "", None)),
                    [
                        f"{words.committee} ({found.price_basis(p, name)})",
                        words.appropriation_header,
                    ],
                    _unit_rows(
                        calc.tables_of(p, profile)[name],
                        p,
                        profile,
                        found,
                        name,
                        stated,
                        stated.appropriations if stated else {},
                    ),
                    p.years,
                    found.printed,
                    notes=[*([empty] if empty else []), words.technical_note],
                ),
                name,
            )
        )
    blocks += _para(p.technical_text)
    return [*_section_heading(p, 7, found.printed), *blocks] if blocks else []


def _appendices(p: Proposal, before: Sequence[Block], printed: Printing) -> list[Block]:
    """The "Bilagsoversigt" section (Forslag 7), numbered after the last section printed."""
    if not p.appendices_text.strip():
        return []
    numbered = [b["text"] for b in before if b["kind"] == "heading" and b["level"] == 2]
    heading = sections.appendices_heading(numbered, printed.words)
    return [_heading(heading), *_para(p.appendices_text)]


# --- a proposal ---------------------------------------------------------------------------------


def _detail(p: Proposal, profile: Profile, found: Marks) -> list[Block]:
    printed = found.printed
    blocks = [
        *_section_1(p, profile, printed),
        *_section_2(p, profile, found),
        # the options appraisal after the financial section (a proposal with none: nothing)
        *appraisal_blocks(p, profile, printed),
        *_section_3(p, printed),
        *_section_4(p, printed),
        *_appendix(p),
        *_section_5(p, profile, found),
        *_section_6(p, printed),
        *_section_7(p, profile, found),
    ]
    return blocks + _appendices(p, blocks, printed)


def _appendix(p: Proposal) -> list[Block]:
    """The heading of the administrative appendix (sections 5 to 7), where printed."""
    return [{"kind": "part", "text": p.appendix_heading}] if p.appendix_heading else []


def _only_rows_of(t: CatalogTable, p: Proposal) -> CatalogTable:
    groups = (
        CatalogGroup(g.committee, tuple(r for r in g.rows if r.proposal == p.id)) for g in t.groups
    )
    return replace(t, groups=tuple(g for g in groups if g.rows))


def _summary_only(p: Proposal, profile: Profile, printed: Printing) -> list[Block]:
    """What a public summary prints besides its catalog row: its texts, as section 1 prints
    them but without the template's heading (the body publishes no template)."""
    summary, _, _, presenting, affected = printed.words.summary_fields
    fields: list[tuple[str, str | list[str]]] = [
        (summary, p.summary),
        (presenting, _administrations(p.presenting, profile)),
        (affected, _checkboxes(p, profile) if p.affected else ""),
    ]
    answered = [list(f) for f in fields if f[1]]
    return [*_para(p.description), *([{"kind": "fields", "rows": answered}] if answered else [])]


def _stated_paybacks(p: Proposal, printed: Printing) -> list[Block]:
    stated = sections.stated_paybacks(p, printed)
    return [{"kind": "fields", "rows": [list(f) for f in stated]}] if stated else []


def _entry(p: Proposal, cat: Catalog, found: Marks) -> list[Block]:
    """A proposal of which only its catalog row is published: that row, as the catalog's
    summary computes it, or else its permanent change and investment; a public summary
    (``Proposal.summary_only``) with its texts and the paybacks it states, never computed.
    A confidential one is said to be withheld, a public one to be a summary."""
    printed = found.printed
    texts = _summary_only(p, cat.profile, printed) if p.summary_only else []
    tables = [t for t in (_only_rows_of(t, p) for t in cat.tables) if t.groups]
    blocks = [
        _summary_table(summarise(replace(cat, tables=(t,)), t.id), found, with_total=False)
        for t in tables
    ]
    if not blocks:
        words = printed.words
        rows = [
            _row([words.entry_permanent, *_amounts(calc.permanent(p), p.years, printed)]),
            _row(
                [
                    words.entry_implementation,
                    *_amounts(calc.implementation(p), p.years, printed),
                ]
            ),
        ]
        prices = [printed.prices(p.price_level)]
        blocks = [_year_table("", prices, rows, p.years, printed)]
    note = printed.words.entry_summary if p.summary_only else printed.words.entry_withheld
    return [*_para(note), *texts, *blocks, *_stated_paybacks(p, printed)]


def _wide(years: Sequence[int], printed: Printing, total: bool = False) -> bool:
    """Whether a proposal is laid out on landscape pages: more year columns (and Tabel 1's
    Total column, where printed) than a portrait page holds (a financial year's label,
    "2024/25", takes a column of its own width)."""
    columns = len(years) + (1 if total else 0)
    return columns > (PORTRAIT_YEARS - 1 if printed.periods.financial else PORTRAIT_YEARS)


def _page_words(printed: Printing) -> dict[str, str]:
    """The PDF's own words (its page furniture), in the document's language."""
    w = printed.words
    return {
        "lang": w.language,
        "continued": w.continued,
        "amounts_in": w.amounts_in,
        "page_of": w.page_of,
        "proposals": w.cover_proposals,
        "amounts": w.cover_amounts,
        "contents": w.contents,
    }


def _proposal(p: Proposal, cat: Catalog, found: Marks) -> Block:
    printed = found.printed
    notice = {"kind": "notice", "text": printed.words.confidential}
    blocks = [notice] if p.confidential else []
    blocks += _entry(p, cat, found) if p.catalog_entry_only else _detail(p, cat.profile, found)
    return {
        "kicker": p.heading,
        "title": f"{numbering.printed_name(p, cat)} {p.title}",
        "prices": printed.prices(p.price_level),
        "wide": _wide(p.years, printed, layout.prints_total(cat.profile)),
        "blocks": blocks,
    }


# --- the catalog's summary tables -------------------------------------------------------------


def _notes(summary: Summary, every: bool) -> list[str]:
    """The table's notes: all of them, or those the shown rows refer to ("*2) ...")."""
    notes = summary.table.notes
    if every:
        return list(notes)
    refs = {f"*{ref})" for r in summary.rows() for ref in r.row.note_refs}
    return [n for n in notes if any(n.startswith(ref) for ref in refs)]


def _summary_table(summary: Summary, found: Marks, with_total: bool = True) -> Block:
    """A catalog summary table (Tabel 1 / 2 of the seed), grouped by committee, with the
    columns the profile says (``Summary.columns``)."""
    t = summary.table
    printed = found.printed
    words = printed.words
    columns = summary.columns()

    def shown(value: Decimal | None, zero: str) -> str:
        # a figure the row states with no year, or its part on an area: none is marked
        return "" if value is None else zero if value == 0 else printed.figure(value)

    def cells(r: SummaryRow | None, row: str, zero: str) -> list[Cell]:
        effect = summary.total_effect() if r is None else r.effect
        out: list[Cell] = []
        for c in columns:
            if c.kind == "effect_years":
                out += found.amounts(None, t.id, row, effect, t.years, zero)
            elif c.kind == "investment":
                spent = summary.total_investment() if r is None else r.investment
                out.append(found.figure(Place(None, t.id, row, marks.INVESTMENT), spent, zero))
            elif c.kind == "full_effect":
                full = summary.total_full_effect() if r is None else r.row.full_effect
                out.append("" if full is None else printed.figure(full))
            elif c.kind == "payback":
                out.append("" if r is None else r.row.payback)
            elif c.kind == "approved_with":
                out.append("" if r is None else r.row.approved_with)
            else:
                out.append(shown(summary.area_part(r, c), zero))
        return out

    rows: list[Block] = []
    for group in summary.groups:
        if group.committee:
            rows.append(_group(group.committee))
        for r in group.rows:
            label = numbering.catalog_row_label(r.row)
            rows.append(_row([label, *cells(r, r.row.proposal or "", ZERO_MARK)]))
    if with_total:
        rows.append(_row([words.in_all, *cells(None, "total", "0")], "total"))
    headings = [words.summary_columns[0]]
    widths: list[float | str] = [1]
    align = ["left"]
    # a year column as wide as its longest figure where that is longer than "-43.564"
    at = next((i for i, c in enumerate(columns) if c.kind == "effect_years"), None)
    first, years = 1 + (at or 0), 0 if at is None else len(t.years)
    in_years = [_cell_text(c) for r in rows for c in r["cells"][first : first + years]]
    year_width = "auto" if _long_figures(in_years) else YEAR_WIDTH
    # a split by area adds columns a portrait page has no room for at the usual widths: then
    # the figure columns are narrower (a catalog in mio. kr. prints short figures: "0,8")
    narrow = any(c.area is not None for c in columns)
    for c in columns:
        if c.kind == "effect_years":
            headings += [printed.year(y) for y in t.years]
            widths += [NARROW_YEAR if narrow else year_width] * len(t.years)
            align += ["right"] * len(t.years)
            continue
        headings.append(summary.heading(c, printed))
        wide = "2.2cm" if c.kind in {"payback", "approved_with"} else "2cm"
        widths.append(NARROW if narrow and c.kind != "payback" else wide)
        align.append("right" if c.numeric else "left")
    unit = words.summary_unit + (f", {t.unit}" if t.unit else "")
    table = _table(t.title, headings, rows, widths, align, unit, _notes(summary, with_total))
    # narrow columns' headings ("Investering, Anlæg", "Tilbagebetalingstid") break their words
    return {**table, "narrow": True} if narrow else table


def _summary(cat: Catalog, found: Marks) -> list[Block]:
    words = found.printed.words
    chart = {
        "kind": "chart",
        "chart": catalog_chart(cat, found.printed).as_json(),
        "caption": words.catalog_chart_caption,
        "placement": "bottom",
    }
    # the chart floats among the tables, not after them: as the intro's last block it would
    # stand alone on a page of its own
    blocks = [_heading(words.overview, 1), *_para(found.intro(cat.intro)), chart]
    for t in cat.tables:
        blocks += [_summary_table(summarise(cat, t.id), found), *_para(t.text)]
        # a proposal made in another price level stands unconverted: the document says so
        blocks += [b for note in unconverted_notes(cat, t.id) for b in _para(note)]
    return blocks


# --- the closing list -------------------------------------------------------------------------


def _deviations(found: Marks) -> list[Block]:
    """ "Afvigelser fra de angivne tal": every stated figure that differs, where, and why."""
    if not found.deviations:
        return []
    words = found.printed.words
    rows = [_row([d.mark, d.where, d.stated, d.computed, d.explanation]) for d in found.marked]
    outside = [_row([d.where, d.stated, d.computed, d.explanation]) for d in found.outside]
    blocks = [
        _heading(words.deviations_title, 1),
        *_para(words.deviations_intro_as_stated if found.as_stated else words.deviations_intro),
        _table(
            "",
            words.deviations_columns,
            rows,
            ["auto", 1.3, "auto", "auto", 2.6],
            ["left", "left", "right", "right", "left"],
        ),
    ]
    if not outside:
        return blocks
    return [
        *blocks,
        _heading(words.outside_title, 2),
        *_para(words.outside_intro),
        _table(
            "",
            words.outside_columns,
            outside,
            [1.3, "auto", "auto", 2.6],
            ["left", "right", "right", "left"],
        ),
    ]


# --- the document -------------------------------------------------------------------------------


def document(cat: Catalog, options: ExportOptions) -> dict[str, Any]:
    """Everything a document shows of ``cat``, as JSON-ready blocks worded and with figures
    formatted in the profile's language; ``cat`` is what the reader may see
    (:func:`gevinst.core.selection.select`)."""
    head, proposals = streamed(cat, options)
    return {**head, "proposals": list(proposals)}


def streamed(cat: Catalog, options: ExportOptions) -> tuple[dict[str, Any], Iterator[Block]]:
    """The :func:`document` of ``cat`` with no proposals, and its proposals' blocks, each built
    when it is asked for: the PDF of a large catalog lays out its first proposals while the
    next are built."""
    single = options.proposal is not None
    found = Marks(cat, options.as_stated, with_summary=not single)
    head = {
        "title": cat.title,
        "municipality": cat.municipality,
        "round": cat.round,
        "prices": found.printed.prices(cat.price_level),
        "words": _page_words(found.printed),
        "count": len(cat.proposals),
        "single": single,
        "summary": [] if single else _summary(cat, found),
        "proposals": [],
        "deviations": _deviations(found),
    }
    return head, (_proposal(p, cat, found) for p in cat.proposals)
