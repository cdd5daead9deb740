# SPDX-License-Identifier: MPL-2.0
"""The proposal's stated tables beside Tabel 1: the technical tables A to E and the
distribution on committees (2.1) row by row against what the lines distribute, the printed
C = A + B, each table's own price basis, and the administration's total (Tabel 2)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.check.compare import (
    KEY_ROUNDING,
    Reason,
    compare_series,
    kind,
    printed_sum,
    severity,
)
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal, Section, StatedTable
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile
from gevinst.core.series import EMPTY, Series

TABLE_NAMES = {
    "A": "Tabel A (måltalseffekt)",
    "B": "Tabel B (bevillingsmæssig effekt – varig drift)",
    "C": "Tabel C (bevillingsmæssig effekt hvis indarbejdes)",
    "D": "Tabel D (anlægsinvesteringer)",
    "E": "Tabel E (serviceinvesteringer)",
    "2.1": "Tabel 2.1 (fordeling på udvalg)",
}

# the row of a table's unit line, where it names a price basis ("1.000 kr. 2025 p/l")
PRICE_BASIS = "price_basis"
_PRICE_LEVEL = re.compile(r"\b(\d{4}) p/l\b")

# why Tabel B is derived as nothing where the source prints each committee's own cost
NOTHING_MOVES = (
    "Tabel B viser beløb, der flyttes mellem udvalgenes budgetrammer; forslagets linjer "
    "placerer ingen udgift hos et andet udvalg end det, som afholder den, så intet flyttes"
)


def filled(t: StatedTable | None) -> bool:
    """The table is printed with at least a row or a total."""
    return t is not None and bool(t.rows or t.total)


def rows_by_unit(
    rows: Mapping[str, Series], profile: Profile, committees: bool = False
) -> dict[str, Series]:
    """Printed rows added up by the unit (or committee) they belong to."""
    out: dict[str, Series] = {}
    for label, row in rows.items():
        unit = profile.row_unit(label)
        if committees:
            unit = profile.committee_of(unit)
        out[unit] = out.get(unit, EMPTY) + row
    return out


def _unit_reason(table: str, has_row: bool, total: bool = False) -> Reason:
    """Why a unit's row (or the total) differs from the derived one, as far as the check
    can tell."""

    def reason(_year: int, stated: Decimal, computed: Decimal) -> str:
        if not has_row:
            return f"forslagets tabel har ingen række her; forslagets linjer giver {dk(computed)}"
        if table == "B" and computed == 0:
            return NOTHING_MOVES
        if abs(stated - computed) == 1:
            return kind(stated, computed, "" if total else KEY_ROUNDING)
        if total:
            return "det beregnede tal er summen af de beregnede rækker"
        if table == "C":
            return "den beregnede Tabel C er de beregnede Tabel A og Tabel B lagt sammen"
        return "det beregnede tal er det, forslagets linjer fordeler til rækken"

    return reason


def _unit_rows(
    p: Proposal,
    table: str,
    stated: StatedTable,
    computed: Mapping[str, Series],
    profile: Profile,
    rule: str,
) -> Iterator[Finding]:
    title = TABLE_NAMES[table]
    if not stated.rows and stated.total is None:
        return
    resolved = rows_by_unit(stated.rows, profile, committees=table == "2.1")
    for unit in profile.sort_units(set(resolved) | set(computed)):
        yield from compare_series(
            p.id,
            table,
            unit,
            f"{title}, {profile.unit_name(unit)}",
            resolved.get(unit, EMPTY),
            computed.get(unit, EMPTY),
            p.years,
            rule,
            reason=_unit_reason(table, unit in resolved),
        )
    if stated.total is not None:
        yield from compare_series(
            p.id,
            table,
            "total",
            f"{title}, total",
            stated.total,
            calc.column_total(computed),
            p.years,
            rule,
            reason=_unit_reason(table, True, total=True),
        )
    yield from printed_sum(p.id, table, title, stated.rows, stated.total, p.years)


def check_technical(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Tables A to E and 2.1 against what the lines distribute, once every line is booked;
    an implementation cost outside the capital and operating areas, which D and E cannot
    place. ``tables``
    are the proposal's as the rest of its check computes them."""
    derived = tables or calc.Tables(p, profile)
    for line in p.lines:
        if line.section is Section.IMPLEMENTATION and line.role not in (
            calc.CAPITAL,
            calc.OPERATING,
        ):
            yield Finding.note(
                proposal=p.id,
                table="1",
                row=line.id,
                rule="implementation-area",
                severity=Severity.WARNING,
                message=f"Implementeringsomkostningen {line.text!r} er på "
                f"{line.area or 'intet'} styringsområde; Tabel D og E fordeler kun "
                f"{profile.area_of(calc.CAPITAL)} og {profile.area_of(calc.OPERATING)}",
            )
    if calc.unbooked(p) and (p.stated.technical or p.stated.distribution):
        yield Finding.note(
            proposal=p.id,
            table="A",
            row=None,
            rule="booking-missing",
            severity=Severity.ERROR,
            message="Mindst én linje har ingen fordeling på udvalg; tabellerne kan ikke beregnes",
        )
        return
    for table, stated in p.stated.technical.items():
        yield from _unit_rows(p, table, stated, derived[table], profile, f"table-{table}")
    d = p.stated.distribution
    if d is not None:
        yield from _unit_rows(
            p,
            "2.1",
            d,
            derived.distribution(d.includes_implementation),
            profile,
            "table-2.1",
        )


