# SPDX-License-Identifier: MPL-2.0
"""What the text says against the tables: every recorded claim (docs/format.md, "Claims")
compared with the figure it refers to, within the precision it is written with.

A claim of one figure a year is compared year by year (the years it names; the table's last
year for the permanent effect, "varig"; each year from the first it names to the table's
last for "fra 2028 og frem"); a ``total`` claim with the sum over its years; a basis cell, a
parameter or a count once. Figures are compared by magnitude, in the claim's unit converted
to 1.000 kr. where the figure is money in a table. A disagreement is a finding of table
``text`` whose row is the phrase, with the arithmetic in its message. It is a warning: the
tables are the figures a committee decides, and a text that says otherwise is to be
corrected, but it does not make the figures wrong (the lifecycle's "no errors in the
proposal's figures" does not wait for it).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.claims.claim import MONEY, BasisRef, Claim, ClaimUnit, RatioRef, ShareRef
from gevinst.core.claims.fields import field_label, text_fields
from gevinst.core.claims.precision import interval
from gevinst.core.claims.resolve import Referent, place, ratio_of, share_of, simple_refs
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Proposal
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile

RULE = "text-claim"
STALE = "text-claim-stale"
TABLE = "text"
HALF = Decimal("0.5")


def claim_years(p: Proposal, c: Claim) -> list[tuple[int, ...]]:
    """The groups of years a claim is compared in: one group a comparison (a ``total``
    claim's years are added up in one group).

    A claim with a value a year pairs them; "varig" alone is the table's last year; "fra
    2028 og frem" (``steady`` with a year) is each year from 2028 to the last."""
    last = p.years[-1]
    if c.total:
        return [c.years or p.years]
    if c.steady:
        first = min(c.years) if c.years else last
        return [(y,) for y in p.years if y >= first]
    return [(y,) for y in c.years] if c.years else [(last,)]


def _described(p: Proposal, c: Claim) -> str:
    return f"«{c.phrase}» ({field_label(p, c.field)})"


def _in_years(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    if len(years) == 1:
        return f" i {years[0]}"
    return f" i alt {years[0]}-{years[-1]}"


def _finding(
    p: Proposal, c: Claim, year: int | None, stated: Decimal, figure: Decimal, message: str
) -> Finding:
    return Finding(
        proposal=p.id,
        table=TABLE,
        row=c.phrase,
        year=year,
        stated=stated,
        computed=figure,
        rule=RULE,
        severity=Severity.WARNING,
        message=message,
    )


def _scale(c: Claim, series: bool, figure_unit: str) -> tuple[Decimal, str]:
    """What one unit of the claim is in the figure's unit, and that unit's name: a table's
    row is in 1.000 kr., a basis cell in the unit its reference names ("kr.")."""
    if c.unit in MONEY and series:
        return MONEY[c.unit], "1.000 kr."
    if c.unit in MONEY and figure_unit:
        return MONEY[c.unit] / MONEY[ClaimUnit(figure_unit)], figure_unit
    return Decimal(1), "" if c.unit is ClaimUnit.COUNT else c.unit.value


def _plain(p: Proposal, profile: Profile, c: Claim, tables: calc.Tables) -> Iterator[Finding]:
    assert c.ref is not None and not isinstance(c.ref, (ShareRef, RatioRef))
    where = place(p, profile, c.ref, tables)
    figure_unit = c.ref.unit if isinstance(c.ref, BasisRef) else ""
    scale, in_unit = _scale(c, where.series is not None, figure_unit)
    values = c.values
    groups = claim_years(p, c) if where.series is not None else [()]
    if len(values) > 1 and len(values) == len(groups):
        pairs = list(zip(values, groups, strict=True))
    else:
        pairs = [(values[0], g) for g in groups]
    for value, years in pairs:
        allowed = interval(value, c.qualifier, scale)
        figure = where.at(years)
        if allowed.accepts(figure):
            continue
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            abs(value) * scale,
            figure,
            f"{_described(p, c)}: teksten siger {c.written[0] if len(values) == 1 else dk(value)}"
            f"{_unit_words(c)}{_in_years(years)}, dvs. {allowed}"
            f"{' ' + in_unit if in_unit else ''}; men {where.name}{_in_years(years)} er "
            f"{dk(figure)} (forskel {dk(abs(figure) - abs(value) * scale)})",
        )


def _unit_words(c: Claim) -> str:
    """The unit after a figure in a message; a count is a number alone."""
    return "" if c.unit is ClaimUnit.COUNT else f" {c.unit.value}"


def _named(where: Referent, years: tuple[int, ...]) -> str:
    """A place's name, with the years it is read in where it is a row read in the claim's."""
    return where.name + (
        _in_years(years) if where.series is not None and where.year is None else ""
    )


def _share(
    p: Proposal, profile: Profile, c: Claim, ref: ShareRef, tables: calc.Tables
) -> Iterator[Finding]:
    for years in claim_years(p, c):
        part, part_figure, whole, whole_figure = share_of(p, profile, ref, years, tables)
        a, b = abs(part_figure), abs(whole_figure)
        share = (a * 100 / b).quantize(Decimal("0.1")) if b else Decimal(0)
        where, of = _named(part, years), _named(whole, years)
        if c.unit is ClaimUnit.FRACTION:
            expected = b * c.values[0]
            # a table prints whole 1.000 kr.: the part may be rounded by half of one
            if abs(a - expected) <= HALF:
                continue
            stated, computed = round(expected, 1), a
            told = f"{c.written[0]} af {dk(b)} er {dk(round(expected, 1))}"
        else:
            allowed = interval(c.values[0], c.qualifier)
            if allowed.accepts(share):
                continue
            stated, computed, told = abs(c.values[0]), share, f"dvs. {allowed} %"
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            stated,
            computed,
            f"{_described(p, c)}: teksten siger {c.written[0]}"
            f"{' %' if c.unit is ClaimUnit.PERCENT else ''}{_in_years(years)} af {of} "
            f"({dk(b)}); {told}, men {where} er {dk(a)} ({dk(share)} %)",
        )


