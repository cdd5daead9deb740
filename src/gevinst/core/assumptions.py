# SPDX-License-Identifier: MPL-2.0
"""Shared assumptions: municipality-wide values with their source, valid for a period.

Like OpenFisca's dated parameters, an assumption is asked for its value *as of* a day; a
new value starts a new period and never rewrites an old one, so a proposal computed last
year can be recomputed with last year's values. Proposals refer to assumptions by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from gevinst.core.errors import MissingKeyError


@dataclass(frozen=True)
class Period:
    """One value of an assumption, valid from ``start`` (inclusive) until the next period."""

    start: dt.date
    value: Decimal
    reference: str = ""  # the legal or administrative source of this value


@dataclass(frozen=True)
class Assumption:
    name: str
    label: str  # Danish, for explanations: "årstimenorm"
    unit: str  # "timer", "t.kr.", "pct.", ...
    periods: tuple[Period, ...]  # sorted by start
    source: str = ""

    def period(self, as_of: dt.date) -> Period:
        valid = [p for p in self.periods if p.start <= as_of]
        if not valid:
            first = self.periods[0].start if self.periods else None
            raise MissingKeyError(
                f"antagelsen {self.name!r} har ingen værdi pr. {as_of} (gælder fra {first})"
            )
        return valid[-1]

    def value(self, as_of: dt.date) -> Decimal:
        return self.period(as_of).value


class Assumptions(Mapping[str, Assumption]):
    """The library of shared assumptions of a municipality."""

    def __init__(self, assumptions: Iterable[Assumption] = ()) -> None:
        self._by_name = {a.name: a for a in assumptions}

    def __getitem__(self, name: str) -> Assumption:
        try:
            return self._by_name[name]
        except KeyError:
            raise MissingKeyError(f"ukendt antagelse: {name!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def value(self, name: str, as_of: dt.date) -> Decimal:
        return self[name].value(as_of)

    def with_value(self, name: str, value: Decimal, start: dt.date) -> Assumptions:
        """A library where ``name`` takes ``value`` from ``start`` on (a what-if)."""
        a = self[name]
        periods = (
            *(p for p in a.periods if p.start < start),
            Period(start, value, "ændret i en beregning (hvad-nu-hvis)"),
        )
        return Assumptions(
            [*(x for x in self.values() if x.name != name), replace(a, periods=periods)]
        )
