# SPDX-License-Identifier: MPL-2.0
"""The technical sheet as an Excel workbook with live formulas (docs/xlsx-layout.md).

Every figure comes from the core. Where the workbook shows a total, it is a formula over the
cells it adds up, and the formula also carries the core's value, so a viewer that does not
recalculate shows the same number. The sheet "Data" holds every document as JSON, so that
:mod:`gevinst.io.xlsx_import` reads the workbook back without loss; the sheet "Linjer" holds
every line's amount per year, flat, for pivot tables and for a finance officer's edits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from gevinst.core import calc
from gevinst.core.check import TABLE_NAMES
from gevinst.core.model import Catalog, Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.summary import Summary, summarise
from gevinst.io import layout
from gevinst.io.csv_export import KIND_NAMES, booking_label
from gevinst.io.document import Doc, catalog_document, proposal_document
from gevinst.io.export import ExportOptions, looks_like_formula, neutralise, select
from gevinst.io.layout import Kind

NUMBER_FORMAT = "#,##0;-#,##0"
KATALOG, LINJER, DATA = "Katalog", "Linjer", "Data"
LINJER_HEADERS = (
    "Forslag",
    "Linje",
    "Tekst",
    "Art",
    "Styringsområde",
    "Udvalg",
    "År",
    "Beløb (1.000 kr.)",
)
DATA_HEADERS = ("Dokument", "Id", "Del", "SHA-256", "JSON")
CATALOG_DOCUMENT, PROPOSAL_DOCUMENT = "katalog", "forslag"
# Excel holds at most 32.767 characters in a cell; the JSON is ASCII, one character a unit
CHUNK = 30_000
SHEET_NAME_MAX = 31

# computed sheets are protected (no password) so that an edit, which the importer would not
# read, is not made by mistake; widths and heights stay adjustable
_PROTECTION = {"format_columns": True, "format_rows": True}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\']")

Cells = Callable[[str, int], str | None]  # (unit, column) -> a formula, or None


def cell_text(text: str) -> str:
    """Text as a cell holds it: on one line (spreadsheets mangle control characters) and
    never read as a formula."""
    return neutralise(_CONTROL.sub(" ", text))


def _number(amount: Decimal) -> int | float:
    # a spreadsheet cell holds a float; whole amounts stay exact ints in the file
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# --- the flat line sheet, shared with the importer -------------------------------------------


@dataclass(frozen=True)
class LinjeRow:
    """One row of the sheet "Linjer": a line's amount in one year."""

    proposal: str
    line: str
    text: str
    kind: str
    area: str
    booking: str
    year: int
    amount: Decimal

    def texts(self) -> list[str]:
        """The text cells A to F as written."""
        return [
            cell_text(t)
            for t in (self.proposal, self.line, self.text, self.kind, self.area, self.booking)
        ]


def linje_rows(p: Proposal) -> list[LinjeRow]:
    """Every line of a proposal in every year of its table, and any year beyond it that the
    line has an amount for, so that the sheet holds every amount."""
    return [
        LinjeRow(
            p.id,
            line.id,
            line.text,
            KIND_NAMES[line.kind],
            line.area or "",
            booking_label(line.booking),
            year,
            line.amounts[year],
        )
        for line in p.lines
        for year in sorted(set(p.years) | set(line.amounts))
    ]


# --- the documents, shared with the importer ---------------------------------------------------


def _json_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} kan ikke skrives som JSON")


def document_json(doc: Doc) -> str:
    """A document as ASCII JSON: no control characters and one Excel unit a character."""
    return json.dumps(doc, ensure_ascii=True, separators=(",", ":"), default=_json_value)


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """The text in pieces of at most ``size`` characters; a piece starts with a character
    that a spreadsheet would read as a formula only where no other split is possible."""
    out: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        split = end
        while start < split < len(text) and looks_like_formula(text[split]):
            split -= 1
        end = split if split > start else end
        out.append(text[start:end])
        start = end
    return out


# --- formats ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Formats:
    title: Any
    bold: Any
    header: Any
    number: Any
    total_label: Any
    total_number: Any
    wrap: Any
    note: Any
    year: Any


