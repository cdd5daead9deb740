# SPDX-License-Identifier: MPL-2.0
"""The proposal's stated tables beside Tabel 1: the technical tables A to E and the
distribution on committees (2.1) row by row against what the lines distribute, the printed
C = A + B, each table's own price basis, and the administration's total (Tabel 2)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import partial

from gevinst.core import calc
from gevinst.core.check.compare import (
    Reason,
    compare_series,
    key_rounding,
    kind,
    off_by_one,
    printed_sum,
    severity,
)
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.findings import Finding, Severity
from gevinst.core.memo import per_proposal
from gevinst.core.model import Proposal, Section, StatedTable
from gevinst.core.profile import Profile
from gevinst.core.series import EMPTY, Series
from gevinst.core.template import DANISH, Printing

# the tables' names in the check's Danish messages (each language's: Wording.table_names)
TABLE_NAMES = DANISH.table_names

# the row of a table's unit line, where it names a price basis ("1.000 kr. 2025 p/l",
# "£, 2025/26 prices": the price level is the year the level's (financial) year starts in)
PRICE_BASIS = "price_basis"
_PRICE_LEVEL = re.compile(r"\b(\d{4})(?:/\d{2})? (?:p/l|prices)\b")

MESSAGES: Messages = {
    "da": {
        "nothing-moves": "Tabel B viser beløb, der flyttes mellem udvalgenes budgetrammer; "
        "forslagets linjer placerer ingen udgift hos et andet udvalg end det, som afholder "
        "den, så intet flyttes",
        "no-row": "forslagets tabel har ingen række her; forslagets linjer giver {computed}",
        "rows-total": "det beregnede tal er summen af de beregnede rækker",
        "c-is-a-plus-b": "den beregnede Tabel C er de beregnede Tabel A og Tabel B lagt sammen",
        "distributed": "det beregnede tal er det, forslagets linjer fordeler til rækken",
        "row": "{title}, {unit}",
        "total": "{title}, total",
        "implementation-area": "Implementeringsomkostningen {text!r} er på {area} "
        "styringsområde; Tabel D og E fordeler kun {capital} og {operating}",
        "no-area": "intet",
        "booking-missing": "Mindst én linje har ingen fordeling på udvalg; tabellerne kan ikke "
        "beregnes",
        "C=A+B": "Tabel C, {unit}, {year}: i forslaget er Tabel C {stated}, men forslagets "
        "Tabel A + Tabel B giver {computed}",
        "table-price-basis": "{table}, prisniveau: tabellen angiver {stated}, men dens tal er "
        "forslagets egne i {level} p/l (ikke omregnet)",
    },
    "en": {
        "nothing-moves": "Table B shows amounts moved between the committees' budgets; the "
        "proposal's lines place no cost with a committee other than the one that bears it, "
        "so nothing is moved",
        "no-row": "the proposal's table has no row here; the proposal's lines give {computed}",
        "rows-total": "the calculated figure is the sum of the calculated rows",
        "c-is-a-plus-b": "the calculated Table C is the calculated Table A and Table B added up",
        "distributed": "the calculated figure is what the proposal's lines distribute to the row",
        "row": "{title}, {unit}",
        "total": "{title}, total",
        "implementation-area": "The implementation cost {text!r} is on {area} budget area; "
        "Table D and E distribute only {capital} and {operating}",
        "no-area": "no",
        "booking-missing": "At least one line is not distributed on committees; the tables "
        "cannot be calculated",
        "C=A+B": "Table C, {unit}, {year}: in the proposal Table C is {stated}, but the "
        "proposal's Table A + Table B give {computed}",
        "table-price-basis": "{table}, price base: the table states {stated}, but its figures "
        "are the proposal's own in {level} prices (not converted)",
    },
}

# why Tabel B is derived as nothing where the source prints each committee's own cost
NOTHING_MOVES = MESSAGES["da"]["nothing-moves"]


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


@per_proposal
def _printed_by_unit(p: Proposal, profile: Profile) -> dict[str, dict[str, Series]]:
    """Each printed technical table's rows added up by unit (:func:`rows_by_unit`), once a
    proposal: its check against the derived table and C = A + B both read them."""
    return {name: rows_by_unit(t.rows, profile) for name, t in p.stated.technical.items()}


def _unit_reason(table: str, has_row: bool, pr: Printing, total: bool = False) -> Reason:
    """Why a unit's row (or the total) differs from the derived one, as far as the check
    can tell."""

    def reason(_year: int, stated: Decimal, computed: Decimal) -> str:
        if not has_row:
            return say(pr, MESSAGES, "no-row", computed=pr.plain(computed))
        if table == "B" and computed == 0:
            return say(pr, MESSAGES, "nothing-moves")
        if off_by_one(stated, computed, pr.money.quantum):
            return kind(stated, computed, "" if total else key_rounding(pr), pr)
        if total:
            return say(pr, MESSAGES, "rows-total")
        if table == "C":
            return say(pr, MESSAGES, "c-is-a-plus-b")
        return say(pr, MESSAGES, "distributed")

    return reason


def _unit_rows(
    p: Proposal,
    table: str,
    stated: StatedTable,
    computed: Mapping[str, Series],
    profile: Profile,
    rule: str,
    pr: Printing,
) -> Iterator[Finding]:
    title = pr.words.table_names[table]
    if not stated.rows and stated.total is None:
        return
    if table == "2.1":
        resolved = rows_by_unit(stated.rows, profile, committees=True)
    else:
        resolved = _printed_by_unit(p, profile)[table]
    for unit in profile.sort_units(set(resolved) | set(computed)):
        yield from compare_series(
            p.id,
            table,
            unit,
            partial(_row_name, pr, title, profile, unit),
            resolved.get(unit, EMPTY),
            computed.get(unit, EMPTY),
            p.years,
            rule,
            reason=_unit_reason(table, unit in resolved, pr),
            pr=pr,
        )
    if stated.total is not None:
        yield from compare_series(
            p.id,
            table,
            "total",
            say(pr, MESSAGES, "total", title=title),
            stated.total,
            calc.column_total(computed),
            p.years,
            rule,
            reason=_unit_reason(table, True, pr, total=True),
            pr=pr,
        )
    yield from printed_sum(p.id, table, title, stated.rows, stated.total, p.years, pr=pr)


def _row_name(pr: Printing, title: str, profile: Profile, unit: str) -> str:
    """A table's row in a message: the table and the unit's name (worded only for a
    finding)."""
    return say(pr, MESSAGES, "row", title=title, unit=profile.unit_name(unit))


def check_technical(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Tables A to E and 2.1 against what the lines distribute, once every line is booked;
    an implementation cost outside the capital and operating areas, which D and E cannot
    place. ``tables``
    are the proposal's as the rest of its check computes them."""
    derived = tables or calc.Tables(p, profile)
    pr = voice(profile)
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
                message=say(
                    pr,
                    MESSAGES,
                    "implementation-area",
                    text=line.text,
                    area=line.area or say(pr, MESSAGES, "no-area"),
                    capital=profile.area_of(calc.CAPITAL),
                    operating=profile.area_of(calc.OPERATING),
                ),
            )
    if calc.unbooked(p) and (p.stated.technical or p.stated.distribution):
        yield Finding.note(
            proposal=p.id,
            table="A",
            row=None,
            rule="booking-missing",
            severity=Severity.ERROR,
            message=say(pr, MESSAGES, "booking-missing"),
        )
        return
    for table, stated in p.stated.technical.items():
        yield from _unit_rows(p, table, stated, derived[table], profile, f"table-{table}", pr)
    d = p.stated.distribution
    if d is not None:
        yield from _unit_rows(
            p,
            "2.1",
            d,
            derived.distribution(d.includes_implementation),
            profile,
            "table-2.1",
            pr,
        )


