# SPDX-License-Identifier: MPL-2.0
from decimal import Decimal

import pytest

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
