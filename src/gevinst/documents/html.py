# SPDX-License-Identifier: MPL-2.0
"""The document's blocks (:mod:`gevinst.documents.blocks`) as HTML, for the web
application's proposal page: the same headings, prose, tables, fields, charts and notices the
PDF lays out, so the page reads like the document. Every text is escaped; only a chart's SVG,
which matplotlib draws from the figures, is put in as it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from gevinst.documents.charts import Chart, chart_svg

Block = Mapping[str, Any]
# a heading level of the document (1: the catalog's parts, 2: a proposal's sections, 3:
# their parts) -> the page's level, under the page's own <h1>
HEADINGS = {1: 2, 2: 2, 3: 3}
STYLES = {"sub": "subtotal", "total": "total", "group": "group"}
NUMBER = ' class="num"'


def render(blocks: Iterable[Block], after: Callable[[Block], str] | None = None) -> str:
    """The blocks as HTML; ``after`` gives what the page puts after a block (its review
    comments, which no document prints), already HTML."""
    return "\n".join(_block(b) + (after(b) if after else "") for b in blocks)


def place(b: Block) -> tuple[str, str] | None:
    """What a block is, as a review comment's address names it: ``("section", "2")`` for a
    section's heading, ``("table", "1")`` for a table the findings name; None otherwise."""
    if b["kind"] == "heading" and b.get("section"):
        return "section", str(b["section"])
    if b["kind"] == "table" and b.get("anchor"):
        return "table", str(b["anchor"])
    return None


def _block(b: Block) -> str:
    try:
        draw = RENDERERS[b["kind"]]
    except KeyError:
        raise ValueError(f"a block of an unknown kind: {b['kind']!r}") from None
    return draw(b)


def _heading(b: Block) -> str:
    level = HEADINGS.get(b["level"], 4)
    return f"<h{level}>{escape(b['text'])}</h{level}>"


def _chart(b: Block) -> str:
    svg, caption = chart_svg(Chart.from_json(b["chart"])), escape(b["caption"])
    return (
        f'<figure class="chart"><div role="img" aria-label="{caption}">'
        f"{svg[svg.index('<svg') :]}</div><figcaption>{caption}</figcaption></figure>"
    )


def _runs(runs: Sequence[Mapping[str, Any]]) -> str:
    out = []
    for r in runs:
        text = escape(r["text"])
        if r.get("italic"):
            text = f"<em>{text}</em>"
        if r.get("bold"):
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _prose(blocks: Sequence[Block]) -> str:
    out = []
    for b in blocks:
        if b["kind"] == "paragraph":
            out.append(f"<p>{_runs(b['runs'])}</p>")
        elif b["kind"] == "bullets":
            out.append("<ul>" + "".join(f"<li>{_runs(i)}</li>" for i in b["items"]) + "</ul>")
        else:
            items = "".join(f"<li>{_runs(i)}</li>" for i in b["items"])
            out.append(f'<ol start="{int(b["start"])}">{items}</ol>')
    return '<div class="prose">' + "".join(out) + "</div>"


def _cell(cell: str | Mapping[str, Any], tag: str, align: str, span: int) -> str:
    text = cell if isinstance(cell, str) else cell["text"]
    body = _prose(cell["prose"]) if isinstance(cell, Mapping) and "prose" in cell else escape(text)
    attributes = NUMBER if align == "right" else ""
    attributes += f' colspan="{span}"' if span > 1 else ""
    attributes += ' scope="row"' if tag == "th" else ""
    return f"<{tag}{attributes}>{body}</{tag}>"


def _row(row: Mapping[str, Any], align: Sequence[str]) -> str:
    cells, x = [], 0
    for i, cell in enumerate(row["cells"]):
        wanted = cell.get("span", 1) if isinstance(cell, Mapping) else 1
        span = len(align) - x if wanted == 0 else wanted
        # a cell's own alignment, where it spans columns of another (Tabel 1's payback text)
        own = cell.get("align") if isinstance(cell, Mapping) else None
        at = own or align[min(x, len(align) - 1)]
        cells.append(_cell(cell, "th" if i == 0 else "td", at, span))
        x += span
    style = STYLES.get(row.get("style", ""), "")
    return (
        f'<tr class="{style}">' + "".join(cells) + "</tr>"
        if style
        else "<tr>" + "".join(cells) + "</tr>"
    )


def _table(b: Block) -> str:
    align = b["align"]
    head = "".join(
        f'<th scope="col"{NUMBER if a == "right" else ""}>{escape(c)}</th>'
        for c, a in zip(b["columns"], align, strict=False)
    )
    caption = " ".join(escape(t) for t in (b["title"], b["unit"] and f"({b['unit']})") if t)
    body = "".join(_row(r, align) for r in b["rows"])
    notes = "".join(f"<p class='note'>{escape(n)}</p>" for n in b["notes"])
    # a table wider than the page scrolls; the keyboard reaches the scrolling region by its
    # name (WCAG 2.1.1, axe's scrollable-region-focusable: a ten-year table at 1366 px)
    # (named by its caption; a table without one is reached by the keyboard all the same)
    named = f' role="region" aria-label="{caption}"' if caption else ""
    region = f' tabindex="0"{named}'
    return (
        f'<div class="scroll"{_anchor(b)}{region}><table class="data">'
        + (f"<caption>{caption}</caption>" if caption else "")
        + f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{notes}</div>"
    )


def anchor_id(table: str) -> str:
    """The page's id of the table the findings name ``table`` ("1", "2.1", "A")."""
    return "tabel-" + table.replace(".", "-")


def anchors(blocks: Iterable[Block]) -> set[str]:
    """The tables of ``blocks`` that a finding can point at, as the findings name them."""
    return {b["anchor"] for b in blocks if b["kind"] == "table" and b.get("anchor")}


def _anchor(b: Block) -> str:
    return f' id="{escape(anchor_id(b["anchor"]))}"' if b.get("anchor") else ""


def _fields(rows: Sequence[Sequence[Any]]) -> str:
    items = []
    for label, value in rows:
        shown = "<br>".join(escape(v) for v in value) if isinstance(value, list) else escape(value)
        items.append(f"<dt>{escape(label)}</dt><dd>{shown}</dd>")
    return '<dl class="fields">' + "".join(items) + "</dl>"


RENDERERS = {
    "heading": _heading,
    "part": lambda b: f'<p class="part">{escape(b["text"])}</p>',
    "prose": lambda b: _prose(b["blocks"]),
    "table": _table,
    "fields": lambda b: _fields(b["rows"]),
    "notice": lambda b: f'<p class="tag notice">{escape(b["text"])}</p>',
    "chart": _chart,
}