def _formats(wb: Any) -> _Formats:
    return _Formats(
        title=wb.add_format({"bold": True, "font_size": 14}),
        bold=wb.add_format({"bold": True}),
        header=wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}),
        number=wb.add_format({"num_format": NUMBER_FORMAT}),
        total_label=wb.add_format({"bold": True, "top": 1, "text_wrap": True}),
        total_number=wb.add_format({"bold": True, "top": 1, "num_format": NUMBER_FORMAT}),
        wrap=wb.add_format({"text_wrap": True, "valign": "top"}),
        note=wb.add_format({"italic": True}),
        year=wb.add_format({"num_format": "0"}),
    )


# --- a sheet of tables -------------------------------------------------------------------------


def _column(col: int) -> str:
    return str(xl_col_to_name(col))


Span = tuple[int, int]  # the first and last row (0-based) of a block of rows


def _ranges(col: int, spans: Iterable[Span | None]) -> list[str]:
    name = _column(col)
    return [f"{name}{a + 1}:{name}{b + 1}" for a, b in (s for s in spans if s is not None)]


class _Sheet:
    """A worksheet written top down: tables of label, second column and one column a year."""

    FIRST_VALUE = 2  # columns A and B hold the label and the styringsområde or bevilling

    def __init__(self, ws: Any, f: _Formats, years: Sequence[int]) -> None:
        self.ws, self.f, self.years, self.row = ws, f, tuple(years), 0

    def text(self, col: int, text: str, fmt: Any = None) -> None:
        if text:
            self.ws.write_string(self.row, col, cell_text(text), fmt)
        elif fmt is not None:
            self.ws.write_blank(self.row, col, None, fmt)

    def line(self, label: str, fmt: Any = None) -> None:
        self.text(0, label, fmt)
        self.row += 1

    def title(self, title: str) -> None:
        self.line(title, self.f.bold)

    def header(self, first: str, second: str) -> None:
        self.text(0, first, self.f.header)
        self.text(1, second, self.f.header)
        for i, year in enumerate(self.years):
            self.text(self.FIRST_VALUE + i, str(year), self.f.header)
        self.row += 1

    def values(self, label: str, second: str, amounts: Series, blank_missing: bool = False) -> int:
        """A row of amounts; returns its row."""
        self.text(0, label, self.f.wrap)
        self.text(1, second)
        for i, year in enumerate(self.years):
            if not (blank_missing and year not in amounts):
                col = self.FIRST_VALUE + i
                self.ws.write_number(self.row, col, _number(amounts[year]), self.f.number)
        self.row += 1
        return self.row - 1

    def formulas(
        self,
        label: str,
        second: str,
        amounts: Series,
        formula: Callable[[int], str | None],
        total: bool = True,
    ) -> None:
        """A row whose cells are ``formula(column)``, each carrying the core's amount (the
        amount alone where the formula is None: there is nothing to add up)."""
        label_format = self.f.total_label if total else self.f.wrap
        fmt = self.f.total_number if total else self.f.number
        self.text(0, label, label_format)
        self.text(1, second, self.f.total_label if total else None)
        for i, year in enumerate(self.years):
            col = self.FIRST_VALUE + i
            value = _number(amounts[year])
            text = formula(col)
            if text is None:
                self.ws.write_number(self.row, col, value, fmt)
            else:
                self.ws.write_formula(self.row, col, text, fmt, value)
        self.row += 1

    def sum(self, label: str, second: str, spans: Sequence[Span | None], amounts: Series) -> None:
        def formula(col: int) -> str | None:
            ranges = _ranges(col, spans)
            return f"=SUM({','.join(ranges)})" if ranges else None

        self.formulas(label, second, amounts, formula)

    def sumif(self, label: str, area: str, span: Span | None, amounts: Series) -> None:
        """A subtotal of the rows in ``span`` whose column B holds ``area`` (this row's B)."""
        here = self.row + 1

        def formula(col: int) -> str | None:
            if span is None:
                return None
            a, b = span[0] + 1, span[1] + 1
            return f"=SUMIF($B${a}:$B${b},$B${here},{_column(col)}{a}:{_column(col)}{b})"

        self.formulas(label, area, amounts, formula)

    def gap(self) -> None:
        self.row += 1


# --- a proposal's sheet ------------------------------------------------------------------------


