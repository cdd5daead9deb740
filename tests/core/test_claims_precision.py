# SPDX-License-Identifier: MPL-2.0
"""The precision a figure is written with, as properties: a figure allows every value that
rounds to it (half up), "ca." is looser and never tighter, and Danish figures read back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.claims.claim import Qualifier, parse_danish
from gevinst.core.claims.precision import interval, step
from gevinst.core.errors import InputError
from gevinst.core.numbers import dk

THOUSAND = Decimal(1000)


def test_one_point_three_million_in_thousands() -> None:
    iv = interval(parse_danish("1,3"), Qualifier.EXACT, THOUSAND)
    assert iv.accepts(Decimal(1250)) and iv.accepts(Decimal(1349))
    assert not iv.accepts(Decimal(1350)) and not iv.accepts(Decimal(1249))
    # by magnitude: a saving printed -1.300
    assert iv.accepts(Decimal(-1300))


def test_about_is_ten_percent_or_half_a_step() -> None:
    iv = interval(parse_danish("45"), Qualifier.ABOUT)
    assert iv.accepts(Decimal("40.5")) and iv.accepts(Decimal("49.5"))
    assert not iv.accepts(Decimal("40.4")) and not iv.accepts(Decimal("49.6"))
    one_million = interval(parse_danish("1"), Qualifier.ABOUT, THOUSAND)
    assert one_million.accepts(Decimal(500)) and not one_million.accepts(Decimal(300))


def test_at_least_and_at_most() -> None:
    assert interval(parse_danish("20"), Qualifier.AT_LEAST).accepts(Decimal(1000))
    assert not interval(parse_danish("20"), Qualifier.AT_LEAST).accepts(Decimal(19))
    assert interval(parse_danish("10"), Qualifier.AT_MOST).accepts(Decimal(0))
    assert not interval(parse_danish("10"), Qualifier.AT_MOST).accepts(Decimal(11))


figures = st.decimals(min_value=1, max_value=10**6, places=2, allow_nan=False)


@given(figures, st.integers(min_value=0, max_value=2))
def test_a_figure_allows_what_rounds_to_it_and_nothing_that_does_not(
    value: Decimal, places: int
) -> None:
    written = round(value, places)
    iv = interval(written, Qualifier.EXACT)
    unit = step(written)
    assert iv.accepts(written)
    assert iv.accepts(written - unit / 2)  # rounds up to it
    assert not iv.accepts(written + unit / 2)  # rounds up to the next
    # every value in the interval rounds (half up) to the figure as written
    for v in (written - unit / 2, written + unit / 2 - unit / 100):
        assert v.quantize(unit, rounding="ROUND_HALF_UP") == written


@given(figures, st.integers(min_value=0, max_value=2), figures)
def test_about_is_never_tighter_than_as_written(
    value: Decimal, places: int, other: Decimal
) -> None:
    written = round(value, places)
    if interval(written, Qualifier.EXACT).accepts(other):
        assert interval(written, Qualifier.ABOUT).accepts(other)
        assert interval(written, Qualifier.AT_LEAST).accepts(other)
        assert interval(written, Qualifier.AT_MOST).accepts(other)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_a_danish_figure_reads_back_with_its_decimals(value: Decimal) -> None:
    written = dk(value, places=3)
    assert parse_danish(written) == value
    assert step(parse_danish(written)) == Decimal("0.001")


@pytest.mark.parametrize("text", ["1.14", "1,2,3", "12.5", "abc", "1.1444", ",5", "1,"])
def test_what_is_not_a_danish_figure_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_danish(text)
