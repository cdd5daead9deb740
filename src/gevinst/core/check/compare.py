# SPDX-License-Identifier: MPL-2.0
"""The comparison every rule family shares: a stated figure against a computed one.

A difference of exactly one (1.000 kr.) is a rounding difference and a warning; any other
difference is an error. A printed table whose rows do not add up to its own total is an
error of the table itself, whatever gevinst computes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from gevinst.core.findings import Finding, Severity
from gevinst.core.numbers import dk
from gevinst.core.series import Series, sum_series

# why a row split by a key differs by one from the source's row
KEY_ROUNDING = (
    "forslaget har afrundet rækken for sig; de beregnede rækker er fordelt efter forslagets "
    "nøgle og afrundet samlet (største rest), så de giver totalen"
)

Reason = Callable[[int, Decimal, Decimal], str]


def severity(stated: Decimal, computed: Decimal) -> Severity:
    """A warning where the figures differ by exactly one, an error otherwise."""
    return Severity.WARNING if abs(stated - computed) == 1 else Severity.ERROR


def kind(stated: Decimal, computed: Decimal, rounding: str) -> str:
    """The message's word for a difference; ``rounding`` says why a difference of one arises
    (left out where the stated figure is 0, which no rounding explains)."""
    if abs(stated - computed) != 1:
        return "uoverensstemmelse"
    return f"afrundingsforskel: {rounding}" if rounding and stated != 0 else "afrundingsforskel"


def compare_series(
    proposal: str | None,
    table: str,
    row: str,
    row_name: str,
    stated: Series,
    computed: Series,
    years: tuple[int, ...],
    rule: str,
    rounding: str = "",
    reason: Reason | None = None,
) -> Iterator[Finding]:
    """One finding per year where a stated row differs from the computed one; ``rounding``
    says why a difference of one arises, and ``reason`` why any difference does, where the
    caller knows."""
    for year in years:
        s, c = stated[year], computed[year]
        if s != c:
            why = reason(year, s, c) if reason is not None else kind(s, c, rounding)
            yield Finding(
                proposal=proposal,
                table=table,
                row=row,
                year=year,
                stated=s,
                computed=c,
                rule=rule,
                severity=severity(s, c),
                message=f"{row_name}, {year}: angivet {dk(s)}, beregnet {dk(c)} "
                f"(forskel {dk(s - c)}; {why})",
            )


def compare_value(
    proposal: str | None,
    table: str,
    row: str,
    name: str,
    stated: Decimal | None,
    computed: Decimal,
    rule: str,
    why: str = "",
) -> Iterator[Finding]:
    """A single stated figure (no year) against its computed value; ``why`` says why they
    differ, where the caller knows."""
    if stated is not None and stated != computed:
        because = f" ({why})" if why else ""
        yield Finding(
            proposal=proposal,
            table=table,
            row=row,
            year=None,
            stated=stated,
            computed=computed,
            rule=rule,
            severity=severity(stated, computed),
            message=f"{name}: angivet {dk(stated)}, beregnet {dk(computed)}{because}",
        )


def printed_sum(
    proposal: str | None,
    table: str,
    title: str,
    rows: Mapping[str, Series],
    total: Series | None,
    years: tuple[int, ...],
) -> Iterator[Finding]:
    """The source's rows against the source's total of the same table: the source's own
    arithmetic, whatever gevinst derives."""
    if total is None or not rows:
        return
    source = "kataloget" if proposal is None else "forslaget"
    rows_total = sum_series(rows.values())
    for year in years:
        s, c = total[year], rows_total[year]
        if s != c:
            yield Finding(
                proposal=proposal,
                table=table,
                row="total",
                year=year,
                stated=s,
                computed=c,
                rule="printed-total",
                severity=severity(s, c),
                message=f"{title}, {year}: i {source} er totalen {dk(s)}, men {source}s rækker "
                f"giver {dk(c)}",
            )