class _ProposalSheet(_Sheet):
    def __init__(self, ws: Any, f: _Formats, p: Proposal, profile: Profile) -> None:
        super().__init__(ws, f, p.years)
        self.p, self.profile = p, profile

    def write(self) -> None:
        p = self.p
        self.line(f"{p.id} {p.title}" + (" (FORTROLIG)" if p.confidential else ""), self.f.title)
        self.line(p.heading or p.type.value)
        self.header(f"1.000 kr. {p.price_level} p/l", "")
        self.ws.freeze_panes(self.row, self.FIRST_VALUE)
        self.gap()
        self.table1()
        if p.catalog_entry_only:
            self.line(
                "Kun katalogets oplysninger om forslaget er offentliggjort; "
                "tabel 2.1 og de tekniske tabeller A-E findes ikke.",
                self.f.note,
            )
        elif any(line.booking is None for line in p.lines):
            self.line(
                "Mindst én linje har ingen fordeling på udvalg; "
                "tabel 2.1 og de tekniske tabeller A-E kan ikke beregnes.",
                self.f.note,
            )
        else:
            self.distribution()
            self.admin()
            self.technical()
        self.ws.set_column(0, 0, 62)
        self.ws.set_column(1, 1, 20)
        self.ws.set_column(self.FIRST_VALUE, self.FIRST_VALUE + len(self.years) - 1, 10)
        self.ws.protect("", _PROTECTION)

    def table1(self) -> None:
        """Tabel 1 as :mod:`gevinst.io.layout` lays it out; each subtotal a SUM or SUMIF over
        the lines of its section, the total impact a SUM over both sections."""
        p = self.p
        self.title(layout.TABLE1_TITLE)
        self.header(f"1.000 kr. {p.price_level} p/l", "Styringsområde")
        spans: list[Span | None] = []
        lines: list[int] = []
        for row in layout.table1(p):
            amounts = row.amounts if row.amounts is not None else Series()
            if row.kind is Kind.HEADING:
                self.line(row.label, self.f.bold)
                lines = []
                spans.append(None)
            elif row.kind is Kind.LINE:
                lines.append(self.values(row.label, row.area, amounts))
                spans[-1] = (lines[0], lines[-1])
            elif row.kind is Kind.SUBTOTAL and row.area:
                self.sumif(row.label, row.area, spans[-1], amounts)
            elif row.kind is Kind.SUBTOTAL:
                self.sum(row.label, "", [spans[-1]], amounts)
            elif row.kind is Kind.TOTAL:
                self.sum(row.label, "", spans, amounts)
            else:
                self.text(0, row.label, self.f.wrap)
                self.text(1, row.text)
                self.row += 1
        self.line("Alle besparelser er angivet med negativt (-) fortegn.", self.f.note)
        self.gap()

    def unit_table(
        self,
        title: str,
        units: Sequence[str],
        amounts: Mapping[str, Series],
        second: Mapping[str, str],
        formula: Cells | None = None,
    ) -> dict[str, int]:
        """A table by unit with its total; returns each unit's row. ``formula`` gives a
        unit's cells as formulas instead of values."""
        self.title(title)
        self.header(f"Udvalg (1.000 kr. {self.p.price_level} p/l)", "Bevilling" if second else "")
        rows: dict[str, int] = {}
        for unit in units:
            series = amounts.get(unit, Series())
            name, beside = self.profile.unit_name(unit), second.get(unit, "")
            rows[unit] = self.row
            if formula is None:
                self.values(name, beside, series)
            else:
                self.formulas(name, beside, series, partial(formula, unit), total=False)
        span = (min(rows.values()), max(rows.values())) if rows else None
        self.sum("Total", "", [span], calc.column_total(amounts))
        self.gap()
        return rows

    def distribution(self) -> None:
        stated = self.p.stated.distribution
        include = stated.includes_implementation if stated else False
        rows = calc.distribution(self.p, self.profile, include)
        title = (stated.title if stated else "") or TABLE_NAMES["2.1"]
        self.unit_table(title, self.profile.sort_units(list(rows)), rows, {})

    def admin(self) -> None:
        p = self.p
        if not p.admin_rows:
            return
        self.title("Tabel 2. Varige ændringer, administration")
        self.header(f"1.000 kr. {p.price_level} p/l", "")
        rows = [self.values(r.text, "", r.amounts, blank_missing=True) for r in p.admin_rows]
        self.sum(
            "Varige ændringer totalt, administration",
            "",
            [(rows[0], rows[-1])],
            calc.admin_total(p),
        )
        self.gap()

    def technical(self) -> None:
        p, profile = self.p, self.profile
        tables = {name: compute(p, profile) for name, compute in calc.TECHNICAL_TABLES.items()}

        def second(name: str) -> Mapping[str, str]:
            stated = p.stated.technical.get(name)
            return stated.appropriations if stated else {}

        # A, B and C share their rows, so that each cell of C is the A and B cells beside it
        units = profile.sort_units(set(tables["A"]) | set(tables["B"]) | set(tables["C"]))
        rows_a = self.unit_table(TABLE_NAMES["A"], units, tables["A"], second("A"))
        rows_b = self.unit_table(TABLE_NAMES["B"], units, tables["B"], second("B"))

        def a_plus_b(unit: str, col: int) -> str:
            name = _column(col)
            return f"={name}{rows_a[unit] + 1}+{name}{rows_b[unit] + 1}"

        self.unit_table(TABLE_NAMES["C"], units, tables["C"], second("C"), a_plus_b)
        for name in "DE":
            if tables[name] or name in p.stated.technical:
                self.unit_table(
                    TABLE_NAMES[name], profile.sort_units(list(tables[name])), tables[name], {}
                )


