# SPDX-License-Identifier: MPL-2.0
"""The technical sheet as an Excel workbook: a working file (docs/xlsx-layout.md).

The input cells (yellow, the only cells that are not locked) hold what a proposal types: its
lines' amounts, the weights of its keys, the parts of a line split as printed, the budgets it
moves and the rows of its Tabel 2. Every other figure is a live formula over them: the
subtotals, the payback, Tabel 2.1, the technical tables A to E (with the core's
largest-remainder rounding, in helper rows below the tables), the sheet "Linjer" and the
catalog's summary rows. Each formula also carries the figure gevinst computed, so a viewer
that does not recalculate shows the same numbers.

The same writer runs without a file (:class:`Recorder`), so that :mod:`gevinst.importers.xlsx`
knows what every cell of a workbook should hold and which input each yellow cell is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from decimal import ROUND_FLOOR, Decimal
from functools import partial
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from gevinst.core import calc, layout, template
from gevinst.core.check import TABLE_NAMES
from gevinst.core.distribute import round_to, round_whole
from gevinst.core.layout import Kind
from gevinst.core.marks import COLUMNS, INVESTMENT, TITLE, Deviation, Marks, Place
from gevinst.core.model import ByKey, Catalog, Line, Parts, Proposal, Section, ToUnit
from gevinst.core.profile import Profile
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import ZERO, Series
from gevinst.core.summary import Summary, summarise
from gevinst.documents.cells import neutralise
from gevinst.documents.csv_file import KIND_NAMES, booking_label
from gevinst.format.writer import version

KATALOG, LINJER, AFVIGELSER = "Katalog", "Linjer", "Afvigelser"
# the very hidden sheet of what the export was made from: ids, hashes and input values only;
# the property holds its hash
VERSIONS, PROPERTY_VERSIONS = "gevinst-versioner", "gevinst-versioner-sha256"
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
SHEET_NAME_MAX = 31
# the export's selection, as document properties: the importer rebuilds the same workbook
PROPERTY_PROPOSAL, PROPERTY_CONFIDENTIAL, ALL, YES, NO = (
    "gevinst-forslag",
    "gevinst-fortrolige",
    "alle",
    "ja",
    "nej",
)
INPUT_FILL = "#FFF2CC"
# helper rows compare and round at nine decimals: floating point noise stays far below, and
# an amount in 1.000 kr. never needs more
PRECISION = 9
QUANTUM = Decimal(1).scaleb(-PRECISION)
HORIZON = 100  # years a payback is sought within (calc.payback_from_first_amount)

# locked cells cannot be edited until the sheet is unprotected (no password); widths and
# heights stay adjustable
_PROTECTION = {"format_columns": True, "format_rows": True}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\']")

Coord = tuple[int, int]  # row, column (0-based)
Terms = Callable[[str], str]  # a column's letter -> the terms of a formula in that column


def cell_text(text: str) -> str:
    """Text as a cell holds it: on one line (spreadsheets mangle control characters) and
    never read as a formula."""
    return neutralise(_CONTROL.sub(" ", text))


def number(amount: Decimal) -> int | float:
    """An amount as a cell holds it: whole amounts stay exact ints in the file."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def decimals(amount: Decimal) -> int:
    """How many decimals an amount is written with: 0 for 1474, 1 for 12,5."""
    exponent = amount.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number_format(places: int) -> str:
    """Danish Excel shows ``#,##0`` as 1.474 and ``#,##0.0`` as 12,5."""
    if places == 0:
        return "#,##0;-#,##0"
    digits = "0" * places
    return f"#,##0.{digits};-#,##0.{digits}"


# a cell that holds a fraction after an edit shows it (conditional format): 12,5 not 13
FRACTION_FORMAT = "#,##0.0##;-#,##0.0##"


# --- what a yellow cell stands for --------------------------------------------------------------


@dataclass(frozen=True)
class LineAmount:
    proposal: str
    line: str
    year: int


@dataclass(frozen=True)
class KeyWeight:
    proposal: str
    key: str
    name: str


@dataclass(frozen=True)
class PartAmount:
    proposal: str
    line: str
    name: str
    year: int


@dataclass(frozen=True)
class MoveAmount:
    proposal: str
    index: int
    year: int


@dataclass(frozen=True)
class AdminAmount:
    proposal: str
    index: int
    year: int


Target = LineAmount | KeyWeight | PartAmount | MoveAmount | AdminAmount
TARGETS: dict[str, type[Target]] = {
    t.__name__: t for t in (LineAmount, KeyWeight, PartAmount, MoveAmount, AdminAmount)
}


def target_key(t: Target) -> str:
    """An input as the versions sheet names it: ids and years, never a text."""
    return json.dumps([type(t).__name__, *astuple(t)], ensure_ascii=False)


def target_of(key: str) -> Target:
    """The input a versions sheet's key names; ValueError for anything else."""
    try:
        kind, *args = json.loads(key)
        return TARGETS[kind](*args)
    except (TypeError, KeyError, json.JSONDecodeError) as e:
        raise ValueError(key) from e


# --- a workbook without a file ------------------------------------------------------------------


Expected = tuple[str, object]  # ("s", text), ("n", number) or ("f", formula)


class RecordedSheet:
    """The cells a sheet would get, as the importer compares them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[Coord, Expected] = {}

    def write_string(self, row: int, col: int, text: str, *_: object) -> None:
        if text:  # XlsxWriter writes no value for an empty text
            self.cells[row, col] = ("s", text)

    def write_number(self, row: int, col: int, value: float, *_: object) -> None:
        self.cells[row, col] = ("n", value)

    def write_formula(self, row: int, col: int, formula: str, *_: object) -> None:
        self.cells[row, col] = ("f", formula)

    def write_url(self, row: int, col: int, _url: str, string: str = "") -> None:
        self.cells[row, col] = ("s", string)

    def write_blank(self, *_: object) -> None:
        """A blank cell holds nothing."""

    def __getattr__(self, _name: str) -> Callable[..., None]:
        # widths, panes, filters, protection and formats do not change what a cell holds
        return lambda *_a, **_k: None


class Recorder:
    """Stands in for a workbook: records every sheet's cells."""

    def __init__(self) -> None:
        self.sheets: dict[str, RecordedSheet] = {}

    def add_worksheet(self, name: str) -> RecordedSheet:
        self.sheets[name] = RecordedSheet(name)
        return self.sheets[name]

    def add_format(self, _props: object = None) -> None:
        return None


_WRITES = ("write_string", "write_number", "write_formula", "write_url", "write_blank")


