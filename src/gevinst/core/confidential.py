# SPDX-License-Identifier: MPL-2.0
"""What may be shown of a confidential (FORTROLIG) proposal to someone not allowed to see it.

Only what the catalog publishes: its id and title, its permanent change per year and its total
implementation costs, summed; no texts, lines, keys, basis, follow-up, consultations,
technical tables or remarks. The catalog prints the row under its committee's heading, so a
permanent change that falls on one committee alone stays booked to it; a split between
committees is not published and is not shown.
"""

from __future__ import annotations

from dataclasses import replace

from gevinst.core import calc
from gevinst.core.model import Booking, Catalog, Line, LineKind, Proposal, Section, Stated, ToUnit
from gevinst.core.profile import Profile


def _published_booking(p: Proposal, profile: Profile) -> Booking | None:
    units = [u for u, amounts in calc.tables_of(p, profile)["A"].items() if not amounts.is_zero()]
    return ToUnit(units[0]) if len(units) == 1 and not calc.unbooked(p) else None


def public_view(p: Proposal, profile: Profile) -> Proposal:
    """The proposal as the catalog publishes it; a non-confidential proposal is unchanged.
    Its styringsområder are not published: the lines are left blank, read as the profile's
    default as a blank line in a file is.

    A confidential file that already holds only the catalog's row is reduced all the same:
    its line texts and remarks are the transcriber's words, not the catalog's."""
    if not p.confidential:
        return p
    lines = [
        Line(
            "varig",
            Section.PERMANENT,
            LineKind.EFFICIENCY,
            "Samlet varig ændring",
            profile.default_area,
            calc.permanent(p),
            booking=_published_booking(p, profile),
            area_assumed=True,
            role=profile.role_of(profile.default_area),
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
                profile.default_area,
                invest,
                area_assumed=True,
                role=profile.role_of(profile.default_area),
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
    return replace(cat, proposals=tuple(public_view(p, cat.profile) for p in cat.proposals))
