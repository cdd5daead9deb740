# SPDX-License-Identifier: MPL-2.0
"""A body's money and periods: the currency, the scale amounts are written in, and the years
a budget counts.

Amounts in a catalog are written in the profile's *scale* (1, 1.000 or 1.000.000 of the
currency) with at most its *decimals*: Copenhagen writes whole 1.000 kr., another
municipality mio. kr. with one decimal, an English council whole pounds. The core computes
in the scale the figures are written in; :func:`rescale` converts between scales exactly.

A *financial year* is named by the calendar year it starts in: with ``start_month`` 4 the
year 2024 is 1 April 2024 to 31 March 2025 and is printed "2024/25". A calendar year
(``start_month`` 1) is printed as itself.

>>> Periods(start_month=4).label(2024), Periods().label(2025)
('2024/25', '2025')
>>> Periods(start_month=4).first_day(2024), Periods(start_month=4).last_day(2024)
(datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))
>>> Periods(start_month=4).year_of(datetime.date(2025, 2, 1))
2024
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from gevinst.core.errors import InputError

SCALES = (1, 1000, 1_000_000)


@dataclass(frozen=True)
class Money:
    """The currency (ISO 4217), the scale figures are written in, how many decimals a figure
    may have in that scale, the label printed over a table ("1.000 kr.", "£"), and the price
    basis: ``fixed`` prices of a year ("2025 p/l", "2025/26 prices") or ``cash`` (nominal:
    each year's own prices, "løbende priser")."""

    currency: str = "DKK"
    scale: int = 1000
    decimals: int = 0
    label: str = "1.000 kr."
    prices: str = "fixed"

    def __post_init__(self) -> None:
        if self.scale not in SCALES:
            raise InputError(f"skalaen skal være 1, 1.000 eller 1.000.000, ikke {self.scale}")
        if not 0 <= self.decimals <= 6:
            raise InputError(f"decimals skal være 0 til 6, ikke {self.decimals}")
        if self.prices not in ("fixed", "cash"):
            raise InputError(f"prices skal være fixed eller cash, ikke {self.prices!r}")

    @cached_property
    def quantum(self) -> Decimal:
        """The smallest figure written: 1 for whole amounts, 0,1 for one decimal; kept, as
        every rounding of every year asks for it."""
        return Decimal(1).scaleb(-self.decimals)


def rescale(amount: Decimal, from_scale: int, to_scale: int) -> Decimal:
    """An amount written in ``from_scale`` as it is written in ``to_scale``, exactly.

    >>> rescale(Decimal("1.5"), 1_000_000, 1000), rescale(Decimal("1500"), 1000, 1_000_000)
    (Decimal('1500.0'), Decimal('1.5'))
    """
    if from_scale == to_scale:
        return amount
    return amount * from_scale / to_scale


@dataclass(frozen=True)
class Periods:
    """The body's budget years: calendar years (``start_month`` 1) or financial years
    starting on the first day of ``start_month``, each named by the year it starts in."""

    start_month: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.start_month <= 12:
            raise InputError(f"start_month skal være 1 til 12, ikke {self.start_month}")

    @property
    def financial(self) -> bool:
        return self.start_month != 1

    def label(self, year: int) -> str:
        """The year as the body prints it: "2025", or "2024/25" for a financial year."""
        if not self.financial:
            return str(year)
        return f"{year}/{(year + 1) % 100:02d}"

    def first_day(self, year: int) -> datetime.date:
        return datetime.date(year, self.start_month, 1)

    def last_day(self, year: int) -> datetime.date:
        return self.first_day(year + 1) - datetime.timedelta(days=1)

    def year_of(self, day: datetime.date) -> int:
        """The budget year a day falls in."""
        return day.year if day.month >= self.start_month else day.year - 1
