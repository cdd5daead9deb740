# SPDX-License-Identifier: MPL-2.0
"""A catalog row split by area: its parts against its total as printed, and each area's part
against the proposal's own lines on that area where it has them (P2 of the generic Danish
municipality's catalog: 0,8 of its investment on Service, 1,2 on Anlæg); one quantum (0,1
mio. kr.) off is a rounding warning; the messages in Danish and in English."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from gevinst.core.check import check_catalog
from gevinst.core.model import Catalog, CatalogRow
from gevinst.core.series import Series
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"
RULES = ("catalog-area-sum", "catalog-area-effect", "catalog-area-investment")
TITLE = "Tabel 1. Effektiviserings- og investeringsforslag til budget 2026"


@pytest.fixture(scope="module")
def dk() -> Catalog:
    return load_catalog(DK)


def _row(cat: Catalog, proposal: str, **changes: Any) -> Catalog:
    (t,) = cat.tables
    groups = tuple(
        replace(
            g,
            rows=tuple(replace(r, **changes) if r.proposal == proposal else r for r in g.rows),
        )
        for g in t.groups
    )
    return replace(cat, tables=(replace(t, groups=groups),))


def _english(cat: Catalog) -> Catalog:
    return replace(cat, profile=replace(cat.profile, language="en"))


def _found(cat: Catalog) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.message) for f in check_catalog(cat) if f.rule in RULES]


def test_the_shipped_split_agrees(dk: Catalog) -> None:
    assert _found(dk) == []


def test_an_area_against_the_proposals_lines_and_the_parts_against_the_total(
    dk: Catalog,
) -> None:
    # P2's implementation lines: 0,8 on Service, 1,2 on Anlæg; the row says 0,5 on Service
    cat = _row(dk, "P2", investment_by_area={"Service": Decimal("0.5"), "Anlæg": Decimal("1.2")})
    name = f"{TITLE}, Automatisk fakturahåndtering med softwarerobotter"
    assert _found(cat) == [
        (
            "catalog-area-sum",
            "error",
            f"{name}, samlet investering mod summen af styringsområderne: angivet 2, "
            "beregnet 1,7 (rækkens dele på Service, Anlæg giver tilsammen det beregnede tal, "
            "rækkens i alt er et andet)",
        ),
        (
            "catalog-area-investment",
            "error",
            f"{name}, investering på Service: angivet 0,5, beregnet 0,8 (forslagets egne "
            "linjer på Service giver det beregnede tal)",
        ),
    ]
    assert _found(_english(cat)) == [
        (
            "catalog-area-sum",
            "error",
            f"{name}, total investment against the sum of the areas: stated 2, calculated "
            "1.7 (the row's parts on Service, Anlæg add up to the calculated figure; the row's "
            "total is another)",
        ),
        (
            "catalog-area-investment",
            "error",
            f"{name}, investment on Service: stated 0.5, calculated 0.8 (the proposal's own "
            "lines on Service give the calculated figure)",
        ),
    ]


def test_one_quantum_off_is_a_rounding_warning(dk: Catalog) -> None:
    cat = _row(dk, "P2", investment_by_area={"Service": Decimal("0.7"), "Anlæg": Decimal("1.2")})
    found = _found(cat)
    assert [(rule, severity) for rule, severity, _ in found] == [
        ("catalog-area-sum", "warning"),
        ("catalog-area-investment", "warning"),
    ]
    assert all(message.endswith("(afrundingsforskel)") for _, _, message in found)


def test_an_effect_split_against_the_lines_year_by_year(dk: Catalog) -> None:
    # P2's permanent lines are all on Service: 0,3 in 2026 and 1,1 from 2027 (as positive
    # contributions); the row puts 0,3 of 2027 on Overførsler
    service = Series({2026: Decimal("0.3"), 2027: Decimal("0.8"), 2028: Decimal("1.1")})
    service = service + Series({2029: Decimal("1.1")})
    split = {"Service": service, "Overførsler": Series({2027: Decimal("0.3")})}
    found = _found(_row(dk, "P2", effect_by_area=split))
    name = f"{TITLE}, Automatisk fakturahåndtering med softwarerobotter"
    assert found == [
        (
            "catalog-area-effect",
            "error",
            f"{name}, effekt på Service, 2027: angivet 0,8, beregnet 1,1 (forskel -0,3; "
            "forslagets egne linjer på Service giver det beregnede tal)",
        ),
        (
            "catalog-area-effect",
            "error",
            f"{name}, effekt på Overførsler, 2027: angivet 0,3, beregnet 0 (forskel 0,3; "
            "forslagets egne linjer på Overførsler giver det beregnede tal)",
        ),
    ]


def test_a_row_alone_is_held_to_its_total_only(dk: Catalog) -> None:
    # P5 is known by its row alone: its parts are compared with its total, not with lines
    row = next(r for r in dk.tables[0].rows() if r.proposal == "P5")
    parts = dict(row.effect_by_area)
    parts["Service"] = parts["Service"] + Series({2029: Decimal("0.5")})
    found = _found(_row(dk, "P5", effect_by_area=parts))
    assert found == [
        (
            "catalog-area-sum",
            "error",
            f"{TITLE}, Tidlig og tværfaglig indsats for sygemeldte, effekt i alt mod summen af "
            "styringsområderne, 2029: angivet 1,8, beregnet 2,3 (forskel -0,5; rækkens dele på "
            "Service, Overførsler giver tilsammen det beregnede tal, rækkens i alt er et andet)",
        ),
    ]


def test_the_row_type_keeps_its_split_read_only(dk: Catalog) -> None:
    row = next(r for r in dk.tables[0].rows() if r.proposal == "P2")
    assert isinstance(row, CatalogRow)
    with pytest.raises(TypeError):
        row.investment_by_area["Service"] = Decimal(0)  # type: ignore[index]
