# SPDX-License-Identifier: MPL-2.0
"""Tabel 1's rules on small proposals: stated rows against the lines' sums (with the reason
the check gives), payback times as stated and as computed, a line's assumed styringsområde
and its printed split."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core import calc
from gevinst.core.check.table1 import check_table1
from gevinst.core.findings import Severity
from gevinst.core.model import LineKind, Parts, Proposal, Stated
from gevinst.core.series import Series
from tests.core.builders import YEARS, line, proposal, series

D = Decimal
EFF, COST, IMPL = LineKind.EFFICIENCY, LineKind.OPERATING_COST, LineKind.IMPLEMENTATION


def saving_with_investment() -> Proposal:
    """Saves 100 in 2025 and 200 a year after at a cost of 10 a year, for 300 spent in 2024:
    paid back in 2027 (cumulative 300, 210, 20, -170), the fourth year from the first
    amount."""
    return proposal(
        line("e", EFF, series(0, -100, -200, -200, -200, -200)),
        line("c", COST, series(0, 10, 10, 10, 10, 10)),
        line("i", IMPL, series(300)),
    )


def stating(
    p: Proposal,
    table1: Mapping[str, Series] | None = None,
    payback: Mapping[str, str] | None = None,
) -> Proposal:
    return replace(p, stated=Stated(table1=table1 or {}, payback=payback or {}))


def test_a_stated_row_that_is_the_lines_sum_has_no_finding() -> None:
    p = stating(saving_with_investment(), table1={"varig": series(0, -90, -190, -190, -190, -190)})
    assert list(check_table1(p)) == []


def test_a_stated_row_that_differs_from_the_lines_sum() -> None:
    p = stating(saving_with_investment(), table1={"varig": series(0, -90, -150, -190, -190, -190)})
    [f] = check_table1(p)
    assert (f.proposal, f.table, f.row, f.year, f.rule) == ("T1", "1", "varig", 2026, "table1-sum")
    assert (f.stated, f.computed, f.severity) == (D(-150), D(-190), Severity.ERROR)
    assert f.message.startswith("Samlet varig ændring, 2026: angivet -150, beregnet -190")
    assert "det beregnede tal er summen af forslagets linjer" in f.message


def test_a_row_off_by_one_is_a_rounding_warning() -> None:
    p = stating(saving_with_investment(), table1={"varig": series(0, -91, -190, -190, -190, -190)})
    [f] = check_table1(p)
    assert (f.row, f.year, f.severity) == ("varig", 2025, Severity.WARNING)
    assert f.message.endswith("(forskel -1; afrundingsforskel)")


def test_operating_costs_counted_twice_are_named() -> None:
    # Forslag 3's 4.850: the year's operating costs (10) added once more to the row
    p = stating(saving_with_investment(), table1={"varig": series(0, -80, -190, -190, -190, -190)})
    [f] = check_table1(p)
    assert (f.year, f.stated, f.computed) == (2025, D(-80), D(-90))
    assert "årets varige driftsudgifter (10), som forslaget har talt med to gange" in f.message


@pytest.mark.parametrize("stated", ["4 år (2027)", "4 år", " 4 år (2027) ", "4"])
def test_a_payback_as_computed_has_no_finding(stated: str) -> None:
    p = stating(saving_with_investment(), payback={"total": stated})
    assert calc.payback(p, "total") == calc.Payback(years=4, year=2027)
    assert list(check_table1(p)) == []


@pytest.mark.parametrize("stated", ["3 år (2026)", "4 år (2028)", "5 år", "ingen"])
def test_a_payback_other_than_computed(stated: str) -> None:
    [f] = check_table1(stating(saving_with_investment(), payback={"total": stated}))
    assert (f.table, f.row, f.year, f.rule) == ("1", "payback_total", None, "payback")
    assert (f.stated, f.computed, f.severity) == (stated, "4 år (2027)", Severity.ERROR)
    assert f.message.startswith(
        f"Tilbagebetalingstid baseret på totaløkonomi: angivet {stated!r}, beregnet 4 år (2027)"
    )


def test_no_payback_stated_as_none() -> None:
    never = proposal(line("i", IMPL, series(100)), line("c", COST, series(0, 10, 10, 10, 10, 10)))
    assert list(check_table1(stating(never, payback={"service": "Ingen"}))) == []
    [f] = check_table1(stating(never, payback={"service": "2 år (2025)"}))
    assert (f.row, f.computed, f.rule) == ("payback_service", "ingen", "payback")
    assert "baseret på serviceeffektivisering" in f.message


def test_a_payback_that_cannot_be_read() -> None:
    [f] = check_table1(stating(saving_with_investment(), payback={"total": "ca. tre år"}))
    assert (f.row, f.rule, f.severity) == ("payback_total", "payback-format", Severity.WARNING)
    assert (f.stated, f.computed) == ("ca. tre år", "4 år (2027)")
    assert f.message == "Tilbagebetalingstid baseret på totaløkonomi: 'ca. tre år' kan ikke læses"


def test_a_line_without_styringsomraade_is_noted() -> None:
    assumed = replace(line("e", EFF, series(0, -100)), area_assumed=True)
    [f] = check_table1(proposal(assumed))
    assert (f.table, f.row, f.year, f.rule) == ("1", "e", None, "area-blank")
    assert (f.stated, f.computed, f.severity) == (None, "Service", Severity.INFO)
    assert f.message == "Linjen 'e' har intet styringsområde; regnet som Service"
    assert list(check_table1(proposal(line("e", EFF, series(0, -100))))) == []


def test_a_printed_split_must_add_up_to_the_line() -> None:
    def split(tmu: int) -> Proposal:
        parts = Parts({"ØU": series(0, -60), "TMU": series(0, tmu)})
        return proposal(line("e", EFF, series(0, -100), booking=parts))

    assert list(check_table1(split(-40))) == []
    [f] = check_table1(split(-41))
    assert (f.table, f.row, f.year, f.rule) == ("1", "e", 2025, "parts-sum")
    assert (f.stated, f.computed, f.severity) == (D(-101), D(-100), Severity.WARNING)
    assert f.message.startswith("Fordelingen af 'e', 2025: angivet -101, beregnet -100")


amounts = st.lists(
    st.integers(min_value=-5000, max_value=5000), min_size=len(YEARS), max_size=len(YEARS)
)


@given(amounts, amounts, amounts)
def test_tabel_1_stated_as_computed_has_no_findings(
    saving: list[int], cost: list[int], investment: list[int]
) -> None:
    p = proposal(
        line("e", EFF, series(*saving)),
        line("c", COST, series(*cost), area="Anlæg"),
        line("i", IMPL, series(*investment), area="Anlæg"),
    )
    stated = Stated(
        table1={key: compute(p) for key, (_name, compute) in calc.TABLE1_ROWS.items()},
        payback={b: calc.payback_text(calc.payback(p, b)) for b in calc.PAYBACK_BASES},
    )
    assert list(check_table1(replace(p, stated=stated))) == []


def test_a_blank_stated_row_counts_as_zero_in_every_year() -> None:
    p = stating(saving_with_investment(), table1={"impact": Series()})
    assert [(f.year, f.computed) for f in check_table1(p)] == [
        (2024, D(300)),
        (2025, D(-90)),
        (2026, D(-190)),
        (2027, D(-190)),
        (2028, D(-190)),
        (2029, D(-190)),
    ]
