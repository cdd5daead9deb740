# SPDX-License-Identifier: MPL-2.0
"""Two versions of a document compared as a document: each changed value by its place
("lines[e3].amounts[2026]": a list item by its id where it has one, so a line keeps its name
when others are added before it), and a changed text word by word. Two edits of the same
version merged: what only one of them changed is taken from it, and a place both changed
differently is a conflict for a person to decide."""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_WORDS = re.compile(r"\S+|\s+")


# a step into a document: a key of a mapping, an item of a list by its id ("id", "e3"), or
# an item of a list by its position
Step = str | int | tuple[str, str]


@dataclass(frozen=True)
class Difference:
    place: str
    before: Any  # None where the value is new
    after: Any  # None where the value is gone
    path: tuple[Step, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Conflict:
    """A place that both edits changed, each to its own value."""

    place: str
    base: Any
    theirs: Any
    mine: Any


@dataclass(frozen=True)
class Piece:
    """A piece of a word diff: ``kind`` is "same", "removed" or "added"."""

    kind: str
    text: str


def differences(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Difference]:
    """Every value that differs between two documents, in document order."""
    return list(_walk("", (), before, after))


def _walk(place: str, path: tuple[Step, ...], a: Any, b: Any) -> Iterator[Difference]:
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in [*a, *(k for k in b if k not in a)]:
            yield from _walk(_join(place, key), (*path, key), a.get(key), b.get(key))
    elif _is_list(a) and _is_list(b):
        yield from _walk_list(place, path, a, b)
    elif a != b:
        yield Difference(place, a, b, path)


def _walk_list(
    place: str, path: tuple[Step, ...], a: Sequence[Any], b: Sequence[Any]
) -> Iterator[Difference]:
    if _by_id(a) and _by_id(b):
        before = {item["id"]: item for item in a}
        after = {item["id"]: item for item in b}
        for key in [*before, *(k for k in after if k not in before)]:
            step = ("id", key)
            yield from _walk(f"{place}[{key}]", (*path, step), before.get(key), after.get(key))
        return
    for i in range(max(len(a), len(b))):
        first, second = (a[i] if i < len(a) else None), (b[i] if i < len(b) else None)
        yield from _walk(f"{place}[{i}]", (*path, i), first, second)


def merge(
    base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Conflict]]:
    """``theirs`` with the changes of ``mine`` (both edited from ``base``) laid on it, and
    the places where the two changed the same thing differently, which keep their value
    until a person chooses (:func:`resolve`). A change inside a line that the other edit
    removed is a conflict too."""
    their_changes = differences(base, theirs)
    merged = copy.deepcopy(dict(theirs))
    conflicts: list[Conflict] = []
    for d in differences(base, mine):
        clash = [t for t in their_changes if _overlap(t.path, d.path)]
        if not clash:
            _set(merged, d.path, d.after)
        elif not (len(clash) == 1 and clash[0].path == d.path and clash[0].after == d.after):
            conflicts.append(Conflict(d.place, d.before, _get(theirs, d.path), d.after))
    return merged, conflicts


def resolve(
    merged: Mapping[str, Any], mine: Mapping[str, Any], taken: Sequence[str]
) -> dict[str, Any]:
    """``merged`` with my value at each conflicting place named in ``taken``."""
    out = copy.deepcopy(dict(merged))
    for d in differences(merged, mine):
        if d.place in taken:
            _set(out, d.path, d.after)
    return out


def _overlap(a: tuple[Step, ...], b: tuple[Step, ...]) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _get(doc: Any, path: tuple[Step, ...]) -> Any:
    for step in path:
        if isinstance(doc, Mapping):
            doc = doc.get(step)
        elif isinstance(step, tuple) and doc is not None:
            doc = next((item for item in doc if item.get("id") == step[1]), None)
        elif isinstance(step, int) and doc is not None:
            doc = doc[step] if step < len(doc) else None
        else:
            return None
    return doc


def _set(doc: Any, path: tuple[Step, ...], value: Any) -> None:
    """Put ``value`` at ``path`` (None removes it), making the mappings on the way."""
    *parents, last = path
    for step in parents:
        inner = _get(doc, (step,))
        if inner is None:
            inner = {}
            _put(doc, step, inner)
        doc = inner
    _put(doc, last, value)


def _put(doc: Any, step: Step, value: Any) -> None:
    if isinstance(doc, dict):
        if value is None:
            doc.pop(step, None)
        else:
            doc[step] = copy.deepcopy(value)
        return
    if isinstance(step, tuple):
        at = next((i for i, item in enumerate(doc) if item.get("id") == step[1]), None)
    else:
        at = step if isinstance(step, int) and step < len(doc) else None
    if at is None:
        if value is not None:
            doc.append(copy.deepcopy(value))
    elif value is None:
        del doc[at]
    else:
        doc[at] = copy.deepcopy(value)


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
