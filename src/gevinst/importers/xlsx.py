# SPDX-License-Identifier: MPL-2.0
"""Apply an edited workbook (:mod:`gevinst.format.workbook`) onto the current catalog.

The workbook holds no hidden copy of the catalog's documents. Its very hidden sheet
``gevinst-versioner`` records what it was exported from: each proposal's version, each
yellow input cell's value, and a fingerprint of each row's other cells. The import merges
three ways, input by input (docs/xlsx-layout.md):

- the workbook changed the value and the catalog did not: a change, applied;
- the catalog changed it since the export and the workbook did not: the catalog's stays;
- both changed it, to different values: a conflict, named with its cell and both values;
- any other cell that differs from the export (a formula, a figure, a text, a cell outside
  the tables, a sheet added or removed) cannot be applied and is refused with its sheet
  and cell, so that nothing is ever dropped without a word.

All or nothing: every problem is collected, each naming its sheet and cell, and changes are
returned only if there are none. Proposals added to or removed from the catalog since the
export are reported as notes (an edit of a removed one as a problem).
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gevinst.core.errors import FormatError, Problem
from gevinst.core.model import (
    AdminRow,
    Catalog,
    Key,
    Line,
    Parts,
    Proposal,
    UnknownProposalError,
)
from gevinst.core.numbers import amount_problem, dk
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import ZERO, Series
from gevinst.format.workbook.book import record
from gevinst.format.workbook.names import (
    ALL,
    NO,
    PROPERTY_CONFIDENTIAL,
    PROPERTY_PROPOSAL,
    PROPERTY_VERSIONS,
    VERSIONS,
    YES,
    column,
)
from gevinst.format.workbook.recorder import Expected, RecordedSheet, Recorder
from gevinst.format.workbook.sheetwriter import Coord
from gevinst.format.workbook.targets import (
    AdminAmount,
    KeyWeight,
    LineAmount,
    MoveAmount,
    PartAmount,
    Target,
    target_of,
)
from gevinst.format.workbook.versions import fingerprint, formula_key, sheet_hash, token
from gevinst.format.writer import version
from gevinst.format.yamlsource import YamlError, read_bytes

AnyCell = Cell | MergedCell
# the seed's whole catalog exports to 0,16 MB
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
_LINK = re.compile(r"^='?([^'!]+)'?!([A-Z]+\d+)$")


def _ref(sheet: str, coord: Coord) -> str:
    return f"{sheet}!{column(coord[1])}{coord[0] + 1}"


@dataclass(frozen=True)
class Change:
    """An input cell whose value differs from the catalog's."""

    cell: str  # "BC01!E8"
    what: str  # "BC01, linje e1 (...), 2026"
    old: Decimal | None
    new: Decimal | None

    def __str__(self) -> str:
        return f"{self.cell}: {self.what}: {dk(self.old, 'tom')} -> {dk(self.new, 'tom')}"


@dataclass(frozen=True)
class Imported:
    catalog: Catalog  # the catalog with the changes applied
    changes: tuple[Change, ...]
    # amounts that may be a Danish thousand separator read as a decimal point (1,144), then
    # the proposals changed, added or removed in the catalog since the export
    notes: tuple[str, ...] = ()


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[Problem] = []

    def bad(self, where: str, message: str) -> None:
        self.found.append(Problem(self.path, None, None, "", f"{where}: {message}"))

    def fail(self) -> None:
        if self.found:
            raise FormatError(self.found)


def _problem(path: Path, message: str) -> FormatError:
    return FormatError([Problem(path, None, None, "", message)])


def _open(path: Path) -> Workbook:
    try:
        data = read_bytes(path, MAX_WORKBOOK_BYTES)
    except YamlError as e:
        raise _problem(path, e.message) from None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features of a workbook that it does not read
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data))
    except Exception as e:  # openpyxl fails on a damaged file with many kinds of error
        raise _problem(
            path, f"filen kan ikke læses som en Excel-projektmappe ({type(e).__name__}: {e})"
        ) from None


def _properties(book: Workbook) -> dict[str, object]:
    # openpyxl reads custom properties since 3.1, and its stubs do not know them yet
    custom = getattr(book, "custom_doc_props", None)
    return {p.name: p.value for p in getattr(custom, "props", ())}


