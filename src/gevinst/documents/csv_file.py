# SPDX-License-Identifier: MPL-2.0
"""Every line of the catalog as one flat CSV file, for a spreadsheet or a script.

One row per line and year that the line has an amount for (a year left out of a line is
zero, docs/format.md). The file is written for a Danish finance officer who double-clicks it:

- UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and garbles
  æ, ø and å;
- fields separated by semicolons: Danish Excel uses the comma as its decimal mark and
  splits a CSV file on its list separator, the semicolon, so a comma-separated file would
  open as a single column; other programs read it with ``sep=";"``;
- amounts in the profile's scale (1.000 kr.) as plain numbers (``-1474``; a rare fraction
  with a point, ``12.5``, which Danish Excel shows as text), with no thousands separator, so
  a script reads them exactly;
- ``art`` and ``afsnit`` in Danish, as the template words them (``effektivisering``,
  ``varig``); ``art_kode`` and ``afsnit_kode`` at the end hold the data format's codes
  (``efficiency``, ``permanent``, docs/format.md) for a script (docs/exports.md).

An English profile's file (``language: en``) is written for an English reader instead: its
columns and values in English (``kind``: ``saving``), fields separated by commas (English
Excel's list separator), amounts in the profile's scale (whole pounds), and a financial year
named as the profile names it (``2025/26``).

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
from gevinst.core.template import DANISH, Printing, Wording, printing
from gevinst.format.cells import neutralise

# the columns of a Danish profile's file; an English profile's are in English
# (:attr:`gevinst.core.template.Wording.csv_columns`)
HEADER = DANISH.csv_columns
# the field separator: Danish spreadsheets read ";" (the comma is the decimal sign), English
# ones ","
DELIMITERS = {"da": ";", "en": ","}


def plain(amount: Decimal) -> str:
    """An amount as a script reads it: ``-1474`` or ``12.5``, never ``1.474`` or ``1E+3``."""
    # adding zero turns a negated zero ("-0") into "0"
    return format(amount + 0, "f")


def line_texts(line: Line, words: Wording = DANISH) -> tuple[str, ...]:
    """A line's descriptive columns: id, text, kind and section in the profile's language
    (Danish by default), styringsområde, booking."""
    kind, section = words.kind_names[line.kind], words.section_names[line.section]
    return line.id, line.text, kind, section, line.area or "", words.booking(line.booking)


def line_codes(line: Line) -> tuple[str, str]:
    """A line's kind and section as the data format's codes."""
    return str(line.kind), str(line.section)


def _rows(p: Proposal, printed: Printing) -> Iterator[list[str]]:
    for line in p.lines:
        texts = (p.id, p.title, *line_texts(line, printed.words))
        for year, amount in line.amounts.items():
            # a year and a price level as the profile names them: "2025", "2024/25"
            level = printed.year(p.price_level)
            numbers = (printed.year(year), plain(amount), level, str(p.scale))
            yield [*(neutralise(t) for t in texts), *numbers, *line_codes(line)]


def render_csv(cat: Catalog, options: ExportOptions) -> bytes:
    """Every line of every proposal that ``options`` selects, as the file's bytes, with the
    columns and values in the profile's language."""
    cat = select(cat, options)
    printed = printing(cat.profile)
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=DELIMITERS[printed.words.language])
    writer.writerow(printed.words.csv_columns)
    for p in cat.proposals:
        writer.writerows(_rows(p, printed))
    return text.getvalue().encode("utf-8-sig")