# --- the catalog's sheet -----------------------------------------------------------------------


def _complete(cat: Catalog, table_rows: Iterable[str | None]) -> bool:
    ids = {p.id for p in cat.proposals}
    return all(pid is None or pid in ids for pid in table_rows)


class _CatalogSheet(_Sheet):
    """The catalog's summary tables: columns Nr., Forslag, label, Godkendt med, the years,
    Samlet investering and Varig virkning."""

    FIRST_VALUE = 4

    def __init__(self, ws: Any, f: _Formats, cat: Catalog, names: Mapping[str, str]) -> None:
        years = cat.tables[0].years if cat.tables else ()
        super().__init__(ws, f, years)
        self.cat, self.names = cat, names

    def write(self) -> None:
        cat = self.cat
        self.line(cat.title, self.f.title)
        self.line(f"{cat.municipality}, {cat.round}")
        self.gap()
        shown = [t for t in cat.tables if _complete(cat, (r.proposal for r in t.rows()))]
        for i, t in enumerate(shown):
            self.summary(summarise(cat, t.id), freeze=i == 0)
        if len(shown) < len(cat.tables):
            self.line(
                "Projektmappen har kun et udvalg af katalogets forslag; "
                "katalogets oversigtstabeller er udeladt.",
                self.f.note,
            )
            self.gap()
        self.proposals()
        self.ws.set_column(0, 0, 10)
        self.ws.set_column(1, 1, 9)
        self.ws.set_column(2, 2, 60)
        self.ws.set_column(3, 3, 14)
        self.ws.set_column(self.FIRST_VALUE, self.FIRST_VALUE + len(self.years) + 1, 12)
        self.ws.protect("", _PROTECTION)

    def summary(self, s: Summary, freeze: bool) -> None:
        t = s.table
        self.years = t.years
        invest, steady = self.FIRST_VALUE + len(t.years), self.FIRST_VALUE + len(t.years) + 1
        self.title(t.title)
        if t.unit:
            self.line(t.unit)
        heads = ["Nr.", "Forslag", "Udvalg / forslag", "Godkendt med"]
        heads += [f"Effektiviseringsbidrag {y}" for y in t.years]
        for col, head in enumerate([*heads, "Samlet investering", "Varig virkning"]):
            self.text(col, head, self.f.header)
        self.row += 1
        if freeze:
            self.ws.freeze_panes(self.row, 3)
        first = self.row
        for group in s.groups:
            self.text(2, group.committee, self.f.bold)
            self.row += 1
            for r in group.rows:
                self.text(0, r.row.no)
                self.text(1, r.row.proposal or "")
                self.text(2, r.row.label, self.f.wrap)
                self.text(3, r.row.approved_with)
                for i, year in enumerate(t.years):
                    col = self.FIRST_VALUE + i
                    self.ws.write_number(self.row, col, _number(r.effect[year]), self.f.number)
                if r.investment is not None:
                    self.ws.write_number(self.row, invest, _number(r.investment), self.f.number)
                self.ws.write_number(self.row, steady, _number(r.steady_state), self.f.number)
                self.row += 1
        span = [(first, self.row - 1)]
        totals = {invest: s.total_investment(), steady: s.total_steady_state()}
        self.text(2, "I alt", self.f.total_label)
        for i, year in enumerate(t.years):
            totals[self.FIRST_VALUE + i] = s.total_effect()[year]
        for col, value in totals.items():
            formula = f"=SUM({_ranges(col, span)[0]})"
            self.ws.write_formula(self.row, col, formula, self.f.total_number, _number(value))
        self.row += 1
        self.line("Effektiviseringsbidrag er vist som positive tal.", self.f.note)
        self.gap()

    def proposals(self) -> None:
        self.title("Forslag i projektmappen")
        for col, head in enumerate(("Ark", "Forslag", "Titel", "Type")):
            self.text(col, head, self.f.header)
        self.row += 1
        for p in self.cat.proposals:
            sheet = self.names[p.id]
            self.ws.write_url(self.row, 0, f"internal:'{sheet}'!A1", string=cell_text(sheet))
            self.text(1, p.id)
            self.text(2, p.title + (" (FORTROLIG)" if p.confidential else ""), self.f.wrap)
            self.text(3, p.type.value)
            self.row += 1


