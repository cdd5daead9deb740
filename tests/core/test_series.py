# SPDX-License-Identifier: MPL-2.0
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.series import Series, sum_series

D = Decimal


def test_missing_year_is_zero_and_equality_ignores_explicit_zeros() -> None:
    s = Series({2025: D(-149), 2026: D(-297)})
    assert s[2024] == 0
    assert s == Series({2024: D(0), 2025: D(-149), 2026: D(-297)})


def test_arithmetic_is_yearwise() -> None:
    a = Series({2025: D(-297), 2026: D(-1144)})
    b = Series({2025: D(2000), 2026: D(2250)})
    assert a + b == {2025: D(1703), 2026: D(1106)}
    assert -(a) == {2025: D(297), 2026: D(1144)}
    assert sum_series([a, b, a]).total() == D(-297 * 2 - 1144 * 2 + 4250)


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        Series({2025: 1.144})  # type: ignore[arg-type]


def test_immutable() -> None:
    s = Series({2025: D(1)})
    with pytest.raises(AttributeError):
        s.x = 1


def test_first_year_skips_zeros() -> None:
    assert Series({2024: D(0), 2025: D(1)}).first_year() == 2025
    assert Series().first_year() is None


def test_equality_respects_the_price_level_and_scale_that_addition_guards() -> None:
    at_2025 = Series({2025: D(-149)}, price_level=2025)
    assert at_2025 != Series({2025: D(-149)}, price_level=2024)
    assert at_2025 != Series({2025: D(-149)}, price_level=2025, scale=1)
    # an unknown level is no other level: the series can be added, and are equal
    assert at_2025 == Series({2025: D(-149)})
    # a plain mapping states neither, so its amounts decide
    assert at_2025 == {2025: D(-149)}


levels = st.sampled_from([None, 2024, 2025])
scales = st.sampled_from([1, 1000])
amounts = st.dictionaries(
    st.integers(2024, 2027), st.decimals(-5, 5, places=0, allow_nan=False), max_size=3
)


@given(amounts, levels, scales, amounts, levels, scales)
def test_equal_series_hash_alike_and_unequal_levels_or_scales_cannot_be_added(
    a: dict[int, Decimal], la: int | None, sa: int, b: dict[int, Decimal], lb: int | None, sb: int
) -> None:
    x, y = Series(a, la, sa), Series(b, lb, sb)
    mixed = sa != sb or (None not in (la, lb) and la != lb)
    assert (x == y) == (not mixed and Series(a) == Series(b))
    if x == y:
        assert hash(x) == hash(y)
    if mixed:
        with pytest.raises(ValueError, match="cannot add"):
            x + y


def _exactly(s: Series) -> tuple[object, ...]:
    """Everything a series holds, each amount as written (its exponent and sign too), in its
    order: what a figure printed from it could differ by."""
    return (s.price_level, s.scale, tuple((y, str(a)) for y, a in s.items()))


exponents = st.decimals(-500, 500, places=2, allow_nan=False, allow_infinity=False)
written = st.dictionaries(st.integers(2020, 2030), exponents | st.just(D("-0")), max_size=6)


@given(st.lists(st.tuples(written, st.sampled_from([None, 2025])), max_size=6))
def test_sum_series_is_adding_one_by_one(
    parts: list[tuple[dict[int, Decimal], int | None]],
) -> None:
    """The single-pass sum gives what chained addition gives, amount for amount, with the
    years in order; and a sum of series whose levels differ is refused by both alike."""
    many = [Series(amounts, level) for amounts, level in parts]
    chained = Series()
    for s in many:
        chained = chained + s
    assert _exactly(sum_series(many)) == _exactly(chained)
    assert list(chained) == sorted(chained)
    mixed = [Series({2025: D(1)}, 2024), *many, Series({2025: D(1)}, 2025)]
    with pytest.raises(ValueError, match="cannot add"):
        sum_series(mixed)


# few years, so that series often share years and a year's running sum takes several amounts
few_years = st.dictionaries(st.integers(2024, 2026), exponents | st.just(D("-0")), max_size=3)


@given(st.lists(few_years, max_size=6))
def test_each_year_is_its_running_sum_whichever_way_series_are_added(
    parts: list[dict[int, Decimal]],
) -> None:
    """Whether added one by one or summed at once, each year holds 0 + its first amount +
    each later one in turn, as written, years in order."""
    many = [Series(amounts) for amounts in parts]
    running: dict[int, Decimal] = {}
    for s in many:
        for year, amount in s.items():
            running[year] = running.get(year, D(0)) + amount
    expected = (None, 1000, tuple((y, str(running[y])) for y in sorted(running)))
    chained = Series()
    for s in many:
        chained = chained + s
    assert _exactly(chained) == expected
    assert _exactly(sum_series(many)) == expected
