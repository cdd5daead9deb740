# SPDX-License-Identifier: MPL-2.0
"""The Excel workbook: live formulas that give the core's figures, also when a spreadsheet
recalculates them, and a lossless way back to the catalog."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gevinst.cli import main
from gevinst.core import calc
from gevinst.core.check import TABLE_NAMES
from gevinst.core.model import Catalog, Proposal
from gevinst.core.summary import summarise
from gevinst.io import layout
from gevinst.io.export import ExportOptions, looks_like_formula, select
from gevinst.io.xlsx_export import CHUNK, DATA, LINJER, write_xlsx
from gevinst.io.xlsx_import import import_xlsx
from gevinst.io.yamlformat import FormatError, load_catalog
from tests.paths import SEED

FULL = ExportOptions(include_confidential=True)
OUR_FORMULA = re.compile(r"^=(SUM|SUMIF)\(|^=[A-Z]+\d+\+[A-Z]+\d+$")
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

Cell = tuple[str, str]  # sheet, coordinate


@pytest.fixture(scope="module")
def exported(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "katalog.xlsx"
    write_xlsx(seed, path, FULL)
    return path


@pytest.fixture(scope="module")
def formulas(exported: Path) -> Workbook:
    return openpyxl.load_workbook(exported)


@pytest.fixture(scope="module")
def cached(exported: Path) -> Workbook:
    return openpyxl.load_workbook(exported, data_only=True)


@pytest.fixture(scope="module")
def recalculated(
    exported: Path, formulas: Workbook, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The workbook recalculated by LibreOffice, once; and a copy stripped of the values the
    formulas carry, recalculated in the same run, which shows that LibreOffice computes."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) er ikke installeret")
    work = tmp_path_factory.mktemp("soffice")
    user = work / "profile" / "user"
    user.mkdir(parents=True)
    # LibreOffice keeps an xlsx file's stored values unless told to recalculate on load
    (user / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS, encoding="utf-8")
    stripped = work / "stripped.xlsx"
    openpyxl.load_workbook(exported).save(stripped)  # openpyxl writes formulas without values
    carried = openpyxl.load_workbook(stripped, data_only=True)
    assert all(carried[sheet][cell].value is None for (sheet, cell), _ in formula_cells(formulas))
    out = work / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(exported),
            str(stripped),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {"original": out / exported.name, "stripped": out / stripped.name}


# --- reading the sheets back --------------------------------------------------------------


def _grid(ws: Worksheet) -> list[tuple[object, ...]]:
    """The sheet's values; row n (1-based, as Excel counts) is ``grid[n - 1]``."""
    return list(ws.iter_rows(values_only=True))


def _table(ws: Worksheet, title: str) -> tuple[dict[int, int], dict[str, int]]:
    """A table of a proposal's sheet: each year's column, and each row label's row."""
    grid = _grid(ws)
    start = next(n for n, row in enumerate(grid, 1) if row[0] == title)
    header = grid[start]  # the row below the title
    years = {int(str(v)): col for col, v in enumerate(header, 1) if col > 2 and v}
    labels: dict[str, int] = {}
    for n, row in enumerate(grid[start + 1 :], start + 2):
        if row[0] is None:
            break
        labels.setdefault(str(row[0]), n)
    return years, labels


