# SPDX-License-Identifier: MPL-2.0
"""The catalog's summary tables (Tabel 1 and 2 of the seed), recomputed from the proposals.

"Effektiviseringsbidrag" is a proposal's permanent change printed as a positive contribution
(``-calc.permanent``); "Samlet investering" is the sum of its implementation costs. A row the
catalog does not tie to a proposal keeps the catalog's own figures, and so does a row whose
proposal the data knows by that row alone (``catalog_entry_only``) wherever the row states
what its lines cannot give: its investment (one sum, no years) and its effect at full
phase-in ("Effektivisering ved fuld indfasning", no year), which is then its varig virkning.

A row split by area (styringsområde) is recomputed the same way: where the proposal has its
own lines, its effect on Service is ``-calc.permanent(p, "Service")`` and its investment on
Anlæg ``calc.implementation(p, "Anlæg").total()``; otherwise the row's parts as printed.

The columns a table prints are the profile's (``template.catalog_columns``), in its order;
a profile that names none prints them as gevinst always has: the years, "Ved fuld
indfasning" where a row states it, the investment, the payback where a row states one, and
"Godkendt med".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.model import Catalog, CatalogRow, CatalogTable
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series, sum_series
from gevinst.core.template import Printing


@dataclass(frozen=True)
class SummaryRow:
    row: CatalogRow  # as printed
    effect: Series
    investment: Decimal | None
    steady_state: Decimal  # varig virkning, as a positive contribution
    # the effect and the investment on each area the table splits them on; an area missing
    # where neither the proposal's lines nor the row give the part
    effect_by_area: Mapping[str, Series] = field(default_factory=dict)
    investment_by_area: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryColumn:
    """A column of a summary table: ``kind`` is one of the profile's CATALOG_COLUMNS
    (``effect_years`` stands for all the table's years), ``area`` the area of a column of
    the split by area ("Investering, Anlæg")."""

    kind: str
    area: str | None = None
    area_name: str = ""  # the area's printed name (the profile's)

    def heading(self, printed: Printing, last_year: int) -> str:
        """The column's heading in the profile's language; "" for ``effect_years`` (its
        headings are the years).

        >>> from dataclasses import replace
        >>> from gevinst.core.template import WORDINGS, printing
        >>> da, en = printing(None), replace(printing(None), words=WORDINGS["en"])
        >>> SummaryColumn("investment_by_area", "Anlæg", "Anlæg").heading(da, 2029)
        'Investering, Anlæg'
        >>> SummaryColumn("effect_by_area", "Service", "Service").heading(da, 2029)
        'Effekt 2029, Service'
        >>> SummaryColumn("investment_by_area", "Capital", "Capital").heading(en, 2029)
        'Investment, Capital'
        """
        words = printed.words
        _, investment, approved = words.summary_columns
        if self.area is not None:
            form = words.area_effect if self.kind == "effect_by_area" else words.area_investment
            return form.format(year=printed.year(last_year), area=self.area_name)
        return {
            "full_effect": words.full_effect,
            "investment": investment,
            "payback": words.payback_column,
            "approved_with": approved,
        }.get(self.kind, "")

    @property
    def numeric(self) -> bool:
        """Whether the column holds figures (right-aligned)."""
        return self.kind not in {"effect_years", "approved_with"}


@dataclass(frozen=True)
class SummaryGroup:
    committee: str
    rows: tuple[SummaryRow, ...]


@dataclass(frozen=True)
class Summary:
    table: CatalogTable
    groups: tuple[SummaryGroup, ...]
    profile: Profile  # its columns (template.catalog_columns) and areas

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

    @property
    def split_areas(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The areas some row of the table splits its effect on, and its investment on, in
        the profile's order of areas."""
        effect = {a for r in self.rows() for a in r.row.effect_by_area}
        investment = {a for r in self.rows() for a in r.row.investment_by_area}
        return (
            tuple(a for a in self.profile.areas if a in effect),
            tuple(a for a in self.profile.areas if a in investment),
        )

    def columns(self) -> tuple[SummaryColumn, ...]:
        """The columns the table prints, after the first (committee / proposal): the
        profile's ``template.catalog_columns`` in its order, a split by area as one column
        per area a row splits on; without them, as gevinst always printed the table."""
        kinds = self.profile.template.catalog_columns or (
            "effect_years",
            *(("full_effect",) if self.states_full_effect else ()),
            "investment",
            *(("payback",) if self.states_payback else ()),
            "approved_with",
        )
        effect_areas, investment_areas = self.split_areas
        by_area = {"effect_by_area": effect_areas, "investment_by_area": investment_areas}
        out: list[SummaryColumn] = []
        for kind in kinds:
            if kind in by_area:
                names = self.profile.area_name
                out += [SummaryColumn(kind, a, names(a)) for a in by_area[kind]]
            else:
                out.append(SummaryColumn(kind))
        return tuple(out)

    def heading(self, column: SummaryColumn, printed: Printing) -> str:
        """A column's heading as the profile's documents print it."""
        return column.heading(printed, self.table.years[-1])

    @property
    def column_count(self) -> int:
        """The columns printed, the first (committee / proposal) and each year included."""
        years = len(self.table.years)
        return 1 + sum(years if c.kind == "effect_years" else 1 for c in self.columns())

    def area_part(self, r: SummaryRow | None, column: SummaryColumn) -> Decimal | None:
        """The figure of a column of the split by area for a row (None: the total): the
        area's effect in the table's last year, or its investment; None where there is none
        (the row neither splits nor has the proposal's lines to split)."""
        area = column.area
        if area is None:
            return None
        if column.kind == "effect_by_area":
            part = self.total_effect_on(area) if r is None else r.effect_by_area.get(area)
            return None if part is None else part[self.table.years[-1]]
        return self.total_investment_on(area) if r is None else r.investment_by_area.get(area)

    def total_effect_on(self, area: str) -> Series | None:
        """The total effect on an area: the sum of the rows' parts, None where some row has
        none (a sum of some would be invented)."""
        parts = [r.effect_by_area.get(area) for r in self.rows()]
        if not parts or any(p is None for p in parts):
            return None
        return sum_series(p for p in parts if p is not None)

    def total_investment_on(self, area: str) -> Decimal | None:
        """The total investment on an area, as :meth:`total_effect_on`."""
        parts = [r.investment_by_area.get(area) for r in self.rows()]
        if not parts or any(p is None for p in parts):
            return None
        return sum((p for p in parts if p is not None), ZERO)

    def total_full_effect(self) -> Decimal | None:
        """The total at full phase-in: as printed, or the sum of the rows where every row
        states one; None where some row states none (a sum of some would be invented)."""
        if self.table.total_full_effect is not None:
            return self.table.total_full_effect
        stated = [r.row.full_effect for r in self.rows()]
        if not stated or any(f is None for f in stated):
            return None
        return sum((f for f in stated if f is not None), ZERO)


def _row(cat: Catalog, t: CatalogTable, row: CatalogRow, areas: tuple[str, ...]) -> SummaryRow:
    """A row recomputed; ``areas``: those the table splits its rows on."""
    if row.proposal is None:
        steady = row.full_effect if row.full_effect is not None else row.effect[t.years[-1]]
        return SummaryRow(
            row, row.effect, row.investment, steady, row.effect_by_area, row.investment_by_area
        )
    p = cat.proposal(row.proposal)
    effect = -calc.permanent(p)
    investment: Decimal | None
    if not p.catalog_entry_only:
        investment, steady = calc.implementation(p).total(), -calc.steady_state(p)
        effect_by_area = {a: _years(-calc.permanent(p, a), t) for a in areas}
        investment_by_area = {a: calc.implementation(p, a).total() for a in areas}
    else:
        investment = row.investment
        steady = row.full_effect if row.full_effect is not None else -calc.steady_state(p)
        effect_by_area, investment_by_area = dict(row.effect_by_area), dict(row.investment_by_area)
    return SummaryRow(
        row, _years(effect, t), investment, steady, effect_by_area, investment_by_area
    )


def _years(s: Series, t: CatalogTable) -> Series:
    return Series({y: s[y] for y in t.years})


def summarise(cat: Catalog, table_id: str) -> Summary:
    t = cat.table(table_id)
    profile = cat.profile
    split = {a for r in t.rows() for a in (*r.effect_by_area, *r.investment_by_area)}
    areas = tuple(a for a in profile.areas if a in split)
    return Summary(
        t,
        tuple(
            SummaryGroup(g.committee, tuple(_row(cat, t, r, areas) for r in g.rows))
            for g in t.groups
        ),
        profile,
    )
