# SPDX-License-Identifier: MPL-2.0
"""Figures in the Danish format the documents print ("-1.474", "0,5"), through the core's
one formatting function, or as the catalog's profile prints them (``pr``, a
:class:`~gevinst.core.template.Printing` in the page's context: "-1,474" and "2025/26" for an
English council, "2,0" for mio. kr. with one decimal); a proposal's texts with their
paragraphs, lists and emphasis (:mod:`gevinst.core.text`), every word escaped."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import template
from django.template import Context
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from gevinst.core import text
from gevinst.core.numbers import dk as _dk
from gevinst.core.series import Series
from gevinst.core.summary import Summary, SummaryColumn, SummaryRow
from gevinst.core.template import Printing

register = template.Library()


@register.filter
def dk(amount: Decimal | None) -> str:
    return _dk(amount)


def _printing(context: Context) -> Printing | None:
    """The page's printing (``pr``), where its view gave one."""
    pr = context.get("pr")
    return pr if isinstance(pr, Printing) else None


@register.simple_tag(takes_context=True)
def money(context: Context, amount: Decimal | None) -> str:
    """``{% money amount %}``: an amount as the page's profile prints it, with its decimals
    ("-1,474", "2,0"); in Danish on a page without one."""
    pr = _printing(context)
    return _dk(amount) if pr is None else pr.figure(amount)


@register.simple_tag(takes_context=True)
def money_label(context: Context) -> str:
    """``{% money_label as unit %}``: the page's profile's money label ("£", "mio. kr."),
    Copenhagen's "1.000 kr." on a page without one."""
    pr = _printing(context)
    return "1.000 kr." if pr is None else pr.unit


@register.simple_tag(takes_context=True)
def fy(context: Context, year: int | None) -> str:
    """``{% fy year %}``: a year as the page's profile prints it ("2025/26"); as it is on a
    page without one."""
    pr = _printing(context)
    return str(year) if pr is None or not isinstance(year, int) else pr.year(year)


@register.simple_tag
def area_part(s: Summary, r: SummaryRow | None, column: SummaryColumn) -> Decimal | None:
    """``{% area_part s r c as v %}``: a summary table's figure in a column of the split by
    area (``r`` None: the table's total), as the core gives it."""
    return s.area_part(r, column)


@register.filter
def year(series: Series | None, y: int) -> Decimal | None:
    """The amount of ``series`` in year ``y``; None where it has none."""
    return None if series is None else series.get(y)


def _run(run: text.Run) -> SafeString:
    html = format_html("{}", run.text)
    if run.italic:
        html = format_html("<em>{}</em>", html)
    if run.bold:
        html = format_html("<strong>{}</strong>", html)
    return html


def _runs(p: text.Paragraph) -> SafeString:
    return format_html_join("", "{}", ((_run(r),) for r in p.runs))


def _items(items: tuple[text.Paragraph, ...]) -> SafeString:
    return format_html_join("", "<li>{}</li>", ((_runs(i),) for i in items))


def _block(block: text.Block) -> SafeString:
    if isinstance(block, text.BulletList):
        return format_html("<ul>{}</ul>", _items(block.items))
    if isinstance(block, text.NumberedList):
        return format_html('<ol start="{}">{}</ol>', block.start, _items(block.items))
    return format_html("<p>{}</p>", _runs(block))


@register.filter
def markup(written: str) -> SafeString:
    """A printed text as HTML, as the documents print it."""
    return format_html_join("\n", "{}", ((_block(b),) for b in text.parse(written)))


@register.filter
def get_item(mapping: Mapping[Any, Any], key: Any) -> Any:
    """``mapping[key]`` in a template, where the key is a variable (a year)."""
    return mapping.get(key, "")
