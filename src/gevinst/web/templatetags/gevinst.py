# SPDX-License-Identifier: MPL-2.0
"""Figures in the Danish format the documents print ("-1.474", "0,5"), through the core's
one formatting function."""

from __future__ import annotations

from decimal import Decimal

from django import template

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