def _ratio(
    p: Proposal, profile: Profile, c: Claim, ref: RatioRef, tables: calc.Tables
) -> Iterator[Finding]:
    values = c.values
    total_v = sum((abs(v) for v in values), Decimal(0))
    for years in claim_years(p, c):
        name, parts = ratio_of(p, profile, ref, years, tables)
        total_f = sum((abs(f) for f in parts), Decimal(0))
        if not total_f or not total_v:
            continue
        shares = [abs(f) * 100 / total_f for f in parts]
        scale = 100 / total_v
        if all(
            interval(v, c.qualifier, scale).accepts(s) for v, s in zip(values, shares, strict=True)
        ):
            continue
        printed = " / ".join(dk(s.quantize(Decimal("0.1"))) for s in shares)
        yield _finding(
            p,
            c,
            years[0] if len(years) == 1 else None,
            abs(values[0]) * scale,
            shares[0].quantize(Decimal("0.1")),
            f"{_described(p, c)}: teksten siger {'/'.join(c.written)}{_in_years(years)}; men "
            f"{name} er {' / '.join(dk(abs(f)) for f in parts)}, dvs. {printed} i procent",
        )


def stale(
    p: Proposal,
    profile: Profile,
    c: Claim,
    texts: dict[str, str],
    tables: calc.Tables | None = None,
) -> str:
    """Why a claim no longer fits its proposal ("" where it does): its phrase is not in its
    text (the text was edited), its reference names what the proposal no longer holds, or
    it names a year the proposal's tables do not have."""
    if c.phrase not in texts.get(c.field, ""):
        return f"står ikke længere i {c.field}"
    for ref in simple_refs(c.ref) if c.ref is not None else ():
        try:
            place(p, profile, ref, tables)
        except GevinstError as e:
            return str(e)
    missing = [str(y) for y in c.years if c.ref is not None and y not in p.years]
    return f"året {', '.join(missing)} er ikke blandt forslagets år" if missing else ""


def check_claims(
    p: Proposal, profile: Profile, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Every claim of ``p`` that refers to a figure, compared with it; a claim that no longer
    fits the proposal is reported as such (rule ``text-claim-stale``) and not compared.
    ``tables`` are ``p``'s derived tables, shared with the other rule families and by every
    claim (each table apportioned once, not once a claim)."""
    if p.catalog_entry_only:
        return
    texts = text_fields(p)
    derived = tables or calc.Tables(p, profile)
    for c in p.claims:
        why = stale(p, profile, c, texts, derived)
        if why:
            yield Finding.note(
                proposal=p.id,
                table=TABLE,
                row=c.phrase,
                rule=STALE,
                severity=Severity.WARNING,
                message=f"{_described(p, c)}: påstanden skal rettes eller fjernes: {why}",
            )
            continue
        if c.ref is None:
            continue
        if isinstance(c.ref, ShareRef):
            yield from _share(p, profile, c, c.ref, derived)
        elif isinstance(c.ref, RatioRef):
            yield from _ratio(p, profile, c, c.ref, derived)
        else:
            yield from _plain(p, profile, c, derived)
