# SPDX-License-Identifier: MPL-2.0
"""The catalog's summary tables (Tabel 1 and 2 of the seed), recomputed from the proposals.

"Effektiviseringsbidrag" is a proposal's permanent change printed as a positive contribution
(``-calc.permanent``); "Samlet investering" is the sum of its implementation costs. A row the
catalog does not tie to a proposal keeps the catalog's own figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.model import Catalog, CatalogRow, CatalogTable
from gevinst.core.series import ZERO, Series, sum_series


@dataclass(frozen=True)
class SummaryRow:
    row: CatalogRow  # as printed
    effect: Series
    investment: Decimal | None
    steady_state: Decimal  # varig virkning, as a positive contribution


@dataclass(frozen=True)
class SummaryGroup:
    committee: str
    rows: tuple[SummaryRow, ...]


@dataclass(frozen=True)
class Summary:
    table: CatalogTable
    groups: tuple[SummaryGroup, ...]

    def rows(self) -> tuple[SummaryRow, ...]:
        return tuple(r for g in self.groups for r in g.rows)

    def total_effect(self) -> Series:
        return sum_series(r.effect for r in self.rows())

    def total_investment(self) -> Decimal:
        return sum((r.investment or ZERO for r in self.rows()), ZERO)

    def total_steady_state(self) -> Decimal:
        return sum((r.steady_state for r in self.rows()), ZERO)


def _row(cat: Catalog, t: CatalogTable, row: CatalogRow) -> SummaryRow:
    if row.proposal is None:
        return SummaryRow(row, row.effect, row.investment, row.effect[t.years[-1]])
    p = cat.proposal(row.proposal)
    effect = -calc.permanent(p)
    investment = row.investment if p.catalog_entry_only else calc.implementation(p).total()
    return SummaryRow(
        row, Series({y: effect[y] for y in t.years}), investment, -calc.steady_state(p)
    )


def summarise(cat: Catalog, table_id: str) -> Summary:
    t = cat.table(table_id)
    return Summary(
        t,
        tuple(SummaryGroup(g.committee, tuple(_row(cat, t, r) for r in g.rows)) for g in t.groups),
    )
