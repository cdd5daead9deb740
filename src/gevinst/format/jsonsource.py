# SPDX-License-Identifier: MPL-2.0
"""JSON read with the same guards as the format's YAML (:mod:`gevinst.format.yamlsource`).

For every JSON text that becomes a document of the format (an import bundle, a form's
edit): a number with a point is kept as written (:class:`WrittenNumber`), so the schema
refuses it as an amount as it refuses a YAML ``1.144``; a key given twice is an error, also
in two spellings of one year (``"2025"``, ``"2025.0"``); an integer has at most
:data:`MAX_DIGITS` digits (Python refuses more than 4.300); nesting deeper than
:data:`MAX_DEPTH` is refused, and told before any other problem of the text (the json module
recurses once a level and fails past Python's limit).
"""

from __future__ import annotations

import json
import re
from typing import Any, cast

from gevinst.core.errors import GevinstError
from gevinst.format.yamlsource import MAX_DEPTH, MAX_DIGITS, WrittenNumber, same_key

# the json module's messages, in Danish
_DANISH = {
    "Expecting value": "forventede en værdi",
    "Expecting property name enclosed in double quotes": "forventede et feltnavn i dobbelte "
    "anførselstegn",
    "Expecting ',' delimiter": "forventede ','",
    "Expecting ':' delimiter": "forventede ':'",
    "Unterminated string starting at": "en tekst mangler sit afsluttende anførselstegn",
    "Invalid control character at": "et styretegn i en tekst",
    "Invalid \\escape": "ukendt escape-tegn (\\)",
    "Extra data": "mere tekst efter dokumentets slutning",
}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NESTING = re.compile(r"[\[\]{}\n]")
# an integer of more digits than MAX_DIGITS is a run of more digits in the text, looked for
# among its bytes with each digit made a 0 and every other byte blank (ten times as fast as
# a regular expression)
_DIGITS_ONLY = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_DIGITS = b"0" * (MAX_DIGITS + 1)


class JsonError(GevinstError):
    """A JSON text gevinst does not read, with the line where it is known."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line, self.message = line, message
        super().__init__(f"linje {line}: {message}" if line else message)


def parse_json(text: str) -> Any:
    """The data of a JSON text, or a :class:`JsonError` saying why not.

    The guards cost more than the parsing, so each is paid only where it can matter: a text
    is parsed first and its depth measured on the data (the same as the text's for valid
    JSON), the line of too deep a nesting looked for in the text only then or where the text
    does not parse (too deep a nesting is told before any other problem, as when it was
    looked for first); the digits of an integer are counted only where the text holds a run
    of more than :data:`MAX_DIGITS` digits; and an object's keys are compared by what they
    name only where one of them is not plainly spelt (:func:`_plain`).
    """
    long_numbers = _LONG_DIGITS in text.encode("utf-8", "surrogatepass").translate(_DIGITS_ONLY)
    try:
        data = json.loads(
            text,
            parse_float=WrittenNumber,
            parse_int=_int if long_numbers else None,
            object_pairs_hook=_Objects(),
        )
    except (json.JSONDecodeError, _RefusedError, RecursionError) as e:
        _refuse_deep(text)
        if isinstance(e, json.JSONDecodeError):
            message = f"ikke gyldig JSON: {_DANISH.get(e.msg, e.msg)} (kolonne {e.colno})"
            raise JsonError(e.lineno, message) from None
        if isinstance(e, _RefusedError):
            raise JsonError(None, str(e)) from None
        raise
    if _deeper_than(data, MAX_DEPTH):
        _refuse_deep(text)
    return data


def _refuse_deep(text: str) -> None:
    deep = _too_deep_line(text)
    if deep is not None:
        raise JsonError(deep, f"data er indlejret mere end {MAX_DEPTH} niveauer; ret strukturen")


_CONTAINERS = (dict, list)  # what json.loads makes of an object (the hook's dict), an array


def _deeper_than(data: Any, depth: int) -> bool:
    """Whether parsed JSON nests more than ``depth`` levels, measured level by level.

    >>> _deeper_than({"a": [1, {"b": []}]}, 3), _deeper_than({"a": [1, {"b": []}]}, 4)
    (True, False)
    """
    level = [data] if type(data) in _CONTAINERS else []
    while level:
        if depth == 0:
            return True
        depth -= 1
        level = [
            child
            for value in level
            for child in (value.values() if type(value) is dict else value)
            if type(child) in _CONTAINERS
        ]
    return False


def _too_deep_line(text: str) -> int | None:
    """The line where a JSON text nests deeper than MAX_DEPTH, found before parsing it."""
    depth, line = 0, 1
    for match in _NESTING.finditer(_STRING.sub('""', text)):
        char = match[0]
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        else:
            depth -= 1
    return None


class _RefusedError(ValueError):
    pass


def _int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _RefusedError(f"et tal har {digits} cifre; højst {MAX_DIGITS} læses")
    return int(text)


class _Objects:
    """The objects of one JSON text, each with keys that are unique; JSON itself would keep
    the last silently. Most objects hold keys met before in the text and found plainly spelt
    (:func:`_plain`), so that keys that differ as text name different things: such an
    object needs only a count of its keys; any other is compared key by key."""

    def __init__(self) -> None:
        self.plain: set[str] = set()

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) == len(pairs) and self.plain.issuperset(out):
            return out
        out = _unique(pairs)
        self.plain.update(key for key in out if _plain(key))
        return out


def _plain(key: str) -> bool:
    """Whether no other key can name what ``key`` names (:func:`same_key`): a field name, or
    a number in its one plain spelling.

    >>> [_plain(k) for k in ("lines", "2025", "-0.5", "02025", "2025.0", " 2025", "0,5")]
    [True, True, True, False, False, False, False]
    """
    named = same_key(key)
    if named is key:
        return True
    _, sign, whole, fraction = cast(tuple[str, str, str, str], named)
    return key == f"{sign}{whole or '0'}{'.' + fraction if fraction else ''}"


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique, also in two spellings of one year."""
    out: dict[str, Any] = {}
    seen: dict[object, str] = {}
    for key, value in pairs:
        named = same_key(key)
        if named in seen:
            first = seen[named]
            also = "" if first == key else f" (også skrevet {first!r})"
            raise _RefusedError(f"nøglen {key!r} står to gange{also}")
        seen[named] = key
        out[key] = value
    return out