class Figures:
    """Compares cells with the core's figures and remembers which cells it compared."""

    def __init__(self, book: Workbook, cat: Catalog) -> None:
        self.book, self.cat, self.profile = book, cat, cat.profile
        self.compared: set[Cell] = set()
        self.wrong: list[str] = []

    def expect(self, ws: Worksheet, row: int, col: int, figure: Decimal | str) -> None:
        cell = ws.cell(row, col)
        self.compared.add((ws.title, cell.coordinate))
        if cell.value != figure:
            self.wrong.append(f"{ws.title}!{cell.coordinate}: {cell.value!r} != {figure}")

    def series(self, ws: Worksheet, title: str, label: str, amounts: Any) -> None:
        years, labels = _table(ws, title)
        for year, col in years.items():
            self.expect(ws, labels[label], col, amounts[year])

    def units(self, ws: Worksheet, title: str, table: dict[str, Any]) -> None:
        for unit, amounts in table.items():
            self.series(ws, title, self.profile.unit_name(unit), amounts)
        self.series(ws, title, "Total", calc.column_total(table))

    def proposal(self, p: Proposal) -> None:
        ws = self.book[p.id]
        title1 = "Tabel 1. Forslagets samlede økonomiske konsekvenser"
        # every formula row of the layout: the subtotals and the total impact
        for shown in layout.table1(p):
            if shown.kind in (layout.Kind.SUBTOTAL, layout.Kind.TOTAL):
                self.series(ws, title1, shown.label, shown.amounts)
        _, labels = _table(ws, title1)
        # a proposal without an investment has no payback, as the template prints it
        paybacks = calc.PAYBACK_BASES.items() if calc.has_investment(p) else ()
        for basis, label in paybacks:
            result = calc.payback(p, basis)
            row = labels[f"Tilbagebetalingstid baseret på {label}"]
            self.expect(ws, row, 2, str(result) if result else "ingen")
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

    def all(self) -> Figures:
        self.catalog()
        for p in self.cat.proposals:
            self.proposal(p)
        return self


def formula_cells(book: Workbook) -> Iterator[tuple[Cell, str]]:
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield (ws.title, c.coordinate), str(c.value)


# --- the workbook ----------------------------------------------------------------------------


def test_totals_are_formulas_over_the_cells_they_add(formulas: Workbook) -> None:
    ws = formulas["BC01"]
    _, labels = _table(ws, "Tabel 1. Forslagets samlede økonomiske konsekvenser")
    first, last = 8, 10  # the three efficiency lines of BC01
    assert ws.cell(first, 1).value == "Effektivisering ved administration af ferie i Koncernservice"
    assert ws.cell(labels["Samlet varig ændring"], 4).value == f"=SUM(D{first}:D{last})"
    service = labels["Samlet varig ændring, service"]
    assert (
        ws.cell(service, 4).value == f"=SUMIF($B${first}:$B${last},$B${service},D{first}:D{last})"
    )
    assert ws.cell(labels["Samlet økonomisk påvirkning"], 4).value == "=SUM(D8:D10,D14:D15)"
    _, a = _table(ws, TABLE_NAMES["A"])
    _, b = _table(ws, TABLE_NAMES["B"])
    _, c = _table(ws, TABLE_NAMES["C"])
    row = c["Koncernservice"]
    assert ws.cell(row, 5).value == f"=E{a['Koncernservice']}+E{b['Koncernservice']}"
    assert str(ws.cell(c["Total"], 5).value).startswith("=SUM(E")
    katalog = formulas["Katalog"]
    i_alt = next(n for n, row in enumerate(_grid(katalog), 1) if row[2] == "I alt")
    assert str(katalog.cell(i_alt, 5).value).startswith("=SUM(E")
    every = dict(formula_cells(formulas))
    assert len(every) > 700
    assert all(OUR_FORMULA.match(f) for f in every.values())


def test_the_values_the_formulas_carry_are_the_cores(
    seed: Catalog, formulas: Workbook, cached: Workbook
) -> None:
    figures = Figures(cached, seed).all()
    assert figures.wrong == []
    assert set(dict(formula_cells(formulas))) <= figures.compared
    ws = cached["BC01"]
    years, labels = _table(ws, "Tabel 1. Forslagets samlede økonomiske konsekvenser")
    assert ws.cell(labels["Samlet varig ændring"], years[2027]).value == -1474
    assert ws.cell(labels["Tilbagebetalingstid baseret på totaløkonomi"], 2).value == "4 år (2028)"


