# SPDX-License-Identifier: MPL-2.0
"""JSON read with the same guards as the format's YAML (:mod:`gevinst.format.yamlsource`).

For every JSON text that becomes a document of the format (an import bundle, a form's
edit): a number with a point is kept as written (:class:`WrittenNumber`), so the schema
refuses it as an amount as it refuses a YAML ``1.144``; a key given twice is an error, also
in two spellings of one year (``"2025"``, ``"2025.0"``); an integer has at most
:data:`MAX_DIGITS` digits (Python refuses more than 4.300); nesting deeper than
:data:`MAX_DEPTH` is refused before parsing (the json module recurses once a level and
fails past Python's limit).
"""

from __future__ import annotations

import json
import re
from typing import Any

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


class JsonError(GevinstError):
    """A JSON text gevinst does not read, with the line where it is known."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line, self.message = line, message
        super().__init__(f"linje {line}: {message}" if line else message)


def parse_json(text: str) -> Any:
    """The data of a JSON text, or a :class:`JsonError` saying why not."""
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


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique; JSON itself would keep the last silently."""
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
