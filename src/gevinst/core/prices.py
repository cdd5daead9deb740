# SPDX-License-Identifier: MPL-2.0
"""Price levels: every amount series converted between the price and wage levels of two
years ("2024 p/l" to "2025 p/l") with the body's index of price and wage development
(pris- og lønudvikling), which is data in its profile (``price_index``).

Conventions:

- An index gives a number a year on any base; only the ratio of two years counts. An amount
  at ``from_level`` p/l is ``amount * index[to_level] / index[from_level]`` at ``to_level``
  p/l, computed in one step and then rounded half away from zero (``distribute.round_to``)
  to the decimals asked for: whole 1.000 kr. by default, as the documents print them.
- Converting to the same level is the identity, rounding included (nothing is rounded).
- The index is dated like the shared assumptions: a new estimate (KL's skøn is revised
  during the year) is a new edition from its date, never an edit of an old one, so a
  figure converted last year can be converted again as it was.
- A proposal is converted line by line; a line split between units by printed parts keeps
  its parts adding up to it (largest remainder, ``distribute.apportion``). The subtotals
  are then the sums of the converted lines, as in the document the proposal would be in
  that price level.
- A year the index does not hold is an InputError naming the year and the index's source:
  gevinst never converts with a guessed figure.

Worked example, Copenhagen's budget 2025 (the profile's index, 2024 = 100, 2025 = 104,8):
Forslag 7 says that 40 mio. kr. in 2024 p/l "svarer til et måltal på 41,9 mio. kr. i 2025
p/l"; in 1.000 kr., -40.000 at 2024 p/l is -40.000 * 104,8 / 100 = -41.920 at 2025 p/l,
the måltal its Tabel 4 prints.

>>> edition = IndexEdition(dt.date(2024, 1, 1), {2024: Decimal(100), 2025: Decimal("104.8")})
>>> convert(Decimal(-40000), 2024, 2025, edition)
Decimal('-41920')
>>> convert(Decimal(-1900), 2024, 2025, edition)
Decimal('-1991')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.distribute import ONE, apportion, round_to
from gevinst.core.errors import InputError
from gevinst.core.frozen import freeze
from gevinst.core.model import (
    AdminRow,
    BudgetMove,
    Catalog,
    CatalogGroup,
    CatalogTable,
    Line,
    Parts,
    Proposal,
    Stated,
    StatedTable,
)
from gevinst.core.numbers import dk
from gevinst.core.series import Series


@dataclass(frozen=True)
class IndexEdition:
    """One estimate of the index, in force from ``start`` until the next edition."""

    start: dt.date
    values: Mapping[int, Decimal]  # year -> index, on any base
    reference: str = ""  # where this edition's figures are stated

    def __post_init__(self) -> None:
        freeze(self, "values")


@dataclass(frozen=True)
class PriceIndex:
    """The body's index of price and wage development, with its source."""

    label: str
    source: str
    editions: tuple[IndexEdition, ...]  # sorted by start
    unit: str = "indeks"

    def edition(self, as_of: dt.date | None = None) -> IndexEdition:
        """The edition in force on ``as_of``; the newest where no day is given."""
        valid = [e for e in self.editions if as_of is None or e.start <= as_of]
        if not valid:
            first = self.editions[0].start if self.editions else None
            raise InputError(f"{self.label} har ingen udgave pr. {as_of} (første fra {first})")
        return valid[-1]


def factor(from_level: int, to_level: int, edition: IndexEdition) -> Decimal:
    """What an amount at ``from_level`` p/l is multiplied by to be at ``to_level`` p/l."""
    return _value(to_level, edition) / _value(from_level, edition)


def _value(year: int, edition: IndexEdition) -> Decimal:
    try:
        value = edition.values[year]
    except KeyError:
        known = ", ".join(str(y) for y in sorted(edition.values)) or "ingen"
        raise InputError(
            f"prisindekset har intet tal for {year} p/l (udgaven fra {edition.start}: år "
            f"{known}; {edition.reference or 'uden kilde'}); beløbene kan ikke omregnes"
        ) from None
    if value <= 0:
        raise InputError(f"prisindekset for {year} er {dk(value)}; det skal være over nul")
    return value


def convert(
    amount: Decimal,
    from_level: int,
    to_level: int,
    edition: IndexEdition,
    exponent: Decimal | None = ONE,
) -> Decimal:
    """``amount`` at ``from_level`` p/l at ``to_level`` p/l, rounded to the decimals of
    ``exponent`` (None: unrounded). The same level returns ``amount`` as it is."""
    if from_level == to_level:
        return amount
    exact = amount * _value(to_level, edition) / _value(from_level, edition)
    return exact if exponent is None else round_to(exact, exponent)