@pytest.mark.parametrize("which", ["original", "stripped"])
def test_a_spreadsheet_recalculating_gets_the_cores_figures(
    seed: Catalog, formulas: Workbook, recalculated: dict[str, Path], which: str
) -> None:
    book = openpyxl.load_workbook(recalculated[which], data_only=True)
    figures = Figures(book, seed).all()
    assert figures.wrong == []
    assert set(dict(formula_cells(formulas))) <= figures.compared


def test_a_workbook_saved_by_libreoffice_reads_back(
    seed: Catalog, recalculated: dict[str, Path]
) -> None:
    assert import_xlsx(recalculated["original"]) == seed


def test_sheets_and_their_layout(seed: Catalog, formulas: Workbook) -> None:
    assert formulas.sheetnames == [
        "Katalog", "BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "Linjer", "Data"
    ]  # fmt: skip
    assert formulas["Data"].sheet_state == "hidden"
    assert formulas["BC01"].freeze_panes == "C4"
    assert formulas["Linjer"].freeze_panes == "C2"
    assert formulas["BC01"].cell(8, 4).number_format == "#,##0;-#,##0"
    linjer = formulas["Linjer"]
    assert [c.value for c in linjer[1]] == [
        "Forslag", "Linje", "Tekst", "Art", "Styringsområde", "Udvalg", "År", "Beløb (1.000 kr.)"
    ]  # fmt: skip
    assert [c.value for c in linjer[4]] == [
        "BC01",
        "e1",
        "Effektivisering ved administration af ferie i Koncernservice",
        "effektivisering",
        "Service",
        "Koncernservice",
        2026,
        -297,
    ]
    e3 = next(r for r in linjer.iter_rows(values_only=True) if r[:2] == ("BC01", "e3"))
    assert e3[5] == "nøgle: ledere"
    # one row per line and year
    assert linjer.max_row - 1 == sum(len(p.years) for p in seed.proposals for _ in p.lines)


# --- back again ------------------------------------------------------------------------------


def test_the_seed_survives_the_round_trip(seed: Catalog, exported: Path) -> None:
    assert import_xlsx(exported) == seed


@pytest.mark.parametrize(
    "options", [ExportOptions(), ExportOptions(proposal="BC01"), ExportOptions(proposal="F1")]
)
def test_a_selection_survives_the_round_trip(
    seed: Catalog, tmp_path: Path, options: ExportOptions
) -> None:
    shown = select(seed, options)
    write_xlsx(shown, tmp_path / "udvalg.xlsx", options)
    assert import_xlsx(tmp_path / "udvalg.xlsx") == shown


def test_a_single_proposal_keeps_only_its_catalog_row(seed: Catalog, tmp_path: Path) -> None:
    options = ExportOptions(proposal="BC02")
    write_xlsx(seed, tmp_path / "bc02.xlsx", options)
    book = openpyxl.load_workbook(tmp_path / "bc02.xlsx")
    assert book.sheetnames == ["Katalog", "BC02", "Linjer", "Data"]
    texts = " ".join(str(c.value) for row in book["Katalog"].iter_rows() for c in row)
    assert "ladestandere" in texts and "Samlet ferieløsning" not in texts
    assert import_xlsx(tmp_path / "bc02.xlsx") == select(seed, options)


def test_a_long_document_is_split_over_cells(seed: Catalog, tmp_path: Path) -> None:
    bc01 = seed.proposal("BC01")
    long = replace(bc01, description="Ferie og fravær – 7 % - @ = + " * 4000)
    cat = replace(seed, proposals=(long, *seed.proposals[1:]))
    write_xlsx(cat, tmp_path / "lang.xlsx", FULL)
    data = openpyxl.load_workbook(tmp_path / "lang.xlsx")[DATA]
    parts = [r for r in data.iter_rows(min_row=2, values_only=True) if r[1] == "BC01"]
    assert len(parts) > 2
    assert [r[2] for r in parts] == list(range(1, len(parts) + 1))
    assert all(len(str(r[4])) <= CHUNK and not looks_like_formula(str(r[4])) for r in parts)
    assert import_xlsx(tmp_path / "lang.xlsx") == cat


