# SPDX-License-Identifier: MPL-2.0
"""The investment pool (investeringspuljen) of a budget round against what the round's
proposals ask of it: each year the money available (the catalog's ``pool``), the
implementation costs of the proposals the round decides (:func:`gevinst.core.rounds.of_round`,
:func:`gevinst.core.calc.implementation`), and the remainder (positive) or shortfall (negative).

Figures are 1.000 kr., each proposal's at its own price level, as the catalog's summary tables
add them. A confidential proposal counts as the catalog publishes it: pass the catalog as the
reader may see it (:func:`gevinst.core.access.visible`), whose confidential proposals keep
their implementation costs per year and nothing more. A proposal the catalog holds only as its
row (``catalog_entry_only``) with an investment but no implementation lines asks for the row's
"Samlet investering" without a year: it is listed as undated and is in no year's balance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.model import Catalog, Proposal
from gevinst.core.rounds import of_round
from gevinst.core.series import ZERO, Series


@dataclass(frozen=True)
class PoolYear:
    year: int
    available: Decimal
    requested: Decimal

    @property
    def balance(self) -> Decimal:
        """What is left (positive) or missing (negative)."""
        return self.available - self.requested


@dataclass(frozen=True)
class PoolRequest:
    """What one proposal asks of the pool: by year, or (undated) only as a total."""

    proposal: str
    title: str
    amounts: Series
    undated: Decimal = ZERO


@dataclass(frozen=True)
class PoolBalance:
    round: str
    source: str  # where the pool's figures come from; "" where the catalog states no pool
    years: tuple[PoolYear, ...]
    requests: tuple[PoolRequest, ...]

    def total(self) -> PoolYear:
        """Every year together (year 0)."""
        available = sum((y.available for y in self.years), ZERO)
        return PoolYear(0, available, sum((y.requested for y in self.years), ZERO))

    def undated(self) -> Decimal:
        return sum((r.undated for r in self.requests), ZERO)


def _investment_row(cat: Catalog, pid: str) -> Decimal:
    rows = (r for t in cat.tables for r in t.rows() if r.proposal == pid)
    return next((r.investment for r in rows if r.investment is not None), ZERO)


def _request(cat: Catalog, p: Proposal) -> PoolRequest:
    amounts = calc.implementation(p)
    plain = Series({y: a for y, a in amounts.items() if a})
    if plain.is_zero() and p.catalog_entry_only:
        return PoolRequest(p.id, p.title, plain, _investment_row(cat, p.id))
    return PoolRequest(p.id, p.title, plain)


def _years(pool: Series | None, requests: Iterable[PoolRequest]) -> list[int]:
    years = set(pool or ())
    for r in requests:
        years |= set(r.amounts)
    return sorted(years)


def pool_balance(cat: Catalog) -> PoolBalance:
    """The round's pool year by year against its proposals' investments.

    >>> from decimal import Decimal as D
    >>> PoolYear(2025, D(5000), D(6072)).balance
    Decimal('-1072')
    """
    requests = tuple(r for r in (_request(cat, p) for p in of_round(cat)) if r.amounts or r.undated)
    available = cat.pool.amounts if cat.pool else None
    years = tuple(
        PoolYear(
            y,
            available[y] if available is not None else ZERO,
            sum((r.amounts[y] for r in requests), ZERO),
        )
        for y in _years(available, requests)
    )
    return PoolBalance(cat.round, cat.pool.source if cat.pool else "", years, requests)
