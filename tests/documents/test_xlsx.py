# SPDX-License-Identifier: MPL-2.0
"""The Excel workbook as a working file: every derived figure a live formula over the input
cells, recalculated by LibreOffice to the core's figures, also after an edit; and the edited
input cells applied onto the catalog, every other edit refused with its cell."""

from __future__ import annotations

import csv
import math
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gevinst.cli.main import main
from gevinst.core import calc, layout, template
from gevinst.core.check import TABLE_NAMES
from gevinst.core.errors import FormatError
from gevinst.core.marks import INTRO_TABLE, Marks, Place
from gevinst.core.model import Catalog, Key, Line, Parts, Proposal, Stated
from gevinst.core.selection import ExportOptions
from gevinst.core.series import Series
from gevinst.core.summary import summarise
from gevinst.core.template import printing
from gevinst.documents.xlsx import FRACTION_FORMAT, render_xlsx
from gevinst.format.cells import looks_like_formula
from gevinst.format.reader import load_catalog
from gevinst.format.workbook.names import LINJER
from gevinst.format.writer import version, write_catalog
from gevinst.importers.xlsx import import_onto
from tests.paths import SEED

FULL = ExportOptions(include_confidential=True)
TABLE1 = template.TABLE1_TITLE
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
# LibreOffice's CSV filter: comma, quote, UTF-8, from row 1, cells "as shown", every sheet
AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

Cell = tuple[str, str]  # sheet, coordinate


def libreoffice(work: Path, convert_to: str, *books: Path) -> Path:
    """Open ``books`` in LibreOffice, recalculating every formula, and convert them; returns
    the folder of the results."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) er ikke installeret")
    user = work / "profile" / "user"
    user.mkdir(parents=True, exist_ok=True)
    # LibreOffice keeps an xlsx file's stored values unless told to recalculate on load
    (user / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS, encoding="utf-8")
    out = work / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            convert_to,
            "--outdir",
            str(out),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def stripped(book: Path, out: Path) -> Path:
    """A copy without the values the formulas carry (openpyxl writes formulas alone), so
    that what a spreadsheet then shows it has computed itself."""
    openpyxl.load_workbook(book).save(out)
    carried = openpyxl.load_workbook(out, data_only=True)
    formulas = openpyxl.load_workbook(out)
    assert all(carried[s][c].value is None for (s, c), _ in formula_cells(formulas))
    return out


@pytest.fixture(scope="module")
def exported(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "katalog.xlsx"
    path.write_bytes(render_xlsx(seed, FULL))
    return path


@pytest.fixture(scope="module")
def formulas(exported: Path) -> Workbook:
    return openpyxl.load_workbook(exported)


@pytest.fixture(scope="module")
def cached(exported: Path) -> Workbook:
    return openpyxl.load_workbook(exported, data_only=True)


def _edits(book: Workbook) -> None:
    """Several input cells changed as a finance officer would: a line's amount, a fraction,
    a key's weight, a part of a line split as printed and a moved budget."""
    _input(book, "BC01", "Effektivisering ved administration af ferie i Koncernservice", 2026, -300)
    _input(book, "F4", "Drift af system", 2025, 12.5)
    _input(book, "BC01", "Økonomiudvalget", None, 250, table="Fordelingsnøgler (vægte)")
    _input(book, "F4", "", 2026, 120, table="Flyttede budgetter (tabel B)", first=True)
    _input(book, "F3", "", 2025, 1000, table="Linjer fordelt som trykt", first=True)


def expected_after_edits(seed: Catalog) -> Catalog:
    """The seed with the edits of :func:`_edits`, made by hand on the domain objects."""
    bc01, f3, f4 = (seed.proposal(pid) for pid in ("BC01", "F3", "F4"))
    lines = tuple(
        replace(ln, amounts=Series({**ln.amounts, 2026: Decimal(-300)})) if ln.id == "e1" else ln
        for ln in bc01.lines
    )
    key = bc01.keys["ledere"]
    keys = {
        **bc01.keys,
        "ledere": Key(key.name, key.text, key.kind, {**key.weights, "ØKF": Decimal(250)}),
    }
    bc01 = replace(bc01, lines=lines, keys=keys)
    f4_lines = tuple(
        replace(ln, amounts=Series({**ln.amounts, 2025: Decimal("12.5")})) if ln.id == "d1" else ln
        for ln in f4.lines
    )
    move = f4.budget_moves[0]
    f4 = replace(
        f4,
        lines=f4_lines,
        budget_moves=(
            replace(move, amounts=Series({**move.amounts, 2026: Decimal(120)})),
            *f4.budget_moves[1:],
        ),
    )
    f3 = _f3_with_part(f3)
    changed = {p.id: p for p in (bc01, f3, f4)}
    return replace(seed, proposals=tuple(changed.get(p.id, p) for p in seed.proposals))


def _f3_with_part(f3: Proposal) -> Proposal:
    line = next(ln for ln in f3.lines if isinstance(ln.booking, Parts))
    assert isinstance(line.booking, Parts)
    name = next(iter(line.booking.parts))
    parts = {**line.booking.parts, name: Series({**line.booking.parts[name], 2025: Decimal(1000)})}
    lines = tuple(replace(ln, booking=Parts(parts)) if ln is line else ln for ln in f3.lines)
    return replace(f3, lines=lines)