def test_text_that_looks_like_a_formula_stays_text(seed: Catalog, tmp_path: Path) -> None:
    bc01 = seed.proposal("BC01")
    evil = '=HYPERLINK("http://example.invalid","klik")'
    lines = (replace(bc01.lines[0], text=evil), *bc01.lines[1:])
    # (an id cannot look like a formula: ids are names of files, letters and digits first)
    p = replace(bc01, title="+45 kr.", lines=lines, heading="@SUM(1)")
    cat = replace(seed, title="-1 katalog", proposals=(p, *seed.proposals[1:]))
    write_xlsx(cat, tmp_path / "ond.xlsx", FULL)
    book = openpyxl.load_workbook(tmp_path / "ond.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert OUR_FORMULA.match(str(c.value)), f"{ws.title}!{c.coordinate}"
                elif isinstance(c.value, str):
                    assert not looks_like_formula(c.value), f"{ws.title}!{c.coordinate}"
    assert book["Linjer"]["C2"].value == "'" + evil
    assert import_xlsx(tmp_path / "ond.xlsx") == cat


def _edit(path: Path, change: Callable[[Workbook], None], out: Path) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(out)
    return out


def _row(book: Workbook, proposal: str, line: str, year: int) -> int:
    rows = book[LINJER].iter_rows(min_row=2, max_col=7, values_only=True)
    return 2 + next(i for i, r in enumerate(rows) if r[0:2] == (proposal, line) and r[6] == year)


def test_an_amount_edited_in_linjer_comes_back(
    seed: Catalog, exported: Path, tmp_path: Path
) -> None:
    def change(book: Workbook) -> None:
        book[LINJER].cell(_row(book, "BC01", "e1", 2026), 8).value = -300
        book[LINJER].cell(_row(book, "F4", "d1", 2025), 8).value = 12.5

    d1 = seed.proposal("F4").line("d1")  # a permanent operating cost of 345
    again = import_xlsx(_edit(exported, change, tmp_path / "rettet.xlsx"))
    bc01 = again.proposal("BC01")
    assert bc01.line("e1").amounts[2026] == -300
    assert calc.permanent(bc01)[2026] == calc.permanent(seed.proposal("BC01"))[2026] - 3
    assert again.proposal("F4").line("d1").amounts[2025] == Decimal("12.5") != d1.amounts[2025]
    unchanged = [p for p in again.proposals if p.id not in {"BC01", "F4"}]
    assert unchanged == [p for p in seed.proposals if p.id not in {"BC01", "F4"}]
    assert [ln for ln in bc01.lines if ln.id != "e1"] == [
        ln for ln in seed.proposal("BC01").lines if ln.id != "e1"
    ]


# --- refused ---------------------------------------------------------------------------------


def _problems(path: Path) -> list[str]:
    with pytest.raises(FormatError) as e:
        import_xlsx(path)
    return [p.message for p in e.value.problems]


def _set(sheet: str, cell: str, value: object) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        book[sheet][cell].value = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(LINJER, "H7", "abc"), "Linjer!H7: 'abc' er ikke et tal"),
        (_set(LINJER, "H7", None), "Linjer!H7: cellen er tom; skriv et tal"),
        (_set(LINJER, "H7", True), "Linjer!H7: 'True' er ikke et tal"),
        (_set(LINJER, "H7", "=H6*2"), "Linjer!H7: formler er ikke tilladt her"),
        (_set(LINJER, "C7", "=H6"), "Linjer!C7: formler er ikke tilladt her"),
        (_set(LINJER, "B12", "x"), "Linjer!B12: linjen 'x' findes ikke i forslaget BC01"),
        (_set(LINJER, "A12", "ZZ"), "Linjer!A12: forslaget 'ZZ' findes ikke i projektmappen"),
        (_set(LINJER, "G7", 2031), "Linjer!G7: linjen 'e1' i forslaget BC01 har ikke året 2031"),
        (_set(LINJER, "G7", 2025.5), "Linjer!G7: '2025.5' er ikke et år"),
        (_set(LINJER, "E7", "Anlæg"), "Linjer!E7: styringsområdet skal være som i forslaget"),
        (_set(LINJER, "D1", "Type"), "Linjer!D1: overskriften skal være 'Art', ikke 'Type'"),
        (_set(DATA, "C3", 0), "Data!C3: 0 er ikke et delnummer"),
        (_set(DATA, "C3", 10**15), "Data: del 1 af forslaget BC01 mangler"),
        (_set(DATA, "A3", "bilag"), "Data!A3: skal være 'katalog' eller 'forslag'"),
        (_set(DATA, "E3", '{"id":"BC01"}'), "Data!E3: forslaget BC01 er ændret i arket Data"),
        (lambda b: b.remove(b[DATA]), "arket 'Data' mangler"),
        (lambda b: b.remove(b[LINJER]), "arket 'Linjer' mangler"),
        (lambda b: b[LINJER].delete_rows(3), "linjen 'e1' i forslaget BC01 mangler året 2025"),
        (lambda b: b[DATA].delete_rows(3), "forslaget 'BC01' står i kataloget, men dets dokument"),
    ],
)
def test_a_broken_workbook_is_refused_with_its_cell(
    exported: Path, tmp_path: Path, change: Callable[[Workbook], None], message: str
) -> None:
    messages = _problems(_edit(exported, change, tmp_path / "brudt.xlsx"))
    assert any(m.startswith(message) or message in m for m in messages), messages


