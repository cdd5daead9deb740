# SPDX-License-Identifier: MPL-2.0
"""Split an amount between parties by a key, in parts of a *quantum* that add up exactly.

The quantum is the smallest figure the profile writes (``Money.quantum``): 1 for whole
units (Copenhagen's 1.000 kr., whole pounds), 0,1 for mio. kr. with one decimal.

The rule (largest remainder, Hamilton's method): round the total to the quantum, give
each party its exact share rounded down to the quantum, then hand the quanta still
missing to the parties with the largest remainders. Ties go to the party that comes
first in the key's order, so the result is deterministic. Negative totals are split as
the negation of the positive split, so a saving and a cost of the same size split alike.
At a quantum of 0,1 the split is the whole-unit split of the amounts counted in tenths.

Every rounding of the core goes through :func:`round_to` (half away from zero): a year's
amount, an explanation's figure, a printed percent, a figure with fixed decimals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from gevinst.core.errors import CalculationError
from gevinst.core.series import ZERO

ONE = Decimal(1)
SUM_PRECISION = Decimal("1e-12")


def round_whole(amount: Decimal) -> Decimal:
    """Round half away from zero to a whole number, as a person with a calculator would."""
    return round_to(amount, ONE)


def round_to(amount: Decimal, exponent: Decimal) -> Decimal:
    """Round half away from zero to the decimals of ``exponent`` ("55,65" -> "55,7")."""
    # the rounding by position: by keyword, the call costs twice the rounding itself
    return amount.quantize(exponent, ROUND_HALF_UP)


def apportion(exact: Mapping[str, Decimal], quantum: Decimal = ONE) -> dict[str, Decimal]:
    """Round exact parts to multiples of ``quantum`` that sum to the sum of the parts
    rounded at ``quantum`` (half away from zero).

    Parts may have mixed signs (an income and a cost for the same unit); a negative sum
    is apportioned as the negation of its positive mirror.

    P2's -1,4 mio. kr. by invoices, in tenths: every committee gets its share, not one -1.

    >>> exact = {"a": Decimal("-0.47"), "b": Decimal("-0.47"), "c": Decimal("-0.46")}
    >>> apportion(exact, Decimal("0.1"))
    {'a': Decimal('-0.5'), 'b': Decimal('-0.5'), 'c': Decimal('-0.4')}
    >>> apportion(exact)
    {'a': Decimal('-1'), 'b': Decimal('0'), 'c': Decimal('0')}
    """
    if quantum == ONE:
        return _apportion_whole(exact)
    # counted in quanta, the split is the whole-unit split; a power of ten divides exactly
    counted = _apportion_whole({k: v / quantum for k, v in exact.items()})
    return {k: v * quantum for k, v in counted.items()}


def _apportion_whole(exact: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """:func:`apportion` in whole units."""
    # exact shares come from divisions, so their sum may miss a whole number by 1e-26
    total = sum(exact.values(), ZERO).quantize(SUM_PRECISION)
    whole = round_whole(total)
    if total < 0:
        return {k: -v for k, v in _apportion_whole({k: -v for k, v in exact.items()}).items()}
    # the rounding by position, as in round_to
    parts = {k: v.to_integral_value(ROUND_FLOOR) for k, v in exact.items()}
    missing = int(whole - sum(parts.values(), ZERO))
    if not missing:
        # most splits: the floors already add up, and no remainder needs ranking
        return parts
    # remainders at a fixed precision, so that division noise in the 28th digit cannot
    # decide a tie that the key's order should decide: the sort is stable, so a tie keeps
    # the key's order
    by_remainder = sorted(exact, key=lambda k: -(exact[k] - parts[k]).quantize(SUM_PRECISION))
    for k in by_remainder[:missing]:
        parts[k] += ONE
    return parts


def distribute(
    total: Decimal, weights: Mapping[str, Decimal], quantum: Decimal = ONE
) -> dict[str, Decimal]:
    """Split ``total`` by ``weights`` into parts of ``quantum`` that sum to ``total``
    rounded at ``quantum``.

    >>> distribute(Decimal(-550), {"a": Decimal(189), "b": Decimal(93)})
    {'a': Decimal('-369'), 'b': Decimal('-181')}
    >>> distribute(Decimal("-0.55"), {"a": Decimal(189), "b": Decimal(93)}, Decimal("0.1"))
    {'a': Decimal('-0.4'), 'b': Decimal('-0.2')}
    """
    return apportion(shares(round_to(total, quantum), weights), quantum)


def shares(total: Decimal, weights: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """The exact (unrounded) shares of ``total`` by ``weights``."""
    return {k: row[0] for k, row in row_shares((total,), weights).items()}


def row_shares(
    totals: Sequence[Decimal], weights: Mapping[str, Decimal]
) -> dict[str, list[Decimal]]:
    """:func:`shares` of each of ``totals`` (a line's years), by party: the key checked and
    its weights summed once for a whole row rather than once a year."""
    if any(w < 0 for w in weights.values()):
        raise CalculationError("en fordelingsnøgle kan ikke have negative vægte")
    weight_sum = sum(weights.values(), ZERO)
    if weight_sum == 0:
        raise CalculationError("en fordelingsnøgle skal have mindst én vægt over nul")
    return {k: [total * w / weight_sum for total in totals] for k, w in weights.items()}
