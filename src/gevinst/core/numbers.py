# SPDX-License-Identifier: MPL-2.0
"""Danish number format for figures in messages and tables: "-1.474", "0,5"."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "da_DK"


def dk(amount: Decimal | None, blank: str = "", places: int | None = None) -> str:
    """A figure as a Danish document prints it; ``blank`` for a missing one; with ``places``
    always that many decimals ("56,0")."""
    if amount is None:
        return blank
    if places is not None:
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(amount, format=pattern, locale=LOCALE)
    return format_decimal(amount, locale=LOCALE, decimal_quantization=False)