def check_c_is_a_plus_b(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """The printed tables themselves must satisfy C = A + B, row by row."""
    if not all(filled(p.stated.technical.get(t)) for t in "ABC"):
        return
    a, b, c = (_printed_by_unit(p, profile)[t] for t in "ABC")
    pr = voice(profile)
    for unit in profile.sort_units(set(a) | set(b) | set(c)):
        a_plus_b = a.get(unit, EMPTY) + b.get(unit, EMPTY)
        printed_c = c.get(unit, EMPTY)
        for year, stated, computed in zip(
            p.years, printed_c.at(p.years), a_plus_b.at(p.years), strict=True
        ):
            if stated != computed:
                yield Finding(
                    proposal=p.id,
                    table="C",
                    row=unit,
                    year=year,
                    stated=stated,
                    computed=computed,
                    rule="C=A+B",
                    severity=severity(stated, computed, pr.money.quantum),
                    message=say(
                        pr,
                        MESSAGES,
                        "C=A+B",
                        unit=profile.unit_name(unit),
                        year=pr.year(year),
                        stated=pr.plain(stated),
                        computed=pr.plain(computed),
                    ),
                )


def check_admin(p: Proposal, profile: Profile | None = None) -> Iterator[Finding]:
    """Tabel 2's stated total against the sum of its rows."""
    if p.stated.admin_total is not None:
        pr = voice(profile)
        yield from compare_series(
            p.id,
            "admin",
            "total",
            pr.words.admin_total,
            p.stated.admin_total,
            calc.admin_total(p),
            p.years,
            "admin-sum",
            pr=pr,
        )


def price_basis(p: Proposal, pr: Printing | None = None) -> str:
    """The unit line of the proposal's tables: its own price level, as ``pr`` prints it
    ("1.000 kr. 2025 p/l", "£, 2025/26 prices")."""
    return (pr or voice(None)).prices(p.price_level)


def check_price_bases(p: Proposal, profile: Profile | None = None) -> Iterator[Finding]:
    """A stated table printed under another price level than the proposal's, over the same
    figures (F3's tables A-E say 2025 p/l; its figures are its 2024 p/l)."""
    pr = voice(profile)
    own = price_basis(p, pr)
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
                message=say(
                    pr,
                    MESSAGES,
                    "table-price-basis",
                    table=pr.words.table_names[name],
                    stated=t.price_basis,
                    level=pr.year(p.price_level),
                ),
            )
