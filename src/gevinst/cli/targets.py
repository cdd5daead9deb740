# SPDX-License-Identifier: MPL-2.0
"""``gevinst targets`` as text and JSON: for each of the catalog's targets (måltal), per
committee and year the target, the achieved effect and the manko, with the whole
municipality last; where a proposal is counted at another price level than it was made in,
the conversion is stated."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from gevinst.core.distribute import round_to
from gevinst.core.targets import Account, AccountRow
from gevinst.core.template import Printing, printing
from gevinst.format.writer import number

NAME = 40
FACTOR_PLACES = Decimal("0.000001")
CELL = 11


def _figure(value: Decimal | None) -> int | str | None:
    return None if value is None else number(value)


def _met(row: AccountRow, year: int, pr: Printing) -> str:
    met = row.met(year)
    return "" if met is None else pr.words.term("nået" if met else "ikke nået")


def _year_json(row: AccountRow, year: int) -> dict[str, Any]:
    target, achieved, manko = row.figures(year)
    return {
        "target": _figure(target),
        "achieved": _figure(achieved),
        "manko": _figure(manko),
        "met": row.met(year),
    }


def _row_json(row: AccountRow, years: Sequence[int]) -> dict[str, Any]:
    return {
        "committee": row.committee,
        "name": row.name,
        "years": {str(y): _year_json(row, y) for y in years},
    }


def account_json(a: Account) -> dict[str, Any]:
    t = a.target
    return {
        "id": t.id,
        "label": t.label,
        "source": t.source,
        "area": t.area,
        "price_level": a.price_level,
        "target_price_level": t.price_level,
        "years": list(a.years),
        "counted": list(a.counted),
        "conversions": [
            {
                "proposal": c.proposal,
                "from": c.from_level,
                "to": c.to_level,
                "factor": number(round_to(c.factor, FACTOR_PLACES)),
                "text": str(c),
            }
            for c in a.conversions
        ],
        "rows": [_row_json(r, a.years) for r in a.rows],
        "total": _row_json(a.total, a.years),
    }


def _line(row: AccountRow, year: int, pr: Printing, cell: int, year_cell: int) -> str:
    target, achieved, manko = row.figures(year)
    f = pr.figure
    cells = f"{f(target):>{cell}}{f(achieved):>{cell}}{f(manko):>{cell}}"
    shown = f"{row.name:<{NAME}}{pr.year(year):>{year_cell}}{cells}  {_met(row, year, pr)}"
    return shown.rstrip() + "\n"


def _widths(a: Account, pr: Printing) -> tuple[int, int]:
    """A figure's and a year's column: 11 and 6, wider for a longer figure ("-1,450,000")
    or a financial year ("2025/26")."""
    figures = [
        len(pr.figure(x)) + 1
        for r in (*a.rows, a.total)
        for y in a.years
        for x in r.figures(y)
        if x is not None
    ]
    return max([CELL, *figures]), max([6, *(len(pr.year(y)) + 1 for y in a.years)])


def render(accounts: Sequence[Account], printed: Printing | None = None) -> str:
    """A block for each target: its heading, a line per committee and year, the whole
    municipality, then its source and any conversion; in the profile's words, money, years
    and figures (Copenhagen's without one)."""
    pr = printed or printing(None)
    w = pr.words.term
    if not accounts:
        return w("Kataloget har ingen måltal.") + "\n"
    blocks = []
    for a in accounts:
        t = a.target
        cell, year_cell = _widths(a, pr)
        area = f", {t.area}" if t.area else ""
        heads = "".join(f"{w(h):>{cell}}" for h in ("Måltal", "Opnået", "Manko"))
        lines = [
            f"{t.label} ({pr.prices(a.price_level)}{area})\n",
            f"{w('Udvalg'):<{NAME}}{w('År'):>{year_cell}}{heads}\n",
        ]
        lines += [_line(r, y, pr, cell, year_cell) for r in (*a.rows, a.total) for y in a.years]
        counted = ", ".join(a.counted) or w("ingen")
        note = "Tæller med: {counted}. Manko = opnået - måltal; besparelser er negative."
        lines.append(w(note).format(counted=counted) + "\n")
        lines.append(w("Kilde: {source}").format(source=t.source) + "\n")
        lines += [f"{c}\n" for c in a.conversions]
        blocks.append("".join(lines))
    return "\n".join(blocks)