def convert_series(
    series: Series,
    to_level: int,
    edition: IndexEdition,
    from_level: int | None = None,
    exponent: Decimal | None = ONE,
) -> Series:
    """Every year of ``series`` at ``to_level`` p/l. Its own level is ``series.price_level``,
    or ``from_level`` for a series that does not know it (both given must agree)."""
    level = series.price_level if series.price_level is not None else from_level
    if level is None:
        raise InputError("beløbenes prisniveau er ukendt; de kan ikke omregnes")
    if from_level is not None and from_level != level:
        raise InputError(f"beløbene er i {level} p/l, ikke {from_level} p/l")
    values = {y: convert(a, level, to_level, edition, exponent) for y, a in series.items()}
    return Series(values, to_level, series.scale)


@dataclass(frozen=True)
class Conversion:
    """What a view states when a proposal is shown at another price level than it was made
    in: "udarbejdet i 2024 p/l, vist i 2025 p/l"."""

    proposal: str
    from_level: int
    to_level: int
    factor: Decimal
    source: str

    def __str__(self) -> str:
        return (
            f"{self.proposal}: udarbejdet i {self.from_level} p/l, vist i {self.to_level} p/l "
            f"(omregnet med faktor {dk(round_to(self.factor, Decimal('0.0001')))}: "
            f"{self.source})"
        )


@dataclass(frozen=True)
class ProposalConverter:
    """Converts one proposal's series to ``to_level``, rounded at the profile's ``quantum``
    (whole units of its scale; 0,1 for mio. kr. with one decimal)."""

    p: Proposal
    to_level: int
    edition: IndexEdition
    quantum: Decimal = ONE

    def series(self, s: Series) -> Series:
        return convert_series(
            s, self.to_level, self.edition, from_level=self.p.price_level, exponent=self.quantum
        )

    def exact(self, amount: Decimal) -> Decimal:
        return convert(amount, self.p.price_level, self.to_level, self.edition, None)

    def amount(self, amount: Decimal) -> Decimal:
        """One amount at ``to_level``, rounded at the quantum."""
        return convert(amount, self.p.price_level, self.to_level, self.edition, self.quantum)

    def optional(self, s: Series | None) -> Series | None:
        return None if s is None else self.series(s)

    def line(self, line: Line) -> Line:
        booking = line.booking
        if isinstance(booking, Parts):
            booking = Parts(self.parts(booking.parts))
        return replace(line, amounts=self.series(line.amounts), booking=booking)

    def parts(self, parts: Mapping[str, Series]) -> dict[str, Series]:
        """Printed parts converted so that they still add up to their converted line."""
        years = sorted({y for s in parts.values() for y in s})
        by_year = {
            y: apportion({u: self.exact(s[y]) for u, s in parts.items()}, self.quantum)
            for y in years
        }
        return {
            u: Series({y: by_year[y][u] for y in years if y in s}, self.to_level, s.scale)
            for u, s in parts.items()
        }

    def table(self, t: StatedTable | None) -> StatedTable | None:
        if t is None:
            return None
        rows = {u: self.series(r) for u, r in t.rows.items()}
        return replace(t, rows=rows, total=self.optional(t.total))

    def stated(self, st: Stated) -> Stated:
        return replace(
            st,
            table1={k: self.series(v) for k, v in st.table1.items()},
            distribution=self.table(st.distribution),
            admin_total=self.optional(st.admin_total),
            technical={k: t for k, t in ((k, self.table(t)) for k, t in st.technical.items()) if t},
            # a total is a sum of one price level's years: converted as one amount
            table1_totals={k: self.amount(v) for k, v in st.table1_totals.items()},
        )


def convert_proposal(
    p: Proposal, to_level: int, edition: IndexEdition, quantum: Decimal = ONE
) -> Proposal:
    """The proposal with every amount of its tables at ``to_level`` p/l, rounded at the
    profile's ``quantum`` (whole 1.000 kr.; 0,1 mio. kr.):
    its lines (and their printed parts), budget moves, Tabel 2's rows and every stated
    figure. What it states in words, its calculation basis (the models compute at the
    proposal's own level) and a target accounting printed under its own price basis
    (Forslag 7's Tabel 4, "løbende p/l") are left as they are. The same level returns ``p``.
    """
    if p.price_level == to_level:
        return p
    c = ProposalConverter(p, to_level, edition, quantum)
    return replace(
        p,
        price_level=to_level,
        lines=tuple(c.line(line) for line in p.lines),
        budget_moves=tuple(
            BudgetMove(m.from_unit, m.to_unit, c.series(m.amounts), m.text) for m in p.budget_moves
        ),
        admin_rows=tuple(AdminRow(r.text, c.series(r.amounts)) for r in p.admin_rows),
        stated=c.stated(p.stated),
    )


def conversion(p: Proposal, to_level: int, index: PriceIndex, edition: IndexEdition) -> Conversion:
    """What a view of ``p`` at ``to_level`` p/l states about it."""
    return Conversion(
        p.id,
        p.price_level,
        to_level,
        factor(p.price_level, to_level, edition),
        f"{index.label}, udgaven fra {edition.start}",
    )


