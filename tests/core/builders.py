# SPDX-License-Identifier: MPL-2.0
"""Small proposals built in code, for tests of the engine without files."""

from __future__ import annotations

from decimal import Decimal

from gevinst.core.model import (
    Booking,
    BudgetMove,
    Catalog,
    CatalogTable,
    Key,
    Line,
    LineKind,
    Proposal,
    ProposalType,
    Section,
    Statement,
    ToUnit,
)
from gevinst.core.profile import Administration, Appropriation, AreaRole, Committee, Profile
from gevinst.core.series import Series
from gevinst.format.reader import load_profile

YEARS = (2024, 2025, 2026, 2027, 2028, 2029)

PROFILE = Profile(
    id="test",
    name="Testkommune",
    administrations=(
        Administration("ØKF", "Økonomiforvaltningen", "ØU"),
        Administration("TMF", "Teknik- og Miljøforvaltningen", "TMU"),
        Administration("SOF", "Socialforvaltningen", "SU"),
    ),
    committees=(
        Committee("ØU", "Økonomiudvalget"),
        Committee("TMU", "Teknik- og Miljøudvalget"),
        Committee("SU", "Socialudvalget"),
    ),
    appropriations=(Appropriation("Koncern IT", "Koncern IT", "ØU", ("KIT",)),),
    unit_order=("ØU", "Koncern IT", "TMU", "SU"),
    areas=("Service", "Anlæg"),
    default_area="Service",
    area_roles={"Service": AreaRole.OPERATING, "Anlæg": AreaRole.CAPITAL},
    # Copenhagen's template: its technical tables, its approval and consultations
    template=load_profile("kk").template,
)


def series(*amounts: int) -> Series:
    return Series({y: Decimal(a) for y, a in zip(YEARS, amounts, strict=False)})


def line(
    id: str,
    kind: LineKind,
    amounts: Series,
    area: str | None = "Service",
    booking: Booking | None = None,
    placed: str | None = None,
) -> Line:
    section = Section.IMPLEMENTATION if kind is LineKind.IMPLEMENTATION else Section.PERMANENT
    booking = booking or ToUnit("ØU")
    return Line(id, section, kind, id, area, amounts, booking, placed, role=PROFILE.role_of(area))


def proposal(
    *lines: Line, keys: dict[str, Key] | None = None, moves: tuple[BudgetMove, ...] = ()
) -> Proposal:
    return Proposal(
        id="T1",
        title="Testforslag",
        type=ProposalType.INVESTMENT,
        years=YEARS,
        price_level=2025,
        lines=lines,
        keys=keys or {},
        budget_moves=moves,
    )


def catalog(
    *proposals: Proposal,
    tables: tuple[CatalogTable, ...] = (),
    statements: tuple[Statement, ...] = (),
) -> Catalog:
    """A catalog of the test profile, in the proposals' price level (2025)."""
    return Catalog(
        id="test",
        title="Testkatalog",
        municipality="Testkommune",
        round="Budget 2025",
        price_level=2025,
        profile=PROFILE,
        proposals=proposals,
        tables=tables,
        statements=statements,
    )
