# SPDX-License-Identifier: MPL-2.0
"""Tabel 1, the proposal's total economic consequences: its stated rows against the sums of
the lines, the totals it states for its rows (a Total column) against the sums of their
years, its payback times, and each line's own styringsområde and split."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache, partial

from gevinst.core import calc
from gevinst.core.check.compare import Reason, compare_series, off_by_one, severity
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Parts, Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import Series, sum_series
from gevinst.core.template import Printing, printing

MESSAGES: Messages = {
    "da": {
        "counted-twice": "forskellen er årets varige driftsudgifter ({costs}), som forslaget "
        "har talt med to gange",
        "rounding": "afrundingsforskel",
        "lines": "det beregnede tal er summen af forslagets linjer",
        "payback": "{row}: angivet {stated!r}, beregnet {computed} (tælles fra første år med "
        "beløb til og med første år, hvor den akkumulerede påvirkning er og forbliver <= 0)",
        "payback-format": "{row}: {stated!r} kan ikke læses",
        "area-blank": "Linjen {text!r} har intet styringsområde; regnet som {area}",
        "parts-sum": "Fordelingen af {text!r}",
        "row-total": "{row}, i alt: angivet {stated}, beregnet {computed} (forskel "
        "{difference}; {why})",
        "row-total-sum": "det beregnede tal er summen af rækkens år {first} til {last}",
    },
    "en": {
        "counted-twice": "the difference is the year's permanent running costs ({costs}), "
        "which the proposal has counted twice",
        "rounding": "rounding difference",
        "lines": "the calculated figure is the sum of the proposal's lines",
        "payback": "{row}: stated {stated!r}, calculated {computed} (counted from the first "
        "year with an amount to the first year in which the cumulative impact is and stays "
        "<= 0)",
        "payback-format": "{row}: {stated!r} cannot be read",
        "area-blank": "The line {text!r} has no budget area; counted as {area}",
        "parts-sum": "The split of {text!r}",
        "row-total": "{row}, total: stated {stated}, calculated {computed} (difference "
        "{difference}; {why})",
        "row-total-sum": "the calculated figure is the sum of the row's years {first} to {last}",
    },
}


Row = Callable[[str], Series]  # a row of Tabel 1 by its key, as calc.table1_row


def _sum_reason(p: Proposal, pr: Printing) -> Reason:
    """Why a row of Tabel 1 differs from the sum of the lines: a year's operating costs
    counted twice (Forslag 3's 4.850), or plainly the lines' sum."""
    # summed only for a finding: most rows agree with their lines
    operating_costs = cache(partial(calc.operating_costs, p))

    def reason(year: int, stated: Decimal, computed: Decimal) -> str:
        costs = operating_costs()
        if costs[year] != 0 and abs(stated - computed) == abs(costs[year]):
            return say(pr, MESSAGES, "counted-twice", costs=pr.plain(abs(costs[year])))
        if off_by_one(stated, computed, pr.money.quantum):
            return say(pr, MESSAGES, "rounding")
        return say(pr, MESSAGES, "lines")

    return reason


def _rows(p: Proposal, pr: Printing, row: Row) -> Iterator[Finding]:
    reason = _sum_reason(p, pr)
    for key, stated in p.stated.table1.items():
        name = pr.words.table1_rows.get(key, calc.TABLE1_ROWS[key][0])
        yield from compare_series(
            p.id, "1", key, name, stated, row(key), p.years, "table1-sum", reason=reason, pr=pr
        )


def _row_totals(p: Proposal, pr: Printing, row: Row) -> Iterator[Finding]:
    """Each total Tabel 1 states for a row (its Total column, typed by hand) against the sum
    of the row's years as gevinst derives them; one quantum off is a rounding warning."""
    for key, stated in p.stated.table1_totals.items():
        computed = calc.row_total(p, row(key))
        if stated == computed:
            continue
        if off_by_one(stated, computed, pr.money.quantum):
            why = say(pr, MESSAGES, "rounding")
        else:
            first, last = pr.year(p.years[0]), pr.year(p.years[-1])
            why = say(pr, MESSAGES, "row-total-sum", first=first, last=last)
        yield Finding(
            proposal=p.id,
            table="1",
            row=key,
            year=None,
            stated=stated,
            computed=computed,
            rule="table1-row-total",
            severity=severity(stated, computed, pr.money.quantum),
            message=say(
                pr,
                MESSAGES,
                "row-total",
                row=_row_name(p, key, pr),
                stated=pr.plain(stated),
                computed=pr.plain(computed),
                difference=pr.plain(stated - computed),
                why=why,
            ),
        )


def _row_name(p: Proposal, key: str, pr: Printing) -> str:
    """A row of Tabel 1 as the document names it: a subtotal in the profile's wording, a
    line by its text."""
    if key in calc.TABLE1_ROWS:
        return pr.words.table1_rows.get(key, calc.TABLE1_ROWS[key][0])
    return p.line(key).text


def payback_agrees(
    text: str, computed: calc.Payback | None, pr: Printing | None = None
) -> bool | None:
    """Whether a payback as written agrees with the computed one; None where the text is not
    read as whole years in the profile's words ("3,5 år"): then it stands as stated.

    >>> payback_agrees("4 år (2028)", calc.Payback(4, 2028)), payback_agrees("4", None)
    (True, False)
    >>> payback_agrees("ingen", None), payback_agrees("3,5 år", calc.Payback(4, 2028))
    (True, None)
    """
    read = (pr or printing(None)).read_payback(text)
    if read is None:
        return None
    if read.never:
        return computed is None
    return (
        computed is not None
        and computed.years == read.years
        and (read.year is None or read.year == computed.year)
    )


def _payback_differs(
    p: Proposal, basis: str, text: str, computed: calc.Payback | None, pr: Printing
) -> Finding:
    shown = pr.payback(computed)
    return Finding(
        proposal=p.id,
        table="1",
        row=f"payback_{basis}",
        year=None,
        stated=text.strip(),
        computed=shown,
        rule="payback",
        severity=Severity.ERROR,
        message=say(
            pr,
            MESSAGES,
            "payback",
            row=pr.payback_row(basis),
            stated=text.strip(),
            computed=shown,
        ),
    )


def _payback(p: Proposal, pr: Printing, tables: calc.Tables | None) -> Iterator[Finding]:
    """Each stated payback against the one computed from the lines. A proposal known by its
    catalog row alone states its payback but not its investment year by year: the stated
    figure stands, and nothing is compared (``Proposal.payback_derived``)."""
    if not p.payback_derived:
        return
    for basis, text in p.stated.payback.items():
        computed = calc.payback(p, basis, rows=tables)
        agrees = payback_agrees(text, computed, pr)
        if agrees is None:
            yield Finding(
                proposal=p.id,
                table="1",
                row=f"payback_{basis}",
                year=None,
                stated=text,
                computed=pr.payback(computed),
                rule="payback-format",
                severity=Severity.WARNING,
                message=say(pr, MESSAGES, "payback-format", row=pr.payback_row(basis), stated=text),
            )
        elif not agrees:
            yield _payback_differs(p, basis, text, computed, pr)


def _lines(p: Proposal, pr: Printing) -> Iterator[Finding]:
    for line in p.lines:
        if line.area_assumed and line.area is not None:
            yield Finding(
                proposal=p.id,
                table="1",
                row=line.id,
                year=None,
                stated=None,
                computed=line.area,
                rule="area-blank",
                severity=Severity.INFO,
                message=say(pr, MESSAGES, "area-blank", text=line.text, area=line.area),
            )
        if isinstance(line.booking, Parts):
            parts = sum_series(line.booking.parts.values())
            yield from compare_series(
                p.id,
                "1",
                line.id,
                say(pr, MESSAGES, "parts-sum", text=line.text),
                parts,
                line.amounts,
                p.years,
                "parts-sum",
                pr=pr,
            )


def check_table1(
    p: Proposal, profile: Profile | None = None, tables: calc.Tables | None = None
) -> Iterator[Finding]:
    """Tabel 1's stated rows, its payback times, then its lines, worded in ``profile``'s
    language (Danish without one). ``tables`` are the proposal's as the rest of its check
    computes them: each row of Tabel 1 is summed once for its comparison, its total and the
    paybacks."""
    pr = voice(profile)
    row = tables.row if tables is not None else partial(calc.table1_row, p)
    yield from _rows(p, pr, row)
    yield from _row_totals(p, pr, row)
    yield from _payback(p, pr, tables)
    yield from _lines(p, pr)
