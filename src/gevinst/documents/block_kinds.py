# SPDX-License-Identifier: MPL-2.0
"""The kinds of block (of headings, prose, tables, fields and charts, which the PDF and the web
page lay out alike) that more than one part of the document builds: a table (its title,
columns, rows, widths and alignment, and whether it may break over pages) and a printed
text in the format's markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gevinst.core import text as markup

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
    """A table's row; ``plain``: a row of plain texts, one a column, in the columns' own
    alignment (most rows of figures), which the PDF's template lays out as they come."""
    plain = style == "" and all(type(c) is str for c in cells)
    return {"cells": list(cells), "style": style, "plain": plain}


def long(rows: Sequence[Block]) -> bool:
    """Whether a table may be longer than a page, so that it must break rather than move whole
    to the next page."""
    text = sum(len(c if isinstance(c, str) else c["text"]) for r in rows for c in r["cells"])
    return len(rows) > LONG_ROWS or text > LONG_TEXT


def _runs(p: markup.Paragraph) -> list[dict[str, Any]]:
    return [{"text": r.text, "italic": r.italic, "bold": r.bold} for r in p.runs]


def prose(written: str) -> list[Block]:
    """A printed text's paragraphs and lists (the format's markup), for the template's
    ``prose``; every word stays a JSON string, so nothing in it is read as typst."""
    out: list[Block] = []
    for b in markup.parse(written):
        if isinstance(b, markup.Paragraph):
            out.append({"kind": "paragraph", "heading": b.is_heading, "runs": _runs(b)})
        elif isinstance(b, markup.BulletList):
            out.append({"kind": "bullets", "items": [_runs(i) for i in b.items]})
        else:
            out.append({"kind": "numbers", "start": b.start, "items": [_runs(i) for i in b.items]})
    return out


def para(written: str) -> list[Block]:
    """A printed text as a prose block; nothing where it is blank."""
    return [{"kind": "prose", "blocks": prose(written)}] if written.strip() else []
