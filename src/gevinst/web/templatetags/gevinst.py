# SPDX-License-Identifier: MPL-2.0
"""Figures in the Danish format the documents print ("-1.474", "0,5"), through the core's
one formatting function; a proposal's texts with their paragraphs, lists and emphasis
(:mod:`gevinst.core.text`), every word escaped."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from gevinst.core import text
from gevinst.core.numbers import dk as _dk
from gevinst.core.series import Series

register = template.Library()


@register.filter
def dk(amount: Decimal | None) -> str:
    return _dk(amount)


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
