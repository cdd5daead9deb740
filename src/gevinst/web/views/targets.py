# SPDX-License-Identifier: MPL-2.0
"""The catalog overview's targets (måltal): each target as rows of committee, year, target,
achieved and manko, laid out for the fragment ``gevinst/_targets.html``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core.access import Actor
from gevinst.core.errors import InputError
from gevinst.core.targets import Account, AccountRow
from gevinst.services.targets import accounts
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Line:
    """One committee (or the whole municipality) in one year."""

    name: str
    year: int
    target: Decimal | None
    achieved: Decimal
    manko: Decimal | None
    met: bool | None
    total: bool  # the whole municipality's row


@dataclass(frozen=True)
class Shown:
    """The targets accounted for, or why they cannot be (a conversion the index lacks)."""

    accounts: tuple[tuple[Account, tuple[Line, ...]], ...]
    problem: str = ""


def _lines(a: Account, row: AccountRow, total: bool) -> list[Line]:
    return [Line(row.name, y, *row.figures(y), row.met(y), total) for y in a.years]


def shown(store: Store, actor: Actor, key: str) -> Shown:
    try:
        found = accounts(store, actor, key)
    except InputError as e:
        return Shown((), str(e))
    return Shown(
        tuple(
            (
                a,
                tuple(line for r in a.rows for line in _lines(a, r, False))
                + tuple(_lines(a, a.total, True)),
            )
            for a in found
        )
    )