class _Tee:
    """A worksheet that records the cells it writes, so that the versions sheet is made
    from the cells as written, without writing the workbook twice."""

    def __init__(self, ws: Any, recorded: RecordedSheet) -> None:
        self.ws, self.recorded = ws, recorded

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.ws, name)
        if name not in _WRITES:
            return real
        mirror = getattr(self.recorded, name)

        def both(*args: Any, **kwargs: Any) -> Any:
            mirror(*args, **kwargs)
            return real(*args, **kwargs)

        return both


class _TeeBook(Recorder):
    def __init__(self, wb: Workbook) -> None:
        super().__init__()
        self.wb = wb

    def add_worksheet(self, name: str) -> Any:
        return _Tee(self.wb.add_worksheet(name), super().add_worksheet(name))

    def add_format(self, props: object = None) -> Any:
        return self.wb.add_format(props)


# --- what the export was made from ------------------------------------------------------------

_FORMULA_NOISE = re.compile(r"[\s$']")


def formula_key(formula: str) -> str:
    """A formula as compared: spreadsheets differ in quotes around sheet names, "$" and
    spaces."""
    return _FORMULA_NOISE.sub("", formula).upper()


def token(kind: str, value: object) -> str:
    """A cell's content as fingerprinted: the same for the cell gevinst writes and for the
    cell a spreadsheet program saves back (formulas normalised, numbers to 12 digits)."""
    if kind == "f":
        return "f" + formula_key(str(value))
    if kind == "n" and isinstance(value, int | float):
        return f"n{float(value):.12g}"
    return "s" + str(value)


def fingerprint(tokens: Iterable[tuple[int, str]]) -> str:
    """A row's cells (column, token) as one short hash."""
    text = "\x1f".join(f"{col}:{tok}" for col, tok in sorted(tokens))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def row_fingerprints(sheet: RecordedSheet, inputs: Mapping[Coord, Target]) -> dict[int, str]:
    """Each row's fingerprint of the cells that are not inputs (rows with any)."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for (row, col), (kind, value) in sheet.cells.items():
        if (row, col) not in inputs:
            rows.setdefault(row, []).append((col, token(kind, value)))
    return {row: fingerprint(tokens) for row, tokens in rows.items()}


def sheet_hash(cells: Iterable[tuple[Coord, str]]) -> str:
    """A whole sheet's cells (coordinate, token) as one hash."""
    text = "\x1f".join(f"{r},{c}:{tok}" for (r, c), tok in sorted(cells))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _versions(
    cat: Catalog, recorder: Recorder, inputs: Mapping[str, Mapping[Coord, Target]]
) -> RecordedSheet:
    """The sheet the import merges with (docs/xlsx-layout.md): each proposal's version, each
    input cell's target and exported value, and each row's fingerprint of the cells that are
    not inputs. Ids, hashes and the numbers the sheets show: no text."""
    ws = RecordedSheet(VERSIONS)
    heads = ("Forslag", "Version", "", "Ark", "Celle", "Indtastning", "Værdi", "")
    for col, head in enumerate((*heads, "Ark", "Række", "Indhold")):
        if head:
            ws.write_string(0, col, head)
    for row, p in enumerate(cat.proposals, start=1):
        ws.write_string(row, 0, p.id)
        ws.write_string(row, 1, version(p))
    row = 0
    for name, cells in inputs.items():
        expected = recorder.sheets[name].cells
        for coord, target in cells.items():
            row += 1
            ws.write_string(row, 3, name)
            ws.write_string(row, 4, f"{column(coord[1])}{coord[0] + 1}")
            ws.write_string(row, 5, target_key(target))
            value = expected.get(coord, ("", None))[1]
            if isinstance(value, int | float):
                ws.write_number(row, 6, value)
    row = 0
    for name, sheet in recorder.sheets.items():
        for r, digest in sorted(row_fingerprints(sheet, inputs.get(name, {})).items()):
            row += 1
            ws.write_string(row, 8, name)
            ws.write_number(row, 9, r + 1)
            ws.write_string(row, 10, digest)
    return ws


def _write_versions(wb: Workbook, versions: RecordedSheet) -> None:
    """The versions sheet, very hidden and protected; its hash in a document property, so
    that an edit of it is found."""
    ws = wb.add_worksheet(VERSIONS)
    for (row, col), (kind, value) in versions.cells.items():
        if kind == "n":
            ws.write_number(row, col, value)
        else:
            ws.write_string(row, col, str(value))
    ws.very_hidden()
    ws.protect("", _PROTECTION)
    hashed = sheet_hash((coord, token(*cell)) for coord, cell in versions.cells.items())
    wb.set_custom_property(PROPERTY_VERSIONS, hashed)


# --- formats ---------------------------------------------------------------------------------


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self._made: dict[tuple[tuple[str, object], ...], Any] = {}
        self.title = self.get(bold=True, font_size=14)
        self.bold = self.get(bold=True)
        self.header = self.get(bold=True, bottom=1, text_wrap=True, valign="bottom")
        self.total_label = self.get(bold=True, top=1, text_wrap=True)
        self.wrap = self.get(text_wrap=True, valign="top")
        self.note = self.get(italic=True)
        self.year = self.get(num_format="0")
        self.fraction = self.get(num_format=FRACTION_FORMAT)
        self.helper = self.get(num_format="#,##0.000;-#,##0.000", font_color="#595959")

    def get(self, **props: object) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self.wb.add_format(dict(props))
        return self._made[key]

    def number(self, amount: Decimal, total: bool = False, editable: bool = False) -> Any:
        props: dict[str, object] = {"num_format": number_format(decimals(amount))}
        if total:
            props |= {"bold": True, "top": 1}
        if editable:
            props |= {"locked": False, "bg_color": INPUT_FILL}
        return self.get(**props)


def column(col: int) -> str:
    return str(xl_col_to_name(col))


def _ref(sheet: str, col: int, row: int) -> str:
    return f"'{sheet}'!{column(col)}{row + 1}"


# --- a sheet written top down -------------------------------------------------------------------


