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
from gevinst.core.numbers import dk
from gevinst.core.targets import Account, AccountRow
from gevinst.format.writer import number

NAME = 40
FACTOR_PLACES = Decimal("0.000001")
CELL = 11


def _figure(value: Decimal | None) -> int | str | None:
    return None if value is None else number(value)


def _met(row: AccountRow, year: int) -> str:
    met = row.met(year)
    return "" if met is None else ("nået" if met else "ikke nået")


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


def _line(row: AccountRow, year: int) -> str:
    target, achieved, manko = row.figures(year)
    cells = f"{dk(target):>{CELL}}{dk(achieved):>{CELL}}{dk(manko):>{CELL}}"
    return f"{row.name:<{NAME}}{year:>6}{cells}  {_met(row, year)}".rstrip() + "\n"


def render(accounts: Sequence[Account]) -> str:
    """A block for each target: its heading, a line per committee and year, the whole
    municipality, then its source and any conversion."""
    if not accounts:
        return "Kataloget har ingen måltal.\n"
    blocks = []
    for a in accounts:
        t = a.target
        area = f", {t.area}" if t.area else ""
        lines = [
            f"{t.label} (1.000 kr. {a.price_level} p/l{area})\n",
            f"{'Udvalg':<{NAME}}{'År':>6}{'Måltal':>{CELL}}{'Opnået':>{CELL}}{'Manko':>{CELL}}\n",
        ]
        lines += [_line(r, y) for r in (*a.rows, a.total) for y in a.years]
        counted = ", ".join(a.counted) or "ingen"
        lines.append(f"Tæller med: {counted}. Manko = opnået - måltal; besparelser er negative.\n")
        lines.append(f"Kilde: {t.source}\n")
        lines += [f"{c}\n" for c in a.conversions]
        blocks.append("".join(lines))
    return "\n".join(blocks)
