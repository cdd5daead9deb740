# SPDX-License-Identifier: MPL-2.0
"""How a cell looks, as the layout names it: the writer turns each style into its own format
(docs/xlsx-layout.md: yellow inputs, whole amounts without decimals, grey helper rows)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, auto

from gevinst.format.workbook.cells import decimals


class Style(Enum):
    TITLE = auto()
    BOLD = auto()
    HEADER = auto()
    TOTAL_LABEL = auto()
    WRAP = auto()
    NOTE = auto()
    YEAR = auto()
    HELPER = auto()  # a helper row's figure


@dataclass(frozen=True)
class Amount:
    """An amount shown with its own decimals; a total bold and ruled; an input yellow and
    unlocked."""

    places: int
    total: bool = False
    editable: bool = False


Look = Style | Amount


def amount_style(
    amount: Decimal, total: bool = False, editable: bool = False, least: int = 0
) -> Amount:
    """An amount's look with its own decimals, and at least ``least`` (the profile's money
    writes mio. kr. with one: "2,0")."""
    return Amount(max(decimals(amount), least), total, editable)
