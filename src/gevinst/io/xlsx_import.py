# SPDX-License-Identifier: MPL-2.0
"""Read back a workbook that :mod:`gevinst.io.xlsx_export` wrote (docs/xlsx-layout.md).

The documents come from the sheet "Data"; the amounts from the sheet "Linjer", where a
finance officer may have changed them. Everything else in the workbook is computed, and is
not read. The documents pass the same schema and reference checks as a catalog folder.
All or nothing: every problem is collected, each naming its sheet and cell, and a catalog
is returned only if there are none.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gevinst.core.model import Catalog
from gevinst.io.document import Doc, number
from gevinst.io.importer import catalog_from_documents
from gevinst.io.xlsx_export import (
    CATALOG_DOCUMENT,
    DATA,
    DATA_HEADERS,
    LINJER,
    LINJER_HEADERS,
    PROPOSAL_DOCUMENT,
    LinjeRow,
    cell_text,
    checksum,
    linje_rows,
)
from gevinst.io.yamlformat import FormatError, Problem
from gevinst.io.yamlsource import WrittenNumber

AnyCell = Cell | MergedCell

# what the sheet "Data" may name as a profile: one shipped with gevinst, never a path
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_PART = re.compile(r"^(catalog|proposals\[(\d+)\])\.?(.*)$")
_TEXT_COLUMNS = ("forslaget", "linjen", "teksten", "arten", "styringsområdet", "udvalget")
_AMOUNT, _YEAR = 7, 6


def _ref(cell: AnyCell) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"


def _shown(value: object) -> str:
    return repr(str(value))


class _Cells:
    """Reads typed values out of cells and collects what is wrong with them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def bad(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.path, None, None, "", f"{where}: {message}"))

    def formula(self, cell: AnyCell) -> bool:
        if cell.data_type == "f":
            self.bad(_ref(cell), "formler er ikke tilladt her")
            return True
        return False

    def text(self, cell: AnyCell) -> str | None:
        """A text cell; a blank one is the empty text."""
        if self.formula(cell):
            return None
        if cell.value is None or isinstance(cell.value, str):
            return cell.value or ""
        self.bad(_ref(cell), f"{_shown(cell.value)} skal være tekst")
        return None

    def number(self, cell: AnyCell, what: str = "et tal") -> Decimal | None:
        value = cell.value
        if self.formula(cell):
            return None
        if value is None:
            self.bad(_ref(cell), f"cellen er tom; skriv {what}")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(_ref(cell), f"{_shown(value)} er ikke {what}")
            return None
        # a float's repr is the shortest text that reads back as the same float
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not amount.is_finite():
            self.bad(_ref(cell), f"{_shown(value)} er ikke {what}")
            return None
        return amount

    def whole(self, cell: AnyCell, what: str) -> int | None:
        amount = self.number(cell, what)
        if amount is None:
            return None
        if amount != amount.to_integral_value():
            self.bad(_ref(cell), f"{_shown(cell.value)} er ikke {what}")
            return None
        return int(amount)

    def fail(self) -> None:
        if self.problems:
            raise FormatError(self.problems)


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


def _sheet(path: Path, book: Workbook, name: str) -> Worksheet:
    if name not in book.sheetnames:
        raise _problem(
            path,
            f"arket {name!r} mangler; projektmappen er ikke skrevet af gevinst, "
            "eller arket er slettet",
        )
    sheet = book[name]
    if not isinstance(sheet, Worksheet):
        raise _problem(path, f"arket {name!r} er ikke et regneark")
    return sheet


def _rows(cells: _Cells, sheet: Worksheet, headers: Sequence[str]) -> Iterator[tuple[AnyCell, ...]]:
    """The rows below a header row that must be ``headers``; rows left blank are skipped."""
    rows = sheet.iter_rows(min_row=1, max_col=len(headers))
    for cell, head in zip(next(rows), headers, strict=True):
        if cell.value != head:
            cells.bad(_ref(cell), f"overskriften skal være {head!r}, ikke {_shown(cell.value)}")
    cells.fail()
    for row in rows:
        if any(cell.value is not None for cell in row):
            yield tuple(row)


# --- the documents (sheet "Data") ------------------------------------------------------------


@dataclass
class _Document:
    kind: str
    id: str  # as the cell holds it, until the document itself is read
    digest: str
    first: AnyCell  # the JSON cell of part 1, named in messages
    parts: dict[int, tuple[AnyCell, str]] = field(default_factory=dict)
    data: Doc = field(default_factory=dict)

    @property
    def name(self) -> str:
        return "katalogets dokument" if self.kind == CATALOG_DOCUMENT else f"forslaget {self.id}"

    @property
    def ref(self) -> str:
        return _ref(self.first)


def _data_row(
    cells: _Cells, row: tuple[AnyCell, ...], found: dict[tuple[str, str], _Document]
) -> None:
    kind_cell, id_cell, part_cell, digest_cell, json_cell = row
    kind, ident = cells.text(kind_cell), cells.text(id_cell)
    part = cells.whole(part_cell, "et delnummer (1, 2, ...)")
    digest, piece = cells.text(digest_cell), cells.text(json_cell)
    if kind not in (None, CATALOG_DOCUMENT, PROPOSAL_DOCUMENT):
        cells.bad(_ref(kind_cell), f"skal være {CATALOG_DOCUMENT!r} eller {PROPOSAL_DOCUMENT!r}")
        return
    if ident == "":
        cells.bad(_ref(id_cell), "dokumentets id mangler")
    if part is not None and part < 1:
        cells.bad(_ref(part_cell), f"{part} er ikke et delnummer (1, 2, ...)")
    if kind is None or not ident or part is None or part < 1 or digest is None or piece is None:
        return
    doc = found.setdefault((kind, ident), _Document(kind, ident, digest, json_cell))
    if part in doc.parts:
        other = _ref(doc.parts[part][0])
        cells.bad(_ref(part_cell), f"del {part} af {doc.name} står også i {other}")
    elif digest != doc.digest:
        cells.bad(_ref(digest_cell), f"alle dele af {doc.name} skal have samme kontrolsum")
    else:
        doc.parts[part] = (json_cell, piece)
        if part == 1:
            doc.first = json_cell


def _parse(cells: _Cells, doc: _Document) -> None:
    # n parts are numbered 1 to n, so one of those numbers is missing if any is out of line
    missing = next((n for n in range(1, len(doc.parts) + 1) if n not in doc.parts), None)
    if missing is not None:
        cells.bad(DATA, f"del {missing} af {doc.name} mangler")
        return
    text = "".join(piece for _, piece in (doc.parts[n] for n in sorted(doc.parts)))
    if checksum(text) != doc.digest:
        cells.bad(
            doc.ref,
            f"{doc.name} er ændret i arket {DATA} (kontrolsummen passer ikke); ret beløb i "
            f"arket {LINJER} og alt andet i katalogets YAML-filer",
        )
        return
    try:
        # a number with a point is kept as written, so the schema refuses it as an amount
        data = json.loads(text, parse_float=WrittenNumber)
    except json.JSONDecodeError as e:
        cells.bad(doc.ref, f"{doc.name} er ikke gyldig JSON: {e.msg} (tegn {e.pos})")
        return
    except RecursionError:
        cells.bad(doc.ref, f"{doc.name} er indlejret for dybt til at kunne læses")
        return
    if not isinstance(data, dict):
        cells.bad(doc.ref, f"{doc.name} skal være et JSON-objekt")
    elif not isinstance(data.get("id"), str) or cell_text(data["id"]) != doc.id:
        cells.bad(doc.ref, f"dokumentets id {_shown(data.get('id'))} skal være {doc.id!r}")
    elif doc.kind == CATALOG_DOCUMENT and not _profile_name(data.get("profile")):
        shown = _shown(data.get("profile"))
        cells.bad(doc.ref, f"profilen {shown} skal være navnet på en profil i gevinst")
    else:
        doc.data, doc.id = data, data["id"]  # the id itself, where the cell holds it made inert


def _profile_name(value: object) -> bool:
    """Whether a workbook names its profile as gevinst writes it: a name, not a path (the
    schema judges any other value)."""
    return not isinstance(value, str) or bool(_PROFILE_NAME.match(value))


def _documents(path: Path, book: Workbook) -> tuple[_Document, list[_Document]]:
    cells = _Cells(path)
    sheet = _sheet(path, book, DATA)
    found: dict[tuple[str, str], _Document] = {}
    for row in _rows(cells, sheet, DATA_HEADERS):
        _data_row(cells, row, found)
    for doc in found.values():
        _parse(cells, doc)
    catalogs = [d for d in found.values() if d.kind == CATALOG_DOCUMENT]
    proposals = [d for d in found.values() if d.kind == PROPOSAL_DOCUMENT]
    if not catalogs:
        cells.bad(DATA, "katalogets dokument mangler")
    for extra in catalogs[1:]:
        cells.bad(extra.ref, "der er mere end ét katalogdokument")
    cells.fail()
    _listed(cells, catalogs[0], {d.id for d in proposals})
    cells.fail()
    return catalogs[0], proposals


def _listed(cells: _Cells, catalog: _Document, present: set[str]) -> None:
    """Every proposal the catalog lists has its document in the sheet (said here in the
    sheet's words; the catalog check says it in the bundle's)."""
    listed = catalog.data.get("proposals")
    for pid in listed if isinstance(listed, list) else ():
        if isinstance(pid, str) and pid not in present:
            cells.bad(DATA, f"forslaget {pid!r} står i kataloget, men dets dokument mangler")


def _catalog(path: Path, catalog: _Document, proposals: Sequence[_Document]) -> Catalog:
    """The catalog the documents describe, checked as a catalog folder is; each problem
    names the document's cell in the sheet "Data"."""
    try:
        return catalog_from_documents(catalog.data, [d.data for d in proposals], path)
    except FormatError as e:
        raise FormatError([_located(p, catalog, proposals) for p in e.problems]) from None


def _located(problem: Problem, catalog: _Document, proposals: Sequence[_Document]) -> Problem:
    match = _PART.match(problem.field)
    if match is None:
        return replace(problem, message=f"{DATA}: {problem.message}")
    doc = catalog if match[2] is None else proposals[int(match[2])]
    return replace(problem, field=match[3], message=f"{doc.ref}: {problem.message}")


# --- the amounts (sheet "Linjer") -----------------------------------------------------------


Key = tuple[str, str, int]  # proposal, line, year


class _Lines:
    """What the sheet "Linjer" must hold: every line of every proposal in each of its years,
    once, with its texts as written; only the amounts may differ."""

    def __init__(self, cat: Catalog, cells: _Cells) -> None:
        self.cells = cells
        self.expected: dict[Key, LinjeRow] = {}
        self.proposals: dict[str, str] = {}
        self.lines: dict[str, dict[str, str]] = {}
        for p in cat.proposals:
            self.proposals[cell_text(p.id)] = p.id
            self.lines[p.id] = {cell_text(line.id): line.id for line in p.lines}
            for r in linje_rows(p):
                self.expected[(r.proposal, r.line, r.year)] = r
        self.seen: dict[Key, str] = {}  # the first cell of the row
        self.amounts: dict[Key, Decimal] = {}

    def key(self, row: tuple[AnyCell, ...], texts: Sequence[str | None]) -> Key | None:
        cells = self.cells
        pid = self.proposals.get(texts[0] or "")
        if texts[0] is not None and pid is None:
            cells.bad(_ref(row[0]), f"forslaget {texts[0]!r} findes ikke i projektmappen")
        line = self.lines[pid].get(texts[1] or "") if pid else None
        if pid is not None and texts[1] is not None and line is None:
            cells.bad(_ref(row[1]), f"linjen {texts[1]!r} findes ikke i forslaget {pid}")
        year = cells.whole(row[_YEAR], "et år")
        if pid is None or line is None or year is None:
            return None
        if (pid, line, year) not in self.expected:
            cells.bad(_ref(row[_YEAR]), f"linjen {line!r} i forslaget {pid} har ikke året {year}")
            return None
        return pid, line, year

    def read(self, row: tuple[AnyCell, ...]) -> None:
        cells = self.cells
        texts = [cells.text(cell) for cell in row[:_YEAR]]
        key = self.key(row, texts)
        amount = cells.number(row[_AMOUNT])
        if key is None:
            return
        if key in self.seen:
            cells.bad(_ref(row[0]), f"{_line_name(key)} står også i {self.seen[key]}")
            return
        self.seen[key] = _ref(row[0])
        expected = self.expected[key].texts()
        for col in range(2, _YEAR):
            if texts[col] is not None and texts[col] != expected[col]:
                cells.bad(
                    _ref(row[col]),
                    f"{_TEXT_COLUMNS[col]} skal være som i forslaget ({expected[col]!r}); "
                    f"kun beløbet i kolonne H kan rettes i arket {LINJER}",
                )
        if amount is not None:
            self.amounts[key] = amount

    def missing(self) -> None:
        by_line: dict[tuple[str, str], list[int]] = {}
        for pid, line, year in self.expected:
            if (pid, line, year) not in self.seen:
                by_line.setdefault((pid, line), []).append(year)
        for (pid, line), years in by_line.items():
            shown = f"året {years[0]}" if len(years) == 1 else f"årene {', '.join(map(str, years))}"
            self.cells.bad(LINJER, f"linjen {line!r} i forslaget {pid} mangler {shown}")


def _line_name(key: Key) -> str:
    return f"linjen {key[1]!r} i forslaget {key[0]}, år {key[2]},"


def _amounts(path: Path, book: Workbook, cat: Catalog) -> dict[Key, Decimal]:
    """The amounts of the sheet "Linjer" that differ from the documents."""
    cells = _Cells(path)
    lines = _Lines(cat, cells)
    for row in _rows(cells, _sheet(path, book, LINJER), LINJER_HEADERS):
        lines.read(row)
    lines.missing()
    cells.fail()
    return {k: v for k, v in lines.amounts.items() if v != lines.expected[k].amount}


def _with_amounts(doc: Doc, cat: Catalog, changed: dict[Key, Decimal]) -> Doc:
    """A proposal's document with the changed amounts written into its lines."""
    p = next(p for p in cat.proposals if p.id == doc["id"])
    lines: list[Any] = list(doc["lines"])
    for i, line in enumerate(p.lines):
        new = {y: a for (pid, lid, y), a in changed.items() if (pid, lid) == (p.id, line.id)}
        if new:
            amounts = {**dict(line.amounts), **new}
            lines[i] = {**lines[i], "amounts": {y: number(a) for y, a in amounts.items()}}
    return {**doc, "lines": lines}


def _edited(docs: Iterable[_Document], cat: Catalog, changed: dict[Key, Decimal]) -> None:
    touched = {pid for pid, _, _ in changed}
    for d in docs:
        if d.id in touched:
            d.data = _with_amounts(d.data, cat, changed)


def import_xlsx(path: Path) -> Catalog:
    """The catalog in a workbook written by :func:`gevinst.io.xlsx_export.write_xlsx`, with
    the amounts of its sheet "Linjer"."""
    book = _open(path)
    catalog, proposals = _documents(path, book)
    cat = _catalog(path, catalog, proposals)
    changed = _amounts(path, book, cat)
    if not changed:
        return cat
    _edited(proposals, cat, changed)
    return _catalog(path, catalog, proposals)