def _options(path: Path, book: Workbook) -> ExportOptions:
    """The selection the workbook was exported with, from its document properties."""
    props = _properties(book)
    proposal, confidential = props.get(PROPERTY_PROPOSAL), props.get(PROPERTY_CONFIDENTIAL)
    if not isinstance(proposal, str) or confidential not in (YES, NO):
        raise _problem(
            path,
            f"projektmappen mangler gevinsts egenskaber ({PROPERTY_PROPOSAL}, "
            f"{PROPERTY_CONFIDENTIAL}); den er ikke skrevet af gevinst export",
        )
    return ExportOptions(None if proposal == ALL else proposal, confidential == YES)


# --- reading cells ---------------------------------------------------------------------------


def _shown(value: object) -> str:
    return repr(str(value))


def _same(cell: AnyCell, expected: Expected | None) -> bool:
    value = cell.value
    if expected is None:
        return value is None or value == ""
    kind, want = expected
    if kind == "f":
        return cell.data_type == "f" and formula_key(str(value)) == formula_key(str(want))
    if cell.data_type == "f":
        return False
    if kind == "n":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and isinstance(want, int | float)
            and math.isclose(value, want, rel_tol=1e-12, abs_tol=1e-12)
        )
    return value == want


def _why(expected: Expected | None, value: object) -> str:
    """Why a cell that is not an input cannot be read, and where to edit instead."""
    if expected is None:
        return (
            f"cellen skal være tom, men holder {_shown(value)}; kun de gule indtastningsceller "
            "indlæses (skriv egne noter i en anden projektmappe)"
        )
    kind, want = expected
    if kind != "f":
        return (
            f"cellen skal holde {_shown(want)}, ikke {_shown(value)}; kun de gule "
            "indtastningsceller indlæses"
        )
    link = _LINK.match(str(want))
    where = f"; ret tallet i {link[1]}!{link[2]}" if link else ""
    return (
        f"cellen er beregnet ({want}) og er ændret til {_shown(value)}; kun de gule "
        f"indtastningsceller indlæses{where}"
    )


def _amount(problems: _Problems, where: str, cell: AnyCell, blank_ok: bool) -> Decimal | None:
    """The number an input cell holds; None for a blank cell where that is allowed."""
    value = cell.value
    if cell.data_type == "f":
        problems.bad(where, "en indtastningscelle skal holde et tal, ikke en formel")
    elif value is None or value == "":
        if not blank_ok:
            problems.bad(where, "cellen er tom; skriv et tal (0 for intet)")
    elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.bad(where, f"{_shown(value)} er ikke et tal")
    else:
        # a float's repr is the shortest text that reads back as the same float
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if (problem := amount_problem(number)) is None:
            return number
        problems.bad(where, problem)
    return None


def _thousands_warning(where: str, t: Target, value: Decimal | None) -> str | None:
    """A warning for an amount with one to three decimals (1,144): what a Danish "1.144"
    becomes in a sheet with English settings, a thousand times too small. A key's weights
    may be fractions (592,77), and are not warned of."""
    if isinstance(t, KeyWeight) or value is None or value == value.to_integral_value():
        return None
    thousand = value * 1000
    if abs(value) < 1 or thousand != thousand.to_integral_value():
        return None
    return (
        f"{where}: beløbet {dk(value)} har decimaler; er det {dk(thousand)} skrevet med "
        f"dansk tusindtalsprik i et regneark med engelske indstillinger, så ret cellen til "
        f"{int(thousand)} og indlæs igen"
    )


def _cells(ws: Worksheet) -> Iterator[tuple[Coord, AnyCell]]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.row is not None and cell.column is not None:
                yield (cell.row - 1, cell.column - 1), cell


# --- what an input cell stands for ------------------------------------------------------------


def current(cat: Catalog, t: Target) -> Decimal | None:
    """The catalog's value of an input."""
    p = cat.proposal(t.proposal)
    if isinstance(t, LineAmount):
        return p.line(t.line).amounts[t.year]
    if isinstance(t, KeyWeight):
        return p.keys[t.key].weights[t.name]
    if isinstance(t, PartAmount):
        booking = p.line(t.line).booking
        assert isinstance(booking, Parts)
        return booking.parts[t.name][t.year]
    if isinstance(t, MoveAmount):
        return p.budget_moves[t.index].amounts[t.year]
    return dict(p.admin_rows[t.index].amounts).get(t.year)