class _Sheet:
    """A worksheet of tables: label, second column and one column a year. Formulas that
    refer to rows further down are written last (:meth:`later`)."""

    FIRST_VALUE = 2  # columns A and B hold the label and the styringsområde or unit
    name = ""

    def __init__(self, ws: Any, f: _Formats, years: Sequence[int]) -> None:
        self.ws, self.f, self.years, self.row = ws, f, tuple(years), 0
        self.inputs: dict[Coord, Target] = {}
        self.places: dict[Place, Coord] = {}  # the cells that show a figure marks.py may mark
        self._later: list[Callable[[], None]] = []

    def col(self, year: int) -> int:
        return self.FIRST_VALUE + self.years.index(year)

    def place_row(self, proposal: str | None, table: str, key: str, row: int) -> None:
        """The cells of a table's row, one a year, as marks.py names them."""
        for year in self.years:
            self.places[Place(proposal, table, key, year)] = (row, self.col(year))

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

    def gap(self) -> None:
        self.row += 1

    def header(self, first: str, second: str) -> None:
        self.text(0, first, self.f.header)
        self.text(1, second, self.f.header)
        for i, year in enumerate(self.years):
            self.text(self.FIRST_VALUE + i, str(year), self.f.header)
        self.row += 1

    def label(self, label: str, second: str, total: bool = False) -> int:
        self.text(0, label, self.f.total_label if total else self.f.wrap)
        self.text(1, second, self.f.total_label if total else None)
        return self.row

    def value(self, row: int, col: int, amount: Decimal, total: bool = False) -> None:
        self.ws.write_number(row, col, number(amount), self.f.number(amount, total))

    def formula(
        self, row: int, col: int, text: str | None, amount: Decimal, total: bool = False
    ) -> None:
        """``text`` carrying the core's ``amount``; the amount alone where ``text`` is None
        (there is nothing to refer to)."""
        if text is None:
            self.value(row, col, amount, total)
        else:
            fmt = self.f.number(amount, total)
            self.ws.write_formula(row, col, text, fmt, number(amount))

    def editable(self, row: int, col: int, amount: Decimal | None, target: Target) -> None:
        fmt = self.f.number(amount or ZERO, editable=True)
        if amount is None:
            self.ws.write_blank(row, col, None, fmt)
        else:
            self.ws.write_number(row, col, number(amount), fmt)
        self.inputs[row, col] = target

    def inputs_row(
        self, label: str, second: str, amounts: Series, target: Callable[[int], Target]
    ) -> int:
        """A row of input cells, one a year (0 where the series has none)."""
        row = self.label(label, second)
        for year in self.years:
            self.editable(row, self.col(year), amounts[year], target(year))
        self.row += 1
        return row

    def formula_row(
        self, label: str, second: str, amounts: Series, terms: Terms | None, total: bool = True
    ) -> int:
        """A row whose cells are ``=terms(column)``, carrying ``amounts``."""
        row = self.label(label, second, total)
        for year in self.years:
            col = self.col(year)
            self.formula(
                row, col, None if terms is None else f"={terms(column(col))}", amounts[year], total
            )
        self.row += 1
        return row

    def later(self, write: Callable[[], None]) -> None:
        self._later.append(write)

    def finish(self, columns: Sequence[tuple[int, float]], last_value: int) -> None:
        """Write what waited for rows further down; widths; fractions shown; protection."""
        for write in self._later:
            write()
        for col, width in columns:
            self.ws.set_column(col, col, width)
        if last_value >= self.FIRST_VALUE:
            _fractions(self.ws, self.f, (0, self.FIRST_VALUE), (max(self.row, 1), last_value))
        self.ws.protect("", _PROTECTION)


def _fractions(ws: Any, f: _Formats, first: Coord, last: Coord) -> None:
    """A cell in the range that holds a fraction shows its decimals, also after an edit (a
    cell's own format is fixed when it is written)."""
    top_left = f"{column(first[1])}{first[0] + 1}"
    ws.conditional_format(
        *first,
        *last,
        {"type": "formula", "criteria": f"=MOD({top_left},1)<>0", "format": f.fraction},
    )


