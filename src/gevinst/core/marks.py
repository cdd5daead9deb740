# SPDX-License-Identifier: MPL-2.0
"""Where a figure stated in the data differs from the derived one: marks in the documents.

The core's check finds every difference; a finding names its proposal, table, row and year.
This module places each finding in the cell of the printed table that shows the figure,
numbers the marks in reading order, and gives every renderer the same answers: the text of a
cell (the derived figure, or the stated one for an archive copy, with its mark), the marks of
tables that the template calls for but the source left empty, and the closing list
"Afvigelser fra de angivne tal". A difference that no drawn cell shows is in the list all the
same, without a mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc, layout, numbering
from gevinst.core.check import (
    PRICE_BASIS,
    TABLE_NAMES,
    TARGET_TOTAL,
    check_catalog,
    required_tables,
)
from gevinst.core.check.claims import TABLE as CLAIMS_TABLE
from gevinst.core.check.say import Messages, say
from gevinst.core.findings import Finding
from gevinst.core.model import BasisTable, Catalog, Proposal
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.template import DANISH, printing

# the closing list's own words and the notes under a table left empty, in each language (the
# explanations are the check's findings, in the profile's language; the titles and columns
# are the wording's, core/template.py)
MESSAGES: Messages = {
    "da": {
        "same-derived": "Det beregnede tal er det samme som det angivne.",
        "left-empty": "Tabellen står tom i forslaget; tallene er beregnet ud fra forslagets "
        "egne tal.",
        "left-empty-as-stated": "Tabellen står tom i forslaget, som her.",
        "missing": "Forslaget har ikke tabellen; tallene er beregnet ud fra forslagets egne tal.",
        "missing-as-stated": "Forslaget har ikke tabellen.",
        "not-filled": "ikke udfyldt",
        "computed-here": "beregnet i tabellen",
        "intro": "Indledningen, {when}",
        "steady": "varig virkning",
        "catalog": "Kataloget, {table}, {row}",
        "catalog-cell": "Kataloget, {table}, {row}, {column}",
        "investment": "samlet investering",
        "in-all": "I alt",
        "basis": "beregningsgrundlag",
        "text": "teksten",
        "targets": "Måltal",
        "not-printed": " (ikke trykt)",
        "payback": "Tilbagebetalingstid ({basis})",
        "total": "Total",
        "manko": "Manko",
        "price-basis": "prisniveau",
        "difference": "(forskel",
    },
    "en": {
        "same-derived": "The calculated figure is the same as the stated one.",
        "left-empty": "The table is empty in the proposal; the figures are calculated from the "
        "proposal's own figures.",
        "left-empty-as-stated": "The table is empty in the proposal, as here.",
        "missing": "The proposal does not have the table; the figures are calculated from the "
        "proposal's own figures.",
        "missing-as-stated": "The proposal does not have the table.",
        "not-filled": "not filled in",
        "computed-here": "calculated in the table",
        "intro": "The introduction, {when}",
        "steady": "full-year effect",
        "catalog": "The catalogue, {table}, {row}",
        "catalog-cell": "The catalogue, {table}, {row}, {column}",
        "investment": "total investment",
        "in-all": "Total",
        "basis": "calculation basis",
        "text": "the text",
        "targets": "Targets",
        "not-printed": " (not printed)",
        "payback": "Payback period ({basis})",
        "total": "Total",
        "manko": "Shortfall",
        "price-basis": "price base",
        "difference": "(difference",
    },
}

# the closing list's Danish wording (core/template.py has each language's)
TITLE = DANISH.deviations_title
INTRO = DANISH.deviations_intro
INTRO_AS_STATED = DANISH.deviations_intro_as_stated
COLUMNS = DANISH.deviations_columns
SAME_DERIVED = MESSAGES["da"]["same-derived"]
OUTSIDE_TITLE = DANISH.outside_title
OUTSIDE_INTRO = DANISH.outside_intro
OUTSIDE_COLUMNS = DANISH.outside_columns
# rules about the source's own arithmetic: the source's total against the source's rows, its
# Tabel C against its own A + B; they explain a mark, they are not the cell's derived figure
SOURCE_RULES = frozenset({"printed-total", "C=A+B"})
# findings whose stated and computed values are no figures (a price level)
NOT_FIGURES = frozenset({"catalog-price-level"})
LEFT_EMPTY = MESSAGES["da"]["left-empty"]
LEFT_EMPTY_AS_STATED = MESSAGES["da"]["left-empty-as-stated"]
MISSING = MESSAGES["da"]["missing"]
MISSING_AS_STATED = MESSAGES["da"]["missing-as-stated"]
NOT_FILLED = MESSAGES["da"]["not-filled"]
COMPUTED_HERE = MESSAGES["da"]["computed-here"]
INTRO_TABLE = "intro"  # the intro's statements, keyed by the catalog table they sum up
TARGETS_TABLE = "targets"  # Forslag 7's target accounting (its manko row)
INVESTMENT = "investment"  # a catalog table's "Samlet investering" column
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # a mark's number is written in these
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
MARKED = re.compile(f"[{SUPERSCRIPT_DIGITS}]$")  # a cell's text that ends in a mark
# a proposal's tables in the order every document prints them
BASIS_TABLE = "basis:"  # a printed basis table's cells: "basis:<id>", row label, column
_BASIS_RULES = ("basis-row-total", "basis-column-total")
_TABLE_ORDER = ("1", BASIS_TABLE, TARGETS_TABLE, "2.1", "admin", "A", "B", "C", "D", "E")
_TEMPLATE_TABLE = "template-"
ROW_TOTAL_RULE = "table1-row-total"  # a total Tabel 1 states for a row (its Total column)


@dataclass(frozen=True)
class Place:
    """A cell of a printed table. ``proposal`` is None for the catalog's own tables and the
    intro; ``column`` is a year, ``INVESTMENT``, or None (a payback, a table's title)."""

    proposal: str | None
    table: str
    row: str
    column: int | str | None


@dataclass(frozen=True)
class Deviation:
    """One line of the closing list."""

    mark: str  # "" where no drawn cell shows the figure
    where: str
    stated: str
    computed: str
    explanation: str
    place: Place | None = None  # the drawn cell that carries the mark, for a link to it


def without_place(message: str) -> str:
    """A finding's message without the place it begins with ("Tabel 2.1 (fordeling på
    udvalg), total, 2025: ...", "Total financial impact, 2026/27: ..."): the list names the
    place as the document prints it."""
    where, colon, content = message.partition(": ")
    differences = {m["difference"] for m in MESSAGES.values()}
    return content if colon and not any(d in where for d in differences) else message


def _sentence(message: str) -> str:
    text = message[:1].upper() + message[1:]
    return text if text.endswith(".") else text + "."


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def _places(value: Decimal | str | None) -> int | None:
    """The decimals a stated figure is written with ("55,6": one)."""
    return -int(value.as_tuple().exponent) if isinstance(value, Decimal) else None


def _figure_text(value: Decimal | str | None, places: int | None = None) -> str:
    if isinstance(value, Decimal):
        return dk(value, places=places)
    return value or ""


def _table_place(f: Finding) -> Place | None:
    """The cell of a proposal's own table that shows the finding's stated figure."""
    if f.table == "1" and f.row in ("manko", TARGET_TOTAL):
        return Place(f.proposal, TARGETS_TABLE, f.row, f.year)
    if f.table == "1" and f.row is not None and f.rule in ("table1-sum", "payback"):
        return Place(f.proposal, "1", f.row, f.year)
    if f.table == "1" and f.row is not None and f.rule == ROW_TOTAL_RULE:
        return Place(f.proposal, "1", f.row, layout.TOTAL_COLUMN)
    if f.table in TABLE_NAMES or f.table == "admin":
        return Place(f.proposal, f.table, f.row or "total", f.year)
    if f.table == "template" and f.rule.removeprefix(_TEMPLATE_TABLE) in calc.TECHNICAL_TABLES:
        return Place(f.proposal, f.rule.removeprefix(_TEMPLATE_TABLE), "", None)
    return None


def place(f: Finding) -> Place | None:
    """The printed cell that shows what ``f`` is about, or None where no cell does (the
    calculation basis, a catalog row's price level, a line's split)."""
    if f.rule == "catalog-statement":
        return Place(None, INTRO_TABLE, f.table, f.year)
    if f.table.startswith("catalog-"):
        if f.rule not in ("catalog-effect", "catalog-investment", "catalog-total", "printed-total"):
            return None
        column = f.year if f.year is not None else INVESTMENT
        return Place(None, f.table, f.row or "total", column)
    return _table_place(f)


def printed_tables(p: Proposal, profile: Profile) -> tuple[str, ...]:
    """The tables of 2.1, section 5 and section 7 that a document prints for ``p``: those the
    template's rules call for, and those the proposal's authors filled in; none invented."""
    called_for = required_tables(p, profile)
    filled = {
        "2.1": p.stated.distribution is not None,
        "admin": bool(p.admin_rows) or p.stated.admin_total is not None,
        **{t: t in p.stated.technical or t in called_for for t in calc.TECHNICAL_TABLES},
    }
    return tuple(t for t, shown in filled.items() if shown)


def listed(f: Finding) -> bool:
    """Whether ``f`` belongs in the closing list: it has a stated figure, or it is a table
    that the template calls for and the source left empty."""
    return f.stated is not None or (f.table == "template" and _table_place(f) is not None)


class Marks:
    """The marks of one document: build it from the catalog the document shows."""

    def __init__(self, cat: Catalog, as_stated: bool = False, with_summary: bool = True) -> None:
        """``with_summary``: the document prints the catalog's intro and summary tables (a
        document of one proposal does not; it prints a catalog row only for a proposal known
        by its row alone)."""
        self.catalog = cat
        self.as_stated = as_stated
        # the figures of the document's tables in the profile's number format and decimals
        self.printed = printing(cat.profile)
        entries = {p.id for p in cat.proposals if p.catalog_entry_only}

        def drawn(where: Place | None) -> Place | None:
            if where is not None and where.column == layout.TOTAL_COLUMN and where.table == "1":
                # a Total column only where the profile's Tabel 1 prints one
                return where if layout.prints_total(cat.profile) else None
            if where is None or with_summary or where.proposal is not None:
                return where
            return where if where.row in entries else None

        found = [
            (f, drawn(self._basis_place(f) or place(f)))
            for f in check_catalog(cat)
            if listed(f) and not self.drawn_elsewhere(f)
        ]
        # one cell, one mark, one entry: the findings of several rules on the same cell
        # (Tabel C against the derived C and against the source's A + B) are merged
        self._cells: dict[Place, list[Finding]] = {}
        for f, w in found:
            if w is not None:
                self._cells.setdefault(w, []).append(f)
        shown = sorted(self._cells, key=self._order)
        self._numbers = {w: n for n, w in enumerate(shown, start=1)}
        # the rows with a mark in some cell: most rows have none, and are printed without a
        # place for each of their cells
        self._marked_rows = {(w.proposal, w.table, w.row) for w in shown}
        self._found = {w: fs[0] for w, fs in self._cells.items()}
        self.marked = tuple(self._entry(w) for w in shown)
        unplaced = [f for f, w in found if w is None]
        self.outside = tuple(self._outside(f) for f in sorted(unplaced, key=self._unplaced_order))
        self.deviations = self.marked + self.outside

    # --- reading order ------------------------------------------------------------------

    def _part(self, proposal: str | None) -> int:
        ids = [p.id for p in self.catalog.proposals]
        return 0 if proposal is None else 1 + ids.index(proposal)

    def _basis(self, where: Place) -> BasisTable:
        p = self.catalog.proposal(where.proposal or "")
        return next(b for b in p.basis if BASIS_TABLE + b.id == where.table)

    def _basis_place(self, f: Finding) -> Place | None:
        """The printed cell of a basis table that a finding of its own arithmetic is about:
        the row's total column, or the total row's column that holds the stated figure."""
        if f.rule not in _BASIS_RULES or f.proposal is None:
            return None
        p = self.catalog.proposal(f.proposal)
        basis_id, _, label = (f.row or "").partition(": ")
        b = next((b for b in numbering.basis_tables(p) if b.id == basis_id), None)
        if b is None:
            return None
        if f.rule == "basis-row-total":
            return Place(p.id, BASIS_TABLE + b.id, label, b.total_column)
        values = next((r.values for r in b.rows if r.label == label), {})
        rows = {r.label: r.values for r in b.rows}
        of = next(t.of for t in b.total_rows if t.row == label)

        def sums_to_computed(column: str) -> bool:
            total = sum(
                (v for r in of if isinstance(v := rows.get(r, {}).get(column), Decimal)),
                Decimal(0),
            )
            return values.get(column) == f.stated and total == f.computed

        column = next((c for c in b.columns if sums_to_computed(c)), None)
        return Place(p.id, BASIS_TABLE + b.id, label, column) if column else None

    def _row_order(self, where: Place) -> tuple[int, str]:
        if where.proposal is None:
            if where.table == INTRO_TABLE:
                said: list[tuple[str, object]] = [
                    (s.table, s.year) for s in self.catalog.statements
                ]
                return said.index((where.row, where.column)), ""
            t = self.catalog.table(where.table)
            rows = [r.proposal for r in t.rows()]
            return (rows.index(where.row) if where.row in rows else len(rows)), where.row
        if where.row in ("", PRICE_BASIS):
            return -1, where.row  # a table's title, then its unit line, come before its rows
        if where.table == "1":
            keys = [r.key for r in layout.table1(self.catalog.proposal(where.proposal))]
            return (keys.index(where.row) if where.row in keys else len(keys)), where.row
        order = self.catalog.profile.unit_order
        if where.row == "total":
            return len(order) + 1, ""
        return (order.index(where.row) if where.row in order else len(order)), where.row

    def _order(self, where: Place) -> tuple[object, ...]:
        if where.proposal is None:
            tables = [INTRO_TABLE, *(t.id for t in self.catalog.tables)]
            table = tables.index(where.table) if where.table in tables else len(tables)
        elif where.table.startswith(BASIS_TABLE):
            p = self.catalog.proposal(where.proposal)
            b = self._basis(where)
            at = (_TABLE_ORDER.index(BASIS_TABLE), p.basis.index(b))
            row = [r.label for r in b.rows].index(where.row)
            return self._part(p.id), at, (row, ""), b.columns.index(str(where.column))
        else:
            table = _TABLE_ORDER.index(where.table)
        column = None if where.table == INTRO_TABLE else where.column
        # years in order; "Samlet investering" after them; a payback or title first
        col = (0, 0) if column is None else (1, column) if isinstance(column, int) else (2, 0)
        return self._part(where.proposal), (table, 0), self._row_order(where), col

    def _unplaced_order(self, f: Finding) -> int:
        return self._part(None if f.table.startswith("catalog-") else f.proposal)

    def drawn_elsewhere(self, f: Finding) -> bool:
        """A basis table that the document draws as the distribution (Forslag 7's Tabel 3):
        its findings are the distribution's, listed once, there."""
        if f.rule != "basis-column-total" or f.proposal is None:
            return False
        p = self.catalog.proposal(f.proposal)
        basis_id = (f.row or "").partition(": ")[0]
        return any(b.id == basis_id and numbering.drawn_elsewhere(p, b) for b in p.basis)

    # --- the closing list -----------------------------------------------------------------

    def _entry(self, where: Place) -> Deviation:
        """The list's entry for one marked cell. Its computed figure is the one the document
        derives for the cell; a rule about the source's own arithmetic (its rows against its
        total, its C against its A + B) explains, in the source's terms, why it is marked."""
        found = self._cells[where]
        f = found[0]
        derived = [g for g in found if g.rule not in SOURCE_RULES]
        places = _places(f.stated) if f.rule == "catalog-statement" else None
        if f.stated is None:
            stated, computed = self._say("not-filled"), self._say("computed-here")
        else:
            # no derived finding: the derived figure is the stated one
            value = derived[0].computed if derived else f.stated
            stated, computed = self._listed(f.stated, places), self._listed(value, places)
        # a basis table's title may hold a colon itself ("Tabel ii: Antal sager ...")
        title = self._basis(where).title + ", " if where.table.startswith(BASIS_TABLE) else ""
        said = [
            _sentence(without_place(g.message.removeprefix(title)))
            for g in dict.fromkeys([*derived, *found])
        ]
        if not derived and f.stated is not None:
            said.append(self._say("same-derived"))
        explanation = " ".join(said)
        return Deviation(
            self.mark(where), self._where(f, where), stated, computed, explanation, where
        )

    def _outside(self, f: Finding) -> Deviation:
        """An entry that no printed cell shows: a figure of a calculation basis, or a fact
        about a row (its price level) that is no figure of a table."""
        if f.rule in NOT_FIGURES:
            return Deviation("", self._where(f, None), "", "", _sentence(f.message))
        return Deviation(
            "",
            self._where(f, None),
            self._listed(f.stated),
            self._listed(f.computed),
            _sentence(f.message),
        )

    def _listed(self, value: Decimal | str | None, places: int | None = None) -> str:
        """A figure of the closing list in the document's number format ("-400.000",
        "-400,000"), with the decimals it is stated with."""
        if isinstance(value, Decimal):
            return self.printed.figure(value, places=places)
        return value or ""

    def _say(self, key: str, **fields: object) -> str:
        """The closing list's own words in the document's language."""
        return say(self.printed, MESSAGES, key, **fields)

    def _year(self, year: object) -> str:
        return self.printed.year(year) if isinstance(year, int) else str(year)

    def _where(self, f: Finding, where: Place | None) -> str:
        if where is not None and where.proposal is None:
            if where.table == INTRO_TABLE:
                when = self._say("steady") if where.column is None else self._year(where.column)
                return self._say("intro", when=when)
            title = self.catalog.table(where.table).title.split(".")[0]
            column = (
                self._say("investment") if where.column == INVESTMENT else self._year(where.column)
            )
            row = self._say("in-all") if where.row == "total" else where.row
            return self._say("catalog-cell", table=title, row=row, column=column)
        if where is None and f.table.startswith("catalog-"):
            title = self.catalog.table(f.table).title.split(".")[0]
            return self._say("catalog", table=title, row=f.row)
        p = self.catalog.proposal(f.proposal or "")
        parts = [numbering.printed_name(p, self.catalog), self._table_name(p, f, where)]
        if where is not None and where.table.startswith(BASIS_TABLE):
            parts += [where.row, str(where.column)]
        elif where is not None and where.row:
            parts.append(self._line_text(where) or self._row_name(where))
            if where.table == "1" and where.column == layout.TOTAL_COLUMN:
                parts.append(self.printed.words.row_total)
        elif where is None and f.row:
            parts.append(self._unplaced_row(f))
        if f.year is not None:
            parts.append(self._year(f.year))
        return ", ".join(parts)

    def _unplaced_row(self, f: Finding) -> str:
        """A row no drawn cell shows, named as the document names it: a basis table's title
        (as printed, or said not to be printed) and row label, or the line that an effect
        model explains."""
        if f.table == CLAIMS_TABLE:
            return f"«{f.row}»"  # the phrase the text says it with
        p = self.catalog.proposal(f.proposal or "")
        table, _, label = (f.row or "").partition(": ")
        basis = {b.id: b for b in p.basis}
        if label and table in basis:
            shown = "" if basis[table] in numbering.basis_tables(p) else self._say("not-printed")
            return f"{basis[table].title}{shown}, {label}"
        lines = {line.id: line.text for line in p.lines}
        return lines.get(f.row or "", f.row or "")

    def _table_name(self, p: Proposal, f: Finding, where: Place | None) -> str:
        """The table as the document numbers it (Forslag 7's distribution is its Tabel 3,
        its economy table Tabel 2)."""
        titles = numbering.titles(p, self.printed.words)
        economy = numbering.short_name(titles.economy)
        if where is None:
            named = {"basis": self._say("basis"), "1": economy, CLAIMS_TABLE: self._say("text")}
            return named.get(f.table, f.table)
        if where.table.startswith(BASIS_TABLE):
            return self._basis(where).title
        named = {
            TARGETS_TABLE: p.targets.title if p.targets else self._say("targets"),
            "admin": numbering.short_name(titles.admin),
            "2.1": numbering.short_name(titles.distribution),
            "1": economy,
        }
        # the table's name alone; the explanation says what it is
        return named.get(where.table) or self.printed.words.table_names[where.table].split(" (")[0]

    def _line_text(self, where: Place) -> str | None:
        """The text of the line of Tabel 1 a cell is on (its Total column), or None."""
        if where.table != "1" or where.proposal is None:
            return None
        p = self.catalog.proposal(where.proposal)
        return next((line.text for line in p.lines if line.id == where.row), None)

    def _row_name(self, where: Place) -> str:
        words = self.printed.words
        if where.row in calc.TABLE1_ROWS:
            return words.table1_rows.get(where.row, calc.TABLE1_ROWS[where.row][0])
        if where.row.startswith("payback_"):
            basis = words.payback_bases[where.row.removeprefix("payback_")]
            return self._say("payback", basis=basis)
        if where.row in ("total", "manko"):
            return self._say(where.row)
        if where.row == TARGET_TOTAL:
            return words.entry_permanent
        if where.row == PRICE_BASIS:
            return self._say("price-basis")
        return self.catalog.profile.unit_name(where.row)

    # --- what the renderers ask ---------------------------------------------------------

    def mark(self, where: Place) -> str:
        number = self.number(where)
        return superscript(number) if number is not None else ""

    def number(self, where: Place) -> int | None:
        """The mark's number, for a renderer that cannot raise it (a spreadsheet's note)."""
        return self._numbers.get(where)

    def amounts(
        self,
        proposal: str | None,
        table: str,
        row: str,
        series: Series,
        years: Sequence[int],
        zero: str = "0",
    ) -> list[str]:
        """A row's figures as printed: derived, or as stated for an archive copy, each with
        its mark; a table the source left empty prints no figures in an archive copy. A 0
        where the stated row leaves the year blank is printed blank, as the source prints it
        (BC02's Tabel 1): the same value, written the source's way."""
        stated = self._stated_row(proposal, table, row)
        zeros = ["" if stated is not None and y not in stated else zero for y in years]
        cells = zip(years, series.at(years), zeros, strict=True)
        if not self.as_stated and (proposal, table, row) not in self._marked_rows:
            return [self._text(amount, shown) for _, amount, shown in cells]
        return [self.figure(Place(proposal, table, row, y), a, shown) for y, a, shown in cells]

    def _stated_row(self, proposal: str | None, table: str, row: str) -> Series | None:
        """The row as the data writes it, where it is a stated row of Tabel 1, one of its
        lines (written as the source prints it: a year left out is blank there) or the
        administration's total."""
        if proposal is None or table not in ("1", "admin"):
            return None
        p = self.catalog.proposal(proposal)
        if table == "admin":
            return p.stated.admin_total
        if row in p.stated.table1:
            return p.stated.table1[row]
        return next((line.amounts for line in p.lines if line.id == row), None)

    def figure(self, where: Place, derived: Decimal | None, zero: str = "0") -> str:
        value: Decimal | str | None = derived
        if self.as_stated:
            if self.left_empty(where.proposal, where.table):
                return ""
            value = self._stated(where, derived)
        return self._text(value, zero) + self.mark(where)

    def _text(self, value: Decimal | str | None, zero: str) -> str:
        """A figure without its mark: ``zero`` for a zero or a missing one."""
        return (zero if value == 0 else self._shown(value)) if value is not None else zero

    def _shown(self, value: Decimal | str | None) -> str:
        return self.printed.figure(value) if isinstance(value, Decimal) else value or ""

    def row_total(self, p: Proposal, row: str, amounts: Series) -> str:
        """A row's figure in Tabel 1's Total column: the sum of its years as derived (or as
        stated, in an archive copy), with its mark; blank where the row is stated with every
        year blank (BC02's "Samlede implementeringsomkostninger, service")."""
        stated = self._stated_row(p.id, "1", row)
        zero = "" if stated is not None and not stated else "0"
        where = Place(p.id, "1", row, layout.TOTAL_COLUMN)
        return self.figure(where, calc.row_total(p, amounts), zero)

    def text(self, where: Place, derived: str) -> str:
        """A figure printed as text (a payback, "4 år (2028)"), with its mark; an archive copy
        prints a payback as the source writes it ("5") where it means the derived one."""
        value = self._stated(where, self._as_written(where, derived)) if self.as_stated else derived
        return self._shown(value) + self.mark(where)

    def price_basis(self, p: Proposal, table: str) -> str:
        """A table's unit line: the proposal's price level, or as the source prints it in an
        archive copy, with a mark where the source prints another (F3's tables A-E)."""
        own = self.printed.prices(p.price_level)
        return self.text(Place(p.id, table, PRICE_BASIS, None), own)

    def _as_written(self, where: Place, derived: str) -> str:
        if where.proposal is None or not where.row.startswith("payback_"):
            return derived
        p = self.catalog.proposal(where.proposal)
        return p.stated.payback.get(where.row.removeprefix("payback_"), derived).strip()

    def _stated(self, where: Place, derived: Decimal | str | None) -> Decimal | str | None:
        f = self._found.get(where)
        return f.stated if f is not None and f.stated is not None else derived

    def left_empty(self, proposal: str | None, table: str) -> bool:
        return Place(proposal, table, "", None) in self._numbers

    def empty_note(self, p: Proposal, table: str) -> str:
        """What the document says under a table the template calls for and the source left
        empty (BC02's Tabel C), with the table's mark; "" for any other table."""
        if not self.left_empty(p.id, table):
            return ""
        if table in p.stated.technical:
            note = "left-empty-as-stated" if self.as_stated else "left-empty"
        else:
            note = "missing-as-stated" if self.as_stated else "missing"
        return self.mark(Place(p.id, table, "", None)) + " " + self._say(note)

    def rows(self, proposal: str | None, table: str) -> set[str]:
        """The rows that the findings name in a table, so a renderer draws a stated row that
        gevinst computes as nothing (Forslag 2's Tabel B) where its mark can be seen."""
        return {
            w.row
            for w in self._numbers
            if w.proposal == proposal and w.table == table and w.row not in ("", "total")
        }

    def intro(self, text: str) -> str:
        """The catalog's intro with each stated total (55,6 / 62,8 mio. kr.) printed as
        derived, or as stated, and marked where the two differ."""
        changes: list[tuple[int, str, str]] = []
        for st in self.catalog.statements:
            where = Place(None, INTRO_TABLE, st.table, st.year)
            f = self._found.get(where)
            places = _places(st.mio_kr)
            stated = f"{dk(st.mio_kr, places=places)} mio. kr."
            sentence = text.find(st.text.split(stated)[0])
            at = text.find(stated, sentence)
            if f is None or sentence < 0 or at < 0:
                continue
            value = st.mio_kr if self.as_stated else f.computed
            changes.append(
                (at, stated, f"{_figure_text(value, places)}{self.mark(where)} mio. kr.")
            )
        # from the end, so that each position still holds when it is replaced
        for at, old, new in sorted(changes, reverse=True):
            text = text[:at] + new + text[at + len(old) :]
        return text
