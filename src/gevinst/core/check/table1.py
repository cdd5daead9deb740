# SPDX-License-Identifier: MPL-2.0
"""Tabel 1, the proposal's total economic consequences: its stated rows against the sums of
the lines, its payback times, and each line's own styringsområde and split."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.check.compare import Reason, compare_series
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Parts, Proposal
from gevinst.core.numbers import dk
from gevinst.core.series import sum_series

_PAYBACK = re.compile(r"^\s*(\d+)\s*(?:år)?\s*(?:\((\d{4})\))?\s*$")
_NO_PAYBACK = "ingen"


def _sum_reason(p: Proposal) -> Reason:
    """Why a row of Tabel 1 differs from the sum of the lines: a year's operating costs
    counted twice (Forslag 3's 4.850), or plainly the lines' sum."""
    costs = calc.operating_costs(p)

    def reason(year: int, stated: Decimal, computed: Decimal) -> str:
        if costs[year] != 0 and abs(stated - computed) == abs(costs[year]):
            return (
                f"forskellen er årets varige driftsudgifter ({dk(abs(costs[year]))}), som "
                "forslaget har talt med to gange"
            )
        if abs(stated - computed) == 1:
            return "afrundingsforskel"
        return "det beregnede tal er summen af forslagets linjer"

    return reason


def _rows(p: Proposal) -> Iterator[Finding]:
    reason = _sum_reason(p)
    for key, stated in p.stated.table1.items():
        name, compute = calc.TABLE1_ROWS[key]
        yield from compare_series(
            p.id, "1", key, name, stated, compute(p), p.years, "table1-sum", reason=reason
        )


def payback_agrees(text: str, computed: calc.Payback | None) -> bool | None:
    """Whether a payback as written agrees with the computed one; None where the text is not
    read as whole years ("3,5 år", "4 years"): then it stands as stated.

    >>> payback_agrees("4 år (2028)", calc.Payback(4, 2028)), payback_agrees("4", None)
    (True, False)
    >>> payback_agrees("ingen", None), payback_agrees("3,5 år", calc.Payback(4, 2028))
    (True, None)
    """
    if text.strip().casefold() == _NO_PAYBACK:
        return computed is None
    match = _PAYBACK.match(text)
    if match is None:
        return None
    years, year = int(match[1]), match[2] and int(match[2])
    return computed is not None and computed.years == years and (not year or year == computed.year)


def _payback_differs(p: Proposal, basis: str, text: str, computed: calc.Payback | None) -> Finding:
    shown = calc.payback_text(computed)
    return Finding(
        proposal=p.id,
        table="1",
        row=f"payback_{basis}",
        year=None,
        stated=text.strip(),
        computed=shown,
        rule="payback",
        severity=Severity.ERROR,
        message=f"Tilbagebetalingstid baseret på {calc.PAYBACK_BASES[basis]}: angivet "
        f"{text.strip()!r}, beregnet {shown} (tælles fra første år med beløb til og med første "
        f"år, hvor den akkumulerede påvirkning er og forbliver <= 0)",
    )


def _payback(p: Proposal) -> Iterator[Finding]:
    """Each stated payback against the one computed from the lines. A proposal known by its
    catalog row alone states its payback but not its investment year by year: the stated
    figure stands, and nothing is compared (``Proposal.payback_derived``)."""
    if not p.payback_derived:
        return
    for basis, text in p.stated.payback.items():
        computed = calc.payback(p, basis)
        if text.strip().casefold() == _NO_PAYBACK:
            # "ingen" is read, not a format problem: it differs where there is a payback
            if computed is not None:
                yield _payback_differs(p, basis, text, computed)
            continue
        match = _PAYBACK.match(text)
        if match is None:
            yield Finding(
                proposal=p.id,
                table="1",
                row=f"payback_{basis}",
                year=None,
                stated=text,
                computed=calc.payback_text(computed),
                rule="payback-format",
                severity=Severity.WARNING,
                message=f"Tilbagebetalingstid baseret på {calc.PAYBACK_BASES[basis]}: {text!r} "
                "kan ikke læses",
            )
            continue
        years, year = int(match[1]), match[2] and int(match[2])
        if computed is None or computed.years != years or (year and year != computed.year):
            yield _payback_differs(p, basis, text, computed)


def _lines(p: Proposal) -> Iterator[Finding]:
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
                message=f"Linjen {line.text!r} har intet styringsområde; regnet som {line.area}",
            )
        if isinstance(line.booking, Parts):
            parts = sum_series(line.booking.parts.values())
            yield from compare_series(
                p.id,
                "1",
                line.id,
                f"Fordelingen af {line.text!r}",
                parts,
                line.amounts,
                p.years,
                "parts-sum",
            )


def check_table1(p: Proposal) -> Iterator[Finding]:
    """Tabel 1's stated rows, its payback times, then its lines."""
    yield from _rows(p)
    yield from _payback(p)
    yield from _lines(p)