def _catalog_table(
    t: CatalogTable, level: int, to_level: int, edition: IndexEdition, quantum: Decimal = ONE
) -> CatalogTable:
    def amounts(s: Series) -> Series:
        return convert_series(s, to_level, edition, from_level=level, exponent=quantum)

    def investment(v: Decimal | None) -> Decimal | None:
        return None if v is None else convert(v, level, to_level, edition, quantum)

    groups = tuple(
        CatalogGroup(
            g.committee,
            tuple(
                replace(
                    r,
                    effect=amounts(r.effect),
                    investment=investment(r.investment),
                    # a row's split by area converts as its total does
                    effect_by_area={a: amounts(v) for a, v in r.effect_by_area.items()},
                    investment_by_area={
                        a: convert(v, level, to_level, edition, quantum)
                        for a, v in r.investment_by_area.items()
                    },
                )
                for r in g.rows
            ),
        )
        for g in t.groups
    )
    total = None if t.total_effect is None else amounts(t.total_effect)
    return replace(
        t, groups=groups, total_effect=total, total_investment=investment(t.total_investment)
    )


def convert_catalog(
    cat: Catalog, to_level: int, as_of: dt.date | None = None
) -> tuple[Catalog, tuple[Conversion, ...]]:
    """The catalog with every proposal at ``to_level`` p/l (:func:`convert_proposal`), and
    its own tables' figures where it is in another price level, converted with the profile's
    index as of ``as_of`` (default: its newest edition); and what the view states for each
    proposal converted. The figures it states in words and its targets (each at its own price
    level, converted when accounted for) are left as they are."""
    moved = [p for p in cat.proposals if p.price_level != to_level]
    if not moved and cat.price_level == to_level:
        return cat, ()
    index = cat.profile.price_index
    if index is None:
        raise InputError(
            f"profilen {cat.profile.id} har intet prisindeks (price_index); kataloget kan ikke "
            f"vises i {to_level} p/l"
        )
    edition = index.edition(as_of)
    quantum = cat.profile.money.quantum
    proposals = tuple(convert_proposal(p, to_level, edition, quantum) for p in cat.proposals)
    tables = cat.tables
    if cat.price_level != to_level:
        tables = tuple(
            _catalog_table(t, cat.price_level, to_level, edition, quantum) for t in tables
        )
    shown = replace(cat, price_level=to_level, proposals=proposals, tables=tables)
    return shown, tuple(conversion(p, to_level, index, edition) for p in moved)


def _name(p: Proposal, no: str) -> str:
    """How a catalog table names a proposal's row: its printed number where it is a name
    ("Forslag 3"), else the proposal's id."""
    return no if any(c.isalpha() for c in no) else p.id


def unconverted_notes(cat: Catalog, table_id: str) -> list[str]:
    """What a document says under a catalog table of each proposal in it made in another
    price level than the table's (the catalog's): it stands unconverted, as the catalog prints
    it, and its effect at the catalog's level where the profile's index can say it.

    The seed's Tabel 2: "Forslag 3 er udarbejdet i 2024 p/l og står uomregnet i tabellen
    (1.000 kr. 2025 p/l); i 2025 p/l er effektiviseringsbidraget 1.991, 2.569, 2.934 og 3.040
    (2025-2028; omregnet med faktor 1,048: ...)."
    """
    t = cat.table(table_id)
    return [
        _unconverted(cat, t, cat.proposal(row.proposal), row.no)
        for row in t.rows()
        if row.proposal is not None and cat.proposal(row.proposal).price_level != cat.price_level
    ]


def _unconverted(cat: Catalog, t: CatalogTable, p: Proposal, no: str) -> str:
    head = (
        f"{_name(p, no)} er udarbejdet i {p.price_level} p/l og står uomregnet i tabellen "
        f"({cat.profile.money.label} {cat.price_level} p/l)"
    )
    index = cat.profile.price_index
    if index is None:
        return f"{head}; profilen har intet prisindeks at omregne med."
    try:
        edition = index.edition()
        shown = convert_proposal(p, cat.price_level, edition, cat.profile.money.quantum)
    except InputError as e:
        return f"{head}; den kan ikke omregnes: {e}."
    effect = -calc.permanent(shown)
    figures = [dk(effect[y]) for y in t.years]
    listed = ", ".join(figures[:-1]) + " og " + figures[-1] if len(figures) > 1 else figures[0]
    c = conversion(p, cat.price_level, index, edition)
    return (
        f"{head}; i {cat.price_level} p/l er effektiviseringsbidraget {listed} "
        f"({t.years[0]}-{t.years[-1]}; omregnet med faktor "
        f"{dk(round_to(c.factor, Decimal('0.0001')))}: {c.source})."
    )
