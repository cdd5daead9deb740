# SPDX-License-Identifier: MPL-2.0
"""When a follow-up goal is due (issue 13, items 6 and 7): the template's Danish time phrase
("Tredje kvartal 2025", "Primo 2025 (løbende)", "Kvartalsvis") read as a date interval and,
for a recurring goal, its recurrence.

A phrase is read whole or not at all: one that does not follow the forms below is an
:class:`InputError` naming it, never a guess. Case and spacing do not matter.

A period, as the phrases name it (public-sector usage; a year split into a start, a middle
and an end that leave no gap between them):

=============================  ====================================================
phrase                         interval
=============================  ====================================================
Første/Andet/Tredje/Fjerde     the quarter: 1 Jan–31 Mar, 1 Apr–30 Jun,
kvartal 2025                   1 Jul–30 Sep, 1 Oct–31 Dec
Q1 2025 … Q4 2025, 1Q 2025     the same quarter
Primo 2025                     the start of the year: 1 Jan–31 Mar
Medio 2024                     the middle of the year: 1 Apr–30 Sep
Ultimo 2024                    the end of the year: 1 Oct–31 Dec
Sommeren 2025                  1 Jun–31 Aug
Maj 2025, September 2025       the month
Udgangen af Q2 2024            the quarter's last month: 1–30 Jun 2024
Udgangen af 2025               the year's last month: 1–31 Dec 2025
=============================  ====================================================

A whole phrase is a period, or one of:

====================================================  ==========================================
phrase                                                due
====================================================  ==========================================
PERIOD (løbende)                                      from the period on, continuously
Første gang i PERIOD og herefter årligt               the period, then the same time each year
  … i investeringsperioden op til sommerferien        (the end of the investment period is
                                                      not yet applied)
Årligt ved årets udgang og første gang med PERIOD     the period, then the same time each year
Kvartalsvis                                           each quarter from the proposal's first year
Månedligt                                             each month from the proposal's first year
Årligt                                                each year from the proposal's first year
Løbende                                               continuously from the proposal's first year
Ca. 8-10 gange årligt i forbindelse med               each quarter from the proposal's first
styregruppemøder og 4 gange ifm. TMF IT-rådsmøder     year: the four IT council meetings are the
                                                      fixed points; the steering group's are
                                                      approximate
====================================================  ==========================================

A continuous goal has one occurrence, open from its start to the day it is looked at.

Quarters follow the profile's years (``periods``): with calendar years (Copenhagen) "Q4 2025"
is October to December 2025; with financial years from April a quarter is of the financial
year named by the year it starts in, so Q1 2025 (also written "Q1 2025/26") is April to June
2025 and Q4 2025 is January to March 2026. A phrase without a date of its own (Kvartalsvis,
Årligt, ...) starts with the proposal's first budget year. Primo, medio, ultimo, the months and
"udgangen af 2025" keep their calendar meaning.

>>> from gevinst.core.money import Periods
>>> april = Periods(start_month=4)
>>> d = parse_when("Q4 2025", 2025)
>>> d.start, d.end
(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
>>> d = parse_when("Q1 2025/26", 2025, april)
>>> d.start, d.end
(datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
>>> d = parse_when("Q4 2025", 2025, april)
>>> d.start, d.end
(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
>>> parse_when("Kvartalsvis", 2025, april).end
datetime.date(2025, 6, 30)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from gevinst.core.errors import InputError
from gevinst.core.money import Periods

Recurrence = Literal["yearly", "quarterly", "monthly", "continuous"]

# months between one occurrence and the next
_STEP: dict[Recurrence, int] = {"yearly": 12, "quarterly": 3, "monthly": 1}

_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_QUARTER_WORDS = ("første", "andet", "tredje", "fjerde")
_YEAR = r"(\d{4})"
# a quarter's year: "2025", or a financial year "2025/26" (checked to be one year on)
_FY = r"(\d{4})(?:/(\d{2}))?"


@dataclass(frozen=True)
class Due:
    """When a goal is first due (``start`` to ``end``, both included), how it recurs after
    that (None: once), and the phrase it was read from."""

    start: date
    end: date
    recurrence: Recurrence | None
    text: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"{self.text!r}: slutter {self.end} før start {self.start}")


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """From the first day of month ``first`` to the last day of month ``last``."""
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _quarter(year: int, q: int, periods: Periods, last_month: bool = False) -> tuple[date, date]:
    """Quarter ``q`` of budget year ``year`` (its last month alone where ``last_month``):
    with financial years from April, Q4 2025 is January to March 2026."""
    first = _add_months(periods.first_day(year), 3 * (q - 1), month_end=False)
    last = _add_months(first, 2, month_end=False)
    start = last if last_month else first
    return start, date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])


def _fy(m: re.Match[str], group: int) -> int | None:
    """The year of a quarter; None for "2025/27", which is no financial year."""
    year, tail = int(m[group]), m[group + 1]
    if tail is not None and int(tail) != (year + 1) % 100:
        return None
    return year


Meaning = Callable[[re.Match[str], Periods], tuple[date, date] | None]


def _in_quarter(group_q: int, group_y: int, last_month: bool = False) -> Meaning:
    def meaning(m: re.Match[str], periods: Periods) -> tuple[date, date] | None:
        year = _fy(m, group_y)
        q = _quarter_number(m[group_q])
        return None if year is None else _quarter(year, q, periods, last_month)

    return meaning


def _quarter_number(text: str) -> int:
    return _QUARTER_WORDS.index(text) + 1 if text in _QUARTER_WORDS else int(text)


def _period_forms() -> list[tuple[str, Meaning]]:
    """Each form of a period as a pattern and what its match means in the profile's years."""
    quarter_words = "|".join(_QUARTER_WORDS)
    month_names = "|".join(_MONTHS)
    return [
        (rf"({quarter_words}) kvartal {_FY}", _in_quarter(1, 2)),
        (rf"q([1-4]) {_FY}", _in_quarter(1, 2)),
        (rf"([1-4])q {_FY}", _in_quarter(1, 2)),
        (rf"primo {_YEAR}", lambda m, _: _months(int(m[1]), 1, 3)),
        (rf"medio {_YEAR}", lambda m, _: _months(int(m[1]), 4, 9)),
        (rf"ultimo {_YEAR}", lambda m, _: _months(int(m[1]), 10, 12)),
        (rf"sommeren {_YEAR}", lambda m, _: _months(int(m[1]), 6, 8)),
        (
            rf"({month_names}) {_YEAR}",
            lambda m, _: _months(int(m[2]), _MONTHS.index(m[1]) + 1, _MONTHS.index(m[1]) + 1),
        ),
        (rf"udgangen af q([1-4]) {_FY}", _in_quarter(1, 2, last_month=True)),
        (rf"udgangen af {_YEAR}", lambda m, _: _months(int(m[1]), 12, 12)),
    ]


