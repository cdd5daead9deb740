# SPDX-License-Identifier: MPL-2.0
"""The JSON reader's guards paid only where they can matter (issue 11): whatever the text,
:func:`parse_json` gives what the guards applied to every key, integer and level give, the
same data or the same message at the same line."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.format.jsonsource import (
    _DANISH,
    JsonError,
    _int,
    _RefusedError,
    _too_deep_line,
    _unique,
    parse_json,
)
from gevinst.format.yamlsource import MAX_DEPTH, WrittenNumber

# keys that name one thing in several spellings, field names, and keys that are neither
KEYS = st.sampled_from(
    [
        *("2025", "2025.0", " 2025", "+2025", "02025", "2025,00", "-0", "0", "0.5", "0,5", "-1"),
        *("lines", "amounts", "id", "1x", "", " ", "٢٠٢٥", "²"),
    ]
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**35), max_value=10**35),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
)


def _value(depth: int) -> st.SearchStrategy[Any]:
    scalars = st.one_of(NUMBERS, st.text(max_size=5), st.booleans(), st.none())
    if depth == 0:
        return scalars
    inner = _value(depth - 1)
    return st.one_of(
        scalars,
        st.lists(inner, max_size=3),
        st.lists(st.tuples(KEYS, inner), max_size=4),  # an object, its keys possibly twice
    )


def _text(value: Any) -> str:
    """JSON text of a value, objects written as lists of pairs so keys may repeat."""
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        return "{" + ", ".join(f"{json.dumps(k)}: {_text(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return str(value) if not isinstance(value, str | bool | None) else json.dumps(value)


def _every_guard_everywhere(text: str) -> Any:
    """The reader as it was: depth looked for first, each integer and each key checked."""
    deep = _too_deep_line(text)
    if deep is not None:
        raise JsonError(deep, f"data er indlejret mere end {MAX_DEPTH} niveauer; ret strukturen")
    try:
        return json.loads(
            text, parse_float=WrittenNumber, parse_int=_int, object_pairs_hook=_unique
        )
    except json.JSONDecodeError as e:
        message = f"ikke gyldig JSON: {_DANISH.get(e.msg, e.msg)} (kolonne {e.colno})"
        raise JsonError(e.lineno, message) from None
    except _RefusedError as e:
        raise JsonError(None, str(e)) from None


def _outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        data = read(text)
    except JsonError as e:
        return "error", (e.line, e.message)
    return "data", (data, [type(x) for x in _leaves(data)])


def _leaves(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [*data, *(x for v in data.values() for x in _leaves(v))]
    if isinstance(data, list):
        return [x for v in data for x in _leaves(v)]
    return [data]


@settings(max_examples=400)
@given(_value(4))
def test_the_reader_gives_what_every_guard_everywhere_gives(value: Any) -> None:
    text = _text(value)
    assert _outcome(parse_json, text) == _outcome(_every_guard_everywhere, text)


@given(
    st.integers(min_value=MAX_DEPTH - 2, max_value=MAX_DEPTH + 3), st.sampled_from(["[", '{"a": '])
)
def test_nesting_about_the_limit_is_read_or_refused_as_before(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    for text in (
        opener * depth + "1" + closer * depth,  # valid
        opener * depth + "1" + closer * (depth - 1),  # and broken
        '{"a": 1, "a": ' + opener * depth + "1" + closer * depth + "}",  # and a key twice
    ):
        assert _outcome(parse_json, text) == _outcome(_every_guard_everywhere, text)


def test_a_year_spelt_twice_is_refused_after_each_spelling_was_met_alone() -> None:
    # the first objects hold each spelling alone; the last holds both
    text = '[{"2025.0": 1}, {"2025": 1}, {"2025": 1, "2025.0": 2}]'
    try:
        parse_json(text)
    except JsonError as e:
        assert e.message == "nøglen '2025.0' står to gange (også skrevet '2025')"
    else:
        raise AssertionError("a year given twice was read")
