# SPDX-License-Identifier: MPL-2.0
"""What a yellow input cell stands for: a line's amount in a year, a key's weight, a part of
a line split as printed, a moved budget, a row of Tabel 2."""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass


@dataclass(frozen=True)
class LineAmount:
    proposal: str
    line: str
    year: int


@dataclass(frozen=True)
class KeyWeight:
    proposal: str
    key: str
    name: str


@dataclass(frozen=True)
class PartAmount:
    proposal: str
    line: str
    name: str
    year: int


@dataclass(frozen=True)
class MoveAmount:
    proposal: str
    index: int
    year: int


@dataclass(frozen=True)
class AdminAmount:
    proposal: str
    index: int
    year: int


Target = LineAmount | KeyWeight | PartAmount | MoveAmount | AdminAmount
TARGETS: dict[str, type[Target]] = {
    t.__name__: t for t in (LineAmount, KeyWeight, PartAmount, MoveAmount, AdminAmount)
}


def target_key(t: Target) -> str:
    """An input as the versions sheet names it: ids and years, never a text."""
    return json.dumps([type(t).__name__, *astuple(t)], ensure_ascii=False)


def target_of(key: str) -> Target:
    """The input a versions sheet's key names; ValueError for anything else."""
    try:
        kind, *args = json.loads(key)
        return TARGETS[kind](*args)
    except (TypeError, KeyError, json.JSONDecodeError) as e:
        raise ValueError(key) from e
