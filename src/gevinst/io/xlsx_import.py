# SPDX-License-Identifier: MPL-2.0
"""Apply an edited workbook (:mod:`gevinst.io.xlsx_export`) onto the current catalog.

The workbook holds no hidden copy of the catalog. What it holds is compared, cell by cell,
with the workbook that gevinst writes for the current catalog (the same selection, read from
the workbook's document properties):

- a yellow input cell (a line's amount, a key's weight, a part of a line split as printed, a
  moved budget, a row of Tabel 2) that differs is a change, applied onto the catalog;
- any other cell that differs (a formula, a figure, a text, a cell outside the tables, a
  sheet added or removed) cannot be applied and is refused with its sheet and cell, so that
  nothing is ever dropped without a word.

All or nothing: every problem is collected, each naming its sheet and cell, and changes are
returned only if there are none. An input cell that still holds the current catalog's value
is no change, so a workbook exported from an older version of the catalog lists, as
changes, every input where the catalog has moved on since: the list is shown before
anything is written.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gevinst.core.model import (
    AdminRow,
    Catalog,
    Key,
    Line,
    Parts,
    Proposal,
    UnknownProposalError,
)
from gevinst.core.numbers import dk
from gevinst.core.series import ZERO, Series
from gevinst.io.export import ExportOptions, select
from gevinst.io.xlsx_export import (
    ALL,
    NO,
    PROPERTY_CONFIDENTIAL,
    PROPERTY_PROPOSAL,
    YES,
    AdminAmount,
    Coord,
    Expected,
    KeyWeight,
    LineAmount,
    MoveAmount,
    PartAmount,
    RecordedSheet,
    Target,
    column,
    record,
)
from gevinst.io.yamlformat import FormatError, Problem

AnyCell = Cell | MergedCell
# a formula as compared: spreadsheets differ in quotes around sheet names, "$" and spaces
_FORMULA_NOISE = re.compile(r"[\s$']")
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
        with warnings.catch_warnings():
            # openpyxl warns about features of a workbook that it does not read
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path)
    except OSError as e:
        raise _problem(path, f"filen kan ikke læses: {e.strerror or e}") from None
    except Exception as e:  # openpyxl fails on a damaged file with many kinds of error
        raise _problem(
            path, f"filen kan ikke læses som en Excel-projektmappe ({type(e).__name__}: {e})"
        ) from None


def _options(path: Path, book: Workbook) -> ExportOptions:
    """The selection the workbook was exported with, from its document properties."""
    # openpyxl reads custom properties since 3.1, and its stubs do not know them yet
    custom = getattr(book, "custom_doc_props", None)
    props = {p.name: p.value for p in getattr(custom, "props", ())}
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


def _norm(formula: str) -> str:
    return _FORMULA_NOISE.sub("", formula).upper()


def _same(cell: AnyCell, expected: Expected | None) -> bool:
    value = cell.value
    if expected is None:
        return value is None or value == ""
    kind, want = expected
    if kind == "f":
        return cell.data_type == "f" and _norm(str(value)) == _norm(str(want))
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


def _why(sheet: str, expected: Expected | None, value: object) -> str:
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
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return None


def _cells(ws: Worksheet) -> Iterator[tuple[Coord, AnyCell]]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.row is not None and cell.column is not None:
                yield (cell.row - 1, cell.column - 1), cell


def _read_sheet(
    problems: _Problems,
    ws: Worksheet,
    expected: RecordedSheet,
    inputs: Mapping[Coord, Target],
) -> dict[Target, tuple[str, Decimal | None]]:
    """Each input cell's value; every other cell must be as gevinst writes it."""
    values: dict[Target, tuple[str, Decimal | None]] = {}
    seen: set[Coord] = set()
    for coord, cell in _cells(ws):
        seen.add(coord)
        where = _ref(ws.title, coord)
        target = inputs.get(coord)
        if target is not None:
            blank_ok = isinstance(target, AdminAmount)
            amount = _amount(problems, where, cell, blank_ok)
            if amount is not None or (blank_ok and cell.value in (None, "")):
                values[target] = (where, amount)
        elif not _same(cell, expected.cells.get(coord)):
            problems.bad(where, _why(ws.title, expected.cells.get(coord), cell.value))
    for coord in sorted(set(expected.cells) - seen):
        problems.bad(_ref(ws.title, coord), _why(ws.title, expected.cells[coord], None))
    for coord in sorted(set(inputs) - seen):
        target = inputs[coord]
        if isinstance(target, AdminAmount):
            values[target] = (_ref(ws.title, coord), None)
        else:
            problems.bad(_ref(ws.title, coord), "cellen er tom; skriv et tal (0 for intet)")
    return values


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


# --- the whole workbook -------------------------------------------------------------------------


def import_onto(path: Path, onto: Catalog) -> Imported:
    """The changes of the workbook at ``path`` against ``onto``, and ``onto`` with them."""
    book = _open(path)
    options = _options(path, book)
    try:
        shown = select(onto, options)
    except UnknownProposalError as e:
        raise _problem(path, f"projektmappen er skrevet for {e}") from None
    recorder, inputs = record(onto, options)
    problems = _Problems(path)
    for name in recorder.sheets:
        if name not in book.sheetnames:
            problems.bad(name, "arket mangler i projektmappen")
    for name in book.sheetnames:
        if name not in recorder.sheets:
            problems.bad(name, "arket er ikke gevinsts og kan ikke indlæses; fjern det")
    problems.fail()
    values: dict[Target, tuple[str, Decimal | None]] = {}
    for name, expected in recorder.sheets.items():
        ws = book[name]
        if not isinstance(ws, Worksheet):
            problems.bad(name, "arket er ikke et regneark")
            continue
        values |= _read_sheet(problems, ws, expected, inputs.get(name, {}))
    problems.fail()
    return _applied(problems, onto, shown, values)


def _applied(
    problems: _Problems,
    onto: Catalog,
    shown: Catalog,
    values: Mapping[Target, tuple[str, Decimal | None]],
) -> Imported:
    changes: list[Change] = []
    proposals = {p.id: p for p in onto.proposals}
    cells: dict[str, dict[Target, str]] = {}
    for t, (where, new) in values.items():
        old = current(shown, t)
        if new == old:
            continue
        if shown.proposal(t.proposal) != onto.proposal(t.proposal):
            problems.bad(
                where,
                f"forslaget {t.proposal} er fortroligt og vist som kataloget offentliggør det; "
                "dets tal rettes i en projektmappe eksporteret med --include-confidential",
            )
            continue
        changes.append(Change(where, describe(shown, t), old, new))
        proposals[t.proposal] = _apply(proposals[t.proposal], t, new)
        cells.setdefault(t.proposal, {})[t] = where
    for pid, mine in cells.items():
        _check_keys(problems, proposals[pid], mine)
    problems.fail()
    cat = replace(onto, proposals=tuple(proposals[p.id] for p in onto.proposals))
    return Imported(cat, tuple(changes))
