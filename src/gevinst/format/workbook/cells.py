# SPDX-License-Identifier: MPL-2.0
"""A value as a workbook's cell holds it: text on one line and never a formula, whole
amounts as exact ints."""

from __future__ import annotations

import re
from decimal import Decimal

from gevinst.format.cells import neutralise

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def cell_text(text: str) -> str:
    """Text as a cell holds it: on one line (spreadsheets mangle control characters) and
    never read as a formula."""
    return neutralise(_CONTROL.sub(" ", text))


def number(amount: Decimal) -> int | float:
    """An amount as a cell holds it: whole amounts stay exact ints in the file."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def decimals(amount: Decimal) -> int:
    """How many decimals an amount is written with: 0 for 1474, 1 for 12,5."""
    exponent = amount.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
