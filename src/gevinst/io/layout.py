# SPDX-License-Identifier: MPL-2.0
"""The rows of Tabel 1 as the template lays them out, for every renderer to draw alike.

The core computes each figure; this module only decides which rows are shown and in which
order: the section headings, the lines, the subtotals (the implementation subtotal of a
styringsområde only where the proposal has lines on it, as the seed prints them), the total
impact and the two payback rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gevinst.core import calc
from gevinst.core.model import Proposal, Section
from gevinst.core.series import Series

TABLE1_TITLE = "Tabel 1. Forslagets samlede økonomiske konsekvenser"
SECTION_HEADINGS = {
    Section.PERMANENT: "Varige ændringer (effektiviseringer og drift)",
    Section.IMPLEMENTATION: "Implementeringsomkostninger (midler fra investeringspuljen)",
}


class Kind(StrEnum):
    HEADING = "heading"  # a section heading, no figures
    LINE = "line"  # a line as typed
    SUBTOTAL = "subtotal"  # a subtotal of a section
    TOTAL = "total"  # Samlet økonomisk påvirkning
    PAYBACK = "payback"  # a payback row: text, no figures


@dataclass(frozen=True)
class Row:
    kind: Kind
    label: str
    area: str = ""
    amounts: Series | None = None
    text: str = ""  # the payback, "4 år (2028)"


def _implementation_areas(p: Proposal) -> list[str]:
    used = {line.area for line in p.lines if line.section is Section.IMPLEMENTATION}
    return [area for area in (calc.SERVICE, calc.ANLAEG) if area in used]


def _subtotals(p: Proposal, section: Section) -> list[Row]:
    if section is Section.PERMANENT:
        return [
            Row(
                Kind.SUBTOTAL,
                "Samlet varig ændring, service",
                calc.SERVICE,
                calc.permanent(p, calc.SERVICE),
            ),
            Row(Kind.SUBTOTAL, "Samlet varig ændring", "", calc.permanent(p)),
        ]
    return [
        *(
            Row(
                Kind.SUBTOTAL,
                f"Samlede implementeringsomkostninger, {area.lower()}",
                area,
                calc.implementation(p, area),
            )
            for area in _implementation_areas(p)
        ),
        Row(Kind.SUBTOTAL, "Samlede implementeringsomkostninger", "", calc.implementation(p)),
    ]


def table1(p: Proposal) -> list[Row]:
    """Tabel 1 of ``p``, row by row."""
    rows: list[Row] = []
    for section, heading in SECTION_HEADINGS.items():
        rows.append(Row(Kind.HEADING, heading))
        rows += [
            Row(Kind.LINE, line.text, line.area or "", line.amounts)
            for line in p.lines
            if line.section is section
        ]
        rows += _subtotals(p, section)
    rows.append(Row(Kind.TOTAL, "Samlet økonomisk påvirkning", "", calc.impact(p)))
    rows += [
        Row(
            Kind.PAYBACK,
            f"Tilbagebetalingstid baseret på {label}",
            text=calc.payback_text(calc.payback(p, basis)),
        )
        for basis, label in calc.PAYBACK_BASES.items()
    ]
    return rows