def describe(cat: Catalog, t: Target) -> str:
    p = cat.proposal(t.proposal)
    if isinstance(t, LineAmount):
        return f"{p.id}, linje {t.line} ({p.line(t.line).text}), {t.year}"
    if isinstance(t, KeyWeight):
        return f"{p.id}, nøglen {t.key}, vægten for {t.name}"
    if isinstance(t, PartAmount):
        return f"{p.id}, linje {t.line}, delen for {t.name}, {t.year}"
    if isinstance(t, MoveAmount):
        move = p.budget_moves[t.index]
        return f"{p.id}, flyttet budget {move.from_unit} -> {move.to_unit}, {t.year}"
    return f"{p.id}, tabel 2, rækken {p.admin_rows[t.index].text!r}, {t.year}"


def _with(s: Series, year: int, value: Decimal | None) -> Series:
    values = dict(s)
    if value is None:
        values.pop(year, None)
    else:
        values[year] = value
    return Series(values, s.price_level, s.scale)


def _line_with(line: Line, t: LineAmount | PartAmount, value: Decimal | None) -> Line:
    if isinstance(t, LineAmount):
        return replace(line, amounts=_with(line.amounts, t.year, value))
    assert isinstance(line.booking, Parts)
    parts = dict(line.booking.parts)
    parts[t.name] = _with(parts[t.name], t.year, value)
    return replace(line, booking=Parts(parts))


def _apply(p: Proposal, t: Target, value: Decimal | None) -> Proposal:
    """``p`` with one input set to ``value``."""
    if isinstance(t, LineAmount | PartAmount):
        lines = tuple(_line_with(ln, t, value) if ln.id == t.line else ln for ln in p.lines)
        return replace(p, lines=lines)
    if isinstance(t, KeyWeight):
        key = p.keys[t.key]
        weights = {**key.weights, t.name: value if value is not None else ZERO}
        return replace(p, keys={**p.keys, t.key: Key(key.name, key.text, key.kind, weights)})
    if isinstance(t, MoveAmount):
        moves = list(p.budget_moves)
        moves[t.index] = replace(
            moves[t.index], amounts=_with(moves[t.index].amounts, t.year, value)
        )
        return replace(p, budget_moves=tuple(moves))
    rows = list(p.admin_rows)
    rows[t.index] = AdminRow(rows[t.index].text, _with(rows[t.index].amounts, t.year, value))
    return replace(p, admin_rows=tuple(rows))


def _check_keys(problems: _Problems, p: Proposal, cells: Mapping[Target, str]) -> None:
    """A key's weights may not be negative and must not all be zero (calc divides by them)."""
    for key in p.keys.values():
        mine = {
            t: ref for t, ref in cells.items() if isinstance(t, KeyWeight) and t.key == key.name
        }
        if not mine:
            continue
        for t, ref in mine.items():
            if key.weights[t.name] < 0:
                problems.bad(ref, f"en vægt i nøglen {key.name} kan ikke være negativ")
        if sum(key.weights.values(), ZERO) == 0:
            problems.bad(next(iter(mine.values())), f"nøglen {key.name} skal have en vægt over 0")


# --- what the workbook was exported from ----------------------------------------------------


@dataclass(frozen=True)
class _Exported:
    """The versions sheet: what the workbook held when gevinst wrote it."""

    versions: dict[str, str]  # proposal -> version (xlsx_export.version)
    inputs: dict[str, dict[Coord, tuple[Target, Decimal | None]]]  # sheet -> input cells
    rows: dict[str, dict[int, str]]  # sheet -> row -> fingerprint of its other cells


def _coord(text: str) -> Coord:
    letters, row = coordinate_from_string(text)
    return row - 1, column_index_from_string(letters) - 1


def _exported(path: Path, book: Workbook) -> _Exported:
    """The versions sheet, if it is as gevinst wrote it."""
    ws = book[VERSIONS] if VERSIONS in book.sheetnames else None
    if not isinstance(ws, Worksheet):
        raise _problem(
            path,
            f"{VERSIONS}: projektmappen mangler gevinsts skjulte ark over hvad den blev "
            "eksporteret fra; eksportér den igen med gevinst export",
        )
    hashed = sheet_hash(
        (coord, _token(cell)) for coord, cell in _cells(ws) if cell.value is not None
    )
    if hashed != _properties(book).get(PROPERTY_VERSIONS):
        raise _problem(
            path, f"{VERSIONS}: arket er ændret og kan ikke bruges; eksportér projektmappen igen"
        )
    out = _Exported({}, {}, {})
    try:
        for pid, ver, _, sheet, cell, key, value, _, r_sheet, r_row, digest in ws.iter_rows(
            min_row=2, max_col=11, values_only=True
        ):
            if pid is not None:
                out.versions[str(pid)] = str(ver)
            if sheet is not None:
                base = None if value is None else Decimal(repr(value))
                target = (target_of(str(key)), base)
                out.inputs.setdefault(str(sheet), {})[_coord(str(cell))] = target
            if r_sheet is not None and isinstance(r_row, int | float):
                out.rows.setdefault(str(r_sheet), {})[int(r_row) - 1] = str(digest)
    except (ValueError, TypeError, ArithmeticError):
        raise _problem(
            path, f"{VERSIONS}: arket kan ikke læses; eksportér projektmappen igen"
        ) from None
    return out