def check_c_is_a_plus_b(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """The printed tables themselves must satisfy C = A + B, row by row."""
    printed = [p.stated.technical.get(t) for t in "ABC"]
    if not all(filled(t) for t in printed):
        return
    a, b, c = (rows_by_unit(t.rows, profile) for t in printed if t)
    for unit in profile.sort_units(set(a) | set(b) | set(c)):
        a_plus_b = a.get(unit, EMPTY) + b.get(unit, EMPTY)
        printed_c = c.get(unit, EMPTY)
        for year in p.years:
            stated, computed = printed_c[year], a_plus_b[year]
            if stated != computed:
                yield Finding(
                    proposal=p.id,
                    table="C",
                    row=unit,
                    year=year,
                    stated=stated,
                    computed=computed,
                    rule="C=A+B",
                    severity=severity(stated, computed),
                    message=f"Tabel C, {profile.unit_name(unit)}, {year}: i forslaget er "
                    f"Tabel C {dk(stated)}, men forslagets Tabel A + Tabel B giver "
                    f"{dk(computed)}",
                )


def check_admin(p: Proposal) -> Iterator[Finding]:
    """Tabel 2's stated total against the sum of its rows."""
    if p.stated.admin_total is not None:
        yield from compare_series(
            p.id,
            "admin",
            "total",
            "Varige ændringer totalt, administration",
            p.stated.admin_total,
            calc.admin_total(p),
            p.years,
            "admin-sum",
        )


def price_basis(p: Proposal) -> str:
    """The unit line of the proposal's tables: its own price level."""
    return f"1.000 kr. {p.price_level} p/l"


def check_price_bases(p: Proposal) -> Iterator[Finding]:
    """A stated table printed under another price level than the proposal's, over the same
    figures (F3's tables A-E say 2025 p/l; its figures are its 2024 p/l)."""
    own = price_basis(p)
    for name, t in p.stated.technical.items():
        level = _PRICE_LEVEL.search(t.price_basis)
        if level is not None and int(level[1]) != p.price_level:
            yield Finding(
                proposal=p.id,
                table=name,
                row=PRICE_BASIS,
                year=None,
                stated=t.price_basis,
                computed=own,
                rule="table-price-basis",
                severity=Severity.WARNING,
                message=f"{TABLE_NAMES[name]}, prisniveau: tabellen angiver {t.price_basis}, "
                f"men dens tal er forslagets egne i {p.price_level} p/l (ikke omregnet)",
            )
