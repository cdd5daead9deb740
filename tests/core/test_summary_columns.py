# SPDX-License-Identifier: MPL-2.0
"""The columns of a catalog summary table (core.summary): the profile's, in its order, a
split by area one column per area a row splits on; without them, as gevinst always printed
the table. A row whose proposal has its own lines is split as its lines are; a row alone as
it states; the total where every row has a part."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from gevinst.core.model import Catalog
from gevinst.core.profile import TemplateRules
from gevinst.core.summary import SummaryColumn, summarise
from gevinst.core.template import printing
from gevinst.format.reader import load_catalog
from tests.paths import ROOT, SEED

DK = ROOT / "catalogs" / "dk-kommune-budget-2026"


@pytest.fixture(scope="module")
def dk() -> Catalog:
    return load_catalog(DK)


def _with_columns(cat: Catalog, *columns: str) -> Catalog:
    template = replace(cat.profile.template, catalog_columns=columns)
    return replace(cat, profile=replace(cat.profile, template=template))


def test_copenhagen_prints_its_columns_as_always() -> None:
    seed = load_catalog(SEED)
    for t in seed.tables:
        kinds = [c.kind for c in summarise(seed, t.id).columns()]
        assert kinds == ["effect_years", "investment", "approved_with"]
    assert seed.profile.template.catalog_columns == TemplateRules().catalog_columns == ()


def test_without_columns_a_stated_column_is_printed_where_a_row_states_it(dk: Catalog) -> None:
    kinds = [c.kind for c in summarise(_with_columns(dk), "catalog-1").columns()]
    assert kinds == ["effect_years", "full_effect", "investment", "payback", "approved_with"]


def test_the_profiles_columns_in_its_order_one_per_area(dk: Catalog) -> None:
    cat = _with_columns(dk, "investment_by_area", "effect_by_area", "effect_years", "payback")
    summary = summarise(cat, "catalog-1")
    assert summary.columns() == (
        SummaryColumn("investment_by_area", "Service", "Service"),
        SummaryColumn("investment_by_area", "Anlæg", "Anlæg"),
        SummaryColumn("effect_by_area", "Service", "Service"),
        SummaryColumn("effect_by_area", "Overførsler", "Overførsler"),
        SummaryColumn("effect_years"),
        SummaryColumn("payback"),
    )
    assert summary.column_count == 1 + 4 + 4 + 1
    pr = printing(cat.profile)
    headings = [summary.heading(c, pr) for c in summary.columns()]
    assert headings[:4] == [
        "Investering, Service",
        "Investering, Anlæg",
        "Effekt 2029, Service",
        "Effekt 2029, Overførsler",
    ]


def test_a_rows_parts_from_its_lines_or_as_stated(dk: Catalog) -> None:
    summary = summarise(dk, "catalog-1")
    rows = {r.row.proposal: r for r in summary.rows()}
    service, overforsler = (SummaryColumn("effect_by_area", a) for a in ("Service", "Overførsler"))
    anlaeg = SummaryColumn("investment_by_area", "Anlæg")
    # P2 has its own lines: all its effect is on Service, its investment 0,8 + 1,2
    assert summary.area_part(rows["P2"], service) == Decimal("1.1")
    assert summary.area_part(rows["P2"], overforsler) == 0
    assert summary.area_part(rows["P2"], anlaeg) == Decimal("1.2")
    # P5 is known by its row alone: its parts as stated; P1 states none
    assert summary.area_part(rows["P5"], overforsler) == Decimal("1.5")
    assert summary.area_part(rows["P1"], anlaeg) is None
    # a total only where every row has a part
    assert summary.area_part(None, anlaeg) is None
