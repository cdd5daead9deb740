# SPDX-License-Identifier: MPL-2.0
"""Danish and English figures: the fast path for whole amounts prints exactly what Babel
prints, and both round alike."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.distribute import round_to
from gevinst.core.numbers import dk, en


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_dk_is_babels_danish_format(amount: Decimal) -> None:
    assert dk(amount) == format_decimal(amount, locale="da_DK", decimal_quantization=False)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_amounts_have_point_thousands(value: int) -> None:
    text = dk(Decimal(value))
    assert text.replace(".", "") == str(value)
    assert all(len(group) == 3 for group in text.lstrip("-").split(".")[1:])


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6, places=4
    ),
    st.integers(min_value=0, max_value=3),
)
def test_fixed_places_round_as_the_one_rounding_function(amount: Decimal, places: int) -> None:
    """Babel alone rounds half to even; a document rounds half away from zero everywhere."""
    printed = Decimal(dk(amount, places=places).replace(".", "").replace(",", "."))
    assert printed == round_to(amount, Decimal(1).scaleb(-places))


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_en_is_babels_english_format(amount: Decimal) -> None:
    assert en(amount) == format_decimal(amount, locale="en_GB", decimal_quantization=False)


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6, places=4
    ),
    st.integers(min_value=0, max_value=3),
)
def test_en_rounds_as_dk(amount: Decimal, places: int) -> None:
    """The same figure in both languages: only the separators differ."""
    swapped = en(amount, places=places).translate(str.maketrans(",.", ".,"))
    assert swapped == dk(amount, places=places)