def test_a_row_given_twice_is_refused(exported: Path, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        ws = book[LINJER]
        ws.append([c.value for c in ws[5]])

    [message] = _problems(_edit(exported, change, tmp_path / "dobbelt.xlsx"))
    assert message.endswith("linjen 'e1' i forslaget BC01, år 2027, står også i Linjer!A5")


def _with_document(book: Workbook, row: int, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the JSON of a one-part document and give it a checksum that fits."""
    ws = book[DATA]
    doc = json.loads(str(ws.cell(row, 5).value))
    change(doc)
    text = json.dumps(doc)
    ws.cell(row, 4).value = hashlib.sha256(text.encode()).hexdigest()
    ws.cell(row, 5).value = text


def test_the_documents_pass_the_schema(exported: Path, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        def amount(doc: dict[str, Any]) -> None:
            doc["lines"][0]["amounts"]["2025"] = "abc"

        _with_document(book, 3, amount)

    with pytest.raises(FormatError) as e:
        import_xlsx(_edit(exported, change, tmp_path / "skema.xlsx"))
    [problem] = e.value.problems
    assert (problem.proposal, problem.field) == ("BC01", "lines[0].amounts.2025")
    assert problem.message == "Data!E3: 'abc' er ikke et tal"


def test_a_fraction_with_a_point_in_the_json_is_refused(exported: Path, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        ws = book[DATA]
        text = str(ws["E3"].value).replace('"2025":-149', '"2025":-1.149', 1)
        ws["D3"].value = hashlib.sha256(text.encode()).hexdigest()
        ws["E3"].value = text

    messages = _problems(_edit(exported, change, tmp_path / "punktum.xlsx"))
    assert any("Data!E3: -1.149 er skrevet som et decimaltal" in m for m in messages), messages


def test_broken_json_is_refused(exported: Path, tmp_path: Path) -> None:
    def change(book: Workbook) -> None:
        ws = book[DATA]
        text = str(ws["E3"].value)[:-1]
        ws["D3"].value = hashlib.sha256(text.encode()).hexdigest()
        ws["E3"].value = text

    [message] = _problems(_edit(exported, change, tmp_path / "json.xlsx"))
    assert message.startswith("Data!E3: forslaget BC01 er ikke gyldig JSON")


@pytest.mark.parametrize(
    "content",
    [b"", b"ikke en projektmappe", b"PK\x03\x04" + b"\x00" * 40],
)
def test_a_file_that_is_no_workbook_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "skrald.xlsx"
    path.write_bytes(content)
    [message] = _problems(path)
    assert "kan ikke læses" in message


def test_the_command_line_round_trip(seed: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "katalog.xlsx"
    export = ["export", str(SEED), "--format", "xlsx", "-o", str(out), "--include-confidential"]
    assert main(export) == 0
    assert main(["import", str(out), "-o", str(tmp_path / "igen")]) == 0
    assert load_catalog(tmp_path / "igen") == seed


def test_the_command_line_reports_a_broken_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "skrald.xlsx"
    path.write_text("skrald")
    assert main(["import", str(path), "-o", str(tmp_path / "ud")]) == 2
    assert "kan ikke læses som en Excel-projektmappe" in capsys.readouterr().err


# --- random damage ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(seed: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BC01 alone, with a description long enough to take three cells of the sheet Data."""
    bc01 = seed.proposal("BC01")
    cat = replace(seed, proposals=(replace(bc01, description="x" * (2 * CHUNK + 10)),))
    path = tmp_path_factory.mktemp("lille") / "lille.xlsx"
    write_xlsx(cat, path, FULL)
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
NOT_AN_AMOUNT = JUNK.filter(lambda v: not _number(v))


def _same(old: object, new: object) -> bool:
    """Whether the importer reads both values alike: blank and empty text, 2025 and 2025.0."""
    blank = (None, "")
    if old in blank or new in blank:
        return old in blank and new in blank
    return ((_number(old) and _number(new)) or type(old) is type(new)) and old == new


@st.composite
def damage(draw: st.DrawFn, book: Workbook) -> str:
    """Damage a workbook in a way that must be refused; returns what was done."""
    sheet = draw(st.sampled_from([LINJER, DATA]))
    ws = book[sheet]
    kind = draw(st.sampled_from(["cell", "cell", "cell", "delete", "duplicate", "sheet"]))
    if kind == "sheet":
        if draw(st.booleans()):
            book.remove(ws)
        else:
            ws.title = draw(st.sampled_from(["Ark1", "linjer ", "Data2", "Forslag"]))
        return f"{kind} {sheet}"
    row = draw(st.integers(1, ws.max_row))
    if kind == "delete":
        ws.delete_rows(row)
        return f"delete {sheet}!{row}"
    if kind == "duplicate":
        assume(row > 1)
        ws.append([c.value for c in ws[row]])
        return f"duplicate {sheet}!{row}"
    col = draw(st.integers(1, ws.max_column))
    cell = ws.cell(row, col)
    amount = sheet == LINJER and col == 8 and row > 1  # any number there is a real edit
    value = draw(NOT_AN_AMOUNT if amount else JUNK)
    assume(not _same(cell.value, value))
    cell.value = value
    return f"cell {sheet}!{cell.coordinate} = {value!r}"


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_damage_is_a_format_error_naming_the_sheet(small: Path, data: st.DataObject) -> None:
    book = openpyxl.load_workbook(small)
    done = data.draw(damage(book))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skadet.xlsx"
        book.save(path)
        with pytest.raises(FormatError) as e:
            import_xlsx(path)
    for problem in e.value.problems:
        assert LINJER in problem.message or DATA in problem.message, (done, problem)


@settings(max_examples=30, deadline=None)
@given(content=st.binary(max_size=300), zipped=st.booleans())
def test_any_junk_file_is_a_format_error(content: bytes, zipped: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skrald.xlsx"
        if zipped:
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("[Content_Types].xml", content)
                z.writestr("xl/workbook.xml", content)
        else:
            path.write_bytes(content)
        with pytest.raises(FormatError):
            import_xlsx(path)
