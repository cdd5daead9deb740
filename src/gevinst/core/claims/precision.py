# SPDX-License-Identifier: MPL-2.0
"""How precisely a figure in a text is written, as the interval of values it allows.

The rule (docs/format.md, "Claims"):

- **As written.** A figure stands for every value that rounds to it, half up: its last
  written digit gives the step, and the interval runs half a step either way, the lower end
  in and the upper end out. "1,3 mio. kr." is 1,25 to 1,35 mio. kr., that is 1.250 to 1.349
  t.kr. (1.350 would be written "1,4"); "880 t.kr." is 879,5 to 880,5 t.kr., so only 880 in
  whole 1.000 kr.; "3,0 mio. kr." is 2.950 to 3.049 t.kr.
- **ca.** (cirka, omkring, omtrent, godt, knap, næsten, anslået, i gns.): about. The
  interval is 10 % of the figure either way, and at least half a step, both ends in:
  "ca. 45" is 40,5 to 49,5; "ca. 3,5 årsværk" 3,15 to 3,85; "ca. 1 mio. kr." 500 to 1.500
  t.kr. (written with one digit, it says no more).
- **mindst** (over, mere end, minimum): at least the lower end of the figure as written.
- **højst** (under, op til, mindre end, maksimalt): at most the upper end (in).

Figures are compared by magnitude: a text says "en besparelse på 1,3 mio. kr." where the
table prints -1.300.

>>> iv = interval(parse_danish("1,3"), Qualifier.EXACT, Decimal(1000))
>>> iv.accepts(Decimal(1250)), iv.accepts(Decimal(1349)), iv.accepts(Decimal(1350))
(True, True, False)
>>> str(iv)
'1.250 til 1.350 (ekskl.)'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.claims.claim import Qualifier, parse_danish
from gevinst.core.numbers import dk

__all__ = ["Interval", "interval", "parse_danish", "step"]

TEN_PERCENT = Decimal("0.1")


@dataclass(frozen=True)
class Interval:
    """The values a written figure allows; ``None`` for an open end; ``high_in`` says
    whether the upper end is allowed (an exact figure's is not: it rounds up)."""

    low: Decimal | None
    high: Decimal | None
    high_in: bool

    def accepts(self, value: Decimal) -> bool:
        v = abs(value)
        if self.low is not None and v < self.low:
            return False
        if self.high is None:
            return True
        return v <= self.high if self.high_in else v < self.high

    def __str__(self) -> str:
        if self.low is None:
            return f"højst {dk(self.high)}"
        if self.high is None:
            return f"mindst {dk(self.low)}"
        end = "" if self.high_in else " (ekskl.)"
        return f"{dk(self.low)} til {dk(self.high)}{end}"


def step(value: Decimal) -> Decimal:
    """One unit of the last written digit: 1 for "880", 0,1 for "1,3" and for "3,0".

    >>> step(parse_danish("880")), step(parse_danish("3,0")), step(parse_danish("0,25"))
    (Decimal('1'), Decimal('0.1'), Decimal('0.01'))
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a written figure is finite
    return Decimal(1).scaleb(min(exponent, 0))


def interval(value: Decimal, qualifier: Qualifier, scale: Decimal = Decimal(1)) -> Interval:
    """The interval ``value`` written with ``qualifier`` allows, times ``scale`` (1.000 for
    mio. kr. compared in 1.000 kr.)."""
    v, half = abs(value), step(value) / 2
    if qualifier is Qualifier.ABOUT:
        width = max(half, v * TEN_PERCENT)
        return Interval((v - width) * scale, (v + width) * scale, high_in=True)
    low, high = (v - half) * scale, (v + half) * scale
    if qualifier is Qualifier.AT_LEAST:
        return Interval(low, None, high_in=True)
    if qualifier is Qualifier.AT_MOST:
        return Interval(None, high, high_in=True)
    return Interval(low, high, high_in=False)