_PERIODS = [(re.compile(p), meaning) for p, meaning in _period_forms()]

# a phrase with a period in it: the pattern around the period, and the recurrence it names
_AROUND: list[tuple[re.Pattern[str], Recurrence | None]] = [
    (re.compile(r"(?P<p>.+) \(løbende\)"), "continuous"),
    (
        re.compile(
            r"første gang i (?P<p>.+) og herefter årligt"
            r"(?: i investeringsperioden op til sommerferien)?"
        ),
        "yearly",
    ),
    (re.compile(r"årligt ved årets udgang og første gang med (?P<p>.+)"), "yearly"),
    (re.compile(r"(?P<p>.+)"), None),
]

# a phrase with no date of its own: it recurs from the proposal's first year
_FROM_FIRST_YEAR: dict[str, Recurrence] = {
    "kvartalsvis": "quarterly",
    "månedligt": "monthly",
    "årligt": "yearly",
    "løbende": "continuous",
    "ca. 8-10 gange årligt i forbindelse med styregruppemøder og 4 gange ifm. "
    "tmf it-rådsmøder": "quarterly",
}

# the months of the first interval of a goal that recurs from the proposal's first year
_FIRST: dict[Recurrence, int] = {"quarterly": 3, "monthly": 1, "yearly": 12, "continuous": 12}


def _period(text: str, periods: Periods) -> tuple[date, date] | None:
    for pattern, meaning in _PERIODS:
        m = pattern.fullmatch(text)
        if m is not None:
            return meaning(m, periods)
    return None


def parse_when(text: str, first_year: int, periods: Periods | None = None) -> Due:
    """The phrase ``text`` as a :class:`Due`; ``first_year`` is the proposal's first budget
    year, from which a phrase without a date of its own recurs, and ``periods`` the profile's
    years that quarters follow (calendar years without one). Raises InputError naming a
    phrase that does not follow the forms in the module's table."""
    periods = periods or Periods()
    phrase = " ".join(text.split()).casefold()
    recurrence = _FROM_FIRST_YEAR.get(phrase)
    if recurrence is not None:
        start = periods.first_day(first_year)
        end = _add_months(start, _FIRST[recurrence], month_end=False) - timedelta(days=1)
        return Due(start, end, recurrence, text)
    for pattern, named in _AROUND:
        m = pattern.fullmatch(phrase)
        period = _period(m["p"], periods) if m is not None else None
        if period is not None:
            return Due(*period, named, text)
    raise InputError(
        f"tidspunktet {text!r} kan ikke læses som en periode (fx 'Tredje kvartal 2025', "
        "'Primo 2025', 'Kvartalsvis')"
    )


def _add_months(d: date, n: int, *, month_end: bool) -> date:
    """``d`` moved ``n`` months on; the last day of a month stays the last day where
    ``month_end``, any other day is kept or cut to the month's length."""
    year, month = divmod(d.month - 1 + n, 12)
    year, month = d.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    if month_end and d.day == calendar.monthrange(d.year, d.month)[1]:
        return date(year, month, last)
    return date(year, month, min(d.day, last))


def _intervals(due: Due, until: date) -> Iterator[tuple[date, date]]:
    """Every occurrence of ``due`` in order, without end for a recurring one (a continuous
    goal's one occurrence runs to ``until`` where that is later than its first end)."""
    if due.recurrence is None:
        yield due.start, due.end
    elif due.recurrence == "continuous":
        yield due.start, max(due.end, until)
    else:
        step = _STEP[due.recurrence]
        k = 0
        while True:
            yield (
                _add_months(due.start, k * step, month_end=False),
                _add_months(due.end, k * step, month_end=True),
            )
            k += 1


def occurrences(due: Due, until: date) -> list[tuple[date, date]]:
    """Each occurrence of ``due`` that starts on or before ``until``, in order."""
    result = []
    for start, end in _intervals(due, until):
        if start > until:
            break
        result.append((start, end))
    return result


def following(due: Due, after: date) -> tuple[date, date] | None:
    """The first occurrence of ``due`` that starts after ``after``; None where there is none."""
    if due.recurrence in (None, "continuous"):
        return (due.start, due.end) if due.start > after else None
    return next((s, e) for s, e in _intervals(due, after) if s > after)
