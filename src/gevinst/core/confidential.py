# SPDX-License-Identifier: MPL-2.0
"""What may be shown of a confidential (FORTROLIG) proposal to someone not allowed to see it.

Only what the catalog publishes: its id and title, its permanent change per year and its total
implementation costs, summed; no texts, lines, keys, basis, follow-up, consultations or
technical tables.
"""

from __future__ import annotations

from dataclasses import replace

from gevinst.core import calc
from gevinst.core.model import Catalog, Line, LineKind, Proposal, Section, Stated


def public_view(p: Proposal) -> Proposal:
    """The proposal as the catalog publishes it; a non-confidential proposal is unchanged."""
    if not p.confidential or p.catalog_entry_only:
        return p
    lines = [
        Line(
            "varig",
            Section.PERMANENT,
            LineKind.EFFICIENCY,
            "Samlet varig ændring",
            None,
            calc.permanent(p),
            area_assumed=True,
        )
    ]
    invest = calc.implementation(p)
    if not invest.is_zero():
        lines.append(
            Line(
                "impl",
                Section.IMPLEMENTATION,
                LineKind.IMPLEMENTATION,
                "Samlede implementeringsomkostninger",
                None,
                invest,
                area_assumed=True,
            )
        )
    return Proposal(
        id=p.id,
        title=p.title,
        type=p.type,
        years=p.years,
        price_level=p.price_level,
        scale=p.scale,
        lines=tuple(lines),
        confidential=True,
        catalog_entry_only=True,
        stated=Stated(),
    )


def public_catalog(cat: Catalog) -> Catalog:
    return replace(cat, proposals=tuple(public_view(p) for p in cat.proposals))
