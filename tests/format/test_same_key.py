# SPDX-License-Identifier: MPL-2.0
"""What a key names: one year however it is spelt, and a field name itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gevinst.format.yamlsource import same_key


@given(st.integers(min_value=0, max_value=10**40))
def test_a_number_names_the_same_key_however_it_is_spelt(n: int) -> None:
    spellings = [n, str(n), f" {n}", f"+{n}", f"{n}.0", f"{n},00", f"0{n}"]
    assert len({same_key(s) for s in spellings}) == 1
    assert same_key(-n - 1) == same_key(f"-{n + 1}") != same_key(n + 1)


@given(st.text(min_size=1).filter(lambda s: not (s[0].isdigit() or s[0] in "+-" or s[0].isspace())))
def test_a_field_name_names_itself(name: str) -> None:
    assert same_key(name) == name


def test_two_different_numbers_are_two_keys() -> None:
    assert same_key("2025") != same_key("2026") and same_key("0,5") != same_key("5")
