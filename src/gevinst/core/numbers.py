# SPDX-License-Identifier: MPL-2.0
"""Danish number format for figures in messages and tables: "-1.474", "0,5"."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "da_DK"


def dk(amount: Decimal | None, blank: str = "") -> str:
    """A figure as a Danish document prints it; ``blank`` for a missing one."""
    if amount is None:
        return blank
    return format_decimal(amount, locale=LOCALE, decimal_quantization=False)
