# SPDX-License-Identifier: MPL-2.0
"""The catalog's summary tables (Tabel 1 and 2 of the seed), recomputed from the proposals.

"Effektiviseringsbidrag" is a proposal's permanent change printed as a positive contribution
(``-calc.permanent``); "Samlet investering" is the sum of its implementation costs. A row the
catalog does not tie to a proposal keeps the catalog's own figures, and so does a row whose
proposal the data knows by that row alone (``catalog_entry_only``) wherever the row states
what its lines cannot give: its investment (one sum, no years) and its effect at full
phase-in ("Effektivisering ved fuld indfasning", no year), which is then its varig virkning.
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

    @property
    def states_full_effect(self) -> bool:
        """The table has a column "Effektivisering ved fuld indfasning" (a row states it)."""
        return self.table.total_full_effect is not None or any(
            r.row.full_effect is not None for r in self.rows()
        )

    @property
    def states_payback(self) -> bool:
        """The table has a payback column (a row states one)."""
        return any(r.row.payback for r in self.rows())

    def total_full_effect(self) -> Decimal | None:
        """The total at full phase-in: as printed, or the sum of the rows where every row
        states one; None where some row states none (a sum of some would be invented)."""
        if self.table.total_full_effect is not None:
            return self.table.total_full_effect
        stated = [r.row.full_effect for r in self.rows()]
        if not stated or any(f is None for f in stated):
            return None
        return sum((f for f in stated if f is not None), ZERO)


def _row(cat: Catalog, t: CatalogTable, row: CatalogRow) -> SummaryRow:
    if row.proposal is None:
        steady = row.full_effect if row.full_effect is not None else row.effect[t.years[-1]]
        return SummaryRow(row, row.effect, row.investment, steady)
    p = cat.proposal(row.proposal)
    effect = -calc.permanent(p)
    investment: Decimal | None
    if not p.catalog_entry_only:
        investment, steady = calc.implementation(p).total(), -calc.steady_state(p)
    else:
        investment = row.investment
        steady = row.full_effect if row.full_effect is not None else -calc.steady_state(p)
    return SummaryRow(row, Series({y: effect[y] for y in t.years}), investment, steady)


def summarise(cat: Catalog, table_id: str) -> Summary:
    t = cat.table(table_id)
    return Summary(
        t,
        tuple(SummaryGroup(g.committee, tuple(_row(cat, t, r) for r in g.rows)) for g in t.groups),
    )
