# SPDX-License-Identifier: MPL-2.0
"""The schema's amounts and years read at once where they are plain (issue 11): a whole
number and a year read as they do written in any other way the format reads them, and
refused with the same message; and (issue 10) a whole amount reads back the same in every
form the format accepts, while one written with commas or points between thousands is
refused with writings that read back as meant."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from gevinst.format.jsonsource import parse_json
from gevinst.format.schema import Amount, StatedSeries, Year, YearSeries, _amount, _year
from gevinst.format.yamlsource import WrittenNumber, YamlDocument


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


# --- a whole amount in each form the format reads, and in the forms it refuses (issue 10) ---

_FOLDER = Path(tempfile.mkdtemp(prefix="gevinst-numbers-"))


def _yaml(text: str) -> Any:
    """What the format's YAML reader makes of ``text``."""
    path = _FOLDER / "tal.yaml"
    path.write_text(text, encoding="utf-8")
    return YamlDocument(path).data


def _written(n: int) -> list[str]:
    """``n`` as each reader of a catalog may be given it: YAML flow and block style, quoted
    or not, a Danish decimal comma, a fraction, and JSON."""
    values = [str(n), f'"{n}"', f'"{n},0"', f'"{n},000"', f'"{n}/1"', f"'{n}'"]
    return [
        *(f"a: {{2025: {v}, 2026: 1}}" for v in values),
        *(f"a:\n  2025: {v}\n  2026: 1" for v in values),
        *(f"a: [{v}, 1]" for v in values),
    ]


def _first(data: Any) -> object:
    a = data["a"]
    return a[2025] if isinstance(a, dict) else a[0]


@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_a_whole_amount_in_each_accepted_form_reads_back_the_same(n: int) -> None:
    for text in _written(n):
        assert _amount(_first(_yaml(text))) == Decimal(n), text
    for json_text in (f'{{"a": {{"2025": {n}}}}}', f'{{"a": {{"2025": "{n}"}}}}'):
        assert _amount(parse_json(json_text)["a"]["2025"]) == Decimal(n)


def _separated(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


_THOUSANDS_AND_MORE = st.integers(min_value=1000, max_value=10**15 - 1).map(
    lambda n: n if n % 2 else -n
)


@given(
    _THOUSANDS_AND_MORE, st.sampled_from(["a: {2025: %s, 2026: 1}", "a:\n  2025: %s", "a: [%s]"])
)
def test_commas_between_thousands_are_refused_with_the_writings_meant(n: int, form: str) -> None:
    written = _separated(n, ",")
    with pytest.raises(ValueError, match="uden anførselstegn") as refused:
        _amount(_first(_yaml(form % written)))
    said = str(refused.value)
    # each writing the message proposes reads back as what it says was meant
    assert f"så skriv {n}" in said and _amount(_first(_yaml(f"a: [{n}]"))) == n
    if written.count(",") == 1:
        assert f'så skriv "{written}" i anførselstegn' in said
        assert _amount(_first(_yaml(f'a: ["{written}"]'))) == Decimal(written.replace(",", "."))


@given(st.integers(min_value=1000, max_value=999_999).map(lambda n: n if n % 2 else -n))
def test_a_thousand_point_is_refused_with_the_writings_meant(n: int) -> None:
    written = _separated(n, ".")
    with pytest.raises(ValueError) as refused:
        _amount(_first(_yaml(f"a: {{2025: {written}}}")))
    decimal = written.replace(".", ",")
    assert str(refused.value) == (
        f"{written} er skrevet som et decimaltal uden anførselstegn, altså {decimal}; mente du {n} "
        f"(punktum som tusindtalsprik), så skriv {n}; mente du decimaltallet {decimal}, så skriv "
        f'"{decimal}" i anførselstegn'
    )
    assert _amount(_first(_yaml(f'a: ["{decimal}"]'))) == Decimal(written)


_KEYS = st.one_of(
    st.integers(min_value=1890, max_value=2210),
    st.integers(min_value=1890, max_value=2210).map(str),
    st.sampled_from([True, 2025.0, WrittenNumber("2025.0"), " 2025", "x"]),
)
_VALUES = st.one_of(
    st.integers(min_value=-(10**16), max_value=10**16),
    st.sampled_from([None, True, 1.5, "12", "2/3", WrittenNumber("1.144"), Decimal("0.5")]),
)


@given(st.dictionaries(_KEYS, _VALUES, max_size=6), st.booleans())
def test_a_series_read_at_once_reads_as_value_by_value(
    series: dict[object, object], stated: bool
) -> None:
    """A series of whole amounts in range by years is read in one pass (schema._whole_series);
    every series reads, or is refused with the same problems, as value by value."""
    at_once = TypeAdapter(StatedSeries if stated else YearSeries)
    by_value = TypeAdapter(dict[Year, Amount | None] if stated else dict[Year, Amount])

    def outcome(adapter: TypeAdapter[Any]) -> object:
        try:
            read = adapter.validate_python(series)
        except ValidationError as e:
            return [(err["loc"], err["msg"]) for err in e.errors()]
        return [(year, str(amount), type(amount)) for year, amount in read.items()]

    assert outcome(at_once) == outcome(by_value)
