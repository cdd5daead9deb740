# SPDX-License-Identifier: MPL-2.0
"""Danish number format for figures in messages and tables: "-1.474", "0,5"; and the English
one (en_GB) for a body whose documents are in English: "-1,474", "0.5"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, format_currency, parse_pattern

from gevinst.core.distribute import round_to

LOCALE = Locale.parse("da_DK")
_STANDARD = LOCALE.decimal_formats[None]
ENGLISH = Locale.parse("en_GB")
_ENGLISH_STANDARD = ENGLISH.decimal_formats[None]

# The range of a number in the format (docs/format.md): an amount of 1.000 kr. below 10^15
# (a trillion kroner) keeps every sum, and each kroner with its øre, inside the 28 digits
# gevinst computes with; a decimal fraction has at most MAX_DECIMALS decimals
AMOUNT_LIMIT = Decimal(10) ** 15
MAX_DECIMALS = 10
MAX_DENOMINATOR = 10**6  # of an exact fraction, "2/3"


def amount_problem(value: Decimal) -> str | None:
    """Why a number is outside the format's range, or None where it is inside."""
    # without the context's arithmetic (abs, normalize), which a number of a million digits
    # would overflow
    if not value.is_finite() or value.copy_abs() >= AMOUNT_LIMIT:
        return f"{shortened(str(value))} er uden for det tilladte område (numerisk under 10^15)"
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # a finite number's exponent
    if -exponent <= MAX_DECIMALS:
        return None  # written with few decimals: every amount of a catalog, read by the load
    if not any(digits):
        return None  # a zero, however many decimals it is written with
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -exponent - trailing_zeros > MAX_DECIMALS:
        return f"{shortened(str(value))} har mere end {MAX_DECIMALS} decimaler"
    return None


def shortened(text: str) -> str:
    """A value as a message shows it: a long one by its ends and its length."""
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} tegn)"


@cache
def _fixed(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


def dk(amount: Decimal | None, blank: str = "", places: int | None = None) -> str:
    """A figure as a Danish document prints it; ``blank`` for a missing one; with ``places``
    always that many decimals ("56,0").

    >>> dk(Decimal("-1474")), dk(Decimal("0.5")), dk(Decimal("55.65"), places=1)
    ('-1.474', '0,5', '55,7')
    """
    if amount is None:
        return blank
    if places is not None:
        # rounded here, half away from zero: Babel would round half to even ("55,65" -> "55,6")
        return str(_fixed(places).apply(round_to(amount, Decimal(1).scaleb(-places)), LOCALE))
    if amount == amount.to_integral_value() and amount:
        # whole amounts are most of every table: Babel's rule, written out, ten times faster
        # (a signed zero, "-0", is left to Babel)
        return f"{int(amount):,}".replace(",", ".")
    return str(_STANDARD.apply(amount, LOCALE, decimal_quantization=False))


def en(amount: Decimal | None, blank: str = "", places: int | None = None) -> str:
    """A figure as an English document prints it, by the same rule as :func:`dk`.

    >>> en(Decimal("-1474")), en(Decimal("0.5")), en(Decimal("55.65"), places=1)
    ('-1,474', '0.5', '55.7')
    """
    if amount is None:
        return blank
    if places is not None:
        return str(_fixed(places).apply(round_to(amount, Decimal(1).scaleb(-places)), ENGLISH))
    if amount == amount.to_integral_value() and amount:
        return f"{int(amount):,}"
    return str(_ENGLISH_STANDARD.apply(amount, ENGLISH, decimal_quantization=False))


# a sum of money in whole units of its currency, as each language writes it
_CURRENCY = {"da": ("da_DK", "#,##0 ¤"), "en": ("en_GB", "¤#,##0")}


def currency(amount: Decimal, code: str, language: str) -> str:
    """A sum in whole units of the currency ``code`` (ISO 4217), in the language's way, its
    sign where the language puts it.

    >>> currency(Decimal(500000), "GBP", "en"), currency(Decimal(500000), "DKK", "da")
    ('£500,000', '500.000 kr.')
    """
    locale, pattern = _CURRENCY[language]
    whole = round_to(amount, Decimal(1))
    return str(format_currency(whole, code, format=pattern, locale=locale, currency_digits=False))


def dk_date(day: dt.date) -> str:
    """A date as a Danish text writes it: "1. januar 2025"."""
    return format_date(day, format="long", locale=LOCALE)