def _token(cell: AnyCell) -> str:
    value = cell.value
    if cell.data_type == "f":
        return token("f", value)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return token("n" if numeric else "s", value)


def _check_rows(
    problems: _Problems,
    ws: Worksheet,
    exported: _Exported,
    rebuilt: RecordedSheet | None,
) -> None:
    """Every cell that is not an input must be as exported: a row whose fingerprint differs
    was edited. Its cells are named by comparing them with the workbook gevinst writes for
    the current catalog (where that has the sheet); else the row is named."""
    inputs = exported.inputs.get(ws.title, {})
    found: dict[int, dict[int, AnyCell]] = {}
    for coord, cell in _cells(ws):
        if coord not in inputs and cell.value not in (None, ""):
            found.setdefault(coord[0], {})[coord[1]] = cell
    base = exported.rows.get(ws.title, {})
    empty = fingerprint(())
    for row in sorted(set(found) | set(base)):
        cells = found.get(row, {})
        if fingerprint((c, _token(cell)) for c, cell in cells.items()) == base.get(row, empty):
            continue
        if rebuilt is None or not _name_cells(problems, ws, row, cells, rebuilt, inputs):
            problems.bad(
                f"{ws.title}!A{row + 1}",
                "rækken er ændret uden for de gule indtastningsceller; kun de gule "
                "indtastningsceller indlæses",
            )


def _name_cells(
    problems: _Problems,
    ws: Worksheet,
    row: int,
    cells: Mapping[int, AnyCell],
    rebuilt: RecordedSheet,
    inputs: Mapping[Coord, object],
) -> bool:
    """Name each cell of an edited row that differs from the current catalog's workbook;
    False where none does."""
    expected = rebuilt.cells
    columns = set(cells) | {c for r, c in expected if r == row and (r, c) not in inputs}
    named = False
    for col in sorted(columns):
        cell = ws.cell(row + 1, col + 1)
        if not _same(cell, expected.get((row, col))):
            problems.bad(_ref(ws.title, (row, col)), _why(expected.get((row, col)), cell.value))
            named = True
    return named


def _check_sheets(
    problems: _Problems, book: Workbook, exported: _Exported, rebuilt: Recorder | None
) -> None:
    names = set(exported.rows) | set(exported.inputs)
    for name in sorted(names - set(book.sheetnames)):
        problems.bad(name, "arket mangler i projektmappen")
    for name in book.sheetnames:
        ws = book[name]
        if name == VERSIONS:
            continue
        if name not in names:
            problems.bad(name, "arket er ikke gevinsts og kan ikke indlæses; fjern det")
        elif not isinstance(ws, Worksheet):
            problems.bad(name, "arket er ikke et regneark")
        else:
            _check_rows(problems, ws, exported, rebuilt.sheets.get(name) if rebuilt else None)


# --- the whole workbook -------------------------------------------------------------------------


def import_onto(path: Path, onto: Catalog) -> Imported:
    """The changes of the workbook at ``path`` against ``onto``, and ``onto`` with them: each
    input cell merged three ways (docs/xlsx-layout.md)."""
    book = _open(path)
    options = _options(path, book)
    exported = _exported(path, book)
    try:
        rebuilt: Recorder | None = record(onto, options)[0]
    except UnknownProposalError:
        rebuilt = None  # the one proposal exported is gone from the catalog
    problems = _Problems(path)
    _check_sheets(problems, book, exported, rebuilt)
    problems.fail()
    values: dict[Target, tuple[str, Decimal | None, Decimal | None]] = {}
    for name, cells in exported.inputs.items():
        ws = book[name]
        assert isinstance(ws, Worksheet)  # checked by _check_sheets
        for coord, (target, base) in cells.items():
            where = _ref(name, coord)
            blank_ok = isinstance(target, AdminAmount)
            cell = ws.cell(coord[0] + 1, coord[1] + 1)
            mine = _amount(problems, where, cell, blank_ok)
            if mine is not None or (blank_ok and cell.value in (None, "")):
                values[target] = (where, base, mine)
    problems.fail()
    return _merged(problems, onto, options, exported, values)


