# SPDX-License-Identifier: MPL-2.0
"""The schema's amounts and years read at once where they are plain (issue 11): a whole
number and a year read as they do written in any other way the format reads them, and
refused with the same message."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.format.schema import _amount, _year
from gevinst.format.yamlsource import WrittenNumber


def _read(read: object, value: object) -> tuple[str, object]:
    assert callable(read)
    try:
        result = read(value)
    except ValueError as e:
        return "refused", str(e)
    return "read", (result, str(result), type(result))


@given(
    st.one_of(
        st.integers(min_value=-(10**16), max_value=10**16),
        st.sampled_from([10**15 - 1, 10**15, -(10**15) + 1, -(10**15), 0]),
    )
)
def test_a_whole_amount_reads_as_it_does_quoted(n: int) -> None:
    # a quoted figure takes the path every amount took before whole numbers had their own
    assert _read(_amount, n) == _read(_amount, str(n))
    if -(10**15) < n < 10**15:
        assert _amount(n) == Decimal(n) and str(_amount(n)) == str(n)


def test_true_is_no_amount() -> None:
    assert _read(_amount, True) == ("refused", "et beløb kan ikke være true/false")


@given(st.integers(min_value=0, max_value=3000))
def test_a_year_reads_as_a_number_and_as_a_key(n: int) -> None:
    # a YAML key is a number, a JSON key its text
    assert _read(_year, n) == _read(_year, str(n))


@pytest.mark.parametrize("spelt", [WrittenNumber("2025"), True, "2025 ", "02025"])
def test_a_year_spelt_otherwise_is_read_as_before(spelt: object) -> None:
    expected = {
        "2025 ": ("refused", "'2025 ' er ikke et årstal; skriv året som et helt tal, fx 2025"),
        "02025": ("read", (2025, "2025", int)),
    }.get(
        str(spelt), ("refused", f"{spelt!r} er ikke et årstal; skriv året som et helt tal, fx 2025")
    )
    assert _read(_year, spelt) == expected
