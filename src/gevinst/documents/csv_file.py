# SPDX-License-Identifier: MPL-2.0
"""Every line of the catalog as one flat CSV file, for a spreadsheet or a script.

One row per line and year that the line has an amount for (a year left out of a line is
zero, docs/format.md). The file is written for a Danish finance officer who double-clicks it:

- UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and garbles
  æ, ø and å;
- fields separated by semicolons: Danish Excel uses the comma as its decimal mark and
  splits a CSV file on its list separator, the semicolon, so a comma-separated file would
  open as a single column; other programs read it with ``sep=";"``;
- amounts in 1.000 kr. as plain numbers (``-1474``; a rare fraction with a point, ``12.5``,
  which Danish Excel shows as text), with no thousands separator, so a script reads them
  exactly;
- ``art`` and ``afsnit`` in Danish, as the template words them (``effektivisering``,
  ``varig``); ``art_kode`` and ``afsnit_kode`` at the end hold the data format's codes
  (``efficiency``, ``permanent``, docs/format.md) for a script (docs/exports.md).

Every text passes through :func:`gevinst.format.cells.neutralise`, so that a spreadsheet never
runs a title or a text as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

from gevinst.core.model import (
    Catalog,
    Line,
    Proposal,
)
from gevinst.core.selection import ExportOptions, select
from gevinst.core.template import KIND_NAMES, SECTION_NAMES, booking_label
from gevinst.format.cells import neutralise

HEADER = (
    "forslag",
    "forslagstitel",
    "linje",
    "tekst",
    "art",
    "afsnit",
    "styringsområde",
    "fordeling",
    "år",
    "beløb",
    "prisniveau",
    "skala",
    "art_kode",
    "afsnit_kode",
)


def plain(amount: Decimal) -> str:
    """An amount as a script reads it: ``-1474`` or ``12.5``, never ``1.474`` or ``1E+3``."""
    # adding zero turns a negated zero ("-0") into "0"
    return format(amount + 0, "f")


def line_texts(line: Line) -> tuple[str, ...]:
    """A line's descriptive columns: id, text, kind and section in Danish, styringsområde,
    booking."""
    kind, section = KIND_NAMES[line.kind], SECTION_NAMES[line.section]
    return line.id, line.text, kind, section, line.area or "", booking_label(line.booking)


def line_codes(line: Line) -> tuple[str, str]:
    """A line's kind and section as the data format's codes."""
    return str(line.kind), str(line.section)


def _rows(p: Proposal) -> Iterator[list[str]]:
    for line in p.lines:
        texts = (p.id, p.title, *line_texts(line))
        for year, amount in line.amounts.items():
            numbers = (str(year), plain(amount), str(p.price_level), str(p.scale))
            yield [*(neutralise(t) for t in texts), *numbers, *line_codes(line)]


def render_csv(cat: Catalog, options: ExportOptions) -> bytes:
    """Every line of every proposal that ``options`` selects, as the file's bytes."""
    cat = select(cat, options)
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow(HEADER)
    for p in cat.proposals:
        writer.writerows(_rows(p))
    return text.getvalue().encode("utf-8-sig")
