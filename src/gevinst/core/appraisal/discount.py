# SPDX-License-Identifier: MPL-2.0
"""Discount-rate schedules, discount factors and present values: the one place gevinst
discounts (:mod:`gevinst.core.npv` discounts through it with a constant schedule).

The convention (core/npv.py's, for a rate that may step down with time):

- **Year 0** is undiscounted; year ``t`` is the ``t``-th year after it, and its flow is taken
  to fall at the end of the year.
- **A schedule** is a list of bands ``(from year index, rate)``: the first from year 0, each
  rate valid until the next band starts. Finansministeriet (2021): ``(0, 3,5 %), (36, 2,5 %),
  (71, 1,5 %)``, "3,5 pct. for år 0-35, 2,5 pct. for år 36-70 og 1,5 pct. derefter"; HM
  Treasury's Green Book: ``(0, 3,5 %), (31, 3,0 %), (76, 2,5 %), ...``, "0-30 years 3.5 %,
  31-75 years 3.0 %".
- **The factor** of year ``t`` is ``1 / g(t)`` with the growth ``g(t) = (1 + r_1) × ... ×
  (1 + r_t)``, ``r_k`` the rate of year ``k``'s band: each year is discounted by the rate of
  the year it falls in and by every earlier year's, so the rate steps down without a jump in
  the factors (the way both guides' tables of factors are made). With one band,
  ``g(t) = (1 + r) ** t``, computed as that very power so a constant schedule gives
  core/npv.py's figures digit for digit.

Worked examples (``tests/core/appraisal/test_discount.py``):

- 10 % flat: factor(2) = 1 / 1,1² = 1 / 1,21; 100 in year 0 and -110 in year 1 give
  100 - 110 / 1,1 = 0.
- Green Book: factor(31) = 1 / (1,035^30 × 1,03) = 1 / 2,890998 = 0,345901.
- Finansministeriet: factor(36) = 1 / (1,035^35 × 1,025) = 1 / 3,416930 = 0,292660.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from gevinst.core.errors import InputError, MissingKeyError
from gevinst.core.numbers import dk
from gevinst.core.series import ZERO, Series

if TYPE_CHECKING:
    from gevinst.core.template import Printing

ONE = Decimal(1)


def _as_written(danish: str) -> str:
    return danish


@dataclass(frozen=True)
class RateBand:
    """A rate valid from year index ``start`` (inclusive) until the next band's start."""

    start: int
    rate: Decimal


@dataclass(frozen=True)
class RateSchedule:
    """Discount rates by year index, as bands; ``reference`` says where they are from."""

    bands: tuple[RateBand, ...]
    reference: str = ""

    def __post_init__(self) -> None:
        problem = _band_problem(self.bands)
        if problem:
            raise InputError(problem)

    @classmethod
    def constant(cls, rate: Decimal, reference: str = "") -> RateSchedule:
        """One rate for every year (core/npv.py's profile assumption)."""
        return cls((RateBand(0, rate),), reference)

    def rate(self, t: int) -> Decimal:
        """The rate of year ``t``'s band."""
        return next(b.rate for b in reversed(self.bands) if b.start <= t)

    def growth(self, t: int) -> Decimal:
        """``(1 + r_1) × ... × (1 + r_t)``: what 1 at year 0 grows to by the end of year t."""
        if t < 0:
            raise InputError(f"et år før år 0 diskonteres ikke ({t})")
        total = ONE
        for i, band in enumerate(self.bands):
            end = self.bands[i + 1].start - 1 if i + 1 < len(self.bands) else t
            # years 1..t that fall in this band: max(start, 1) .. min(end, t)
            years = min(end, t) - max(band.start, 1) + 1
            if years > 0:
                total *= (ONE + band.rate) ** years
        return total

    def factor(self, t: int) -> Decimal:
        """The discount factor of year ``t``: ``1 / growth(t)``."""
        return ONE / self.growth(t)

    def describe(self, pr: Printing | None = None) -> str:
        """In ``pr``'s language and number format, Danish without one: "3,5 % år 0-30, 3 %
        fra år 31", "3.5 % years 0-30, 3 % from year 31" (the words are the terminal's,
        core/template.py's ``Wording.terminal``, as the documents' schedule table has them).

        >>> RateSchedule((RateBand(0, Decimal("0.035")), RateBand(31, Decimal("0.03")))).describe()
        '3,5 % år 0-30, 3 % fra år 31'
        """
        term = pr.words.term if pr is not None else _as_written
        figure = pr.plain if pr is not None else dk
        parts = []
        for i, band in enumerate(self.bands):
            pct = f"{figure(band.rate * 100)} %"
            if i + 1 < len(self.bands):
                years = term("år {first}-{last}").format(
                    first=band.start, last=self.bands[i + 1].start - 1
                )
            else:
                years = term("fra år {first}").format(first=band.start)
            parts.append(f"{pct} {years}")
        return ", ".join(parts)


def _band_problem(bands: Sequence[RateBand]) -> str:
    if not bands:
        return "en diskonteringsrentes forløb skal have mindst én periode"
    if bands[0].start != 0:
        return f"diskonteringsrentens første periode skal begynde i år 0, ikke {bands[0].start}"
    for before, after in pairwise(bands):
        if after.start <= before.start:
            return (
                f"diskonteringsrentens perioder skal stå i rækkefølge: år {after.start} "
                f"efter år {before.start}"
            )
    for band in bands:
        if band.rate <= -ONE:
            return f"diskonteringsrenten skal være større end -1, ikke {dk(band.rate)}"
    return ""


def present_value(flows: Sequence[Decimal], schedule: RateSchedule) -> Decimal:
    """The present value at year 0 of ``flows[t]`` in year ``t``: the sum of each flow divided
    by its growth (a division, not a multiplication by a rounded factor). Unrounded."""
    total = ZERO
    for t, flow in enumerate(flows):
        total += flow / schedule.growth(t)
    return total


def discounted(series: Series, schedule: RateSchedule, first_year: int, last_year: int) -> Decimal:
    """The present value in ``first_year`` (year 0) of a yearly series over the years
    ``first_year`` to ``last_year`` inclusive; years outside them are not counted."""
    return present_value([series[y] for y in range(first_year, last_year + 1)], schedule)


@dataclass(frozen=True)
class ScheduleEdition:
    """A schedule as published from a day on (a new edition never rewrites an old one)."""

    start: dt.date
    schedule: RateSchedule


@dataclass(frozen=True)
class DiscountRates:
    """The dated editions of a body's discount-rate schedule, with their source: asked as of
    a day, like a shared assumption (:mod:`gevinst.core.assumptions`)."""

    label: str
    source: str
    editions: tuple[ScheduleEdition, ...]  # sorted by start

    def as_of(self, day: dt.date) -> ScheduleEdition:
        valid = [e for e in self.editions if e.start <= day]
        if not valid:
            first = self.editions[0].start if self.editions else None
            raise MissingKeyError(
                f"{self.label} har ingen udgave pr. {day} (den første gælder fra {first})"
            )
        return valid[-1]