def _notes(shown: Catalog, options: ExportOptions, exported: _Exported) -> list[str]:
    """The proposals added, removed or changed in the catalog since the export."""
    now = {p.id: version(p) for p in shown.proposals}
    notes = []
    for pid, ver in exported.versions.items():
        if pid not in now:
            notes.append(
                f"{pid}: forslaget findes ikke længere i kataloget; dets ark indlæses ikke"
            )
        elif now[pid] != ver:
            notes.append(
                f"{pid}: forslaget er ændret i kataloget siden eksporten; projektmappens "
                "ændringer er flettet med katalogets"
            )
    if options.proposal is None:
        notes += [
            f"{pid}: forslaget er kommet til i kataloget efter eksporten og er ikke i projektmappen"
            for pid in now
            if pid not in exported.versions
        ]
    return notes


def _exists(cat: Catalog, t: Target) -> bool:
    """Whether the catalog still has the input (a line, a year, a key's name may be gone)."""
    p = next((q for q in cat.proposals if q.id == t.proposal), None)
    if p is None or (not isinstance(t, KeyWeight) and t.year not in p.years):
        return False
    if isinstance(t, KeyWeight):
        return t.key in p.keys and t.name in p.keys[t.key].weights
    if isinstance(t, LineAmount | PartAmount):
        line = next((ln for ln in p.lines if ln.id == t.line), None)
        if line is None or isinstance(t, LineAmount):
            return line is not None
        return isinstance(line.booking, Parts) and t.name in line.booking.parts
    return t.index < len(p.budget_moves if isinstance(t, MoveAmount) else p.admin_rows)


def _merged(
    problems: _Problems,
    onto: Catalog,
    options: ExportOptions,
    exported: _Exported,
    values: Mapping[Target, tuple[str, Decimal | None, Decimal | None]],
) -> Imported:
    """Three ways per input: the value exported (base), the workbook's and the catalog's.
    Only the workbook changed it: a change. Only the catalog: the catalog's stays. Both, to
    different values: a conflict, and nothing is written."""
    shown = select(onto, replace(options, proposal=None))
    changes: list[Change] = []
    doubtful: list[str] = []
    proposals = {p.id: p for p in onto.proposals}
    cells: dict[str, dict[Target, str]] = {}
    gone: dict[str, list[str]] = {}
    for t, (where, base, mine) in values.items():
        if mine == base:
            continue
        if t.proposal not in proposals:
            gone.setdefault(t.proposal, []).append(where)
            continue
        if not _exists(shown, t):
            problems.bad(
                where,
                f"forslaget {t.proposal} har ikke længere denne indtastning (kataloget er "
                "ændret siden eksporten); ændringen kan ikke indlæses",
            )
            continue
        theirs = current(shown, t)
        if theirs == mine:
            continue  # the same edit made in both
        if shown.proposal(t.proposal) != onto.proposal(t.proposal):
            problems.bad(
                where,
                f"forslaget {t.proposal} er fortroligt og vist som kataloget offentliggør det; "
                "dets tal rettes i en projektmappe eksporteret med --include-confidential",
            )
        elif theirs != base:
            problems.bad(
                where,
                f"{describe(shown, t)}: ændret både i projektmappen og i kataloget siden "
                f"eksporten: projektmappen har {dk(mine, 'tom')}, kataloget har nu "
                f"{dk(theirs, 'tom')} (eksporteret: {dk(base, 'tom')}); ret den ene og indlæs "
                "igen",
            )
        else:
            changes.append(Change(where, describe(shown, t), theirs, mine))
            if (warning := _thousands_warning(where, t, mine)) is not None:
                doubtful.append(warning)
            proposals[t.proposal] = _apply(proposals[t.proposal], t, mine)
            cells.setdefault(t.proposal, {})[t] = where
    for pid, refs in gone.items():
        problems.bad(
            pid,
            f"forslaget findes ikke længere i kataloget; projektmappens ændringer af det "
            f"({', '.join(refs)}) kan ikke indlæses",
        )
    for pid, edited in cells.items():
        _check_keys(problems, proposals[pid], edited)
    problems.fail()
    cat = replace(onto, proposals=tuple(proposals[p.id] for p in onto.proposals))
    return Imported(cat, tuple(changes), (*doubtful, *_notes(shown, options, exported)))
