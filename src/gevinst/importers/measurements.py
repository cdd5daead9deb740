# SPDX-License-Identifier: MPL-2.0
"""An operational system's CSV export read as a table (:class:`gevinst.core.realisation.Table`)
for the import of measurements; what the values mean is the core's question
(:func:`gevinst.core.realisation.read_rows`).

The file: a header row, then one row per date; fields separated by ";" (a Danish export, its
numbers Danish: "1.234,5") or "," (its numbers ISO: "1234.5"), as the header shows; UTF-8
(with or without a byte-order mark), or else Windows-1252, which Danish spreadsheets write.
Blank rows are skipped. At most :data:`MAX_CSV_BYTES`.

>>> data = b"Dato;Registreringer\\n2025-01-31;1.234\\n\\n2025-02-28;1.300\\n"
>>> t = table_from_bytes(data, "x.csv")
>>> t.header, t.rows, t.decimal_comma
(('Dato', 'Registreringer'), ((2, ('2025-01-31', '1.234')), (4, ('2025-02-28', '1.300'))), True)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gevinst.core.errors import InputError
from gevinst.core.realisation import Table
from gevinst.format.yamlsource import YamlError, read_bytes

MAX_CSV_BYTES = 10 * 1024 * 1024


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: filen er hverken UTF-8 eller Windows-1252") from None


def table_from_bytes(data: bytes, name: str) -> Table:
    """The table of a CSV file's bytes; ``name`` names it in every message."""
    if len(data) > MAX_CSV_BYTES:
        raise InputError(f"{name}: filen er større end {MAX_CSV_BYTES // (1024 * 1024)} MB")
    text = _text(data, name)
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise InputError(f"{name}: filen har ingen overskrift (første række)")
        rows = []
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((reader.line_num, tuple(cells)))
    except csv.Error as e:
        raise InputError(f"{name}, række {reader.line_num}: kan ikke læses som CSV: {e}") from None
    return Table(name, tuple(h.strip() for h in header), tuple(rows), delimiter == ";")


def read_csv(path: Path) -> Table:
    """The table of the file at ``path``: a regular file of at most :data:`MAX_CSV_BYTES`."""
    try:
        data = read_bytes(path, MAX_CSV_BYTES)
    except YamlError as e:
        raise InputError(str(e)) from None
    return table_from_bytes(data, path.name)