@pytest.fixture(scope="module")
def recalculated(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """LibreOffice's recalculation, in one run, of: the workbook as exported; a copy without
    the carried values; and a copy with :func:`_edits`, also without carried values."""
    work = tmp_path_factory.mktemp("soffice")
    plain = stripped(exported, work / "stripped.xlsx")
    book = openpyxl.load_workbook(exported)
    _edits(book)
    book.save(work / "edit.xlsx")
    edited = stripped(work / "edit.xlsx", work / "edited.xlsx")
    out = libreoffice(work, "xlsx", exported, plain, edited)
    return {
        "original": out / exported.name,
        "stripped": out / plain.name,
        "edited": out / edited.name,
    }


# --- reading the sheets back --------------------------------------------------------------


def _grid(ws: Worksheet) -> list[tuple[object, ...]]:
    """The sheet's values; row n (1-based, as Excel counts) is ``grid[n - 1]``."""
    return list(ws.iter_rows(values_only=True))


def _table(ws: Worksheet, title: str) -> tuple[dict[int, int], dict[str, int]]:
    """A table of a proposal's sheet: each year's column, and each row label's row."""
    grid = _grid(ws)
    start = next(n for n, row in enumerate(grid, 1) if row[0] == title)
    header = grid[start]  # the row below the title
    years = {int(str(v)): col for col, v in enumerate(header, 1) if col > 2 and str(v).isdigit()}
    labels: dict[str, int] = {}
    for n, row in enumerate(grid[start + 1 :], start + 2):
        if row[0] is None:
            break
        labels.setdefault(str(row[0]), n)
    return years, labels


def _input(
    book: Workbook,
    sheet: str,
    label: str,
    year: int | None,
    value: float | str,
    table: str = TABLE1,
    first: bool = False,
) -> str:
    """Set the input cell of a row (the first row under ``table`` if ``first``) in ``year``
    (or the weight column); returns its coordinate."""
    ws = book[sheet]
    years, labels = _table(ws, table)
    row = next(n for n in sorted(labels.values()) if _is_input(ws, n)) if first else labels[label]
    col = years[year] if year is not None else 3
    cell = ws.cell(row, col)
    assert _is_input(ws, row), f"{sheet}!{cell.coordinate} er ikke en indtastningscelle"
    cell.value = value
    return str(cell.coordinate)


def _is_input(ws: Worksheet, row: int) -> bool:
    return not ws.cell(row, 3).protection.locked


class Figures:
    """Compares cells with the core's figures and remembers which cells it compared."""

    def __init__(self, book: Workbook, cat: Catalog) -> None:
        self.book, self.cat, self.profile = book, cat, cat.profile
        self.compared: set[Cell] = set()
        self.wrong: list[str] = []

    def expect(self, ws: Worksheet, row: int, col: int, figure: Decimal | str) -> None:
        cell = ws.cell(row, col)
        self.compared.add((ws.title, cell.coordinate))
        value = cell.value
        same = value == figure or (
            isinstance(value, float) and math.isclose(value, float(figure), abs_tol=1e-9)
        )
        if not same:
            self.wrong.append(f"{ws.title}!{cell.coordinate}: {value!r} != {figure}")

    def series(self, ws: Worksheet, title: str, label: str, amounts: Any) -> None:
        years, labels = _table(ws, title)
        for year, col in years.items():
            self.expect(ws, labels[label], col, amounts[year])

    def units(self, ws: Worksheet, title: str, table: Mapping[str, Any]) -> None:
        for unit, amounts in table.items():
            self.series(ws, title, self.profile.unit_name(unit), amounts)
        self.series(ws, title, "Total", calc.column_total(table))

    def proposal(self, p: Proposal) -> None:
        ws = self.book[p.id]
        years, _ = _table(ws, TABLE1)
        title = next(n for n, row in enumerate(_grid(ws), 1) if row[0] == TABLE1)
        # Tabel 1 has a sheet row for each row of the layout, in order (labels may repeat)
        printed = printing(self.profile)
        for row, shown in enumerate(layout.table1(p, printed=printed), title + 2):
            assert ws.cell(row, 1).value == (shown.label or None), (p.id, row)
            if shown.kind is layout.Kind.PAYBACK:
                self.expect(ws, row, 2, shown.text)
            elif shown.amounts is not None:
                for year, col in years.items():
                    self.expect(ws, row, col, shown.amounts[year])
        if p.catalog_entry_only:
            return
        d = p.stated.distribution
        title21 = (d.title if d else "") or TABLE_NAMES["2.1"]
        include = d is not None and d.includes_implementation
        self.units(ws, title21, calc.distribution(p, self.profile, include))
        if p.admin_rows:
            title2 = "Tabel 2. Varige ændringer, administration"
            self.series(ws, title2, "Varige ændringer totalt, administration", calc.admin_total(p))
        for name, compute in calc.TECHNICAL_TABLES.items():
            table = compute(p, self.profile)
            if name in "ABC" or table or name in p.stated.technical:
                self.units(ws, TABLE_NAMES[name], table)

    def catalog(self) -> None:
        cat = self.cat
        ws = self.book["Katalog"]
        grid = _grid(ws)
        for t in cat.tables:
            s = summarise(cat, t.id)
            start = next(n for n, row in enumerate(grid, 1) if row[0] == t.title)
            head = next(n for n, row in enumerate(grid, 1) if n > start and row[0] == "Nr.")
            cols = {str(v): col for col, v in enumerate(grid[head - 1], 1) if v}
            row_of: dict[str, int] = {}
            for n, values in enumerate(grid[head:], head + 1):
                if values[2] == "I alt":
                    row_of["I alt"] = n
                    break
                if values[1]:
                    row_of[str(values[1])] = n
            for r in s.rows():
                row = row_of[str(r.row.proposal)]
                for y in t.years:
                    self.expect(ws, row, cols[f"Effektiviseringsbidrag {y}"], r.effect[y])
                self.expect(ws, row, cols["Samlet investering"], r.investment or Decimal(0))
                self.expect(ws, row, cols["Varig virkning"], r.steady_state)
            total = row_of["I alt"]
            for y in t.years:
                self.expect(ws, total, cols[f"Effektiviseringsbidrag {y}"], s.total_effect()[y])
            self.expect(ws, total, cols["Samlet investering"], s.total_investment())
            self.expect(ws, total, cols["Varig virkning"], s.total_steady_state())

    def lines(self) -> None:
        ws = self.book[LINJER]
        for n, row in enumerate(_grid(ws)[1:], 2):
            p = self.cat.proposal(str(row[0]))
            self.expect(ws, n, 8, p.line(str(row[1])).amounts[int(str(row[6]))])

    def all(self) -> Figures:
        self.catalog()
        self.lines()
        for p in self.cat.proposals:
            self.proposal(p)
        return self


def formula_cells(book: Workbook) -> Iterator[tuple[Cell, str]]:
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield (ws.title, c.coordinate), str(c.value)


def _helper_rows(book: Workbook) -> set[Cell]:
    """The cells of the helper blocks (below 'Beregning ...'), checked by recalculation."""
    out: set[Cell] = set()
    for ws in book.worksheets:
        below = False
        for row in ws.iter_rows():
            if isinstance(row[0].value, str) and row[0].value.startswith("Beregning af"):
                below = True
            if below:
                out |= {(ws.title, c.coordinate) for c in row}
    return out


# --- the workbook ----------------------------------------------------------------------------


def test_every_derived_figure_is_a_formula_over_the_inputs(formulas: Workbook) -> None:
    ws = formulas["BC01"]
    years, labels = _table(ws, TABLE1)
    first, last = 8, 10  # the three efficiency lines of BC01, input cells
    assert ws.cell(first, 1).value == "Effektivisering ved administration af ferie i Koncernservice"
    assert all(_is_input(ws, r) for r in range(first, last + 1))
    assert ws.cell(labels["Samlet varig ændring"], 4).value == f"=SUM(D{first}:D{last})"
    service = labels["Samlet varig ændring, service"]
    assert (
        ws.cell(service, 4).value == f"=SUMIF($B${first}:$B${last},$B${service},D{first}:D{last})"
    )
    assert ws.cell(labels["Samlet økonomisk påvirkning"], 4).value == "=SUM(D8:D10,D14:D15)"
    payback = str(ws.cell(labels["Tilbagebetalingstid baseret på totaløkonomi"], 2).value)
    assert payback.startswith("=IF(") and '" år ("' in payback
    _, a = _table(ws, TABLE_NAMES["A"])
    _, b = _table(ws, TABLE_NAMES["B"])
    _, c = _table(ws, TABLE_NAMES["C"])
    row = c["Koncernservice"]
    assert ws.cell(row, 5).value == f"=E{a['Koncernservice']}+E{b['Koncernservice']}"
    # A refers to the helper rows of the largest remainder, which refer to the key's weights
    su = str(ws.cell(a["Socialudvalget"], 5).value)
    assert su.startswith("=E") and str(ws.cell(int(su[2:]), 1).value) == "Fordelt: Socialudvalget"
    _, twoone = _table(ws, "Tabel 2.1.1. Fordeling på udvalg, inkl. implementeringsudgifter")
    assert str(ws.cell(twoone["Økonomiudvalget"], 5).value).startswith("=E")
    katalog = formulas["Katalog"]
    grid = _grid(katalog)
    i_alt = next(n for n, row in enumerate(grid, 1) if row[2] == "I alt")
    assert str(katalog.cell(i_alt, 5).value).startswith("=SUM(E")
    bc01 = next(n for n, row in enumerate(grid, 1) if row[1] == "BC01")
    assert katalog.cell(bc01, 5).value == f"=-'BC01'!D{labels['Samlet varig ændring']}"
    linjer = formulas[LINJER]
    assert linjer["H2"].value == f"='BC01'!{chr(ord('C'))}{first}"
    assert years[2024] == 3
    every = dict(formula_cells(formulas))
    assert len(every) > 3000


def test_the_values_the_formulas_carry_are_the_cores(
    seed: Catalog, formulas: Workbook, cached: Workbook
) -> None:
    figures = Figures(cached, seed).all()
    assert figures.wrong == []
    helpers = _helper_rows(formulas)
    assert set(dict(formula_cells(formulas))) - helpers <= figures.compared
    ws = cached["BC01"]
    years, labels = _table(ws, TABLE1)
    assert ws.cell(labels["Samlet varig ændring"], years[2027]).value == -1474
    assert ws.cell(labels["Tilbagebetalingstid baseret på totaløkonomi"], 2).value == "4 år (2028)"


@pytest.mark.parametrize("which", ["original", "stripped"])
def test_a_spreadsheet_recalculating_gets_the_cores_figures(
    seed: Catalog, formulas: Workbook, recalculated: dict[str, Path], which: str
) -> None:
    book = openpyxl.load_workbook(recalculated[which], data_only=True)
    figures = Figures(book, seed).all()
    assert figures.wrong == []
    assert set(dict(formula_cells(formulas))) - _helper_rows(formulas) <= figures.compared


def test_every_carried_value_is_what_the_spreadsheet_computes(
    formulas: Workbook, cached: Workbook, recalculated: dict[str, Path]
) -> None:
    computed = openpyxl.load_workbook(recalculated["stripped"], data_only=True)
    differ = []
    for (sheet, cell), _ in formula_cells(formulas):
        carried, mine = cached[sheet][cell].value, computed[sheet][cell].value
        numbers = isinstance(carried, int | float) and isinstance(mine, int | float)
        if not (carried == mine or (numbers and math.isclose(carried, mine, abs_tol=1e-9))):
            differ.append(f"{sheet}!{cell}: {carried!r} != {mine!r}")
    assert differ == []


def test_an_edit_recalculated_agrees_with_gevinst_computing_the_same_change(
    seed: Catalog, formulas: Workbook, recalculated: dict[str, Path]
) -> None:
    changed = expected_after_edits(seed)
    book = openpyxl.load_workbook(recalculated["edited"], data_only=True)
    figures = Figures(book, changed).all()
    assert figures.wrong == []
    assert set(dict(formula_cells(formulas))) - _helper_rows(formulas) <= figures.compared
    # the edits reached the figures that depend on them: they are not the seed's any more
    moved = {wrong.split(":")[0] for wrong in Figures(book, seed).all().wrong}
    ws = book["BC01"]
    years, labels = _table(ws, TABLE1)
    _, a = _table(ws, TABLE_NAMES["A"])
    col = get_column_letter(years[2026])
    rows = (labels["Samlet varig ændring"], a["Koncernservice"], a["Økonomiudvalget"])
    assert {f"BC01!{col}{row}" for row in rows} | {"Linjer!H4"} <= moved
    assert all(any(c.startswith(f"{sheet}!") for c in moved) for sheet in ("F3", "F4", "Katalog"))
    # -297 -> -300 in 2026; the key's weight for ØKF 189 -> 250 gives ØU more of e3
    assert ws.cell(labels["Samlet varig ændring"], years[2026]).value == -1147
    after = calc.table_a(changed.proposal("BC01"), seed.profile)["ØU"][2027]
    assert after != calc.table_a(seed.proposal("BC01"), seed.profile)["ØU"][2027]
    assert ws.cell(a["Økonomiudvalget"], years[2027]).value == after


def _variant(bc01: Proposal, pid: str, amounts: dict[str, list[int]]) -> Proposal:
    """BC01 with other amounts per line (2024-2029), every weight of its key 1, and nothing
    stated."""
    lines = tuple(
        replace(
            ln, amounts=Series(dict(zip(bc01.years, map(Decimal, amounts[ln.id]), strict=True)))
        )
        for ln in bc01.lines
    )
    key = bc01.keys["ledere"]
    weights = {name: Decimal(1) for name in key.weights}
    keys = {"ledere": Key(key.name, key.text, key.kind, weights)}
    return replace(bc01, id=pid, lines=lines, keys=keys, admin_rows=(), stated=Stated())


EDGE_CASES = {
    # savings from 2024, the investment in 2026: paid back when the sum turns <= 0 for good,
    # four years after the table ends (docs/calculations.md)
    "STAYS": {"e1": [-100] * 6, "e2": [0] * 6, "e3": [0] * 6, "i1": [0, 0, 1000, 0, 0, 0]},
    # the last year's permanent change is a cost: never paid back
    "NEVER": {"e1": [-500, -500, 0, 0, 0, 50], "e2": [0] * 6, "e3": [0] * 6, "i1": [900] + [0] * 5},
    # 100 split by seven equal weights: 14,29 each, two of the seven get 15 (ties by order);
    # -101 the mirror; 7 and 3,5 and 12,5 a fraction and a half
    "TIES": {
        "e1": [0, 0, 0, 0, 0, 12],
        "e2": [0, 0, 0, 0, 0, 1],
        "e3": [100, -101, 7, 0, -3, 12],
        "i1": [0, 0, 0, 0, 0, 1],
    },
}


def test_payback_and_rounding_formulas_in_the_edge_cases(seed: Catalog, tmp_path: Path) -> None:
    bc01 = seed.proposal("BC01")
    proposals = [_variant(bc01, pid, {**cases, "i2": [0] * 6}) for pid, cases in EDGE_CASES.items()]
    cat = replace(seed, proposals=tuple(proposals), tables=(), statements=())
    stays, never, ties = proposals
    assert str(calc.payback(stays, "total")) == "10 år (2033)"
    assert calc.payback(never, "total") is None
    split = calc.table_a(ties, seed.profile)
    assert sorted(split[u][2024] for u in split if u != "Koncernservice")[-2:] == [15, 15]
    path = tmp_path / "kanter.xlsx"
    path.write_bytes(render_xlsx(cat, FULL))
    out = libreoffice(tmp_path, "xlsx", stripped(path, tmp_path / "kanter-uden.xlsx"))
    book = openpyxl.load_workbook(out / "kanter-uden.xlsx", data_only=True)
    figures = Figures(book, cat)
    for p in cat.proposals:
        figures.proposal(p)
    assert figures.wrong == []
    ws = book["STAYS"]
    _, labels = _table(ws, TABLE1)
    assert ws.cell(labels["Tilbagebetalingstid baseret på totaløkonomi"], 2).value == "10 år (2033)"
    ws = book["NEVER"]
    _, labels = _table(ws, TABLE1)
    assert ws.cell(labels["Tilbagebetalingstid baseret på totaløkonomi"], 2).value == "ingen"


def test_the_edit_imports_onto_the_catalog_as_the_same_change(
    seed: Catalog, recalculated: dict[str, Path]
) -> None:
    result = import_onto(recalculated["edited"], seed)
    assert result.catalog == expected_after_edits(seed)
    assert len(result.changes) == 5
    by_cell = {c.cell: c for c in result.changes}
    e1 = next(c for c in result.changes if c.what.startswith("BC01, linje e1"))
    assert (e1.old, e1.new) == (Decimal(-297), Decimal(-300))
    assert e1.cell.startswith("BC01!E")
    assert "2026" in e1.what and str(e1).endswith("-297 -> -300")
    d1 = next(c for c in result.changes if c.what.startswith("F4, linje d1"))
    assert d1.new == Decimal("12.5") and str(d1).endswith("345 -> 12,5")
    weight = next(c for c in result.changes if "nøglen ledere" in c.what)
    assert (weight.old, weight.new) == (Decimal(189), Decimal(250))
    assert len(by_cell) == 5


def test_a_blank_cell_of_tabel_2_leaves_the_year_blank(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    def change(book: Workbook) -> None:
        ws = book["BC01"]
        _, labels = _table(ws, "Tabel 2. Varige ændringer, administration")
        years, _ = _table(ws, "Tabel 2. Varige ændringer, administration")
        ws.cell(labels["Effekt på administrative udgifter"], years[2026]).value = None

    result = import_onto(_edit(exported, change, tmp_path / "tabel2.xlsx"), seed)
    [blanked] = result.changes
    assert str(blanked).endswith("2026: -1.144 -> tom")
    rows = result.catalog.proposal("BC01").admin_rows
    assert 2026 not in rows[0].amounts and 2027 in rows[0].amounts


def _newer(seed: Catalog, year: int, amount: int, *extra: Line) -> Catalog:
    """The seed where someone has since saved BC01 with line e1 changed in ``year``, and
    ``extra`` lines added."""
    bc01 = seed.proposal("BC01")
    e1 = bc01.line("e1")
    moved = replace(e1, amounts=Series({**e1.amounts, year: Decimal(amount)}))
    lines = tuple(moved if ln.id == "e1" else ln for ln in bc01.lines)
    return replace(seed, proposals=(replace(bc01, lines=(*lines, *extra)), *seed.proposals[1:]))


E1 = "Effektivisering ved administration af ferie i Koncernservice"


def test_an_older_workbook_keeps_the_catalogs_newer_values(seed: Catalog, exported: Path) -> None:
    newer = _newer(seed, 2026, -300)
    result = import_onto(exported, newer)
    assert result.changes == () and result.catalog == newer
    assert result.notes == (
        "BC01: forslaget er ændret i kataloget siden eksporten; projektmappens ændringer er "
        "flettet med katalogets",
    )


def test_an_edit_is_merged_with_a_newer_catalog(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    """The workbook changed 2027, the catalog 2026 and a line was added above Tabel 1's
    totals: the rows moved, and the edit still lands on its line."""
    added = replace(seed.proposal("BC01").line("e1"), id="e9", text="Ny linje")
    newer = _newer(seed, 2026, -300, added)
    book = openpyxl.load_workbook(exported)
    coord = _input(book, "BC01", E1, 2027, -400)
    book.save(tmp_path / "rettet.xlsx")
    result = import_onto(tmp_path / "rettet.xlsx", newer)
    [change] = result.changes
    assert change.cell == f"BC01!{coord}" and str(change).endswith("2027: -297 -> -400")
    e1 = result.catalog.proposal("BC01").line("e1")
    assert (e1.amounts[2026], e1.amounts[2027]) == (Decimal(-300), Decimal(-400))
    assert result.catalog.proposals[1:] == seed.proposals[1:]
    assert result.catalog.proposal("BC01").line("e9") == added


def test_an_edit_of_a_cell_the_catalog_also_changed_is_a_conflict(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(exported)
    coord = _input(book, "BC01", E1, 2026, -310)
    book.save(tmp_path / "begge.xlsx")
    [message] = _problems(tmp_path / "begge.xlsx", _newer(seed, 2026, -300))
    assert message.startswith(f"BC01!{coord}: BC01, linje e1 ({E1}), 2026: ændret både i ")
    assert "projektmappen har -310, kataloget har nu -300 (eksporteret: -297)" in message
    # the same edit on both sides is no conflict and no change
    same = _newer(seed, 2026, -310)
    assert import_onto(tmp_path / "begge.xlsx", same).catalog == same


def _without(cat: Catalog, pid: str) -> Catalog:
    """The catalog with proposal ``pid`` deleted, and its rows of the summary tables."""
    tables = tuple(
        replace(
            t,
            groups=tuple(
                replace(g, rows=tuple(r for r in g.rows if r.proposal != pid)) for g in t.groups
            ),
        )
        for t in cat.tables
    )
    return replace(cat, proposals=tuple(p for p in cat.proposals if p.id != pid), tables=tables)


def test_an_edit_of_a_line_removed_since_the_export_is_refused(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    bc01 = seed.proposal("BC01")
    lines = tuple(ln for ln in bc01.lines if ln.id != "e1")
    effects = tuple(e for e in bc01.effects if e.line != "e1")  # its effect model goes with it
    newer = replace(
        seed, proposals=(replace(bc01, lines=lines, effects=effects), *seed.proposals[1:])
    )
    assert import_onto(exported, newer).catalog == newer
    book = openpyxl.load_workbook(exported)
    coord = _input(book, "BC01", E1, 2026, -300)
    book.save(tmp_path / "rettet.xlsx")
    [message] = _problems(tmp_path / "rettet.xlsx", newer)
    assert message.startswith(f"BC01!{coord}: forslaget BC01 har ikke længere denne indtastning")


def test_proposals_added_and_removed_since_the_export_are_named_once(
    seed: Catalog, tmp_path: Path
) -> None:
    without_f2 = _without(seed, "F2")
    (tmp_path / "uden-f2.xlsx").write_bytes(render_xlsx(without_f2, FULL))
    result = import_onto(tmp_path / "uden-f2.xlsx", seed)
    assert result.changes == () and result.catalog == seed
    assert result.notes == (
        "F2: forslaget er kommet til i kataloget efter eksporten og er ikke i projektmappen",
    )
    book = openpyxl.load_workbook(tmp_path / "uden-f2.xlsx")
    _input(book, "BC01", E1, 2026, -300)
    book.save(tmp_path / "rettet.xlsx")
    result = import_onto(tmp_path / "rettet.xlsx", without_f2)
    assert result.notes == ()
    book = openpyxl.load_workbook(tmp_path / "uden-f2.xlsx")
    _input(book, "F1", "", 2026, 7, first=True)
    coord = _input(book, "BC01", E1, 2026, -300)
    book.save(tmp_path / "f1.xlsx")
    without_f1 = _without(without_f2, "F1")
    [message] = _problems(tmp_path / "f1.xlsx", without_f1)
    assert message.startswith("F1: forslaget findes ikke længere i kataloget; projektmappens")
    assert "(F1!" in message and f"BC01!{coord}" not in message
    untouched = import_onto(tmp_path / "uden-f2.xlsx", without_f1)
    assert untouched.notes == (
        "F1: forslaget findes ikke længere i kataloget; dets ark indlæses ikke",
    )


def test_a_single_proposal_removed_since_the_export(seed: Catalog, tmp_path: Path) -> None:
    (tmp_path / "bc01.xlsx").write_bytes(render_xlsx(seed, ExportOptions(proposal="BC01")))
    gone = _without(seed, "BC01")
    result = import_onto(tmp_path / "bc01.xlsx", gone)
    assert result.catalog == gone and result.changes == ()
    assert result.notes == (
        "BC01: forslaget findes ikke længere i kataloget; dets ark indlæses ikke",
    )
    book = openpyxl.load_workbook(tmp_path / "bc01.xlsx")
    coord = _input(book, "BC01", E1, 2026, -300)
    book["BC01"]["A1"].value = "Min titel"
    book.save(tmp_path / "rettet.xlsx")
    messages = _problems(tmp_path / "rettet.xlsx", gone)
    assert messages == [
        "BC01!A1: rækken er ændret uden for de gule indtastningsceller; kun de gule "
        "indtastningsceller indlæses"
    ]
    book["BC01"]["A1"].value = openpyxl.load_workbook(tmp_path / "bc01.xlsx")["BC01"]["A1"].value
    book.save(tmp_path / "rettet.xlsx")
    [message] = _problems(tmp_path / "rettet.xlsx", gone)
    assert message == (
        f"BC01: forslaget findes ikke længere i kataloget; projektmappens ændringer af det "
        f"(BC01!{coord}) kan ikke indlæses"
    )


def test_the_versions_sheet_holds_ids_hashes_and_numbers_only(
    seed: Catalog, exported: Path, formulas: Workbook
) -> None:
    ws = formulas["gevinst-versioner"]
    assert ws.sheet_state == "veryHidden" and ws.protection.sheet
    assert [c.value for c in ws[2][:2]] == ["BC01", version(seed.proposal("BC01"))]
    words = {str(c.value) for row in ws.iter_rows(min_row=2) for c in row if c.value}
    texts = {ln.text for p in seed.proposals for ln in p.lines} | {p.title for p in seed.proposals}
    assert not any(t in w for t in texts for w in words)


def test_an_edited_versions_sheet_is_refused(exported: Path, seed: Catalog, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        book["gevinst-versioner"]["G2"].value = 1

    [message] = _problems(_edit(exported, change, tmp_path / "snyd.xlsx"), seed)
    assert message.startswith("gevinst-versioner: arket er ændret")


def test_a_workbook_saved_by_libreoffice_has_no_changes(
    seed: Catalog, recalculated: dict[str, Path]
) -> None:
    for which in ("original", "stripped"):
        result = import_onto(recalculated[which], seed)
        assert result.changes == () and result.catalog == seed


def test_sheets_inputs_and_protection(seed: Catalog, formulas: Workbook) -> None:
    assert formulas.sheetnames == [
        "Katalog", "BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "Linjer",
        "Afvigelser", "gevinst-versioner",
    ]  # fmt: skip
    assert all(ws.sheet_state == "visible" for ws in formulas.worksheets[:-1])
    assert all(ws.protection.sheet for ws in formulas.worksheets)
    ws = formulas["BC01"]
    assert ws.freeze_panes == "C4"
    assert ws["D8"].number_format == "#,##0;-#,##0"
    assert not ws["D8"].protection.locked and ws["D8"].fill.fgColor.rgb.endswith("FFF2CC")
    _, labels = _table(ws, TABLE1)
    assert ws.cell(labels["Samlet varig ændring"], 4).protection.locked
    linjer = formulas[LINJER]
    assert linjer.freeze_panes == "C2"
    assert [c.value for c in linjer[1]] == [
        "Forslag", "Linje", "Tekst", "Art", "Styringsområde", "Udvalg", "År", "Beløb (1.000 kr.)"
    ]  # fmt: skip
    assert [c.value for c in linjer[4]][:7] == [
        "BC01",
        "e1",
        "Effektivisering ved administration af ferie i Koncernservice",
        "effektivisering",
        "Service",
        "Koncernservice",
        2026,
    ]
    e3 = next(r for r in linjer.iter_rows(values_only=True) if r[:2] == ("BC01", "e3"))
    assert e3[5] == "nøgle: ledere"
    assert linjer.max_row - 1 == sum(len(p.years) for p in seed.proposals for _ in p.lines)
    # the input cells: every line amount, key weight, part, moved budget and Tabel 2 row
    inputs = sum(
        1 for w in formulas.worksheets for r in w.iter_rows() for c in r if not c.protection.locked
    )
    assert inputs == sum(
        len(p.years) * (len(p.lines) + len(p.budget_moves) + len(p.admin_rows))
        + sum(len(k.weights) for k in p.keys.values())
        + sum(len(p.years) * len(getattr(ln.booking, "parts", {})) for ln in p.lines)
        for p in seed.proposals
    )


def test_there_is_no_hidden_copy_of_the_documents(exported: Path, seed: Catalog) -> None:
    with zipfile.ZipFile(exported) as z:
        text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert "Data" not in openpyxl.load_workbook(exported).sheetnames
    assert 'state="hidden"' not in text
    for p in seed.proposals:
        for remark in p.remarks:
            assert remark[:40] not in text


def test_a_fraction_keeps_its_decimals(seed: Catalog, tmp_path: Path) -> None:
    """12,5 shows 12,5 in the cell as LibreOffice shows it, not 13; an edit to a fraction
    gets a format that shows its decimals."""
    f4 = seed.proposal("F4")
    d1 = next(ln for ln in f4.lines if ln.id == "d1")
    lines = tuple(
        replace(ln, amounts=Series({**ln.amounts, 2025: Decimal("12.5")})) if ln is d1 else ln
        for ln in f4.lines
    )
    cat = replace(seed, proposals=(replace(f4, lines=lines),))
    path = tmp_path / "brøk.xlsx"
    path.write_bytes(render_xlsx(cat, ExportOptions(proposal="F4", include_confidential=True)))
    book = openpyxl.load_workbook(path)
    ws = book["F4"]
    years, labels = _table(ws, TABLE1)
    cell = ws.cell(labels["Drift af system"], years[2025])
    assert (cell.value, cell.number_format) == (12.5, "#,##0.0;-#,##0.0")
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any(r.dxf.numFmt.formatCode == FRACTION_FORMAT for r in rules)
    out = libreoffice(tmp_path, AS_SHOWN, path)
    with (out / "brøk-F4.csv").open(encoding="utf-8") as f:
        shown = {row[0]: row for row in csv.reader(f) if row}
    assert shown["Drift af system"][3] == "12.5"
    assert shown["Samlet varig ændring"][3] == "-897.5"  # -910 + 12,5
    assert shown["Effektivisering"][4] == "-2,455"  # whole thousands keep their separator


# --- selections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options", [ExportOptions(), ExportOptions(proposal="BC01"), ExportOptions(proposal="F1")]
)
def test_a_selection_imports_onto_the_catalog_without_changes(
    seed: Catalog, tmp_path: Path, options: ExportOptions
) -> None:
    (tmp_path / "udvalg.xlsx").write_bytes(render_xlsx(seed, options))
    result = import_onto(tmp_path / "udvalg.xlsx", seed)
    assert result.changes == () and result.catalog == seed


def test_a_single_proposal_keeps_only_its_catalog_row(seed: Catalog, tmp_path: Path) -> None:
    options = ExportOptions(proposal="BC02")
    (tmp_path / "bc02.xlsx").write_bytes(render_xlsx(seed, options))
    book = openpyxl.load_workbook(tmp_path / "bc02.xlsx")
    assert book.sheetnames == ["Katalog", "BC02", "Linjer", "Afvigelser", "gevinst-versioner"]
    texts = " ".join(str(c.value) for row in book["Katalog"].iter_rows() for c in row)
    assert "ladestandere" in texts and "Samlet ferieløsning" not in texts


def test_a_confidential_proposal_shown_as_published_cannot_be_edited(
    seed: Catalog, tmp_path: Path
) -> None:
    secret = replace(seed.proposal("BC01"), confidential=True)
    cat = replace(seed, proposals=(secret, *seed.proposals[1:]))
    (tmp_path / "offentlig.xlsx").write_bytes(render_xlsx(cat, ExportOptions()))
    book = openpyxl.load_workbook(tmp_path / "offentlig.xlsx")
    coord = _input(book, "BC01", "Samlet varig ændring", 2026, -1)
    book.save(tmp_path / "rettet.xlsx")
    [message] = _problems(tmp_path / "rettet.xlsx", cat)
    assert message.startswith(f"BC01!{coord}: forslaget BC01 er fortroligt")


def test_text_that_looks_like_a_formula_stays_text(seed: Catalog, tmp_path: Path) -> None:
    bc01 = seed.proposal("BC01")
    evil = '=HYPERLINK("http://example.invalid","klik")'
    lines = (replace(bc01.lines[0], text=evil), *bc01.lines[1:])
    p = replace(bc01, title="+45 kr.", lines=lines, heading="@SUM(1)")
    cat = replace(seed, title="-1 katalog", proposals=(p, *seed.proposals[1:]))
    (tmp_path / "ond.xlsx").write_bytes(render_xlsx(cat, FULL))
    book = openpyxl.load_workbook(tmp_path / "ond.xlsx")
    ours = set(dict(formula_cells(openpyxl.load_workbook(tmp_path / "ond.xlsx"))).values())
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f" and isinstance(c.value, str):
                    assert not looks_like_formula(c.value), f"{ws.title}!{c.coordinate}"
    assert not any("HYPERLINK" in f for f in ours)
    assert book["Linjer"]["C2"].value == "'" + evil
    assert import_onto(tmp_path / "ond.xlsx", cat).changes == ()


# --- marks ----------------------------------------------------------------------------------


def test_every_difference_is_listed_and_noted_in_its_cell(
    seed: Catalog, formulas: Workbook
) -> None:
    marks = Marks(seed)
    ws = formulas["Afvigelser"]
    assert ws["A1"].value == "Afvigelser fra de angivne tal"
    assert [c.value for c in ws[4]] == [
        "Mærke",
        "Hvor",
        "Angivet",
        "Beregnet",
        "Forklaring",
        "Celle",
    ]
    rows = list(ws.iter_rows(min_row=5))
    assert len(rows) == len(marks.deviations) > 100
    linked = set()
    for row, d in zip(rows, marks.deviations, strict=True):
        number = marks.number(d.place) if d.place is not None else None
        assert (row[0].value, row[1].value, row[4].value) == (number, d.where, d.explanation)
        if row[5].value is None:
            continue
        sheet, coord = str(row[5].value).split("!")
        link = row[5].hyperlink
        assert link is not None and link.location == f"'{sheet}'!{coord}"
        note = formulas[sheet][coord].comment.text
        assert note.startswith(f"Afvigelse {number}: ")
        assert f"angivet {d.stated}, beregnet {d.computed}: {d.explanation}" in note
        linked.add((sheet, coord))
    noted = {
        (w.title, c.coordinate) for w in formulas.worksheets for r in w.iter_rows() for c in r
        if c.comment
    }  # fmt: skip
    assert noted == linked and len(noted) > 100


def _noted(book: Workbook, marks: Marks, place: Place) -> tuple[Any, Any]:
    """The row of Afvigelser with the mark of ``place``, and the cell its link leads to (None
    where the workbook does not show the figure)."""
    number = marks.number(place)
    row = next(r for r in book["Afvigelser"].iter_rows(min_row=5) if r[0].value == number)
    if row[5].value is None:
        return row, None
    sheet, coord = str(row[5].value).split("!")
    return row, book[sheet][coord]


def _seed_places(seed: Catalog) -> dict[str, Place]:
    """Differences of the seed, by the place marks.py gives them (not by their wording)."""
    tabel_a = next(
        d.place
        for d in Marks(seed).deviations
        if d.place is not None
        and (d.place.proposal, d.place.table, d.place.column) == ("BC01", "A", 2027)
        and seed.profile.unit_name(d.place.row) == "Økonomiudvalget"
    )
    return {
        "catalog": Place(None, seed.tables[0].id, "BC01", 2027),
        "payback": Place("F2", "1", "payback_service", None),
        "tabel_a": tabel_a,
        "empty": Place("BC02", "C", "", None),
        "intro": Place(None, INTRO_TABLE, seed.statements[0].table, seed.statements[0].year),
    }


def test_the_seeds_differences_are_noted_where_the_figures_are(
    seed: Catalog, cached: Workbook
) -> None:
    places, marks = _seed_places(seed), Marks(seed)
    listed, bc01 = _noted(cached, marks, places["catalog"])
    assert bc01.value == 1474 and "angivet 1.144, beregnet 1.474: " in bc01.comment.text
    assert cached["Katalog"].cell(bc01.row, 2).value == "BC01"
    assert [listed[i].value for i in (2, 3)] == [1144, 1474]
    _, payback = _noted(cached, marks, places["payback"])
    assert payback.value == "10 år (2033)" and "angivet 11, beregnet 10 år (2033)" in (
        payback.comment.text
    )
    _, tabel_a = _noted(cached, marks, places["tabel_a"])
    assert tabel_a.value == -188 and "angivet -189, beregnet -188" in tabel_a.comment.text
    assert cached["BC01"].cell(tabel_a.row, 1).value == "Økonomiudvalget"
    _, empty = _noted(cached, marks, places["empty"])
    assert str(empty.value).startswith("Tabel C") and "ikke udfyldt" in empty.comment.text
    # the intro is not in the workbook: listed with its mark, without a cell
    intro, none = _noted(cached, marks, places["intro"])
    assert [intro[i].value for i in (2, 3)] == [55.6, 56] and none is None


def test_the_notes_survive_libreoffice_and_show_its_figures(
    seed: Catalog, recalculated: dict[str, Path]
) -> None:
    """LibreOffice recalculates the noted cells to the computed figures and keeps the notes."""
    book = openpyxl.load_workbook(recalculated["stripped"], data_only=True)
    places, marks = _seed_places(seed), Marks(seed)
    for name, figure in (("catalog", 1474), ("tabel_a", -188), ("payback", "10 år (2033)")):
        _, cell = _noted(book, marks, places[name])
        assert cell.value == figure and cell.comment is not None


# --- refused ---------------------------------------------------------------------------------


def _problems(path: Path, onto: Catalog) -> list[str]:
    with pytest.raises(FormatError) as e:
        import_onto(path, onto)
    return [p.message for p in e.value.problems]


def _edit(path: Path, change: Callable[[Workbook], None], out: Path) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(out)
    return out


def _set(sheet: str, cell: str, value: object) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        book[sheet][cell].value = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("BC01", "D8", "abc"), "BC01!D8: 'abc' er ikke et tal"),
        (_set("BC01", "D8", None), "BC01!D8: cellen er tom; skriv et tal (0 for intet)"),
        (_set("BC01", "D8", True), "BC01!D8: 'True' er ikke et tal"),
        (_set("BC01", "D8", "=D9*2"), "BC01!D8: en indtastningscelle skal holde et tal"),
        (_set("BC01", "D12", -1), "BC01!D12: cellen er beregnet (=SUM(D8:D10))"),
        (_set(LINJER, "H4", -300), "Linjer!H4: cellen er beregnet (='BC01'!E8)"),
        (_set(LINJER, "H4", -300), "; ret tallet i BC01!E8"),
        (_set("BC01", "A8", "Ny tekst"), "BC01!A8: cellen skal holde 'Effektivisering ved"),
        (_set("Katalog", "Z90", "min note"), "Katalog!Z90: cellen skal være tom"),
        (_set(LINJER, "G4", 2031), "Linjer!G4: cellen skal holde '2026', ikke '2031'"),
        (lambda b: b.create_sheet("Mine tal"), "Mine tal: arket er ikke gevinsts"),
        (lambda b: b.remove(b["F2"]), "F2: arket mangler i projektmappen"),
        (lambda b: b.remove(b[LINJER]), "Linjer: arket mangler i projektmappen"),
    ],
)
def test_an_edit_that_cannot_be_applied_is_refused_with_its_cell(
    seed: Catalog,
    exported: Path,
    tmp_path: Path,
    change: Callable[[Workbook], None],
    message: str,
) -> None:
    messages = _problems(_edit(exported, change, tmp_path / "brudt.xlsx"), seed)
    assert any(m.startswith(message) or message in m for m in messages), messages


def test_a_key_without_weight_is_refused_with_its_cells(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    def change(book: Workbook) -> None:
        ws = book["BC01"]
        _, labels = _table(ws, "Fordelingsnøgler (vægte)")
        for row in labels.values():
            if _is_input(ws, row):
                ws.cell(row, 3).value = 0

    messages = _problems(_edit(exported, change, tmp_path / "nul.xlsx"), seed)
    assert len(messages) == 1 and "nøglen ledere skal have en vægt over 0" in messages[0]
    assert messages[0].startswith("BC01!C")


def test_a_negative_weight_is_refused(seed: Catalog, exported: Path, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        _input(book, "BC01", "Socialudvalget", None, -5, table="Fordelingsnøgler (vægte)")

    [message] = _problems(_edit(exported, change, tmp_path / "neg.xlsx"), seed)
    assert "en vægt i nøglen ledere kan ikke være negativ" in message


def test_a_workbook_not_written_by_gevinst_is_refused(seed: Catalog, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "fremmed.xlsx")
    [message] = _problems(tmp_path / "fremmed.xlsx", seed)
    assert "mangler gevinsts egenskaber" in message


@pytest.mark.parametrize("content", [b"", b"ikke en projektmappe", b"PK\x03\x04" + b"\x00" * 40])
def test_a_file_that_is_no_workbook_is_refused(
    seed: Catalog, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "skrald.xlsx"
    path.write_bytes(content)
    [message] = _problems(path, seed)
    assert "kan ikke læses" in message


# --- the command -----------------------------------------------------------------------------


def test_the_command_lists_the_changes_and_writes_them(
    seed: Catalog, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.load_workbook(exported)
    _input(book, "BC01", "Effektivisering ved administration af ferie i Koncernservice", 2026, -300)
    book.save(tmp_path / "rettet.xlsx")
    args = ["import", str(tmp_path / "rettet.xlsx"), "--onto", str(SEED)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 ændringer i forhold til" in out
    assert "BC01!E8: BC01, linje e1 (Effektivisering ved administration af ferie" in out
    assert "2026: -297 -> -300" in out and "intet er skrevet (--dry-run)" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rettet.xlsx"]
    assert main([*args, "-o", str(tmp_path / "ny")]) == 0
    assert "9 forslag skrevet til" in capsys.readouterr().out
    again = load_catalog(tmp_path / "ny")
    assert again.proposal("BC01").line("e1").amounts[2026] == -300
    assert again.proposals[1:] == seed.proposals[1:]


def test_the_command_says_what_changed_in_the_catalog_since_the_export(
    seed: Catalog, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nyere"
    write_catalog(_newer(seed, 2026, -300), folder)
    assert main(["import", str(exported), "--onto", str(folder), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ingen ændringer i forhold til" in out
    assert f"{exported}: BC01: forslaget er ændret i kataloget siden eksporten" in out


def test_the_command_writes_nothing_on_a_conflict(
    seed: Catalog, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nyere"
    write_catalog(_newer(seed, 2026, -300), folder)
    book = openpyxl.load_workbook(exported)
    coord = _input(book, "BC01", E1, 2026, -310)
    book.save(tmp_path / "begge.xlsx")
    args = [
        "import",
        str(tmp_path / "begge.xlsx"),
        "--onto",
        str(folder),
        "-o",
        str(tmp_path / "ny"),
    ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"begge.xlsx: BC01!{coord}: BC01, linje e1" in err and "Traceback" not in err
    assert "projektmappen har -310, kataloget har nu -300" in err
    assert not (tmp_path / "ny").exists()


def test_the_command_writes_nothing_when_an_edit_is_refused(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(exported, _set("BC01", "D12", -1), tmp_path / "brudt.xlsx")
    args = ["import", str(tmp_path / "brudt.xlsx"), "--onto", str(SEED), "-o", str(tmp_path / "ny")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "BC01!D12: cellen er beregnet" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brudt.xlsx"]


def test_a_workbook_without_onto_is_refused_with_the_way_to_do_it(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(exported), "-o", str(tmp_path / "ny")]) == 2
    assert "--onto KATALOG" in capsys.readouterr().err
    assert not (tmp_path / "ny").exists()


# --- random damage ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lille") / "lille.xlsx"
    path.write_bytes(render_xlsx(seed, ExportOptions(proposal="BC01", include_confidential=True)))
    return path


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# text that a cell can hold (openpyxl refuses control characters)
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
JUNK = st.one_of(
    CELL_TEXT,
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    CELL_TEXT.map(lambda s: "=" + s + "1"),
    st.datetimes(),
)


def _same(old: object, new: object) -> bool:
    """Whether the importer reads both values alike: blank and empty text, 2 and 2.0."""
    blank = (None, "")
    if old in blank or new in blank:
        return old in blank and new in blank
    return ((_number(old) and _number(new)) or type(old) is type(new)) and old == new


@st.composite
def damage(draw: st.DrawFn, book: Workbook) -> str:
    """Change a cell that is not an input, or a sheet: it must be refused."""
    sheet = draw(st.sampled_from(book.sheetnames))
    ws = book[sheet]
    kind = draw(st.sampled_from(["cell", "cell", "cell", "sheet"]))
    if kind == "sheet":
        if draw(st.booleans()):
            book.remove(ws)
        else:
            ws.title = draw(st.sampled_from(["Ark1", "linjer ", "Data", "Forslag"]))
        return f"{kind} {sheet}"
    cell = ws.cell(draw(st.integers(1, ws.max_row + 2)), draw(st.integers(1, ws.max_column + 2)))
    assume(cell.protection.locked)
    value = draw(JUNK)
    assume(not _same(cell.value, value))
    cell.value = value
    return f"cell {sheet}!{cell.coordinate} = {value!r}"


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_damage_is_refused_naming_the_sheet(
    seed: Catalog, small: Path, data: st.DataObject
) -> None:
    book = openpyxl.load_workbook(small)
    done = data.draw(damage(book))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skadet.xlsx"
        book.save(path)
        with pytest.raises(FormatError) as e:
            import_onto(path, seed)
    names = {"Katalog", "BC01", LINJER, "Ark1", "linjer ", "Data", "Forslag", "Afvigelser"}
    names.add("gevinst-versioner")
    for problem in e.value.problems:
        assert any(problem.message.startswith(n) for n in names), (done, problem)


@settings(max_examples=30, deadline=None)
@given(content=st.binary(max_size=300), zipped=st.booleans())
def test_any_junk_file_is_a_format_error(content: bytes, zipped: bool) -> None:
    onto = load_catalog(SEED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skrald.xlsx"
        if zipped:
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("[Content_Types].xml", content)
                z.writestr("xl/workbook.xml", content)
        else:
            path.write_bytes(content)
        with pytest.raises(FormatError):
            import_onto(path, onto)


def test_no_internal_note_is_in_the_workbook(seed: Catalog, formulas: Workbook) -> None:
    """Remarks and the descriptions of keys and moved budgets are internal (docs/format.md):
    no cell of any sheet, hidden ones included, holds one."""
    internal = {
        text
        for p in seed.proposals
        for text in (
            *p.remarks,
            *(k.text for k in p.keys.values()),
            *(mv.text for mv in p.budget_moves),
        )
        if text
    }
    assert internal  # the seed has such notes, so the test can fail
    cells = {
        str(cell.value)
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert not {t for t in internal if any(t in c for c in cells)}