def _span_sum(col: str, rows: Sequence[int]) -> str:
    """SUM over the rows, each run of adjacent rows as one range: ``SUM(D8:D10,D14:D15)``."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts = [
        f"{col}{r[0] + 1}:{col}{r[-1] + 1}" if len(r) > 1 else f"{col}{r[0] + 1}" for r in runs
    ]
    return f"SUM({','.join(parts)})"


def _signed(terms: Iterable[tuple[int, int]]) -> Terms | None:
    """``+E12-E20``: each (sign, row) in the given column; None where there is none."""
    pairs = list(terms)
    if not pairs:
        return None

    def text(col: str) -> str:
        out = "".join(f"{'+' if sign > 0 else '-'}{col}{row + 1}" for sign, row in pairs)
        return out.removeprefix("+")

    return text


def _joined(terms: Sequence[Terms]) -> Terms | None:
    """The sum of several terms; None where there is none."""
    if not terms:
        return None
    return lambda col: "+".join(t(col) for t in terms)


# --- the largest remainder in formulas ----------------------------------------------------------


@dataclass
class _Group:
    """Lines apportioned together (calc: placed together, or implementation on one area)."""

    title: str
    lines: list[Line]
    units: list[str] = field(default_factory=list)  # in the core's order: ties go first
    exact: dict[str, Series] = field(default_factory=dict)
    rounded: dict[str, int] = field(default_factory=dict)  # unit -> its row of whole shares


def _exact(p: Proposal, profile: Profile, lines: Sequence[Line]) -> dict[str, Series]:
    """Each unit's exact share of the lines, year by year, in the order the core meets
    the units (which decides ties)."""
    out: dict[str, dict[int, Decimal]] = {}
    for year in p.years:
        for line in lines:
            for unit, share in calc.exact_shares(p, profile, line, year).items():
                out.setdefault(unit, {}).setdefault(year, ZERO)
                out[unit][year] += share
    return {u: Series(v) for u, v in out.items()}


def _round(amount: Decimal) -> Decimal:
    return round_to(amount, QUANTUM)


def _floor(amount: Decimal) -> Decimal:
    return amount.to_integral_value(rounding=ROUND_FLOOR)


# --- a proposal's sheet ------------------------------------------------------------------------


class ProposalSheet(_Sheet):
    def __init__(self, ws: Any, f: _Formats, p: Proposal, profile: Profile, name: str) -> None:
        super().__init__(ws, f, p.years)
        self.p, self.profile, self.name = p, profile, name
        self.line_rows: dict[str, int] = {}
        self.total_rows: dict[str, int] = {}  # Tabel 1's subtotals and total (calc.TABLE1_ROWS)
        self.payback_rows: dict[str, int] = {}  # Tabel 1's payback rows, by basis
        self.technical_rows: dict[str, dict[str, int]] = {}  # "A", "D", "E" -> unit -> row
        self.key_rows: dict[tuple[str, str], int] = {}  # (key, name) -> row of its weight
        self.key_spans: dict[str, tuple[int, int]] = {}
        self.part_rows: dict[tuple[str, str], int] = {}  # (line, name) -> row
        self.move_rows: list[int] = []
        self.groups: dict[str, list[_Group]] = {}  # "A", "D", "E"

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
        elif calc.unbooked(p):
            self.line(
                "Mindst én linje har ingen fordeling på udvalg; "
                "tabel 2.1 og de tekniske tabeller A-E kan ikke beregnes.",
                self.f.note,
            )
        else:
            self.distribution()
            self.admin()
            self.technical()
            self.basis()
            self.apportioning()
        self.payback()
        widths = [(0, 62), (1, 20)] + [(self.col(y), 10) for y in self.years]
        self.finish(widths, self.FIRST_VALUE + len(self.years) - 1)

    # Tabel 1 -----------------------------------------------------------------------------

    def table1(self) -> None:
        """Tabel 1 as :mod:`gevinst.core.layout` lays it out: the lines as input cells, each
        subtotal a SUM or SUMIF over the lines of its section, the payback a formula."""
        p = self.p
        self.title(template.TABLE1_TITLE)
        self.header(f"1.000 kr. {p.price_level} p/l", "Styringsområde")
        spans: list[list[int]] = []
        for shown in layout.table1(p):
            amounts = shown.amounts if shown.amounts is not None else Series()
            if shown.kind is Kind.HEADING:
                self.line(shown.label, self.f.bold)
                spans.append([])
            elif shown.kind is Kind.LINE:
                line = p.line(shown.key)
                target = partial(LineAmount, p.id, line.id)
                row = self.inputs_row(shown.label, shown.area, line.amounts, target)
                self.line_rows[line.id] = row
                spans[-1].append(row)
            elif shown.kind is Kind.SUBTOTAL and shown.area:
                self.total_rows[shown.key] = self._sumif(
                    shown.label, shown.area, spans[-1], amounts
                )
                self.place_row(p.id, "1", shown.key, self.total_rows[shown.key])
            elif shown.kind in (Kind.SUBTOTAL, Kind.TOTAL):
                rows = spans[-1] if shown.kind is Kind.SUBTOTAL else [r for s in spans for r in s]
                terms = (lambda c, r=rows: _span_sum(c, r)) if rows else None
                self.total_rows[shown.key] = self.formula_row(shown.label, "", amounts, terms)
                self.place_row(p.id, "1", shown.key, self.total_rows[shown.key])
            else:
                self.payback_rows[shown.key.removeprefix("payback_")] = self.row
                self.places[Place(p.id, "1", shown.key, None)] = (self.row, 1)
                self.text(0, shown.label, self.f.wrap)
                self.row += 1
        self.line("Alle besparelser er angivet med negativt (-) fortegn.", self.f.note)
        self.gap()

    def _sumif(self, label: str, area: str, rows: Sequence[int], amounts: Series) -> int:
        """A subtotal of the lines whose column B holds ``area`` (this row's B)."""
        here = self.row + 1
        if not rows:
            return self.formula_row(label, area, amounts, None)
        a, b = rows[0] + 1, rows[-1] + 1
        return self.formula_row(
            label, area, amounts, lambda c: f"SUMIF($B${a}:$B${b},$B${here},{c}{a}:{c}{b})"
        )

    # tables by unit ----------------------------------------------------------------------------

    def unit_table(
        self,
        table: str,
        title: str,
        units: Sequence[str],
        amounts: Mapping[str, Series],
        second: Mapping[str, str],
        terms: Callable[[str], Terms | None],
    ) -> dict[str, int]:
        """A table by unit with its total; each unit's cells ``terms(unit)``, written when
        the rows they refer to are known. Returns each unit's row."""
        self.places[Place(self.p.id, table, "", None)] = (self.row, 0)
        self.title(title)
        self.header(f"Udvalg (1.000 kr. {self.p.price_level} p/l)", "Bevilling" if second else "")
        rows: dict[str, int] = {}
        for unit in units:
            rows[unit] = self.label(self.profile.unit_name(unit), second.get(unit, ""))
            self.place_row(self.p.id, table, unit, self.row)
            self.row += 1
        span = [rows[u] for u in units]
        total = calc.column_total(amounts)
        total_row = self.formula_row(
            "Total", "", total, (lambda c: _span_sum(c, span)) if span else None
        )
        self.place_row(self.p.id, table, "total", total_row)
        self.gap()

        def write() -> None:
            for unit, row in rows.items():
                series = amounts.get(unit, Series())
                unit_terms = terms(unit)
                for year in self.years:
                    col = self.col(year)
                    text = None if unit_terms is None else f"={unit_terms(column(col))}"
                    self.formula(row, col, text, series[year])

        self.later(write)
        return rows

    def distribution(self) -> None:
        """2.1: each committee's sum of its units' rows in A (and D and E where the
        proposal's table includes the implementation costs)."""
        stated = self.p.stated.distribution
        include = stated.includes_implementation if stated else False
        rows = calc.distribution(self.p, self.profile, include)
        title = (stated.title if stated else "") or TABLE_NAMES["2.1"]
        tables = ["A", "D", "E"] if include else ["A"]

        def terms(committee: str) -> Terms | None:
            return _signed(
                (1, row)
                for name in tables
                for unit, row in self.technical_rows.get(name, {}).items()
                if self.profile.committee_of(unit) == committee
            )

        self.unit_table("2.1", title, self.profile.sort_units(list(rows)), rows, {}, terms)

    def admin(self) -> None:
        p = self.p
        if not p.admin_rows:
            return
        self.title("Tabel 2. Varige ændringer, administration")
        self.header(f"1.000 kr. {p.price_level} p/l", "")
        rows = []
        for i, r in enumerate(p.admin_rows):
            row = self.label(r.text, "")
            given = dict(r.amounts)  # a year the row leaves blank stays blank
            for year in self.years:
                self.editable(row, self.col(year), given.get(year), AdminAmount(p.id, i, year))
            self.row += 1
            rows.append(row)
        total = self.formula_row(
            "Varige ændringer totalt, administration",
            "",
            calc.admin_total(p),
            lambda c: _span_sum(c, rows),
        )
        self.place_row(p.id, "admin", "total", total)
        self.gap()

    def technical(self) -> None:
        p, profile = self.p, self.profile
        tables = {name: compute(p, profile) for name, compute in calc.TECHNICAL_TABLES.items()}

        def second(name: str) -> Mapping[str, str]:
            stated = p.stated.technical.get(name)
            return stated.appropriations if stated else {}

        def rounded(name: str, unit: str) -> Terms | None:
            groups = self.groups.get(name, [])
            return _signed((1, g.rounded[unit]) for g in groups if unit in g.rounded)

        # A, B and C share their rows, so that each cell of C is the A and B cells beside it
        units = profile.sort_units(set(tables["A"]) | set(tables["B"]) | set(tables["C"]))
        self.technical_rows["A"] = rows_a = self.unit_table(
            "A", TABLE_NAMES["A"], units, tables["A"], second("A"), lambda u: rounded("A", u)
        )
        rows_b = self.unit_table(
            "B",
            TABLE_NAMES["B"],
            units,
            tables["B"],
            second("B"),
            lambda u: _signed(self.b_terms(u)),
        )
        self.unit_table(
            "C",
            TABLE_NAMES["C"],
            units,
            tables["C"],
            second("C"),
            lambda u: _signed([(1, rows_a[u]), (1, rows_b[u])]),
        )
        for name in "DE":
            if tables[name] or name in p.stated.technical:
                self.technical_rows[name] = self.unit_table(
                    name,
                    TABLE_NAMES[name],
                    profile.sort_units(list(tables[name])),
                    tables[name],
                    {},
                    partial(rounded, name),
                )

    def b_terms(self, unit: str) -> list[tuple[int, int]]:
        """Tabel B for ``unit`` (calc.table_b): a line placed with another committee moves
        its share from the unit that carries it to the unit where it is placed; a budget
        move moves its amount."""
        profile, out = self.profile, []
        for g in self.groups.get("A", []):
            placed = g.lines[0].placed
            if placed is None:
                continue
            home = profile.unit(placed)
            for other, row in g.rounded.items():
                if profile.committee_of(other) == profile.committee_of(home):
                    continue
                if other == unit:
                    out.append((-1, row))
                if home == unit:
                    out.append((1, row))
        for move, row in zip(self.p.budget_moves, self.move_rows, strict=True):
            if profile.unit(move.from_unit) == unit:
                out.append((-1, row))
            if profile.unit(move.to_unit) == unit:
                out.append((1, row))
        return out

    # the inputs of the split ------------------------------------------------------------------

    def basis(self) -> None:
        """The keys' weights, the parts of lines split as printed and the budgets moved: input
        cells that the technical tables follow."""
        p = self.p
        if p.keys:
            self.title("Fordelingsnøgler (vægte)")
            self.text(0, "Nøgle / udvalg", self.f.header)
            self.text(1, "Navn i nøglen", self.f.header)
            self.text(self.FIRST_VALUE, "Vægt", self.f.header)
            self.row += 1
            for key in p.keys.values():
                # a key is named by its id: its description is an internal note (docs/format.md)
                self.line(f"Nøgle: {key.name}", self.f.bold)
                first = self.row
                for name, weight in key.weights.items():
                    self.label(self.profile.unit_name(self.profile.unit(name)), name)
                    self.editable(
                        self.row, self.FIRST_VALUE, weight, KeyWeight(p.id, key.name, name)
                    )
                    self.key_rows[key.name, name] = self.row
                    self.row += 1
                self.key_spans[key.name] = (first, self.row - 1)
            self.gap()
        parts = [ln for ln in p.lines if isinstance(ln.booking, Parts)]
        if parts:
            self.title("Linjer fordelt som trykt")
            self.header(f"1.000 kr. {p.price_level} p/l", "Udvalg")
            for line in parts:
                assert isinstance(line.booking, Parts)
                self.line(f"{line.id}: {line.text}", self.f.bold)
                for name, amounts in line.booking.parts.items():
                    self.part_rows[line.id, name] = self.inputs_row(
                        self.profile.unit_name(self.profile.unit(name)),
                        name,
                        amounts,
                        partial(PartAmount, p.id, line.id, name),
                    )
            self.gap()
        if p.budget_moves:
            self.title("Flyttede budgetter (tabel B)")
            self.header(f"1.000 kr. {p.price_level} p/l", "Fra → til")
            for i, move in enumerate(p.budget_moves):
                self.move_rows.append(
                    self.inputs_row(
                        f"Flytning {i + 1}",  # a move's text is internal, like a key's
                        f"{move.from_unit} → {move.to_unit}",
                        move.amounts,
                        partial(MoveAmount, p.id, i),
                    )
                )
            self.gap()

    def share_terms(self, line: Line, unit: str) -> Terms | None:
        """A line's exact share for ``unit`` as a formula over the input cells."""
        profile, row = self.profile, self.line_rows.get(line.id)
        booking = line.booking
        if row is None:
            return None
        if isinstance(booking, ToUnit):
            return (lambda c: f"{c}{row + 1}") if profile.unit(booking.unit) == unit else None
        if isinstance(booking, Parts):
            mine = [self.part_rows[line.id, n] for n in booking.parts if profile.unit(n) == unit]
            return _signed((1, r) for r in mine)
        if isinstance(booking, ByKey):
            key = self.p.keys[booking.key]
            mine = [self.key_rows[key.name, n] for n in key.weights if profile.unit(n) == unit]
            if not mine:
                return None
            a, b = self.key_spans[key.name]
            w = column(self.FIRST_VALUE)
            weight = "+".join(f"${w}${r + 1}" for r in mine)
            return lambda c: f"{c}{row + 1}*({weight})/SUM(${w}${a + 1}:${w}${b + 1})"
        return None

    def apportioning(self) -> None:
        """The helper rows of Tabel A, D and E: each group's exact shares, rounded by the
        largest remainder exactly as :func:`gevinst.core.distribute.apportion` does."""
        p = self.p
        # the core's own groups, so the workbook rounds exactly the lines the core rounds together
        self.groups["A"] = [
            _Group(f"Tabel A, placeret hos {where}" if where else "Tabel A", lines)
            for where, lines in calc.placement_groups(p).items()
        ]
        for name, area in (("D", calc.ANLAEG), ("E", calc.SERVICE)):
            lines = list(calc.section_lines(p, Section.IMPLEMENTATION, area))
            self.groups[name] = [_Group(f"Tabel {name}", lines)] if lines else []
        groups = [g for name in "ADE" for g in self.groups[name]]
        if not groups:
            return
        self.title("Beregning af fordelingen (hjælperækker; største brøkdel som i gevinst)")
        self.line(
            "Hver andel rundes ned til hele 1.000 kr.; de hele der mangler i gruppens "
            "afrundede sum gives til de største rester, ved lighed til den første.",
            self.f.note,
        )
        for g in groups:
            self.group(g)

    def group(self, g: _Group) -> None:
        p, profile = self.p, self.profile
        g.exact = _exact(p, profile, g.lines)
        g.units = list(g.exact)
        final = calc.apportion_lines(p, profile, g.lines)  # the whole shares the rows reach
        self.title(g.title)
        self.header("Udvalg", "")
        exact_rows = {
            u: self._helper(
                profile.unit_name(u),
                u,
                g.exact[u],
                _joined([t for t in (self.share_terms(ln, u) for ln in g.lines) if t]),
            )
            for u in g.units
        }
        total = Series({y: sum((g.exact[u][y] for u in g.units), ZERO) for y in self.years})
        rows = list(exact_rows.values())
        t_row = self._helper("I alt, eksakt", "", total, lambda c: _span_sum(c, rows))
        sign = Series({y: Decimal(-1 if _round(total[y]) < 0 else 1) for y in self.years})
        s_row = self._helper(
            "Fortegn", "", sign, lambda c: f"IF(ROUND({c}{t_row + 1},{PRECISION})<0,-1,1)"
        )

        def scaled(u: str, y: int) -> Decimal:
            return _round(sign[y] * g.exact[u][y])

        def x(c: str, u: str) -> str:
            """The unit's exact share made positive, at nine decimals."""
            return f"ROUND({c}{s_row + 1}*{c}{exact_rows[u] + 1},{PRECISION})"

        def floor_terms(u: str) -> Terms:
            return lambda c: f"INT({x(c, u)})"

        def rest_terms(u: str) -> Terms:
            return lambda c: f"ROUND({x(c, u)}-{c}{floors[u] + 1},{PRECISION})"

        floors: dict[str, int] = {}
        for u in g.units:
            floored = Series({y: _floor(scaled(u, y)) for y in self.years})
            floors[u] = self._helper(
                f"Rundet ned: {profile.unit_name(u)}", u, floored, floor_terms(u)
            )
        rests: dict[str, int] = {}
        for u in g.units:
            rest = Series({y: scaled(u, y) - _floor(scaled(u, y)) for y in self.years})
            rests[u] = self._helper(f"Rest: {profile.unit_name(u)}", u, rest, rest_terms(u))
        missing = Series(
            {
                y: round_whole(_round(sign[y] * total[y]))
                - sum((_floor(scaled(u, y)) for u in g.units), ZERO)
                for y in self.years
            }
        )
        floor_rows = list(floors.values())
        m_row = self._helper(
            "Hele der mangler",
            "",
            missing,
            lambda c: (
                f"ROUND(ROUND({c}{s_row + 1}*{c}{t_row + 1},{PRECISION}),0)"
                f"-{_span_sum(c, floor_rows)}"
            ),
        )
        rest_rows = [rests[u] for u in g.units]
        for i, u in enumerate(g.units):
            g.rounded[u] = self.formula_row(
                f"Fordelt: {profile.unit_name(u)}",
                u,
                final.get(u, Series()),
                self._whole(s_row, floors[u], rests[u], rest_rows, i, m_row),
                total=False,
            )
        self.gap()

    def _whole(
        self, s_row: int, floor: int, rest: int, rests: Sequence[int], i: int, m_row: int
    ) -> Terms:
        """A unit's whole share: its floor, plus one if its rest ranks within the units
        still missing (larger rests first, ties to the earlier unit)."""

        def text(c: str) -> str:
            all_rests = f"{c}{rests[0] + 1}:{c}{rests[-1] + 1}"
            rank = f"1+SUMPRODUCT(({all_rests}>{c}{rest + 1})*1)"
            if i > 0:
                rank += f"+SUMPRODUCT(({c}{rests[0] + 1}:{c}{rests[i - 1] + 1}={c}{rest + 1})*1)"
            return f"{c}{s_row + 1}*({c}{floor + 1}+IF({rank}<={c}{m_row + 1},1,0))"

        return text

    def _helper(
        self, label: str, second: str, amounts: Series, terms: Terms | None, fmt: Any = None
    ) -> int:
        """A helper row: its figures in grey, with three decimals unless ``fmt`` says."""
        row = self.label(label, second)
        fmt = fmt or self.f.helper
        for year in self.years:
            col = self.col(year)
            value = number(amounts[year])
            if terms is None:
                self.ws.write_number(row, col, value, fmt)
            else:
                self.ws.write_formula(row, col, f"={terms(column(col))}", fmt, value)
        self.row += 1
        return row

    # payback ---------------------------------------------------------------------------------

    def payback(self) -> None:
        """Each payback row of Tabel 1 as a formula (calc.payback_from_first_amount): count
        from the first year with an amount to the first year whose cumulative flow is <= 0 and
        stays so; after the table each year adds the last year's permanent change."""
        if not self.payback_rows:
            return
        self.title("Beregning af tilbagebetalingstid (hjælperækker)")
        self.header("", "")
        years = Series({y: Decimal(y) for y in self.years})
        year_row = self._helper("År", "", years, None, self.f.year)
        for basis, row in self.payback_rows.items():
            self._payback(basis, calc.PAYBACK_BASES[basis], row, year_row)
        self.gap()

    def _payback_rows(self, basis: str) -> tuple[Series, list[int], int]:
        """The flows of a basis, the rows that add up to them and the row of the permanent
        part."""
        p, rows = self.p, self.total_rows
        if basis == "service":
            part = calc.permanent(p, calc.SERVICE)
            carry, flow_rows = rows["varig_service"], [rows["varig_service"], rows["impl"]]
        else:
            part = calc.permanent(p)
            carry, flow_rows = rows["varig"], [rows["impact"]]
        return part + calc.implementation(p), flow_rows, carry

    def _payback(self, basis: str, label: str, target: int, year_row: int) -> None:
        flows, flow_rows, carry_row = self._payback_rows(basis)
        a, z = column(self.FIRST_VALUE), column(self.col(self.years[-1]))
        self.line(f"Grundlag: {label}", self.f.bold)
        f_row = self._helper("Beløb", "", flows, _signed((1, r) for r in flow_rows))
        cumulative, running = {}, ZERO
        for y in self.years:
            running += flows[y]
            cumulative[y] = running
        c_row = self._helper(
            "Kumuleret",
            "",
            Series(cumulative),
            lambda c: f"ROUND(SUM(${a}{f_row + 1}:{c}{f_row + 1}),{PRECISION})",
        )
        positive = Series({y: Decimal(y if cumulative[y] > 0 else 0) for y in self.years})
        pos_row = self._helper(
            "År med kumuleret over 0",
            "",
            positive,
            lambda c: f"IF({c}{c_row + 1}>0,{c}${year_row + 1},0)",
            self.f.year,
        )
        result = calc.payback(self.p, basis)
        start_year = flows.first_year()
        flow_range = f"${a}${f_row + 1}:${z}${f_row + 1}"
        start = self._scalar(
            "Første år med beløb",
            f'IF(COUNTIF({flow_range},"<>0")=0,"",'
            f"INDEX(${a}${year_row + 1}:${z}${year_row + 1},"
            f"MATCH(TRUE(),INDEX({flow_range}<>0,0),0)))",
            start_year if start_year is not None else "",
        )
        lastpos, cum_last = f"MAX(${a}${pos_row + 1}:${z}${pos_row + 1})", f"${z}${c_row + 1}"
        carry = f"${z}${carry_row + 1}"
        later = f"{self.years[-1]}+ROUNDUP(ROUND({cum_last}/-{carry},{PRECISION}),0)"
        paid = self._scalar(
            "Tilbagebetalt i år",
            f'IF(OR({start}="",{carry}>0),"",IF({cum_last}<=0,IF({lastpos}=0,{start},{lastpos}+1),'
            f'IF({carry}<0,IF({later}-{start}+1>{HORIZON},"",{later}),"")))',
            result.year if result else "",
        )
        count = self._scalar(
            "Antal år", f'IF({paid}="","",{paid}-{start}+1)', result.years if result else ""
        )

        def write() -> None:
            text = f'=IF({paid}="","ingen",{count}&" år ("&{paid}&")")'
            self.ws.write_formula(target, 1, text, None, calc.payback_text(result))

        self.later(write)

    def _scalar(self, label: str, formula: str, value: int | str) -> str:
        """A helper cell in the first year's column; returns its absolute address."""
        self.label(label, "")
        self.ws.write_formula(self.row, self.FIRST_VALUE, f"={formula}", self.f.year, value)
        self.row += 1
        return f"${column(self.FIRST_VALUE)}${self.row}"


# --- the catalog's sheet -----------------------------------------------------------------------


def _complete(cat: Catalog, table_rows: Iterable[str | None]) -> bool:
    ids = {p.id for p in cat.proposals}
    return all(pid is None or pid in ids for pid in table_rows)


class CatalogSheet(_Sheet):
    """The catalog's summary tables: columns Nr., Forslag, label, Godkendt med, the years,
    Samlet investering and Varig virkning; a proposal's row refers to its own sheet."""

    FIRST_VALUE = 4
    name = KATALOG

    def __init__(
        self, ws: Any, f: _Formats, cat: Catalog, sheets: Mapping[str, ProposalSheet]
    ) -> None:
        super().__init__(ws, f, cat.tables[0].years if cat.tables else ())
        self.cat, self.sheets = cat, sheets

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
        values = max((len(t.years) for t in cat.tables), default=0) + 2
        widths = [(0, 10), (1, 9), (2, 60), (3, 14)]
        widths += [(self.FIRST_VALUE + i, 12) for i in range(values)]
        self.finish(widths, self.FIRST_VALUE + values - 1)

    def links(self, proposal: str) -> tuple[ProposalSheet, int | None, int | None]:
        """A proposal's sheet, its row of the permanent change and of the investment."""
        sheet = self.sheets[proposal]
        rows = sheet.total_rows
        permanent = rows.get("varig")
        if permanent is None and "impl" not in rows:
            permanent = rows.get("impact")  # no investment: the impact is the permanent change
        return sheet, permanent, rows.get("impl")

    def summary_row(self, r: Any, years: Sequence[int], invest: int, steady: int) -> None:
        proposal = r.row.proposal
        linked = proposal is not None and not self.cat.proposal(proposal).catalog_entry_only
        sheet, permanent, impl = (
            self.links(proposal) if proposal is not None else (None, None, None)
        )
        for i, year in enumerate(years):
            text = None
            if sheet is not None and permanent is not None and year in sheet.years:
                text = f"=-{_ref(sheet.name, sheet.col(year), permanent)}"
            self.formula(self.row, self.FIRST_VALUE + i, text, r.effect[year])
        if r.investment is not None:
            text = None
            if sheet is not None and impl is not None and linked:
                a, b = sheet.col(sheet.years[0]), sheet.col(sheet.years[-1])
                text = f"=SUM('{sheet.name}'!{column(a)}{impl + 1}:{column(b)}{impl + 1})"
            self.formula(self.row, invest, text, r.investment)
        text = None
        if sheet is not None and permanent is not None:
            text = f"=-{_ref(sheet.name, sheet.col(sheet.years[-1]), permanent)}"
        self.formula(self.row, steady, text, r.steady_state)

    def place_columns(self, table: str, row: str | None, invest: int) -> None:
        """This row's cells of a summary table, as marks.py names them."""
        if row is not None:
            self.place_row(None, table, row, self.row)
            self.places[Place(None, table, row, INVESTMENT)] = (self.row, invest)

    def summary(self, s: Summary, freeze: bool) -> None:
        t = s.table
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
                self.summary_row(r, t.years, invest, steady)
                self.place_columns(t.id, r.row.proposal, invest)
                self.row += 1
        rows = list(range(first, self.row))
        totals = {invest: s.total_investment(), steady: s.total_steady_state()}
        self.text(2, "I alt", self.f.total_label)
        for i, year in enumerate(t.years):
            totals[self.FIRST_VALUE + i] = s.total_effect()[year]
        for col, value in totals.items():
            self.formula(self.row, col, f"={_span_sum(column(col), rows)}", value, total=True)
        self.place_columns(t.id, "total", invest)
        self.row += 1
        self.line("Effektiviseringsbidrag er vist som positive tal.", self.f.note)
        self.gap()

    def proposals(self) -> None:
        self.title("Forslag i projektmappen")
        for col, head in enumerate(("Ark", "Forslag", "Titel", "Type")):
            self.text(col, head, self.f.header)
        self.row += 1
        for p in self.cat.proposals:
            name = self.sheets[p.id].name
            self.ws.write_url(self.row, 0, f"internal:'{name}'!A1", string=cell_text(name))
            self.text(1, p.id)
            self.text(2, p.title + (" (FORTROLIG)" if p.confidential else ""), self.f.wrap)
            self.text(3, p.type.value)
            self.row += 1


# --- the flat sheet of lines -------------------------------------------------------------------


def _linjer(ws: Any, f: _Formats, cat: Catalog, sheets: Mapping[str, ProposalSheet]) -> None:
    """Every line in every year of its proposal's table, its amount linked to the line's
    input cell, for pivot tables and filters."""
    for col, head in enumerate(LINJER_HEADERS):
        ws.write_string(0, col, head, f.header)
    row = 0
    for p in cat.proposals:
        sheet = sheets[p.id]
        for line in p.lines:
            texts = (p.id, line.id, line.text, KIND_NAMES[line.kind], line.area or "")
            for year in p.years:
                row += 1
                for col, text in enumerate((*texts, booking_label(line.booking))):
                    if text:
                        ws.write_string(row, col, cell_text(text))
                ws.write_number(row, 6, year, f.year)
                amount = line.amounts[year]
                source = sheet.line_rows.get(line.id)
                fmt = f.number(amount)
                if source is None:
                    ws.write_number(row, 7, number(amount), fmt)
                else:
                    link = f"={_ref(sheet.name, sheet.col(year), source)}"
                    ws.write_formula(row, 7, link, fmt, number(amount))
    _fractions(ws, f, (1, 7), (max(row, 1), 7))
    ws.autofilter(0, 0, row, len(LINJER_HEADERS) - 1)
    ws.freeze_panes(1, 2)
    for col, width in enumerate((10, 8, 60, 18, 16, 18, 6, 12)):
        ws.set_column(col, col, width)
    # filtering hides rows and changes no cell; sorting would move the links, so it is locked
    ws.protect("", {**_PROTECTION, "autofilter": True})


# --- the marks -----------------------------------------------------------------------------

DEVIATIONS_INTRO = (
    "Tallene i projektmappen er beregnet af forslagenes egne linjer. Hvor et tal, som "
    "forslaget eller kataloget angiver, afviger fra det beregnede, har cellen en note med "
    "afvigelsens nummer (samme nummer som i PDF- og Word-dokumentet). Listen har dem alle; "
    "kolonnen Celle fører til cellen, hvor projektmappen viser tallet."
)


_DANISH_NUMBER = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?")


def _danish(text: str) -> Decimal | None:
    """A figure the list prints in Danish ("-1.144", "55,6") as a number; None for a text
    ("10 år (2033)", "ikke udfyldt")."""
    if not _DANISH_NUMBER.fullmatch(text):
        return None
    return Decimal(text.replace(".", "").replace(",", "."))


def _note(mark: int, found: Sequence[Deviation]) -> str:
    lines = [f"angivet {d.stated}, beregnet {d.computed}: {d.explanation}" for d in found]
    return cell_text(f"Afvigelse {mark}: " + " / ".join(lines))


def _deviations(
    ws: Any, f: _Formats, marks: Marks, cells: Mapping[Place, tuple[_Sheet, Coord]]
) -> None:
    """Each marked cell's note, and the sheet that lists every difference with a link to
    the cell that shows it."""
    for place, (sheet, (row, col)) in cells.items():
        found = [d for d in marks.deviations if d.place == place]
        mark = marks.number(place)
        assert mark is not None  # only marked places are given
        sheet.ws.write_comment(row, col, _note(mark, found), {"x_scale": 2, "y_scale": 2})
    ws.write_string(0, 0, TITLE, f.title)
    ws.write_string(1, 0, DEVIATIONS_INTRO, f.note)
    for col, head in enumerate((*COLUMNS, "Celle")):
        ws.write_string(3, col, head, f.header)
    if not marks.deviations:
        ws.write_string(4, 1, "Ingen: alle angivne tal er som de beregnede.", f.note)
    for row, d in enumerate(marks.deviations, start=4):
        mark = marks.number(d.place) if d.place is not None else None
        if mark is not None:
            ws.write_number(row, 0, mark)
        ws.write_string(row, 1, cell_text(d.where), f.wrap)
        for col, figure in ((2, d.stated), (3, d.computed)):
            amount = _danish(figure)
            if amount is None:
                ws.write_string(row, col, cell_text(figure))
            else:
                ws.write_number(row, col, number(amount), f.number(amount))
        ws.write_string(row, 4, cell_text(d.explanation), f.wrap)
        if d.place is not None and d.place in cells:
            sheet, (r, c) = cells[d.place]
            ref = f"{sheet.name}!{column(c)}{r + 1}"
            ws.write_url(row, 5, f"internal:{_ref(sheet.name, c, r)}", string=ref)
    for col, width in enumerate((8, 40, 14, 14, 70, 12)):
        ws.set_column(col, col, width)
    ws.freeze_panes(4, 0)
    ws.protect("", _PROTECTION)


# --- the workbook ------------------------------------------------------------------------------


def sheet_names(cat: Catalog) -> dict[str, str]:
    """Each proposal's sheet: its id, made a valid sheet name that no other sheet has."""
    taken = {n.casefold() for n in (KATALOG, LINJER, AFVIGELSER, VERSIONS, "history")}
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


def write_book(wb: Any, cat: Catalog) -> dict[str, dict[Coord, Target]]:
    """Write the sheets of ``cat`` (already selected) into ``wb``, a workbook or a
    :class:`Recorder`; returns each sheet's input cells."""
    f = _Formats(wb)
    names = sheet_names(cat)
    katalog = wb.add_worksheet(KATALOG)
    sheets: dict[str, ProposalSheet] = {}
    for p in cat.proposals:
        sheets[p.id] = ProposalSheet(wb.add_worksheet(names[p.id]), f, p, cat.profile, names[p.id])
        sheets[p.id].write()
    catalog_sheet = CatalogSheet(katalog, f, cat, sheets)
    catalog_sheet.write()
    _linjer(wb.add_worksheet(LINJER), f, cat, sheets)
    complete = all(_complete(cat, (r.proposal for r in t.rows())) for t in cat.tables)
    marks = Marks(cat, with_summary=complete)
    cells = {
        place: (sheet, coord)
        for sheet in (catalog_sheet, *sheets.values())
        for place, coord in sheet.places.items()
        if marks.number(place) is not None
    }
    _deviations(wb.add_worksheet(AFVIGELSER), f, marks, cells)
    return {s.name: s.inputs for s in sheets.values()}


def record(cat: Catalog, options: ExportOptions) -> tuple[Recorder, dict[str, dict[Coord, Target]]]:
    """What :func:`write_xlsx` writes for ``cat`` and ``options``, cell by cell, and what each
    input cell stands for."""
    recorder = Recorder()
    inputs = write_book(recorder, select(cat, options))
    return recorder, inputs


def write_xlsx(cat: Catalog, out: Path, options: ExportOptions) -> None:
    """Write what ``options`` selects of the catalog to ``out``."""
    cat = select(cat, options)
    wb = Workbook(str(out))
    wb.set_properties({"title": cat.title, "author": "gevinst", "company": cat.municipality})
    wb.set_custom_property(PROPERTY_PROPOSAL, options.proposal or ALL)
    wb.set_custom_property(PROPERTY_CONFIDENTIAL, YES if options.include_confidential else NO)
    recorder = _TeeBook(wb)
    inputs = write_book(recorder, cat)
    _write_versions(wb, _versions(cat, recorder, inputs))
    try:
        wb.close()
    except FileCreateError as e:
        # XlsxWriter wraps the OSError that the command line reports as "FILE: reason"
        cause = e.args[0] if e.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise
