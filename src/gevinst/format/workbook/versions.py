# SPDX-License-Identifier: MPL-2.0
"""What a workbook was exported from (the very hidden sheet ``gevinst-versioner``): each
proposal's version, each input's exported value and each row's fingerprint, and the
comparison of cells that the fingerprints rest on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

from gevinst.core.model import Catalog
from gevinst.core.template import printing
from gevinst.format.workbook.names import VERSIONS, column
from gevinst.format.workbook.recorder import RecordedSheet, Recorder
from gevinst.format.workbook.sheetwriter import Coord
from gevinst.format.workbook.targets import Target, target_key
from gevinst.format.writer import version

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


def versions_sheet(
    cat: Catalog, recorder: Recorder, inputs: Mapping[str, Mapping[Coord, Target]]
) -> RecordedSheet:
    """The sheet the import merges with (docs/xlsx-layout.md): each proposal's version, each
    input cell's target and exported value, and each row's fingerprint of the cells that are
    not inputs. Ids, hashes and the numbers the sheets show: no text."""
    ws = RecordedSheet(VERSIONS)
    # the columns' names in the catalog's language (the import reads the columns by place)
    heads = printing(cat.profile).words.workbook["versions"].split("|")
    for col, head in enumerate(heads):
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
