# SPDX-License-Identifier: MPL-2.0
"""A yearly amount series: immutable, Decimal only, missing years are zero.

Every series carries its scale (1.000 kr. by default) and, where known, its price level
("2025 p/l"); adding series of different price levels or scales is refused, so figures at
different prices are never silently mixed. Sign convention everywhere: savings and income
negative, costs positive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType, MemberDescriptorType
from typing import cast

ZERO = Decimal(0)


class Series(Mapping[int, Decimal]):
    """Amounts by year. ``series[year]`` is zero for a year that has no amount."""

    __slots__ = ("_values", "price_level", "scale")
    _values: Mapping[int, Decimal]
    price_level: int | None
    scale: int

    def __init__(
        self,
        values: Mapping[int, Decimal] | Iterable[tuple[int, Decimal]] = (),
        price_level: int | None = None,
        scale: int = 1000,
    ) -> None:
        items = values.items() if isinstance(values, Mapping) else values
        clean: dict[int, Decimal] = {}
        for year, amount in items:
            if not isinstance(amount, Decimal):
                raise TypeError(f"amount for {year} must be Decimal, not {type(amount).__name__}")
            whole = int(year)
            clean[whole] = clean.get(whole, ZERO) + amount
        _fill(self, _in_order(clean), price_level, scale)

    @classmethod
    def _checked(
        cls, values: dict[int, Decimal], price_level: int | None, scale: int, ordered: bool = False
    ) -> Series:
        """A series of values already known to be Decimal by whole years (``ordered``: in
        order of year already), in a dict of its own: the arithmetic below makes many, and
        checking each amount again was most of the check's time."""
        out = object.__new__(cls)
        _fill(out, values if ordered else _in_order(values), price_level, scale)
        return out

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Series is immutable")

    def __getitem__(self, year: int) -> Decimal:
        return self._values.get(year, ZERO)

    def __contains__(self, year: object) -> bool:
        return year in self._values

    def __iter__(self) -> Iterator[int]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        """Equal amounts year by year; two series that could not be added (another scale,
        another known price level) are never equal. A plain mapping states neither, so it
        compares by its amounts alone."""
        if not isinstance(other, Mapping):
            return NotImplemented
        if isinstance(other, Series) and self._mixing(other):
            return False
        years = set(self) | set(other)
        return all(self[y] == other.get(y, ZERO) for y in years)

    def __hash__(self) -> int:
        # not the price level: an unknown level equals every level (as in ``__add__``)
        return hash((self.scale, tuple((y, a) for y, a in self._values.items() if a)))

    def _mixing(self, other: Series) -> str | None:
        """Why ``self`` and ``other`` cannot be combined, or None if they can: another
        scale, or another price level where both are known."""
        if self.scale != other.scale:
            return f"amounts in scale {self.scale} and {other.scale}"
        if None not in (self.price_level, other.price_level) and (
            self.price_level != other.price_level
        ):
            return f"amounts at {self.price_level} p/l and {other.price_level} p/l"
        return None

    def __repr__(self) -> str:
        inner = ", ".join(f"{y}: {a}" for y, a in self._values.items())
        level = f", price_level={self.price_level}" if self.price_level else ""
        return f"Series({{{inner}}}{level})"

    def __add__(self, other: Series) -> Series:
        mixing = self._mixing(other)
        if mixing:
            raise ValueError(f"cannot add {mixing}")
        level = self.price_level if self.price_level is not None else other.price_level
        values = _plus(dict(self._values), other._values)
        # no year added: the years are this series' own, in order
        return Series._checked(values, level, self.scale, ordered=len(values) == len(self))

    def __neg__(self) -> Series:
        values = {y: -a for y, a in self._values.items()}
        return Series._checked(values, self.price_level, self.scale, ordered=True)

    def __sub__(self, other: Series) -> Series:
        return self + (-other)

    def at(self, years: Iterable[int]) -> list[Decimal]:
        """The amounts of ``years``, in their order, zero for a year without one: a row as a
        table prints it, read without a call of ``series[year]`` for each year."""
        get = self._values.get
        return [get(year, ZERO) for year in years]

    def total(self) -> Decimal:
        return sum(self._values.values(), ZERO)

    def is_zero(self) -> bool:
        return not any(self._values.values())

    def first_year(self) -> int | None:
        """The first year with a non-zero amount."""
        return next((y for y, a in self._values.items() if a), None)


# the setters of Series' slots: it refuses assignment by name (``__setattr__``), and a check
# makes tens of thousands of series; setting the three fields by object.__setattr__ by name
# took 0,41 us of the 2,5 us of making one, by the setters 0,24 us (timeit)
_SET_VALUES, _SET_LEVEL, _SET_SCALE = (
    cast(MemberDescriptorType, Series.__dict__[slot]).__set__
    for slot in ("_values", "price_level", "scale")
)


def _fill(series: Series, values: dict[int, Decimal], price_level: int | None, scale: int) -> None:
    """Set a new series' fields, once: Series refuses every later assignment. ``values`` are
    the series' own, in order of year."""
    _SET_VALUES(series, MappingProxyType(values))
    _SET_LEVEL(series, price_level)
    _SET_SCALE(series, scale)


def _in_order(values: dict[int, Decimal]) -> dict[int, Decimal]:
    """``values`` in order of year: the dict itself where it is so already (most are, built
    year by year or from series that are), else a sorted copy."""
    years = sorted(values)
    return values if years == list(values) else {year: values[year] for year in years}


def _plus(values: dict[int, Decimal], amounts: Mapping[int, Decimal]) -> dict[int, Decimal]:
    """``values`` with ``amounts`` added year by year, as one addition to each year's running
    sum (a year ``values`` lacks starts at 0 + amount), in place. A plain loop: for a row of
    a few years it was faster than adding the years pairwise with map and zip (timeit)."""
    for year, amount in amounts.items():
        values[year] = values.get(year, ZERO) + amount
    return values


def sum_series(many: Iterable[Series]) -> Series:
    """The sum of ``many``, as adding them one by one to an empty series would give (the same
    additions in the same order, the same refusals), without a series for each step: the
    check sums lines this way thousands of times."""
    total = EMPTY
    values: dict[int, Decimal] = {}
    for s in many:
        mixing = total._mixing(s)
        if mixing:
            raise ValueError(f"cannot add {mixing}")
        if total.price_level is None and s.price_level is not None:
            total = Series._checked({}, s.price_level, total.scale)
        values = _plus(values, s._values)
    return Series._checked(values, total.price_level, total.scale)


EMPTY = Series()  # no amounts, no price level: what an absent row counts as