# --- the flat sheets ---------------------------------------------------------------------------


def _linjer(wb: Any, f: _Formats, cat: Catalog) -> None:
    ws = wb.add_worksheet(LINJER)
    for col, head in enumerate(LINJER_HEADERS):
        ws.write_string(0, col, head, f.header)
    row = 0
    for p in cat.proposals:
        for r in linje_rows(p):
            row += 1
            for col, text in enumerate(r.texts()):
                if text:
                    ws.write_string(row, col, text)
            ws.write_number(row, 6, r.year, f.year)
            ws.write_number(row, 7, _number(r.amount), f.number)
    ws.autofilter(0, 0, row, len(LINJER_HEADERS) - 1)
    ws.freeze_panes(1, 2)
    for col, width in enumerate((10, 8, 60, 18, 16, 18, 6, 12)):
        ws.set_column(col, col, width)


def _data_rows(cat: Catalog) -> Iterable[tuple[str, str, str]]:
    yield CATALOG_DOCUMENT, cat.id, document_json(catalog_document(cat))
    for p in cat.proposals:
        yield PROPOSAL_DOCUMENT, p.id, document_json(proposal_document(p))


def _data(wb: Any, f: _Formats, cat: Catalog) -> None:
    ws = wb.add_worksheet(DATA)
    for col, head in enumerate(DATA_HEADERS):
        ws.write_string(0, col, head, f.header)
    row = 0
    for kind, ident, text in _data_rows(cat):
        digest = checksum(text)
        for part, piece in enumerate(chunks(text), start=1):
            row += 1
            ws.write_string(row, 0, kind)
            ws.write_string(row, 1, cell_text(ident))
            ws.write_number(row, 2, part)
            ws.write_string(row, 3, digest)
            ws.write_string(row, 4, piece)
    ws.freeze_panes(1, 0)
    for col, width in enumerate((10, 12, 5, 20, 100)):
        ws.set_column(col, col, width)
    ws.hide()
    ws.protect("", _PROTECTION)


# --- the workbook ------------------------------------------------------------------------------


def sheet_names(cat: Catalog) -> dict[str, str]:
    """Each proposal's sheet: its id, made a valid sheet name that no other sheet has."""
    taken = {KATALOG.casefold(), LINJER.casefold(), DATA.casefold(), "history"}
    names: dict[str, str] = {}
    for p in cat.proposals:
        base = _SHEET_NAME_BAD.sub("_", p.id)[:SHEET_NAME_MAX] or "Forslag"
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.casefold())
        names[p.id] = name
    return names


def write_xlsx(cat: Catalog, out: Path, options: ExportOptions) -> None:
    """Write what ``options`` selects of the catalog to ``out``."""
    cat = select(cat, options)
    wb = Workbook(str(out))
    wb.set_properties({"title": cat.title, "author": "gevinst", "company": cat.municipality})
    f = _formats(wb)
    names = sheet_names(cat)
    _CatalogSheet(wb.add_worksheet(KATALOG), f, cat, names).write()
    for p in cat.proposals:
        _ProposalSheet(wb.add_worksheet(names[p.id]), f, p, cat.profile).write()
    _linjer(wb, f, cat)
    _data(wb, f, cat)
    try:
        wb.close()
    except FileCreateError as e:
        # XlsxWriter wraps the OSError that the command line reports as "FILE: reason"
        cause = e.args[0] if e.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise
