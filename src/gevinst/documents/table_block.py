# SPDX-License-Identifier: MPL-2.0
"""A table as a block of the document (headings, prose, tables, fields and charts), which the
PDF and the web page lay out alike: its title, columns, rows, widths and alignment, and
whether it may break over pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Block = dict[str, Any]
Cell = str | dict[str, Any]

# a table with more rows or text than this may not fit a page whole
LONG_ROWS = 22
LONG_TEXT = 1500


def table(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Block],
    widths: Sequence[float | str],
    align: Sequence[str],
    unit: str = "",
    notes: Iterable[str] = (),
    continues: str = "",
) -> Block:
    return {
        "kind": "table",
        "title": title,
        # what a page that goes on with the table says above it: "<title> (fortsat)"
        "continues": continues or title,
        "unit": unit,
        "columns": list(columns),
        "rows": list(rows),
        "widths": list(widths),
        "align": list(align),
        "notes": list(notes),
        "breakable": long(rows),
    }


def row(cells: Sequence[Cell], style: str = "") -> Block:
    return {"cells": list(cells), "style": style}


def long(rows: Sequence[Block]) -> bool:
    """Whether a table may be longer than a page, so that it must break rather than move whole
    to the next page."""
    text = sum(len(c if isinstance(c, str) else c["text"]) for r in rows for c in r["cells"])
    return len(rows) > LONG_ROWS or text > LONG_TEXT
