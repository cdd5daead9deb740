# SPDX-License-Identifier: MPL-2.0
"""Two versions of a document compared as a document: each changed value by its place
("lines[e3].amounts[2026]": a list item by its id where it has one, so a line keeps its name
when others are added before it), and a changed text word by word."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Difference:
    place: str
    before: Any  # None where the value is new
    after: Any  # None where the value is gone


@dataclass(frozen=True)
class Piece:
    """A piece of a word diff: ``kind`` is "same", "removed" or "added"."""

    kind: str
    text: str


def differences(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Difference]:
    """Every value that differs between two documents, in document order."""
    return list(_walk("", before, after))


def _walk(place: str, a: Any, b: Any) -> Iterator[Difference]:
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in [*a, *(k for k in b if k not in a)]:
            yield from _walk(_join(place, key), a.get(key), b.get(key))
    elif _is_list(a) and _is_list(b):
        yield from _walk_list(place, a, b)
    elif a != b:
        yield Difference(place, a, b)


def _walk_list(place: str, a: Sequence[Any], b: Sequence[Any]) -> Iterator[Difference]:
    if _by_id(a) and _by_id(b):
        before = {item["id"]: item for item in a}
        after = {item["id"]: item for item in b}
        for key in [*before, *(k for k in after if k not in before)]:
            yield from _walk(f"{place}[{key}]", before.get(key), after.get(key))
        return
    for i in range(max(len(a), len(b))):
        yield from _walk(
            f"{place}[{i}]", a[i] if i < len(a) else None, b[i] if i < len(b) else None
        )


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


def _by_id(items: Sequence[Any]) -> bool:
    ids = [item.get("id") for item in items if isinstance(item, Mapping)]
    return (
        len(ids) == len(items)
        and all(isinstance(i, str) for i in ids)
        and len(set(ids)) == len(ids)
    )


def _join(place: str, key: Any) -> str:
    if isinstance(key, int) or not str(key).isidentifier():
        return f"{place}[{key}]"
    return f"{place}.{key}" if place else str(key)


def word_diff(before: str, after: str) -> list[Piece]:
    """``after`` against ``before``, word by word, whitespace kept."""
    a, b = _WORDS.findall(before), _WORDS.findall(after)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return pieces
